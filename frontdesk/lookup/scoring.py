"""Scoring candidate entries against the query terms, vectorised over all candidates at once.

Each term is scored against the fields its kind allows, so a word claimed by
the street ("jackson ave") can never count as a surname match. People say a
customer as given name, family name, then street: a candidate that fits the
words only in another order scores a little lower (see word_order.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from frontdesk.lookup.birth_dates import YEAR_RANGE, date_evidence
from frontdesk.lookup.columns import PAD
from frontdesk.lookup.query import Term, TermKind
from frontdesk.lookup.store import CustomerStore
from frontdesk.lookup.word_order import ORDER_PENALTY, out_of_order

FREE_WORD_STREET_FACTOR = 0.8  # a word not tied to the street fits a name better than a street...
# ...unless few customers live on that street: a street only one customer lives on counts as much as a name
ALIAS_FACTOR = 0.97  # a former spelling finds the customer, just below the current one
COVERAGE_FLOOR = 0.92  # unmatched name words cost a little: "Mary" prefers "Mary" to "Mary Ann"
COVERED = 0.75

FieldScores = dict[str, np.ndarray]


@dataclass(slots=True)
class Scored:
    total: np.ndarray  # 0..100 per candidate entry
    per_term: list[FieldScores]  # per term, the score each field earned
    name_at: list[np.ndarray | None]  # per name term, which word of the name it matched


def score_entries(
    store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None], candidates: Candidates
) -> Scored:
    """Scores 0..100 for each candidate entry, and per term the score each field earned."""
    weights = [_weight(store, term, sim) for term, sim in zip(terms, sims)]
    scored = [_term_fields(store, term, sim, candidates) for term, sim in zip(terms, sims)]
    per_term = [fields for fields, _ in scored]
    total = np.zeros(len(candidates.rows), dtype=np.float32)
    for weight, fields in zip(weights, per_term):
        total += weight * np.maximum.reduce(list(fields.values()))
    total /= sum(weights)
    name_sims = [sim for term, sim in zip(terms, sims) if term.kind is TermKind.NAME]
    if name_sims:
        total *= COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * _coverage(candidates.names, name_sims)
    total *= 100
    name_at = [column for _, column in scored]
    total -= ORDER_PENALTY * out_of_order(terms, per_term, name_at)
    return Scored(total, per_term, name_at)


def exact_name_rarity(
    store: CustomerStore, terms: list[Term], sims: list[np.ndarray | None], name_at: list[np.ndarray | None],
    candidates: Candidates, positions: np.ndarray,
) -> np.ndarray:
    """Per candidate at `positions`, the rarity of the name words the query spelt exactly, summed.

    It breaks ties only. "amelia kimmonth" fits Amelia Brinsmead and Mitchell Kimmonth equally;
    a word few customers carry is less often met by chance, so Kimmonth comes first. Words
    that fit only as close spellings do not count: the commoner of two equally close
    spellings is the likelier one meant.
    """
    found = np.zeros(len(positions), dtype=np.float32)
    for term, sim, at in zip(terms, sims, name_at):
        if term.kind is not TermKind.NAME or at is None or sim is None:
            continue
        words = candidates.names[positions, at[positions]]
        exact = sim.take(words) >= 1.0  # a PAD slot reads the trailing 0
        found[exact] += store.name_rarity(words[exact])
    return found


def _weight(store: CustomerStore, term: Term, sim: np.ndarray | None) -> float:
    """A street name weighs more the fewer customers live on it: a rare street all but names the customer."""
    if term.kind is not TermKind.STREET or term.weight != 1.0 or sim is None:
        return term.weight
    return term.weight * store.street_rarity_weight(sim)


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


def _best_word_at(sim: np.ndarray, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row of `tokens`, the similarity of its closest word and that word's position (first on ties)."""
    gathered = sim.take(tokens)
    best = gathered[:, 0].copy()
    at = np.zeros(len(best), dtype=np.int8)
    for column in range(1, gathered.shape[1]):
        better = gathered[:, column] > best
        at[better] = column
        np.maximum(best, gathered[:, column], out=best)
    return best, at


def _coverage(names: np.ndarray, name_sims: list[np.ndarray]) -> np.ndarray:
    """Share of the entry's name words that some query word matched (one word each at most)."""
    best_sim = np.maximum.reduce(name_sims)
    covered = np.zeros(len(names), dtype=np.int32)
    present = np.zeros(len(names), dtype=np.int32)
    for column in names.T:
        covered += best_sim.take(column) >= COVERED
        present += column != PAD
    return np.minimum(covered, len(name_sims)) / np.maximum(present, 1)


def _term_fields(
    store: CustomerStore, term: Term, sim: np.ndarray | None, candidates: Candidates
) -> tuple[FieldScores, np.ndarray | None]:
    """The score each field earns for the term, and for a name word which word of the name it matched."""
    kind, rows = term.kind, candidates.rows
    if kind is TermKind.DATE:
        return {"birth_date": date_evidence(store, rows, term)}, None
    if kind is TermKind.PHONE:
        return {"phone": _phone_matches(store, rows, term.text)}, None
    if kind is TermKind.STREET:
        return {"street": _best_word(sim, candidates.streets)}, None
    if kind is TermKind.NUMBER:
        return _number_fields(store, term.text, rows, _best_word(sim, candidates.streets)), None
    name, at = _best_word_at(sim, candidates.names)
    fields = {
        "name": np.where(candidates.is_alias, 0, name),
        "alias": np.where(candidates.is_alias, name * ALIAS_FACTOR, 0),
        "street": _best_word(_as_free_street_word(store, sim), candidates.streets),
    }
    return fields, at


def _as_free_street_word(store: CustomerStore, sim: np.ndarray) -> np.ndarray:
    """The word's similarities as a street word: discounted, the less for rare streets."""
    close = np.flatnonzero(sim[:-1])
    scaled = np.zeros_like(sim)
    rarity = store.street_rarity(close)
    scaled[close] = sim[close] * (FREE_WORD_STREET_FACTOR + (1 - FREE_WORD_STREET_FACTOR) * rarity)
    return scaled


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
