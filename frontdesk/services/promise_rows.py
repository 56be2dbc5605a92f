"""Promises joined with the names people need to read them: customer and owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from frontdesk.db.models import Customer, Promise
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import full_name
from frontdesk.services.promises import is_due_today, is_overdue, open_promises


@dataclass(frozen=True)
class PromiseRow:
    promise_id: int
    customer_id: int | None
    customer_name: str
    kind: str
    what: str
    due_at: datetime
    owner: str
    overdue: bool
    due_today: bool


def open_promise_rows(session: Session, *, owner_id: int | None = None, customer_id: int | None = None) -> list[PromiseRow]:
    owners = agent_names(session)
    rows = []
    for promise in open_promises(session, owner_id=owner_id, customer_id=customer_id):
        customer = session.get(Customer, promise.customer_id) if promise.customer_id else None
        who = full_name(customer) if customer else (promise.contact or "Unknown caller")
        rows.append(_row(promise, who, owners.get(promise.owner_id, "?")))
    return rows


def _row(promise: Promise, customer_name: str, owner: str) -> PromiseRow:
    return PromiseRow(
        promise_id=promise.id, customer_id=promise.customer_id, customer_name=customer_name, kind=promise.kind,
        what=promise.what,
        due_at=promise.due_at, owner=owner, overdue=is_overdue(promise), due_today=is_due_today(promise),
    )
