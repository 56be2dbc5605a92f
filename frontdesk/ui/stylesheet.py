"""The stylesheet parsed once, as the app starts, instead of again at the first visit to each section.

Textual parses the whole stylesheet again (every widget's DEFAULT_CSS and app.tcss) whenever a widget
class it has not seen before is mounted, and once more, twice, when a section (a mode) is first shown,
because the new screen has never been told which version of the stylesheet it was styled with. Either
froze the terminal for 30 to 140 ms at the first visit to a section or the first opening of a dialog.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget


def widget_classes() -> Iterator[type[Widget]]:
    """Every widget class imported so far: the app's screens import all the widgets they show."""
    seen: set[type[Widget]] = set()
    waiting = [Widget]
    while waiting:
        kind = waiting.pop()
        for subclass in kind.__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                waiting.append(subclass)
                yield subclass


def read_every_default_css(app: App) -> None:
    """Adds each widget class's DEFAULT_CSS to the stylesheet now, as Textual would at its first mount.

    The sources are the ones Textual adds itself (same place, same priority and scope), so a widget mounted later
    finds its CSS already there and nothing is parsed again. A class whose CSS is not scoped to itself (Textual's
    Markdown) is left until it is mounted: its rules would style other widgets before it was ever shown.
    """
    for kind in widget_classes():
        as_if_mounted = SimpleNamespace(_node_bases=DOMNode._css_bases(kind))
        sources = DOMNode._get_default_css(as_if_mounted)
        if any(not scope for _read_from, _css, _tie_breaker, scope in sources):
            continue
        for read_from, css, tie_breaker, scope in sources:
            app.stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope)
    app.stylesheet.parse()


def styled_now(app: App, screen: Screen) -> Screen:
    """A screen about to be shown for the first time is styled by its mount with the stylesheet as it is now.

    Textual does not note that on the screen, and refreshes the whole stylesheet (parses it again, restyles the
    screen on view) when it shows a section first, and again whenever a section comes back with a dialog or card
    on top that was opened there.
    """
    if not screen.is_mounted:
        screen._css_update_count = app._css_update_count
    return screen


class StyledOnMount:
    """Put before Screen or ModalScreen in a screen's bases: its first showing does not style it all over again.

    Textual styles every widget as it is mounted, and then, as a new screen (a dialog, a card, a form) is first shown,
    styles the whole screen once more: a third to a half of the 50 to 120 ms it took to open one. Nothing can have
    changed in between when the stylesheet is still the one it was mounted with (`styled_now`). Later showings (back
    from a dialog, back to a section) are styled as Textual decides.
    """

    shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self.shown_before and self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
        self.shown_before = True
