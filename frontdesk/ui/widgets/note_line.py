"""The box notes are typed into: Enter hands over exactly what was typed up to that key."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input


class NoteLine(Input):
    """Enter is handled with the other keys, in the order they were typed.

    A plain Input submits through its key binding, which runs only once the key has bubbled up to
    the app, and its Submitted message reaches the screen later still; keys typed meanwhile would
    land in the line just submitted. Here `on_enter` gets the box's value the moment Enter arrives,
    in turn with the letters before and after it, so it can empty the box before the next key.
    """

    def __init__(self, on_enter: Callable[[str], object], *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.on_enter = on_enter

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return
        event.stop()  # the Input's own Enter binding would submit again, with whatever came after
        event.prevent_default()
        self.on_enter(self.value)
