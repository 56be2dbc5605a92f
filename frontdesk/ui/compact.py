"""The compact layout for terminals narrower than COMPACT_BELOW columns (80×24 is the smallest we promise)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Below this many columns the screens stack their panels and the header and footer say less."""

BREAKPOINTS = [(0, "-compact"), (COMPACT_BELOW, "-roomy")]
"""Textual puts the class on every screen; app.tcss lays out `Screen.-compact` for narrow terminals."""


def key_width(key: Widget, compact: bool, width: int) -> int:
    """Cells a key takes in the footer, its margin included (Textual's FooterKey and Footer stylesheets).

    Textual keeps its FooterKey class private, so a key is known by what it shows; anything else takes a row.
    """
    shown, description = getattr(key, "key_display", None), getattr(key, "description", "")
    if not isinstance(shown, str):
        return width
    label = cell_len(shown) + (cell_len(description) + 1 if description else 0)
    if key.has_class("-command-palette"):
        label += 2  # its bar on the left and a space on the right
    return label + 1 if compact else label + 2  # compact: one space after; roomy: a space either side of the key


def rows_of_keys(keys: Iterable[Widget], width: int, compact: bool) -> Iterator[list[Widget]]:
    """The keys in order, as many to a row as fit in `width`: no key is cut off or pushed off screen."""
    row: list[Widget] = []
    used = 0
    for key in keys:
        wanted = key_width(key, compact, width)
        if row and used + wanted > width:
            yield row
            row, used = [], 0
        row.append(key)
        used += wanted
    if row:
        yield row


class DeskFooter(Footer):
    """A footer that goes onto a second (or third) line rather than cut keys off, so every key can be seen.

    When the terminal is narrow its keys also sit closer and the palette key is left out, so fewer lines are needed.
    """

    DEFAULT_CSS = """
    DeskFooter {
        layout: vertical;
        height: auto;
        & > .footer-row { height: 1; width: 100%; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.laid_out_for = 0
        """The terminal width the rows were packed for: only a new width needs them packed again."""

    def compose(self) -> ComposeResult:
        width = self.laid_out_for = self.app.size.width
        self.compact = width < COMPACT_BELOW
        self.show_command_palette = not self.compact
        for row in rows_of_keys(super().compose(), width, self.compact):
            yield HorizontalGroup(*row, classes="footer-row")

    def on_resize(self, _event: events.Resize) -> None:
        if self.app.size.width != self.laid_out_for:
            self.refresh(recompose=True)
