"""Promises due in the period: kept on time, kept late, overdue, and moved with the customer told in time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import Session, func, select

from frontdesk.db.models import Promise, PromiseChange, PromiseKind, PromiseStatus
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import how_many
from frontdesk.services.figures.tally import Tally, additive, figure_rows, in_period

KEPT_ON_TIME = and_(Promise.status == PromiseStatus.KEPT, Promise.kept_late == False, Promise.closed_at <= Promise.due_at)  # noqa: E712
"""Kept by its (last agreed) due time; kept early counts as on time."""
NOT_A_CALLBACK = Promise.kind != PromiseKind.CALLBACK
"""Callbacks have their own figure (response); promises and follow-ups are counted here."""


@dataclass(frozen=True)
class PromiseStats:
    on_time: int
    late: int
    overdue: int
    moved: int
    """Due-time changes made in the period."""
    moved_told_in_time: int
    """Of those, the ones the customer heard of before the old deadline."""

    @property
    def settled(self) -> int:
        """Promises whose deadline has been met or missed: the base of the on-time share."""
        return self.on_time + self.late + self.overdue


def promise_figures(session: Session, period: Period, now: datetime) -> Tally[PromiseStats]:
    """Two statements, grouped by owner: promises due in the period, and the due-time changes made in it."""
    kept = Promise.status == PromiseStatus.KEPT
    counts = {row[0]: row[1:] for row in figure_rows(
        session,
        select(Promise.owner_id, how_many(KEPT_ON_TIME), how_many(and_(kept, or_(Promise.kept_late == True, Promise.closed_at > Promise.due_at))),  # noqa: E712
               how_many(and_(Promise.status == PromiseStatus.OPEN, Promise.due_at < now)))
        .where(NOT_A_CALLBACK, *in_period(Promise.due_at, period)).group_by(Promise.owner_id)
    )}
    moves = {row[0]: row[1:] for row in figure_rows(
        session,
        select(Promise.owner_id, func.count(), how_many(PromiseChange.told_before_deadline == True))  # noqa: E712
        .join(Promise, Promise.id == PromiseChange.promise_id)
        .where(NOT_A_CALLBACK, *in_period(PromiseChange.at, period)).group_by(Promise.owner_id)
    )}
    return additive(PromiseStats, {
        owner: PromiseStats(*(int(value) for value in counts.get(owner, (0, 0, 0)) + moves.get(owner, (0, 0))))
        for owner in set(counts) | set(moves)
    })
