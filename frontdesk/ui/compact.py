"""The compact layout for terminals narrower than COMPACT_BELOW columns (80×24 is the smallest we promise)."""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Below this many columns the screens stack their panels and the header and footer say less."""

NARROW = "-narrow"
"""The app's class below COMPACT_BELOW columns; app.tcss lays out `FrontDeskApp.-narrow` screens.

On the app, not on each screen (Textual's breakpoints): a breakpoint class is put on every screen as
it opens, and styles the whole screen a second time, which froze the terminal at every dialog.
"""


class DeskFooter(Footer):
    """A footer whose keys sit closer when the terminal is narrow, without the palette key, so more of them fit.

    It is built again only when the keys it shows change: Textual's footer rebuilds all its keys (some
    fifteen widgets, each styled afresh) whenever the focus moves, which froze the screen for tens of
    milliseconds at every Tab, every dialog opened and every row chosen.
    """

    shown_for: Hashable = None
    """What the keys were built from; the same again means the footer already shows them."""

    def on_resize(self, _event: events.Resize) -> None:
        narrow = self.app.size.width < COMPACT_BELOW
        self.compact = narrow
        self.show_command_palette = not narrow

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
