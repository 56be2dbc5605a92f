"""The compact layout for terminals narrower than COMPACT_BELOW columns (80×24 is the smallest we promise)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Below this many columns the screens stack their panels and the header and footer say less."""

NARROW = "-narrow"
"""The app's class below COMPACT_BELOW columns; app.tcss lays out `FrontDeskApp.-narrow` screens.

On the app, not on each screen (Textual's breakpoints): a breakpoint class is put on every screen as
it opens, and styles the whole screen a second time, which froze the terminal at every dialog.
"""


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


def palette_where_it_fits(keys: list[Widget], width: int) -> list[Widget]:
    """A narrow footer's keys, the palette's among them only if the last row has room for it: it never adds a row,
    yet a new user at 80 columns still learns that Ctrl+P is there (switch agent, my kudos) whenever it fits."""
    palette = [key for key in keys if key.has_class("-command-palette")]
    others = [key for key in keys if not key.has_class("-command-palette")]
    rows = list(rows_of_keys(others, width, compact=True))
    used = sum(key_width(key, True, width) for key in rows[-1]) if rows else 0
    if palette and used + key_width(palette[0], True, width) <= width:
        return others + palette
    return others


class DeskFooter(Footer):
    """A footer that goes onto a second (or third) line rather than cut keys off, so every key can be seen.

    When the terminal is narrow its keys also sit closer, and the palette key is shown only where a row has room.
    It is built again only when the keys it shows or the terminal's width change: Textual's footer rebuilds all
    its keys (some fifteen widgets, each styled afresh) whenever the focus moves, which froze the screen for tens
    of milliseconds at every Tab, every dialog opened and every row chosen.
    """

    DEFAULT_CSS = """
    DeskFooter {
        layout: vertical;
        height: auto;
        & > .footer-row { height: 1; width: 100%; }
    }
    """

    shown_for: Hashable = None
    """What the keys were built from; the same again means the footer already shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.laid_out_for = 0
        """The terminal width the rows were packed for: only a new width needs them packed again."""

    def compose(self) -> ComposeResult:
        width = self.laid_out_for = self.app.size.width
        self.compact = width < COMPACT_BELOW
        keys = list(super().compose())
        if self.compact:
            keys = palette_where_it_fits(keys, width)
        for row in rows_of_keys(keys, width, self.compact):
            yield HorizontalGroup(*row, classes="footer-row")

    def on_mount(self) -> None:
        """Textual's Footer.on_mount runs too (every class's handler does): it follows the screen's keys."""
        self.app.screen_change_signal.subscribe(self, self.screen_changed, immediate=True)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def screen_changed(self, top: Screen) -> None:
        """Only the screen on top shows its keys: under a dialog, this footer may take more lines than the dialog's own.

        Set on the footer alone. Textual's way, a class put on the screen beneath, styled every widget on that screen
        again at each dialog opened and each one closed.
        """
        self.styles.visibility = "visible" if top is self.screen else "hidden"

    def on_resize(self, _event: events.Resize) -> None:
        if self.app.size.width != self.laid_out_for:
            self.refresh(recompose=True)
        self.keep_toasts_above()

    def keep_toasts_above(self) -> None:
        """The screen's toasts stand on this footer, not over its keys, however many lines it takes.

        Textual's toast rack (its id is Textual's; the class is private) leaves one line under it, for a footer of one line.
        """
        for rack in self.screen.query("#textual-toastrack"):
            rack.styles.margin = (0, 0, self.outer_size.height, 0)

    def keys_to_show(self) -> Hashable:
        shown = tuple((binding.key, binding.key_display, binding.action, binding.description, binding.group, enabled, tooltip)
                      for _, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)
        return shown, self.show_command_palette

    def bindings_changed(self, screen: Screen) -> None:
        rebuilt = screen.app.app_focus and self.is_attached and screen is self.screen
        if rebuilt:
            keys = self.keys_to_show()
            if keys == self.shown_for:
                return
            self.shown_for = keys
        super().bindings_changed(screen)
