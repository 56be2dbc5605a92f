"""Reads the due times people type at the desk, in English, Persian or Greek ("tomorrow 3pm", "فردا ساعت ۳",
"αύριο στις 3", "26/11", "۱۴۰۵/۰۹/۰۸", "in 2 hours"), in the desk's calendar."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from frontdesk.clock.dates import DateStyle, calendar_date, calendar_parts, date_words, desk_style
from frontdesk.clock.hours import END_OF_DAY, OpeningHours, as_utc, at_local, weekday_number
from frontdesk.clock.preview import describe_when
from frontdesk.clock.words import (
    AT_WORDS, DAY_PARTS, DAYS_FROM_TODAY, END_OF_DAY_WORDS, FILLERS, IN_WORDS, MONTH_NAMES, MONTHS_SAID,
    LATER, NEXT, NOON_WORDS, ONE, TONIGHT, UNITS, WEEKDAY_NAMES, fold, typed_key,
)  # fmt: skip

NOON = time(12, 0)
PART_TIMES = {"morning": time(9, 0), "afternoon": time(14, 0), "evening": time(18, 0)}
"""What "tomorrow morning", "αύριο το απόγευμα" or "امشب" mean when no clock time is typed."""
FAR_AHEAD_MONTHS = 6
"""A due time further ahead than this is more often a typo than a plan: the form asks before saving."""

_EXAMPLES = (
    "15:00, 3pm, at 3, today, tonight, tomorrow 10am, tomorrow morning, thu, next monday 9:30, "
    "26/11, 26/11/2026 15:00, 2026-11-26, in 2 hours, in 3 days, eod; فردا ساعت ۳; αύριο στις 3"
)
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?")
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?|(\d{1,2}):(\d{2})|@(\d{1,2})")
_ATS = "|".join(map(fold, AT_WORDS))
_BARE_HOUR_AFTER_AT = re.compile(rf"(?:^|\s)(?:{_ATS})\s+(\d{{1,2}})(?=\s|$)(?!\s+[ap]\.?m)")
_AT_BEFORE_CLOCK = re.compile(rf"(?:^|\s)(?:{_ATS})\s+(?=\d)")


def _alternation(words: frozenset[str] | set[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_COUNT = rf"(\d+|{_alternation(ONE)})\s*({_alternation(set(UNITS))})"
_AHEAD = re.compile(rf"(?:{_alternation(IN_WORDS)}) {_COUNT}|{_COUNT} (?:{_alternation(LATER)})")
_AGO = re.compile(rf"{_COUNT} (?:ago|پیش|قبل)|πριν (?:απο )?{_COUNT}")


OLDEST_PAST = date(1900, 1, 1)
"""A two-digit year is read in the century that puts the date after this (no customer was born before)."""


class TypedTimeError(ValueError):
    """What was typed is not a time the desk can read; the message is meant for the person who typed it."""


class CenturyUnclear(TypedTimeError):
    """A date is there, but its two-digit year fits two centuries: the message asks for the year in full."""


@dataclass(frozen=True)
class TypedTime:
    """A due time read from what was typed, with what the desk should ask about it before saving."""

    moment: datetime
    far_ahead: bool
    """More than six months ahead: probably a mistyped date, so the agent confirms before it is promised."""


@dataclass(frozen=True)
class _Reading:
    """What the parser needs besides the words: where and when it is read, and how this desk says dates."""

    now: datetime
    tz: tzinfo
    style: DateStyle
    default_time: time
    hours: OpeningHours | None
    looking_back: bool


def parse_when(text: str, *, now: datetime, tz: tzinfo, default_time: time = time(17, 0), style: DateStyle | None = None,
               hours: OpeningHours | None = None, looking_back: bool = False) -> datetime:
    """The moment a typed time means, aware in tz and to the minute.

    A day without a time gets the desk's closing time that day (from hours; default_time when closed
    or unknown), so "tomorrow" means "by the end of tomorrow". A time alone is the next such time
    (with looking_back, as for a call already missed, the last one); a weekday name is never today.
    A day and month without a year are this year's in the desk's calendar, even when that has passed:
    past moments are returned as they are, and whether to refuse them is the caller's decision.
    """
    words = _words(text)
    if not words:
        raise TypedTimeError(f"Type when it is due, for example: {_EXAMPLES}.")
    reading = _Reading(now.astimezone(tz).replace(second=0, microsecond=0), tz, style or desk_style(),
                       default_time, hours, looking_back)
    try:
        moment = _relative(" ".join(words), reading) or next(filter(None, _readings(words, reading)), None)
    except OverflowError:  # "in 99999999 days", or a last day of year 9999 west of Greenwich
        raise TypedTimeError(f'"{text.strip()}" is too far ahead to be a due time.') from None
    if moment is None:
        raise TypedTimeError(f'Could not read "{text.strip()}" as a time. Try, for example: {_EXAMPLES}.')
    return moment


def read_due(text: str, *, now: datetime, tz: tzinfo, default_time: time = time(17, 0), style: DateStyle | None = None,
             hours: OpeningHours | None = None) -> TypedTime:
    """A due time still ahead: a past one ("yesterday", "24/11" on 25 November) is refused as past, never
    moved on to next year, and one over six months ahead is flagged for the agent to confirm."""
    moment = parse_when(text, now=now, tz=tz, default_time=default_time, style=style, hours=hours)
    if as_utc(moment) <= as_utc(now):
        raise TypedTimeError(f"That is in the past ({describe_when(moment, now=now, style=style)}); type a time still ahead.")
    return TypedTime(moment, far_ahead=is_far_ahead(moment, now=now))


def read_past(text: str, *, now: datetime, tz: tzinfo, style: DateStyle | None = None) -> datetime:
    """A moment that has already happened, such as when a call was missed: "07:25" is this morning's."""
    moment = parse_when(text, now=now, tz=tz, style=style, looking_back=True)
    if as_utc(moment) > as_utc(now):
        raise TypedTimeError(f"That is still ahead ({describe_when(moment, now=now, style=style)}); type when it happened.")
    return moment


def read_date(text: str, *, today: date, style: DateStyle | None = None) -> date | None:
    """A date alone, as a birth date is typed: "1961-03-04", "04/03/1961", "۱۳۳۹/۱۲/۱۴" or "14 Esfand 1339".

    A two-digit year is a past one ("4/3/61" is 1961, "14/12/39" 1339 on a Jalali desk), as the lookup reads it.
    None when the text is not shaped like a date; TypedTimeError when it is, but no such day exists, or when
    its two-digit year could be either of two centuries."""
    style = style or desk_style()
    words = _words(text)
    if (match := _DAY_FIRST.fullmatch(" ".join(words))) and match[3] and len(match[3]) == 2:
        return _past_day(text.strip(), int(match[1]), int(match[2]), int(match[3]), style, today)
    return _calendar_day(words, style, today)


def _past_day(typed: str, day: int, month: int, short_year: int, style: DateStyle, today: date) -> date:
    """The day in the one century that puts it between OLDEST_PAST and today; refused when two centuries do."""
    this_century = calendar_parts(today, style.calendar)[0] // 100 * 100
    days, problem = [], None
    for century in (this_century - 100, this_century):  # 29/2/00: 1900 was no leap year, 2000 was
        try:
            days.append(_real_date(century + short_year, month, day, style.calendar))
        except TypedTimeError as error:
            problem = error
    past = [candidate for candidate in days if OLDEST_PAST <= candidate <= today]
    if len(past) == 2:
        said = " or ".join(date_words(candidate, style, weekday=False) for candidate in past)
        raise CenturyUnclear(f"{typed} could be {said}: type the year in full.")
    if not days:
        raise problem  # type: ignore[misc]  # no such day in either century: why
    return past[0] if past else days[-1]  # in no past century: the future, which the caller refuses


def is_far_ahead(moment: datetime, *, now: datetime) -> bool:
    """Later than the same day six calendar months on (the last day of that month when it is shorter)."""
    today = now.astimezone(moment.tzinfo).date()
    month = today.month - 1 + FAR_AHEAD_MONTHS
    year, month = today.year + month // 12, month % 12 + 1
    limit = date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
    return moment.date() > limit


def _words(text: str) -> list[str]:
    """Folded words without fillers; "at 3" becomes the bare hour "@3" that only such a phrase may give."""
    folded = re.sub(r"(\d)t(\d)", r"\1 \2", fold(text)).replace(",", " ").replace("،", " ")  # ISO 2026-11-26T15:00
    folded = folded.replace("بعد از ظهر", "بعدازظهر")
    folded = _AT_BEFORE_CLOCK.sub(" ", _BARE_HOUR_AFTER_AT.sub(r" @\1", folded))
    return [word for word in folded.split() if word not in FILLERS]


def _relative(text: str, reading: _Reading) -> datetime | None:
    """Minutes and hours are elapsed time; days and weeks keep the wall-clock time, even across DST."""
    ahead, ago = _AHEAD.fullmatch(text), _AGO.fullmatch(text)
    match = ahead or ago
    if match is None:
        return None
    count_text, unit_text = next((match[i], match[i + 1]) for i in range(1, len(match.groups()), 2) if match[i])
    count = (1 if count_text in ONE else int(count_text)) * (1 if ahead else -1)
    unit = UNITS[unit_text]
    if unit in "mh":
        elapsed = timedelta(minutes=count) if unit == "m" else timedelta(hours=count)
        return (as_utc(reading.now) + elapsed).astimezone(reading.tz)
    days = count * 7 if unit == "w" else count
    return at_local(reading.now.date() + timedelta(days=days), reading.now.time(), reading.tz)


def _readings(words: list[str], reading: _Reading) -> Iterator[datetime | None]:
    """Every cut of the words into a day phrase and a time, in either order ("tomorrow 3pm", "3pm tomorrow"),
    once a part of the day ("morning", "πρωί", "عصر") is taken out; None for each that is not one."""
    part, rest = None, []
    for word in words:
        if part is None and word in DAY_PARTS:
            part = DAY_PARTS[word]
            if rest and rest[-1] == "in":  # "tomorrow in the morning"
                rest.pop()
        else:
            rest.append(word)
    for cut in range(len(rest) + 1):
        first, second = rest[:cut], rest[cut:]
        yield _read(first, " ".join(second), part, reading)
        yield _read(second, " ".join(first), part, reading)


def _read(day_words: list[str], clock_text: str, part: str | None, reading: _Reading) -> datetime | None:
    """One reading of the words as a day phrase and a time, either possibly empty; None if it is not one."""
    end_of_day = bool(clock_text) and typed_key(clock_text) in END_OF_DAY_WORDS
    clock = None if end_of_day else _clock(clock_text, part)
    if clock is None and clock_text and not end_of_day:
        return None
    now = reading.now
    if day_words:
        found = _day(day_words, reading)
        if found is None:
            return None
        day, evening = found
        if clock is None and (part or evening):
            clock = PART_TIMES[part or "evening"]
        return at_local(day, clock, reading.tz) if clock is not None else _end_of(day, reading)
    if end_of_day:
        return _end_of_day(reading)
    if clock is None:
        if part is None:
            return None
        clock = PART_TIMES[part]
    today = at_local(now.date(), clock, reading.tz)
    if reading.looking_back:
        return today if as_utc(today) <= as_utc(now) else at_local(now.date() - timedelta(days=1), clock, reading.tz)
    return today if as_utc(today) > as_utc(now) else at_local(now.date() + timedelta(days=1), clock, reading.tz)


def _end_of(day: date, reading: _Reading) -> datetime:
    """When a day's work is due: the desk's last closing time that day, or default_time if it is closed."""
    hours = reading.hours
    if hours is None or day in hours.holidays or not hours.week[day.weekday()]:
        return at_local(day, reading.default_time, reading.tz)
    closes = hours.week[day.weekday()][-1][1]
    return at_local(day + timedelta(days=closes == END_OF_DAY), closes, reading.tz)


def _end_of_day(reading: _Reading) -> datetime:
    """ "End of day" on a day the desk is closed is the end of the next day it opens, not a closed evening."""
    hours = reading.hours
    if hours is None or not any(hours.week):
        return _end_of(reading.now.date(), reading)
    day = hours.next_open(at_local(reading.now.date(), time(0), reading.tz)).date()
    return _end_of(day, reading)


def _day(words: list[str], reading: _Reading) -> tuple[date, bool] | None:
    """The date a day phrase names, and whether it means that day's evening ("tonight", "απόψε", "امشب")."""
    today, key = reading.now.date(), "".join(words)
    if key in DAYS_FROM_TODAY:
        return today + timedelta(days=DAYS_FROM_TODAY[key]), False
    if key in TONIGHT:
        return today, True
    weekday = _weekday([word for word in words if word not in NEXT])
    if weekday is not None:
        if reading.looking_back:
            return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1), False
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1), False
    found = _calendar_day(words, reading.style, today)
    return None if found is None else (found, False)


def _weekday(words: list[str]) -> int | None:
    """A weekday's name in any desk language, written whole or apart ("سه شنبه"); English ones also shortened."""
    key = "".join(words)
    return WEEKDAY_NAMES.get(key, weekday_number(key) if len(words) == 1 else None)


def _calendar_day(words: list[str], style: DateStyle, today: date) -> date | None:
    """Year first (ISO), day first as in Europe and Iran, or with a month's name ("8 آذر", "26 Νοεμβρίου").

    A four-digit year says its own calendar (1405 is Solar Hijri, 2026 Gregorian); without one the
    date is in the desk's calendar and this year's, even if that day has passed."""
    text = " ".join(words)
    if match := _YEAR_FIRST.fullmatch(text):
        year = int(match[1])
        return _real_date(year, int(match[2]), int(match[3]), _calendar_of(year, style))
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year and len(year) == 4:
            return _real_date(int(year), month, day, _calendar_of(int(year), style))
        century = (1400 if style.calendar == "jalali" else 2000) if year else 0
        whole_year = century + int(year) if year else calendar_parts(today, style.calendar)[0]
        return _real_date(whole_year, month, day, style.calendar)
    return _named_month_day(words, today)


def _named_month_day(words: list[str], today: date) -> date | None:
    """ "26 November", "26 Νοεμβρίου 2026", "۸ آذر ۱۴۰۵": the month's name says which calendar."""
    if len(words) not in (2, 3) or not words[0].isdigit() or words[1] not in MONTH_NAMES:
        return None
    if len(words) == 3 and not (words[2].isdigit() and len(words[2]) == 4):
        return None
    calendar_name, month = MONTH_NAMES[words[1]]
    year = int(words[2]) if len(words) == 3 else calendar_parts(today, calendar_name)[0]
    return _real_date(year, month, int(words[0]), calendar_name)


def _calendar_of(year: int, style: DateStyle) -> str:
    """Solar Hijri years are now in the 1400s and Gregorian ones in the 2000s, so a full year names its calendar."""
    if 1200 <= year < 1700:
        return "jalali"
    return "gregorian" if year >= 1700 else style.calendar


def _real_date(year: int, month: int, day: int, calendar_name: str) -> date:
    if not 1 <= month <= 12:
        raise TypedTimeError(
            f"There is no month {month}. Dates are written day first (26/11 is 26 November) and times with a colon (15:30)."
        )
    try:
        return calendar_date(year, month, day, calendar_name)
    except ValueError:
        name = f"{day} {MONTHS_SAID[calendar_name, 'en'][month - 1]}"
        if 1 <= day <= _longest_month(month, calendar_name):  # a real day, just not in that year: 29 February
            raise TypedTimeError(f"{name} {year} does not exist.") from None
        raise TypedTimeError(f"{name} does not exist.") from None


def _longest_month(month: int, calendar_name: str) -> int:
    """The most days the month ever has (in a leap year)."""
    if calendar_name == "jalali":
        return 31 if month <= 6 else 30
    return calendar.monthrange(2000, month)[1]


def _clock(text: str, part: str | None) -> time | None:
    """The time of day a time phrase names; a part of the day makes "3" or "3:30" the afternoon's."""
    if typed_key(text) in NOON_WORDS:
        return NOON
    if part is not None and text.isdigit():
        text = f"@{text}"  # "tomorrow morning 10", "فردا صبح ۱۰": the part of the day makes it an hour
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    if match[3] is not None:
        hour, minute = int(match[1]), int(match[2] or 0)
        if not 1 <= hour <= 12:
            raise TypedTimeError(f'"{text}" is not a time: with am or pm the hour runs from 1 to 12.')
        hour = hour % 12 + (12 if match[3] == "p" else 0)
    elif match[6] is not None:
        hour, minute = _bare_hour(int(match[6]), part), 0
    else:
        hour, minute = int(match[4]), int(match[5])
        if part in ("afternoon", "evening") and hour < 12:
            hour += 12
    if hour > 23 or minute > 59:
        raise TypedTimeError(f'"{text.lstrip("@")}" is not a time of day; use 00:00 to 23:59.')
    return time(hour, minute)


def _bare_hour(hour: int, part: str | None) -> int:
    """ "At 3" at a desk is 15:00: hours from 1 to 7 are the afternoon's unless the morning is named."""
    if part == "morning":
        return hour
    if part is not None or 1 <= hour <= 7:
        return hour + 12 if hour < 12 else hour
    return hour
