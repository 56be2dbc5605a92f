"""Who looked at a customer's record: written when a card, a call's history or an export opens it, read by supervisors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from frontdesk.db.models import AccessPurpose, Customer, CustomerAccess
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import CustomerNotFound, records_of_person
from frontdesk.services.desk import Desk
from frontdesk.services.guards import require_supervisor


@dataclass(frozen=True)
class Access:
    """One look at a customer's record, as the card's panel, the CLI and an export show it."""

    at: datetime
    agent: str
    desk_name: str
    purpose: str


def record_access(session: Session, desk: Desk, customer_id: int, purpose: AccessPurpose) -> None:
    """Adds the entry to the caller's transaction: it is kept exactly when the look itself succeeded."""
    session.add(CustomerAccess(customer_id=customer_id, agent_id=desk.agent_id, desk_name=desk.desk_name,
                               terminal_id=desk.terminal_id, purpose=purpose))


def accesses_of(session: Session, customer_ids: list[int]) -> tuple[Access, ...]:
    """Oldest first; unguarded, for the services that already checked who asks (an export)."""
    query = (select(CustomerAccess).where(CustomerAccess.customer_id.in_(customer_ids))
             .order_by(CustomerAccess.at, CustomerAccess.id))
    names = agent_names(session)
    return tuple(Access(row.at, names.get(row.agent_id, "?") if row.agent_id is not None else "?", row.desk_name, row.purpose)
                 for row in session.exec(query))


def access_log(session: Session, agent_id: int | None, customer_id: int) -> tuple[Access, ...]:
    """Who looked at this record: a supervisor's question, since the answer is itself about people."""
    require_supervisor(session, agent_id, "read_access_log")
    if session.get(Customer, customer_id) is None:
        raise CustomerNotFound(f"There is no customer {customer_id}.")
    return accesses_of(session, records_of_person(session, customer_id))
