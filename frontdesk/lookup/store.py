"""Customers as numpy columns of word ids, plus the posting lists that lead to them.

A million LookupRecord objects with their strings would cost gigabytes; here a
customer is a row of small integers and one phone string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

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


_NOT_DIGITS = bytes(c for c in range(128) if chr(c) not in "0123456789|")
_NOT_A_DIGIT = re.compile(r"[^\d|]")


def phone_digits_of(phones: list[str]) -> list[str]:
    """phone_digits of each phone, read in one pass over them all (a call per phone cost seconds per million).

    Phones are joined by "|", which folding keeps; if a phone holds one itself, the batch is read phone by phone.
    """
    joined = "|".join(phones)
    if joined.isascii():
        kept = joined.encode("ascii").translate(None, _NOT_DIGITS).decode("ascii")
    else:
        kept = _NOT_A_DIGIT.sub("", normalize(joined))
    if kept.count("|") != len(phones) - 1 or not phones:
        return [phone_digits(phone) for phone in phones]
    return [digits.lstrip("0") for digits in kept.split("|")]


@dataclass(slots=True)
class PreparedBatch:
    """Customers folded to word ids at add time, never per keystroke: numpy rows, not a Python object each.

    A customer has one entry per name: its name, then each alias, stored together.
    """

    customer_ids: np.ndarray  # int64, one per customer
    name_counts: np.ndarray  # int32, entries per customer
    names: np.ndarray  # int32 word ids, one PAD-padded row per entry
    streets: np.ndarray  # int32 word ids, one PAD-padded row per customer
    phones: list[str]  # digits only (see phone_digits)
    births: np.ndarray  # int32 date ordinals, 0 when unknown

    def __len__(self) -> int:
        return len(self.customer_ids)

    def take(self, positions: np.ndarray) -> PreparedBatch:
        """The customers at `positions`, in that order, with their entries."""
        counts = self.name_counts[positions]
        entries = np.repeat(_starts(self.name_counts)[positions] - _starts(counts), counts)
        entries += np.arange(len(entries))
        return PreparedBatch(self.customer_ids[positions], counts, self.names[entries], self.streets[positions],
                             [self.phones[p] for p in positions.tolist()], self.births[positions])


class Folder:
    """Names and streets folded to word ids, each distinct spelling once for a whole build.

    A million customers hold only some 120,000 distinct names and streets, so folding every
    record (or even each spelling once per batch) cost most of the build.
    A street's words also have their street type folded and a glued type cut off ("crotonstreet").
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._slots: dict[bool, dict[str, int]] = {False: {}, True: {}}  # by is-a-street
        self._tokens = {street: GrowableArray(np.int32, width=1, fill=PAD) for street in (False, True)}

    def tokens(self, texts: list[str], street: bool) -> np.ndarray:
        """A PAD-padded row of word ids per text."""
        slots, tokens = self._slots[street], self._tokens[street]
        at = np.fromiter(map(slots.get, texts, repeat(-1)), dtype=np.int64, count=len(texts))
        unseen = np.flatnonzero(at < 0)
        if unseen.size:
            new = list(dict.fromkeys(texts[i] for i in unseen.tolist()))
            tokens.extend(padded_matrix([self._word_ids(text, street) for text in new]))
            slots.update(zip(new, range(len(slots), len(slots) + len(new))))
            at[unseen] = [slots[texts[i]] for i in unseen.tolist()]
        return tokens.view.take(at, axis=0)

    def _word_ids(self, text: str, street: bool) -> list[int]:
        folded = [street_type(part) for w in words(text) for part in unglued(w)] if street else words(text)
        return [self._vocabulary.id_of(w) for w in folded]

    def prepare(self, records: list[LookupRecord]) -> PreparedBatch:
        """The records as one batch; their fields are gathered by map() in C, as a Python loop per record
        was a large part of the build."""
        aliases = list(map(attrgetter("aliases"), records))
        counts = 1 + np.fromiter(map(len, aliases), dtype=np.int32, count=len(records))
        names = list(map(attrgetter("name"), records))
        if len(records) and counts.max() > 1:
            names = [text for name, more in zip(names, aliases) for text in (name, *more)]
        births = (d.toordinal() if d else 0 for d in map(attrgetter("birth_date"), records))
        return PreparedBatch(
            np.fromiter(map(attrgetter("customer_id"), records), dtype=np.int64, count=len(records)),
            counts,
            self.tokens(names, False),
            self.tokens(list(map(attrgetter("street"), records)), True),
            phone_digits_of(list(map(attrgetter("phone"), records))),
            np.fromiter(births, dtype=np.int32, count=len(records)),
        )


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

    def name_rarity(self, word_ids: np.ndarray) -> np.ndarray:
        """Per name word, 0 when every customer carries it, 1 when one customer does."""
        return self._rarity(self.name_postings.counts_of(word_ids)).astype(np.float32)

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

    def live_batch(self) -> PreparedBatch:
        """The live customers (word ids kept), in row order: what a compacted store is built from."""
        rows = np.flatnonzero(self.row_alive.view)
        entries = np.flatnonzero(self.entry_alive.view)  # a row's entries live and die with it
        counts = np.diff(np.append(self.primary_entry.view, len(self.entry_row)))[rows].astype(np.int32)
        return PreparedBatch(self.customer_ids.view[rows], counts, self.name_tokens.view[entries],
                             self.street_tokens.view[rows], [self.phones[r] for r in rows.tolist()],
                             self.birth_ordinal.view[rows])

    def append(self, batch: PreparedBatch) -> None:
        """Store a batch; ids already present are replaced (the latest record wins)."""
        batch = _latest_of_each(batch)
        if self.row_of:
            for customer_id in self.row_of.keys() & set(batch.customer_ids.tolist()):
                self.remove(customer_id)
        first_row, first_entry = len(self.customer_ids), len(self.entry_row)
        rows = np.arange(first_row, first_row + len(batch), dtype=np.int32)
        self._append_rows(batch, rows, first_entry)
        self._append_entries(batch, rows, first_entry)
        self.row_of.update(zip(batch.customer_ids.tolist(), rows.tolist()))

    def _append_rows(self, batch: PreparedBatch, rows: np.ndarray, first_entry: int) -> None:
        self.customer_ids.extend(batch.customer_ids)
        self.row_alive.extend(np.ones(len(batch), dtype=np.bool_))
        self.primary_entry.extend((first_entry + _starts(batch.name_counts)).astype(np.int32))
        self.street_tokens.extend(batch.streets)
        births = batch.births
        self.birth_ordinal.extend(births)
        years, months, days = _year_month_day(births)
        self.birth_year.extend(years)
        self.birth_month.extend(months)
        self.birth_day.extend(days)
        self.phones.extend(batch.phones)
        self.street_postings.extend(*_words_and_owners(batch.streets, rows))
        known = births > 0
        self.birth_postings.extend(births[known], rows[known])
        self.year_postings.extend(years[known].astype(np.int64), rows[known])
        self.phone_postings.extend(*_phone_grams(batch.phones, rows))

    def _append_entries(self, batch: PreparedBatch, rows: np.ndarray, first_entry: int) -> None:
        entries = np.arange(first_entry, first_entry + len(batch.names), dtype=np.int32)
        is_alias = np.ones(len(entries), dtype=np.bool_)
        is_alias[_starts(batch.name_counts)] = False
        self.name_tokens.extend(batch.names)
        self.entry_row.extend(np.repeat(rows, batch.name_counts))
        self.entry_is_alias.extend(is_alias)
        self.entry_alive.extend(np.ones(len(entries), dtype=np.bool_))
        self.name_postings.extend(*_words_and_owners(batch.names, entries))

    def without_dead(self) -> CustomerStore:
        """A store of the live customers only, sharing this one's vocabulary: removed and replaced rows are gone."""
        fresh = CustomerStore(self.vocabulary)
        fresh.append(self.live_batch())
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


def _starts(counts: np.ndarray) -> np.ndarray:
    """Where each run of `counts` items starts in their concatenation."""
    return (np.cumsum(counts) - counts).astype(np.int64)


def _latest_of_each(batch: PreparedBatch) -> PreparedBatch:
    """The batch without customers a later record of the same batch replaces."""
    ids = batch.customer_ids
    distinct, last_from_end = np.unique(ids[::-1], return_index=True)
    if len(distinct) == len(ids):
        return batch
    return batch.take(np.sort(len(ids) - 1 - last_from_end))


def _words_and_owners(tokens: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each word id of a token matrix, and the row or entry (`owners`, one per matrix row) holding it."""
    present = tokens != PAD
    return tokens[present].astype(np.int64), np.broadcast_to(owners[:, None], tokens.shape)[present]


def _phone_grams(phones: list[str], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every PHONE_GRAM consecutive digits of each phone as a number, and the row of its phone.

    Read from all the batch's digits at once, keeping the grams that do not cross into the next
    phone; a phone's repeated gram is listed twice here and merged by the postings.
    """
    joined = "".join(phones)
    if not joined.isascii():  # digits of other scripts: int() reads them, numpy cannot
        pairs = [(int(p[i : i + PHONE_GRAM]), row) for p, row in zip(phones, rows.tolist())
                 for i in range(len(p) - PHONE_GRAM + 1)]
        return np.array([g for g, _ in pairs], dtype=np.int64), np.array([r for _, r in pairs], dtype=np.int32)
    digits = np.frombuffer(joined.encode("ascii"), dtype=np.uint8).astype(np.int16) - ord("0")
    lengths = np.fromiter(map(len, phones), dtype=np.int64, count=len(phones))
    span = len(digits) - PHONE_GRAM + 1
    if span <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    grams = digits[:span].copy()  # the gram starting at every digit, crossing into the next phone or not
    starts_next = np.zeros(len(digits) + 1, dtype=np.bool_)
    starts_next[_starts(lengths)] = True
    crosses = np.zeros(span, dtype=np.bool_)
    for offset in range(1, PHONE_GRAM):
        grams = grams * 10 + digits[offset : offset + span]
        crosses |= starts_next[offset : offset + span]
    grams_per_phone = np.maximum(lengths - PHONE_GRAM + 1, 0)
    return grams[~crosses].astype(np.int64), np.repeat(rows, grams_per_phone)
