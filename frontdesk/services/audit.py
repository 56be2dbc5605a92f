"""The audit trail: who viewed or changed which record (PRINCIPLES row 13)."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.db.models import AuditEvent


def record(session: Session, agent_id: int | None, action: str, entity: str, entity_id: int | None, detail: str = "") -> None:
    """Adds the event to the caller's transaction, so it is kept exactly when the change is."""
    session.add(AuditEvent(agent_id=agent_id, action=action, entity=entity, entity_id=entity_id, detail=detail))


def events_for(session: Session, entity: str, entity_id: int) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
    return list(session.exec(query.order_by(AuditEvent.at, AuditEvent.id)))
