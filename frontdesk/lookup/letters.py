"""Letter counts of every vocabulary word, to rule most words out before the exact fuzzy comparison.

fuzz.ratio is 2·LCS / (len a + len b), and a longest common subsequence can never
be longer than the letters two words share (counted with repeats). Counting the
shared letters is a few vectorised passes over the query's distinct letters, so
it bounds the ratio of every word at once; only words whose bound reaches the
cutoff are handed to rapidfuzz.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

MAX_COUNT = 255  # uint8 counts; clipping never lowers the bound, as queries are capped at 200 characters


class LetterCounts:
    """A (letter × word) count matrix over a fixed word list, plus each word's length."""

    def __init__(self, words: list[str]) -> None:
        self.lengths = np.fromiter(map(len, words), dtype=np.int32, count=len(words))
        codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
        owner = np.repeat(np.arange(len(words), dtype=np.int64), self.lengths)
        letters, slot = np.unique(codes, return_inverse=True)
        counts = np.bincount(slot * len(words) + owner, minlength=len(letters) * len(words))
        self._counts = np.minimum(counts, MAX_COUNT).astype(np.uint8).reshape(len(letters), len(words))
        self._slot = {chr(code): i for i, code in enumerate(letters.tolist())}

    def shared(self, word: str) -> np.ndarray:
        """For each word, how many letters it shares with `word`: an upper bound on their LCS."""
        shared = np.zeros(len(self.lengths), dtype=np.int32)
        for letter, count in Counter(word).items():
            slot = self._slot.get(letter)
            if slot is not None:
                shared += np.minimum(self._counts[slot], min(count, MAX_COUNT))
        return shared


def may_reach(shared: np.ndarray, length: int, other_lengths: np.ndarray, cutoff: float) -> np.ndarray:
    """Positions whose ratio bound 2·shared / (length + other length) reaches `cutoff` (0..1)."""
    return np.flatnonzero(2 * shared >= cutoff * (length + other_lengths) - 1e-6)
