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
    """Sorted distinct live entries; a mask over all entries beats sorting 100k candidates."""
    mask = np.zeros(len(store.entry_alive), dtype=np.bool_)
    for part in entry_parts:
        mask[part] = True
    mask &= store.entry_alive.view
    return np.flatnonzero(mask).astype(np.int32)


def _closest_words(postings: Postings, sim: np.ndarray) -> list[int]:
    """Close words, best first, until their postings would exceed the budget."""
    word_ids = np.flatnonzero(sim[:-1] >= CANDIDATE_FLOOR)
    chosen: list[int] = []
    total = 0
    for word_id in word_ids[np.argsort(-sim[word_ids], kind="stable")].tolist():
        total += postings.count_of(word_id)
        if total > POSTINGS_BUDGET and chosen:
            break
        chosen.append(word_id)
    return chosen


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
