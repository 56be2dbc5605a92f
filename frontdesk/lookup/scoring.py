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
    store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None], candidates: Candidates
) -> tuple[np.ndarray, list[FieldScores]]:
    """Scores 0..100 for each candidate entry, and per term the score each field earned."""
    per_term = [_term_fields(store, term, sim, candidates) for term, sim in zip(terms, sims)]
    total = np.zeros(len(candidates.rows), dtype=np.float32)
    for term, fields in zip(terms, per_term):
        total += term.weight * np.maximum.reduce(list(fields.values()))
    total /= sum(term.weight for term in terms)
    name_sims = [sim for term, sim in zip(terms, sims) if term.kind is TermKind.NAME]
    if name_sims:
        total *= COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * _coverage(candidates.names, name_sims)
    return total * 100, per_term


class Candidates:
    """The candidate entries' columns, gathered once per search and shared by every term and spacing variant.

    `take` along axis 0 and per-column maxima are several times faster than
    fancy indexing and `max(axis=1)` over the narrow token matrices.
    """

    def __init__(self, store: CustomerStore, entries: np.ndarray) -> None:
        self.rows = store.entry_row.view.take(entries)
        self.names = store.name_tokens.view.take(entries, axis=0)
        self.is_alias = store.entry_is_alias.view.take(entries)
        self._street_tokens = store.street_tokens.view
        self._streets: np.ndarray | None = None

    @property
    def streets(self) -> np.ndarray:
        """Street word ids, gathered only if some term can match a street."""
        if self._streets is None:
            self._streets = self._street_tokens.take(self.rows, axis=0)
        return self._streets


def _best_word(sim: np.ndarray, tokens: np.ndarray) -> np.ndarray:
    """Per row of `tokens`, the similarity of its closest word."""
    gathered = sim.take(tokens)
    best = gathered[:, 0].copy()
    for column in range(1, gathered.shape[1]):
        np.maximum(best, gathered[:, column], out=best)
    return best


def _coverage(names: np.ndarray, name_sims: list[np.ndarray]) -> np.ndarray:
    """Share of the entry's name words that some query word matched (one word each at most)."""
    best_sim = np.maximum.reduce(name_sims)
    covered = np.zeros(len(names), dtype=np.int32)
    present = np.zeros(len(names), dtype=np.int32)
    for column in names.T:
        covered += best_sim.take(column) >= COVERED
        present += column != PAD
    return np.minimum(covered, len(name_sims)) / np.maximum(present, 1)


def _term_fields(store: CustomerStore, term: Term, sim: np.ndarray | None, candidates: Candidates) -> FieldScores:
    kind, rows = term.kind, candidates.rows
    if kind is TermKind.DATE:
        ordinals = [d.toordinal() for d in term.dates]
        return {"birth_date": np.isin(store.birth_ordinal.view.take(rows), ordinals).astype(np.float32)}
    if kind is TermKind.PHONE:
        return {"phone": _phone_matches(store, rows, term.text)}
    street = _best_word(sim, candidates.streets)
    if kind is TermKind.STREET:
        return {"street": street}
    if kind is TermKind.NUMBER:
        return _number_fields(store, term.text, rows, street)
    name = _best_word(sim, candidates.names)
    return {
        "name": np.where(candidates.is_alias, 0, name),
        "alias": np.where(candidates.is_alias, name * ALIAS_FACTOR, 0),
        "street": street * FREE_WORD_STREET_FACTOR,
    }


def _number_fields(store: CustomerStore, digits: str, rows: np.ndarray, street: np.ndarray) -> FieldScores:
    """Bare digits: a house number, part of the phone number, or a birth year."""
    fields = {"street": street}
    if len(digits) >= 3:
        fields["phone"] = _phone_matches(store, rows, digits)
    if len(digits) == 4 and int(digits) in YEAR_RANGE:
        fields["birth_date"] = (store.birth_year.view.take(rows) == int(digits)).astype(np.float32)
    return fields


def _phone_matches(store: CustomerStore, rows: np.ndarray, digits: str) -> np.ndarray:
    """Typed digits anywhere in the phone; or the stored number at the end of a longer typed one."""
    digits = digits.lstrip("0") or digits
    phones = store.phones
    hits = [digits in phones[r] or (len(phones[r]) >= 7 and digits.endswith(phones[r])) for r in rows.tolist()]
    return np.array(hits, dtype=np.float32)
