"""The box notes are typed into: Enter submits exactly what was typed up to that key."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class NoteLine(Input):
    """Enter is handled with the other keys, in order.

    A plain Input submits through its key binding, which runs after the key has bubbled up; when
    the app is busy (another terminal writing to the database) the next keys can reach the box
    first and be swallowed into the line just submitted.
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.value))
            return
        await super()._on_key(event)
