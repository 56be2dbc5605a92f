"""Seeded synthetic customers and corrupted name queries, shared by the recall test and the benchmark."""

from __future__ import annotations

import datetime
import random
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from frontdesk.lookup.normalize import ZWNJ, words
from frontdesk.lookup.records import LookupRecord

ENGLISH_GIVEN = (
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Betty Sandra "
    "Ashley Dorothy Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon "
    "Cynthia James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew "
    "Anthony Donald Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason "
    "Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Peggy"
).split()
ENGLISH_FAMILY = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
    "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall "
    "Rivera Campbell Mitchell Carter Roberts Johnsen Johnston Smyth Jakobsen Peterson Petersen Reid Reed"
).split()
PERSIAN_GIVEN = (
    "علی محمد حسین رضا مهدی امیر حمید سعید مجید جواد مریم فاطمه زهرا سارا نرگس لیلا مینا شیرین "
    "پریسا نازنین حسن احمد مصطفی کاظم بهرام داریوش کوروش فرهاد ساناز الهام"
).split()
PERSIAN_FAMILY = (
    "محمدی حسینی احمدی رضایی کریمی موسوی جعفری صادقی رحیمی هاشمی نوری قاسمی مرادی عباسی "
    "نیک‌نام خوش‌نویس دل‌آرا پاک‌نژاد سلطانی شریفی نجفی اکبری طاهری کاظمی زارعی یزدانی "
    "بهرامی فرهادی امینی عزیزی"
).split()
GREEK_GIVEN = (
    "Γιώργος Δημήτρης Κωνσταντίνος Γιάννης Νίκος Παναγιώτης Βασίλης Χρήστος Αθανάσιος Μιχάλης "
    "Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Κωνσταντίνα Ευαγγελία"
).split()
GREEK_FAMILY = (
    "Παπαδόπουλος Παπαδοπούλου Βλάχος Αγγελόπουλος Νικολαΐδης Γεωργίου Παπαδάκης Οικονόμου "
    "Μακρής Παπαγεωργίου Δημητρίου Ιωάννου Καραγιάννης Αντωνίου Παπανικολάου Κωνσταντίνου "
    "Χατζής Λαμπρόπουλος Σταθόπουλος Μιχαηλίδης"
).split()
_SYLLABLES = "ka ro mi len dor van sel tra bo nik has mer lan ti go pel sun da ver kos".split()


@dataclass(frozen=True, slots=True)
class CorruptedQuery:
    query: str
    customer_id: int
    kind: str
    kept_words: frozenset[str]  # folded words the query meant: customers with all of them are equivalent


def _rare_family(rng: random.Random) -> str:
    """A long tail of rare surnames, so the vocabulary grows like a real customer base."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()


def _customer(rng: random.Random, customer_id: int) -> LookupRecord:
    script = rng.choices(("en", "fa", "el"), weights=(45, 40, 15))[0]
    number = rng.randint(1, 250)
    if script == "en":
        family = _rare_family(rng) if rng.random() < 0.1 else rng.choice(ENGLISH_FAMILY)
        name = f"{rng.choice(ENGLISH_GIVEN)} {family}"
        street = f"{number} {rng.choice(ENGLISH_FAMILY)} {rng.choice(('Avenue', 'Street', 'Road', 'Lane'))}"
        phone = f"+1 ({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    elif script == "fa":
        name = f"{rng.choice(PERSIAN_GIVEN)} {rng.choice(PERSIAN_FAMILY)}"
        street = f"خیابان {rng.choice(PERSIAN_FAMILY)} {number}"
        phone = f"09{rng.randint(10, 39)} {rng.randint(100, 999)} {rng.randint(0, 9999):04d}"
    else:
        name = f"{rng.choice(GREEK_GIVEN)} {rng.choice(GREEK_FAMILY)}"
        street = f"Οδός {rng.choice(GREEK_FAMILY)} {number}"
        phone = f"+30 69{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(0, 9999):04d}"
    birth = datetime.date(1935, 1, 1) + datetime.timedelta(days=rng.randint(0, 70 * 365))
    return LookupRecord(customer_id, name, street, phone, birth)


def customers(count: int, seed: int = 7) -> Iterator[LookupRecord]:
    rng = random.Random(seed)
    return (_customer(rng, customer_id) for customer_id in range(1, count + 1))


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    letter = rng.choice(word)
    edit = rng.choice(("substitute", "insert", "delete"))
    if edit == "substitute":
        return word[:i] + letter + word[i + 1 :]
    if edit == "insert":
        return word[:i] + letter + word[i:]
    return word[:i] + word[i + 1 :]


def _transpose(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _script_variant(name: str) -> str:
    """How the same name arrives from another keyboard: Arabic letters, no ZWNJ, no accents."""
    arabic = name.replace("ی", "ي").replace("ک", "ك").replace(ZWNJ, "")
    unaccented = "".join(c for c in unicodedata.normalize("NFD", arabic) if not unicodedata.combining(c))
    return unaccented.upper()


def _corrupt(rng: random.Random, name: str, kind: str) -> tuple[str, list[str]]:
    """The corrupted query and the original words it still means."""
    given, family = name.split(" ", 1)
    if kind == "typo":
        return f"{given} {_typo(rng, family)}", [given, family]
    if kind == "two_typos":
        return f"{_typo(rng, given)} {_typo(rng, family)}", [given, family]
    if kind == "transposition":
        return f"{given} {_transpose(rng, family)}", [given, family]
    if kind == "swapped":
        return f"{family}, {given}", [given, family]
    if kind == "no_given":
        return _typo(rng, family), [family]
    if kind == "no_family":
        return given, [given]
    return _script_variant(name), [given, family]


CORRUPTIONS = ("typo", "two_typos", "transposition", "swapped", "no_given", "no_family", "script")


def corrupted_queries(records: list[LookupRecord], count: int, seed: int = 11) -> list[CorruptedQuery]:
    rng = random.Random(seed)
    queries = []
    for i in range(count):
        record = rng.choice(records)
        kind = CORRUPTIONS[i % len(CORRUPTIONS)]
        query, kept = _corrupt(rng, record.name, kind)
        kept_words = frozenset(w for text in kept for w in words(text))
        queries.append(CorruptedQuery(query, record.customer_id, kind, kept_words))
    return queries


def is_hit(query: CorruptedQuery, found_ids: list[int], name_words: dict[int, frozenset[str]]) -> bool:
    """Found the customer, or one the query cannot tell apart (every meant word in their name)."""
    return any(i == query.customer_id or query.kept_words <= name_words[i] for i in found_ids)


def name_words_by_id(records: list[LookupRecord]) -> dict[int, frozenset[str]]:
    return {r.customer_id: frozenset(words(r.name)) for r in records}


def recall(
    search: Callable[[str], list[int]], queries: list[CorruptedQuery], name_words: dict[int, frozenset[str]]
) -> tuple[float, float]:
    """Recall@1 and recall@5 of a search function returning customer ids, best first."""
    hits_1 = hits_5 = 0
    for query in queries:
        found = search(query.query)[:5]
        hits_1 += is_hit(query, found[:1], name_words)
        hits_5 += is_hit(query, found, name_words)
    return hits_1 / len(queries), hits_5 / len(queries)
