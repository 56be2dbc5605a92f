"""Desk-wide rules kept in the database, so every terminal on it works to the same hours and limits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from babel.numbers import is_currency
from sqlmodel import Session, select

from frontdesk.db.models import DeskSetting, GoodwillGrant, SolutionOption
from frontdesk.clock.dates import CALENDARS, DateStyle, typed_date
from frontdesk.clock.hours import OpeningHours
from frontdesk.clock.now import to_local, utcnow
from frontdesk.clock.typed_time import TypedTimeError, read_date
from frontdesk.clock.words import LANGUAGES
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.money import amount_of, decimals
from frontdesk.services.phones import parse_regions
from frontdesk.services.validation import ValidationError


@dataclass(frozen=True)
class Rule:
    default: str
    meaning: str
    most: float | None = None
    """The largest number the rule takes: beyond it a typo (10000 years, 1e300 hours) would overflow a date
    or a clock. Checked when the rule is set; a larger value stored before is read as this."""


RULES = {
    "opening_hours": Rule("mon-fri 09:00-17:00", "when the desk is open, e.g. 'mon-fri 09:00-17:00; sat 10:00-14:00'"),
    "holidays": Rule("", "closed days, e.g. '2026-12-25, 2027-01-01' (or '1405-10-04': a four-digit year says its calendar)"),
    "callback_within_hours": Rule("2", "working hours within which a missed call must be returned", most=2_000),
    "response_limit_hours": Rule("24", "hours within which every request must get a reply", most=8_760),
    "promise_capacity_per_day": Rule("8", "open promises one owner can keep due on one day", most=1_000),
    "follow_up_after_working_days": Rule("2", "working days after a resolved case to ask how it went", most=260),
    "goodwill_budget_per_month": Rule("50", "each agent's monthly goodwill budget, in the desk's currency"),
    "currency": Rule("EUR", "the currency goodwill amounts are in, an ISO 4217 code such as EUR, GBP, IRR or JPY"),
    "calendar": Rule("gregorian", "the calendar dates are typed and shown in: 'gregorian' or 'jalali' (Solar Hijri)"),
    "language": Rule("en", "the language and digits dates, times, amounts and figures are shown in, and typed times said back in: 'en', 'fa' or 'el'"),
    "goodwill_max_amount": Rule("500", "the most one goodwill gesture can be, even with a supervisor's approval"),
    "lock_after_idle_minutes": Rule("10", "minutes without a key or click before a terminal locks", most=1_440),
    "erase_inactive_after_years": Rule("0", "years without contact after which a customer is listed for erasure (0: never)",
                                       most=100),
    "phone_region": Rule("", "where national phone numbers are read, e.g. 'GB' or 'IR, GB' (the usual one first); numbers with + need none"),
}


@dataclass(frozen=True)
class DeskRules:
    opening_hours: OpeningHours
    callback_within: timedelta
    """Working time (opening hours only) to return a missed call."""
    response_limit: timedelta
    """Clock time within which a request must be answered."""
    promise_capacity_per_day: int
    follow_up_after_working_days: int
    goodwill_budget_per_month: Decimal
    currency: str
    """An ISO 4217 code in capitals; it says how many decimals amounts have (frontdesk.services.money)."""
    phone_regions: tuple[str, ...]
    """Regions national phone numbers are read in; empty: such numbers are kept without a canonical form."""
    goodwill_max_amount: Decimal
    """No single grant is larger, approved or not: a typo of 5000 for 50 is refused."""
    lock_after_idle: timedelta
    """A terminal left alone this long locks; the same person's secret opens it where it was."""
    erase_inactive_after_years: float
    """0 while the desk keeps customers however long they stay away."""
    date_style: DateStyle = DateStyle()
    """The calendar dates are typed and shown in, and the language a typed time is said back in."""


def rule_values(session: Session) -> dict[str, str]:
    stored = {row.key: row.value for row in session.exec(select(DeskSetting))}
    return {key: stored.get(key, rule.default) for key, rule in RULES.items()}


def load_rules(session: Session) -> DeskRules:
    return _rules_from(rule_values(session))


def desk_currency(session: Session) -> str:
    """The rule `currency` alone, for code that stores or reads an amount and needs no other rule."""
    return _currency(rule_values(session))


def shown_rule_values(session: Session) -> dict[str, str]:
    """The rules as `frontdesk config` shows them: holidays in the desk's calendar (1405-10-04 on a Jalali desk)."""
    values = rule_values(session)
    style = _date_style(values)
    values["holidays"] = ", ".join(typed_date(day, style) for day in _holidays(values["holidays"], style))
    return values


def _date_style(values: dict[str, str]) -> DateStyle:
    return DateStyle(_one_of(values, "calendar", CALENDARS), _one_of(values, "language", LANGUAGES))


def _holidays(text: str, style: DateStyle) -> list[date]:
    """Read as any typed date is: any script's digits, year first or day first, and a four-digit year in its own
    calendar (1405-10-04 is Solar Hijri on any desk). Split at commas or semicolons, or at spaces between dates."""
    days: set[date] = set()
    for piece in (piece.strip() for piece in re.split(r"[,;،]", text)):
        whole = _holiday(piece, style) if piece else None
        days.update([whole] if whole is not None else [_holiday(part, style, refuse=True) for part in piece.split()])
    return sorted(days)


def _holiday(text: str, style: DateStyle, *, refuse: bool = False) -> date | None:
    try:
        day = read_date(text, today=to_local(utcnow()).date(), style=style)
    except TypedTimeError:
        day = None
    if day is None and refuse:
        raise ValidationError("holidays", f"Holidays: {_said(text)} is not a date; write them year first, "
                                          "e.g. 2026-12-25 (or 1405-10-04 in the Solar Hijri calendar).")
    return day


def _rules_from(values: dict[str, str]) -> DeskRules:
    date_style = _date_style(values)
    holidays = ", ".join(day.isoformat() for day in _holidays(values["holidays"], date_style))
    hours = _opening_hours(values["opening_hours"], holidays, stored=True)
    if not any(hours.week):
        raise ValidationError("opening_hours", "Opening hours: the desk would never be open; give at least one day's hours.")
    return DeskRules(
        opening_hours=hours,
        callback_within=timedelta(hours=_positive(values, "callback_within_hours")),
        response_limit=timedelta(hours=_positive(values, "response_limit_hours")),
        promise_capacity_per_day=_whole(values, "promise_capacity_per_day"),
        follow_up_after_working_days=_whole(values, "follow_up_after_working_days"),
        goodwill_budget_per_month=_money(values, "goodwill_budget_per_month"),
        currency=_currency(values),
        date_style=date_style,
        goodwill_max_amount=_money(values, "goodwill_max_amount"),
        lock_after_idle=timedelta(minutes=_positive(values, "lock_after_idle_minutes")),
        erase_inactive_after_years=_not_negative(values, "erase_inactive_after_years"),
        phone_regions=parse_regions(values["phone_region"]),
    )


def _opening_hours(spec: str, holidays: str = "", *, stored: bool) -> OpeningHours:
    """Hours as typed must give each day once; hours `stored` before that was checked are read as they were
    then, the later clause winning, so the desk keeps working and its other rules can still be changed."""
    try:
        return OpeningHours.parse(spec, holidays, later_clause_wins=stored)
    except ValueError as error:
        raise ValidationError("opening_hours", f"Opening hours: {error}") from None


def _one_of(values: dict[str, str], key: str, allowed: tuple[str, ...]) -> str:
    value = values[key].strip().lower()
    if value not in allowed:
        raise ValidationError(key, f"{key} must be one of {', '.join(allowed)}, not {values[key]!r}.")
    return value


def _positive(values: dict[str, str], key: str) -> float:
    try:
        number = float(values[key])
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError(key)
    except ValueError:
        raise ValidationError(key, f"{key} must be a number, not {values[key]!r}.") from None
    if number <= 0:
        raise ValidationError(key, f"{key} must be more than zero.")
    most = RULES[key].most
    return number if most is None else min(number, most)


def _check_bound(key: str, value: str) -> None:
    """Once the value is known to be a number: no more than the rule's `most`, said with the bound."""
    most = RULES[key].most
    if most is not None and float(value) > most:
        raise ValidationError(key, f"{key} can be at most {most:,}, not {_said(value)}.")


MONEY_RULES = ("goodwill_budget_per_month", "goodwill_max_amount")


def _currency(values: dict[str, str]) -> str:
    """Capitals, so "irr" finds IRR's decimals; a code stored before codes were checked is kept as it is."""
    return values["currency"].strip().upper() or "EUR"


def _money(values: dict[str, str], key: str) -> Decimal:
    """Read as typed amounts are ("80", "80,50"), so a rule and a grant compare exactly.

    By its value: a rule typed as "50.00" before the currency became IRR is 50 IRR (see `set_rule`)."""
    return amount_of(values[key], _currency(values), field=key, label=key, stored=True)


def _not_negative(values: dict[str, str], key: str) -> float:
    """Zero allowed: it switches the rule off."""
    try:
        number = float(values[key])
    except ValueError:
        number = 1.0  # _positive says what is wrong with it
    if number == 0:
        return 0.0
    if number < 0:
        raise ValidationError(key, f"{key} must be 0 (off) or more.")
    return _positive(values, key)


def _whole(values: dict[str, str], key: str) -> int:
    number = _positive(values, key)
    if number != int(number):
        raise ValidationError(key, f"{key} must be a whole number, not {values[key]!r}.")
    return int(number)


def set_rule(session: Session, key: str, value: str, agent_id: int | None) -> None:
    """Checked as a whole before it is stored: a typo never leaves the desk with unreadable rules. Supervisors only."""
    require_supervisor(session, agent_id, "change_rules")
    if key not in RULES:
        raise ValidationError("key", f"Unknown setting {key!r}; known: {', '.join(RULES)}.")
    before = rule_values(session)
    if key == "currency":
        _check_currency(session, value.strip(), _currency(before))
        value = value.strip().upper()
    if key == "holidays":  # kept in ISO Gregorian, whatever calendar and digits they were typed in
        value = ", ".join(day.isoformat() for day in _holidays(value, _date_style(before)))
    values = {**before, key: value.strip()}
    if key in MONEY_RULES:
        amount_of(value, _currency(values), field=key, label=key)  # as typed now: "1,000" of IRR is refused, not 1
    if key == "opening_hours":
        _opening_hours(value, stored=False)  # as typed now: a day given twice is refused
    _rules_from(values)
    _check_bound(key, value)
    row = session.get(DeskSetting, key) or DeskSetting(key=key)
    row.value = value.strip()
    session.add(row)
    audit.record(session, agent_id, "setting", "desk", None, f"{key}={row.value}")
    session.commit()


def _check_currency(session: Session, code: str, old: str) -> None:
    """A known ISO 4217 code, and no change of decimals under amounts already recorded.

    The tables hold minor units: 1250 is 12.50 EUR but 1250 IRR, so moving from EUR to IRR with
    grants or priced options on record would multiply every one of them by a hundred."""
    if not is_currency(code.upper()):
        raise ValidationError("currency", f"currency must be an ISO 4217 code such as EUR, GBP, IRR or JPY, not {_said(code)}.")
    if decimals(code) != decimals(old) and _money_recorded(session):
        raise ValidationError("currency", f"{code.upper()} has {decimals(code)} decimals and {old} has {decimals(old)}: "
                                          "amounts already recorded would change their value. Keep the currency "
                                          "or start a new desk.")


def _money_recorded(session: Session) -> bool:
    grant = session.exec(select(GoodwillGrant.id).limit(1)).first()
    return grant is not None or session.exec(
        select(SolutionOption.id).where(SolutionOption.goodwill_cost_cents != 0).limit(1)).first() is not None


def _said(typed: str) -> str:
    """What was typed, quoted and cut short: a hundred thousand pasted characters are not repeated back."""
    return repr(typed if len(typed) <= 12 else f"{typed[:12]}…")
