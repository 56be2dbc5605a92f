"""The lookup index kept in step with the customer table: built once, then followed record by record."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, timedelta

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, select

from frontdesk.clock.dates import desk_style
from frontdesk.db.models import Customer, CustomerAlias
from frontdesk.lookup import CustomerIndex, Found, LookupRecord, Match
from frontdesk.services.changes import Change
from frontdesk.services.customers import LIVE

CLOCK_SLACK = timedelta(minutes=2)
"""A coalesced change re-reads customers updated this long before it was committed: a long import's
first rows carry an earlier time than the change written at its commit."""
IN_CHUNK = 500
"""Ids per IN (...) list, well under every database's parameter limit."""
_COLUMNS = (Customer.id, Customer.given_name, Customer.family_name, Customer.street, Customer.phones, Customer.birth_date)


class CustomerDirectory:
    """What the Greeting section, the CLI and imports search; thread-safe through CustomerIndex.

    Changes from other terminals reach it through `follow_changes`, called by the change feed's
    thread. While `load` is building the index, changes are kept aside and applied to the new
    index once it is in place, so nothing committed during a long build is lost.
    """

    def __init__(self) -> None:
        self.index = CustomerIndex(())
        self.ready = threading.Event()
        self._lock = threading.RLock()
        """Serialises following (read, then apply) with swapping in a freshly built index."""
        self._loads = 0
        self._kept_aside: list[Change] = []
        self._highest_id = 0
        """The highest customer id indexed: what a coalesced change (an import) reads beyond."""

    def load(self, session: Session, progress: Callable[[int, int], None] | None = None) -> None:
        """Reads every live customer as plain columns (no ORM objects: a million of them would crawl).

        `progress(done, total)` lets a screen show how far the build is.
        """
        with self._lock:
            self._loads += 1
        try:
            aliases = _aliases(session)
            rows = session.exec(select(*_COLUMNS).where(LIVE)).all()
            records = (_record(*row, tuple(aliases.get(row[0], ()))) for row in rows)
            report = None if progress is None else (lambda done: progress(done, len(rows)))
            index = CustomerIndex.build(records, progress=report)
        finally:
            with self._lock:
                self._loads -= 1
        with self._lock:
            self.index = index
            self._highest_id = max((row[0] for row in rows), default=0)
            kept, self._kept_aside = self._kept_aside, []
            if kept:
                with Session(session.get_bind()) as fresh:  # the load's own snapshot is older than these changes
                    self._follow(fresh, kept)
        if progress is not None:
            progress(len(rows), len(rows))
        self.ready.set()

    def follow(self, session: Session, customer_id: int) -> None:
        """After a create, edit or merge: the index shows the change at once."""
        with self._lock:
            self._apply(session, Customer.id == customer_id)

    def follow_imported(self, records: list[LookupRecord]) -> None:
        """Customers this process just imported, merged into the index in one step.

        Before the first load (or during one) there is nothing to merge into: the load reads them.
        """
        with self._lock:
            if self.ready.is_set() and not self._loads and records:
                self.index.add_many(records)
                self._highest_id = max(self._highest_id, max(record.customer_id for record in records))

    def follow_changes(self, session: Session, changes: Iterable[Change]) -> None:
        """Applies what other terminals (or processes such as `frontdesk import`) changed in customers.

        Before the first load there is nothing to follow: the load will read it all.
        """
        touching = [change for change in changes if change.kind == "customer" or change.everything]
        if not touching:
            return
        with self._lock:
            if self._loads:
                self._kept_aside.extend(touching)
            elif self.ready.is_set():
                self._follow(session, touching)

    def search(self, query: str, limit: int = 10) -> list[Match]:
        return list(self.find(query, limit).matches)

    def find(self, query: str, limit: int = 10) -> Found:
        """The best `limit` matches and how many customers fit in all; a birth date typed with a two-digit
        year is read in the desk's calendar, as the customer form reads it (14/12/39 is 1339 on a Jalali desk)."""
        return self.index.find(query, limit=limit, calendar=desk_style().calendar)

    def __len__(self) -> int:
        return len(self.index)

    def _follow(self, session: Session, changes: list[Change]) -> None:
        ids = sorted({change.entity_id for change in changes if change.entity_id is not None})
        for start in range(0, len(ids), IN_CHUNK):
            self._apply(session, Customer.id.in_(ids[start:start + IN_CHUNK]))
        bulk = [change for change in changes if change.entity_id is None]
        if bulk:
            self._apply(session, _changed_since(self._highest_id, bulk))

    def _apply(self, session: Session, which: ColumnElement[bool]) -> None:
        """Reads the chosen customers as they are now: live ones are (re)indexed, merged or erased ones leave."""
        rows = session.exec(select(*_COLUMNS, LIVE).where(which)).all()
        aliases = _aliases(session, [row[0] for row in rows])
        for *columns, live in rows:
            if not live:
                self.index.remove(columns[0])
                continue
            self.index.add(_record(*columns, tuple(aliases.get(columns[0], ()))))
            self._highest_id = max(self._highest_id, columns[0])


def _changed_since(highest_id: int, bulk: list[Change]) -> ColumnElement[bool]:
    """Customers a coalesced change may stand for: new since the index was built, or updated lately.

    Cheaper than rebuilding: the index re-reads these rows only, however large the table.
    """
    times = [change.at for change in bulk if change.at is not None and not change.everything]
    condition = Customer.id > highest_id
    if times:
        since = min(times) - CLOCK_SLACK
        renamed = select(CustomerAlias.customer_id).where(CustomerAlias.created_at >= since)
        condition = or_(condition, Customer.updated_at >= since, Customer.id.in_(renamed))
    return condition


def lookup_record(customer: Customer, aliases: tuple[str, ...] | list[str] = ()) -> LookupRecord:
    return _record(customer.id, customer.given_name, customer.family_name, customer.street, customer.phones,
                   customer.birth_date, tuple(aliases))


def lookup_record_of(customer_id: int, values: Mapping[str, object]) -> LookupRecord:
    """A customer known by its stored values (an import's row) rather than as a loaded record."""
    return _record(customer_id, values["given_name"], values["family_name"], values["street"], values["phones"],
                   values["birth_date"], ())


def _aliases(session: Session, customer_ids: Collection[int] | None = None) -> dict[int, list[str]]:
    """Every alias (None), or those of the given customers, in IN lists of IN_CHUNK ids."""
    query = select(CustomerAlias.customer_id, CustomerAlias.name).order_by(CustomerAlias.id)
    chunks: Iterable[list[int] | None] = [None]
    if customer_ids is not None:
        wanted = sorted(customer_ids)
        chunks = [wanted[start:start + IN_CHUNK] for start in range(0, len(wanted), IN_CHUNK)]
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks:
        for owner, name in session.exec(query if chunk is None else query.where(CustomerAlias.customer_id.in_(chunk))):
            found[owner].append(name)
    return found


def _record(customer_id: int, given: str, family: str, street: str, phones: list[str] | None,
            born: date | None, aliases: tuple[str, ...]) -> LookupRecord:
    """The one place a customer's columns become what the lookup engine indexes."""
    name = " ".join(part for part in (given, family) if part)
    return LookupRecord(customer_id, name, street, " ; ".join(phones or []), born, aliases)
