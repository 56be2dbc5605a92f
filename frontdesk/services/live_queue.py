"""The live queue: everything at the desk that is waiting right now, oldest first, for the supervisor's day view.

Callbacks, messages and missed calls wait against the desk's response limit; open calls and visits
run with an owner; escalations wait for a manager; promises are overdue or about to be. Each item
says since when it has waited and when it turns late, so a screen can redraw ages with the clock
alone and read the database again only when the change feed says something moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import or_
from sqlmodel import Session, select

from frontdesk.clock.now import to_local
from frontdesk.db.models import Channel, Customer, Interaction, Promise, PromiseKind, PromiseStatus
from frontdesk.services.agents import agent_names
from frontdesk.services.callbacks import MISSED_CALL
from frontdesk.services.customers import full_name
from frontdesk.services.phones import masked_numbers, shown_phone
from frontdesk.services.promise_conflicts import SeenPromise

DUE_SOON = timedelta(hours=1)
"""Promises due within this long are in the queue before they fall overdue."""
UNKNOWN_CALLER = "Unknown caller"


class Waiting(StrEnum):
    """What kind of thing waits, in the desk's words (the queue's first column)."""

    MISSED_CALL = "missed call"
    MESSAGE = "message"
    CALLBACK = "callback"
    CALL = "call"
    VISIT = "visit"
    CONTACT = "contact"
    """An email or chat still open."""
    ESCALATION = "escalation"
    PROMISE = "promise"


@dataclass(frozen=True)
class QueueItem:
    """One thing waiting, as plain data: enough to draw its row, redraw its age, and act on it."""

    kind: Waiting
    since: datetime
    """When the waiting began (in local time): asked, started, escalated, or (promises) when it fell due."""
    who: str
    about: str
    """What it is about: the message, the call's reason, the customer's reason for wanting a manager."""
    owner_id: int
    owner: str
    late_at: datetime | None
    """When it turns red: a request at the response limit, a promise at its due time; None for calls in progress."""
    customer_id: int | None = None
    interaction_id: int | None = None
    promise_id: int | None = None
    promise_version: int | None = None
    due_at: datetime | None = None

    @property
    def key(self) -> tuple[str, int]:
        """Stays the same across reloads, so the cursor stays on the item it was on."""
        return ("promise", self.promise_id) if self.promise_id is not None else ("interaction", self.interaction_id or 0)

    def age(self, now: datetime) -> timedelta:
        return now - self.since

    def is_late(self, now: datetime) -> bool:
        return self.late_at is not None and now > self.late_at

    @property
    def is_promise(self) -> bool:
        """Callbacks, messages, missed calls and promises: reassigned to another owner."""
        return self.promise_id is not None

    @property
    def is_call(self) -> bool:
        """Calls, visits, contacts and escalations: a supervisor takes them over."""
        return self.promise_id is None and self.interaction_id is not None

    def seen(self) -> SeenPromise:
        """The promise as the queue showed it, so a reassignment never overwrites another desk's change unseen."""
        if self.promise_id is None or self.promise_version is None or self.due_at is None:
            raise ValueError("Only callbacks and promises are reassigned.")
        return SeenPromise(self.promise_id, self.promise_version, self.due_at, self.owner_id, self.owner)


def live_queue(session: Session, now: datetime, response_limit: timedelta, regions: tuple[str, ...] = ()) -> list[QueueItem]:
    """Oldest first. Three statements however long the queue is: the owners, the open promises, the open contacts.

    Only the columns shown are read, as plain rows: a desk with thousands of open promises builds no ORM objects.
    """
    owners = agent_names(session)
    items = [*_waiting_promises(session, now, response_limit, owners, regions), *_open_contacts(session, owners)]
    return sorted(items, key=lambda item: (item.since, item.key))


def _waiting_promises(session: Session, now: datetime, response_limit: timedelta, owners: dict[int, str],
                      regions: tuple[str, ...]) -> list[QueueItem]:
    """Every open callback, and the other promises overdue or due within the hour, with their customers' names
    (a caller without a record by the words taken down, numbers in them shown by their last four digits)."""
    query = (
        select(Promise.id, Promise.version, Promise.kind, Promise.what, Promise.details, Promise.contact,
               Promise.created_at, Promise.due_at, Promise.owner_id, Promise.customer_id, Promise.interaction_id,
               Customer.given_name, Customer.family_name)
        .outerjoin(Customer, Customer.id == Promise.customer_id)
        .where(Promise.status == PromiseStatus.OPEN,
               or_(Promise.kind == PromiseKind.CALLBACK, Promise.due_at <= now + DUE_SOON))
    )
    items = []
    for row in session.exec(query):
        callback, asked, due = row.kind == PromiseKind.CALLBACK, to_local(row.created_at), to_local(row.due_at)
        items.append(QueueItem(
            kind=_callback_kind(row.details, row.what) if callback else Waiting.PROMISE,
            since=asked if callback else due,
            who=full_name(row) if row.customer_id is not None else masked_numbers(row.contact, regions, shown_phone) or UNKNOWN_CALLER,
            about=row.details or row.what, owner_id=row.owner_id, owner=owners.get(row.owner_id, "?"),
            late_at=asked + response_limit if callback else due,
            customer_id=row.customer_id, interaction_id=row.interaction_id,
            promise_id=row.id, promise_version=row.version, due_at=due,
        ))
    return items


def _callback_kind(details: str, what: str) -> Waiting:
    if details:
        return Waiting.MESSAGE
    return Waiting.MISSED_CALL if what == MISSED_CALL else Waiting.CALLBACK


def _open_contacts(session: Session, owners: dict[int, str]) -> list[QueueItem]:
    """Calls and visits in progress; an escalated one is listed as the escalation, with the customer's reason."""
    query = (
        select(Interaction.id, Interaction.channel, Interaction.reason, Interaction.started_at, Interaction.escalated_at,
               Interaction.escalation_reason, Interaction.owner_id, Interaction.customer_id,
               Customer.given_name, Customer.family_name)
        .outerjoin(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.ended_at == None)  # noqa: E711  (SQL comparison)
    )
    items = []
    for row in session.exec(query):
        escalated = row.escalated_at is not None
        items.append(QueueItem(
            kind=Waiting.ESCALATION if escalated else _contact_kind(row.channel),
            since=to_local(row.escalated_at if escalated else row.started_at),
            who=full_name(row) if row.customer_id is not None else UNKNOWN_CALLER,
            about=row.escalation_reason if escalated else row.reason,
            owner_id=row.owner_id, owner=owners.get(row.owner_id, "?"), late_at=None,
            customer_id=row.customer_id, interaction_id=row.id,
        ))
    return items


def _contact_kind(channel: str) -> Waiting:
    return {Channel.PHONE: Waiting.CALL, Channel.WALK_IN: Waiting.VISIT}.get(channel, Waiting.CONTACT)
