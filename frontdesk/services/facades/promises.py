"""The promise book: everything the Promises section, the promise dialogs and the reminders ask of the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.db.models import Role
from frontdesk.services.agents import Colleague, colleagues
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.goodwill import GoodwillRequest, add_goodwill
from frontdesk.services.promise_conflicts import SeenPromise
from frontdesk.services.promise_rows import PromiseRow, due_reminders, promise_rows
from frontdesk.services.promises import (
    close_late, keep_promise, make_promise, needs_apology, orphaned_promises, reassign_promise, renegotiate,
)


@dataclass(frozen=True)
class PromiseListing:
    rows: tuple[PromiseRow, ...]
    orphans: int
    """Open promises whose owner has left the desk; counted for supervisors, who reassign them."""


@dataclass(frozen=True)
class DueNow:
    """The signed-in agent's promises to act on now: for the reminders and the header counts."""

    soon: tuple[PromiseRow, ...]
    overdue: tuple[PromiseRow, ...]


@dataclass(frozen=True)
class PromiseDraft:
    """A promise as typed in the form, before the desk has checked it can be kept."""

    customer_id: int
    what: str
    due_at: datetime
    owner_id: int
    tell_by: str = ""
    interaction_id: int | None = None


@dataclass(frozen=True)
class NewPromise:
    promise_id: int
    what: str
    due_at: datetime


class PromiseBook:
    """Each call opens its own short session; results are frozen data, never database rows."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def listing(self, *, everyone: bool, due: str | None) -> PromiseListing:
        """The agent's open promises (or, for a supervisor who asks, everyone's): a constant number of statements."""
        agent = self.desk.agent
        with self.desk.reading() as session:
            rows = promise_rows(session, owner_id=None if everyone else agent.id, due=due)
            orphans = len(orphaned_promises(session)) if agent.role == Role.SUPERVISOR else 0
        return PromiseListing(tuple(rows), orphans)

    def due_now(self) -> DueNow:
        with self.desk.reading() as session:
            soon, overdue = due_reminders(session, self.desk.agent_id)
        return DueNow(tuple(soon), tuple(overdue))

    def owners(self) -> tuple[Colleague, ...]:
        """Who can keep a promise: the people at the desk now."""
        with self.desk.reading() as session:
            return tuple(colleagues(session))

    def make(self, draft: PromiseDraft, *, confirmed: bool) -> NewPromise:
        """Checked against the desk's rules as they stand now; warnings need `confirmed` (PromiseNeedsConfirmation)."""
        with self.desk.session() as session:
            promise = make_promise(
                session, self.desk.agent_id, draft.customer_id, draft.what, draft.due_at, owner_id=draft.owner_id,
                interaction_id=draft.interaction_id, tell_by=draft.tell_by, rules=load_rules(session), confirmed=confirmed,
            )
            return NewPromise(promise.id, promise.what, promise.due_at)

    def is_late(self, seen: SeenPromise) -> bool:
        """Whether closing it needs the apology, now rather than as listed; a promise closed elsewhere is a conflict."""
        with self.desk.reading() as session:
            return needs_apology(session, seen.promise_id, seen=seen)

    def keep(self, seen: SeenPromise, note: str) -> None:
        with self.desk.session() as session:
            keep_promise(session, seen.promise_id, self.desk.agent_id, note, seen=seen)

    def close_late(self, seen: SeenPromise, *, apology: str, make_good: str, note: str,
                   goodwill: GoodwillRequest | None = None, customer_id: int | None = None) -> None:
        """The goodwill drawn for the make-good is stored in the same commit as the close, or neither is."""
        with self.desk.session() as session:
            if goodwill is not None:
                add_goodwill(session, self.desk.agent_id, load_rules(session), goodwill,
                             customer_id=customer_id, promise_id=seen.promise_id)
            close_late(session, seen.promise_id, self.desk.agent_id, apology=apology, make_good=make_good, note=note, seen=seen)

    def move(self, seen: SeenPromise, new_due_at: datetime, *, customer_told: bool, note: str, confirmed: bool) -> None:
        with self.desk.session() as session:
            renegotiate(session, seen.promise_id, self.desk.agent_id, new_due_at, customer_told=customer_told, note=note,
                        rules=load_rules(session), confirmed=confirmed, seen=seen)

    def reassign(self, seen: SeenPromise, owner_id: int) -> None:
        with self.desk.session() as session:
            reassign_promise(session, seen.promise_id, self.desk.agent_id, owner_id, seen=seen)
