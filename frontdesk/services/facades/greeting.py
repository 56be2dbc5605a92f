"""What the Greeting section asks of the desk: lookups, greeting cards, presence, starting a call from a card.

Every method opens its own short session and returns frozen data; screens call them from thread workers.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session

from frontdesk.db.models import AccessPurpose
from frontdesk.lookup import Match
from frontdesk.services import presence
from frontdesk.services.access_log import record_access
from frontdesk.services.customers import CustomerNotFound, quick_name_search
from frontdesk.services.desk import Desk
from frontdesk.services.greeting import (
    GreetingCard, MatchedCustomer, greeting_card, matched_customers, record_phone_shown, summaries,
)
from frontdesk.services.interactions import start_interaction
from frontdesk.services.customer_text import describe
from frontdesk.services.presence import OpenElsewhere

RESULTS = 10
"""Rows the Greeting section shows: enough for a common name, few enough to read at a glance."""


@dataclass(frozen=True)
class SearchResults:
    query: str
    rows: tuple[MatchedCustomer, ...]
    indexed: bool
    """False while the lookup index is still being built: the rows come from a plain name search."""
    customers: int
    """How many customers the lookup index holds."""
    fitting: int = 0
    """How many customers fit the query in all (the rows are the best of them)."""
    counted_all: bool = True
    """False when `fitting` is only a lower bound (a very common word such as one letter)."""

    @property
    def more(self) -> int:
        return max(self.fitting - len(self.rows), 0)


@dataclass(frozen=True)
class CardView:
    """A greeting card, or why it can no longer be shown (the record was merged away at another desk)."""

    customer_id: int
    card: GreetingCard | None
    open_at: tuple[OpenElsewhere, ...] = ()
    gone: str = ""
    merged_into_id: int | None = None


@dataclass(frozen=True)
class StartedContact:
    interaction_id: int
    started_at: datetime


class _OnScreen:
    """What a terminal last asked presence to show: closing one card and opening the next run in two
    workers, and whichever is asked for last is what stays, whatever order the workers finish in."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.asked = 0


_ON_SCREEN: defaultdict[str, _OnScreen] = defaultdict(_OnScreen)


class GreetingDesk:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def build_index(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Reads every customer into the lookup index; returns how many it holds."""
        with self.desk.reading() as session:
            self.desk.directory.load(session, progress=progress)
        return len(self.desk.directory)

    def search(self, query: str, limit: int = RESULTS, *, exclude: int | None = None) -> SearchResults:
        """Ranked rows for what was typed, each with the other terminals that have it open (one query for all)."""
        indexed = self.desk.directory.ready.is_set()
        with self.desk.reading() as session:
            if indexed:
                found = self.desk.directory.find(query, limit=limit + (exclude is not None))
                matches, fitting, counted_all = list(found.matches), found.fitting, found.counted_all
            else:
                matches = [Match(customer_id, 0.0, True, ("name",)) for customer_id in quick_name_search(session, query, limit)]
                fitting, counted_all = len(matches), False
            if exclude is not None and exclude in [match.customer_id for match in matches]:
                fitting -= 1
            rows = matched_customers(session, [match for match in matches if match.customer_id != exclude][:limit])
            elsewhere = presence.open_elsewhere(session, self.desk.terminal_id, [row.match.customer_id for row in rows])
        rows = [replace(row, open_at=elsewhere.get(row.match.customer_id, ())) for row in rows]
        return SearchResults(query, tuple(rows), indexed, len(self.desk.directory), max(fitting, len(rows)), counted_all)

    def card(self, customer_id: int, *, audited: bool = True) -> CardView:
        """`audited` when the agent opens the card; a reload because another desk changed it is not a new view,
        and reads without the write lock."""
        with (self.desk.session() if audited else self.desk.reading()) as session:
            try:
                if audited:
                    record_access(session, self.desk, customer_id, AccessPurpose.GREETING)  # committed with the card's view
                card = greeting_card(session, customer_id, self.desk.agent_id if audited else None)
            except CustomerNotFound as gone:
                return CardView(customer_id, None, gone=_gone_text(session, gone), merged_into_id=gone.merged_into_id)
            elsewhere = presence.open_elsewhere(session, self.desk.terminal_id, [customer_id])
        return CardView(customer_id, card, elsewhere.get(customer_id, ()))

    def show_phone(self, customer_id: int) -> None:
        """Records that the agent asked for the customer's full phone number."""
        with self.desk.session() as session:
            record_phone_shown(session, customer_id, self.desk.agent_id)

    def open_elsewhere(self, customer_id: int) -> tuple[OpenElsewhere, ...]:
        with self.desk.reading() as session:
            return presence.open_elsewhere(session, self.desk.terminal_id, [customer_id]).get(customer_id, ())

    def showing(self, customer_id: int | None) -> Callable[[], None]:
        """Call on the UI thread when a card opens (or closes, None); run the returned job in a worker.

        The job tells presence, unless a later call to `showing` has come since.
        """
        line = _ON_SCREEN[self.desk.terminal_id]
        line.asked += 1  # only the UI thread counts, so no lock is needed here (and the UI never waits on one)
        ticket = line.asked

        def tell() -> None:
            with line.lock:
                if ticket != line.asked:
                    return
                with self.desk.session() as session:
                    presence.show_customer(session, self.desk.terminal_id, customer_id)

        return tell

    def start(self, customer_id: int, channel: str) -> StartedContact:
        with self.desk.session() as session:
            interaction = start_interaction(session, self.desk.agent_id, customer_id, channel=channel)
            return StartedContact(interaction.id, interaction.started_at)


def _gone_text(session: Session, gone: CustomerNotFound) -> str:
    """Names the record that stayed, so the agent knows whom they are now talking to."""
    kept = summaries(session, [gone.merged_into_id]).get(gone.merged_into_id) if gone.merged_into_id else None
    if kept is None:
        return "This record no longer exists (erased or merged at another desk). Look the customer up again."
    return f"This record was merged into another at another desk: {describe(kept)}."
