"""The box notes are typed into: Enter hands over exactly what was typed up to that key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.message import Message
from frontdesk.ui.widgets.edit_boxes import TextBox


class NoteLine(TextBox):
    """Enter is handled with the other keys, in the order they were typed.

    A plain Input submits through its key binding, which runs only once the key has bubbled up to
    the app, and its Submitted message reaches the screen later still; keys typed meanwhile would
    land in the line just submitted. Here `on_enter` gets the box's value the moment Enter arrives,
    in turn with the letters before and after it, so it can empty the box before the next key.
    """

    @dataclass
    class Pasted(Message):
        """A paste kept in full as one note (`lines` > 1), or cut at the note limit (`dropped` > 0)."""

        text: str
        lines: int
        dropped: int

    def __init__(self, on_enter: Callable[[str], object], *, placeholder: str = "", id: str | None = None,
                 max_length: int = 0) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.on_enter = on_enter
        self.limit = max_length
        """A note's longest text: a longer paste is cut here, and the agent told, at the box."""

    def on_paste(self, event: events.Paste) -> None:
        """Every pasted line is kept, exactly: Textual's Input would keep only the first, silently.

        A terminal sends a pasted line break as CR; it is stored as the line break it stands for.
        A paste of several lines becomes one note at once, with what was typed around it; the
        agent can correct it as any note (its box has room for many lines).
        """
        event.stop()
        event.prevent_default()
        pasted = event.text.replace("\r\n", "\n").replace("\r", "\n")
        start, end = sorted((self.selection.start, self.selection.end))
        before, after = self.value[:start], self.value[end:]
        room = max(0, self.limit - len(before) - len(after)) if self.limit else len(pasted)
        kept, dropped = pasted[:room], max(0, len(pasted) - room)
        lines = kept.count("\n") + 1
        if lines > 1:
            self.value = ""
            self.post_message(self.Pasted(before + kept + after, lines, dropped))
            return
        self.replace(kept, start, end)
        if dropped:
            self.post_message(self.Pasted(kept, 1, dropped))

    def on_key(self, event: events.Key) -> None:
        if event.key != "enter":
            return
        event.stop()  # the Input's own Enter binding would submit again, with whatever came after
        event.prevent_default()
        self.on_enter(self.value)
