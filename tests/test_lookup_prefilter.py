"""The shortcuts that keep a keystroke cheap must not change what fuzzy matching finds."""

import numpy as np
import pytest
from rapidfuzz import fuzz, process

from frontdesk.lookup import CustomerIndex, LookupRecord
from frontdesk.lookup.letters import LetterCounts, may_reach
from frontdesk.lookup.normalize import words
from frontdesk.lookup.synthetic import customers
from frontdesk.lookup.vocabulary import FUZZY_FLOOR, FUZZY_PREFIX_FACTOR, FUZZY_PREFIX_FLOOR, Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    vocabulary = Vocabulary()
    for record in customers(2000, seed=3):
        for word in words(f"{record.name} {record.street}"):
            vocabulary.id_of(word)
    return vocabulary


def _all_ratios(word: str, others: list[str], cutoff: float) -> np.ndarray:
    return process.cdist([word], others, scorer=fuzz.ratio, score_cutoff=cutoff * 100, dtype=np.float32)[0] / 100


@pytest.mark.parametrize("word", ["johnsno", "jonson", "mery", "kamiler", "کریمی", "نیکنام", "παπαδοπουλοσ", "x"])
def test_letter_bound_never_drops_a_close_word(vocabulary, word):
    letters = LetterCounts(vocabulary.words)
    kept = set(may_reach(letters.shared(word), len(word), letters.lengths, FUZZY_FLOOR).tolist())
    close = set(np.flatnonzero(_all_ratios(word, vocabulary.words, FUZZY_FLOOR)).tolist())
    assert close <= kept


@pytest.mark.parametrize("word", ["joh", "jhon", "johsn", "kamil", "مری", "کریم", "παπαδ", "rbo"])
def test_similarity_equals_comparing_every_word(vocabulary, word):
    """Full-word pass plus misspelt beginnings, as if every word were compared."""
    expected = np.maximum(
        _all_ratios(word, vocabulary.words, FUZZY_FLOOR),
        _all_ratios(word, [w[: len(word)] for w in vocabulary.words], FUZZY_PREFIX_FLOOR) * FUZZY_PREFIX_FACTOR,
    )
    sims = vocabulary.similarity(word, prefix=True)[:-1]
    lost = np.flatnonzero(sims < expected - 1e-6)
    assert not lost.size, [vocabulary.words[i] for i in lost]


def test_new_words_after_a_search_are_found():
    index = CustomerIndex([LookupRecord(1, "Ann Lee")])
    assert index.search("lee")
    index.add(LookupRecord(2, "Bob Kowalczyk"))
    assert index.search("kowalcyk")[0].customer_id == 2
    assert index.search("kowalc")[0].customer_id == 2
