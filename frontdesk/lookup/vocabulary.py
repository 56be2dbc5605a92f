"""The distinct folded words of all customers, and how close a typed word is to each.

Names repeat heavily, so fuzzy matching runs over a few thousand distinct words
instead of a million customers; the result is one similarity per word id.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from frontdesk.lookup.nickname_table import related_names
from frontdesk.lookup.phonetic import phonetic_key

FUZZY_FLOOR = 0.6  # below this a spelling is a different word
NICKNAME_SIMILARITY = 0.9
PREFIX_BASE = 0.9  # "joh" → johnson: a sure prefix, slightly below a finished word
FUZZY_PREFIX_FACTOR = 0.85
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
        self._truncated: dict[int, list[str]] = {}
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
            self._truncated.clear()
            self._cache.clear()
        return word_id

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
        scores = process.cdist(
            [word], self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_FLOOR * 100, dtype=np.float32, workers=1
        )[0]
        np.maximum(sims[:-1], scores / 100.0, out=sims[:-1])

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
        for word_id in self._ids_with_prefix(self._sorted_words(), word):
            completed = PREFIX_BASE + (1 - PREFIX_BASE) * len(word) / len(self.words[word_id])
            sims[word_id] = max(sims[word_id], completed)
        if len(word) >= 3:
            scores = process.cdist(
                [word], self._truncated_words(len(word)), scorer=fuzz.ratio,
                score_cutoff=70, dtype=np.float32, workers=1,
            )[0]
            np.maximum(sims[:-1], scores / 100.0 * FUZZY_PREFIX_FACTOR, out=sims[:-1])
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

    def _truncated_words(self, length: int) -> list[str]:
        if length not in self._truncated:
            self._truncated[length] = [w[:length] for w in self.words]
        return self._truncated[length]
