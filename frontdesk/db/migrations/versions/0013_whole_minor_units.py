"""money columns hold whole minor units of the desk's currency, on SQLite too

Two changes to `goodwillgrant.amount_cents` and `solutionoption.goodwill_cost_cents`:

- Up to 0012 they held hundredths of the desk's currency whatever it was, so an IRR or JPY desk kept
  12.50 rials as 1250, and a KWD desk could not record a fils. From 0013 they hold the currency's minor
  unit (frontdesk.services.money): a cent of EUR, a fils of KWD (three decimals), a whole rial or yen
  (none), as CLDR (Babel) counts decimals. On a desk whose `currency` rule has other than two decimals
  every amount is rescaled: 1250 becomes 13 (12.50 rials, rounded half up) or 12500 fils. A two-decimal
  desk's amounts do not change. A money rule with decimals its currency no longer has ("50.5" on an IRR
  desk) is rounded half up the same way, so the desk still reads its rules.
- SQLite's type affinity keeps 12.5 in a BIGINT column as a REAL. The CHECK gains `col = CAST(col AS
  BIGINT)`, true on both databases for a whole number only (on PostgreSQL a BIGINT always is). A
  fraction already stored, which only SQLite can hold, is rounded half up first, in Python, as 0011
  rounded the floats, so both databases give the same numbers.

The downgrade gives back the CHECK of 0011 and the hundredths (1300 for 13 rials; a fils is rounded
half up to the cent). On SQLite each table is copied once (batch mode).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import sqlalchemy as sa
from alembic import op
from babel.numbers import get_currency_precision


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

CEILING_CENTS = 100_000_000_000
MONEY = (("goodwillgrant", "amount_cents"), ("solutionoption", "goodwill_cost_cents"))
MONEY_RULES = ("goodwill_budget_per_month", "goodwill_max_amount")
OLD_DECIMALS = 2
"""What every column held up to 0012: hundredths."""
TYPED = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "'": None, "\u066c": None, ",": ".", "\u066b": "."})
"""How the desk read a typed rule up to 0012: grouping marks dropped, a comma or ٫ as the decimal point."""


def in_range(column: str) -> str:
    """The CHECK of 0011."""
    return f"{column} >= 0 AND {column} < {CEILING_CENTS}"


def scaled(value: int | float, shift: int) -> int:
    """`value` times 10**shift, rounded half up: (1250, -2) -> 13, (1250.5, 0) -> 1251, (1250, 1) -> 12500."""
    return int(Decimal(repr(value)).scaleb(shift).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def upgrade() -> None:
    connection = op.get_bind()
    places = _desk_decimals(connection)
    _rescale(connection, places - OLD_DECIMALS)
    for table, column in MONEY:
        _replace_check(table, column, f"{in_range(column)} AND {column} = CAST({column} AS BIGINT)")
    if places < OLD_DECIMALS:
        _round_rules(connection, places)


def downgrade() -> None:
    connection = op.get_bind()
    for table, column in MONEY:
        _replace_check(table, column, in_range(column))
    _rescale(connection, OLD_DECIMALS - _desk_decimals(connection))


def _desk_decimals(connection) -> int:
    """The decimals of the desk's `currency` rule (EUR when unset); Babel gives 2 for a code it does not know."""
    row = connection.execute(sa.text("SELECT value FROM desksetting WHERE key = 'currency'")).first()
    return get_currency_precision((row[0].strip().upper() if row else "") or "EUR")


def _rescale(connection, shift: int) -> None:
    """Every amount times 10**shift, whole; only the rows that change are written."""
    for table, column in MONEY:
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        changed = [{"id": row_id, "value": scaled(value, shift)} for row_id, value in rows if scaled(value, shift) != value]
        if changed:
            connection.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), changed)


def _round_rules(connection, places: int) -> None:
    unit = Decimal(1).scaleb(-places)
    for key in MONEY_RULES:
        row = connection.execute(sa.text("SELECT value FROM desksetting WHERE key = :key"), {"key": key}).first()
        number = None if row is None else _typed_number(row[0])
        if number is not None and number % unit:
            connection.execute(sa.text("UPDATE desksetting SET value = :value WHERE key = :key"),
                               {"key": key, "value": f"{number.quantize(unit, rounding=ROUND_HALF_UP):f}"})


def _typed_number(text: str) -> Decimal | None:
    """"50,5" -> 50.5, "۵۰٫۵" -> 50.5; None for what is no number (the desk's rule check says so)."""
    plain = "".join(str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char for char in text.strip())
    try:
        number = Decimal(plain.translate(TYPED))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _replace_check(table: str, column: str, rule: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(f"ck_{table}_{column}", type_="check")
        batch_op.create_check_constraint(f"ck_{table}_{column}", rule)
