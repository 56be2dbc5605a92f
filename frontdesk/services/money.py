"""Money as the desk keeps it: whole minor units in the tables, exact `Decimal` amounts in the services and on screen.

A float cannot hold 0.10 exactly, so sums drift (0.1 + 0.2 is not 0.3) and a budget check can go either way
by a hair. Every amount therefore enters the desk through `amount_of` (typed text or a `Decimal`, never a
float), is stored by `to_cents` and read back by `from_cents`; `money_text` writes it out for programs and edit
boxes, `shown_money` for people (grouped, in the desk's language: `frontdesk.services.numbers`).

Every function takes the desk's currency (the desk rule `currency`, an ISO 4217 code), because the
currency says how many decimals an amount has: two for EUR, three for KWD, none for IRR or JPY, as
CLDR (through Babel) has them; a code Babel does not know keeps two. The tables' `..._cents` columns
are named from when every desk counted in cents: they hold the currency's minor unit, the smallest
amount it writes (a cent of EUR, a fils of KWD, a whole rial of IRR), so 1250 is 12.50 EUR or 1250 IRR.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision

from frontdesk.clock.dates import DateStyle
from frontdesk.db.checks import AMOUNT_CEILING_CENTS
from frontdesk.services.numbers import shown_number
from frontdesk.services.validation import ValidationError

DECIMAL_MARKS = ".,\u066b"
"""A point, a comma (80,50) or the Arabic decimal separator (٨٠٫٥٠): one of them, once."""
GROUPING = str.maketrans("", "", " \u00a0\u202f'\u066c")
"""Spaces and marks that only group digits (1 250, 1'250, ١٬٢٥٠): dropped."""
PLAIN_NUMBER = re.compile(r"(-?)(\d*)(?:\.(\d*))?")
COUNTED = {1: "one decimal", 2: "two decimals", 3: "three decimals"}


@lru_cache(maxsize=64)
def decimals(currency: str) -> int:
    """How many decimals the currency writes: 2 for EUR, 3 for KWD, 0 for IRR and JPY (CLDR's figure, not cash rounding)."""
    return get_currency_precision(currency.strip().upper())


def unit(currency: str) -> Decimal:
    """The smallest amount of the currency, the minor unit: 0.01 EUR, 0.001 KWD, 1 IRR."""
    return Decimal(1).scaleb(-decimals(currency))


def ceiling(currency: str) -> Decimal:
    """No amount reaches this (a thousand million in a two-decimal currency): the tables refuse it too."""
    return Decimal(AMOUNT_CEILING_CENTS) * unit(currency)


def example(currency: str) -> str:
    """What to type, in the currency's own decimals: "e.g. 15 or 12.50", "e.g. 1500" for IRR."""
    return f"e.g. 15 or {Decimal('12.5').quantize(unit(currency))}" if decimals(currency) else "e.g. 1500"


def amount_of(value: str | int | Decimal, currency: str, *, field: str = "amount", label: str = "The amount",
              zero_allowed: bool = False, stored: bool = False) -> Decimal:
    """`value` as an exact amount in `currency`'s decimals, or a ValidationError saying what to type instead.

    Typed text may use any script's digits, a decimal point or comma, and spaces between thousands.
    Refused: more decimals typed than the currency has, even zeros (for IRR, "1,000" could be a thousand
    or one; for EUR, "12.500" could be twelve and a half or twelve thousand five hundred), negative
    amounts, zero unless `zero_allowed`, NaN and infinity, and anything from the ceiling up.
    `stored` text (a desk rule set before the currency changed) is judged by its value instead:
    "50.00" is 50 IRR, "50.5" is still refused.
    """
    if isinstance(value, float):
        raise TypeError("money is never a float: pass typed text or a Decimal")
    typed = value.strip() if isinstance(value, str) else None
    amount = _parsed(typed, currency, field, label) if typed is not None else Decimal(value)
    said = repr(typed) if typed is not None else f"{amount:f}"
    if not amount.is_finite():
        raise ValidationError(field, f"{label} must be a number, {example(currency)}.")
    if amount < 0 or (amount == 0 and not zero_allowed):
        raise ValidationError(field, f"{label} must be {'zero or more' if zero_allowed else 'more than zero'}.")
    if amount >= ceiling(currency):
        raise ValidationError(field, f"{label} must be less than {ceiling(currency):.0f}.")
    finer = -amount.as_tuple().exponent > decimals(currency) if typed is not None and not stored else amount % unit(currency)
    if finer:
        raise ValidationError(field, _too_fine(label, currency, said))
    return amount.quantize(unit(currency))


def _too_fine(label: str, currency: str, said: str) -> str:
    places = decimals(currency)
    if places == 0:
        return (f"{label} is a whole number of {currency}, which has no decimals: type it without a point or comma, "
                f"{example(currency)} or 1 500, not {said}.")
    return f"{label} has at most {COUNTED.get(places, f'{places} decimals')} in {currency} " \
           f"(the smallest amount is {unit(currency)}), not {said}."


def _parsed(text: str, currency: str, field: str, label: str) -> Decimal:
    typed = "".join(str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char
                    for char in text.translate(GROUPING))
    if not typed:
        raise ValidationError(field, f"Type {label.lower()}, {example(currency)}.")
    if sum(char in DECIMAL_MARKS for char in typed) > 1:
        raise ValidationError(field, f"{label} has more than one decimal mark; type it without a thousands separator, "
                                     f"e.g. 1250.50, not {text!r}.")
    number = PLAIN_NUMBER.fullmatch(typed.translate(str.maketrans(DECIMAL_MARKS, "...")))
    if number is None or not (number.group(2) or number.group(3)):
        raise ValidationError(field, f"{label} must be a number, {example(currency)}, not {text!r}.")
    return Decimal(number.group(0))


def to_cents(amount: Decimal, currency: str) -> int:
    """What the tables store: an amount already checked by `amount_of` is a whole number of minor units."""
    return int(amount.quantize(unit(currency)).scaleb(decimals(currency)))


def from_cents(cents: int | Decimal | None, currency: str) -> Decimal:
    """An amount read from the tables (a SUM over no rows is None; PostgreSQL sums BIGINT as NUMERIC)."""
    return Decimal(int(cents or 0)).scaleb(-decimals(currency)).quantize(unit(currency))


def money_text(amount: Decimal | int, currency: str) -> str:
    """The currency's decimals, a point, no grouping, ASCII digits: "80.50", "1250" for IRR.

    JSON, CSV and edit boxes use this form; it reads back through `amount_of` as the same amount."""
    return f"{Decimal(amount).quantize(unit(currency)):f}"


def shown_amount(amount: Decimal | int, currency: str, style: DateStyle | None = None) -> str:
    """The amount in the currency's decimals, as the desk's language writes numbers (`style`: the desk's):
    "1,250,000" (IRR), "1.250,50" (EUR, Greek), "۱٬۲۵۰٬۰۰۰" on a Persian desk, which `amount_of` reads back."""
    return shown_number(Decimal(amount).quantize(unit(currency)), decimals(currency), style)


def shown_money(amount: Decimal | int, currency: str, style: DateStyle | None = None) -> str:
    """The amount as the agent reads it, then the currency: "80.50 EUR", "۱٬۲۵۰ IRR" on a Persian desk."""
    return f"{shown_amount(amount, currency, style)} {currency}"
