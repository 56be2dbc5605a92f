"""The compact layout for terminals narrower than COMPACT_BELOW columns (80×24 is the smallest we promise)."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Below this many columns the screens stack their panels and the header and footer say less."""

BREAKPOINTS = [(0, "-compact"), (COMPACT_BELOW, "-roomy")]
"""Textual puts the class on every screen; app.tcss lays out `Screen.-compact` for narrow terminals."""


class DeskFooter(Footer):
    """A footer whose keys sit closer when the terminal is narrow, without the palette key, so more of them fit."""

    def on_resize(self, _event: events.Resize) -> None:
        narrow = self.app.size.width < COMPACT_BELOW
        self.compact = narrow
        self.show_command_palette = not narrow
