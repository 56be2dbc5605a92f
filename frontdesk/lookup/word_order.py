"""Word order: people say a customer as given name, family name, then street or house number.

"mary jackson johnson" is Mary Jackson of Johnson Avenue. Mary Johnson of Jackson
Avenue fits the same words, but only read in another order, so she comes second.
The penalty stays below the ambiguity margin: order alone never hides a look-alike,
it only decides which of the two is shown first.
"""

from __future__ import annotations

import numpy as np

from frontdesk.lookup.query import Term, TermKind

ORDER_PENALTY = 3.0  # points, below index.AMBIGUITY_MARGIN
MATCHED = 0.5  # a term that fits nothing this well says nothing about order
STREET_PLACE = np.iinfo(np.int8).max  # after every word of a name


def out_of_order(terms: list[Term], per_term: list[dict[str, np.ndarray]], name_at: list[np.ndarray | None]) -> np.ndarray:
    """Per candidate, 1 where the words fit only if read out of the usual order, else 0.

    Each matched word has a place: its position in the name, or after the name when it
    matched the street. A word whose place comes before an earlier word's is out of order.
    """
    size = len(next(iter(per_term[0].values()))) if per_term else 0
    latest = np.full(size, -1, dtype=np.int16)
    wrong = np.zeros(size, dtype=np.bool_)
    for term, fields, at in zip(terms, per_term, name_at):
        place = _place(term, fields, at, size)
        if place is None:
            continue
        matched = np.maximum.reduce(list(fields.values())) >= MATCHED
        wrong |= matched & (place < latest)
        np.maximum(latest, np.where(matched, place, -1), out=latest)
    return wrong.astype(np.float32)


def _place(term: Term, fields: dict[str, np.ndarray], at: np.ndarray | None, size: int) -> np.ndarray | None:
    if term.kind is TermKind.STREET:
        return np.full(size, STREET_PLACE, dtype=np.int16)
    if term.kind is not TermKind.NAME or at is None:
        return None
    on_street = fields["street"] > np.maximum(fields["name"], fields["alias"])
    return np.where(on_street, STREET_PLACE, at).astype(np.int16)
