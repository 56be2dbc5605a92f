"""A customer's answer to "what do you hold about me?": every row about them, as one JSON-ready document."""

from __future__ import annotations

import inspect
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, SQLModel

from frontdesk.clock.now import utcnow
from frontdesk.db.models import AccessPurpose, Customer
from frontdesk.services.access_log import record_access
from frontdesk.services.agents import agent_names
from frontdesk.services.customers import CustomerNotFound
from frontdesk.services.customer_rows import models_by_table, rows_of_person
from frontdesk.services.desk import Desk
from frontdesk.services.guards import require_supervisor

FORMAT = 2
"""Raised when the document's shape changes, so whoever reads exports can tell (2: money as whole cents, `amount_cents`)."""


def export_customer(session: Session, desk: Desk, customer_id: int) -> dict[str, Any]:
    """Supervisors only; the export is itself an access, recorded in the same commit (and listed in the export).

    Sections are named after the tables, each with what the table holds in the desk's words, so a new
    table reaches the export without anyone writing code for it.
    """
    require_supervisor(session, desk.agent_id, "export_customer")
    _require_known(session, customer_id)
    record_access(session, desk, customer_id, AccessPurpose.EXPORT)
    session.commit()
    person = rows_of_person(session, customer_id)
    models = models_by_table()
    return {
        "format": FORMAT,
        "customer_id": customer_id,
        "exported_at": utcnow().isoformat(),
        "records_merged_into_this_one": person.customer_ids[1:],
        "staff": {str(agent_id): name for agent_id, name in agent_names(session).items()},
        "sections": {
            table: {"about": _about(models[table]), "rows": [row_values(row) for row in rows]}
            for table, rows in person.tables.items()
        },
        "audit_trail": [row_values(event) for event in person.audit],
        "kudos_about_them": [row_values(kudos) for kudos in person.kudos],
    }


def _require_known(session: Session, customer_id: int) -> None:
    if session.get(Customer, customer_id) is None:
        raise CustomerNotFound(f"There is no customer {customer_id}.")


def row_values(row: SQLModel) -> dict[str, Any]:
    """Every column of the row as JSON can carry it: times and dates in ISO 8601, text exactly as stored."""
    return {column.key: _json(getattr(row, column.key)) for column in row.__table__.columns}


def _json(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _about(model: type[SQLModel]) -> str:
    return (inspect.getdoc(model) or model.__name__).splitlines()[0]
