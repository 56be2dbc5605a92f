"""Scoring candidate entries against the query terms, vectorised over all candidates at once.

Each term is scored against the fields its kind allows, so a word claimed by
the street ("jackson ave") can never count as a surname match.
"""

from __future__ import annotations

import numpy as np

from frontdesk.lookup.columns import PAD
from frontdesk.lookup.query import Term, TermKind
from frontdesk.lookup.store import CustomerStore

FREE_WORD_STREET_FACTOR = 0.8  # a word not tied to the street fits a name better than a street
ALIAS_FACTOR = 0.97  # a former spelling finds the customer, just below the current one
COVERAGE_FLOOR = 0.92  # unmatched name words cost a little: "Mary" prefers "Mary" to "Mary Ann"
COVERED = 0.75
YEAR_RANGE = range(1880, 2101)

FieldScores = dict[str, np.ndarray]


def score_entries(
    store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None], entries: np.ndarray
) -> tuple[np.ndarray, list[FieldScores]]:
    """Scores 0..100 for each candidate entry, and per term the score each field earned."""
    rows = store.entry_row.view[entries]
    names = store.name_tokens.view[entries]
    is_alias = store.entry_is_alias.view[entries]
    per_term = [_term_fields(store, term, sim, names, rows, is_alias) for term, sim in zip(terms, sims)]
    total = np.zeros(len(entries), dtype=np.float32)
    for term, fields in zip(terms, per_term):
        total += term.weight * np.maximum.reduce(list(fields.values()))
    total /= sum(term.weight for term in terms)
    name_sims = [sim[names] for term, sim in zip(terms, sims) if term.kind is TermKind.NAME]
    if name_sims:
        total *= COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * _coverage(names, name_sims)
    return total * 100, per_term


def _coverage(names: np.ndarray, name_sims: list[np.ndarray]) -> np.ndarray:
    """Share of the entry's name words that some query word matched (one word each at most)."""
    covered = np.minimum((np.maximum.reduce(name_sims) >= COVERED).sum(axis=1), len(name_sims))
    return covered / np.maximum((names != PAD).sum(axis=1), 1)


def _term_fields(
    store: CustomerStore, term: Term, sim: np.ndarray | None, names: np.ndarray, rows: np.ndarray, is_alias: np.ndarray
) -> FieldScores:
    kind = term.kind
    if kind is TermKind.DATE:
        ordinals = [d.toordinal() for d in term.dates]
        return {"birth_date": np.isin(store.birth_ordinal.view[rows], ordinals).astype(np.float32)}
    if kind is TermKind.PHONE:
        return {"phone": _phone_matches(store, rows, term.text)}
    street = sim[store.street_tokens.view[rows]].max(axis=1)
    if kind is TermKind.STREET:
        return {"street": street}
    if kind is TermKind.NUMBER:
        return _number_fields(store, term.text, rows, street)
    name = sim[names].max(axis=1)
    return {
        "name": np.where(is_alias, 0, name),
        "alias": np.where(is_alias, name * ALIAS_FACTOR, 0),
        "street": street * FREE_WORD_STREET_FACTOR,
    }


def _number_fields(store: CustomerStore, digits: str, rows: np.ndarray, street: np.ndarray) -> FieldScores:
    """Bare digits: a house number, part of the phone number, or a birth year."""
    fields = {"street": street}
    if len(digits) >= 3:
        fields["phone"] = _phone_matches(store, rows, digits)
    if len(digits) == 4 and int(digits) in YEAR_RANGE:
        fields["birth_date"] = (store.birth_year.view[rows] == int(digits)).astype(np.float32)
    return fields


def _phone_matches(store: CustomerStore, rows: np.ndarray, digits: str) -> np.ndarray:
    """Typed digits anywhere in the phone; or the stored number at the end of a longer typed one."""
    digits = digits.lstrip("0") or digits
    phones = store.phones
    hits = [digits in phones[r] or (len(phones[r]) >= 7 and digits.endswith(phones[r])) for r in rows.tolist()]
    return np.array(hits, dtype=np.float32)
