"""Look-alikes among many records at once: what an import checks each row against, without a search per row.

A search per row costs milliseconds against a large desk, so 100,000 rows would take minutes. Here each
record is folded once and filed under sound-alike pairs of its name words (Johnson with Ma, Mary with
Jo) and of a name word with a street word; a new record is compared only with the records filed under its own pairs, in one vectorised
rapidfuzz call. Swapped names and streets ("Mary Jackson of Johnson Avenue" against "Mary Johnson of
Jackson Avenue") share a name-and-street pair, so they meet, and score high on the words they have in common.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from operator import itemgetter, not_

import numpy as np
from rapidfuzz import fuzz, process

from frontdesk.lookup.normalize import words
from frontdesk.lookup.phonetic import phonetic_key
from frontdesk.lookup.query import street_type

LOOK_ALIKE_SCORE = 85.0
"""On rapidfuzz's 0-100 scale: a typo or two in the name at the same street, or the same name with no street."""
NAME_WEIGHT = 2.0
"""The name counts twice the street: relatives at one address are not look-alikes, a re-typed name is."""
MIN_STREET_WORD = 4
"""Street words shorter than this (numbers, "st", "ave", "flat") tell nobody apart."""
MOST_COMPARED = 256
"""Per pair, a record is compared with at most this many of the latest records filed under it, so a desk
full of one common name stays linear; its other pairs are usually rarer."""


@dataclass(frozen=True, slots=True)
class Resemblance:
    """`key` resembles the earlier record `other` by `score` (0-100)."""

    key: int
    other: int
    score: float


@dataclass(frozen=True, slots=True)
class Described:
    """A record as the finder needs it: a key of the caller's choosing, the name and the street."""

    key: int
    name: str
    street: str = ""


@dataclass(frozen=True, slots=True)
class _Folded:
    """A record folded once, for both its check and its filing.

    The words are kept sorted: rapidfuzz's token_sort_ratio is the plain ratio of the sorted words, so
    sorting once here spares re-sorting every candidate at every check.
    """

    name: str
    street: str
    together: str
    """Name and street words, sorted together: swapped names and streets score high here."""
    pairs: frozenset[tuple[str, str]]


class LookAlikeFinder:
    """Records folded once; each check looks at the records filed under the same sound-alike name pairs."""

    def __init__(self, records: Iterable[Described] = (), cutoff: float = LOOK_ALIKE_SCORE) -> None:
        self.cutoff = cutoff
        self._name_floor = ((NAME_WEIGHT + 1) * cutoff - 100) / NAME_WEIGHT
        """Below this name score not even an identical street lifts the weighed score to the cutoff: streets
        are compared only for names at or above it (at a million records a check meets hundreds of candidates)."""
        self._keys: list[int] = []
        self._names: list[str] = []
        self._streets: list[str] = []
        self._together: list[str] = []
        self._filed: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
        for record in records:
            self._add(record.key, _fold(record))

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, record: Described) -> None:
        self._add(record.key, _fold(record))

    def check(self, record: Described) -> Resemblance | None:
        """The closest earlier record at or above the cutoff, if any."""
        return self._check(record.key, _fold(record))

    def check_and_add(self, records: Iterable[Described]) -> list[Resemblance]:
        """Each record checked against everything before it (the desk's records, then the file's earlier rows)."""
        found = []
        for record in records:
            folded = _fold(record)
            resemblance = self._check(record.key, folded)
            if resemblance is not None:
                found.append(resemblance)
            self._add(record.key, folded)
        return found

    def _add(self, key: int, folded: _Folded) -> None:
        position = len(self._keys)
        self._keys.append(key)
        self._names.append(folded.name)
        self._streets.append(folded.street)
        self._together.append(folded.together)
        for pair in folded.pairs:
            self._filed[pair].append(position)

    def _check(self, key: int, folded: _Folded) -> Resemblance | None:
        positions = self._candidates(folded.pairs)
        if not positions.size:
            return None
        scores = self._scores(folded, positions)
        best = int(np.argmax(scores))
        if scores[best] < self.cutoff:
            return None
        return Resemblance(key, self._keys[positions[best]], round(float(scores[best]), 2))

    def _candidates(self, pairs: frozenset[tuple[str, str]]) -> np.ndarray:
        lists = [filed[-MOST_COMPARED:] for filed in (self._filed.get(pair) for pair in pairs) if filed]
        if not lists:
            return np.zeros(0, dtype=np.int64)
        if len(lists) == 1:
            return np.asarray(lists[0], dtype=np.int64)
        return np.unique(np.concatenate([np.asarray(filed, dtype=np.int64) for filed in lists]))

    def _scores(self, folded: _Folded, positions: np.ndarray) -> np.ndarray:
        """token_sort_ratio of the names; where both have a street, the better of the weighed name and street
        scores and the score of all the words together. Scores below the cutoff may come out lower (as 0)."""
        where = positions.tolist()
        by_name = _ratios(folded.name, _picked(self._names, where), self._name_floor)
        if not folded.street:
            return by_name
        streets = _picked(self._streets, where)
        together = _ratios(folded.together, _picked(self._together, where), self.cutoff)
        street_less = np.fromiter(map(not_, streets), dtype=np.bool_, count=len(streets))
        weighed = np.zeros(len(streets))
        hopeful = np.flatnonzero((by_name >= self._name_floor) & ~street_less)  # the others weigh in under the cutoff
        if hopeful.size:
            by_street = _ratios(folded.street, _picked(streets, hopeful.tolist()), 0)
            weighed[hopeful] = (NAME_WEIGHT * by_name[hopeful] + by_street) / (NAME_WEIGHT + 1)
        return np.where(street_less, by_name, np.maximum(weighed, together))


def _picked(items: Sequence[str], where: list[int]) -> tuple[str, ...]:
    """items[i] for each i, gathered in C (a Python loop over hundreds of candidates cost more than scoring them)."""
    return itemgetter(*where)(items) if len(where) > 1 else (items[where[0]],)


def _ratios(query: str, choices: Iterable[str], cutoff: float) -> np.ndarray:
    """rapidfuzz's ratio of the query with each choice; under `cutoff`, 0 (rapidfuzz skips most of those)."""
    return process.cdist([query], choices, scorer=fuzz.ratio, score_cutoff=cutoff)[0].astype(np.float64)


def _fold(record: Described) -> _Folded:
    name_words = tuple(words(record.name))
    street_words = tuple(street_type(word) for word in words(record.street))
    return _Folded(" ".join(sorted(name_words)), " ".join(sorted(street_words)), " ".join(sorted(name_words + street_words)),
                   _pairs(name_words) | _crossings(name_words, street_words))


@lru_cache(maxsize=100_000)
def _pairs(name_words: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Each name word's sound with another word's first two letters: a typo in either word still meets one
    of the pair's two orientations. A one-word name is filed under its sound alone."""
    if len(name_words) == 1:
        return frozenset({(_sound(name_words[0]), "")})
    return frozenset((_sound(first), second[:2]) for first, second in permutations(name_words, 2))


def _crossings(name_words: tuple[str, ...], street_words: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The family name's sound with the street name's, in either order: Mary Johnson of Jackson Avenue meets
    Mary Jackson of Johnson Avenue here, though their name pairs differ."""
    street = next((word for word in street_words if len(word) >= MIN_STREET_WORD and word.isalpha()), None)
    if street is None or not name_words:
        return frozenset()
    return frozenset({tuple(sorted((_sound(name_words[-1]), _sound(street))))})


@lru_cache(maxsize=100_000)
def _sound(word: str) -> str:
    """Names repeat heavily: each spelling's sound is worked out once."""
    return phonetic_key(word)


