"""The distinct folded words of all customers, and how close a typed word is to each.

Names repeat heavily, so fuzzy matching runs over a few thousand distinct words
instead of a million customers; the result is one similarity per word id.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from frontdesk.lookup.beginnings import Beginnings
from frontdesk.lookup.letters import LetterCounts, may_reach
from frontdesk.lookup.nickname_table import related_names
from frontdesk.lookup.phonetic import phonetic_key

FUZZY_FLOOR = 0.6  # below this a spelling is a different word
NICKNAME_SIMILARITY = 0.9
PREFIX_BASE = 0.9  # "joh" → johnson: a sure prefix, slightly below a finished word
FUZZY_PREFIX_FACTOR = 0.85
FUZZY_PREFIX_FLOOR = 0.7
PHONETIC_PREFIX_SIMILARITY = 0.8
PHONETIC_BOOST = 0.15
PHONETIC_CAP = 0.98  # Johnsen for "Johnson": within the ambiguity margin, never above the exact word
CACHE_SIZE = 512


class Vocabulary:
    """Word ids, plus the structures that find close words: sorted words, phonetic keys."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self._by_phonetic: defaultdict[str, list[int]] = defaultdict(list)
        self._sorted: list[tuple[str, int]] | None = None
        self._sorted_phonetic: list[tuple[str, int]] | None = None
        self._letters: LetterCounts | None = None
        self._beginnings: dict[int, Beginnings] = {}
        self._cache: OrderedDict[tuple[str, bool], np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self.words)

    def id_of(self, word: str) -> int:
        """The word's id, adding the word if new (which invalidates derived lookups)."""
        word_id = self.ids.get(word)
        if word_id is None:
            word_id = self.ids[word] = len(self.words)
            self.words.append(word)
            self._by_phonetic[phonetic_key(word)].append(word_id)
            self._sorted = self._sorted_phonetic = None
            self._letters = None
            self._beginnings.clear()
            self._cache.clear()
        return word_id

    def prepare(self) -> None:
        """Build the derived lookups now, so the first keystroke after a bulk build does not wait for them."""
        self._sorted_words()
        self._sorted_phonetic_keys()
        self._letter_counts()

    def similarity(self, word: str, prefix: bool) -> np.ndarray:
        """Similarity (0..1) of `word` to every vocabulary word, plus a trailing 0 for padding."""
        key = (word, prefix)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        sims = self._compute(word, prefix)
        self._cache[key] = sims
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return sims

    def _compute(self, word: str, prefix: bool) -> np.ndarray:
        sims = np.zeros(len(self.words) + 1, dtype=np.float32)
        if word.isdigit():
            if word in self.ids:
                sims[self.ids[word]] = 1.0
            return sims
        if len(word) >= 3 or not prefix:
            self._add_fuzzy(sims, word)
        self._add_phonetic(sims, word)
        for related in related_names(word):
            if related in self.ids:
                sims[self.ids[related]] = max(sims[self.ids[related]], NICKNAME_SIMILARITY)
        if prefix:
            self._add_prefix(sims, word)
        sims[-1] = 0.0
        return sims

    def _add_fuzzy(self, sims: np.ndarray, word: str) -> None:
        letters = self._letter_counts()
        ids = may_reach(letters.shared(word), len(word), letters.lengths, FUZZY_FLOOR)
        _raise(sims, ids, _ratios(word, [self.words[i] for i in ids.tolist()], FUZZY_FLOOR))

    def _add_misspelt_beginnings(self, sims: np.ndarray, word: str) -> None:
        """The typed word against each longer word cut to its length, slightly discounted."""
        beginnings = self._beginnings.get(len(word))
        if beginnings is None:
            beginnings = self._beginnings[len(word)] = Beginnings(self.words, self._letter_counts().lengths, len(word))
        scores = _ratios(word, beginnings.texts, FUZZY_PREFIX_FLOOR)
        _raise(sims, beginnings.ids, scores[beginnings.slot] * FUZZY_PREFIX_FACTOR)

    def _add_phonetic(self, sims: np.ndarray, word: str) -> None:
        """Same sound: a boost to the spelling similarity, capped so the exact spelling still wins."""
        key = phonetic_key(word)
        if len(key) < 4:  # script tag plus at least two sounds, or too many words sound alike
            return
        for word_id in self._by_phonetic.get(key, ()):
            spelling = fuzz.ratio(word, self.words[word_id]) / 100.0
            sims[word_id] = max(sims[word_id], min(PHONETIC_CAP, spelling + PHONETIC_BOOST))

    def _add_prefix(self, sims: np.ndarray, word: str) -> None:
        """The word being typed, or an initial: exact, misspelt and sound-alike beginnings."""
        ids = np.array(self._ids_with_prefix(self._sorted_words(), word), dtype=np.int64)
        _raise(sims, ids, PREFIX_BASE + (1 - PREFIX_BASE) * len(word) / self._letter_counts().lengths[ids])
        if len(word) >= 3:
            self._add_misspelt_beginnings(sims, word)
        key = phonetic_key(word)
        if len(key) >= 4:  # script tag plus at least two sounds
            for word_id in self._ids_with_prefix(self._sorted_phonetic_keys(), key):
                sims[word_id] = max(sims[word_id], PHONETIC_PREFIX_SIMILARITY)

    @staticmethod
    def _ids_with_prefix(sorted_pairs: list[tuple[str, int]], prefix: str) -> list[int]:
        start = bisect.bisect_left(sorted_pairs, (prefix, -1))
        end = bisect.bisect_left(sorted_pairs, (prefix + "\U0010ffff", -1))
        return [word_id for _, word_id in sorted_pairs[start:end]]

    def _sorted_words(self) -> list[tuple[str, int]]:
        if self._sorted is None:
            self._sorted = sorted((w, i) for i, w in enumerate(self.words))
        return self._sorted

    def _sorted_phonetic_keys(self) -> list[tuple[str, int]]:
        if self._sorted_phonetic is None:
            self._sorted_phonetic = sorted((k, i) for k, ids in self._by_phonetic.items() for i in ids)
        return self._sorted_phonetic

    def _letter_counts(self) -> LetterCounts:
        if self._letters is None:
            self._letters = LetterCounts(self.words)
        return self._letters


def _ratios(word: str, others: list[str], cutoff: float) -> np.ndarray:
    """fuzz.ratio (0..1) of `word` to each of `others`; 0 below `cutoff`."""
    if not others:
        return np.zeros(0, dtype=np.float32)
    scores = process.cdist([word], others, scorer=fuzz.ratio, score_cutoff=cutoff * 100, dtype=np.float32, workers=1)
    return scores[0] / 100.0


def _raise(sims: np.ndarray, ids: np.ndarray, values: np.ndarray) -> None:
    """Raise the similarities of `ids` (distinct) to `values` where those are higher."""
    sims[ids] = np.maximum(sims[ids], values)
