"""The audit trail: who viewed or changed which record (PRINCIPLES row 13)."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, SQLModel, select

from frontdesk.db.models import Agent, AuditEvent

T = TypeVar("T", bound=SQLModel)


def record(session: Session, agent_id: int | None, action: str, entity: str, entity_id: int | None, detail: str = "") -> None:
    """Adds the event to the caller's transaction, so it is kept exactly when the change is."""
    session.add(AuditEvent(agent_id=agent_id, action=action, entity=entity, entity_id=entity_id, detail=detail))


def created(session: Session, row: T, agent_id: int | None, entity: str, detail: str = "") -> T:
    """Stores a new row together with the audit event saying who made it, in one commit."""
    session.add(row)
    session.flush()
    record(session, agent_id, "create", entity, row.id, detail)
    session.commit()
    session.refresh(row)
    return row


def events_for(session: Session, entity: str, entity_id: int) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
    return list(session.exec(query.order_by(AuditEvent.at, AuditEvent.id)))


def done_by(session: Session, entity: str, entity_id: int, *actions: str) -> str:
    """Who last did one of `actions` to the record, for telling the terminal that came second who came first."""
    query = (
        select(Agent.name).join(AuditEvent, AuditEvent.agent_id == Agent.id)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id, AuditEvent.action.in_(actions))
        .order_by(AuditEvent.id.desc()).limit(1)
    )
    return session.exec(query).first() or "a colleague"
