"""The numbers behind the Day section's charts: contacts per hour today against the same weekday's
average, promises kept on time per day, and the CSAT trend per day.

Each series is one GROUP BY on the UTC hour; the hours are then added into the desk's local hours
and days here, so a day across a daylight-saving change gets its 23 or 25 hours right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import and_, or_
from sqlmodel import Session, func, select

from frontdesk.db.models import Interaction, Promise, PromiseStatus
from frontdesk.services.figures.period import Period, preset_period
from frontdesk.services.figures.promises import KEPT_ON_TIME, NOT_A_CALLBACK
from frontdesk.services.figures.sql_time import how_many, utc_hour, without_jit
from frontdesk.services.figures.tally import figure_rows, in_period, share
from frontdesk.services.guards import require_supervisor

WEEKS_BACK = 4
"""Today's hours are compared with the average of the same weekday over this many weeks before."""


@dataclass(frozen=True)
class DeskCharts:
    hours: tuple[int, ...]
    """Local hours of the day, 0-23."""
    contacts_today: tuple[int, ...]
    contacts_usual: tuple[float, ...]
    """The average per hour on the same weekday in the WEEKS_BACK weeks before today."""
    days: tuple[date, ...]
    kept_on_time: tuple[int, ...]
    missed: tuple[int, ...]
    """Per day of the period: promises due that day kept late or overdue."""
    csat: tuple[float | None, ...]
    """Per day: the share of 4s and 5s among that day's ratings (None on a day without ratings)."""


def desk_charts(session: Session, viewer_id: int | None, period: Period, now: datetime) -> DeskCharts:
    """Supervisors only; three statements whatever the period."""
    require_supervisor(session, viewer_id, "read_day_figures")
    without_jit(session)
    tz = period.tz
    today = preset_period("today", now, tz)
    earlier = [_shifted(today, weeks) for weeks in range(1, WEEKS_BACK + 1)]
    per_hour = _hourly(session, [today, *earlier], tz)
    days = period.local_days()
    on_time, missed = _promises_per_day(session, period, now, tz)
    csat = _csat_per_day(session, period, tz)
    return DeskCharts(
        hours=tuple(range(24)),
        contacts_today=tuple(per_hour.get((today.start.astimezone(tz).date(), hour), 0) for hour in range(24)),
        contacts_usual=tuple(
            round(sum(per_hour.get((day.start.astimezone(tz).date(), hour), 0) for day in earlier) / WEEKS_BACK, 2)
            for hour in range(24)
        ),
        days=tuple(days),
        kept_on_time=tuple(on_time.get(day, 0) for day in days),
        missed=tuple(missed.get(day, 0) for day in days),
        csat=tuple(share(*csat[day]) if day in csat else None for day in days),
    )


def _shifted(day: Period, weeks: int) -> Period:
    """The same weekday `weeks` weeks earlier, midnight to midnight in local time."""
    first = day.start.astimezone(day.tz).date() - timedelta(weeks=weeks)
    return preset_period("today", _noon(first, day.tz), day.tz)


def _noon(day: date, tz: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=tz)


def _local_hour(text: str, tz: tzinfo) -> tuple[date, int]:
    """'2026-11-28 14' (UTC) as the local day and hour it falls in."""
    moment = datetime.strptime(text, "%Y-%m-%d %H").replace(tzinfo=UTC).astimezone(tz)
    return moment.date(), moment.hour


def _hourly(session: Session, days: list[Period], tz: tzinfo) -> Counter[tuple[date, int]]:
    hour = utc_hour(Interaction.started_at)
    rows = figure_rows(
        session,
        select(hour, func.count()).where(or_(*(and_(*in_period(Interaction.started_at, day)) for day in days)))
        .group_by(hour)
    )
    found: Counter[tuple[date, int]] = Counter()
    for text, count in rows:
        found[_local_hour(text, tz)] += int(count)
    return found


def _promises_per_day(session: Session, period: Period, now: datetime, tz: tzinfo) -> tuple[Counter[date], Counter[date]]:
    hour = utc_hour(Promise.due_at)
    missed = or_(and_(Promise.status == PromiseStatus.KEPT, ~KEPT_ON_TIME),
                 and_(Promise.status == PromiseStatus.OPEN, Promise.due_at < now))
    rows = figure_rows(
        session,
        select(hour, how_many(KEPT_ON_TIME), how_many(missed)).where(NOT_A_CALLBACK, *in_period(Promise.due_at, period)).group_by(hour)
    )
    on_time: Counter[date] = Counter()
    late: Counter[date] = Counter()
    for text, kept, slipped in rows:
        day = _local_hour(text, tz)[0]
        on_time[day] += int(kept)
        late[day] += int(slipped)
    return on_time, late


def _csat_per_day(session: Session, period: Period, tz: tzinfo) -> dict[date, tuple[int, int]]:
    """Per local day: (ratings of 4 or 5, ratings)."""
    hour = utc_hour(Interaction.started_at)
    rows = figure_rows(
        session,
        select(hour, how_many(Interaction.satisfaction >= 4), how_many(Interaction.satisfaction != None))  # noqa: E711
        .where(Interaction.satisfaction != None, *in_period(Interaction.started_at, period)).group_by(hour)  # noqa: E711
    )
    found: dict[date, tuple[int, int]] = {}
    for text, good, given in rows:
        day = _local_hour(text, tz)[0]
        before = found.get(day, (0, 0))
        found[day] = (before[0] + int(good), before[1] + int(given))
    return found
