"""The lookup index kept in step with the customer table: built once, then followed record by record."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable

from sqlmodel import Session, select

from frontdesk.db.models import Customer, CustomerAlias
from frontdesk.lookup import CustomerIndex, LookupRecord, Match

LOAD_BATCH = 5_000
"""Rows read per round trip while building; also how often progress is reported."""


class CustomerDirectory:
    """What the Greeting section, the CLI and imports search; thread-safe through CustomerIndex."""

    def __init__(self) -> None:
        self.index = CustomerIndex(())
        self.ready = threading.Event()

    def load(self, session: Session, progress: Callable[[int, int], None] | None = None) -> None:
        """Reads every live customer; `progress(done, total)` lets a screen show how far it is."""
        aliases = _aliases(session)
        total = session.exec(select(Customer.id).where(Customer.merged_into_id == None)).all()  # noqa: E711
        index = CustomerIndex(())
        for start in range(0, len(total), LOAD_BATCH):
            batch = total[start : start + LOAD_BATCH]
            customers = session.exec(select(Customer).where(Customer.id.in_(batch))).all()
            for customer in customers:
                index.add(lookup_record(customer, aliases.get(customer.id, ())))
            if progress is not None:
                progress(min(start + LOAD_BATCH, len(total)), len(total))
        self.index = index
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
    return LookupRecord(
        customer_id=customer.id,
        name=" ".join(part for part in (customer.given_name, customer.family_name) if part),
        street=customer.street,
        phone=" ; ".join(customer.phones),
        birth_date=customer.birth_date,
        aliases=tuple(aliases),
    )


def _aliases(session: Session, customer_id: int | None = None) -> dict[int, list[str]]:
    query = select(CustomerAlias.customer_id, CustomerAlias.name).order_by(CustomerAlias.id)
    if customer_id is not None:
        query = query.where(CustomerAlias.customer_id == customer_id)
    found: dict[int, list[str]] = defaultdict(list)
    for owner, name in session.exec(query):
        found[owner].append(name)
    return found
