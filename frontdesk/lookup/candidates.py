"""Which entries are worth scoring: those reached through a close word, a phone, or a date."""

from __future__ import annotations

import numpy as np

from frontdesk.lookup.birth_dates import near_ordinals
from frontdesk.lookup.postings import Postings
from frontdesk.lookup.query import Term, TermKind
from frontdesk.lookup.store import PHONE_GRAM, CustomerStore

CANDIDATE_FLOOR = 0.7
POSTINGS_BUDGET = 30_000  # per term: "j" alone must not score every customer (it is ambiguous anyway)
STREET_WORD_FLOOR = 0.85  # a finished word this close to a street word also reaches that street's customers...
STREET_WORD_BUDGET = 5_000  # ...unless so many live there that the street says little
STREET_WORD_LETTERS = 4  # shorter beginnings fit too many streets to say anything


def candidate_entries(
    store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None]
) -> tuple[list[np.ndarray], bool]:
    """Entries (repeats allowed) that share something with at least one term, and whether that is all of them.

    It is not all when a term's close words held more customers than the budget: a count of
    what fits is then only a lower bound.
    """
    entry_parts: list[np.ndarray] = []
    row_parts: list[np.ndarray] = []
    complete = True
    for term, sim in zip(terms, sims):
        if term.kind is TermKind.NAME:
            words, whole = _closest_words(store.name_postings, sim)
            entry_parts.append(store.name_postings.rows_of(words))
            complete &= whole
            if len(term.text) >= STREET_WORD_LETTERS:
                row_parts.append(store.street_postings.rows_of(_street_words(store.street_postings, sim)))
        elif term.kind is TermKind.STREET and term.weight == 1.0:
            words, whole = _closest_words(store.street_postings, sim)
            row_parts.append(store.street_postings.rows_of(words))
            complete &= whole
        else:
            row_parts.extend(_rows_for_digits(store, term, alone=len(terms) == 1))
    if row_parts:
        entry_parts.append(store.primary_entry.view[np.concatenate(row_parts)])
    return entry_parts, complete


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


def _closest_words(postings: Postings, sim: np.ndarray) -> tuple[list[int], bool]:
    """Close words, best first, until their postings would exceed the budget; and whether none was left out."""
    word_ids = np.flatnonzero(sim[:-1] >= CANDIDATE_FLOOR)
    word_ids = word_ids[np.argsort(-sim[word_ids], kind="stable")]
    within = max(int(np.searchsorted(np.cumsum(postings.counts_of(word_ids)), POSTINGS_BUDGET, side="right")), 1)
    return word_ids[:within].tolist(), within >= len(word_ids)


def _street_words(postings: Postings, sim: np.ndarray) -> list[int]:
    """Street words very close to a word typed as a possible name, if few enough customers live on them."""
    word_ids = np.flatnonzero(sim[:-1] >= STREET_WORD_FLOOR)
    counts = postings.counts_of(word_ids)
    return word_ids[(counts > 0) & (counts <= STREET_WORD_BUDGET)].tolist()


def _rows_for_digits(store: CustomerStore, term: Term, alone: bool) -> list[np.ndarray]:
    """Customers with the typed phone digits, year or birth date; or, for a date typed on its own, born a
    digit away. Next to other words a date a digit off cannot lift a customer nothing else fits above
    the shown minimum, and at a million customers those dates hold thousands."""
    if term.kind is TermKind.DATE:
        near = near_ordinals(term.parts).tolist() if alone and term.parts is not None else []
        return [store.birth_postings.rows_of([d.toordinal() for d in term.dates] + near)]
    digits = term.text.lstrip("0") or term.text
    rows = []
    if term.kind in (TermKind.PHONE, TermKind.NUMBER) and len(digits) >= PHONE_GRAM:
        rows.append(store.phone_postings.rows_of([int(digits[-PHONE_GRAM:])]))
    if term.kind is TermKind.NUMBER and len(term.text) == 4:
        rows.append(store.year_postings.rows_of([int(term.text)]))
    return rows
