"""Promises made to customers: made only when they can be kept, kept or made good, moved only with the customer told."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlmodel import Session, select

from frontdesk.clock.dates import clock_words, date_words
from frontdesk.clock.now import local_now, to_local, utcnow
from frontdesk.db.models import Agent, Interaction, Promise, PromiseChange, PromiseKind, PromiseStatus
from frontdesk.clock.hours import as_utc, at_local
from frontdesk.services import audit
from frontdesk.services.customers import require_live_customer
from frontdesk.services.guards import require_supervisor
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.locks import lock_row
from frontdesk.services.promise_checks import PromiseCheck, check_promise, owner_problem, stored_utc
from frontdesk.services.promise_conflicts import SeenPromise, commit_unless_changed, require_unchanged
from frontdesk.services.validation import ValidationError, clean_line, clean_text

TELL_BY = ("phone", "email", "text message", "in person", "")
"""How the customer hears the promise was kept; empty when not decided."""


class PromiseNeedsConfirmation(ValidationError):
    """The promise may not be keepable; the agent sees why, and the alternatives, before confirming."""

    def __init__(self, check: PromiseCheck) -> None:
        super().__init__("due_at", " ".join(check.warnings))
        self.check = check


def make_promise(
    session: Session, agent_id: int, customer_id: int, what: str, due_at: datetime,
    *, owner_id: int | None = None, interaction_id: int | None = None, tell_by: str = "",
    kind: str = PromiseKind.PROMISE, rules: DeskRules | None = None, confirmed: bool = False,
) -> Promise:
    """With rules, checked first (row 8: promise only what you can deliver); without, for internal callers."""
    what = clean_line(what, field="what", label="What was promised", max_length=1000, required=True)
    if customer_id is None:
        raise ValidationError("customer", "A promise needs the customer it is made to.")
    require_live_customer(session, customer_id)
    if tell_by not in TELL_BY:
        raise ValidationError("tell_by", f"Unknown way to tell the customer {tell_by!r}; choose {', '.join(TELL_BY[:-1])}.")
    if kind not in set(PromiseKind):
        raise ValidationError("kind", f"Unknown kind of promise {kind!r}; choose {', '.join(PromiseKind)}.")
    owner_id = owner_id or agent_id
    warned = _enforce(session, rules, owner_id, due_at, None, confirmed)
    promise = Promise(
        customer_id=customer_id, interaction_id=interaction_id, what=what, due_at=as_utc(due_at), kind=kind,
        tell_by=tell_by, owner_id=owner_id, created_by_id=agent_id,
    )
    return audit.created(session, promise, agent_id, "promise", f"kind={kind} owner={owner_id}{warned}")


def _enforce(session: Session, rules: DeskRules | None, owner_id: int, due_at: datetime,
             ignore_promise_id: int | None, confirmed: bool) -> str:
    """Raises for refusals, and for warnings not yet confirmed; returns confirmed warnings for the audit trail."""
    if rules is None:
        return ""
    lock_row(session, Agent, owner_id)  # a colleague promising in the same owner's name counts after us, not beside us
    check = check_promise(session, rules, owner_id, due_at, ignore_promise_id=ignore_promise_id)
    if check.refused:
        raise ValidationError(check.refused_field, " ".join(check.refused))
    if check.warnings and not confirmed:
        raise PromiseNeedsConfirmation(check)
    return f"; confirmed despite: {' '.join(check.warnings)}" if check.warnings else ""


def is_overdue(promise: Promise) -> bool:
    return promise.status == PromiseStatus.OPEN and to_local(promise.due_at) < utcnow()


def is_due_today(promise: Promise) -> bool:
    return promise.status == PromiseStatus.OPEN and not is_overdue(promise) and to_local(promise.due_at).date() == local_now().date()


def _open_promise(session: Session, promise_id: int, *, lock: bool = True) -> Promise:
    """Locked and read afresh before a change: of two terminals closing one promise, the second hears who won."""
    promise = lock_row(session, Promise, promise_id) if lock else session.get(Promise, promise_id)
    if promise is not None and promise.status == PromiseStatus.KEPT:
        who = audit.done_by(session, "promise", promise_id, "kept", "kept-late")
        raise ValidationError("promise", f"That promise is no longer open: it was already kept by {who}.")
    if promise is None or promise.status != PromiseStatus.OPEN:
        raise ValidationError("promise", "That promise is no longer open.")
    return promise


def _current(session: Session, promise_id: int, seen: SeenPromise | None, *, lock: bool = True) -> Promise:
    """The open promise; with `seen`, only as the agent saw it: a change made since at another desk is a conflict.

    The row is locked before it is compared, so no desk can change it between this check and the write.
    """
    if seen is not None:
        require_unchanged(session, lock_row(session, Promise, promise_id) if lock else session.get(Promise, promise_id), seen)
    return _open_promise(session, promise_id, lock=lock)


def moved_after_deadline(session: Session, promise_ids: Iterable[int]) -> set[int]:
    """The promises whose customer heard of a new time only after the old one had passed."""
    query = select(PromiseChange.promise_id).where(
        PromiseChange.promise_id.in_(list(promise_ids)), PromiseChange.told_before_deadline == False  # noqa: E712
    )
    return set(session.exec(query))


def slipped(session: Session, promise: Promise) -> bool:
    """Late now, or moved only after its deadline had passed: either way the customer is owed a sorry."""
    return is_overdue(promise) or promise.id in moved_after_deadline(session, [promise.id])


def needs_apology(session: Session, promise_id: int, *, seen: SeenPromise | None = None) -> bool:
    return slipped(session, _current(session, promise_id, seen, lock=False))


def keep_promise(session: Session, promise_id: int, agent_id: int, note: str = "", *, seen: SeenPromise | None = None) -> Promise:
    """Kept on time; a late promise is closed with close_late, so the apology is never skipped."""
    promise = _current(session, promise_id, seen)
    if slipped(session, promise):
        due = to_local(promise.due_at)
        raise ValidationError(
            "apology", f"This promise is late (it was due {date_words(due.date(), year=False)} at {clock_words(due)}): "
                       "record the apology to the customer and how the desk made good.",
        )
    return _close(session, promise, agent_id, "kept", _closing_note(note), seen)


def close_late(session: Session, promise_id: int, agent_id: int, *, apology: str, make_good: str, note: str = "",
               seen: SeenPromise | None = None) -> Promise:
    """Row 8: a late promise is closed only with the sorry said and the make-good done."""
    promise = _current(session, promise_id, seen)
    if not slipped(session, promise):
        raise ValidationError("promise", "This promise is not late; mark it kept.")
    if not apology.strip():
        raise ValidationError("apology", "Write down the apology the customer heard.")
    if not make_good.strip():
        raise ValidationError("make_good", "Write down how the desk made good (a faster fix, a gesture, a discount).")
    apology = clean_text(apology, field="apology", label="The apology", max_length=5000)
    make_good = clean_text(make_good, field="make_good", label="The make-good", max_length=5000)
    note = _closing_note(note)
    promise.apology, promise.make_good, promise.kept_late = apology, make_good, True
    return _close(session, promise, agent_id, "kept-late", note, seen)


def _closing_note(note: str) -> str:
    return clean_text(note, field="note", label="The closing note", max_length=20_000)


def _close(session: Session, promise: Promise, agent_id: int, action: str, note: str, seen: SeenPromise | None) -> Promise:
    """Every input is checked before this, so a refused close never leaves a half-changed promise in the session."""
    promise.closing_note = note
    promise.status, promise.closed_at = PromiseStatus.KEPT, utcnow()
    audit.record(session, agent_id, action, "promise", promise.id)
    commit_unless_changed(session, promise.id, seen)
    return promise


def renegotiate(session: Session, promise_id: int, agent_id: int, new_due_at: datetime, *, customer_told: bool,
                note: str = "", rules: DeskRules | None = None, confirmed: bool = False,
                seen: SeenPromise | None = None) -> PromiseChange:
    """A new time counts only once the customer has heard it; the history says whether they heard in time."""
    promise = _current(session, promise_id, seen)
    if not customer_told:
        raise ValidationError("customer_told", "Tell the customer first: a new time only counts once they have heard it.")
    old, new, now = stored_utc(promise.due_at), as_utc(new_due_at), utcnow()
    if new == old:
        raise ValidationError("due_at", "That is the time already promised; choose the new time.")
    warned = _enforce(session, rules, promise.owner_id, new, promise.id, confirmed)
    change = PromiseChange(
        promise_id=promise.id, agent_id=agent_id, at=now, old_due_at=old, new_due_at=new, customer_told=True,
        told_before_deadline=now <= old, note=clean_line(note, field="note", label="The note", max_length=1000),
    )
    promise.due_at = new
    session.add(change)
    timing = "before" if change.told_before_deadline else "after"
    audit.record(session, agent_id, "renegotiate", "promise", promise.id,
                 f"{old.isoformat()} -> {new.isoformat()}, customer told {timing} the deadline{warned}")
    commit_unless_changed(session, promise.id, seen)
    return change


def promise_history(session: Session, promise_id: int) -> list[PromiseChange]:
    """Oldest first: the story of a promise as the customer lived it."""
    query = select(PromiseChange).where(PromiseChange.promise_id == promise_id)
    return list(session.exec(query.order_by(PromiseChange.at, PromiseChange.id)))


def reassign_promise(session: Session, promise_id: int, agent_id: int, new_owner_id: int,
                     *, seen: SeenPromise | None = None) -> Promise:
    """Moves an open promise to a colleague at the desk, so it is not lost with someone who left.

    An owner may hand on their own promise; anyone else's takes a supervisor.
    """
    promise = _current(session, promise_id, seen)
    if promise.owner_id != agent_id:
        require_supervisor(session, agent_id, "reassign_promise")
    if problem := owner_problem(session, new_owner_id):
        raise ValidationError("owner", problem)
    if new_owner_id == promise.owner_id:
        raise ValidationError("owner", f"{session.get(Agent, new_owner_id).name} already owns this promise.")
    audit.record(session, agent_id, "reassign", "promise", promise.id, f"owner {promise.owner_id} -> {new_owner_id}")
    promise.owner_id = new_owner_id
    commit_unless_changed(session, promise.id, seen)
    return promise


def orphaned_promises(session: Session) -> list[Promise]:
    """Open promises whose owner has left the desk: nobody will keep them until they are reassigned."""
    query = (
        select(Promise).join(Agent, Agent.id == Promise.owner_id)
        .where(Promise.status == PromiseStatus.OPEN, Agent.active == False)  # noqa: E712  (SQL comparison)
        .order_by(Promise.due_at, Promise.id)
    )
    return list(session.exec(query))


def follow_up_due(rules: DeskRules, resolved_at: datetime) -> datetime:
    """Working days later at the same clock time, or the next opening after it: Thursday 15:00 + 2 is Monday 15:00."""
    hours = rules.opening_hours
    if not any(hours.week):
        raise ValidationError("opening_hours", "The desk has no opening hours, so no follow-up can be scheduled.")
    local = as_utc(resolved_at).astimezone(hours.tz)
    day, counted = local.date(), 0
    while counted < rules.follow_up_after_working_days:
        day += timedelta(days=1)
        counted += bool(hours.week[day.weekday()]) and day not in hours.holidays
    return hours.next_open(at_local(day, local.time(), hours.tz))


def make_follow_up(session: Session, agent_id: int, interaction_id: int, rules: DeskRules, *, what: str = "") -> Promise:
    """Row 11: a resolved case gets a call to ask how it went; asking twice for one case is not service.

    `what` says what the follow-up is for when it is not that question (a case that needs more work).
    """
    interaction = lock_row(session, Interaction, interaction_id)  # so a second terminal asking at once finds ours
    if interaction is None:
        raise ValidationError("interaction", "That interaction no longer exists.")
    if interaction.customer_id is None:
        raise ValidationError("customer", "Link the caller to a customer record first: a follow-up needs someone to ask.")
    existing = session.exec(select(Promise).where(
        Promise.interaction_id == interaction_id, Promise.kind == PromiseKind.FOLLOW_UP,
        Promise.status == PromiseStatus.OPEN,
    )).first()
    if existing is not None:
        return existing
    reason = interaction.reason or interaction.category or "their last contact"
    return make_promise(session, agent_id, interaction.customer_id, what or f"Ask how it went after: {reason}",
                        follow_up_due(rules, utcnow()), interaction_id=interaction_id, kind=PromiseKind.FOLLOW_UP)
