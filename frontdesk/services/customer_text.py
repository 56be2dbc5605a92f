"""How a customer is written in one line, with the phone number partly hidden."""

from __future__ import annotations

import unicodedata

from frontdesk.clock.dates import DateStyle, typed_date
from frontdesk.lookup import Match
from frontdesk.services.greeting import CustomerSummary
from frontdesk.services.numbers import shown_count
from frontdesk.services.phones import masked_phone

FIELD_WORDS = {"name": "name", "alias": "former name", "street": "street", "phone": "phone", "birth_date": "birth date"}


def phone_last4(phone: str) -> str:
    """The last four digits, as ASCII digits whatever script they were typed in: for scripts, never the whole number."""
    return "".join(str(unicodedata.digit(char)) for char in phone if unicodedata.category(char) == "Nd")[-4:]


def describe(summary: CustomerSummary) -> str:
    """Name, street, birth date and phone ending: the things that tell look-alikes apart."""
    born = f", born {typed_date(summary.birth_date)}" if summary.birth_date else ""
    phone = f", phone {masked_phone(summary.phone)}" if summary.phone else ""
    return f"{summary.name}, {summary.street or 'no street'}{born}{phone}"


def why(match: Match) -> str:
    return " + ".join(FIELD_WORDS.get(field, field) for field in match.matched)


def shown_of(shown: int, fitting: int, counted_all: bool = True, style: DateStyle | None = None) -> str:
    """"10 of 24 shown": never "10 found" when more fit. A count cut short by a very common word gets a "+".

    The counts in the desk's digits ("۱۰ of ۲۴ shown"); a command passes `for_scripts()` for ASCII ones."""
    if shown >= fitting and counted_all:
        return f"{shown_count(shown, style)} found"
    return f"{shown_count(shown, style)} of {shown_count(fitting, style)}{'' if counted_all else '+'} shown"
