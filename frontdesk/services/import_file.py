"""Reading a customer export: UTF-8 with or without a BOM, quoted cells over several lines, rows by their line.

The whole file is decoded once before anything is stored, so a file in another encoding is refused with a
message and nothing written, rather than failing half way through. The rows are then read from the file
again as they are needed: a million-row export held as text costs some 800 MB (about 1 GB at peak).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass, replace
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


LONGEST_ROW_LINES = 20
"""Lines one row may run over: an address over several lines is a handful; more is a quote left open that swallowed
the rows after it, which are then reported with the row's lines rather than stored as one customer's street."""
_RUNS_ON = ("the row runs over {lines} lines, to line {end}: a quote left open? Those lines were not imported; "
            "close the quote and import the file again (rows already imported are found already there).")
_QUOTE_NEVER_CLOSED = ("a quote opened in this row is never closed, so every line to the end of the file (line {end}) "
                       "was read into one cell and not imported; close the quote and import the file again "
                       "(rows already imported are found already there).")


@dataclass(frozen=True)
class SourceRow:
    line: int
    """Where the row starts in the file, counting the header as line 1 (a quoted cell may run over more lines)."""
    values: dict[str, str]
    problem: str = ""
    """Why the file's own shape makes the row unreadable (more cells than columns, a quote left open): the row is
    refused, with this reason, rather than guessed at."""


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
        twice = next((name for number, name in enumerate(self.header) if name and name in self.header[:number]), None)
        if twice:
            raise ValidationError("file", f"{path}: the column {twice} is named twice in the header, so one of each row's "
                                          f"two {twice} values would be lost; rename or remove one.")
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
        """One row behind the reader: only at the end of the file is it known whether the last row's quote was closed."""
        last: tuple[SourceRow, int] | None = None
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
                    if last is not None:
                        yield last[0]
                    last = self._row(line, ended, cells), ended
            except csv.Error as error:
                raise ValidationError("file", f"{self.path}, line {reader.line_num}: {error}.") from None
        if last is not None:
            row, ended = last
            yield replace(row, problem=_QUOTE_NEVER_CLOSED.format(end=ended)) if self._quote_left_open(row.line, ended) else row

    def _row(self, line: int, ended: int, cells: list[str]) -> SourceRow:
        values = {name: cell for name, cell in zip(self.header, cells) if name}
        extra = len(cells) - len(self.header)
        if ended - line + 1 > LONGEST_ROW_LINES:
            return SourceRow(line, values, _RUNS_ON.format(lines=ended - line + 1, end=ended))
        if extra > 0:
            return SourceRow(line, values, f"{extra} more value{'s' if extra > 1 else ''} than the header has columns "
                                           "(an unquoted comma?); quote the cell or remove the extra.")
        return SourceRow(line, values)

    def _quote_left_open(self, line: int, ended: int) -> bool:
        """Whether the last row, read over several lines, ran to the end of the file inside a quoted cell (the
        lenient reader every row goes through takes the rest of the file into that cell without a word)."""
        if ended == line:
            return False
        with _opened(self.path) as handle:
            rest = "".join(islice(handle, line - 1, None))
        try:
            list(csv.reader(io.StringIO(rest, newline=""), strict=True))
        except csv.Error as error:
            return "unexpected end of data" in str(error)
        return False


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
