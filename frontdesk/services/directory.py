"""The lookup index kept in step with the customer table: built once, then followed record by record."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from sqlmodel import Session, select

from frontdesk.db.models import Customer, CustomerAlias
from frontdesk.lookup import CustomerIndex, LookupRecord, Match


class CustomerDirectory:
    """What the Greeting section, the CLI and imports search; thread-safe through CustomerIndex."""

    def __init__(self) -> None:
        self.index = CustomerIndex(())
        self.ready = threading.Event()

    def load(self, session: Session, progress: Callable[[int, int], None] | None = None) -> None:
        """Reads every live customer as plain columns (no ORM objects: a million of them would crawl).

        `progress(done, total)` lets a screen show how far the build is.
        """
        aliases = _aliases(session)
        columns = (Customer.id, Customer.given_name, Customer.family_name, Customer.street, Customer.phones, Customer.birth_date)
        rows = session.exec(select(*columns).where(Customer.merged_into_id == None)).all()  # noqa: E711
        records = (_record(*row, tuple(aliases.get(row[0], ()))) for row in rows)
        report = None if progress is None else (lambda done: progress(done, len(rows)))
        self.index = CustomerIndex.build(records, progress=report)
        if progress is not None:
            progress(len(rows), len(rows))
        self.ready.set()

    def follow(self, session: Session, customer_id: int) -> None:
        """After a create, edit or merge: the index shows the change at once."""
        customer = session.get(Customer, customer_id)
        if customer is None or customer.merged_into_id is not None:
            self.index.remove(customer_id)
            return
        self.index.add(lookup_record(customer, tuple(_aliases(session, customer_id).get(customer_id, ()))))

    def search(self, query: str, limit: int = 10) -> list[Match]:
        return self.index.search(query, limit=limit)

    def __len__(self) -> int:
        return len(self.index)


def lookup_record(customer: Customer, aliases: tuple[str, ...] | list[str] = ()) -> LookupRecord:
    return _record(customer.id, customer.given_name, customer.family_name, customer.street, customer.phones,
                   customer.birth_date, tuple(aliases))


def _aliases(session: Session, customer_id: int | None = None) -> dict[int, list[str]]:
    query = select(CustomerAlias.customer_id, CustomerAlias.name).order_by(CustomerAlias.id)
    if customer_id is not None:
        query = query.where(CustomerAlias.customer_id == customer_id)
    found: dict[int, list[str]] = defaultdict(list)
    for owner, name in session.exec(query):
        found[owner].append(name)
    return found


def _record(customer_id: int, given: str, family: str, street: str, phones: list[str] | None,
            born: date | None, aliases: tuple[str, ...]) -> LookupRecord:
    """The one place a customer's columns become what the lookup engine indexes."""
    name = " ".join(part for part in (given, family) if part)
    return LookupRecord(customer_id, name, street, " ; ".join(phones or []), born, aliases)
