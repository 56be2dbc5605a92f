"""Promises joined with the names people need to read them: customer and owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Customer, Promise, PromiseChange
from frontdesk.services.agents import list_agents
from frontdesk.services.customers import full_name
from frontdesk.services.promise_checks import stored_utc
from frontdesk.services.promises import is_due_today, is_overdue, moved_after_deadline, open_promises
from frontdesk.services.validation import ValidationError

DUE_FILTERS = ("today", "overdue", "week")
REMINDER_WINDOW = timedelta(hours=1)
WEEK = timedelta(days=7)


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
    tell_by: str = ""
    changes: int = 0
    """How often the due time was renegotiated: a promise moved again and again is one the desk cannot keep."""
    owner_active: bool = True
    """False when the owner has left the desk: the promise is waiting to be reassigned."""
    needs_apology: bool = False
    """Overdue, or moved after its deadline: closing it asks for the apology and the make-good."""


def open_promise_rows(session: Session, *, owner_id: int | None = None, customer_id: int | None = None) -> list[PromiseRow]:
    promises = open_promises(session, owner_id=owner_id, customer_id=customer_id)
    owners = {agent.id: agent for agent in list_agents(session, active_only=False)}
    changes = _change_counts(session, [promise.id for promise in promises])
    moved_late = moved_after_deadline(session, [promise.id for promise in promises])
    rows = []
    for promise in promises:
        customer = session.get(Customer, promise.customer_id) if promise.customer_id else None
        who = full_name(customer) if customer else (promise.contact or "Unknown caller")
        rows.append(_row(promise, who, owners.get(promise.owner_id), changes.get(promise.id, 0), promise.id in moved_late))
    return rows


def promise_rows(session: Session, *, owner_id: int | None = None, due: str | None = None) -> list[PromiseRow]:
    """Open promises, optionally only those due today (not yet late), overdue, or in the coming week (not late)."""
    if due is not None and due not in DUE_FILTERS:
        raise ValidationError("due", f"Unknown due filter {due!r}; choose {', '.join(DUE_FILTERS)}.")
    rows = open_promise_rows(session, owner_id=owner_id)
    week_end = utcnow() + WEEK
    wanted = {
        None: lambda row: True,
        "today": lambda row: row.due_today,
        "overdue": lambda row: row.overdue,
        "week": lambda row: not row.overdue and stored_utc(row.due_at) < week_end,
    }[due]
    return [row for row in rows if wanted(row)]


def _change_counts(session: Session, promise_ids: list[int]) -> dict[int, int]:
    query = (
        select(PromiseChange.promise_id, func.count())
        .where(PromiseChange.promise_id.in_(promise_ids))
        .group_by(PromiseChange.promise_id)
    )
    return dict(session.exec(query).all())


def _row(promise: Promise, customer_name: str, owner: Agent | None, changes: int, moved_late: bool) -> PromiseRow:
    return PromiseRow(
        promise_id=promise.id, customer_id=promise.customer_id, customer_name=customer_name, kind=promise.kind,
        what=promise.what, due_at=promise.due_at, owner=owner.name if owner else "?",
        overdue=is_overdue(promise), due_today=is_due_today(promise), tell_by=promise.tell_by, changes=changes, needs_apology=is_overdue(promise) or moved_late,
        owner_active=owner is not None and owner.active,
    )


def due_reminders(session: Session, owner_id: int) -> tuple[list[PromiseRow], list[PromiseRow]]:
    """(due within the next hour, overdue): what the owner must act on now, before the customer has to chase."""
    soon = utcnow() + REMINDER_WINDOW
    rows = promise_rows(session, owner_id=owner_id)
    return [row for row in rows if not row.overdue and stored_utc(row.due_at) <= soon], [row for row in rows if row.overdue]
