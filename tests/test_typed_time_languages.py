"""Typed times as English, Persian and Greek desks say them, in the Gregorian and Solar Hijri calendars,
with a fixed clock: relative words, digits in any script, past days refused, six months out flagged."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from time import tzset
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.clock.dates import DateStyle, date_words, day_month_year, moment_words, typed_date
from frontdesk.clock.hours import OpeningHours
from frontdesk.clock.preview import describe_when
from frontdesk.clock.typed_time import TypedTimeError, is_far_ahead, parse_when, read_due, read_past

TEHRAN = ZoneInfo("Asia/Tehran")
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=TEHRAN)  # a Wednesday; 4 Azar 1405 in the Solar Hijri calendar
EN, FA, EL = DateStyle("gregorian", "en"), DateStyle("jalali", "fa"), DateStyle("gregorian", "el")
FA_GREGORIAN, EN_JALALI = DateStyle("gregorian", "fa"), DateStyle("jalali", "en")


def tehran(*args: int) -> datetime:
    return datetime(*args, tzinfo=TEHRAN)


def when(text: str, style: DateStyle = EN, now: datetime = NOW, **options) -> datetime:
    return parse_when(text, now=now, tz=TEHRAN, style=style, **options)


def refused(text: str, style: DateStyle = EN, now: datetime = NOW) -> str:
    with pytest.raises(TypedTimeError) as caught:
        read_due(text, now=now, tz=TEHRAN, style=style)
    return str(caught.value)


SAME_MOMENTS = [
    # (moment, what each desk language types for it)
    (tehran(2026, 11, 25, 17, 0), ["today", "امروز", "σήμερα"]),
    (tehran(2026, 11, 26, 17, 0), ["tomorrow", "فردا", "αύριο"]),
    (tehran(2026, 11, 27, 17, 0), ["the day after tomorrow", "پس‌فردا", "پس فردا", "μεθαύριο"]),
    (tehran(2026, 11, 24, 17, 0), ["yesterday", "دیروز", "χθες", "χτες"]),
    (tehran(2026, 12, 2, 17, 0), ["next week", "هفته بعد", "هفته‌ی آینده", "την επόμενη εβδομάδα"]),
    (tehran(2026, 11, 26, 15, 0), ["tomorrow at 3", "tomorrow 3pm", "فردا ساعت ۳", "فردا ساعت 3", "αύριο στις 3", "Αύριο στις 3"]),
    (tehran(2026, 11, 26, 15, 30), ["tomorrow 15:30", "فردا ساعت ۱۵:۳۰", "αύριο στις 15:30", "فردا ساعت ٣:٣٠ بعدازظهر"]),
    (tehran(2026, 11, 26, 9, 0), ["tomorrow morning", "tomorrow in the morning", "in the morning tomorrow", "فردا صبح", "αύριο το πρωί"]),
    (tehran(2026, 11, 26, 10, 0), ["tomorrow at 10 in the morning", "فردا صبح ساعت ۱۰", "αύριο το πρωί στις 10"]),
    (tehran(2026, 11, 26, 14, 0), ["tomorrow afternoon", "فردا بعد از ظهر", "فردا عصر", "αύριο το απόγευμα"]),
    (tehran(2026, 11, 26, 19, 0), ["tomorrow evening at 7", "فردا شب ساعت ۷", "αύριο το βράδυ στις 7"]),
    (tehran(2026, 11, 25, 18, 0), ["tonight", "this evening", "امشب", "απόψε"]),
    (tehran(2026, 11, 25, 16, 0), ["in 2 hours", "۲ ساعت دیگر", "2 ساعت دیگه", "σε 2 ώρες"]),
    (tehran(2026, 11, 25, 15, 0), ["in an hour", "یک ساعت دیگر", "σε μία ώρα", "σε μια ώρα"]),
    (tehran(2026, 11, 25, 14, 30), ["in 30 minutes", "۳۰ دقیقه دیگر", "σε 30 λεπτά"]),
    (tehran(2026, 11, 28, 14, 0), ["in 3 days", "۳ روز دیگر", "σε 3 μέρες", "σε 3 ημέρες"]),
    (tehran(2026, 11, 30, 17, 0), ["monday", "next monday", "دوشنبه", "دوشنبه بعد", "Δευτέρα", "την επόμενη Δευτέρα"]),
    (tehran(2026, 12, 1, 17, 0), ["tuesday", "سه‌شنبه", "سه شنبه", "سهشنبه", "Τρίτη", "τριτη"]),
    (tehran(2026, 11, 28, 17, 0), ["saturday", "شنبه", "Σάββατο"]),
    (tehran(2026, 11, 29, 17, 0), ["sunday", "یک‌شنبه", "یکشنبه", "Κυριακή"]),
    (tehran(2026, 11, 27, 11, 0), ["friday at 11", "جمعه ساعت ۱۱", "Παρασκευή στις 11"]),
    (tehran(2026, 11, 25, 15, 0), ["at 3", "ساعت ۳", "στις 3"]),
    (tehran(2026, 11, 26, 12, 0), ["tomorrow noon", "فردا ظهر", "αύριο μεσημέρι"]),
]


@pytest.mark.parametrize(("expected", "text"), [(moment, text) for moment, texts in SAME_MOMENTS for text in texts])
def test_each_desk_language_is_read(expected: datetime, text: str):
    assert when(text, EN) == expected  # the words are read whatever language the desk speaks
    assert when(text, FA) == expected


@pytest.mark.parametrize("text", ["at 3", "ساعت ۳", "στις 3"])
def test_at_an_hour_from_one_to_seven_is_the_afternoon_and_the_morning_can_be_named(text: str):
    assert when(text).hour == 15
    assert when("at 9").hour == 9 and when("ساعت ۹ صبح", now=tehran(2026, 11, 25, 8, 0)).hour == 9


@pytest.mark.parametrize("text", ["3", "15", "ساعت", "فردا فردا", "σε ώρες", "αύριο αύριο"])
def test_a_bare_number_or_a_lone_word_is_not_a_time(text: str):
    with pytest.raises(TypedTimeError, match="Could not read"):
        when(text)


# --- calendars: typed in the desk's calendar ---------------------------------------------------------


@pytest.mark.parametrize("text", ["۱۴۰۵/۰۹/۰۸", "1405/09/08", "1405-09-08", "١٤٠٥-٠٩-٠٨", "8/9", "۸/۹", "08/09/1405", "8/9/05",
                                  "۸ آذر", "8 Azar", "۸ آذر ۱۴۰۵", "\u200f۱۴۰۵/۰۹/۰۸\u200f"])
def test_a_jalali_desk_types_solar_hijri_dates(text: str):
    assert when(text, FA) == tehran(2026, 11, 29, 17, 0)


def test_a_full_year_names_its_calendar_on_any_desk():
    assert when("1405-09-08", EN) == tehran(2026, 11, 29, 17, 0)  # not the year 1405
    assert when("2026-11-29 10:00", FA) == tehran(2026, 11, 29, 10, 0)
    assert when("29/11/2026", FA) == tehran(2026, 11, 29, 17, 0)


def test_day_and_month_alone_are_read_in_the_desks_calendar():
    assert when("8/9", EN) == tehran(2026, 9, 8, 17, 0)  # 8 September on a Gregorian desk
    assert when("8/9", FA) == tehran(2026, 11, 29, 17, 0)  # 8 Azar on a Jalali one


def test_month_names_in_every_language_say_their_calendar():
    assert when("29 November", FA) == when("29 Νοεμβρίου", EN) == when("۲۹ نوامبر", EN) == tehran(2026, 11, 29, 17, 0)
    assert when("۸ آذر ساعت ۱۰", EN) == tehran(2026, 11, 29, 10, 0)


@pytest.mark.parametrize(("text", "message"), [
    ("31/07", "31 Mehr does not exist."),
    ("30/12/1405", "30 Esfand 1405 does not exist."),  # 1405 is not a leap year
    ("1/13", "There is no month 13."),
])
def test_impossible_jalali_dates_say_why(text: str, message: str):
    with pytest.raises(TypedTimeError, match=message):
        when(text, FA)


# --- the past: refused, never moved to next year ------------------------------------------------------


@pytest.mark.parametrize(("text", "style"), [
    ("24/11", EN), ("24/11 10:00", EN), ("3/1", EN), ("24 November", EN),
    ("3/9", FA), ("۳/۹", FA), ("۳ آذر", FA), ("1405/09/03", FA), ("1/1", FA),
    ("yesterday", EN), ("دیروز", FA), ("χθες", EL), ("today 9:00", EN), ("2 hours ago", EN),
])
def test_a_day_already_passed_this_year_is_refused_as_past(text: str, style: DateStyle):
    message = refused(text, style)
    assert message.startswith("That is in the past")
    assert "2027" not in message and "1406" not in message


def test_a_passed_day_is_still_this_years_not_next_years():
    assert when("24/11") == tehran(2026, 11, 24, 17, 0)
    assert when("۳/۹", FA) == tehran(2026, 11, 24, 17, 0)
    assert "yesterday" in refused("24/11") and "دیروز" in refused("۳/۹", FA)


def test_next_years_day_is_typed_with_its_year():
    assert read_due("3/1/2027", now=NOW, tz=TEHRAN, style=EN).moment == tehran(2027, 1, 3, 17, 0)
    assert read_due("1/1/1406", now=NOW, tz=TEHRAN, style=FA).moment == tehran(2027, 3, 21, 17, 0)


# --- six months ahead: flagged for confirmation -------------------------------------------------------


@pytest.mark.parametrize(("text", "style", "far"), [
    ("25/05/2027", EN, False), ("26/05/2027", EN, True), ("25/11/2027", EN, True), ("in 25 weeks", EN, False),
    ("in 27 weeks", EN, True), ("1406/03/04", FA, False), ("1406/03/05", FA, True), ("tomorrow", EN, False),
])
def test_more_than_six_months_ahead_is_flagged(text: str, style: DateStyle, far: bool):
    assert read_due(text, now=NOW, tz=TEHRAN, style=style).far_ahead is far


def test_six_months_from_the_last_day_of_a_month_ends_at_the_shorter_months_end():
    august = tehran(2026, 8, 31, 10, 0)
    assert not is_far_ahead(tehran(2027, 2, 28, 10, 0), now=august)
    assert is_far_ahead(tehran(2027, 3, 1, 10, 0), now=august)


# --- said back in the desk's language and calendar ----------------------------------------------------


@pytest.mark.parametrize(("moment", "style", "expected"), [
    (tehran(2026, 11, 26, 15, 0), EN, "tomorrow, 15:00, in 1 day"),
    (tehran(2026, 11, 26, 15, 0), FA, "فردا، ۱۵:۰۰، ۱ روز دیگر"),
    (tehran(2026, 11, 26, 15, 0), EL, "αύριο, 15:00, σε 1 μέρα"),
    (tehran(2026, 11, 25, 16, 0), FA, "امروز، ۱۶:۰۰، ۲ ساعت دیگر"),
    (tehran(2026, 11, 25, 16, 0), EL, "σήμερα, 16:00, σε 2 ώρες"),
    (tehran(2026, 11, 24, 17, 0), EL, "χθες, 17:00, πριν από 21 ώρες"),
    (tehran(2026, 11, 24, 17, 0), FA, "دیروز، ۱۷:۰۰، ۲۱ ساعت پیش"),
    (tehran(2026, 11, 29, 10, 0), FA, "یک‌شنبه ۸ آذر، ۱۰:۰۰، ۳ روز دیگر"),
    (tehran(2026, 11, 29, 10, 0), EN_JALALI, "Sunday 8 Azar, 10:00, in 3 days"),
    (tehran(2026, 11, 29, 10, 0), FA_GREGORIAN, "یک‌شنبه ۲۹ نوامبر، ۱۰:۰۰، ۳ روز دیگر"),
    (tehran(2026, 11, 29, 10, 0), EL, "Κυριακή 29 Νοεμβρίου, 10:00, σε 3 μέρες"),
    (tehran(2027, 3, 21, 10, 0), FA, "یک‌شنبه ۱ فروردین ۱۴۰۶، ۱۰:۰۰، ۳ ماه دیگر"),
    (tehran(2026, 12, 16, 10, 0), EL, "Τετάρτη 16 Δεκεμβρίου, 10:00, σε 2 εβδομάδες"),
])
def test_the_preview_follows_the_desks_language_and_calendar(moment: datetime, style: DateStyle, expected: str):
    assert describe_when(moment, now=NOW, style=style) == expected


@pytest.fixture
def in_tehran(monkeypatch: pytest.MonkeyPatch):
    """Lists show stored moments in the machine's zone: make it Tehran's, whatever machine runs the tests."""
    monkeypatch.setenv("TZ", "Asia/Tehran")
    tzset()
    yield
    monkeypatch.undo()
    tzset()


def test_dates_in_lists_follow_the_calendar(in_tehran: None):
    moment = tehran(2026, 11, 29, 10, 5)
    assert moment_words(moment, EN) == "Sun 29 Nov 10:05"
    assert moment_words(moment, FA) == "یک‌شنبه ۸ آذر ۱۰:۰۵"
    assert moment_words(moment, EN_JALALI) == "Sun 8 Azar 10:05"
    assert day_month_year(moment, EN) == "29 Nov 2026" and day_month_year(moment, EN_JALALI) == "8 Azar 1405"
    assert date_words(moment.date(), EL) == "Κυριακή 29 Νοεμβρίου 2026"


# --- the due-time defects of issue 12 -----------------------------------------------------------------


def test_in_2_hours_is_said_back_as_2_hours_even_late_in_the_minute():
    now = tehran(2026, 11, 25, 14, 0, 45)
    assert describe_when(when("in 2 hours", now=now), now=now, style=EN) == "today, 16:00, in 2 hours"


def test_a_missed_calls_time_alone_is_the_last_such_time_not_tomorrows():
    now = tehran(2026, 11, 25, 7, 25, 30)
    missed = read_past("07:25", now=now, tz=TEHRAN, style=EN)
    assert missed == tehran(2026, 11, 25, 7, 25)
    assert describe_when(missed, now=now, style=EN) == "today, 07:25, now"
    assert read_past("9:00", now=now, tz=TEHRAN, style=EN) == tehran(2026, 11, 24, 9, 0)
    assert read_past("monday", now=now, tz=TEHRAN, style=EN) == tehran(2026, 11, 23, 17, 0)
    with pytest.raises(TypedTimeError, match="still ahead"):
        read_past("tomorrow", now=now, tz=TEHRAN, style=EN)


HOURS = OpeningHours.parse("sat-wed 08:00-16:00; thu 08:00-12:30", tz=TEHRAN)  # closed on Fridays


def test_end_of_day_on_a_closed_day_is_the_end_of_the_next_open_day():
    friday = tehran(2026, 11, 27, 10, 0)
    assert when("end of day", now=friday, hours=HOURS) == tehran(2026, 11, 28, 16, 0)
    assert when("آخر روز", now=friday, hours=HOURS) == tehran(2026, 11, 28, 16, 0)


def test_a_day_without_a_time_is_due_at_that_days_closing():
    assert when("tomorrow", hours=HOURS) == tehran(2026, 11, 26, 12, 30)
    assert when("eod", hours=HOURS) == tehran(2026, 11, 25, 16, 0)
    assert when("friday", hours=HOURS, default_time=time(17, 0)) == tehran(2026, 11, 27, 17, 0)  # closed: checked later


# --- properties ---------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(day=DAYS, style=st.sampled_from([EN, FA, EL, EN_JALALI, FA_GREGORIAN]))
def test_a_date_as_the_desk_types_it_reads_back_as_the_same_day(day: date, style: DateStyle):
    assert when(typed_date(day, style), style).date() == day


@given(day=DAYS)
def test_jalali_dates_written_day_first_in_persian_digits_read_back(day: date):
    year, month, number = typed_date(day, FA).split("-")
    persian = f"{int(number)}/{int(month)}/{year}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert when(persian, FA).date() == day


@given(hours=st.integers(1, 500), seconds=st.integers(0, 59))
def test_in_n_hours_is_said_back_as_n_hours(hours: int, seconds: int):
    now = NOW + timedelta(seconds=seconds)
    moment = when(f"in {hours} hours", now=now)
    assert moment - NOW == timedelta(hours=hours)
    if hours < 24:
        assert describe_when(moment, now=now, style=EN).endswith(f"in {hours} hour{'s' if hours > 1 else ''}")
