"""First-contact resolution: resolved at the first contact, and the customer did not come back about the
same reason category within 7 days. While those 7 days are still running the figure is provisional."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, exists, func
from sqlalchemy.orm import aliased

from frontdesk.db.models import Interaction, Outcome
from frontdesk.services.figures.owner_pass import OwnerRows
from frontdesk.services.figures.sql_time import elapsed_seconds, how_many
from frontdesk.services.figures.tally import Tally, additive

REPEAT_WINDOW = timedelta(days=7)
"""A contact about the same thing within this long after a 'resolved' one means it was not resolved."""


@dataclass(frozen=True)
class ResolutionStats:
    wrapped_up: int
    resolved_first: int
    still_in_window: int
    """Resolved contacts whose 7 days have not passed yet: the customer may still come back."""

    @property
    def provisional(self) -> bool:
        return self.still_in_window > 0


def resolution_columns(now: datetime) -> tuple[ColumnElement, ...]:
    """What this family counts in the shared pass: the repeat check is an EXISTS answered from
    (customer, category, start), so it costs one index probe per resolved contact. A later start is never
    the contact itself, so neither side needs the contact's id and both read from indexes alone."""
    later = aliased(Interaction)
    came_back = exists().where(
        later.customer_id == Interaction.customer_id, later.category == Interaction.category,
        later.started_at > Interaction.started_at, elapsed_seconds(Interaction.started_at, later.started_at) <= REPEAT_WINDOW.total_seconds(),
    )
    settled = Interaction.started_at <= now - REPEAT_WINDOW

    def first_time(in_window: bool) -> ColumnElement[int]:
        """A lazy CASE: the repeat check runs only for resolved contacts, and once for each (the two sums
        split the contacts by their window instead of both running it)."""
        return func.coalesce(func.sum(case((settled if in_window else ~settled, 0), (Interaction.outcome != Outcome.RESOLVED, 0),
                                           (came_back, 0), else_=1)), 0)

    return (how_many(Interaction.ended_at != None).label("fcr_wrapped_up"),  # noqa: E711
            first_time(in_window=False).label("settled_first"), first_time(in_window=True).label("still_in_window"))


def resolution_figures(owned: OwnerRows) -> Tally[ResolutionStats]:
    return additive(ResolutionStats, {
        owner: ResolutionStats(int(row["fcr_wrapped_up"]), int(row["settled_first"]) + int(row["still_in_window"]),
                               int(row["still_in_window"]))
        for owner, row in owned.items()
    })
