"""The two calendars a birth date is typed in: Gregorian, and the Solar Hijri (Jalali) of Persian desks.

A four-digit year names its own calendar: no living customer was born in the Gregorian year 1339, nor in
the Solar Hijri 1961, so "1339/12/14" is read as Jalali on any desk. A two-digit year names none, so whoever
searches passes the desk's calendar in (the lookup reads no desk settings of its own).
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import jdatetime
import numpy as np

GREGORIAN, JALALI = "gregorian", "jalali"
JALALI_YEARS = range(1200, 1500)  # Gregorian 1821 to 2120: a four-digit year in here is a Jalali one
JALALI_CENTURIES = (1300, 1400)  # what a two-digit Jalali year may stand for, as GREGORIAN_CENTURIES
GREGORIAN_CENTURIES = (1900, 2000)
_JALALI_MONTH_STARTS = np.cumsum([0] + [31] * 6 + [30] * 5)  # day of the year each month starts on, 0-based


def calendar_of(year: int) -> str:
    """The calendar a four-digit year is written in."""
    return JALALI if year in JALALI_YEARS else GREGORIAN


def this_year(calendar: str) -> int:
    """Today's year in the calendar: a two-digit birth year names a year no later than this."""
    return jdatetime.date.today().year if calendar == JALALI else datetime.date.today().year


def centuries(calendar: str) -> tuple[int, int]:
    return JALALI_CENTURIES if calendar == JALALI else GREGORIAN_CENTURIES


def dates_named(first: int, second: int, year: int, calendar: str) -> tuple[datetime.date, ...]:
    """The real days a typed (first, second, year) names: day first, and in the Gregorian calendar also month
    first (4/3/1961 is 4 March or 3 April; the record decides). Persian dates are written day first only."""
    orders = ((first, second), (second, first)) if calendar == GREGORIAN else ((first, second),)
    return tuple(dict.fromkeys(day for d, m in orders if (day := day_of(year, m, d, calendar)) is not None))


def day_of(year: int, month: int, day: int, calendar: str) -> datetime.date | None:
    """The (Gregorian) date a year, month and day of the calendar name; None if there is no such day (30/2)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):  # most slipped digits: cheaper refused here than raised
        return None
    try:
        if calendar == JALALI:
            return jdatetime.date(year, month, day).togregorian()
        return datetime.date(year, month, day)
    except ValueError:
        return None


def jalali_parts(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Jalali year, month and day of each date ordinal (0 for an unknown date or one outside JALALI_YEARS).

    Vectorised over a search's candidates: each year's first day is looked up once, and in every year the first
    six months have 31 days and the next five 30, so the month and day follow from the day of the year."""
    years, starts = _jalali_new_years()
    at = np.searchsorted(starts, ordinals, side="right") - 1
    inside = (at >= 0) & (at < len(years) - 1)  # the last start only closes the final year
    at = np.clip(at, 0, len(years) - 2)
    day_of_year = ordinals - starts[at]
    months = np.searchsorted(_JALALI_MONTH_STARTS, day_of_year, side="right")
    days = day_of_year - _JALALI_MONTH_STARTS[months - 1] + 1
    return np.where(inside, years[at], 0), np.where(inside, months, 0), np.where(inside, days, 0)


@lru_cache(maxsize=1)
def _jalali_new_years() -> tuple[np.ndarray, np.ndarray]:
    """Each Jalali year of JALALI_YEARS, and one more, with the ordinal of its first day (1 Farvardin)."""
    years = np.arange(JALALI_YEARS.start, JALALI_YEARS.stop + 1)
    starts = np.array([jdatetime.date(int(y), 1, 1).togregorian().toordinal() for y in years], dtype=np.int64)
    return years, starts
