"""Desk rules: a number too large to work with is refused when it is set, naming the most it can be."""

from __future__ import annotations

from datetime import timedelta

import pytest

from frontdesk.db.models import DeskSetting
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import RULES, load_rules, set_rule
from frontdesk.services.inactive_customers import inactive_customers
from frontdesk.services.validation import ValidationError


@pytest.mark.parametrize(("key", "value", "most"), [
    ("erase_inactive_after_years", "10000", "100"), ("erase_inactive_after_years", "5000", "100"),
    ("erase_inactive_after_years", "1e300", "100"), ("callback_within_hours", "1e300", "2,000"),
    ("response_limit_hours", "1e15", "8,760"), ("lock_after_idle_minutes", "1e20", "1,440"),
    ("promise_capacity_per_day", "1e20", "1,000"), ("follow_up_after_working_days", "100000", "260"),
])
def test_a_number_beyond_a_rules_bound_is_refused_naming_the_bound(desk: Desk, supervisor: int, key: str, value: str,
                                                                  most: str) -> None:
    with desk.session() as session:
        before = load_rules(session)
        with pytest.raises(ValidationError, match=f"^{key} can be at most {most}, not '{value}'.$"):
            set_rule(session, key, value, supervisor)
        assert load_rules(session) == before


def test_every_numeric_rule_has_a_bound(desk: Desk, supervisor: int) -> None:
    numeric = [key for key, rule in RULES.items() if rule.default.replace(".", "").isdigit()]
    money = ("goodwill_budget_per_month", "goodwill_max_amount")  # bounded by the currency's ceiling (services/money.py)
    assert all(RULES[key].most for key in numeric if key not in money)
    with desk.session() as session:
        for key in numeric:
            with pytest.raises(ValidationError):
                set_rule(session, key, "1e300", supervisor)


def test_a_bound_itself_is_accepted_and_works(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "erase_inactive_after_years", "100", supervisor)
        set_rule(session, "callback_within_hours", "2000", supervisor)
        assert inactive_customers(session, supervisor) == ()
        assert load_rules(session).callback_within == timedelta(hours=2000)


def test_a_value_stored_before_the_bounds_is_read_as_the_bound(desk: Desk, supervisor: int) -> None:
    """A desk that took 10000 years before this check still lists its inactive customers, instead of crashing."""
    with desk.session() as session:
        session.add(DeskSetting(key="erase_inactive_after_years", value="10000"))
        session.add(DeskSetting(key="lock_after_idle_minutes", value="1e20"))
        session.commit()
        assert inactive_customers(session, supervisor) == ()
        assert load_rules(session).lock_after_idle == timedelta(minutes=1440)


def test_a_negative_erasure_rule_says_zero_is_allowed(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match=r"^erase_inactive_after_years must be 0 \(off\) or more\.$"):
            set_rule(session, "erase_inactive_after_years", "-1", supervisor)
        set_rule(session, "erase_inactive_after_years", "0", supervisor)


def test_opening_hours_giving_a_day_twice_are_refused_and_the_rule_keeps_its_hours(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        set_rule(session, "opening_hours", "mon-fri 09:00-17:00", supervisor)
        before = load_rules(session).opening_hours
        with pytest.raises(ValidationError, match='^Opening hours: Friday is given twice, in "Mon-Fri 09:00-17:00" '
                                                  'and in "Fri 10:00-14:00"; give each day its hours once'):
            set_rule(session, "opening_hours", "Mon-Fri 09:00-17:00; Fri 10:00-14:00", supervisor)
        assert load_rules(session).opening_hours == before


def test_opening_hours_stored_with_a_day_given_twice_still_read_and_other_rules_still_change(
        desk: Desk, supervisor: int) -> None:
    """Stored before such hours were refused: the later clause still wins, as it did, instead of the desk failing."""
    with desk.session() as session:
        session.add(DeskSetting(key="opening_hours", value="mon-fri 09:00-17:00; fri 09:00-13:00"))
        session.commit()
        set_rule(session, "callback_within_hours", "3", supervisor)
        rules = load_rules(session)
        assert rules.callback_within == timedelta(hours=3)
        assert rules.opening_hours.describe() == "mon-thu 09:00-17:00; fri 09:00-13:00"
