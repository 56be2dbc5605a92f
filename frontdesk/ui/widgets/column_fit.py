"""Column widths that fit the rows on screen now, narrowing the columns that may give way."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

SCROLLBAR = 2
MIN_SHRUNK = 8  # a name cut shorter than this no longer says whose row it is


def fitted_widths(texts: list[list[str]], width: int, shrinkable: tuple[int, ...], keep: int, padding: int) -> list[int]:
    """Per column, the width of its widest text; if the first `keep` columns would not fit in `width`,
    the `shrinkable` ones share what is left, each keeping at least MIN_SHRUNK."""
    natural = [max((cell_len(text) for text in column), default=1) for column in texts]
    room = width - SCROLLBAR - padding * keep - sum(w for i, w in enumerate(natural[:keep]) if i not in shrinkable)
    wanted = sum(natural[i] for i in shrinkable)
    if width <= 0 or wanted <= room:
        return natural
    widths = list(natural)
    left = max(room, MIN_SHRUNK * len(shrinkable))
    for position, i in enumerate(sorted(shrinkable, key=lambda i: natural[i])):
        share = left // (len(shrinkable) - position)  # the narrower column takes what it needs, up to a fair share
        widths[i] = max(min(natural[i], share), MIN_SHRUNK)
        left -= widths[i]
    return widths


def fitted_cell(cell: Text | str) -> Text:
    """A cell that stays on its line and ends in "…" if its column is narrower than its text."""
    cell = Text(cell) if isinstance(cell, str) else cell
    cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell


def cut_in_the_middle(text: str, width: int) -> str:
    """`text` in at most `width` cells with its middle left out, when its end is a number ("خیابان …پلاک ۲۱۱",
    "Οδός…ού 12"): a street's house number comes last in some languages, and it is what tells two look-alikes on
    one street apart; an end-cut dropped the Persian numbers, leaving two identical rows. A text whose number comes
    first ("12 Jackson Avenue") is left for its cell to end in "…", as before."""
    words = text.split()
    if cell_len(text) <= width or not words or not any(char.isdigit() for char in words[-1]):
        return text
    if width <= 1:
        return "…"[:width]
    head_room = (width - 1) // 2
    tail_room = width - 1 - head_room
    head = ""
    for char in text:
        if cell_len(head + char) > head_room:
            break
        head += char
    tail = ""
    for char in reversed(text):
        if cell_len(char + tail) > tail_room:
            break
        tail = char + tail
    return f"{head}…{tail}"


def last_takes_the_rest(widths: list[int], width: int, padding: int) -> list[int]:
    """The last column (the long text) narrowed to what the others leave, so it ends in "…" on screen, not past it."""
    rest = width - SCROLLBAR - padding * len(widths) - sum(widths[:-1])
    return [*widths[:-1], max(min(widths[-1], rest), MIN_SHRUNK)]


def fill_to_width(table: DataTable, labels: Sequence[str], rows: Sequence[Sequence[Text]],
                  keys: Sequence[str] | None = None) -> None:
    """The table filled afresh with `rows`: each column as wide as its widest text, the last narrowed to what the
    others leave, so a text too long for the terminal ends in "…" on screen instead of running past its edge.

    Called again when the table's width changes. The cursor goes back to the first row: the caller puts it back.
    """
    padding = 2 * table.cell_padding
    natural = [max(cell_len(text) for text in (label, *(cells[index].plain for cells in rows))) for index, label in enumerate(labels)]
    widths = last_takes_the_rest(natural, table.size.width or table.app.size.width, padding)
    table.clear(columns=True)
    for label, width in zip(labels, widths):
        table.add_column(label, width=width)
    for index, cells in enumerate(rows):
        table.add_row(*(fitted_cell(cell) for cell in cells), key=keys[index] if keys is not None else None)
