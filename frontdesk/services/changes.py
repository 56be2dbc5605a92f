"""What the desk-wide change feed carries: one committed change, as the other terminals hear of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

EVERYTHING = "everything"
"""The kind of the change a feed sends when it may have missed some: reload whatever is shown."""


@dataclass(frozen=True)
class Change:
    """A committed change made at some terminal (this one included).

    `kind` names what changed, in the desk's words: customer, note, interaction, promise, callback,
    rules, catalog, category, agent, goodwill, presence. `action` says how (created, edited, merged,
    handed-off, wrapped-up, kept, moved, reassigned...). The ids say which records it touches, so a
    screen can ignore what is not on it. A coalesced change (many rows of one kind in one commit,
    such as an import) has no entity_id. The kind EVERYTHING (see `reload_everything`) means the feed
    lost its connection and cannot say what changed meanwhile.
    """

    id: int
    kind: str
    action: str = "changed"
    entity_id: int | None = None
    customer_id: int | None = None
    interaction_id: int | None = None
    terminal: str = ""
    at: datetime | None = None
    """When it was committed, by the writing terminal's clock."""

    @property
    def everything(self) -> bool:
        return self.kind == EVERYTHING


def reload_everything() -> Change:
    """Said after the feed reconnects: changes may have been missed, so every screen reloads."""
    return Change(0, EVERYTHING, "reload")
