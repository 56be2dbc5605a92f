"""First-contact resolution: resolved at the first contact, and the customer did not come back about the
same reason category within 7 days. While those 7 days are still running the figure is provisional."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, not_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from frontdesk.db.models import Interaction, Outcome
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import elapsed_seconds, how_many
from frontdesk.services.figures.tally import Tally, additive, in_period

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


def resolution_figures(session: Session, period: Period, now: datetime) -> Tally[ResolutionStats]:
    """One statement: the repeat check is an EXISTS the database answers from (customer, category, start)."""
    later = aliased(Interaction)
    came_back = exists().where(
        later.customer_id == Interaction.customer_id, later.category == Interaction.category, later.id != Interaction.id,
        later.started_at > Interaction.started_at, elapsed_seconds(Interaction.started_at, later.started_at) <= REPEAT_WINDOW.total_seconds(),
    )
    resolved = Interaction.outcome == Outcome.RESOLVED
    first_time = and_(resolved, not_(came_back))
    rows = session.exec(
        select(Interaction.owner_id, how_many(Interaction.ended_at != None), how_many(first_time),  # noqa: E711
               how_many(and_(first_time, Interaction.started_at > now - REPEAT_WINDOW)))
        .where(*in_period(Interaction.started_at, period)).group_by(Interaction.owner_id)
    )
    return additive(ResolutionStats, {owner: ResolutionStats(int(wrapped), int(first), int(open_window))
                                      for owner, wrapped, first, open_window in rows})
