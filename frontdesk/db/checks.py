"""The rules a column's values follow, stated in the schema so no writer (a script, a bug) can break them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import CheckConstraint

AMOUNT_CEILING_CENTS = 100_000_000_000
"""No amount of money the desk records reaches this (a thousand million in its currency): a typo or an overflow stays out."""


def one_of(table: str, column: str, values: Iterable[str]) -> CheckConstraint:
    """`column` holds one of `values` (an enum kept as plain text, so a new value needs no type change)."""
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"ck_{table}_{column}")


def between(table: str, column: str, low: int, high: int) -> CheckConstraint:
    """`column` is empty or a whole number from `low` to `high`."""
    return CheckConstraint(f"{column} IS NULL OR {column} BETWEEN {low} AND {high}", name=f"ck_{table}_{column}")


def an_amount(table: str, column: str, below: int = AMOUNT_CEILING_CENTS) -> CheckConstraint:
    """`column` is an amount in whole cents: zero or more, under `below` (so never an overflow), and whole.

    The last part is for SQLite: its BIGINT column keeps 12.5 as a REAL (type affinity), which would be
    half a cent. `CAST(x AS BIGINT)` drops the fraction on both databases, so only whole numbers equal
    it; on PostgreSQL a BIGINT always does, and the clause costs nothing.
    """
    return CheckConstraint(f"{column} >= 0 AND {column} < {below} AND {column} = CAST({column} AS BIGINT)",
                           name=f"ck_{table}_{column}")
