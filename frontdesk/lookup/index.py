"""CustomerIndex: the one query box over all customers, safe to search from a worker thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import numpy as np

from frontdesk.lookup.calendars import GREGORIAN
from frontdesk.lookup.candidates import candidate_entries, distinct_live
from frontdesk.lookup.query import Term, TermKind, readings, spacing_variants
from frontdesk.lookup.records import Found, LookupRecord, Match
from frontdesk.lookup.scoring import Candidates, FieldScores, Scored, exact_name_rarity, score_entries
from frontdesk.lookup.store import CustomerStore, Folder

AMBIGUITY_MARGIN = 4.0  # points: closer than this, the query does not tell two customers apart
SWAP_MARGIN = 15.0  # points: the same words read with name and street swapped are look-alikes even this far apart
MIN_SCORE = 25.0
NAME_LIKE = 0.85  # a street-type word this close to a word of some name may be that name ("mary lane")
MATCHED_FIELD = 0.5
BUILD_CHUNK = 50_000
DEAD_SHARE = 0.25  # removed or replaced rows beyond this share of the live ones are compacted away
DEAD_FLOOR = 256  # ...and beyond this many, so a small desk is not rebuilt on every merge
FIELD_ORDER = ("name", "alias", "street", "phone", "birth_date")

Progress = Callable[[int], None]


class CustomerIndex:
    """Customers searchable by name, alias, street, phone and birth date from one query.

    One lock guards the store: a search never sees a half-added customer, and
    adding waits for a running search (searches take milliseconds).
    """

    def __init__(self, records: Iterable[LookupRecord] = (), progress: Progress | None = None) -> None:
        self._lock = threading.RLock()
        self._store = CustomerStore()
        self._add_many(records, progress)

    @classmethod
    def build(cls, records: Iterable[LookupRecord], progress: Progress | None = None) -> CustomerIndex:
        """Build from many records; `progress` hears the running count after each chunk."""
        return cls(records, progress)

    def _add_many(self, records: Iterable[LookupRecord], progress: Progress | None) -> None:
        done = 0
        folder = Folder(self._store.vocabulary)
        for chunk in _chunks(iter(records), BUILD_CHUNK):
            with self._lock:
                self._store.append(folder.prepare(chunk))
            done += len(chunk)
            if progress is not None:
                progress(done)
        with self._lock:
            self._store.compact()

    def add_many(self, records: Iterable[LookupRecord]) -> None:
        """Add or replace many customers (an import) in one merge, rather than one append and re-prepare each."""
        self._add_many(records, None)

    def add(self, record: LookupRecord) -> None:
        """Add a customer, or replace the one with the same customer_id."""
        with self._lock:
            self._store.append(Folder(self._store.vocabulary).prepare([record]))
            self._compact_if_mostly_dead()

    def remove(self, customer_id: int) -> None:
        with self._lock:
            self._store.remove(customer_id)
            self._compact_if_mostly_dead()

    def _compact_if_mostly_dead(self) -> None:
        """Merged, erased and corrected records leave dead rows that every search would still skip over."""
        dead = self._store.dead_rows()
        if dead > DEAD_FLOOR and dead > DEAD_SHARE * len(self._store.row_of):
            self._store = self._store.without_dead()

    def __len__(self) -> int:
        return len(self._store.row_of)

    def stored_rows(self) -> int:
        """Rows held, live or not: what compaction keeps close to len()."""
        return len(self._store.customer_ids)

    def distinct_words(self) -> int:
        """Size of the vocabulary that fuzzy matching runs over, per typed word."""
        return len(self._store.vocabulary)

    def memory_bytes(self) -> int:
        """Bytes held in numpy columns and postings (not the vocabulary's Python strings)."""
        return self._store.nbytes()

    def search(self, query: str, limit: int = 10, *, calendar: str = GREGORIAN) -> list[Match]:
        """Best matches first; ambiguous ones flagged so the app never opens them on its own.

        `calendar` is the desk's, the one a birth date typed with a two-digit year is read in."""
        return list(self.find(query, limit, calendar=calendar).matches)

    def find(self, query: str, limit: int = 10, *, calendar: str = GREGORIAN) -> Found:
        """Like `search`, and also how many customers fit in all."""
        if limit <= 0:
            return Found((), 0, True)
        with self._lock:
            known = self._store.vocabulary.ids.__contains__
            spaced = [spacing_variants(terms, known) for terms in readings(query, self._is_name_word, calendar)
                      if terms]
            variants = [variant for each in spaced for variant in each]
            if not variants:
                return Found((), 0, True)
            respaced = np.array([number > 0 for each in spaced for number in range(len(each))])
            return self._rank(variants, respaced, limit)

    def _is_name_word(self, word: str) -> bool:
        """Whether some customer's name holds this word or one spelt very like it."""
        sim = self._store.vocabulary.similarity(word, False)
        close = np.flatnonzero(sim[:-1] >= NAME_LIKE)
        return bool(close.size) and bool(self._store.name_postings.counts_of(close).any())

    def _similarities(self, terms: list[Term]) -> list[np.ndarray | None]:
        vocabulary = self._store.vocabulary
        return [
            vocabulary.similarity(t.text, t.prefix) if t.kind in (TermKind.NAME, TermKind.STREET, TermKind.NUMBER)
            else None
            for t in terms
        ]

    def _rank(self, variants: list[list[Term]], respaced: np.ndarray, limit: int) -> Found:
        """`respaced` says, per variant, whether it joins or splits typed words (see query.spacing_variants)."""
        sims = [self._similarities(terms) for terms in variants]
        found = [candidate_entries(self._store, terms, s) for terms, s in zip(variants, sims)]
        entries = distinct_live(self._store, [part for parts, _ in found for part in parts])
        counted_all = all(complete for _, complete in found)
        if not entries.size:
            return Found((), 0, counted_all)
        candidates = Candidates(self._store, entries)
        scored = [score_entries(self._store, terms, s, candidates) for terms, s in zip(variants, sims)]
        totals, best_variant = _best_variant([one.total for one in scored])

        def rarity(positions: np.ndarray) -> np.ndarray:
            found = np.zeros(len(positions), dtype=np.float32)
            for variant, (terms, s, one) in enumerate(zip(variants, sims, scored)):
                mine = best_variant[positions] == variant
                if mine.any():
                    found[mine] = exact_name_rarity(self._store, terms, s, one.name_at, candidates, positions[mine])
            return found

        def names(positions: np.ndarray) -> np.ndarray:
            return candidates.names.take(positions, axis=0)

        respaced_only = _only_respaced(scored, respaced, totals)
        picks = self._best_per_customer(entries, totals, respaced_only, rarity, names, limit + 1)
        date_only = all(term.kind is TermKind.DATE for terms in variants for term in terms)
        matches = self._matches(picks, entries, totals, [scored[v].per_term for v in best_variant[picks]], limit, date_only)
        return Found(tuple(matches), self._fitting(candidates.rows, totals), counted_all)

    @staticmethod
    def _fitting(rows: np.ndarray, totals: np.ndarray) -> int:
        """Distinct customers scoring at least MIN_SCORE.

        Entries are sorted and a customer's entries are contiguous, so their rows come in
        order: counting where the row changes counts customers without a set or a sort.
        """
        kept = rows[totals >= MIN_SCORE]
        return int(kept.size and 1 + np.count_nonzero(kept[1:] != kept[:-1]))

    def _best_per_customer(
        self, entries: np.ndarray, totals: np.ndarray, respaced_only: np.ndarray,
        rarity: Callable[[np.ndarray], np.ndarray], names: Callable[[np.ndarray], np.ndarray], count: int,
    ) -> list[int]:
        """Positions of the best-scoring entry of each of the top `count` customers.

        Equal scores go first to the entries that earned them with the words spaced as typed (`respaced_only`
        False): نجف‌زاده typed with its half-space (ZWNJ) is that customer's own spelling, and fits نجفزاده only
        joined, however rare either word is. Then to the rarer words spelt exactly (see
        scoring.exact_name_rarity), then to the earlier entry; every entry tied with the last one kept
        competes, so which of many equal customers come first does not depend on where a partial sort cut
        them. Among the `keep` first, customers still equal are shown each name once before any twice
        (Amanda Hall, Amanda Hill, then the next Amanda Hall).
        """
        keep = min(len(totals), count * 4 + 16)
        rows = self._store.entry_row.view
        while True:
            top = _with_ties(totals, keep)
            rare = rarity(top)
            order = np.lexsort((entries[top], -rare, respaced_only[top], -totals[top]))[:keep]
            top, rare = top[order], rare[order]
            top = top[_names_in_turn((totals[top], respaced_only[top], rare), names(top))]
            picks, seen = [], set()
            for position, row in zip(top.tolist(), rows.take(entries[top]).tolist()):
                if totals[position] < MIN_SCORE or len(picks) == count:
                    break
                if row not in seen:
                    seen.add(row)
                    picks.append(position)
            if len(picks) >= count or keep >= len(totals):
                return picks
            keep *= 4

    def _matches(
        self, picks: list[int], entries: np.ndarray, totals: np.ndarray, fields: list[list[FieldScores]], limit: int,
        date_only: bool = False,
    ) -> list[Match]:
        if not picks:
            return []
        best = float(totals[picks[0]])
        close = [best - float(totals[p]) <= AMBIGUITY_MARGIN for p in picks]
        readings = [_reading(per_term, p) for p, per_term in zip(picks, fields)]
        swapped = [
            i > 0 and best - float(totals[p]) <= SWAP_MARGIN and _swapped(readings[0], readings[i])
            for i, p in enumerate(picks)
        ]
        matched = [_matched_fields(per_term, p) for p, per_term in zip(picks, fields)]
        flagged = [near or swap for near, swap in zip(close, swapped)]
        # A birth date typed alone that nobody has: the customer a digit off is offered, never opened on its own.
        flagged[0] = sum(close) > 1 or any(swapped) or (date_only and not matched[0])
        customer_ids = self._store.customer_ids.view
        rows = self._store.entry_row.view
        return [
            Match(
                customer_id=int(customer_ids[rows[entries[p]]]),
                score=round(float(totals[p]), 2),
                ambiguous=flag,
                matched=fields_matched,
            )
            for p, fields_matched, flag in islice(zip(picks, matched, flagged), limit)
        ]


_NAME_HASH = np.random.default_rng(0).integers(1, 2**62, size=64, dtype=np.int64) | 1


def _names_in_turn(ranks: tuple[np.ndarray, ...], names: np.ndarray) -> np.ndarray:
    """A stable reordering of sorted candidates: within a run equal in every one of `ranks` (total, spacing,
    rarity), every distinct name's first customer, then every name's second, and so on."""
    size = len(names)
    sequence = np.arange(size)
    group = np.zeros(size, dtype=np.int64)
    group[1:] = np.cumsum(np.logical_or.reduce([rank[1:] != rank[:-1] for rank in ranks]))
    width = min(names.shape[1], len(_NAME_HASH))
    name = (names[:, :width].astype(np.int64) + 1) @ _NAME_HASH[:width]  # wraps: a hash, not a sum
    by_name = np.lexsort((sequence, name, group))
    same = np.zeros(size, dtype=np.bool_)
    same[1:] = (group[by_name][1:] == group[by_name][:-1]) & (name[by_name][1:] == name[by_name][:-1])
    run_start = np.maximum.accumulate(np.where(same, 0, sequence))
    turn = np.empty(size, dtype=np.int64)
    turn[by_name] = sequence - run_start
    return np.lexsort((sequence, turn, group))


def _with_ties(totals: np.ndarray, keep: int) -> np.ndarray:
    """Positions of the `keep` highest totals, and of any other total equal to the lowest of them."""
    if keep >= len(totals):
        return np.arange(len(totals))
    lowest = np.partition(totals, len(totals) - keep)[len(totals) - keep]
    return np.flatnonzero(totals >= lowest)


def _best_variant(all_totals: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per entry, the best total over the spacing variants and which variant (the first, on ties) earned it.

    Pairwise maxima over 1-D arrays; argmax along the short axis of a stacked array is several times slower.
    """
    totals = all_totals[0].copy()
    best = np.zeros(len(totals), dtype=np.intp)
    for variant, other in enumerate(all_totals[1:], start=1):
        better = other > totals
        best[better] = variant
        np.maximum(totals, other, out=totals)
    return totals, best


def _only_respaced(scored: list[Scored], respaced: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Per entry, whether only a variant that joins or splits typed words earned its best total."""
    only = np.ones(len(totals), dtype=np.bool_)
    for one in (one for one, moved in zip(scored, respaced) if not moved):
        only &= one.total != totals
    return only


def _reading(per_term: list[FieldScores], position: int) -> tuple[str | None, ...]:
    """Per term, whether it fit the name or the street (or something else, or nothing)."""
    reading = []
    for fields in per_term:
        field, value = max(((f, float(v[position])) for f, v in fields.items()), key=lambda fv: fv[1])
        reading.append(("name" if field == "alias" else field) if value >= MATCHED_FIELD else None)
    return tuple(reading)


def _swapped(first: tuple[str | None, ...], other: tuple[str | None, ...]) -> bool:
    """The same words fit both customers, but as name in one and street in the other: Mary Johnson of
    Jackson Avenue and Mary Jackson of Johnson Avenue. Only the agent can tell which was meant."""
    same_words = [a is None for a in first] == [b is None for b in other]
    return same_words and any({a, b} == {"name", "street"} for a, b in zip(first, other))


def _matched_fields(per_term: list[FieldScores], position: int) -> tuple[str, ...]:
    """For each term, the field that earned its score, if it earned enough to count."""
    found = set()
    for fields in per_term:
        field, value = max(((f, float(v[position])) for f, v in fields.items()), key=lambda fv: fv[1])
        if value >= MATCHED_FIELD:
            found.add(field)
    return tuple(f for f in FIELD_ORDER if f in found)


def _chunks(records: Iterator[LookupRecord], size: int) -> Iterator[list[LookupRecord]]:
    while chunk := list(islice(records, size)):
        yield chunk
