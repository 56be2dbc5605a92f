"""Phone numbers read with the phonenumbers library: kept as typed for people, canonical (E.164) for matching.

Real exports write one number many ways: `(997)991-9074x833`, `596.666.9725`, `+44(0)115 496 0597`,
`۰۹۱۲ ۱۱۱ ۲۲۳۳`. The canonical form makes them comparable; the typed form is what the desk shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumber, PhoneNumberFormat

from frontdesk.clock.dates import DateStyle, desk_style, digits
from frontdesk.services.validation import ValidationError, clean_line

MIN_DIGITS = 3
"""A number kept without a canonical form still needs this many digits to be a number at all."""
EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*\d+\s*$", re.IGNORECASE)
NATIONAL_SHAPE = re.compile(r"^\+?[\d\s().\-/]+$")
"""What a number read without any desk region must look like (digits, spaces, + - ( ) . / only)."""
DIGIT_RUN = re.compile(r"\+?\d(?:[\s().\-/]*\d){6,}")
"""Seven digits or more with only a number's separators between them: a number in free text, whatever the region."""


@dataclass(frozen=True)
class Phone:
    typed: str
    """As the customer or the export wrote it; what the desk shows."""
    canonical: str
    """E.164 (`+19979919074`), with `;ext=833` for an extension as RFC 3966 writes it; "" when a national
    number was typed and the desk has no `phone_region` to read it with."""


def parse_regions(typed: str) -> tuple[str, ...]:
    """The `phone_region` rule: region codes such as `GB` or `IR, GB`, the first one the usual one."""
    regions = tuple(part.strip().upper() for part in re.split(r"[,;\s]+", typed) if part.strip())
    unknown = [region for region in regions if region not in phonenumbers.SUPPORTED_REGIONS]
    if unknown:
        raise ValidationError("phone_region", f"phone_region: {', '.join(unknown)} is not a region code (such as US, GB, IR, GR).")
    return regions


def ascii_digits(text: str) -> str:
    """Digits of any script (۰۹۱۲, ٠٩١٢, ０９) as 0-9, the rest unchanged."""
    return "".join(str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char for char in text)


def read_phone(typed: str, regions: tuple[str, ...] = ()) -> Phone:
    """One number, checked: a number with + (or an international prefix) needs no region; a national one
    is read in the desk's regions, the first in which it is a valid number winning, else the first in
    which it is at least possible. Refused with a message when it is no phone number in any of them."""
    typed = clean_line(typed, field="phones", label="Phone", max_length=40)
    text = typed if typed.isascii() else ascii_digits(typed)
    chosen = _reading(text, regions)
    if chosen is not None:
        return Phone(typed, canonical(chosen))
    international = text.lstrip().startswith("+")
    if not regions and not international and _looks_national(text):
        return Phone(typed, "")
    where = f" in {' or '.join(regions)}" if regions and not international else ""
    raise ValidationError("phones", f"{typed!r} is not a phone number{where}; check its digits.")


def canonical(number: PhoneNumber) -> str:
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


def _reading(text: str, regions: tuple[str, ...]) -> PhoneNumber | None:
    """The first valid reading, else the first possible one.

    Validity (the costly check) only matters when there are several readings to choose from: a number
    with + is read once whatever the regions, and so is any number on a desk with one region.
    """
    international = text.lstrip().startswith("+")
    candidates = (None,) if international or not regions else regions
    possible = None
    for region in candidates:
        try:
            number = phonenumbers.parse(text, region)
        except NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        # For the region itself only: is_valid_number would try every region sharing the code (+1 has 25).
        if len(candidates) == 1 or phonenumbers.is_valid_number_for_region(number, region):
            return number
        possible = possible or number
    return possible


def _looks_national(text: str) -> bool:
    bare = EXTENSION.sub("", text)
    return bool(NATIONAL_SHAPE.match(bare)) and sum(char.isdigit() for char in bare) >= MIN_DIGITS


def masked_phone(phone: str) -> str:
    """All but the last four digits hidden, in whatever script the digits were typed."""
    digit_positions = [index for index, char in enumerate(phone) if unicodedata.category(char) == "Nd"]
    hidden = set(digit_positions[:-4])
    return "".join("•" if index in hidden else char for index, char in enumerate(phone))


def shown_phone(phone: str, style: DateStyle | None = None) -> str:
    """`masked_phone` as a list or card at the desk shows it: the four digits left in the desk's digits, so a
    Persian desk reads "+•• ••• ••• ۰۱۰۱" (a full number, shown on request, stays as typed)."""
    return digits(masked_phone(phone), style or desk_style())


def masked_numbers(text: str, regions: tuple[str, ...] = (), mask: Callable[[str], str] = masked_phone) -> str:
    """Free text (a caller's "Mr Patel 07700 900123") with every phone number in it shown by its last four digits.

    Lists show only the last four digits; the full text is shown on a recorded request. Numbers are found as
    phonenumbers reads them in the desk's regions (and with +, in none), and any longer run of digits besides,
    so a desk without a `phone_region` hides them too. `mask` hides each one: `shown_phone` for a screen.
    """
    spans = [(match.start, match.end) for region in (*regions, None)
             for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE)]
    spans += [match.span() for match in DIGIT_RUN.finditer(ascii_digits(text))]
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + mask(text[start:end]) + text[end:]
    return text
