"""Whether a promise can be kept before it is made: the time is ahead, the desk is open, the owner has room."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import chain, islice

from sqlmodel import Session, func, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Promise, PromiseStatus
from frontdesk.clock.dates import date_words, wall_clock_words
from frontdesk.clock.typed_time import is_far_ahead
from frontdesk.clock.hours import END_OF_DAY, OpeningHours, as_utc, at_local
from frontdesk.services.desk_rules import DeskRules

MAX_ALTERNATIVES = 3
LOOKAHEAD_DAYS = 31
"""How far ahead alternatives are looked for; a desk full for a month needs a supervisor, not a suggestion."""
PAST = "That time has already passed; promise a time still ahead."


@dataclass(frozen=True)
class PromiseCheck:
    refused: tuple[str, ...]
    """Reasons the promise cannot be made at all, as sentences for the agent."""
    warnings: tuple[str, ...]
    """Reasons to think twice; the agent may confirm anyway."""
    alternatives: tuple[datetime, ...]
    """Feasible due times to offer the customer instead, aware in the desk's zone, best first."""
    refused_field: str = ""
    """The input to change first when refused: "due_at" or "owner"."""

    @property
    def ok(self) -> bool:
        return not self.refused and not self.warnings


def stored_utc(moment: datetime) -> datetime:
    """A stored timestamp as aware UTC: SQLite hands back the UTC wall time without its zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def owner_problem(session: Session, owner_id: int) -> str | None:
    """Why this colleague cannot own a promise, or None: promises left with absent staff are never kept."""
    owner = session.get(Agent, owner_id)
    if owner is None:
        return "That colleague is no longer at the desk; choose another owner."
    if not owner.active:
        return f"{owner.name} is no longer at the desk; choose another owner."
    return None


def promises_due_on(session: Session, owner_id: int, day: date, tz: tzinfo, ignore_promise_id: int | None = None) -> int:
    """The owner's open promises due on one local day: their load, for the capacity rule."""
    start, end = as_utc(at_local(day, time(0), tz)), as_utc(at_local(day + timedelta(days=1), time(0), tz))
    query = select(func.count()).select_from(Promise).where(
        Promise.owner_id == owner_id, Promise.status == PromiseStatus.OPEN, Promise.due_at >= start, Promise.due_at < end,
    )
    if ignore_promise_id is not None:
        query = query.where(Promise.id != ignore_promise_id)
    return session.exec(query).one()


def check_promise(session: Session, rules: DeskRules, owner_id: int, due_at: datetime, *,
                  ignore_promise_id: int | None = None) -> PromiseCheck:
    """Refuses what cannot be kept at all; warns about what probably will not be, with times that would work."""
    due = as_utc(due_at)
    refusals = [(field, reason) for field, reason in
                (("due_at", PAST if due <= utcnow() else None), ("owner", owner_problem(session, owner_id))) if reason]
    if refusals:
        return PromiseCheck(tuple(reason for _, reason in refusals), (), (), refusals[0][0])
    hours, warnings = rules.opening_hours, []
    candidates: list[datetime | None] = []
    if not _within_hours(hours, due):
        warnings.append(_closed_warning(hours, due))
        candidates += [_next_open(hours, due), _closing_before(hours, due)]
    day = due.astimezone(hours.tz).date()
    load = promises_due_on(session, owner_id, day, hours.tz, ignore_promise_id)
    if load >= rules.promise_capacity_per_day:
        name = session.get(Agent, owner_id).name
        warnings.append(f"{name} already has {load} promises due on {date_words(day, year=False)}.")
    far = (_far_warning(due.astimezone(hours.tz)),) if is_far_ahead(due.astimezone(hours.tz), now=utcnow()) else ()
    if not warnings:
        return PromiseCheck((), far, ())
    alternatives = _feasible(session, rules, owner_id, chain(candidates, _openings_after(hours, day)), ignore_promise_id)
    return PromiseCheck((), (*warnings, *far), alternatives)


def _feasible(session: Session, rules: DeskRules, owner_id: int, candidates: Iterable[datetime | None],
              ignore_promise_id: int | None) -> tuple[datetime, ...]:
    """The first few candidates the desk could keep: ahead, in opening hours, on a day the owner has room."""
    tz = rules.opening_hours.tz

    def keepable(moment: datetime) -> bool:
        load = promises_due_on(session, owner_id, moment.astimezone(tz).date(), tz, ignore_promise_id)
        return _within_hours(rules.opening_hours, moment) and load < rules.promise_capacity_per_day

    return tuple(islice(filter(keepable, _unique(candidates)), MAX_ALTERNATIVES))


def closed_problem(hours: OpeningHours, due: datetime) -> str | None:
    """Why a time given to a customer cannot be kept because the desk is closed then, with the next opening."""
    if _within_hours(hours, due):
        return None
    opening = _next_open(hours, due)
    then = f"{date_words(opening.date(), year=False)}, {wall_clock_words(opening)}" if opening is not None else "an opening time"
    return f"{_closed_warning(hours, due)} Tell the customer a time the desk is open, such as {then}."


def _far_warning(local: datetime) -> str:
    """Six months out is more often a mistyped date than a plan, so the agent confirms it."""
    return f"{date_words(local.date())} is more than six months ahead; check the date."


def _within_hours(hours: OpeningHours, moment: datetime) -> bool:
    """Open, or exactly at a closing time: "by end of day" is a time the desk can keep."""
    return hours.is_open(moment) or hours.is_open(moment - timedelta(microseconds=1))


def _closed_warning(hours: OpeningHours, due: datetime) -> str:
    local = due.astimezone(hours.tz)
    holiday = " (a holiday)" if local.date() in hours.holidays else ""
    return f"The desk is closed on {date_words(local.date(), year=False)} at {wall_clock_words(local)}{holiday}."


def _next_open(hours: OpeningHours, moment: datetime) -> datetime | None:
    return hours.next_open(moment) if any(hours.week) else None


def _closing_before(hours: OpeningHours, due: datetime) -> datetime | None:
    """The last closing time on the due day before the due time: "by end of today" instead of tonight."""
    local = due.astimezone(hours.tz)
    if local.date() in hours.holidays:
        return None
    closings = (at_local(local.date() + timedelta(days=closes == END_OF_DAY), closes, hours.tz)
                for _, closes in hours.week[local.weekday()])
    return max((closing for closing in closings if as_utc(closing) < due), default=None, key=as_utc)


def _openings_after(hours: OpeningHours, day: date) -> Iterator[datetime | None]:
    """The first opening of each following day, for owners who are full on the day asked for."""
    for offset in range(1, LOOKAHEAD_DAYS + 1):
        yield _next_open(hours, at_local(day + timedelta(days=offset), time(0), hours.tz))


def _unique(moments: Iterable[datetime | None]) -> Iterator[datetime]:
    """Each moment once, in order, only those still ahead."""
    seen: set[datetime] = set()
    now = utcnow()
    for moment in moments:
        if moment is None or as_utc(moment) <= now or as_utc(moment) in seen:
            continue
        seen.add(as_utc(moment))
        yield moment
