"""Messages the app sends to every open screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.message import Message

from frontdesk.services.changes import Change


@dataclass
class DeskChanged(Message):
    """Other terminals (or this one) committed changes; screens showing those records reload them.

    The app posts one to every screen on its stacks and to every mode's screen; a screen that shows
    nothing touched by `changes` ignores it. After the feed lost its connection, `everything` is
    True: changes may have been missed, so a screen reloads all it shows, whatever its ids.
    """

    changes: tuple[Change, ...]

    @property
    def everything(self) -> bool:
        return any(change.everything for change in self.changes)

    def touches(self, *kinds: str) -> bool:
        return any(change.kind in kinds or change.everything for change in self.changes)

    def touching(self, *kinds: str) -> Iterable[Change]:
        return (change for change in self.changes if change.kind in kinds or change.everything)

    def customers(self) -> set[int]:
        return {change.customer_id for change in self.changes if change.customer_id is not None}

    def interactions(self) -> set[int]:
        return {change.interaction_id for change in self.changes if change.interaction_id is not None}
