"""Reading one query box: which words are name, street, house number, phone or birth date."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from frontdesk.lookup.calendars import GREGORIAN, calendar_of, centuries, dates_named, day_of, this_year
from frontdesk.lookup.normalize import normalize

MAX_QUERY_CHARS = 200  # nobody types more into a lookup box; caps work on pasted junk
MAX_TERMS = 12


class TermKind(Enum):
    NAME = "name"  # a word that may be a name (or, weaker, a street word)
    STREET = "street"  # a word attached to the street by a street-type word
    NUMBER = "number"  # digits: a house number, phone digits or a birth year
    PHONE = "phone"  # digits written like a phone number
    DATE = "date"  # a full birth date


@dataclass(frozen=True, slots=True)
class Term:
    kind: TermKind
    text: str  # folded word, digits, or "" for dates
    weight: float = 1.0
    prefix: bool = False  # still being typed, or an initial
    dates: tuple[datetime.date, ...] = ()
    parts: tuple[int, int, int] | None = None  # a typed date's numbers (day or month, month or day, year), even if invalid; the year names the calendar


_HONORIFICS = frozenset(
    normalize(word)
    for word in (
        "mr mrs ms miss mx dr prof sir madam "
        "آقای آقا خانم دکتر مهندس سید "
        "κ κα κος κυρία κύριος δρ δις δεσποινίς"
    ).split()
)

def is_honorific(word: str) -> bool:
    """"Mrs", "Mrs.", "خانم", "Κα": a word that says how to address someone, not who they are."""
    return normalize(word.rstrip(".")) in _HONORIFICS


# Street-type words, folded to one spelling per type; the records' streets get the same folding.
STREET_TYPES = {
    **dict.fromkeys(["ave", "avenue", "av"], "ave"),
    **dict.fromkeys(["st", "street", "str"], "st"),
    **dict.fromkeys(["rd", "road"], "rd"),
    **dict.fromkeys(["ln", "lane"], "ln"),
    **dict.fromkeys(["blvd", "boulevard"], "blvd"),
    **dict.fromkeys(["cres", "crescent"], "cres"),
    **dict.fromkeys(["cct", "circuit"], "cct"),
    **dict.fromkeys(["ct", "court"], "ct"),
    **dict.fromkeys(["pl", "place"], "pl"),
    **dict.fromkeys(["sq", "square"], "sq"),
    **dict.fromkeys(["tce", "terrace"], "tce"),
    **dict.fromkeys(["hwy", "highway"], "hwy"),
    **dict.fromkeys(["pde", "parade"], "pde"),
    **dict.fromkeys(["drive", "way", "close", "grove"], None),
}
# Full street-type words that people glue to the street's name ("crotonstreet"); the name part must
# be at least GLUED_STEM letters, so a surname such as Harcourt is not cut.
GLUED_TYPES = ("street", "avenue", "road", "lane", "boulevard", "crescent", "circuit", "court", "place",
               "square", "terrace", "highway", "parade", "drive", "close")
GLUED_STEM = 4
# Persian and Greek street-type words come before the street's name.
STREET_PREFIX_TYPES = {
    **dict.fromkeys(["خیابان", "خ", "کوچه", "بلوار", "میدان", "پلاک"], None),
    **dict.fromkeys(["οδοσ", "οδ", "λεωφοροσ", "λεωφ", "πλατεια"], None),
}
STREET_TYPE_WEIGHT = 0.3
DATE_WEIGHT = 1.75

_DATE_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
# A two-digit year only with / or . (phone numbers are grouped by dashes), and not inside a longer digit run.
_DATE_DMY_SHORT = re.compile(r"(?<![\d/.-])(?<!\d[/.-] )(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![/.-]?\d)")
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d()\-. ]*\d\)?|\d")


def street_type(word: str) -> str:
    """The one spelling a street-type word is stored and searched under."""
    return STREET_TYPES.get(word) or word


def unglued(word: str) -> list[str]:
    """A street name typed without its space ("crotonstreet") as its two words; any other word alone."""
    if not word.endswith(GLUED_TYPES):  # one C call: a million streets are read at every index build
        return [word]
    for suffix in GLUED_TYPES:
        if word.endswith(suffix) and len(word) - len(suffix) >= GLUED_STEM:
            return [word[: -len(suffix)], suffix]
    return [word]


def _take_dates(text: str, calendar: str) -> tuple[str, list[Term]]:
    """Dates first, so their digits are not read as phone digits or house numbers.

    A four-digit year says its calendar (1339/12/14 is Solar Hijri on any desk); a two-digit one is read in
    the desk's `calendar`. 4/3/1961 is read both day-first and month-first: the record decides. A mistyped
    date (31/50/1987) is still a date: its day and year can confirm a customer found by name.
    """
    terms: list[Term] = []
    for match in _DATE_YMD.finditer(text):
        y, m, d = map(int, match.groups())
        day = day_of(y, m, d, calendar_of(y))
        terms.append(Term(TermKind.DATE, "", DATE_WEIGHT, dates=(day,) if day else (), parts=(d, m, y)))
    for match in _DATE_DMY.finditer(text):
        d, m, y = map(int, match.groups())
        terms.append(Term(TermKind.DATE, "", DATE_WEIGHT, dates=dates_named(d, m, y, calendar_of(y)), parts=(d, m, y)))
    text = _DATE_DMY.sub(" ", _DATE_YMD.sub(" ", text))
    text = _DATE_DMY_SHORT.sub(lambda match: _short_date(match, terms, calendar), text)
    return text, terms


def _short_date(match: re.Match[str], terms: list[Term], calendar: str) -> str:
    """A date with a two-digit year (4/3/61): born in 1961, or in 2061 once that is past; on a Jalali desk
    14/12/39 is 1339. Only an exact date counts, read as `dates_named` reads it in either century; digits
    that name no date are left as typed."""
    d, m, short = int(match.group(1)), int(match.group(3)), int(match.group(4))
    years = [century + short for century in centuries(calendar) if century + short <= this_year(calendar)]
    dates = tuple(dict.fromkeys(date for y in years for date in dates_named(d, m, y, calendar)))
    if not dates:
        return match.group()
    terms.append(Term(TermKind.DATE, "", DATE_WEIGHT, dates=dates))
    return " "


def _take_phones(text: str) -> tuple[str, list[Term]]:
    """Digit runs that look like phone numbers: long, or written with + ( ) - separators."""
    terms: list[Term] = []

    def replace(match: re.Match[str]) -> str:
        run = match.group().strip()
        digits = re.sub(r"\D", "", run)
        punctuated = any(ch in run for ch in "+()-.")
        if len(digits) >= 7 or (punctuated and len(digits) >= 3):
            terms.append(Term(TermKind.PHONE, digits.lstrip("0") or digits, 1.5))
            return " "
        return f" {run} "

    return _DIGIT_RUN.sub(replace, text), terms


def _word_tokens(text: str, typing: bool) -> list[str]:
    tokens = [part for word in re.findall(r"[^\W_]+", text) for part in unglued(word)]
    return [w for i, w in enumerate(tokens) if w not in _HONORIFICS or i == len(tokens) - 1 and typing]


def _word_terms(tokens: list[str], typing: bool, names: frozenset[str] = frozenset()) -> list[Term]:
    """Name, street and number words, with street-type words (but those in `names`) claiming their neighbours."""
    kinds = [TermKind.NUMBER if w.isdigit() else TermKind.NAME for w in tokens]
    for i, word in enumerate(tokens):
        if word in names:
            continue
        if word in STREET_TYPES and i > 0:
            _claim_for_street(kinds, i - 1, -1)
        elif word in STREET_PREFIX_TYPES and i + 1 < len(tokens):
            _claim_for_street(kinds, i + 1, +1)
    terms = []
    for i, (word, kind) in enumerate(zip(tokens, kinds)):
        is_type = word not in names and (word in STREET_TYPES or word in STREET_PREFIX_TYPES)
        last = i == len(tokens) - 1 and typing
        terms.append(
            Term(
                TermKind.STREET if is_type else kind,
                street_type(word) if is_type else word,
                STREET_TYPE_WEIGHT if is_type else 1.0,
                prefix=(last or len(word) == 1) and kind is not TermKind.NUMBER,
            )
        )
    return terms


def _claim_for_street(kinds: list[TermKind], start: int, step: int) -> None:
    """Mark the street's name word and a house number next to it as street, not name."""
    i = start
    while 0 <= i < len(kinds) and kinds[i] is TermKind.NUMBER:
        i += step
    if 0 <= i < len(kinds):
        kinds[i] = TermKind.STREET


def parse_query(query: str, calendar: str = GREGORIAN) -> list[Term]:
    """Split what the agent typed into terms; the last word counts as unfinished while typing."""
    return readings(query, lambda word: False, calendar)[0]


def readings(query: str, is_name: Callable[[str], bool], calendar: str = GREGORIAN) -> list[list[Term]]:
    """The query's terms; and, if a street-type word typed is also a name ("mary lane", "flynn cres"
    for Flynn Cresp), the terms read with it as a name word, which claims no neighbour for a street.

    Which reading was meant is left to the scores: each customer is scored by the reading that fits best.
    `calendar` is the desk's: the one a date with a two-digit year is read in.
    """
    raw = query[:MAX_QUERY_CHARS]
    typing = bool(raw) and not raw[-1].isspace() and raw[-1] not in ",;"
    text = normalize(raw)
    text, dates = _take_dates(text, calendar)
    text, phones = _take_phones(text)
    tokens = _word_tokens(text, typing)
    found = [(_word_terms(tokens, typing) + phones + dates)[:MAX_TERMS]]
    names = frozenset(w for w in tokens if w in STREET_TYPES and is_name(w))
    if names:
        found.append((_word_terms(tokens, typing, names) + phones + dates)[:MAX_TERMS])
    return found


def spacing_variants(terms: list[Term], is_known: Callable[[str], bool]) -> list[list[Term]]:
    """Other readings of the name words when spacing differs from the record's.

    Persian names are written joined, with ZWNJ or with a space (نیکنام,
    نیک‌نام, نیک نام): two typed words may be one stored word and vice versa.
    """
    variants = [terms]
    for i, term in enumerate(terms):
        if term.kind is not TermKind.NAME:
            continue
        following = terms[i + 1] if i + 1 < len(terms) else None
        if following is not None and following.kind is TermKind.NAME and is_known(term.text + following.text):
            joined = Term(TermKind.NAME, term.text + following.text, 2.0, following.prefix)
            variants.append(terms[:i] + [joined] + terms[i + 2 :])
        split = _known_split(term.text, is_known) if not is_known(term.text) else None
        if split:
            halves = [Term(TermKind.NAME, half, 0.5) for half in split]
            variants.append(terms[:i] + halves + terms[i + 1 :])
    return variants


def _known_split(word: str, is_known: Callable[[str], bool]) -> tuple[str, str] | None:
    for cut in range(2, len(word) - 1):
        if is_known(word[:cut]) and is_known(word[cut:]):
            return word[:cut], word[cut:]
    return None
