"""Typed due times: every form the desk reads, what it says back, and the messages when it cannot read one."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontdesk.clock.preview import describe_when
from frontdesk.clock.typed_time import TypedTimeError, parse_when

ATHENS = ZoneInfo("Europe/Athens")
TEHRAN = ZoneInfo("Asia/Tehran")
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=ATHENS)  # a Wednesday


def athens(*args: int) -> datetime:
    return datetime(*args, tzinfo=ATHENS)


def when(text: str, now: datetime = NOW, **options) -> datetime:
    return parse_when(text, now=now, tz=ATHENS, **options)


def cannot_read(text: str, now: datetime = NOW) -> str:
    with pytest.raises(TypedTimeError) as caught:
        when(text, now)
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO
        ("2026-11-26", athens(2026, 11, 26, 17, 0)),
        ("2026-11-26 15:00", athens(2026, 11, 26, 15, 0)),
        ("2026-11-26T15:00", athens(2026, 11, 26, 15, 0)),
        # day first
        ("26/11", athens(2026, 11, 26, 17, 0)),
        ("26/11 15:00", athens(2026, 11, 26, 15, 0)),
        ("26/11/2026", athens(2026, 11, 26, 17, 0)),
        ("26.11.2026 9:30", athens(2026, 11, 26, 9, 30)),
        ("26-11-2026", athens(2026, 11, 26, 17, 0)),
        ("26/11/26", athens(2026, 11, 26, 17, 0)),
        ("25/11", athens(2026, 11, 25, 17, 0)),  # today is not "passed"
        ("24/11", athens(2026, 11, 24, 17, 0)),  # passed this year: still this year's, for the caller to refuse
        ("3/1", athens(2026, 1, 3, 17, 0)),
        ("3/1/2027", athens(2027, 1, 3, 17, 0)),
        # times alone: today while ahead, else tomorrow
        ("15:00", athens(2026, 11, 25, 15, 0)),
        ("3pm", athens(2026, 11, 25, 15, 0)),
        ("3 pm", athens(2026, 11, 25, 15, 0)),
        ("3:30pm", athens(2026, 11, 25, 15, 30)),
        ("3 p.m.", athens(2026, 11, 25, 15, 0)),
        ("9am", athens(2026, 11, 26, 9, 0)),
        ("14:00", athens(2026, 11, 26, 14, 0)),  # exactly now is no longer ahead
        ("12am", athens(2026, 11, 26, 0, 0)),
        ("12pm", athens(2026, 11, 26, 12, 0)),
        ("noon", athens(2026, 11, 26, 12, 0)),
        ("midday", athens(2026, 11, 26, 12, 0)),
        # words
        ("today", athens(2026, 11, 25, 17, 0)),
        ("tonight", athens(2026, 11, 25, 18, 0)),
        ("tonight 9pm", athens(2026, 11, 25, 21, 0)),
        ("tomorrow", athens(2026, 11, 26, 17, 0)),
        ("tomorrow 3pm", athens(2026, 11, 26, 15, 0)),
        ("3pm tomorrow", athens(2026, 11, 26, 15, 0)),
        ("tomorrow at 10:15", athens(2026, 11, 26, 10, 15)),
        ("today 17:00", athens(2026, 11, 25, 17, 0)),
        ("today 9:00", athens(2026, 11, 25, 9, 0)),  # a stated day is kept even when past
        ("eod", athens(2026, 11, 25, 17, 0)),
        ("end of day", athens(2026, 11, 25, 17, 0)),
        ("by end of day", athens(2026, 11, 25, 17, 0)),
        ("by the end of the day", athens(2026, 11, 25, 17, 0)),
        ("tomorrow eod", athens(2026, 11, 26, 17, 0)),
        # weekdays: the next such day, never today
        ("thu", athens(2026, 11, 26, 17, 0)),
        ("thursday 10am", athens(2026, 11, 26, 10, 0)),
        ("Thurs", athens(2026, 11, 26, 17, 0)),
        ("wed", athens(2026, 12, 2, 17, 0)),
        ("wednesday", athens(2026, 12, 2, 17, 0)),
        ("next monday", athens(2026, 11, 30, 17, 0)),
        ("next mon 9:30", athens(2026, 11, 30, 9, 30)),
        ("monday", athens(2026, 11, 30, 17, 0)),
        ("on friday at 3pm", athens(2026, 11, 27, 15, 0)),
        # relative
        ("in 2 days", athens(2026, 11, 27, 14, 0)),
        ("in 1 day", athens(2026, 11, 26, 14, 0)),
        ("in 3 hours", athens(2026, 11, 25, 17, 0)),
        ("in 2h", athens(2026, 11, 25, 16, 0)),
        ("in 30 min", athens(2026, 11, 25, 14, 30)),
        ("in 30 mins", athens(2026, 11, 25, 14, 30)),
        ("in 30 minutes", athens(2026, 11, 25, 14, 30)),
        ("in 1 minute", athens(2026, 11, 25, 14, 1)),
        ("in 1 week", athens(2026, 12, 2, 14, 0)),
        ("in 2 weeks", athens(2026, 12, 9, 14, 0)),
        ("in an hour", athens(2026, 11, 25, 15, 0)),
        ("in a day", athens(2026, 11, 26, 14, 0)),
    ],
)
def test_reads(text: str, expected: datetime):
    moment = when(text)
    assert moment == expected
    assert moment.tzinfo is ATHENS


@pytest.mark.parametrize("text", ["  TOMORROW   3PM ", "Tomorrow 3pm", "tomorrow\t3 PM", "tomorrow\u00a03pm"])
def test_case_and_spacing_do_not_matter(text: str):
    assert when(text) == athens(2026, 11, 26, 15, 0)


@pytest.mark.parametrize("text", ["۲۶/۱۱ ۱۵:۰۰", "٢٦/١١ ١٥:٠٠", "\u200f۲۶/۱۱\u200f ۱۵:۰۰", "۲۰۲۶-۱۱-۲۶T۱۵:۰۰"])
def test_persian_and_arabic_indic_digits(text: str):
    assert when(text) == athens(2026, 11, 26, 15, 0)


def test_persian_digits_in_relative_times():
    assert when("in ۳ hours") == athens(2026, 11, 25, 17, 0)


def test_default_time_is_the_callers_closing_time():
    assert when("eod", default_time=time(18, 30)) == athens(2026, 11, 25, 18, 30)
    assert when("tomorrow", default_time=time(16, 0)) == athens(2026, 11, 26, 16, 0)
    assert when("26/11", default_time=time(9, 0)) == athens(2026, 11, 26, 9, 0)


def test_end_of_day_after_closing_is_still_today_and_in_the_past():
    late = athens(2026, 11, 25, 19, 0)
    assert when("eod", late) == athens(2026, 11, 25, 17, 0)
    assert describe_when(when("eod", late), now=late) == "today, 17:00, 2 hours ago"


def test_weekday_on_that_same_day_is_next_week_even_in_the_morning():
    assert when("wed", athens(2026, 11, 25, 8, 0)) == athens(2026, 12, 2, 17, 0)


def test_results_are_to_the_minute():
    assert when("in 30 min", athens(2026, 11, 25, 14, 0, 45, 123)) == athens(2026, 11, 25, 14, 30)


def test_now_in_another_zone_is_read_in_the_desk_zone():
    now = datetime(2026, 11, 25, 22, 30, tzinfo=UTC)  # already Thursday 00:30 in Athens
    assert when("tomorrow", now) == athens(2026, 11, 27, 17, 0)
    assert when("9am", now) == athens(2026, 11, 26, 9, 0)


def test_tehran():
    now = datetime(2026, 11, 25, 14, 0, tzinfo=TEHRAN)
    moment = parse_when("tomorrow ۹am", now=now, tz=TEHRAN)
    assert moment == datetime(2026, 11, 26, 9, 0, tzinfo=TEHRAN)
    assert moment.utcoffset() == timedelta(hours=3, minutes=30)


def test_past_moments_are_returned_for_the_caller_to_judge():
    moment = when("24/11/2026 10:00")
    assert moment == athens(2026, 11, 24, 10, 0)
    assert describe_when(moment, now=NOW).endswith("ago")


# --- what it cannot read --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\u200f"])
def test_empty_input_asks_for_a_time(text: str):
    assert "Type when it is due, for example: 15:00, 3pm" in cannot_read(text)


@pytest.mark.parametrize("text", ["soon", "asap", "tomorrow tomorrow", "15", "3", "next", "in hours", "in 2 fortnights", "11/26/2026x"])
def test_unreadable_input_lists_examples(text: str):
    message = cannot_read(text)
    assert message.startswith(f'Could not read "{text}" as a time.')
    assert "tomorrow 10am" in message and "26/11" in message and "in 2 hours" in message


def test_errors_are_value_errors():
    assert issubclass(TypedTimeError, ValueError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02", "31 February does not exist."),
        ("31/04/2027 10:00", "31 April does not exist."),
        ("2026-02-30", "30 February does not exist."),
        ("0/11", "0 November does not exist."),
        ("29/02/2027", "29 February 2027 does not exist."),
        ("11/26/2026", "There is no month 26. Dates are written day first"),
        ("15.30", "times with a colon (15:30)"),
        ("25:00", '"25:00" is not a time of day'),
        ("tomorrow 10:75", '"10:75" is not a time of day'),
        ("13pm", '"13pm" is not a time: with am or pm the hour runs from 1 to 12.'),
        ("0am", '"0am" is not a time'),
    ],
)
def test_impossible_dates_and_times_say_why(text: str, message: str):
    assert message in cannot_read(text)


@pytest.mark.parametrize("text", ["in 99999999 days", "in 999999999999 hours"])
def test_absurdly_far_ahead_is_refused_not_crashed(text: str):
    assert cannot_read(text) == f'"{text}" is too far ahead to be a due time.'


def test_29_february_without_a_year_is_this_years():
    assert when("29/02", athens(2028, 1, 25, 14, 0)) == athens(2028, 2, 29, 17, 0)
    assert "29 February 2027 does not exist." in cannot_read("29/02", athens(2027, 1, 25, 14, 0))


# --- daylight saving (Athens: 03:00 -> 04:00 on 29 March 2026, 04:00 -> 03:00 on 25 October 2026) ----


def test_a_time_in_the_spring_forward_gap_moves_forward():
    moment = when("tomorrow 3:30", athens(2026, 3, 28, 12, 0))
    assert moment.isoformat() == "2026-03-29T04:30:00+03:00"
    assert when("29/03/2026 03:30").isoformat() == "2026-03-29T04:30:00+03:00"


def test_a_repeated_fall_back_time_is_its_first_occurrence():
    moment = when("25/10/2026 03:30")
    assert moment.utcoffset() == timedelta(hours=3)
    assert moment.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_hours_ahead_are_real_hours_across_the_change():
    before = athens(2026, 3, 29, 1, 0)
    assert when("in 3 hours", before).isoformat() == "2026-03-29T05:00:00+03:00"


def test_days_ahead_keep_the_wall_clock_across_the_change():
    assert when("in 1 day", athens(2026, 3, 28, 14, 0)).isoformat() == "2026-03-29T14:00:00+03:00"
    assert when("in 1 week", athens(2026, 10, 20, 9, 0)).isoformat() == "2026-10-27T09:00:00+02:00"


def test_a_time_alone_on_the_short_night_is_still_read():
    assert when("3:30", athens(2026, 3, 29, 1, 0)).isoformat() == "2026-03-29T04:30:00+03:00"


# --- saying it back -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "now", "expected"),
    [
        (athens(2026, 11, 26, 15, 0), athens(2026, 11, 24, 14, 0), "Thursday 26 November, 15:00, in 2 days"),
        (athens(2026, 11, 25, 15, 0), athens(2026, 11, 25, 12, 0), "today, 15:00, in 3 hours"),
        (athens(2026, 11, 26, 9, 0), athens(2026, 11, 25, 19, 0), "tomorrow, 09:00, in 14 hours"),
        (athens(2026, 11, 24, 10, 0), NOW, "yesterday, 10:00, 1 day ago"),
        (athens(2026, 11, 23, 10, 0), NOW, "Monday 23 November, 10:00, 2 days ago"),
        (athens(2026, 11, 25, 14, 30), NOW, "today, 14:30, in 30 minutes"),
        (athens(2026, 11, 25, 14, 1), NOW, "today, 14:01, in 1 minute"),
        (athens(2026, 11, 25, 14, 0, 30), NOW, "today, 14:00, now"),
        (athens(2026, 11, 25, 12, 59), NOW, "today, 12:59, 1 hour ago"),
        (athens(2026, 11, 26, 13, 59), NOW, "tomorrow, 13:59, in 23 hours"),
        (athens(2026, 12, 16, 9, 0), NOW, "Wednesday 16 December, 09:00, in 2 weeks"),
        (athens(2027, 1, 4, 9, 0), NOW, "Monday 4 January 2027, 09:00, in 5 weeks"),
        (athens(2027, 3, 1, 9, 0), NOW, "Monday 1 March 2027, 09:00, in 3 months"),
    ],
)
def test_describe_when(moment: datetime, now: datetime, expected: str):
    assert describe_when(moment, now=now) == expected


def test_describe_uses_the_moments_zone_and_real_time():
    assert describe_when(athens(2026, 11, 25, 17, 0), now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC)) == "today, 17:00, in 3 hours"
    spring = describe_when(athens(2026, 3, 29, 5, 0), now=athens(2026, 3, 29, 1, 0))
    assert spring == "today, 05:00, in 3 hours"  # four hours on the wall clock, three in fact


def test_describe_reads_back_what_was_parsed():
    assert describe_when(when("thursday 10am"), now=NOW) == "tomorrow, 10:00, in 20 hours"
    assert describe_when(when("next monday 9:30"), now=NOW) == "Monday 30 November, 09:30, in 4 days"


def test_describe_refuses_naive_moments():
    with pytest.raises(ValueError, match="no timezone"):
        describe_when(datetime(2026, 11, 25, 15, 0), now=NOW)
