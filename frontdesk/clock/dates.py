"""Dates as the desk shows them: in its calendar (Gregorian or Solar Hijri) and its language, everywhere.

Every date on a card, in a list, a reminder or CLI output goes through `date_words`, `moment_words`,
`day_month_year` or `typed_date` here, so a Jalali desk never sees a Gregorian date slip through. The
desk's style is set once when the desk opens (and again whenever its rules are read), like the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import jdatetime

from frontdesk.clock.now import to_local
from frontdesk.clock.words import (
    DAYS_SAID,
    LANGUAGES,
    MONTHS_SAID,
    PERSIAN_DIGITS,
    WEEKDAYS_SAID,
    WEEKDAYS_SHORT,
)

CALENDARS = ("gregorian", "jalali")


@dataclass(frozen=True)
class DateStyle:
    """How a desk reads and writes dates: its calendar and the language its previews are said in."""

    calendar: str = "gregorian"
    language: str = "en"

    def __post_init__(self) -> None:
        if self.calendar not in CALENDARS:
            raise ValueError(f"calendar must be one of {', '.join(CALENDARS)}, not {self.calendar!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")


_style = DateStyle()


def use_style(style: DateStyle | None) -> None:
    """Set the desk's date style (None: Gregorian and English again, as tests restore it)."""
    global _style
    _style = style if style is not None else DateStyle()


def desk_style() -> DateStyle:
    return _style


def for_scripts(style: DateStyle | None = None) -> DateStyle:
    """The desk's calendar (`style`'s, the desk's when None) in English words and ASCII digits.

    What a command prints or a file holds may be read by a script: it keeps the dates a person at this desk
    reads (Solar Hijri on a Jalali desk) but not the Persian digits or Greek letters a script would trip on."""
    return DateStyle((style or _style).calendar)


# --- the calendar -------------------------------------------------------------------------------


def calendar_date(year: int, month: int, day: int, calendar: str) -> date:
    """The day a (year, month, day) of the calendar names; ValueError if there is no such day."""
    if calendar == "jalali":
        return jdatetime.date(year, month, day).togregorian()
    return date(year, month, day)


def calendar_parts(day: date, calendar: str) -> tuple[int, int, int]:
    """Year, month and day of a date in the calendar."""
    if calendar == "jalali":
        jalali = jdatetime.date.fromgregorian(date=day)
        return jalali.year, jalali.month, jalali.day
    return day.year, day.month, day.day


# --- saying dates -------------------------------------------------------------------------------


def digits(text: str, style: DateStyle) -> str:
    """Persian desks read Persian digits; the others Western ones."""
    return text.translate(PERSIAN_DIGITS) if style.language == "fa" else text


def month_name(month: int, style: DateStyle) -> str:
    return MONTHS_SAID[style.calendar, style.language][month - 1]


def date_words(day: date, style: DateStyle | None = None, *, year: bool = True, weekday: bool = True) -> str:
    """ "Thursday 26 November 2026", "پنج‌شنبه ۵ آذر ۱۴۰۵", "Πέμπτη 26 Νοεμβρίου 2026"."""
    style = style or _style
    numbers = calendar_parts(day, style.calendar)
    text = f"{numbers[2]} {month_name(numbers[1], style)}" + (f" {numbers[0]}" if year else "")
    if weekday:
        text = f"{WEEKDAYS_SAID[style.language][day.weekday()]} {text}"
    return digits(text, style)


def day_month_year(moment: datetime | date, style: DateStyle | None = None) -> str:
    """A past day in a list: "26 Nov 2026", "5 Azar 1405"; stored UTC moments are shown in local time."""
    style = style or _style
    day = to_local(moment).date() if isinstance(moment, datetime) else moment
    year, month, number = calendar_parts(day, style.calendar)
    name = month_name(month, style)
    if style == DateStyle():
        name = name[:3]  # the short English month the desk has always shown
    return digits(f"{number} {name} {year}", style)


def moment_words(moment: datetime, style: DateStyle | None = None, *, year: bool = False, seconds: bool = False) -> str:
    """A moment in a list or a line of history: "Thu 26 Nov 15:30", "Πέμ 26 Νοεμβρίου 15:30", "پنج‌شنبه ۵ آذر ۱۵:۳۰"."""
    style = style or _style
    local = to_local(moment)
    numbers = calendar_parts(local.date(), style.calendar)
    name = month_name(numbers[1], style)
    if style == DateStyle():
        name = name[:3]
    clock = f"{local:%H:%M:%S}" if seconds else f"{local:%H:%M}"
    text = f"{WEEKDAYS_SHORT[style.language][local.weekday()]} {numbers[2]} {name}" + (f" {numbers[0]}" if year else "")
    return digits(f"{text} {clock}", style)


def day_and_month(day: date, style: DateStyle | None = None) -> str:
    """A day in a few characters, day first as the desk types it, as under a chart: "28/11", "۰۸/۰۹" (8 Azar)."""
    style = style or _style
    _, month, number = calendar_parts(day, style.calendar)
    return digits(f"{number:02d}/{month:02d}", style)


def clock_words(moment: datetime, style: DateStyle | None = None, *, seconds: bool = False) -> str:
    """The local time of day alone, in the desk's digits."""
    return wall_clock_words(to_local(moment), style, seconds=seconds)


def wall_clock_words(moment: datetime, style: DateStyle | None = None, *, seconds: bool = False) -> str:
    """The time of day `moment` shows in its own zone, in the desk's digits: for a moment already put in the zone
    it is said in, such as the opening hours' ("closed on Saturday at ۱۱:۰۰")."""
    return digits(f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}", style or _style)


def day_name(day: date, today: date, style: DateStyle | None = None) -> str:
    """ "today", "tomorrow", "yesterday" in the desk's language, else the date, with its year when not this one."""
    style = style or _style
    named = DAYS_SAID[style.language].get((day - today).days)
    if named is not None:
        return named
    return date_words(day, style, year=calendar_parts(day, style.calendar)[0] != calendar_parts(today, style.calendar)[0])


def year_words(day: date, style: DateStyle | None = None) -> str:
    """A year alone, as a birth year is shown in a list: 1961, or ۱۳۳۹ on a Persian Jalali desk."""
    style = style or _style
    return digits(str(calendar_parts(day, style.calendar)[0]), style)


def typed_date(day: date, style: DateStyle | None = None) -> str:
    """A date as the desk would type it, year first: "2026-11-26", or "1405-09-05" on a Jalali desk.

    What the typed-time reader reads back as the same day, so a suggested time can be put in the box."""
    year, month, number = calendar_parts(day, (style or _style).calendar)
    return f"{year:04d}-{month:02d}-{number:02d}"


def typed_moment(moment: datetime, style: DateStyle | None = None) -> str:
    """A moment as the desk would type it, in local time: "2026-11-26 15:30", "1405-09-05 15:30" on a Jalali desk.

    ASCII digits, year first: what an edit box is given and what a command prints for a script to sort."""
    local = to_local(moment)
    return f"{typed_date(local.date(), style)} {local:%H:%M}"
