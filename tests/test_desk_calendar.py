"""The desk rules `calendar` and `language`: dates typed and shown in the Solar Hijri calendar on a Jalali desk,
a promise over six months ahead confirmed first, and a message's callback time kept to opening hours."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlmodel import select

from frontdesk.cli.main import main
from frontdesk.clock.dates import DateStyle, desk_style, moment_words
from frontdesk.clock.hours import OpeningHours
from frontdesk.db.models import DeskSetting, Promise
from frontdesk.services.callbacks import take_message
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customer_text import describe
from frontdesk.services.customers import create_customer, customer_record
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import DeskRules, load_rules, rule_values, set_rule, shown_rule_values
from frontdesk.services.greeting import summaries
from frontdesk.services.promise_checks import check_promise, closed_problem
from frontdesk.services.promises import PromiseNeedsConfirmation, make_promise
from frontdesk.services.sign_in import MAX_TRIES, SignInRefused, check_secret
from frontdesk.services.validation import ValidationError
from tests.known_secret import KNOWN_SECRET
from tests.test_promises import ATHENS, MONDAY, SATURDAY, THURSDAY, at
from tests.test_promises import athens_desk, customer, eleni  # noqa: F401  (fixtures, used by name)

pytestmark = pytest.mark.usefixtures("athens_desk")
"""Every test here runs on Thursday 26 November 2026 (5 Azar 1405), 10:00 in Athens."""


@pytest.fixture
def rules(desk: Desk) -> DeskRules:
    with desk.session() as session:
        return replace(load_rules(session), opening_hours=OpeningHours.parse("mon-fri 09:00-17:00", tz=ATHENS))


def test_a_new_desk_is_gregorian_and_english(desk: Desk) -> None:
    assert desk.rules().date_style == DateStyle("gregorian", "en")


def test_calendar_and_language_are_desk_rules_read_by_every_terminal(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "calendar", "Jalali", supervisor)
        set_rule(session, "language", "fa", supervisor)
    assert desk.rules().date_style == DateStyle("jalali", "fa")
    assert desk_style() == DateStyle("jalali", "fa")  # what every date on this terminal is now shown in


@pytest.mark.parametrize(("key", "value"), [("calendar", "julian"), ("calendar", ""), ("language", "de")])
def test_an_unknown_calendar_or_language_is_refused_and_nothing_changes(desk: Desk, key: str, value: str, supervisor: int) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match=f"{key} must be one of"):
            set_rule(session, key, value, supervisor)
    assert desk.rules().date_style == DateStyle()


def test_a_promise_over_six_months_ahead_asks_for_confirmation(desk: Desk, rules: DeskRules, customer: int) -> None:  # noqa: F811
    far = at(date(2027, 6, 1), 10)  # a Tuesday, open, six months and a few days after Thursday 26 November
    with desk.session() as session:
        assert check_promise(session, rules, desk.agent_id, at(date(2027, 5, 26), 10)).ok  # exactly six months
        check = check_promise(session, rules, desk.agent_id, far)
        assert check.warnings == ("Tuesday 1 June 2027 is more than six months ahead; check the date.",)
        assert check.alternatives == ()
        with pytest.raises(PromiseNeedsConfirmation, match="more than six months ahead"):
            make_promise(session, desk.agent_id, customer, "Annual check", far, rules=rules)
        assert session.exec(select(Promise)).all() == []
        make_promise(session, desk.agent_id, customer, "Annual check", far, rules=rules, confirmed=True)
        assert len(session.exec(select(Promise)).all()) == 1


def test_a_far_promise_on_a_closed_day_says_both(desk: Desk, rules: DeskRules) -> None:
    with desk.session() as session:
        check = check_promise(session, rules, desk.agent_id, at(date(2027, 6, 5), 10))  # a Saturday
    assert [warning.split(" ")[:3] for warning in check.warnings] == [["The", "desk", "is"], ["Saturday", "5", "June"]]


def test_a_jalali_desk_states_its_warnings_in_solar_hijri_dates(desk: Desk, rules: DeskRules, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "calendar", "jalali", supervisor)
    desk.rules()
    with desk.session() as session:
        check = check_promise(session, rules, desk.agent_id, at(SATURDAY, 10))
    assert check.warnings == ("The desk is closed on Saturday 7 Azar at 10:00.",)


def test_a_persian_desk_says_the_times_of_its_warnings_in_persian_digits(desk: Desk, rules: DeskRules, supervisor: int) -> None:
    """The time next to the Persian date words is in the same digits (it was "شنبه ۷ آذر at 10:00"); so is the end of
    a lock-out."""
    with desk.session() as session:
        set_rule(session, "calendar", "jalali", supervisor)
        set_rule(session, "language", "fa", supervisor)
    desk.rules()
    with desk.session() as session:
        assert check_promise(session, rules, desk.agent_id, at(SATURDAY, 10)).warnings == ("The desk is closed on شنبه ۷ آذر at ۱۰:۰۰.",)
    assert closed_problem(rules.opening_hours, at(SATURDAY, 10)) == (
        "The desk is closed on شنبه ۷ آذر at ۱۰:۰۰. Tell the customer a time the desk is open, such as دوشنبه ۹ آذر, ۰۹:۰۰.")
    with desk.session() as session:
        for _ in range(MAX_TRIES):
            with pytest.raises(SignInRefused):
                check_secret(session, desk.agent_id, "0000")
        with pytest.raises(SignInRefused, match="try again after ۱۰:۰۵.$"):
            check_secret(session, desk.agent_id, KNOWN_SECRET)


def test_a_messages_callback_time_is_kept_to_opening_hours(desk: Desk, customer: int, eleni: int, supervisor: int) -> None:  # noqa: F811
    with desk.session() as session:
        set_rule(session, "opening_hours", "mon-fri 09:00-17:00", supervisor)
        with pytest.raises(ValidationError, match="closed on Saturday 28 November at 10:00") as refused:
            take_message(session, desk.agent_id, eleni, customer, "Mrs. Johnson", "Call about the invoice", at(SATURDAY, 10))
        assert "such as Monday 30 November, 09:00" in str(refused.value)
        assert session.exec(select(Promise)).all() == []
        kept = take_message(session, desk.agent_id, eleni, customer, "Mrs. Johnson", "Call about the invoice", at(MONDAY, 11))
        assert kept.owner_id == eleni


def test_dates_everywhere_follow_the_desks_calendar(desk: Desk, customer: int, db_url: str,  # noqa: F811
                                                   capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, supervisor: int) -> None:
    with desk.session() as session:
        make_promise(session, desk.agent_id, customer, "Call about the refund", at(THURSDAY, 15))
        born = create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date=date(1961, 3, 4)),
                               desk.agent_id).id
        set_rule(session, "calendar", "jalali", supervisor)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)
    assert main(["promises", "--db-url", db_url, "--agent", desk.agent.name]) == 0
    assert "Thu 5 Azar 15:00" in capsys.readouterr().out  # the CLI opens the desk in its calendar
    assert moment_words(at(THURSDAY, 15)) == "Thu 5 Azar 15:00"
    with desk.reading() as session:
        assert "born 1339-12-13" in describe(summaries(session, [born])[born])
    with desk.session() as session:
        set_rule(session, "language", "fa", supervisor)
    assert main(["promises", "--db-url", db_url, "--agent", desk.agent.name]) == 0
    assert "پنج‌شنبه ۵ آذر ۱۵:۰۰" in capsys.readouterr().out


def test_the_json_output_keeps_iso_dates_for_programs(desk: Desk, customer: int, db_url: str,  # noqa: F811
                                                      capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                                      supervisor: int) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)
    with desk.session() as session:
        make_promise(session, desk.agent_id, customer, "Call about the refund", at(THURSDAY, 15))
        set_rule(session, "calendar", "jalali", supervisor)
    assert main(["promises", "--db-url", db_url, "--agent", desk.agent.name, "--json"]) == 0
    assert '"due_at": "2026-11-26T15:00:00+02:00"' in capsys.readouterr().out


@pytest.mark.parametrize("typed", ["1339/12/14", "۱۳۳۹/۱۲/۱۴", "14/12/1339", "۱۴ اسفند ۱۳۳۹", "1961-03-05", "05/03/1961",
                                   "14/12/39", "۱۴/۱۲/۳۹"])
def test_a_birth_date_is_typed_in_either_calendar_and_shown_in_the_desks(desk: Desk, typed: str, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "calendar", "jalali", supervisor)
        desk.rules()
        created = create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date=typed), desk.agent_id)
        assert created.birth_date == date(1961, 3, 5)
        assert customer_record(created).values.birth_date == "1339-12-14"  # the form shows what a Jalali desk types


@pytest.mark.parametrize("calendar_rule", ["gregorian", "jalali"])
def test_a_birth_year_typed_in_two_digits_is_a_past_one_or_asked_for_in_full(desk: Desk, supervisor: int,
                                                                            calendar_rule: str) -> None:
    """A birth date is in the past: 5/3/61 is 1961 (2061 is still to come), as the lookup reads it; 4/3/19 could
    be 1919 or 2019, so the desk asks for the year instead of saving a child's or a centenarian's birth date."""
    typed = {"gregorian": ("5/3/61", "4/3/19"), "jalali": ("14/12/39", "14/12/01")}[calendar_rule]
    with desk.session() as session:
        set_rule(session, "calendar", calendar_rule, supervisor)
        desk.rules()
        created = create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date=typed[0]), desk.agent_id)
        assert created.birth_date == date(1961, 3, 5)
        century = {"gregorian": "4 March 1919 or 4 March 2019", "jalali": "14 Esfand 1301 or 14 Esfand 1401"}[calendar_rule]
        with pytest.raises(ValidationError, match=f"^{typed[1]} could be {century}: type the year in full.$"):
            create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date=typed[1]), desk.agent_id)


def test_a_birth_date_that_does_not_exist_says_why(desk: Desk) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match="31 Esfand does not exist"):
            create_customer(session, CustomerForm(given_name="Reza", family_name="Ahmadi", birth_date="31/12/1339"), desk.agent_id)


@pytest.mark.parametrize(("typed", "day"), [
    ("1405-10-04", date(2026, 12, 25)),  # a four-digit year says its own calendar: Solar Hijri, on any desk
    ("۲۰۲۶-۱۲-۲۵", date(2026, 12, 25)),  # Persian digits
    ("٢٠٢٦-١٢-٢٥", date(2026, 12, 25)),  # Arabic-Indic digits
    ("25/12/2026", date(2026, 12, 25)),  # day first, as other dates are typed
])
def test_holidays_are_read_like_other_dates_and_stored_in_iso_gregorian(desk: Desk, supervisor: int, typed: str,
                                                                         day: date) -> None:
    with desk.session() as session:
        set_rule(session, "holidays", f"{typed}, 2027-01-01", supervisor)
        assert load_rules(session).opening_hours.holidays == {day, date(2027, 1, 1)}
        assert rule_values(session)["holidays"] == f"{day.isoformat()}, 2027-01-01"


def test_a_jalali_desk_shows_its_holidays_in_its_calendar(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "holidays", "2026-12-25", supervisor)
        assert shown_rule_values(session)["holidays"] == "2026-12-25"
        set_rule(session, "calendar", "jalali", supervisor)
        assert shown_rule_values(session)["holidays"] == "1405-10-04"


def test_a_holiday_that_is_no_date_is_refused_naming_it(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        for typed in ("someday", "2026-02-30"):
            with pytest.raises(ValidationError, match=f"^Holidays: {typed!r} is not a date"):
                set_rule(session, "holidays", f"2026-12-25, {typed}", supervisor)
        assert load_rules(session).opening_hours.holidays == frozenset()


def test_a_holiday_stored_with_a_solar_hijri_year_before_this_reading_is_read_in_its_calendar(desk: Desk) -> None:
    """`config holidays 1405-10-04` was stored as typed and read as 4 October of the year 1405 AD."""
    with desk.session() as session:
        session.add(DeskSetting(key="holidays", value="1405-10-04"))
        session.commit()
        assert load_rules(session).opening_hours.holidays == {date(2026, 12, 25)}
