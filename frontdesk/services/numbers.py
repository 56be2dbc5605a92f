"""Numbers as the desk's language writes them on screen: thousands grouped, its decimal mark, its digits.

"1,500,000.50" in English, "1.500.000,50" in Greek, "۱٬۵۰۰٬۰۰۰٫۵۰" in Persian: the marks are CLDR's, through
Babel, and the digits the desk's (`digits`), as its dates are. Only what a person reads is written so: JSON,
CSV and edit boxes keep plain ASCII numbers that a program, or the box itself, reads back.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from frontdesk.clock.dates import DateStyle, desk_style, digits


def shown_number(value: Decimal | int | float, places: int, style: DateStyle | None = None) -> str:
    """`value` with exactly `places` decimals, rounded as `f"{value:.{places}f}"` rounds it (as JSON's readers would)."""
    style = style or desk_style()
    exact = Decimal(f"{value:.{places}f}") if isinstance(value, float) else Decimal(value)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return digits(format_decimal(exact, format=pattern, locale=style.language, numbering_system="default"), style)


def shown_count(count: int, style: DateStyle | None = None) -> str:
    """A count a person reads ("1,234 customers", "Waiting now: ۳"): grouped and in the desk's digits, as amounts are."""
    return shown_number(count, 0, style)
