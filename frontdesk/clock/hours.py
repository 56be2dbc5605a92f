"""Opening hours and holidays, and clock arithmetic that counts only the time the desk is open."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from frontdesk.clock.now import local_zone

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
END_OF_DAY = time(0)  # as a closing time only: the midnight that ends the day, written 24:00

Interval = tuple[time, time]
Week = tuple[tuple[Interval, ...], ...]

DEFAULT_WEEK: Week = (((time(9), time(17)),),) * 5 + ((), ())
NEVER_OPEN = "the desk is never open"

_CLAUSE = re.compile(r"(?P<days>.*?)\s*(?P<hours>closed|\d.*)")
_INTERVAL = re.compile(r"(\d{1,2}(?::\d{2})?)\s*-\s*(\d{1,2}(?::\d{2})?)")
_HOLIDAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def system_zone() -> tzinfo:
    """The project's default desk zone, used only when the caller names none."""
    return local_zone()


def weekday_number(word: str) -> int | None:
    """Monday is 0; a full English name or any start of one from three letters ("thu", "thurs") is accepted."""
    word = word.lower()
    return next((number for number, name in enumerate(WEEKDAYS) if len(word) >= 3 and name.startswith(word)), None)


def at_local(day: date, clock: time, tz: tzinfo) -> datetime:
    """A wall-clock time that always exists: in a spring-forward gap it moves on by the gap, and an
    ambiguous fall-back time is its first occurrence, so no typed or configured time can crash."""
    return datetime.combine(day, clock).replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz)


def as_utc(moment: datetime) -> datetime:
    """Aware datetimes sharing a tzinfo compare and subtract by wall time, which is wrong across DST; UTC is not."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment} has no timezone; the desk only works with aware datetimes")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class OpeningHours:
    """When the desk answers; callbacks and promises are counted in this time only.

    `week` holds, for Monday (0) to Sunday (6), that day's (open, close) intervals; a close of
    END_OF_DAY means open until midnight. Intervals are sorted and checked on construction.
    """

    week: Week = DEFAULT_WEEK
    holidays: frozenset[date] = frozenset()
    tz: tzinfo = field(default_factory=system_zone)

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise ValueError("opening hours need seven days, Monday first")
        week = tuple(tuple(sorted(intervals)) for intervals in self.week)
        for name, intervals in zip(WEEKDAYS, week):
            _check_day(name.capitalize(), intervals)
        object.__setattr__(self, "week", week)
        object.__setattr__(self, "holidays", frozenset(self.holidays))

    @classmethod
    def parse(cls, text: str, holidays: str = "", tz: tzinfo | None = None, *,
              later_clause_wins: bool = False) -> OpeningHours:
        """Reads the spec an administrator edits by hand. Days not named are closed.

        A day named in two clauses is refused, naming both: "mon-fri 09:00-17:00; fri 10:00-14:00" may mean
        short Fridays or a slip, and keeping either silently loses what the other said. `later_clause_wins`
        reads a spec stored before that check the way it was read then, so a desk's hours never change under it."""
        week: list[tuple[Interval, ...]] = [()] * 7
        given_in: dict[int, int] = {}
        """Per day, which clause gave its hours."""
        clauses = [clause.strip() for clause in re.split(r"[;\n]", text) if clause.strip()]
        if not clauses:
            raise ValueError('no opening hours given; write them like "mon-fri 09:00-17:00; sat 10:00-14:00"')
        for number, clause in enumerate(clauses):
            days, intervals = _parse_clause(re.sub("[–—]", "-", clause.lower()))
            for day in days:
                earlier = given_in.setdefault(day, number)
                if earlier != number and not later_clause_wins:
                    raise ValueError(_given_twice(day, clauses[earlier], clause))
                given_in[day] = number
                week[day] = intervals
        return cls(tuple(week), _parse_holidays(holidays), tz if tz is not None else system_zone())

    def describe(self) -> str:
        """The spec in the form parse reads, so settings can show and re-save what is in force."""
        groups: dict[tuple[Interval, ...], list[int]] = {}
        for number, intervals in enumerate(self.week):
            if intervals:
                groups.setdefault(intervals, []).append(number)
        if not groups:
            return "mon-sun closed"
        return "; ".join(f"{_days_text(days)} {', '.join(map(_interval_text, spans))}" for spans, days in groups.items())

    def describe_holidays(self) -> str:
        """The holidays in the form parse reads, to round-trip them with describe()."""
        return ", ".join(day.isoformat() for day in sorted(self.holidays))

    def is_open(self, moment: datetime) -> bool:
        stretch = next(self._stretches(moment), None)
        return stretch is not None and stretch[0] <= as_utc(moment)

    def next_open(self, moment: datetime) -> datetime:
        """Where time promised while the desk is closed starts to count; the moment itself when open."""
        stretch = next(self._stretches(moment), None)
        if stretch is None:
            raise ValueError(NEVER_OPEN)
        return max(stretch[0], as_utc(moment)).astimezone(self.tz)

    def add_working_time(self, start: datetime, delta: timedelta) -> datetime:
        """A due time that promises only open hours: Friday 16:30 plus two hours is Monday 10:30.

        Adding nothing while closed gives the next opening, so a result is never in closed time
        (except exactly at a closing time, when the work ends just as the desk closes)."""
        if delta < timedelta(0):
            raise ValueError("working time to add cannot be negative")
        left = delta
        for opens, closes in self._stretches(start):
            begin = max(opens, as_utc(start))
            if left <= closes - begin:
                return (begin + left).astimezone(self.tz)
            left -= closes - begin
        raise ValueError(NEVER_OPEN)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """How much open time a promise had; negative when end is before start, as for time overdue."""
        if as_utc(end) < as_utc(start):
            return -self.working_time_between(end, start)
        total = timedelta(0)
        for opens, closes in self._stretches(start):
            if opens >= as_utc(end):
                break
            total += min(closes, as_utc(end)) - max(opens, as_utc(start))
        return total

    def _stretches(self, moment: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Open stretches as UTC instants, from the one in progress at moment on, without end.

        Wall times are turned into instants day by day, so a DST change shortens or lengthens the
        open time by the real hour; nothing is yielded at all when the week has no open hours."""
        if not any(self.week):
            return
        after = as_utc(moment)
        day = after.astimezone(self.tz).date()
        while True:
            if day not in self.holidays:
                for opens, closes in self.week[day.weekday()]:
                    begin = as_utc(at_local(day, opens, self.tz))
                    end = as_utc(at_local(day + timedelta(days=closes == END_OF_DAY), closes, self.tz))
                    if end > after and end > begin:
                        yield begin, end
            day += timedelta(days=1)


def _check_day(name: str, intervals: tuple[Interval, ...]) -> None:
    """Rejects hours that would make the arithmetic count time backwards or twice."""
    previous: Interval | None = None
    for interval in intervals:
        opens, closes = interval
        if closes != END_OF_DAY and closes <= opens:
            raise ValueError(
                f"{name}: {_interval_text(interval)} closes before it opens; "
                "split hours past midnight, e.g. mon 22:00-24:00; tue 00:00-02:00"
            )
        if previous is not None and (previous[1] == END_OF_DAY or opens < previous[1]):
            raise ValueError(f"{name}: {_interval_text(interval)} overlaps {_interval_text(previous)}")
        previous = interval


def _given_twice(day: int, earlier: str, later: str) -> str:
    return (f'{WEEKDAYS[day].capitalize()} is given twice, in "{earlier}" and in "{later}"; give each day its hours once '
            f"(several spans go in one clause: {WEEKDAYS[day][:3]} 09:00-12:00, 13:00-17:00)")


def _parse_clause(clause: str) -> tuple[list[int], tuple[Interval, ...]]:
    match = _CLAUSE.fullmatch(clause)
    if match is None:
        raise ValueError(f'"{clause}" has no hours; write e.g. "{clause} 09:00-17:00" or "{clause} closed"')
    if not match["days"]:
        raise ValueError(f'"{clause}" does not say which days; write e.g. "mon-fri {clause}"')
    days = _parse_days(match["days"])
    if match["hours"] == "closed":
        return days, ()
    return days, tuple(_parse_interval(part.strip()) for part in match["hours"].split(","))


def _parse_days(text: str) -> list[int]:
    """Day lists and ranges; a range may wrap past Sunday ("sat-mon")."""
    days: list[int] = []
    for item in re.split(r"[,\s]+", re.sub(r"\s*-\s*", "-", text.strip())):
        first, _, last = item.partition("-")
        start = _day_number(first)
        end = _day_number(last) if last else start
        days.extend((start + offset) % 7 for offset in range((end - start) % 7 + 1))
    return days


def _day_number(word: str) -> int:
    number = weekday_number(word)
    if number is None:
        raise ValueError(f'"{word}" is not a day; use mon, tue, wed, thu, fri, sat, sun or a range like mon-fri')
    return number


def _parse_interval(text: str) -> Interval:
    match = _INTERVAL.fullmatch(text)
    if match is None:
        raise ValueError(f'"{text}" is not a span of hours; write it like 09:00-17:00')
    return _parse_clock(match[1], closing=False), _parse_clock(match[2], closing=True)


def _parse_clock(text: str, *, closing: bool) -> time:
    hour, _, minute = text.partition(":")
    hours, minutes = int(hour), int(minute or 0)
    if closing and (hours, minutes) == (24, 0):
        return END_OF_DAY
    if hours > 23 or minutes > 59:
        raise ValueError(f'"{text}" is not a time of day; use 00:00 to 23:59 (or 24:00 to close at midnight)')
    return time(hours, minutes)


def _parse_holidays(text: str) -> frozenset[date]:
    return frozenset(_parse_holiday(item) for item in re.split(r"[,;\s]+", text.strip()) if item)


def _parse_holiday(text: str) -> date:
    if _HOLIDAY.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # shaped like a date but not one, e.g. 2026-02-30: same message as any other
    raise ValueError(f'holiday "{text}" is not a date; write holidays as YYYY-MM-DD, e.g. 2026-12-25')


def _days_text(days: list[int]) -> str:
    """Runs of three or more days as ranges ("mon-fri"), shorter ones listed ("sat,sun")."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [[WEEKDAYS[day][:3] for day in run] for run in runs]
    return ",".join(f"{run[0]}-{run[-1]}" if len(run) >= 3 else ",".join(run) for run in names)


def _interval_text(interval: Interval) -> str:
    opens, closes = interval
    return f"{opens:%H:%M}-{'24:00' if closes == END_OF_DAY else format(closes, '%H:%M')}"
