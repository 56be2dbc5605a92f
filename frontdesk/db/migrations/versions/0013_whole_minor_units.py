"""money columns hold whole numbers on SQLite too

`goodwillgrant.amount_cents` and `solutionoption.goodwill_cost_cents` are BIGINT with a range CHECK,
but SQLite's type affinity keeps 12.5 in such a column as a REAL: half a cent that no screen can show
and no sum should carry. Their CHECK gains `col = CAST(col AS BIGINT)`, true on both databases for a
whole number only (on PostgreSQL a BIGINT always is). A fraction already stored, which only SQLite
can hold, is first rounded half up in Python, as 0011 rounded the floats. The downgrade gives back
the CHECK of 0011 and leaves the (whole) amounts as they are. On SQLite each table is copied once
(batch mode).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

CEILING_CENTS = 100_000_000_000
MONEY = (("goodwillgrant", "amount_cents"), ("solutionoption", "goodwill_cost_cents"))


def in_range(column: str) -> str:
    """The CHECK of 0011."""
    return f"{column} >= 0 AND {column} < {CEILING_CENTS}"


def whole(value: int | float) -> int:
    """1250.5 -> 1251, 0.25 -> 0: the stored number's shortest decimal, rounded half up."""
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def upgrade() -> None:
    connection = op.get_bind()
    for table, column in MONEY:
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        changed = [{"id": row_id, "value": whole(value)} for row_id, value in rows if whole(value) != value]
        if changed:
            connection.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"), changed)
        _replace_check(table, column, f"{in_range(column)} AND {column} = CAST({column} AS BIGINT)")


def downgrade() -> None:
    for table, column in MONEY:
        _replace_check(table, column, in_range(column))


def _replace_check(table: str, column: str, rule: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(f"ck_{table}_{column}", type_="check")
        batch_op.create_check_constraint(f"ck_{table}_{column}", rule)
