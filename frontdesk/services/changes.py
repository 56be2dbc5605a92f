"""What the desk-wide change feed carries: one committed change, as the other terminals hear of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Change:
    """A committed change made at some terminal (this one included).

    `kind` names what changed, in the desk's words: customer, note, interaction, promise, callback,
    rules, catalog, category, agent, goodwill, presence. `action` says how (created, edited, merged,
    handed-off, wrapped-up, kept, moved, reassigned...). The ids say which records it touches, so a
    screen can ignore what is not on it.
    """

    id: int
    kind: str
    action: str = "changed"
    entity_id: int | None = None
    customer_id: int | None = None
    interaction_id: int | None = None
    terminal: str = ""
    at: datetime | None = None
    """When it was committed (aware UTC), for measuring how long the news took to travel."""
