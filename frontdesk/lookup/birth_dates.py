"""How well a typed birth date fits the one on file, judged by how many digits slipped.

A date is written as day, month and year without leading zeros, day first or month
first ("5/8/1944" or "8/5/1944"). The typed date fits:
- exactly: the same date, read either way;
- one digit off: its digits are one slip from the date on file, read either way: a digit
  changed, added, dropped, or two neighbours swapped (5/8/1944 for 5/9/1944, 20/87/1944
  for 20/7/1944, 81/2/1979 for 8/21/1979). On FEBRL's corrupted duplicates such a slip is
  ten to twenty times likelier to come from the customer than from a stranger; an exact
  date over a thousand times, so a slip counts about a third as much;
- two of day, month and year right and the third wholly wrong (24/50/1983): on those same
  duplicates that is no likelier from the customer than by chance, so it only breaks a tie
  between customers the rest of the query cannot tell apart.
A date typed with a Solar Hijri year (14/12/1339, 1339/12/14) is judged in that calendar, day first as
Persian dates are written; its slipped digits may also name a Gregorian year (1494 for 1944, swapped).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from frontdesk.lookup.calendars import (
    GREGORIAN,
    JALALI,
    JALALI_YEARS,
    calendar_of,
    dates_named,
    jalali_parts,
)
from frontdesk.lookup.query import Term
from frontdesk.lookup.store import CustomerStore

NEAR_DATE = 0.35  # one digit slipped
PARTIAL_DATE = 0.02  # two of day, month and year right: a tie-break, never more
YEAR_DIGITS = 4
PART_DIGITS = (1, 2)  # a day or a month is written with one or two digits
YEAR_RANGE = range(1880, 2101)  # a year typed outside these is no living customer's birth year
DIGITS = "0123456789"


def date_evidence(store: CustomerStore, rows: np.ndarray, term: Term) -> np.ndarray:
    """Per row: 1 for the birth date, NEAR_DATE one digit off, PARTIAL_DATE two parts right, else 0."""
    ordinals = store.birth_ordinal.view.take(rows)
    exact = np.isin(ordinals, [d.toordinal() for d in term.dates])
    if term.parts is None:
        return exact.astype(np.float32)
    near = _among(ordinals, near_ordinals(term.parts))
    evidence = np.where(near, NEAR_DATE, np.where(_two_right(store, rows, ordinals, term.parts), PARTIAL_DATE, 0.0))
    return np.where(exact, 1.0, evidence).astype(np.float32)


def _two_right(store: CustomerStore, rows: np.ndarray, ordinals: np.ndarray, parts: tuple[int, int, int]) -> np.ndarray:
    """Per row: whether two of the typed day, month and year are the birth date's, in the typed year's calendar."""
    first, second, year = parts
    if calendar_of(year) == JALALI:
        years, months, days = jalali_parts(ordinals)
        return (days == first).astype(np.int8) + (months == second) + (years == year) >= 2
    days, months = store.birth_day.view.take(rows), store.birth_month.view.take(rows)
    day_first = (days == first).astype(np.int8) + (months == second)
    month_first = (days == second).astype(np.int8) + (months == first)
    return np.maximum(day_first, month_first) + (store.birth_year.view.take(rows) == year) >= 2


def _among(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """`np.isin` for a short sorted key list: a binary search per value instead of sorting both together."""
    if not sorted_keys.size:
        return np.zeros(len(values), dtype=np.bool_)
    at = np.minimum(np.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[at] == values


@lru_cache(maxsize=256)
def near_ordinals(parts: tuple[int, int, int]) -> np.ndarray:
    """The dates one slipped digit away from the typed one, as sorted ordinals (cached: a date is typed
    once, then searched again at every later keystroke)."""
    first, second, year = parts
    typed_in = calendar_of(year)
    exact = {day.toordinal() for day in dates_named(first, second, year, typed_in)}
    found = {o for digits in _one_slip(f"{first}{second}{year}") for o in _read(digits, typed_in == JALALI)} - exact
    near = np.array(sorted(found), dtype=np.int32)
    near.flags.writeable = False  # shared by every search that types this date
    return near


def _one_slip(text: str) -> set[str]:
    """Every string one edit from `text`: a digit changed, added or dropped, or two neighbours swapped."""
    cuts = [(text[:i], text[i:]) for i in range(len(text) + 1)]
    changed = {left + d + right[1:] for left, right in cuts if right for d in DIGITS}
    added = {left + d + right for left, right in cuts for d in DIGITS}
    dropped = {left + right[1:] for left, right in cuts if right}
    swapped = {left + right[1] + right[0] + right[2:] for left, right in cuts if len(right) > 1}
    return (changed | added | dropped | swapped) - {text}


def _read(digits: str, jalali_too: bool) -> list[int]:
    """The dates a digit string names as two parts without leading zeros, then a four-digit birth year:
    a Gregorian one, or with `jalali_too` also a Solar Hijri one."""
    found = []
    for a_len in PART_DIGITS:
        b_len = len(digits) - YEAR_DIGITS - a_len
        if b_len not in PART_DIGITS:
            continue
        a, b, y = digits[:a_len], digits[a_len : a_len + b_len], int(digits[a_len + b_len :])
        calendar = GREGORIAN if y in YEAR_RANGE else JALALI if jalali_too and y in JALALI_YEARS else None
        if a[0] != "0" and b[0] != "0" and calendar is not None:
            found.extend(day.toordinal() for day in dates_named(int(a), int(b), y, calendar))
    return found
