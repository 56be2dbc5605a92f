"""The distinct beginnings of vocabulary words, for matching a misspelt word while it is typed.

Only words longer than the typed word need cutting: a word no longer than it is
its own beginning, and the full-word fuzzy pass already scores it higher.
Names share beginnings heavily, so comparing each distinct beginning once
costs a fraction of comparing every word.
"""

from __future__ import annotations

import numpy as np


class Beginnings:
    """Words longer than `length`, each mapped to its beginning of that length."""

    def __init__(self, words: list[str], lengths: np.ndarray, length: int) -> None:
        self.ids = np.flatnonzero(lengths > length)
        slots: dict[str, int] = {}
        cut = (words[i][:length] for i in self.ids.tolist())
        self.slot = np.fromiter((slots.setdefault(c, len(slots)) for c in cut), dtype=np.int64, count=len(self.ids))
        self.texts = list(slots)
