"""Response to callbacks and messages: how long customers waited for the call back, against the desk's limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import and_
from sqlmodel import Session, func, select

from frontdesk.db.models import Promise, PromiseKind, PromiseStatus
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import elapsed_seconds, how_many
from frontdesk.services.figures.tally import Tally, figure_rows, in_period


@dataclass(frozen=True)
class ResponseStats:
    asked: int
    """Callbacks (missed calls and messages) asked for in the period."""
    answered: int
    within_limit: int
    counted: int
    """Answered, plus those still unanswered past the limit: the ones whose fate against the limit is known."""
    median_seconds: float | None


NO_CALLBACKS = ResponseStats(asked=0, answered=0, within_limit=0, counted=0, median_seconds=None)


def response_figures(session: Session, period: Period, now: datetime, limit: timedelta) -> Tally[ResponseStats]:
    """Two statements however many callbacks, both read from one covering index: the counts grouped by owner,
    and the answered waits one by one as plain numbers, which the medians need (no timestamp becomes a
    Python datetime, no row is counted in Python)."""
    asked_in_period = (Promise.kind == PromiseKind.CALLBACK, *in_period(Promise.created_at, period))
    wait = elapsed_seconds(Promise.created_at, Promise.closed_at)
    answered = and_(Promise.status == PromiseStatus.KEPT, wait != None)  # noqa: E711
    counts = {owner: tuple(int(value) for value in counted) for owner, *counted in figure_rows(
        session,
        select(Promise.owner_id, func.count(), how_many(answered), how_many(and_(answered, wait <= limit.total_seconds())),
               how_many(and_(Promise.status == PromiseStatus.OPEN, Promise.created_at < now - limit)))
        .where(*asked_in_period).group_by(Promise.owner_id),
    )}
    waits: dict[int, list[float]] = {}
    for owner, seconds in figure_rows(session, select(Promise.owner_id, wait).where(*asked_in_period, answered)):
        waits.setdefault(owner, []).append(seconds)
    if not counts:
        return Tally({}, NO_CALLBACKS)
    desk = _stats(*(sum(counted[column] for counted in counts.values()) for column in range(4)),
                  [seconds for found in waits.values() for seconds in found])
    return Tally({owner: _stats(*counted, waits.get(owner, [])) for owner, counted in counts.items()}, desk)


def _stats(asked: int, answered: int, within_limit: int, waiting_too_long: int, waits: list[float]) -> ResponseStats:
    """`waiting_too_long`: still unanswered past the limit, so their fate against it is known too."""
    return ResponseStats(asked=asked, answered=answered, within_limit=within_limit, counted=answered + waiting_too_long,
                         median_seconds=median(waits) if waits else None)
