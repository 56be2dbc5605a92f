"""Money is exact: typed amounts parse to cents, sums and budget checks never drift, old float rows become cents."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from frontdesk.clock.dates import DateStyle, use_style
from frontdesk.clock.now import set_clock
from frontdesk.db import open_database
from frontdesk.db.engine import make_engine
from frontdesk.db.migrate import alembic_config, upgrade_to_head
from frontdesk.db.models import GoodwillGrant
from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.goodwill import NeedsApproval, budget_of, grant_goodwill
from frontdesk.services.money import amount_of, from_cents, money_text, shown_money, to_cents
from frontdesk.services.validation import ValidationError


@pytest.mark.parametrize(("typed", "amount"), [
    ("80", "80.00"), ("80.5", "80.50"), ("80,50", "80.50"), (" 12.05 ", "12.05"), (".5", "0.50"),
    ("۸۰٫۵", "80.50"), ("٨٠,٥٠", "80.50"), ("۱۲۵۰", "1250.00"), ("1 250,5", "1250.50"), ("999999999.99", "999999999.99"),
])
def test_typed_amounts_are_read_exactly(typed: str, amount: str) -> None:
    assert amount_of(typed, "EUR") == Decimal(amount)
    assert money_text(amount_of(typed, "EUR"), "EUR") == amount


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Type the amount"),
    ("12.345", "at most two decimals .* not '12.345'"),
    ("0.001", "at most two decimals"),
    ("-5", "more than zero"),
    ("0", "more than zero"),
    ("nan", "must be a number, e.g. 15 or 12.50, not 'nan'"),
    ("inf", "must be a number"),
    ("1e3", "must be a number"),
    ("12 EUR", "must be a number"),
    ("1,000.50", "more than one decimal mark"),
    ("1000000000", "less than 1000000000"),
])
def test_bad_typed_amounts_say_what_to_type(typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        amount_of(typed, "EUR")


def test_amounts_that_are_not_typed_are_checked_the_same_and_floats_are_refused() -> None:
    for value in (Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")):
        with pytest.raises(ValidationError, match="must be a number"):
            amount_of(value, "EUR")
    with pytest.raises(ValidationError, match="less than"):
        amount_of(Decimal("1e308"), "EUR")
    assert amount_of(0, "EUR", zero_allowed=True) == 0
    with pytest.raises(ValidationError, match="zero or more"):
        amount_of(-1, "EUR", zero_allowed=True)
    with pytest.raises(TypeError, match="never a float"):
        amount_of(0.1, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize(("currency", "typed", "amount", "minor"), [
    ("IRR", "1250", "1250", 1250), ("IRR", "۱ ۲۵۰ ۰۰۰", "1250000", 1_250_000), ("JPY", "980", "980", 980),
    ("KWD", "12.5", "12.500", 12_500), ("KWD", "0,125", "0.125", 125), ("EUR", "12.5", "12.50", 1250),
])
def test_amounts_have_the_decimals_of_their_currency(currency: str, typed: str, amount: str, minor: int) -> None:
    """The columns hold the currency's minor unit: a cent of EUR, a fils of KWD, a whole rial or yen."""
    read = amount_of(typed, currency)
    assert money_text(read, currency) == amount
    assert to_cents(read, currency) == minor and from_cents(minor, currency) == read
    assert money_text(from_cents(minor, currency), currency) == amount


@pytest.mark.parametrize(("currency", "typed", "message"), [
    ("IRR", "12.5", "The amount is a whole number of IRR, which has no decimals: type it without a point or comma, "
                    "e.g. 1500 or 1 500, not '12.5'."),
    ("IRR", "1,000", "whole number of IRR.* not '1,000'"),  # a thousand or one: neither is guessed
    ("JPY", "500.00", "whole number of JPY"),
    ("JPY", "", "Type the amount, e.g. 1500."),
    ("KWD", "1.2345", r"at most three decimals in KWD \(the smallest amount is 0.001\), not '1.2345'"),
    ("EUR", "1,000", "at most two decimals in EUR .* not '1,000'"),
    ("EUR", "12.500", "at most two decimals"),
])
def test_decimals_a_currency_does_not_have_are_refused_with_what_to_type(currency: str, typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        amount_of(typed, currency)


def test_the_ceiling_is_in_minor_units_so_the_tables_can_hold_any_amount_allowed() -> None:
    assert amount_of("99999999999", "IRR") == Decimal("99999999999")
    with pytest.raises(ValidationError, match="less than 100000000000"):
        amount_of("100000000000", "IRR")
    with pytest.raises(ValidationError, match="less than 100000000"):
        amount_of("100000000", "KWD")


def test_cents_round_trip_and_sums_do_not_drift() -> None:
    assert to_cents(Decimal("0.10"), "EUR") + to_cents(Decimal("0.20"), "EUR") == to_cents(Decimal("0.30"), "EUR") == 30
    assert from_cents(10, "EUR") + from_cents(20, "EUR") == from_cents(30, "EUR") == Decimal("0.30")
    assert from_cents(None, "EUR") == 0 and from_cents(Decimal(123456), "EUR") == Decimal("1234.56")  # PostgreSQL sums BIGINT as NUMERIC
    assert shown_money(Decimal("80.5"), "EUR") == "80.50 EUR"


def test_shown_amounts_take_the_desks_digits_and_marks_and_machine_text_stays_ascii() -> None:
    """As dates are: Persian digits on a Persian desk, Western on the others; thousands grouped and decimals marked
    as the desk's language writes them (CLDR's marks, through Babel); JSON, CSV and edit boxes always plain ASCII."""
    persian, greek, english = DateStyle("jalali", "fa"), DateStyle("gregorian", "el"), DateStyle()
    assert shown_money(Decimal("1250000"), "IRR", persian) == "۱٬۲۵۰٬۰۰۰ IRR"
    assert shown_money(Decimal("80.5"), "EUR", persian) == "۸۰٫۵۰ EUR"
    assert shown_money(Decimal("80.5"), "EUR", greek) == "80,50 EUR"
    assert shown_money(Decimal("1500000.5"), "EUR", greek) == "1.500.000,50 EUR"
    assert shown_money(Decimal("1500000"), "IRR", english) == "1,500,000 IRR"
    assert shown_money(Decimal("1234.5"), "KWD", english) == "1,234.500 KWD"
    assert shown_money(Decimal("999"), "IRR", english) == "999 IRR"
    assert money_text(Decimal("1500000"), "IRR") == "1500000"  # JSON, CSV and edit boxes: no grouping
    use_style(persian)
    assert shown_money(Decimal(15), "EUR") == "۱۵٫۰۰ EUR"
    assert money_text(Decimal(15), "EUR") == "15.00"
    assert amount_of(shown_money(Decimal(15), "EUR").removesuffix(" EUR"), "EUR") == 15  # what is shown reads back
    assert amount_of(shown_money(Decimal(1250000), "IRR").removesuffix(" IRR"), "IRR") == 1250000


def test_a_budget_spent_to_the_last_cent_is_exactly_spent(desk: Desk) -> None:
    """0.10 + 0.20 from a budget of 0.30: a float budget would leave -0.00000000000000004 or a hair over."""
    set_clock(lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    with desk.session() as session:
        boss = create_agent(session, "Daniel Brooks", "supervisor", secret="boss-2468").id
        set_rule(session, "goodwill_budget_per_month", "0,30", boss)
        rules = load_rules(session)
        assert rules.goodwill_budget_per_month == Decimal("0.30")
        for amount in ("0.10", "0.20"):
            grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount=amount, reason="Sorry")
        budget = budget_of(session, desk.agent_id, rules)
        assert (budget.used, budget.left, budget.describe()) == (Decimal("0.30"), 0, "0.00 EUR left of 0.30 this month")
        with pytest.raises(NeedsApproval, match="0.01 EUR is more than the 0.00 EUR left"):
            grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount=Decimal("0.01"), reason="One cent more")
        assert [grant.amount_cents for grant in session.exec(select(GoodwillGrant))] == [10, 20]


def test_a_desk_in_rials_draws_whole_rials(desk: Desk) -> None:
    set_clock(lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    with desk.session() as session:
        boss = create_agent(session, "Daniel Brooks", "supervisor", secret="boss-2468").id
        set_rule(session, "currency", "irr", boss)
        set_rule(session, "goodwill_budget_per_month", "۵۰۰ ۰۰۰", boss)
        set_rule(session, "goodwill_max_amount", "2000000", boss)
        rules = load_rules(session)
        assert (rules.currency, rules.goodwill_budget_per_month) == ("IRR", Decimal(500_000))
        grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount="120000", reason="Waited an hour")
        with pytest.raises(ValidationError, match="whole number of IRR"):
            grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount="12.5", reason="Half a rial")
        assert [grant.amount_cents for grant in session.exec(select(GoodwillGrant))] == [120_000]
        assert budget_of(session, desk.agent_id, rules).describe() == "380,000 IRR left of 500,000 this month"
        with pytest.raises(NeedsApproval, match="400,000 IRR is more than the 380,000 IRR left"):
            grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount=Decimal(400_000), reason="Too much")


def test_the_currency_rule_is_an_iso_code_whose_decimals_fit_what_is_recorded(desk: Desk) -> None:
    """1250 in the tables is 12.50 EUR but 1250 IRR: a change of decimals under recorded amounts is refused."""
    with desk.session() as session:
        boss = create_agent(session, "Daniel Brooks", "supervisor", secret="boss-2468").id
        with pytest.raises(ValidationError, match="an ISO 4217 code such as EUR, GBP, IRR or JPY, not 'rial'"):
            set_rule(session, "currency", "rial", boss)
        set_rule(session, "goodwill_budget_per_month", "50.5", boss)
        with pytest.raises(ValidationError, match="goodwill_budget_per_month is a whole number of JPY"):
            set_rule(session, "currency", "JPY", boss)  # the rules are read again in the new currency
        set_rule(session, "goodwill_budget_per_month", "50.00", boss)
        set_rule(session, "currency", "JPY", boss)  # "50.00" is 50 yen: stored rules are read by their value
        assert load_rules(session).goodwill_budget_per_month == Decimal(50)
        with pytest.raises(ValidationError, match="goodwill_max_amount is a whole number of JPY"):
            set_rule(session, "goodwill_max_amount", "500.00", boss)  # typed now: refused as any typed amount
        set_rule(session, "currency", "EUR", boss)
        grant_goodwill(session, desk.agent_id, load_rules(session), kind="gesture", amount="12.50", reason="Sorry")
        with pytest.raises(ValidationError, match="IRR has 0 decimals and EUR has 2: amounts already recorded"):
            set_rule(session, "currency", "IRR", boss)
        set_rule(session, "currency", "GBP", boss)
        assert load_rules(session).currency == "GBP"


def test_money_rules_are_read_as_amounts(desk: Desk) -> None:
    with desk.session() as session:
        boss = create_agent(session, "Daniel Brooks", "supervisor", secret="boss-2468").id
        with pytest.raises(ValidationError, match="goodwill_max_amount has at most two decimals"):
            set_rule(session, "goodwill_max_amount", "500.005", boss)
        with pytest.raises(ValidationError, match="goodwill_budget_per_month must be more than zero"):
            set_rule(session, "goodwill_budget_per_month", "0", boss)
        set_rule(session, "goodwill_max_amount", "۲۰۰", boss)
        assert load_rules(session).goodwill_max_amount == Decimal("200.00")


@contextmanager
def downgraded(engine: Engine, revision: str) -> Iterator[Connection]:
    """A connection to the database just downgraded to `revision`, to look at what the downgrade left."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # batch mode rebuilds a referenced table
        with connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
        yield connection


@contextmanager
def desk_at(db_url: str, revision: str, grants: list[int | float], costs: list[int | float]) -> Iterator[Connection]:
    """A database as frontdesk `revision` left it: one agent's grants and priced options, as that revision stored
    money (floats up to 0010, hundredths up to 0012); the caller may add rows before it is committed."""
    amount, cost = ("amount", "goodwill_cost") if revision <= "0010" else ("amount_cents", "goodwill_cost_cents")
    old = make_engine(db_url)
    upgrade_to_head(old, revision=revision)
    with old.begin() as connection:
        connection.execute(text("INSERT INTO agent (id, name, role, active, created_at, failed_tries) "
                                "VALUES (1, 'Sara Karimi', 'agent', :yes, :at, 0)"), {"yes": True, "at": datetime(2026, 11, 1)})
        connection.execute(text(f"INSERT INTO goodwillgrant (agent_id, kind, {amount}, reason, at) VALUES (1, 'gesture', :amount, 'x', :at)"),
                           [{"amount": value, "at": datetime(2026, 11, 2)} for value in grants])
        connection.execute(text(f"INSERT INTO solutionoption (category, title, gives, limitations, {cost}, active) "
                                "VALUES ('Billing', :title, '', '', :cost, :yes)"),
                           [{"title": f"Option {number}", "cost": value, "yes": True} for number, value in enumerate(costs)])
        yield connection
    old.dispose()


OLD_GRANTS = (12.5, 0.1, 80.0, 0.125, 19.99, 0.3)
"""As frontdesk up to 0010 stored them: floats (0.1 + 0.2 kept as 0.30000000000000004 reads back as 0.3)."""


def test_float_amounts_become_cents_when_a_database_at_0010_is_upgraded(db_url: str) -> None:
    with desk_at(db_url, "0010", list(OLD_GRANTS), [12.5, 0.0]) as connection:
        connection.execute(text("INSERT INTO desksetting (key, value) VALUES ('goodwill_budget_per_month', '50.555'), "
                                "('goodwill_max_amount', '1e3'), ('currency', 'EUR')"))

    engine = open_database(db_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT amount_cents FROM goodwillgrant ORDER BY id")).scalars().all() == [
            1250, 10, 8000, 13, 1999, 30]
        assert connection.execute(text("SELECT goodwill_cost_cents FROM solutionoption ORDER BY id")).scalars().all() == [1250, 0]
        assert dict(connection.execute(text("SELECT key, value FROM desksetting")).all()) == {
            "goodwill_budget_per_month": "50.56", "goodwill_max_amount": "1000.00", "currency": "EUR"}
        for statement, rule in (("UPDATE goodwillgrant SET amount_cents = -1", "ck_goodwillgrant_amount_cents"),
                                ("UPDATE goodwillgrant SET kind = 'bribe'", "ck_goodwillgrant_kind"),
                                ("UPDATE solutionoption SET goodwill_cost_cents = 100000000000", "ck_solutionoption_goodwill_cost_cents")):
            with pytest.raises(IntegrityError, match=rule), connection.begin_nested():
                connection.execute(text(statement))

    with downgraded(engine, "0010") as connection:
        assert connection.execute(text("SELECT amount FROM goodwillgrant ORDER BY id")).scalars().all() == [
            12.5, 0.1, 80.0, 0.13, 19.99, 0.3]
        assert connection.execute(text("SELECT goodwill_cost FROM solutionoption ORDER BY id")).scalars().all() == [12.5, 0.0]
    engine.dispose()


def test_no_fraction_of_a_cent_is_ever_stored(demo_url: str, backend: str) -> None:
    """SQLite's BIGINT column would keep 12.5 as a REAL; the CHECK refuses it. PostgreSQL rounds it to a BIGINT."""
    engine = open_database(demo_url)
    with engine.connect() as connection:
        for table, column in (("goodwillgrant", "amount_cents"), ("solutionoption", "goodwill_cost_cents")):
            row_id = connection.execute(text(f"SELECT min(id) FROM {table}")).scalar_one()
            update = text(f"UPDATE {table} SET {column} = 1250.5 WHERE id = :id")
            if backend == "sqlite":
                with pytest.raises(IntegrityError, match=f"ck_{table}_{column}"), connection.begin_nested():
                    connection.execute(update, {"id": row_id})
            else:
                connection.execute(update, {"id": row_id})
            stored = connection.execute(text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}).scalar_one()
            assert isinstance(stored, int), stored
    engine.dispose()


def _amount_checks(connection) -> dict[str, int]:
    """How many rules each money CHECK joins: 2 (the range) up to 0012, 3 (and whole) since 0013.

    Counted, as PostgreSQL writes `x = CAST(x AS BIGINT)` back as `x = x`."""
    inspector = inspect(connection)
    return {check["name"]: check["sqltext"].upper().count(" AND ") + 1 for table in ("goodwillgrant", "solutionoption")
            for check in inspector.get_check_constraints(table) if check["name"].endswith("cents")}


def test_fractions_stored_by_sqlite_become_whole_cents_when_a_database_at_0012_is_upgraded(db_url: str, backend: str) -> None:
    """Half a cent written past the services (SQLite let it in) is rounded half up, as 0011 rounded the floats;
    the downgrade gives back the CHECK without the whole-number rule."""
    with desk_at(db_url, "0012", [1250, 1250.5, 1249.5, 0.25], [99.5]) as connection:
        assert _amount_checks(connection) == {"ck_goodwillgrant_amount_cents": 2, "ck_solutionoption_goodwill_cost_cents": 2}

    engine = open_database(db_url)
    with engine.connect() as connection:
        expected = [1250, 1251, 1250, 0] if backend == "sqlite" else [1250, 1250, 1250, 0]  # PostgreSQL rounded to even on INSERT
        assert connection.execute(text("SELECT amount_cents FROM goodwillgrant ORDER BY id")).scalars().all() == expected
        assert connection.execute(text("SELECT goodwill_cost_cents FROM solutionoption")).scalars().all() == [100]
        assert _amount_checks(connection) == {"ck_goodwillgrant_amount_cents": 3, "ck_solutionoption_goodwill_cost_cents": 3}
        if backend == "sqlite":
            with pytest.raises(IntegrityError, match="ck_goodwillgrant_amount_cents"), connection.begin_nested():
                connection.execute(text("UPDATE goodwillgrant SET amount_cents = 0.5"))

    with downgraded(engine, "0012") as connection:
        assert _amount_checks(connection) == {"ck_goodwillgrant_amount_cents": 2, "ck_solutionoption_goodwill_cost_cents": 2}
        assert connection.execute(text("SELECT amount_cents FROM goodwillgrant ORDER BY id")).scalars().all() == expected
    engine.dispose()


@pytest.mark.parametrize(("currency", "stored", "upgraded", "back"), [
    ("irr", [1250, 1249, 50, 0], [13, 12, 1, 0], [1300, 1200, 100, 0]),
    ("KWD", [1250, 1, 0, 7], [12500, 10, 0, 70], [1250, 1, 0, 7]),
    ("GBP", [1250, 1, 0, 7], [1250, 1, 0, 7], [1250, 1, 0, 7]),
], ids=["rials", "fils", "pence"])
def test_amounts_become_minor_units_of_the_desks_currency_when_a_database_at_0012_is_upgraded(
        db_url: str, currency: str, stored: list[int], upgraded: list[int], back: list[int]) -> None:
    """Up to 0012 every desk kept hundredths: 1250 was 12.50 rials, which is 13 rials (half up) in whole rials.
    A rule with decimals the currency has not is rounded the same way, so the desk still reads its rules."""
    with desk_at(db_url, "0012", stored, stored[:1]) as connection:
        connection.execute(text("INSERT INTO desksetting (key, value) VALUES ('currency', :currency), "
                                "('goodwill_budget_per_month', '۵۰٫۵'), ('goodwill_max_amount', '1 000,00')"), {"currency": currency})

    engine = open_database(db_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT amount_cents FROM goodwillgrant ORDER BY id")).scalars().all() == upgraded
        assert connection.execute(text("SELECT goodwill_cost_cents FROM solutionoption")).scalars().all() == upgraded[:1]
        rules = dict(connection.execute(text("SELECT key, value FROM desksetting WHERE key LIKE 'goodwill%'")).all())
        assert rules == {"goodwill_budget_per_month": "51" if currency == "irr" else "۵۰٫۵", "goodwill_max_amount": "1 000,00"}
    with Session(engine) as session:
        assert load_rules(session).goodwill_budget_per_month == (Decimal(51) if currency == "irr" else Decimal("50.5"))

    with downgraded(engine, "0012") as connection:
        assert connection.execute(text("SELECT amount_cents FROM goodwillgrant ORDER BY id")).scalars().all() == back
    engine.dispose()
