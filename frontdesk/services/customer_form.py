"""What a person types into a customer form, checked field by field before anything is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from itertools import takewhile

from frontdesk.clock.now import local_now
from frontdesk.clock.typed_time import CenturyUnclear, TypedTimeError, read_date
from frontdesk.lookup.query import is_honorific
from frontdesk.services.phones import read_phone
from frontdesk.services.validation import ValidationError, clean_line, clean_text

EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LANGUAGES = {"en": "English", "fa": "Persian (فارسی)", "el": "Greek (Ελληνικά)"}
"""The languages a customer can be served in, by code, named in English and in their own script: the one list
the form, the card, the import and the CLI all read."""


@dataclass(frozen=True)
class CustomerForm:
    """The customer fields as typed; `checked()` gives the values to store."""

    given_name: str = ""
    family_name: str = ""
    honorific: str = ""
    preferred_address: str = ""
    pronunciation: str = ""
    phones: tuple[str, ...] = ()
    email: str = ""
    street: str = ""
    city: str = ""
    birth_date: str | date | None = None
    language: str = ""
    preferences: str = ""

    def checked(self, phone_regions: tuple[str, ...] = ()) -> dict[str, object]:
        """Every field cleaned, or the first ValidationError, naming the field to fix.

        `phone_regions` (the desk rule `phone_region`) are where national phone numbers are read.
        """
        given = clean_line(self.given_name, field="given_name", label="Given name", max_length=200)
        family = clean_line(self.family_name, field="family_name", label="Family name", max_length=200)
        if not given and not family:
            raise ValidationError("family_name", "A customer needs a given name or a family name.")
        values: dict[str, object] = {
            "given_name": given,
            "family_name": family,
            "honorific": clean_line(self.honorific, field="honorific", label="Honorific", max_length=40),
            "preferred_address": clean_line(
                self.preferred_address, field="preferred_address", label="Form of address", max_length=200
            ),
            "pronunciation": clean_line(self.pronunciation, field="pronunciation", label="Pronunciation", max_length=200),
        }
        phones = [read_phone(phone, phone_regions) for phone in self.phones if phone.strip()]
        values |= {
            "phones": [phone.typed for phone in phones],
            "phones_e164": [phone.canonical for phone in phones],
            "email": _checked_email(self.email),
            "street": clean_line(self.street, field="street", label="Street address", max_length=300),
            "city": clean_line(self.city, field="city", label="City", max_length=120),
            "birth_date": parse_birth_date(self.birth_date),
            "language": _checked_language(self.language),
            "preferences": clean_text(self.preferences, field="preferences", label="Preferences", max_length=5000),
        }
        return values


FIELD_LABELS = {
    "honorific": "Honorific",
    "given_name": "Given name",
    "family_name": "Family name",
    "preferred_address": "Likes to be called",
    "pronunciation": "Say it",
    "phones": "Phones",
    "email": "Email",
    "street": "Street",
    "city": "City",
    "birth_date": "Birth date",
    "language": "Language",
    "preferences": "Preferences",
}
"""How each field is named when telling an agent what changed."""


@dataclass(frozen=True)
class CustomerRecord:
    """A stored customer as screens show and edit it: its values as the form's fields hold them, and its version.

    A form remembers the record it was filled from and hands it back when saving, so a save made at
    another desk in between is noticed and described instead of overwritten.
    """

    customer_id: int
    version: int
    values: CustomerForm


def changed_fields(before: CustomerForm, after: CustomerForm) -> tuple[str, ...]:
    return tuple(field.name for field in fields(CustomerForm) if getattr(before, field.name) != getattr(after, field.name))


def on_top(latest: CustomerForm, original: CustomerForm, typed: CustomerForm) -> CustomerForm:
    """The agent's edit (what they changed from `original`) applied to `latest`, the record as it now stands.

    Fields the agent left alone keep what another desk saved meanwhile; fields they changed keep
    what they typed.
    """
    return replace(latest, **{name: getattr(typed, name) for name in changed_fields(original, typed)})


def split_phones(typed: str) -> tuple[str, ...]:
    """Several numbers in one box, separated by commas or semicolons."""
    return tuple(part.strip() for part in re.split(r"[,;،]", typed) if part.strip())


def _checked_language(language: str) -> str:
    code = clean_line(language, field="language", label="Language", max_length=20).lower()
    if code and code not in LANGUAGES:
        known = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        raise ValidationError("language", f"Unknown language code {language.strip()!r}; known: {known}.")
    return code


def _checked_email(email: str) -> str:
    email = clean_line(email, field="email", label="Email", max_length=254)
    if email and not EMAIL_SHAPE.match(email):
        raise ValidationError("email", f"{email!r} does not look like an email address.")
    return email


def parse_birth_date(typed: str | date | None) -> date | None:
    """Accepts 1961-03-04, 04/03/1961, 04.03.1961, 04/03/61, Solar Hijri dates (1339/12/14) and digits in any
    script; refuses the future, and a two-digit year two centuries fit (4/3/19). A four-digit year says its calendar, so both kinds are read on any desk."""
    if typed is None or isinstance(typed, date):
        return _plausible(typed) if typed else None
    if not typed.strip():
        return None
    try:
        parsed = read_date(typed, today=local_now().date())
    except CenturyUnclear as error:
        raise ValidationError("birth_date", str(error)) from None
    except TypedTimeError as error:
        raise ValidationError("birth_date", f"{typed!r} is not a date: {error}") from None
    if parsed is None:
        raise ValidationError("birth_date", f"{typed!r} is not a date; type it as 1961-03-04 or 04/03/1961.")
    return _plausible(parsed)


def _plausible(born: date) -> date:
    if born > local_now().date():
        raise ValidationError("birth_date", "The birth date is in the future.")
    if born.year < 1900:
        raise ValidationError("birth_date", "The birth date is before 1900.")
    return born


def form_from_query(query: str) -> CustomerForm:
    """A new customer's name from what was typed to find them, each part where a receptionist expects it.

    One word is a given name ("mary"): people give it first, and a form with "mary" as the family name
    would be saved wrong. After an honorific, one word is the family name ("Mrs Johnson"). Of more words
    the last is the family name and the rest the given names ("Mary Ann Johnson"), as English, Persian
    and Greek all say a name. The name ends at the first word with a digit: what follows is a phone
    number or an address ("mary johnson 12 jackson avenue"), for the agent to put in its own field. A
    word typed all in small letters gets its capital ("mary" -> "Mary"), as a query is typed in haste.
    """
    words = [_capital(word) for word in takewhile(lambda word: not any(char.isdigit() for char in word), query.split())]
    honorific = words.pop(0) if len(words) > 1 and is_honorific(words[0]) else ""
    if len(words) == 1 and not honorific:
        return CustomerForm(given_name=words[0])
    return CustomerForm(honorific=honorific, given_name=" ".join(words[:-1]), family_name=" ".join(words[-1:]))


def _capital(word: str) -> str:
    """"mary" -> "Mary", "μαρία" -> "Μαρία"; a word with any capital ("McDonald") or no case (مریم) is kept as typed."""
    return word[:1].upper() + word[1:] if word.islower() else word
