"""Promises made to customers: what is due, what is overdue, and who owns it."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from frontdesk.clock import local_now, to_local, utcnow
from frontdesk.db.models import Promise, PromiseStatus
from frontdesk.services import audit
from frontdesk.services.validation import clean_line


def make_promise(
    session: Session, agent_id: int, customer_id: int, what: str, due_at: datetime,
    *, owner_id: int | None = None, interaction_id: int | None = None,
) -> Promise:
    what = clean_line(what, field="what", label="What was promised", max_length=1000, required=True)
    promise = Promise(
        customer_id=customer_id, interaction_id=interaction_id, what=what, due_at=due_at,
        owner_id=owner_id or agent_id, created_by_id=agent_id,
    )
    return audit.created(session, promise, agent_id, "promise")


def open_promises(session: Session, *, owner_id: int | None = None, customer_id: int | None = None) -> list[Promise]:
    """Soonest due first, so overdue ones lead."""
    query = select(Promise).where(Promise.status == PromiseStatus.OPEN)
    if owner_id is not None:
        query = query.where(Promise.owner_id == owner_id)
    if customer_id is not None:
        query = query.where(Promise.customer_id == customer_id)
    return list(session.exec(query.order_by(Promise.due_at, Promise.id)))


def is_overdue(promise: Promise) -> bool:
    return promise.status == PromiseStatus.OPEN and to_local(promise.due_at) < utcnow()


def is_due_today(promise: Promise) -> bool:
    return promise.status == PromiseStatus.OPEN and not is_overdue(promise) and to_local(promise.due_at).date() == local_now().date()
