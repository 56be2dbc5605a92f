"""Money as the desk keeps it: whole cents in the tables, exact `Decimal` amounts in the services and on screen.

A float cannot hold 0.10 exactly, so sums drift (0.1 + 0.2 is not 0.3) and a budget check can go either way
by a hair. Every amount therefore enters the desk through `amount_of` (typed text or a `Decimal`, never a
float), is stored by `to_cents` and read back by `from_cents`; `money_text` and `shown_money` write it out.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from frontdesk.db.checks import AMOUNT_CEILING_CENTS
from frontdesk.services.validation import ValidationError

CENT = Decimal("0.01")
CEILING = Decimal(AMOUNT_CEILING_CENTS) * CENT
"""No amount reaches this (a thousand million in the desk's currency): the tables refuse it too."""

DECIMAL_MARKS = ".,\u066b"
"""A point, a comma (80,50) or the Arabic decimal separator (٨٠٫٥٠): one of them, once."""
GROUPING = str.maketrans("", "", " \u00a0\u202f'\u066c")
"""Spaces and marks that only group digits (1 250, 1'250, ١٬٢٥٠): dropped."""
PLAIN_NUMBER = re.compile(r"(-?)(\d*)(?:\.(\d*))?")
EXAMPLE = "e.g. 15 or 12.50"


def amount_of(value: str | int | Decimal, *, field: str = "amount", label: str = "The amount",
              zero_allowed: bool = False) -> Decimal:
    """`value` as an exact amount with two decimals, or a ValidationError saying what to type instead.

    Typed text may use any script's digits, a decimal point or comma, and spaces between thousands.
    Refused: more than two decimals (a cent is the smallest amount), negative amounts, zero unless
    `zero_allowed`, NaN and infinity, and anything from the ceiling up.
    """
    if isinstance(value, float):
        raise TypeError("money is never a float: pass typed text or a Decimal")
    amount = _parsed(value, field, label) if isinstance(value, str) else Decimal(value)
    said = repr(value.strip()) if isinstance(value, str) else f"{amount:f}"
    if not amount.is_finite():
        raise ValidationError(field, f"{label} must be a number, {EXAMPLE}.")
    if amount < 0 or (amount == 0 and not zero_allowed):
        raise ValidationError(field, f"{label} must be {'zero or more' if zero_allowed else 'more than zero'}.")
    if amount >= CEILING:
        raise ValidationError(field, f"{label} must be less than {CEILING:.0f}.")
    if amount % CENT:
        raise ValidationError(field, f"{label} has at most two decimals (a cent is the smallest amount), not {said}.")
    return amount.quantize(CENT)


def _parsed(text: str, field: str, label: str) -> Decimal:
    typed = "".join(str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char
                    for char in text.strip().translate(GROUPING))
    if not typed:
        raise ValidationError(field, f"Type {label.lower()}, {EXAMPLE}.")
    if sum(char in DECIMAL_MARKS for char in typed) > 1:
        raise ValidationError(field, f"{label} has more than one decimal mark; type it without a thousands separator, "
                                     f"e.g. 1250.50, not {text.strip()!r}.")
    number = PLAIN_NUMBER.fullmatch(typed.translate(str.maketrans(DECIMAL_MARKS, "...")))
    if number is None or not (number.group(2) or number.group(3)):
        raise ValidationError(field, f"{label} must be a number, {EXAMPLE}, not {text.strip()!r}.")
    return Decimal(number.group(0))


def to_cents(amount: Decimal) -> int:
    """What the tables store: an amount already checked by `amount_of` is a whole number of cents."""
    return int(amount.quantize(CENT) / CENT)


def from_cents(cents: int | Decimal | None) -> Decimal:
    """An amount read from the tables (a SUM over no rows is None; PostgreSQL sums BIGINT as NUMERIC)."""
    return (Decimal(int(cents or 0)) * CENT).quantize(CENT)


def money_text(amount: Decimal | int) -> str:
    """Two decimals, a point, no grouping: "80.50". JSON, CSV and edit boxes use this form."""
    return f"{Decimal(amount).quantize(CENT):f}"


def shown_money(amount: Decimal | int, currency: str) -> str:
    """The desk's currency rule: the amount with two decimals, then the desk's currency ("80.50 EUR")."""
    return f"{money_text(amount)} {currency}"
