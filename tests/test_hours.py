"""Opening hours: the spec people edit, and time counted only while the desk is open."""

from __future__ import annotations

import re
import time as host_time
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontdesk.clock.now import local_zone
from frontdesk.clock.hours import END_OF_DAY, OpeningHours, as_utc, at_local, weekday_number

ATHENS = ZoneInfo("Europe/Athens")
TEHRAN = ZoneInfo("Asia/Tehran")
DEFAULT = OpeningHours(tz=ATHENS)
LUNCH = OpeningHours.parse("mon-fri 09:00-12:00, 13:00-17:00", tz=ATHENS)
ALWAYS = OpeningHours.parse("mon-sun 00:00-24:00", tz=ATHENS)


def athens(*args: int) -> datetime:
    return datetime(*args, tzinfo=ATHENS)


# --- the spec -------------------------------------------------------------------------------


def test_default_is_weekdays_nine_to_five_without_holidays():
    assert DEFAULT.describe() == "mon-fri 09:00-17:00"
    assert DEFAULT.week[0] == ((time(9), time(17)),)
    assert DEFAULT.week[5] == DEFAULT.week[6] == ()
    assert DEFAULT.holidays == frozenset()


def test_default_zone_is_the_desks_zone_with_its_daylight_saving_rules(monkeypatch: pytest.MonkeyPatch):
    """A fixed offset would put every opening time an hour out after the next clock change."""
    with monkeypatch.context() as patch:
        patch.setenv("TZ", "Europe/Athens")
        host_time.tzset()
        local_zone.cache_clear()
        try:
            winter, summer = datetime(2027, 1, 15, 12), datetime(2027, 7, 15, 12)
            for hours in (OpeningHours(), OpeningHours.parse("mon 09:00-17:00")):
                assert hours.tz.utcoffset(winter) == timedelta(hours=2)
                assert hours.tz.utcoffset(summer) == timedelta(hours=3)
        finally:
            patch.undo()
            host_time.tzset()
            local_zone.cache_clear()


def test_parse_day_ranges_and_saturday():
    hours = OpeningHours.parse("mon-fri 09:00-17:00; sat 10:00-14:00", tz=ATHENS)
    assert hours.week[4] == ((time(9), time(17)),)
    assert hours.week[5] == ((time(10), time(14)),)
    assert hours.week[6] == ()
    assert hours.tz is ATHENS


def test_parse_day_lists_split_intervals_and_closed_days():
    hours = OpeningHours.parse("MON, Wed 8:30-12:00, 13:00 - 17:00;  sun CLOSED", tz=ATHENS)
    split = ((time(8, 30), time(12)), (time(13), time(17)))
    assert hours.week[0] == hours.week[2] == split
    assert hours.week[1] == hours.week[6] == ()


def test_parse_accepts_full_names_hours_without_minutes_en_dashes_and_wrapping_ranges():
    hours = OpeningHours.parse("Saturday–Monday 9–13", tz=ATHENS)
    assert [bool(day) for day in hours.week] == [True, False, False, False, False, True, True]
    assert hours.week[0] == ((time(9), time(13)),)


@pytest.mark.parametrize(("spec", "message"), [
    ("Mon-Fri 09:00-17:00; Fri 10:00-14:00",
     'Friday is given twice, in "Mon-Fri 09:00-17:00" and in "Fri 10:00-14:00"; give each day its hours once'),
    ("mon-sun 09:00-17:00;\nsun closed", 'Sunday is given twice, in "mon-sun 09:00-17:00" and in "sun closed"'),
    ("sat-mon 10:00-14:00; tue 9-17; Monday 08:00–12:00",
     'Monday is given twice, in "sat-mon 10:00-14:00" and in "Monday 08:00–12:00"'),
    ("mon 09:00-12:00; mon 13:00-17:00", 'Monday is given twice, in "mon 09:00-12:00" and in "mon 13:00-17:00"; give each '
                                         "day its hours once (several spans go in one clause: mon 09:00-12:00, 13:00-17:00)"),
])
def test_a_day_given_in_two_clauses_is_refused_naming_the_day_and_both_clauses(spec: str, message: str):
    """Short Fridays or a typo: keeping either clause silently would lose what the other said."""
    with pytest.raises(ValueError, match=f"^{re.escape(message)}"):
        OpeningHours.parse(spec, tz=ATHENS)


def test_a_spec_stored_before_days_given_twice_were_refused_reads_as_it_did():
    """The later clause wins, as it did when the desk stored it, so the desk's hours do not change under it."""
    hours = OpeningHours.parse("mon-fri 09:00-17:00; fri 09:00-13:00", tz=ATHENS, later_clause_wins=True)
    assert hours.week[3] == ((time(9), time(17)),)
    assert hours.week[4] == ((time(9), time(13)),)


def test_24_00_closes_at_midnight():
    hours = OpeningHours.parse("fri 18:00-24:00", tz=ATHENS)
    assert hours.week[4] == ((time(18), END_OF_DAY),)
    assert hours.describe() == "fri 18:00-24:00"


def test_parse_holidays():
    hours = OpeningHours.parse("mon-fri 09:00-17:00", "2026-12-25, 2027-01-01", tz=ATHENS)
    assert hours.holidays == {date(2026, 12, 25), date(2027, 1, 1)}
    assert hours.describe_holidays() == "2026-12-25, 2027-01-01"


@pytest.mark.parametrize(
    "spec",
    [
        "mon-fri 09:00-17:00",
        "mon-fri 09:00-17:00; sat 10:00-14:00",
        "mon,wed 08:30-12:00, 13:00-17:00",
        "mon-wed,fri 09:00-17:00; thu 12:00-20:00",
        "sat,sun 10:00-12:00",
        "mon-sun 00:00-24:00",
        "mon-sun closed",
    ],
)
def test_describe_round_trips_through_parse(spec: str):
    hours = OpeningHours.parse(spec, "2026-12-25", tz=ATHENS)
    assert hours.describe() == spec
    assert OpeningHours.parse(hours.describe(), hours.describe_holidays(), tz=ATHENS) == hours


def test_describe_groups_days_with_the_same_hours():
    hours = OpeningHours.parse("mon 9:00-17:00; wed 9:00-17:00; tue 8:00-12:00", tz=ATHENS)
    assert hours.describe() == "mon,wed 09:00-17:00; tue 08:00-12:00"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "no opening hours given"),
        ("xyz 09:00-17:00", '"xyz" is not a day'),
        ("mon-fro 09:00-17:00", '"fro" is not a day'),
        ("mon-fri", '"mon-fri" has no hours'),
        ("09:00-17:00", '"09:00-17:00" does not say which days'),
        ("mon 9:00 to 17:00", '"9:00 to 17:00" is not a span of hours'),
        ("mon 09:00-25:00", '"25:00" is not a time of day'),
        ("mon 09:60-17:00", '"09:60" is not a time of day'),
        ("mon 24:00-17:00", '"24:00" is not a time of day'),
        ("mon 17:00-09:00", "Monday: 17:00-09:00 closes before it opens"),
        ("tue 09:00-13:00, 12:00-17:00", "Tuesday: 12:00-17:00 overlaps 09:00-13:00"),
    ],
)
def test_bad_specs_name_the_bad_part(spec: str, message: str):
    with pytest.raises(ValueError, match=message):
        OpeningHours.parse(spec, tz=ATHENS)


@pytest.mark.parametrize("holidays", ["christmas", "2026-13-01", "2026-02-30", "25/12/2026"])
def test_bad_holidays_name_the_bad_date(holidays: str):
    with pytest.raises(ValueError, match=f'holiday "{holidays}" is not a date'):
        OpeningHours.parse("mon-fri 09:00-17:00", holidays, tz=ATHENS)


def test_constructor_checks_and_sorts_intervals():
    hours = OpeningHours(week=(((time(13), time(17)), (time(9), time(12))),) + ((),) * 6, tz=ATHENS)
    assert hours.week[0] == ((time(9), time(12)), (time(13), time(17)))
    with pytest.raises(ValueError, match="seven days"):
        OpeningHours(week=((),), tz=ATHENS)


def test_weekday_names():
    assert weekday_number("thu") == weekday_number("Thursday") == weekday_number("thurs") == 3
    assert weekday_number("th") is None
    assert weekday_number("sunday") == 6


# --- open or closed -------------------------------------------------------------------------


def test_is_open_includes_opening_and_excludes_closing():
    assert DEFAULT.is_open(athens(2026, 11, 25, 9, 0))
    assert DEFAULT.is_open(athens(2026, 11, 25, 16, 59))
    assert not DEFAULT.is_open(athens(2026, 11, 25, 17, 0))
    assert not DEFAULT.is_open(athens(2026, 11, 25, 8, 59))
    assert not DEFAULT.is_open(athens(2026, 11, 28, 12, 0))  # Saturday


def test_is_open_compares_real_instants_from_any_zone():
    assert DEFAULT.is_open(datetime(2026, 11, 25, 7, 30, tzinfo=UTC))  # 09:30 in Athens
    assert not DEFAULT.is_open(datetime(2026, 11, 25, 9, 30, tzinfo=TEHRAN))  # 08:00 in Athens


def test_lunch_break_is_closed():
    assert not LUNCH.is_open(athens(2026, 11, 25, 12, 30))
    assert LUNCH.next_open(athens(2026, 11, 25, 12, 30)) == athens(2026, 11, 25, 13, 0)


def test_next_open_is_the_moment_itself_when_open():
    assert DEFAULT.next_open(athens(2026, 11, 25, 10, 15)) == athens(2026, 11, 25, 10, 15)


def test_next_open_after_hours_is_the_next_morning():
    assert DEFAULT.next_open(athens(2026, 11, 25, 17, 0)) == athens(2026, 11, 26, 9, 0)
    assert DEFAULT.next_open(athens(2026, 11, 25, 6, 0)) == athens(2026, 11, 25, 9, 0)


def test_next_open_friday_evening_is_monday_morning_in_the_desk_zone():
    opened = DEFAULT.next_open(datetime(2026, 11, 27, 20, 0, tzinfo=UTC))
    assert opened == athens(2026, 11, 30, 9, 0)
    assert opened.tzinfo is ATHENS


def test_next_open_skips_holidays():
    hours = OpeningHours.parse("mon-fri 09:00-17:00", "2026-12-25, 2026-12-28", tz=ATHENS)
    assert hours.next_open(athens(2026, 12, 24, 18, 0)) == athens(2026, 12, 29, 9, 0)
    assert not hours.is_open(athens(2026, 12, 25, 10, 0))


def test_a_desk_that_is_never_open():
    never = OpeningHours.parse("mon-sun closed", tz=ATHENS)
    assert not never.is_open(athens(2026, 11, 25, 10, 0))
    assert never.working_time_between(athens(2026, 11, 25), athens(2026, 12, 25)) == timedelta(0)
    with pytest.raises(ValueError, match="the desk is never open"):
        never.next_open(athens(2026, 11, 25, 10, 0))
    with pytest.raises(ValueError, match="the desk is never open"):
        never.add_working_time(athens(2026, 11, 25, 10, 0), timedelta(hours=1))


def test_naive_moments_are_refused():
    with pytest.raises(ValueError, match="no timezone"):
        DEFAULT.is_open(datetime(2026, 11, 25, 10, 0))


# --- working-time arithmetic ----------------------------------------------------------------


def test_friday_evening_callback_rolls_to_monday():
    due = DEFAULT.add_working_time(athens(2026, 11, 27, 16, 30), timedelta(hours=2))
    assert due == athens(2026, 11, 30, 10, 30)
    assert due.tzinfo is ATHENS


def test_adding_within_the_day_and_up_to_closing():
    assert DEFAULT.add_working_time(athens(2026, 11, 25, 10, 0), timedelta(hours=3)) == athens(2026, 11, 25, 13, 0)
    assert DEFAULT.add_working_time(athens(2026, 11, 25, 16, 0), timedelta(hours=1)) == athens(2026, 11, 25, 17, 0)


def test_adding_while_closed_starts_counting_at_the_next_opening():
    assert DEFAULT.add_working_time(athens(2026, 11, 28, 11, 0), timedelta(hours=1)) == athens(2026, 11, 30, 10, 0)
    assert DEFAULT.add_working_time(athens(2026, 11, 28, 11, 0), timedelta(0)) == athens(2026, 11, 30, 9, 0)


def test_adding_skips_a_holiday():
    hours = OpeningHours.parse("mon-fri 09:00-17:00", "2026-11-30", tz=ATHENS)
    assert hours.add_working_time(athens(2026, 11, 27, 16, 30), timedelta(hours=2)) == athens(2026, 12, 1, 10, 30)


def test_adding_skips_the_lunch_break():
    assert LUNCH.add_working_time(athens(2026, 11, 25, 11, 0), timedelta(hours=2)) == athens(2026, 11, 25, 14, 0)
    assert LUNCH.add_working_time(athens(2026, 11, 25, 16, 0), timedelta(hours=5)) == athens(2026, 11, 26, 14, 0)


def test_adding_a_week_of_working_time():
    assert DEFAULT.add_working_time(athens(2026, 11, 25, 9, 0), timedelta(hours=40)) == athens(2026, 12, 1, 17, 0)


def test_negative_working_time_is_refused():
    with pytest.raises(ValueError, match="cannot be negative"):
        DEFAULT.add_working_time(athens(2026, 11, 25, 9, 0), timedelta(hours=-1))


def test_working_time_between_counts_only_open_time():
    assert DEFAULT.working_time_between(athens(2026, 11, 25, 10, 0), athens(2026, 11, 25, 12, 30)) == timedelta(hours=2.5)
    assert DEFAULT.working_time_between(athens(2026, 11, 27, 16, 30), athens(2026, 11, 30, 10, 30)) == timedelta(hours=2)
    assert LUNCH.working_time_between(athens(2026, 11, 25, 11, 0), athens(2026, 11, 25, 14, 0)) == timedelta(hours=2)
    assert DEFAULT.working_time_between(athens(2026, 11, 28, 0, 0), athens(2026, 11, 29, 23, 0)) == timedelta(0)


def test_working_time_between_is_negative_when_end_comes_first():
    assert DEFAULT.working_time_between(athens(2026, 11, 30, 10, 30), athens(2026, 11, 27, 16, 30)) == timedelta(hours=-2)


def test_working_time_between_skips_holidays():
    hours = OpeningHours.parse("mon-fri 09:00-17:00", "2026-11-26", tz=ATHENS)
    assert hours.working_time_between(athens(2026, 11, 25, 9, 0), athens(2026, 11, 27, 17, 0)) == timedelta(hours=16)


def test_add_and_between_agree():
    start = athens(2026, 11, 25, 15, 45)
    for hours in (0.5, 1.25, 7, 8, 19, 45):
        due = LUNCH.add_working_time(start, timedelta(hours=hours))
        assert LUNCH.working_time_between(start, due) == timedelta(hours=hours)


def test_tehran_hours():
    hours = OpeningHours.parse("sat-wed 08:00-16:00; thu 08:00-12:00", tz=TEHRAN)  # Friday off
    due = hours.add_working_time(datetime(2026, 11, 26, 11, 0, tzinfo=TEHRAN), timedelta(hours=2))
    assert due == datetime(2026, 11, 28, 9, 0, tzinfo=TEHRAN)
    assert due.utcoffset() == timedelta(hours=3, minutes=30)


# --- daylight saving (Athens: 03:00 -> 04:00 on 29 March 2026, 04:00 -> 03:00 on 25 October 2026) ----


def test_spring_forward_week_keeps_wall_clock_hours():
    due = DEFAULT.add_working_time(athens(2026, 3, 27, 16, 0), timedelta(hours=2))
    assert due == athens(2026, 3, 30, 10, 0)
    assert due.utcoffset() == timedelta(hours=3)
    assert DEFAULT.working_time_between(athens(2026, 3, 27, 9, 0), athens(2026, 3, 30, 17, 0)) == timedelta(hours=16)


def test_fall_back_week_keeps_wall_clock_hours():
    due = DEFAULT.add_working_time(athens(2026, 10, 23, 16, 0), timedelta(hours=2))
    assert due == athens(2026, 10, 26, 10, 0)
    assert due.utcoffset() == timedelta(hours=2)


def test_the_short_and_long_days_count_real_hours():
    assert ALWAYS.working_time_between(athens(2026, 3, 28, 12, 0), athens(2026, 3, 29, 12, 0)) == timedelta(hours=23)
    assert ALWAYS.working_time_between(athens(2026, 10, 24, 12, 0), athens(2026, 10, 25, 12, 0)) == timedelta(hours=25)


def test_adding_across_the_spring_forward_gap_lands_on_a_real_time():
    due = ALWAYS.add_working_time(athens(2026, 3, 29, 2, 30), timedelta(hours=1))
    assert due.isoformat() == "2026-03-29T04:30:00+03:00"


def test_hours_that_straddle_the_change_are_as_long_as_they_really_are():
    night = OpeningHours.parse("sun 02:00-05:00", tz=ATHENS)
    assert night.working_time_between(athens(2026, 3, 29, 0, 0), athens(2026, 3, 29, 6, 0)) == timedelta(hours=2)
    assert night.working_time_between(athens(2026, 10, 25, 0, 0), athens(2026, 10, 25, 6, 0)) == timedelta(hours=4)


def test_at_local_moves_a_gap_time_forward_and_picks_the_first_of_a_repeated_time():
    gap = at_local(date(2026, 3, 29), time(3, 30), ATHENS)
    assert gap.isoformat() == "2026-03-29T04:30:00+03:00"
    repeated = at_local(date(2026, 10, 25), time(3, 30), ATHENS)
    assert as_utc(repeated) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert repeated.fold == 0
