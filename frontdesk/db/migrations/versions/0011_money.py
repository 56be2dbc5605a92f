"""money in whole cents: goodwill grants and solution options' goodwill costs

A float cannot hold 0.10 exactly, so sums drifted and a budget check could go either way by a hair.
`goodwillgrant.amount` becomes `amount_cents` and `solutionoption.goodwill_cost` becomes
`goodwill_cost_cents`, both BIGINT (a thousand million in any currency, in cents, overflows INTEGER).
Each old value is read as the decimal it was typed as (12.5, 0.1) and rounded half up to the cent, in
Python, so SQLite and PostgreSQL give the same cents. The amount CHECKs move to the new columns. The two
money rules in desksetting are rewritten the same way when they had more than two decimals or an exponent.
On SQLite each table is copied once (batch mode).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

CENT = Decimal("0.01")
CEILING_CENTS = 100_000_000_000
MONEY = (("goodwillgrant", "amount", "amount_cents", None), ("solutionoption", "goodwill_cost", "goodwill_cost_cents", "0"))
"""(table, old float column, new cents column, server default)."""
MONEY_RULES = ("goodwill_budget_per_month", "goodwill_max_amount")


def cents(value: float) -> int:
    """12.5 -> 1250, 0.1 -> 10 (not 10.000000000000002), 0.125 -> 13: the float's shortest decimal, half up."""
    return int(Decimal(repr(float(value))).quantize(CENT, rounding=ROUND_HALF_UP) / CENT)


def upgrade() -> None:
    connection = op.get_bind()
    for table, old, new, default in MONEY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(new, sa.BigInteger(), nullable=True, server_default=default))
        rows = connection.execute(sa.text(f"SELECT id, {old} FROM {table}")).all()
        if rows:
            connection.execute(sa.text(f"UPDATE {table} SET {new} = :cents WHERE id = :id"),
                               [{"id": row_id, "cents": cents(value)} for row_id, value in rows])
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == "goodwillgrant":
                batch_op.drop_constraint(f"ck_{table}_{old}", type_="check")
            batch_op.drop_column(old)
            batch_op.alter_column(new, existing_type=sa.BigInteger(), nullable=False, existing_server_default=default)
            batch_op.create_check_constraint(f"ck_{table}_{new}", f"{new} >= 0 AND {new} < {CEILING_CENTS}")
    for key in MONEY_RULES:
        row = connection.execute(sa.text("SELECT value FROM desksetting WHERE key = :key"), {"key": key}).first()
        plain = None if row is None else _two_decimals(row[0])
        if plain is not None:
            connection.execute(sa.text("UPDATE desksetting SET value = :value WHERE key = :key"), {"key": key, "value": plain})


def downgrade() -> None:
    connection = op.get_bind()
    for table, old, new, default in MONEY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(old, sa.Float(), nullable=True, server_default=default))
        connection.execute(sa.text(f"UPDATE {table} SET {old} = {new} / 100.0"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"ck_{table}_{new}", type_="check")
            batch_op.drop_column(new)
            batch_op.alter_column(old, existing_type=sa.Float(), nullable=False, server_default=None)
            if table == "goodwillgrant":
                batch_op.create_check_constraint(f"ck_{table}_{old}", f"{old} >= 0 AND {old} < 1000000000")


def _two_decimals(value: str) -> str | None:
    """"50.555" -> "50.56", "1e2" -> "100.00"; None when the value is already plain or is no number at all."""
    try:
        number = Decimal(value.strip())
        if not number.is_finite() or (number == number.quantize(CENT) and "e" not in value.lower()):
            return None
        return f"{number.quantize(CENT, rounding=ROUND_HALF_UP):f}"
    except InvalidOperation:  # not a number, or too large to have cents: the desk's rule check says so
        return None
