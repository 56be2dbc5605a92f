"""What goes into the lookup (a customer's identifying fields) and what comes out (a match)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LookupRecord:
    customer_id: int
    name: str
    street: str = ""
    phone: str = ""
    birth_date: datetime.date | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate; `ambiguous` means the query alone does not tell it from its neighbours."""

    customer_id: int
    score: float
    ambiguous: bool
    matched: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """The best matches, and how many customers fit the query at all, so a list can say "10 of 24 shown"."""

    matches: tuple[Match, ...]
    fitting: int
    counted_all: bool  # False: so many customers share a close word that `fitting` is only a lower bound

    @property
    def more(self) -> int:
        """Customers that fit but are not in `matches`."""
        return max(self.fitting - len(self.matches), 0)
