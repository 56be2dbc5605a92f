"""Customers as numpy columns of word ids, plus the posting lists that lead to them.

A million LookupRecord objects with their strings would cost gigabytes; here a
customer is a row of small integers and one phone string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from frontdesk.lookup.columns import PAD, GrowableArray, padded_matrix
from frontdesk.lookup.normalize import normalize, words
from frontdesk.lookup.postings import Postings
from frontdesk.lookup.query import street_type, unglued
from frontdesk.lookup.records import LookupRecord
from frontdesk.lookup.vocabulary import Vocabulary

PHONE_GRAM = 4  # phone digits are found by any 4 consecutive digits, e.g. the last four
RARE_STREET_WEIGHT = 2.0  # a street name no one else lives on weighs as much as two name words
RARITY_SLACK = 0.05  # street words this close to the best fit count together (a typo fits several)


def phone_digits(phone: str) -> str:
    """Digits only, without trunk zeros, so 0912…, +98 912… and 912… compare by substring."""
    return re.sub(r"\D", "", normalize(phone)).lstrip("0")


FoldCache = dict[tuple[bool, str], list[int]]
"""Word ids per (is a street, text) already folded in this batch."""


@dataclass(slots=True)
class PreparedRecord:
    """A record folded to word ids once, at add time, never per keystroke."""

    customer_id: int
    names: list[list[int]]  # the name first, then each alias
    street: list[int]
    phone: str
    birth_ordinal: int  # 0 when unknown


class CustomerStore:
    """Rows (customers) and entries (a name or an alias of a row) with their postings."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary or Vocabulary()
        self.customer_ids = GrowableArray(np.int64)
        self.row_alive = GrowableArray(np.bool_)
        self.primary_entry = GrowableArray(np.int32)
        self.street_tokens = GrowableArray(np.int32, width=1, fill=PAD)
        self.birth_ordinal = GrowableArray(np.int32)
        self.birth_year = GrowableArray(np.int16)
        self.birth_month = GrowableArray(np.int8)
        self.birth_day = GrowableArray(np.int8)
        self.phones: list[str] = []
        self.name_tokens = GrowableArray(np.int32, width=1, fill=PAD)
        self.entry_row = GrowableArray(np.int32)
        self.entry_is_alias = GrowableArray(np.bool_)
        self.entry_alive = GrowableArray(np.bool_)
        self.name_postings = Postings()  # word id → entries
        self.street_postings = Postings()  # word id → rows
        self.phone_postings = Postings()  # 4 digits → rows
        self.birth_postings = Postings()  # date ordinal → rows
        self.year_postings = Postings()  # birth year → rows
        self.row_of: dict[int, int] = {}

    def prepare(self, record: LookupRecord, cache: FoldCache) -> PreparedRecord:
        names = [self._word_ids(text, cache, False) for text in (record.name, *record.aliases)]
        street = self._word_ids(record.street, cache, True)
        birth = record.birth_date.toordinal() if record.birth_date else 0
        return PreparedRecord(record.customer_id, names, street, phone_digits(record.phone), birth)

    def _word_ids(self, text: str, cache: FoldCache, street: bool) -> list[int]:
        """Names and streets repeat heavily, so each distinct spelling is folded once per batch.

        A street's words also have their street type folded and a glued type cut off ("crotonstreet").
        """
        ids = cache.get((street, text))
        if ids is None:
            folded = [street_type(part) for w in words(text) for part in unglued(w)] if street else words(text)
            ids = cache[(street, text)] = [self.vocabulary.id_of(w) for w in folded]
        return ids

    def remove(self, customer_id: int) -> None:
        row = self.row_of.pop(customer_id, None)
        if row is None:
            return
        self.row_alive.view[row] = False
        self.entry_alive.view[self.entries_of(row)] = False

    def entries_of(self, row: int) -> slice:
        """A row's entries: contiguous, as a row's name and aliases are appended together."""
        first = int(self.primary_entry.view[row])
        end = int(self.primary_entry.view[row + 1]) if row + 1 < len(self.primary_entry) else len(self.entry_row)
        return slice(first, end)

    def street_rarity(self, word_ids: np.ndarray) -> np.ndarray:
        """Per street word, 0 when every customer lives on it, 1 when one customer does (or none)."""
        return self._rarity(self.street_postings.counts_of(word_ids)).astype(np.float32)

    def _rarity(self, residents: np.ndarray | int) -> np.ndarray:
        """1 - log(residents) / log(customers): the share of the customer count's digits the street rules out."""
        return np.clip(1.0 - np.log(np.maximum(residents, 1)) / np.log(max(len(self.row_of), 2)), 0.0, 1.0)

    def street_rarity_weight(self, sim: np.ndarray) -> float:
        """How much a typed street word weighs: 1 for the commonest street word, up to RARE_STREET_WEIGHT
        for one only a single customer lives on, judged by the closest stored words together."""
        words = sim[:-1]
        if not words.size or words.max() <= 0:
            return 1.0
        close = np.flatnonzero(words >= words.max() - RARITY_SLACK)
        together = int(self.street_postings.counts_of(close).sum())
        if together <= 0:
            return 1.0
        return 1.0 + (RARE_STREET_WEIGHT - 1.0) * float(self._rarity(together))

    def dead_rows(self) -> int:
        return len(self.customer_ids) - len(self.row_of)

    def live_records(self) -> list[PreparedRecord]:
        """The live customers as prepared records (word ids kept), in row order: what a compacted store is built from."""
        names = self.name_tokens.view
        streets = self.street_tokens.view
        found = []
        for row in np.flatnonzero(self.row_alive.view).tolist():
            entries = self.entries_of(row)
            found.append(PreparedRecord(
                int(self.customer_ids.view[row]),
                [[t for t in tokens.tolist() if t != PAD] for tokens in names[entries]],
                [t for t in streets[row].tolist() if t != PAD],
                self.phones[row],
                int(self.birth_ordinal.view[row]),
            ))
        return found

    def append(self, batch: list[PreparedRecord]) -> None:
        """Store a batch; ids already present are replaced (the latest record wins)."""
        latest = {p.customer_id: p for p in batch}
        for customer_id in latest:
            self.remove(customer_id)
        batch = list(latest.values())
        first_row, first_entry = len(self.customer_ids), len(self.entry_row)
        rows = np.arange(first_row, first_row + len(batch), dtype=np.int32)
        self._append_rows(batch, rows, first_entry)
        self._append_entries(batch, rows, first_entry)
        self.row_of.update(zip((p.customer_id for p in batch), rows.tolist()))

    def _append_rows(self, batch: list[PreparedRecord], rows: np.ndarray, first_entry: int) -> None:
        counts = np.array([len(p.names) for p in batch], dtype=np.int32)
        self.customer_ids.extend(np.array([p.customer_id for p in batch], dtype=np.int64))
        self.row_alive.extend(np.ones(len(batch), dtype=np.bool_))
        self.primary_entry.extend(first_entry + np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int32))
        self.street_tokens.extend(padded_matrix([p.street for p in batch]))
        births = np.array([p.birth_ordinal for p in batch], dtype=np.int32)
        self.birth_ordinal.extend(births)
        years, months, days = _year_month_day(births)
        self.birth_year.extend(years)
        self.birth_month.extend(months)
        self.birth_day.extend(days)
        self.phones.extend(p.phone for p in batch)
        street_lengths = [len(p.street) for p in batch]
        self.street_postings.extend(_flat(p.street for p in batch), np.repeat(rows, street_lengths))
        known = births > 0
        self.birth_postings.extend(births[known], rows[known])
        self.year_postings.extend(years[known].astype(np.int64), rows[known])
        grams, gram_rows = _phone_grams(batch, rows)
        self.phone_postings.extend(grams, gram_rows)

    def _append_entries(self, batch: list[PreparedRecord], rows: np.ndarray, first_entry: int) -> None:
        names = [tokens for p in batch for tokens in p.names]
        entries = np.arange(first_entry, first_entry + len(names), dtype=np.int32)
        self.name_tokens.extend(padded_matrix(names))
        self.entry_row.extend(np.repeat(rows, [len(p.names) for p in batch]))
        self.entry_is_alias.extend(np.array([i > 0 for p in batch for i in range(len(p.names))], dtype=np.bool_))
        self.entry_alive.extend(np.ones(len(names), dtype=np.bool_))
        self.name_postings.extend(_flat(names), np.repeat(entries, [len(n) for n in names]))

    def without_dead(self, chunk: int) -> CustomerStore:
        """A store of the live customers only, sharing this one's vocabulary: removed and replaced rows are gone."""
        fresh = CustomerStore(self.vocabulary)
        live = self.live_records()
        for start in range(0, len(live), chunk):
            fresh.append(live[start : start + chunk])
        fresh.compact()
        return fresh

    def compact(self) -> None:
        """After a bulk build: merge postings and prepare the vocabulary for the first search."""
        for postings in self._all_postings():
            postings.compact()
        self.vocabulary.prepare()

    def _all_postings(self) -> tuple[Postings, ...]:
        return (self.name_postings, self.street_postings, self.phone_postings, self.birth_postings, self.year_postings)

    def nbytes(self) -> int:
        arrays = (self.customer_ids, self.row_alive, self.primary_entry, self.street_tokens, self.birth_ordinal,
                  self.birth_year, self.birth_month, self.birth_day, self.name_tokens, self.entry_row, self.entry_is_alias, self.entry_alive)
        return sum(a.nbytes() for a in arrays) + sum(p.nbytes() for p in self._all_postings())


def _year_month_day(ordinals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Birth year, month and day per row (0 where unknown), vectorised through numpy dates."""
    dates = np.datetime64("0001-01-01") + (ordinals.astype(np.int64) - 1).astype("timedelta64[D]")
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    months = dates.astype("datetime64[M]").astype(np.int64) % 12 + 1
    days = (dates - dates.astype("datetime64[M]")).astype(np.int64) + 1
    known = ordinals > 0
    return (np.where(known, years, 0).astype(np.int16), np.where(known, months, 0).astype(np.int8),
            np.where(known, days, 0).astype(np.int8))


def _flat(lists) -> np.ndarray:
    return np.fromiter((x for values in lists for x in values), dtype=np.int64)


def _phone_grams(batch: list[PreparedRecord], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    grams: list[int] = []
    gram_rows: list[int] = []
    for p, row in zip(batch, rows.tolist()):
        digits = p.phone
        distinct = {int(digits[i : i + PHONE_GRAM]) for i in range(len(digits) - PHONE_GRAM + 1)}
        grams.extend(distinct)
        gram_rows.extend([row] * len(distinct))
    return np.array(grams, dtype=np.int64), np.array(gram_rows, dtype=np.int32)
