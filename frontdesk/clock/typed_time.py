"""Reads the due times people type at the desk ("tomorrow 3pm", "26/11", "in 2 hours") and says them back."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo

from frontdesk.clock.hours import WEEKDAYS, as_utc, at_local, weekday_number

TONIGHT = time(18, 0)  # "tonight" with no time: early evening, after a usual closing time
NOON = time(12, 0)
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")  # fmt: skip

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_FILLERS = frozenset({"at", "by", "on", "the"})
_END_OF_DAY = frozenset({"eod", "end of day"})
_EXAMPLES = (
    "15:00, 3pm, noon, today, tonight, tomorrow 10am, thu, next monday 9:30, "
    "26/11, 26/11/2026 15:00, 2026-11-26, in 2 hours, in 3 days, eod"
)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?")
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?|(\d{1,2}):(\d{2})")
_RELATIVE = re.compile(r"in (\d+|an?)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)")

_DAY = 24 * 60
_STEPS = ((60, 1, "minute"), (_DAY, 60, "hour"), (14 * _DAY, _DAY, "day"), (61 * _DAY, 7 * _DAY, "week"))


class TypedTimeError(ValueError):
    """What was typed is not a time the desk can read; the message is meant for the person who typed it."""


def parse_when(text: str, *, now: datetime, tz: tzinfo, default_time: time = time(17, 0)) -> datetime:
    """The moment a typed due time means, aware in tz and to the minute.

    A day without a time gets default_time (pass the closing time for "by end of day"); a time
    without a day is today if still ahead, else tomorrow; a weekday name is never today. Past
    moments are returned as they are: whether to refuse them is the caller's decision.
    """
    words = _words(text)
    if not words:
        raise TypedTimeError(f"Type when it is due, for example: {_EXAMPLES}.")
    local_now = now.astimezone(tz).replace(second=0, microsecond=0)
    readings = (_read(day, clock, local_now, tz, default_time) for day, clock in _splits(words))
    try:
        moment = _relative(" ".join(words), local_now, tz) or next((found for found in readings if found), None)
    except OverflowError:  # "in 99999999 days", or a last day of year 9999 west of Greenwich
        raise TypedTimeError(f'"{text.strip()}" is too far ahead to be a due time.') from None
    if moment is None:
        raise TypedTimeError(f'Could not read "{text.strip()}" as a time. Try, for example: {_EXAMPLES}.')
    return moment


def describe_when(moment: datetime, *, now: datetime) -> str:
    """Says a due time as a colleague would read it out, with how far off it is so a late one stands out.

    The day and clock are those of the moment's own timezone, as parse_when returned it."""
    distance = as_utc(moment) - as_utc(now)
    return f"{_day_name(moment.date(), now.astimezone(moment.tzinfo).date())}, {moment:%H:%M}, {_distance(distance)}"


def _words(text: str) -> list[str]:
    """Lower-case words with Western digits; invisible direction marks pasted from Persian text are dropped."""
    cleaned = "".join(char for char in text.translate(_DIGITS) if unicodedata.category(char) != "Cf").lower()
    cleaned = re.sub(r"(\d)t(\d)", r"\1 \2", cleaned)  # ISO 2026-11-26T15:00
    return [word for word in cleaned.split() if word not in _FILLERS]


def _splits(words: list[str]) -> Iterator[tuple[str, str]]:
    """Every cut of the words into (day phrase, time), in either order: "tomorrow 3pm", "3pm tomorrow"."""
    for cut in range(len(words) + 1):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        yield first, second
        yield second, first


def _relative(text: str, now: datetime, tz: tzinfo) -> datetime | None:
    """Minutes and hours are elapsed time; days and weeks keep the wall-clock time, even across DST."""
    match = _RELATIVE.fullmatch(text)
    if match is None:
        return None
    count = 1 if match[1] in ("a", "an") else int(match[1])
    unit = match[2][0]
    if unit in "mh":
        elapsed = timedelta(minutes=count) if unit == "m" else timedelta(hours=count)
        return (as_utc(now) + elapsed).astimezone(tz)
    days = count * 7 if unit == "w" else count
    return at_local(now.date() + timedelta(days=days), now.time(), tz)


def _read(day_text: str, clock_text: str, now: datetime, tz: tzinfo, default_time: time) -> datetime | None:
    """One reading of the text as a day phrase and a time, either possibly empty; None if it is not one."""
    clock = _clock(clock_text, default_time)
    if clock is None and clock_text:
        return None
    if day_text:
        found = _day(day_text, now.date(), default_time)
        return None if found is None else at_local(found[0], found[1] if clock is None else clock, tz)
    if clock is None:
        return None
    today = at_local(now.date(), clock, tz)
    if clock_text in _END_OF_DAY or as_utc(today) > as_utc(now):
        return today
    return at_local(now.date() + timedelta(days=1), clock, tz)


def _day(text: str, today: date, default_time: time) -> tuple[date, time] | None:
    """The date a day phrase names, with the time it implies when none is typed."""
    named = {"today": today, "tonight": today, "tomorrow": today + timedelta(days=1)}
    if text in named:
        return named[text], TONIGHT if text == "tonight" else default_time
    weekday = weekday_number(text.removeprefix("next "))
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1), default_time
    found = _calendar_date(text, today)
    return None if found is None else (found, default_time)


def _calendar_date(text: str, today: date) -> date | None:
    """ISO year first, otherwise day first as in Europe and Iran; without a year, the next such date."""
    if match := _ISO.fullmatch(text):
        return _real_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year:
            return _real_date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        return _real_date(today.year + ((month, day) < (today.month, today.day)), month, day)
    return None


def _real_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise TypedTimeError(
            f"There is no month {month}. Dates are written day first (26/11 is 26 November) and times with a colon (15:30)."
        )
    try:
        return date(year, month, day)
    except ValueError:
        name = f"{day} {MONTHS[month - 1]}"
        if 1 <= day <= calendar.monthrange(2000, month)[1]:  # a real day, just not in that year: 29 February
            raise TypedTimeError(f"{name} {year} does not exist.") from None
        raise TypedTimeError(f"{name} does not exist.") from None


def _clock(text: str, default_time: time) -> time | None:
    """The time of day a time phrase names; "end of day" is the caller's closing time."""
    if text in _END_OF_DAY:
        return default_time
    if text in ("noon", "midday"):
        return NOON
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    if match[4] is not None:
        hour, minute = int(match[4]), int(match[5])
    else:
        hour, minute = int(match[1]), int(match[2] or 0)
        if not 1 <= hour <= 12:
            raise TypedTimeError(f'"{text}" is not a time: with am or pm the hour runs from 1 to 12.')
        hour = hour % 12 + (12 if match[3] == "p" else 0)
    if hour > 23 or minute > 59:
        raise TypedTimeError(f'"{text}" is not a time of day; use 00:00 to 23:59.')
    return time(hour, minute)


def _day_name(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    text = f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _distance(delta: timedelta) -> str:
    """Rounded down, like a clock: "in 14 hours" means at least 14 and under 15."""
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes == 0:
        return "now"
    amount = next(
        (_count(minutes // size, unit) for below, size, unit in _STEPS if minutes < below),
        _count(minutes // (30 * _DAY), "month"),
    )
    return f"in {amount}" if delta > timedelta(0) else f"{amount} ago"


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"
