"""Response to callbacks and messages: how long customers waited for the call back, against the desk's limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import case
from sqlmodel import Session, select

from frontdesk.db.models import Promise, PromiseKind, PromiseStatus
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import elapsed_seconds
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
    """One statement returning a number per callback (the median needs them all); no statement per row.
    Whether a callback has waited past the limit is decided in the database, so no timestamp is turned
    into a Python datetime; the rows are read from one covering index."""
    rows = figure_rows(session, 
        select(Promise.owner_id, Promise.status, elapsed_seconds(Promise.created_at, Promise.closed_at),
               case((Promise.created_at < now - limit, True), else_=False))
        .where(Promise.kind == PromiseKind.CALLBACK,
               *in_period(Promise.created_at, period))
    ).all()
    waits: dict[int | None, list[tuple[str, float | None, bool]]] = {}
    for owner, status, seconds, past_limit in rows:
        for key in (owner, None):
            waits.setdefault(key, []).append((status, seconds, past_limit))
    stats = {key: _stats(found, limit) for key, found in waits.items()}
    return Tally({key: value for key, value in stats.items() if key is not None}, stats.get(None, NO_CALLBACKS))


def _stats(found: list[tuple[str, float | None, bool]], limit: timedelta) -> ResponseStats:
    answered = [seconds for status, seconds, _ in found if status == PromiseStatus.KEPT and seconds is not None]
    waiting_too_long = sum(1 for status, _, past_limit in found if status == PromiseStatus.OPEN and past_limit)
    return ResponseStats(
        asked=len(found), answered=len(answered), within_limit=sum(1 for seconds in answered if seconds <= limit.total_seconds()),
        counted=len(answered) + waiting_too_long, median_seconds=median(answered) if answered else None,
    )
