"""Birth dates typed in the Solar Hijri calendar, as a Persian desk says them: 14 Esfand 1339 is 5 March 1961."""

import datetime

import jdatetime
import numpy as np
import pytest

from frontdesk.lookup import CustomerIndex, LookupRecord
from frontdesk.lookup.birth_dates import near_ordinals
from frontdesk.lookup.calendars import jalali_parts

BORN = datetime.date(1961, 3, 5)  # 14 Esfand 1339
REZA = LookupRecord(1, "رضا احمدی", "خیابان آزادی ۱۲", "0912 123 4567", BORN)
NAMESAKE = LookupRecord(2, "رضا احمدی", "کوچه گلها ۳", "0912 765 4321", datetime.date(1961, 12, 14))  # day and month of the
# digits read as a Gregorian date: what the search used to prefer
THE_DAY_BEFORE = LookupRecord(3, "Reza Ahmadi", "", "", datetime.date(1961, 3, 4))  # 13 Esfand 1339: one digit off


@pytest.fixture
def index() -> CustomerIndex:
    return CustomerIndex([REZA, NAMESAKE, THE_DAY_BEFORE])


def ids(index: CustomerIndex, query: str, calendar: str = "gregorian") -> list[int]:
    return [match.customer_id for match in index.search(query, calendar=calendar)]


@pytest.mark.parametrize("calendar", ["gregorian", "jalali"])
@pytest.mark.parametrize("typed", ["۱۴/۱۲/۱۳۳۹", "1339/12/14", "1339-12-14", "14/12/1339", "۱۳۳۹/۱۲/۱۴", "14.12.1339"])
def test_a_solar_hijri_birth_date_finds_the_customer_on_any_desk(index: CustomerIndex, typed: str, calendar: str) -> None:
    """A four-digit year says its calendar: no living customer was born in the Gregorian year 1339."""
    match = index.search(typed, calendar=calendar)[0]
    assert (match.customer_id, match.score, match.ambiguous) == (1, 100.0, False)
    assert match.matched == ("birth_date",)
    assert ids(index, f"رضا احمدی {typed}", calendar)[0] == 1


def test_a_two_digit_year_is_read_in_the_desks_calendar() -> None:
    """14/12/39 is 14 Esfand 1339 on a Jalali desk, as its customer form reads it, and 14 December 1939 elsewhere."""
    index = CustomerIndex([REZA, LookupRecord(4, "Mary Johnson", birth_date=datetime.date(1939, 12, 14))])
    for typed in ("14/12/39", "۱۴/۱۲/۳۹", "14.12.39"):
        assert ids(index, typed, "jalali") == [1]
        assert ids(index, f"رضا {typed}", "jalali")[0] == 1
        assert ids(index, typed) == [4]


def test_a_gregorian_desk_still_reads_a_two_digit_year_in_both_centuries() -> None:
    """4/3/19 could be 1919 or 2019: both customers are offered and the record decides."""
    index = CustomerIndex([
        LookupRecord(1, "Nina Harcourt", birth_date=datetime.date(1919, 3, 4)),
        LookupRecord(2, "Nina Harcourt", birth_date=datetime.date(2019, 4, 3)),
    ])
    assert sorted(ids(index, "4/3/19")) == [1, 2]


def test_a_jalali_date_with_a_slipped_digit_is_near(index: CustomerIndex) -> None:
    near = {datetime.date.fromordinal(o) for o in near_ordinals((14, 12, 1339))}
    assert {datetime.date(1961, 3, 4), datetime.date(1961, 3, 6)} <= near  # 13 and 15 Esfand 1339
    assert jdatetime.date(1338, 12, 14).togregorian() in near
    assert jdatetime.date(1339, 12, 14).togregorian() not in near  # the typed date itself is exact, not near
    for typed in ("15/12/1339", "14/12/1393"):  # a digit changed, two swapped
        assert ids(index, typed)[0] in (1, 3)
        assert index.search(typed)[0].score < 100


def test_a_jalali_year_swapped_from_a_gregorian_one_is_still_near() -> None:
    """1494 typed for 1944: a year in the Jalali range may be a Gregorian one with two digits swapped."""
    index = CustomerIndex([LookupRecord(1, "Nina Harcourt", birth_date=datetime.date(1944, 8, 5))])
    assert ids(index, "5/8/1494") == [1]


def test_day_and_month_right_in_the_jalali_calendar_break_a_tie_between_namesakes(index: CustomerIndex) -> None:
    """The year wholly wrong, 14 Esfand still tells the namesake born on it from the one born on 14 December."""
    assert ids(index, "رضا احمدی 14/12/1350")[0] == 1
    assert ids(index, "رضا احمدی 1350/12/14")[0] == 1


def test_jalali_parts_agree_with_jdatetime() -> None:
    days = [datetime.date(1821, 3, 21) + datetime.timedelta(days=n) for n in range(0, 109_500, 13)]
    years, months, numbers = jalali_parts(np.array([day.toordinal() for day in days]))
    expected = [(j.year, j.month, j.day) for j in (jdatetime.date.fromgregorian(date=day) for day in days)]
    assert list(zip(years.tolist(), months.tolist(), numbers.tolist())) == expected
    assert [part.tolist() for part in jalali_parts(np.array([0]))] == [[0], [0], [0]]  # an unknown birth date
