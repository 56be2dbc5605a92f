"""Which entries are worth scoring: those reached through a close word, a phone, or a date."""

from __future__ import annotations

import numpy as np

from frontdesk.lookup.postings import Postings
from frontdesk.lookup.query import Term, TermKind
from frontdesk.lookup.store import PHONE_GRAM, CustomerStore

CANDIDATE_FLOOR = 0.7
POSTINGS_BUDGET = 30_000  # per term: "j" alone must not score every customer (it is ambiguous anyway)


def candidate_entries(store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None]) -> list[np.ndarray]:
    """Entries (repeats allowed) that share something with at least one term."""
    entry_parts: list[np.ndarray] = []
    row_parts: list[np.ndarray] = []
    for term, sim in zip(terms, sims):
        if term.kind is TermKind.NAME:
            entry_parts.append(store.name_postings.rows_of(_closest_words(store.name_postings, sim)))
        elif term.kind is TermKind.STREET and term.weight == 1.0:
            row_parts.append(store.street_postings.rows_of(_closest_words(store.street_postings, sim)))
        else:
            row_parts.extend(_rows_for_digits(store, term))
    if row_parts:
        entry_parts.append(store.primary_entry.view[np.concatenate(row_parts)])
    return entry_parts


def distinct_live(store: CustomerStore, entry_parts: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct live entries.

    Sorting the (at most ~100k) candidates beats a mask over a million entries,
    whose scan for set bits dominates; np.unique is avoided as it is far slower.
    """
    if not entry_parts:
        return np.zeros(0, dtype=np.int32)
    entries = np.sort(np.concatenate(entry_parts).astype(np.int32, copy=False))
    first = np.ones(len(entries), dtype=np.bool_)
    np.not_equal(entries[1:], entries[:-1], out=first[1:])
    entries = entries[first]
    return entries[store.entry_alive.view.take(entries)]


def _closest_words(postings: Postings, sim: np.ndarray) -> list[int]:
    """Close words, best first, until their postings would exceed the budget."""
    word_ids = np.flatnonzero(sim[:-1] >= CANDIDATE_FLOOR)
    word_ids = word_ids[np.argsort(-sim[word_ids], kind="stable")]
    within = np.searchsorted(np.cumsum(postings.counts_of(word_ids)), POSTINGS_BUDGET, side="right")
    return word_ids[: max(int(within), 1)].tolist()


def _rows_for_digits(store: CustomerStore, term: Term) -> list[np.ndarray]:
    if term.kind is TermKind.DATE:
        return [store.birth_postings.rows_of([d.toordinal() for d in term.dates])]
    digits = term.text.lstrip("0") or term.text
    rows = []
    if term.kind in (TermKind.PHONE, TermKind.NUMBER) and len(digits) >= PHONE_GRAM:
        rows.append(store.phone_postings.rows_of([int(digits[-PHONE_GRAM:])]))
    if term.kind is TermKind.NUMBER and len(term.text) == 4:
        rows.append(store.year_postings.rows_of([int(term.text)]))
    return rows
