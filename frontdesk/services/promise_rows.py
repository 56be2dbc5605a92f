"""Promises joined with the names people need to read them (customer, owner) and their history, in two queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from frontdesk.clock.dates import typed_date
from frontdesk.clock.now import utcnow
from frontdesk.db.models import Agent, Customer, Promise, PromiseChange, PromiseStatus
from frontdesk.services.customers import full_name
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.phones import masked_numbers, masked_phone
from frontdesk.services.promise_checks import stored_utc
from frontdesk.services.promise_conflicts import SeenPromise
from frontdesk.services.promises import is_due_today, is_overdue
from frontdesk.services.validation import ValidationError

DUE_FILTERS = ("today", "overdue", "week")
REMINDER_WINDOW = timedelta(hours=1)
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class PromiseMove:
    """One renegotiated due time, as the promise's history shows it."""

    at: datetime
    old_due_at: datetime
    new_due_at: datetime
    told_before_deadline: bool
    note: str = ""


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
    moves: tuple[PromiseMove, ...] = ()
    """Every renegotiated due time, oldest first."""
    owner_active: bool = True
    """False when the owner has left the desk: the promise is waiting to be reassigned."""
    needs_apology: bool = False
    """Overdue, or moved after its deadline: closing it asks for the apology and the make-good."""
    owner_id: int = 0
    customer_told_apart: str = ""
    """What tells this customer from another of the same name, as the lookup's rows show it: the street, else
    the phone by its last four digits, else the birth date; "" for a caller without a record."""
    version: int = 1
    """The promise's version when this row was read: a save from this row is refused if it changed since."""

    @property
    def changes(self) -> int:
        """How often the due time was renegotiated: a promise moved again and again is one the desk cannot keep."""
        return len(self.moves)

    @property
    def seen(self) -> SeenPromise:
        """What a save from this row checks against, so another desk's change is never silently overwritten."""
        return SeenPromise(self.promise_id, self.version, self.due_at, self.owner_id, self.owner)


def open_promise_rows(session: Session, *, owner_id: int | None = None, customer_id: int | None = None) -> list[PromiseRow]:
    """Soonest due first, so overdue ones lead; two statements however many rows there are (a third, the desk's
    phone regions, when a caller without a record is among them: their numbers are shown by the last four digits)."""
    conditions = [Promise.status == PromiseStatus.OPEN]
    if owner_id is not None:
        conditions.append(Promise.owner_id == owner_id)
    if customer_id is not None:
        conditions.append(Promise.customer_id == customer_id)
    query = (
        select(Promise, Customer, Agent)
        .outerjoin(Customer, Customer.id == Promise.customer_id)
        .outerjoin(Agent, Agent.id == Promise.owner_id)
        .where(*conditions).order_by(Promise.due_at, Promise.id)
    )
    found = session.exec(query).all()
    moves = _moves(session, conditions) if found else {}
    unknown = any(customer is None and promise.contact for promise, customer, _owner in found)
    regions = load_rules(session).phone_regions if unknown else ()
    return [_row(promise, customer, owner, moves.get(promise.id, ()), regions) for promise, customer, owner in found]


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


def _moves(session: Session, conditions: list) -> dict[int, tuple[PromiseMove, ...]]:
    """The history of every promise the conditions select, in one query joined to those promises."""
    query = (
        select(PromiseChange).join(Promise, Promise.id == PromiseChange.promise_id)
        .where(*conditions).order_by(PromiseChange.at, PromiseChange.id)
    )
    moves: dict[int, list[PromiseMove]] = defaultdict(list)
    for change in session.exec(query):
        moves[change.promise_id].append(PromiseMove(
            at=change.at, old_due_at=change.old_due_at, new_due_at=change.new_due_at,
            told_before_deadline=change.told_before_deadline, note=change.note,
        ))
    return {promise_id: tuple(history) for promise_id, history in moves.items()}


def _row(promise: Promise, customer: Customer | None, owner: Agent | None, moves: tuple[PromiseMove, ...],
         regions: tuple[str, ...]) -> PromiseRow:
    overdue = is_overdue(promise)
    return PromiseRow(
        promise_id=promise.id, customer_id=promise.customer_id,
        customer_name=full_name(customer) if customer else (masked_numbers(promise.contact, regions) or "Unknown caller"),
        kind=promise.kind, what=promise.what, due_at=promise.due_at, owner=owner.name if owner else "?",
        overdue=overdue, due_today=is_due_today(promise), tell_by=promise.tell_by, moves=moves,
        owner_active=owner is not None and owner.active,
        needs_apology=overdue or any(not move.told_before_deadline for move in moves),
        owner_id=promise.owner_id, version=promise.version, customer_told_apart=_told_apart(customer),
    )


def _told_apart(customer: Customer | None) -> str:
    if customer is None:
        return ""
    if customer.street:
        return customer.street
    if customer.phones:
        return f"phone {masked_phone(customer.phones[0])}"
    return f"born {typed_date(customer.birth_date)}" if customer.birth_date else ""


def due_reminders(session: Session, owner_id: int) -> tuple[list[PromiseRow], list[PromiseRow]]:
    """(due within the next hour, overdue): what the owner must act on now, before the customer has to chase."""
    soon = utcnow() + REMINDER_WINDOW
    rows = promise_rows(session, owner_id=owner_id)
    return [row for row in rows if not row.overdue and stored_utc(row.due_at) <= soon], [row for row in rows if row.overdue]
