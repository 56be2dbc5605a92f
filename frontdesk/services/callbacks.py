"""Callbacks: missed calls and messages for absent colleagues, each owned and chased against the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Customer, Interaction, Promise, PromiseKind, PromiseStatus
from frontdesk.services import audit
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import full_name, require_live_customer
from frontdesk.services.desk_rules import DeskRules, load_rules
from frontdesk.services.interactions import start_interaction
from frontdesk.services.locks import lock_row
from frontdesk.services.phones import masked_numbers, shown_phone
from frontdesk.services.promise_checks import closed_problem
from frontdesk.services.validation import ValidationError, clean_line, clean_text


MISSED_CALL = "Return the missed call"
"""What a logged missed call asks of its owner; the live queue tells missed calls from messages by it."""
MESSAGE = "Call back with the message"
"""What a message taken for a colleague asks of them; the message itself is in `details`."""


@dataclass(frozen=True)
class WaitingRequest:
    """A callback not yet returned, with how long the customer has been waiting."""

    promise_id: int
    customer_id: int | None
    who: str
    what: str
    details: str
    owner: str
    due_at: datetime
    waited: timedelta
    over_limit: bool
    """Waited longer than the desk's response limit (24 hours unless configured)."""
    overdue: bool


def _callback(session: Session, agent_id: int, owner_id: int, customer_id: int | None, contact: str, what: str,
              details: str, due_at: datetime, asked_at: datetime, interaction_id: int | None) -> Promise:
    require_live_customer(session, customer_id)
    owner = session.get(Agent, owner_id)
    if owner is None or not owner.active:
        raise ValidationError("owner", "That colleague is not at the desk (unknown or inactive).")
    contact = clean_line(contact, field="contact", label="Who to call back", max_length=120)
    if customer_id is None and not contact:
        raise ValidationError("contact", "Say who to call back: a customer record, or a name and number.")
    promise = Promise(
        customer_id=customer_id, interaction_id=interaction_id, kind=PromiseKind.CALLBACK, what=what,
        details=clean_text(details, field="details", label="The message", max_length=20_000),
        contact=contact, due_at=due_at, owner_id=owner_id, created_by_id=agent_id, created_at=asked_at,
    )
    return audit.created(session, promise, agent_id, "promise", f"callback owner={owner_id}")


def take_message(session: Session, agent_id: int, for_agent_id: int, customer_id: int | None, contact: str,
                 message: str, due_at: datetime, interaction_id: int | None = None) -> Promise:
    """A message for an absent colleague becomes their callback, due when the customer was told: a time
    the desk is open, as for any promise, since nobody can call back while it is closed."""
    if not message.strip():
        raise ValidationError("details", "Write down the message for your colleague.")
    if due_at <= utcnow():
        raise ValidationError("due_at", "The callback time is already past; tell the customer a time still ahead.")
    closed = closed_problem(load_rules(session).opening_hours, due_at)
    if closed is not None:
        raise ValidationError("due_at", closed)
    return _callback(session, agent_id, for_agent_id, customer_id, contact, MESSAGE,
                     message, due_at, utcnow(), interaction_id)


def missed_call_due(rules: DeskRules, missed_at: datetime) -> datetime:
    """Counted in opening hours: a call missed at 16:30 on Friday is due on Monday morning."""
    return rules.opening_hours.add_working_time(missed_at, rules.callback_within)


def log_missed_call(session: Session, agent_id: int, customer_id: int | None, number: str,
                    missed_at: datetime, rules: DeskRules) -> Promise:
    if missed_at > utcnow() + timedelta(minutes=1):
        raise ValidationError("missed_at", "A missed call cannot be in the future.")
    return _callback(session, agent_id, agent_id, customer_id, number, MISSED_CALL, "",
                     missed_call_due(rules, missed_at), missed_at, None)


def waiting_requests(session: Session, rules: DeskRules, *, owner_id: int | None = None) -> list[WaitingRequest]:
    """Longest-waiting first: the customer who has waited most is the one to call now."""
    query = select(Promise).where(Promise.kind == PromiseKind.CALLBACK, Promise.status == PromiseStatus.OPEN)
    if owner_id is not None:
        query = query.where(Promise.owner_id == owner_id)
    owners, now = agent_names(session), utcnow()
    rows = []
    for promise in session.exec(query.order_by(Promise.created_at)):
        customer = session.get(Customer, promise.customer_id) if promise.customer_id else None
        waited = now - promise.created_at
        rows.append(WaitingRequest(
            promise_id=promise.id, customer_id=promise.customer_id,
            who=full_name(customer) if customer else masked_numbers(promise.contact, rules.phone_regions, shown_phone), what=promise.what, details=promise.details,
            owner=owners.get(promise.owner_id, "?"), due_at=promise.due_at, waited=waited,
            over_limit=waited > rules.response_limit, overdue=promise.due_at < now,
        ))
    return rows


def caller_contact(session: Session, promise_id: int, agent_id: int) -> str:
    """Who to call back, in full, as it was taken down: shown on request, and who asked is on the audit trail,
    as for a customer's full number on the card."""
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise ValidationError("promise", "That callback is no longer there.")
    audit.record(session, agent_id, "view-phone", "promise", promise_id)
    session.commit()
    return promise.contact


def call_back(session: Session, promise_id: int, agent_id: int) -> Interaction:
    """Returning the call starts the interaction and marks the callback kept."""
    promise = lock_row(session, Promise, promise_id)  # two terminals returning one call: the second hears who did
    if promise is not None and promise.status == PromiseStatus.KEPT:
        who = audit.done_by(session, "promise", promise_id, "kept", "kept-late")
        raise ValidationError("promise", f"That callback is no longer open: it was already returned by {who}.")
    if promise is None or promise.status != PromiseStatus.OPEN:
        raise ValidationError("promise", "That callback is no longer open.")
    promise.status, promise.closed_at = PromiseStatus.KEPT, utcnow()
    audit.record(session, agent_id, "kept", "promise", promise_id, "returned by calling back")
    return start_interaction(session, agent_id, promise.customer_id, reason=promise.what)  # one commit for both
