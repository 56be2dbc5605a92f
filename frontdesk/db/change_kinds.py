"""What a changed row means to the other terminals: its kind and action in the desk's words, and its ids.

Kinds: customer, note, interaction, promise, callback, rules, catalog, category, agent, goodwill,
presence, kudos. Rows that no other terminal shows are not in the feed: NoteDraft (private to its agent,
and saved every 0.4 s while typing), AuditEvent, CustomerAccess (the access log, read on request),
and DeskChange itself. A Terminal's heartbeat
(only `seen_at` moving) is not a change either; arriving, leaving and opening a customer are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from frontdesk.db.models import (
    Agent, Customer, CustomerAlias, DeskSetting, GoodwillGrant, Handoff, Interaction, Kudos, MoodChange, Note, NoteEdit,
    Promise, PromiseChange, PromiseKind, PromiseStatus, ReasonCategory, SolutionOffer, SolutionOption, Terminal,
)


@dataclass(frozen=True)
class Noted:
    """A change waiting for its transaction to commit (a DeskChange row without id, time and terminal)."""

    kind: str
    action: str = "changed"
    entity_id: int | None = None
    customer_id: int | None = None
    interaction_id: int | None = None


Describer = Callable[[Session, object, str], Iterator[Noted]]
"""(session, row, how) -> changes, where how is created, updated or deleted."""


def describe(session: Session, row: object, how: str) -> Iterator[Noted]:
    describer = _DESCRIBERS.get(type(row))
    if describer is None or (how == "updated" and not session.is_modified(row, include_collections=False)):
        return iter(())
    return describer(session, row, how)


def _changed(row: object, *names: str) -> bool:
    attributes = inspect(row).attrs
    return any(attributes[name].history.has_changes() for name in names)


def _before(row: object, name: str) -> object | None:
    """The value an attribute had before this flush."""
    history = inspect(row).attrs[name].history
    return history.deleted[0] if history.deleted else (history.unchanged[0] if history.unchanged else None)


def _loaded(session: Session, model: type, row_id: int | None) -> object | None:
    """The row if this session already holds it: an id for the feed is never worth a query mid-commit."""
    if row_id is None:
        return None
    return session.identity_map.get(inspect(model).identity_key_from_primary_key((row_id,)))


def _customer(_session: Session, row: Customer, how: str) -> Iterator[Noted]:
    action = how
    if how == "updated":
        action = next((said for said, name in (("merged", "merged_into_id"), ("erased", "erased_at"))
                       if getattr(row, name) is not None and _changed(row, name)), "edited")
    yield Noted("customer", action, row.id, row.id)


def _alias(_session: Session, row: CustomerAlias, _how: str) -> Iterator[Noted]:
    yield Noted("customer", "edited", row.customer_id, row.customer_id)


def _note(session: Session, row: Note, how: str) -> Iterator[Noted]:
    """With the call's customer when the session holds the call (adding a note checks it is still open), so that other
    screens showing that customer's past calls (a colleague's live call, a card) know to show the new note."""
    interaction = _loaded(session, Interaction, row.interaction_id)
    yield Noted("note", "edited" if how == "updated" else how, row.id, getattr(interaction, "customer_id", None),
                row.interaction_id)


def _note_edit(session: Session, row: NoteEdit, _how: str) -> Iterator[Noted]:
    note = _loaded(session, Note, row.note_id)
    interaction = _loaded(session, Interaction, getattr(note, "interaction_id", None))
    yield Noted("note", "edited", row.note_id, getattr(interaction, "customer_id", None), getattr(note, "interaction_id", None))


def _interaction(_session: Session, row: Interaction, how: str) -> Iterator[Noted]:
    action = how
    if how == "updated":
        action = next((said for said, name in (("wrapped-up", "ended_at"), ("handed-off", "owner_id"),
                                               ("escalated", "escalated_at"), ("linked", "customer_id"))
                       if _changed(row, name) and getattr(row, name) is not None), "edited")
    yield Noted("interaction", action, row.id, row.customer_id, row.id)


def _about_interaction(action: str) -> Describer:
    """Rows that belong to a call (a handoff, a mood, an offered option) change the call itself."""

    def describer(session: Session, row, how: str) -> Iterator[Noted]:
        interaction = _loaded(session, Interaction, row.interaction_id)
        said = "chosen" if action == "offered" and how == "updated" and getattr(row, "chosen", False) else action
        yield Noted("interaction", said, row.interaction_id, getattr(interaction, "customer_id", None), row.interaction_id)

    return describer


def promise_kind(kind: str | None) -> str:
    """Callbacks are their own kind in the feed: the Call section lists them, Promises the rest."""
    return "callback" if kind == PromiseKind.CALLBACK else "promise"


def _promise(_session: Session, row: Promise, how: str) -> Iterator[Noted]:
    action = how
    if how == "updated":
        if _changed(row, "status"):
            action = "reopened" if row.status == PromiseStatus.OPEN else str(row.status)
        else:
            action = next((said for said, name in (("moved", "due_at"), ("reassigned", "owner_id"), ("linked", "customer_id"))
                           if _changed(row, name)), "edited")
    yield Noted(promise_kind(row.kind), action, row.id, row.customer_id, row.interaction_id)


def _promise_change(session: Session, row: PromiseChange, _how: str) -> Iterator[Noted]:
    promise = _loaded(session, Promise, row.promise_id)
    yield Noted(promise_kind(getattr(promise, "kind", None)), "moved", row.promise_id,
                getattr(promise, "customer_id", None), getattr(promise, "interaction_id", None))


def _simple(kind: str) -> Describer:
    """Desk-wide lists (rules, catalog, categories, agents): which one changed is all there is to say."""

    def describer(_session: Session, row, how: str) -> Iterator[Noted]:
        action = "edited" if how == "updated" else how
        if isinstance(row, Agent) and how == "updated" and _changed(row, "active"):
            action = "activated" if row.active else "deactivated"
        entity_id = getattr(row, "id", None)
        yield Noted(kind, action, entity_id if isinstance(entity_id, int) else None)

    return describer


def _goodwill(_session: Session, row: GoodwillGrant, how: str) -> Iterator[Noted]:
    yield Noted("goodwill", "edited" if how == "updated" else how, row.id, row.customer_id, row.interaction_id)


def _terminal(_session: Session, row: Terminal, how: str) -> Iterator[Noted]:
    """Presence: who arrived or left, and which customer each terminal has open (the old one too)."""
    if how == "created":
        yield Noted("presence", "arrived", None, row.customer_id, row.interaction_id)
    elif how == "deleted":
        yield Noted("presence", "left", None, row.customer_id, row.interaction_id)
    elif _changed(row, "customer_id", "interaction_id"):
        yield Noted("presence", "showing", None, row.customer_id, row.interaction_id)
        if _before(row, "customer_id") not in (None, row.customer_id):
            yield Noted("presence", "showing", None, _before(row, "customer_id"), _before(row, "interaction_id"))
    elif _changed(row, "agent_id", "desk_name"):
        yield Noted("presence", "signed-in", None, row.customer_id, row.interaction_id)


_DESCRIBERS: dict[type, Describer] = {
    Customer: _customer,
    CustomerAlias: _alias,
    Note: _note,
    NoteEdit: _note_edit,
    Interaction: _interaction,
    Handoff: _about_interaction("handed-off"),
    MoodChange: _about_interaction("mood"),
    SolutionOffer: _about_interaction("offered"),
    Promise: _promise,
    PromiseChange: _promise_change,
    DeskSetting: _simple("rules"),
    SolutionOption: _simple("catalog"),
    ReasonCategory: _simple("category"),
    Agent: _simple("agent"),
    GoodwillGrant: _goodwill,
    Terminal: _terminal,
    Kudos: _simple("kudos"),
}

BULK_KINDS: dict[type, str] = {
    Customer: "customer", CustomerAlias: "customer", Note: "note", NoteEdit: "note", Interaction: "interaction",
    Handoff: "interaction", MoodChange: "interaction", SolutionOffer: "interaction", Promise: "promise",
    PromiseChange: "promise", DeskSetting: "rules", SolutionOption: "catalog", ReasonCategory: "category",
    Agent: "agent", GoodwillGrant: "goodwill", Terminal: "presence", Kudos: "kudos",
}
"""For INSERT/UPDATE/DELETE statements that bypass the flush: which rows, nobody knows, only of what kind."""
