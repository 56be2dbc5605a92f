"""No silent overwrite of a promise: a save checks the promise is still as the agent saw it, and says what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from frontdesk.clock.dates import moment_words
from frontdesk.clock.when import short
from frontdesk.db.models import Agent, AuditEvent, Promise, PromiseStatus
from frontdesk.services.errors import EditConflict
from frontdesk.services.promise_checks import stored_utc

CHANGED = "Another desk changed this promise after you opened it:"
CLOSED = "Another desk already closed this promise; it cannot be closed again."
MOVED, REASSIGNED, CLOSING = ("renegotiate",), ("reassign",), ("kept", "kept-late")
"""The audit actions that change a promise's due time, its owner, or close it: who did it, and when."""


@dataclass(frozen=True)
class SeenPromise:
    """A promise as a screen showed it: its version, and the fields a conflict is described by."""

    promise_id: int
    version: int
    due_at: datetime
    owner_id: int
    owner: str


class PromiseConflict(EditConflict):
    """The promise changed at another desk since it was shown.

    `current` is the promise as it stands now (None once it is closed): a dialog that keeps it can
    save the agent's edit again, on top of the other desk's change, once the agent has seen it.
    """

    def __init__(self, message: str, theirs: tuple[str, ...], current: SeenPromise | None) -> None:
        super().__init__("promise", message, theirs)
        self.current = current


def require_unchanged(session: Session, promise: Promise | None, seen: SeenPromise) -> None:
    """Raises PromiseConflict when the stored promise is no longer the version the agent saw."""
    if promise is None or promise.version != seen.version:
        raise conflict(session, promise, seen)


def commit_unless_changed(session: Session, promise_id: int, seen: SeenPromise | None) -> None:
    """Commits; another desk saving between this one's read and its write (StaleDataError) becomes a conflict."""
    try:
        session.commit()
    except StaleDataError:
        session.rollback()
        raise conflict(session, session.get(Promise, promise_id), seen) from None


def conflict(session: Session, promise: Promise | None, seen: SeenPromise | None) -> PromiseConflict:
    """What the other desk did, line by line ("Due: Thu 26 Nov 15:00 -> Fri 27 Nov 10:00 (Tom Baker, 14:02)")."""
    if promise is None:
        return PromiseConflict("That promise no longer exists.", (), None)
    done_by = _last_done_by(session, promise.id)
    if promise.status != PromiseStatus.OPEN:
        how = "Kept late" if promise.kept_late else ("Kept" if promise.status == PromiseStatus.KEPT else "Closed")
        who = done_by[CLOSING][0] if CLOSING in done_by else "another desk"
        when = f" at {short(promise.closed_at)}" if promise.closed_at else ""
        return PromiseConflict(CLOSED, (f"{how} by {who}{when}",), None)
    owner = session.get(Agent, promise.owner_id)
    current = SeenPromise(promise.id, promise.version, promise.due_at, promise.owner_id, owner.name if owner else "?")
    theirs = []
    if seen is not None and stored_utc(seen.due_at) != stored_utc(current.due_at):
        theirs.append(f"Due: {_moment(seen.due_at)} -> {_moment(current.due_at)}{_by(done_by.get(MOVED))}")
    if seen is not None and seen.owner_id != current.owner_id:
        theirs.append(f"Owner: {seen.owner} -> {current.owner}{_by(done_by.get(REASSIGNED))}")
    return PromiseConflict(CHANGED, tuple(theirs) or ("Changed at another desk.",), current)


def _last_done_by(session: Session, promise_id: int) -> dict[tuple[str, ...], tuple[str, datetime]]:
    """Who last moved, reassigned or closed the promise, and when: one query over its audit trail."""
    query = (
        select(AuditEvent.action, Agent.name, AuditEvent.at).join(Agent, Agent.id == AuditEvent.agent_id)
        .where(AuditEvent.entity == "promise", AuditEvent.entity_id == promise_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    done: dict[tuple[str, ...], tuple[str, datetime]] = {}
    for action, name, at in session.exec(query):
        for actions in (MOVED, REASSIGNED, CLOSING):
            if action in actions:
                done[actions] = (name, at)
    return done


def _moment(moment: datetime) -> str:
    return moment_words(moment)


def _by(done: tuple[str, datetime] | None) -> str:
    return f" ({done[0]}, {short(done[1])})" if done else ""
