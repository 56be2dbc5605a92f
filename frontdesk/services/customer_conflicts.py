"""Saying what another desk saved on a customer since a form was filled from it: no silent overwrites."""

from __future__ import annotations

from sqlmodel import Session, or_, select

from frontdesk.db.models import Agent, AuditEvent, DeskChange, Terminal
from frontdesk.services.customer_form import FIELD_LABELS, CustomerForm, CustomerRecord, changed_fields
from frontdesk.services.errors import EditConflict

SHOWN_LENGTH = 60
"""A changed value longer than this (a long preference note) is cut in the description, not in the record."""


class CustomerChanged(EditConflict):
    """Another desk saved the customer after this form read it; nothing was saved.

    `current` is the record as it now stands, so the form can re-apply the agent's edit on top of it.
    """

    def __init__(self, theirs: tuple[str, ...], current: CustomerRecord) -> None:
        super().__init__(
            "customer",
            "Another desk saved this record after you opened it, so nothing was saved yet. "
            "Your typing is kept; Ctrl+S saves your changes on top of theirs.",
            theirs,
        )
        self.current = current


def conflict(session: Session, read: CustomerRecord | None, current: CustomerRecord) -> CustomerChanged:
    """The refusal for a save based on `read` when `current` is what is stored now."""
    if read is None:
        return CustomerChanged((), current)
    who = last_editor(session, current.customer_id)
    return CustomerChanged(describe_changes(read.values, current.values, who), current)


def describe_changes(before: CustomerForm, after: CustomerForm, who: str = "") -> tuple[str, ...]:
    """Lines like "Street: 12 Jackson Ave -> 14 Jackson Ave (Desk 2, Tom)"."""
    by = f" ({who})" if who else ""
    return tuple(
        f"{FIELD_LABELS[name]}: {_shown(getattr(before, name))} -> {_shown(getattr(after, name))}{by}"
        for name in changed_fields(before, after)
    )


def last_editor(session: Session, customer_id: int) -> str:
    """"Desk 2, Tom": the desk from the change feed, the agent from the audit trail; either may be unknown."""
    agent = session.exec(
        select(Agent.name)
        .join(AuditEvent, AuditEvent.agent_id == Agent.id)
        .where(AuditEvent.entity == "customer", AuditEvent.entity_id == customer_id, AuditEvent.action.in_(("update", "merge")))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    desk = session.exec(
        select(Terminal.desk_name)
        .select_from(DeskChange)
        .join(Terminal, Terminal.id == DeskChange.terminal, isouter=True)
        .where(DeskChange.kind == "customer", or_(DeskChange.entity_id == customer_id, DeskChange.customer_id == customer_id))
        .order_by(DeskChange.id.desc())
        .limit(1)
    ).first()
    return ", ".join(part for part in (desk, agent) if part)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        value = ", ".join(value)
    text = " ".join(str(value or "").split())
    if not text:
        return "—"
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"
