"""Reading a customer export: UTF-8 with or without a BOM, quoted cells over several lines, rows by their line.

The whole file is decoded once before anything is stored, so a file in another encoding is refused with a
message and nothing written, rather than failing half way through. The rows are then read from the file
again as they are needed: a million-row export held as text costs some 800 MB (about 1 GB at peak).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from frontdesk.services.validation import ValidationError

COLUMNS = (
    "given_name", "family_name", "honorific", "preferred_address", "pronunciation", "phones",
    "email", "street", "city", "birth_date", "language", "preferences",
)
"""The CSV header names an import understands; phones may hold several numbers split by ';'."""
OTHER_ENCODINGS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                   (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
"""Byte-order marks of encodings that are named in the message; UTF-32's go first, as UTF-16's begin them."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    """Where the row starts in the file, counting the header as line 1 (a quoted cell may run over more lines)."""
    values: dict[str, str]
    extra: int = 0
    """Cells beyond the header's columns: the row is refused rather than guessed at (an unquoted comma?)."""


class SourceFile:
    """The header, checked at once, and the rows, read one at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _check_decodes(path)
        with _opened(path) as handle:
            try:
                self.header = [name.strip() for name in next(csv.reader(handle), [])]
            except csv.Error as error:
                raise ValidationError("file", f"{path}: {error}.") from None
        unknown = [name for name in self.header if name and name not in COLUMNS]
        if unknown:
            raise ValidationError("file", f"{path}: unknown columns {', '.join(unknown)} (known: {', '.join(COLUMNS)}).")
        if "given_name" not in self.header and "family_name" not in self.header:
            raise ValidationError("file", f"{path}: the header needs a given_name or family_name column.")
        self.blank_rows = 0
        """Rows with nothing in them, counted rather than reported one by one."""

    def count_rows(self) -> int:
        """Rows after the header that hold something (a cell over several lines is one row): a progress bar's total."""
        try:
            with _opened(self.path) as handle:
                return sum(1 for cells in islice(csv.reader(handle), 1, None) if any(cell.strip() for cell in cells))
        except csv.Error:
            return 0  # rows() names the line when it gets there

    def rows(self) -> Iterator[SourceRow]:
        with _opened(self.path) as handle:
            reader = csv.reader(handle)
            next(reader, None)  # the header, checked when the file was opened
            ended = reader.line_num
            try:
                for cells in reader:
                    line, ended = ended + 1, reader.line_num
                    if not any(cell.strip() for cell in cells):
                        self.blank_rows += 1
                        continue
                    values = {name: cell for name, cell in zip(self.header, cells) if name}
                    yield SourceRow(line, values, max(len(cells) - len(self.header), 0))
            except csv.Error as error:
                raise ValidationError("file", f"{self.path}, line {reader.line_num}: {error}.") from None


def _opened(path: Path) -> TextIO:
    """newline="": the csv module finds the line ends itself, inside quoted cells too."""
    return path.open(encoding="utf-8-sig", newline="")


def _check_decodes(path: Path) -> None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("file", f"{path}: no such file.") from None
    except OSError as error:
        raise ValidationError("file", f"{path}: {error.strerror or error}.") from None
    for bom, name in OTHER_ENCODINGS:
        if data.startswith(bom):
            raise ValidationError("file", f"{path}: the file is {name} text; save the CSV as UTF-8 and try again.")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValidationError(
            "file", f"{path}: not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); "
                    "save the CSV as UTF-8 and try again.") from None
