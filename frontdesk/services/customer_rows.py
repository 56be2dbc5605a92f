"""Every row the desk holds about one person, found by following foreign keys out from the customer table.

Export and erasure both start here, so a table added later that points at a customer (or at a call,
note or promise of theirs) is exported and erased without anyone remembering to list it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, or_
from sqlmodel import Session, SQLModel, select

from frontdesk.db.models import AuditEvent, Kudos
from frontdesk.services.customers import records_of_person
from frontdesk.services.kudos import Earned
from frontdesk.services.locks import for_update as locked

AUDITED_AS = {"customer": "customer", "interaction": "interaction", "note": "note", "promise": "promise",
              "goodwill": "goodwillgrant"}
"""AuditEvent.entity -> the table its entity_id points into."""

KUDOS_SOURCES = {Earned.RATING: "interaction", Earned.CALMED: "interaction", Earned.PRAISE: "note",
                 Earned.KEPT_EARLY: "promise"}
"""Kudos.source_kind -> the table its source_id points into: a kudos sent from a suggestion is about one of
the customer's calls, notes or promises, and its note may well name or quote them."""


@dataclass
class PersonRows:
    """The rows found, per table name (every linked table, empty or not), parents before children."""

    customer_ids: list[int]
    tables: dict[str, list[SQLModel]] = field(default_factory=dict)
    audit: list[AuditEvent] = field(default_factory=list)
    """Audit events about any of these rows: their detail may quote what was typed."""
    kudos: list[Kudos] = field(default_factory=list)
    """Kudos sent for one of these rows (a rating, praise, a promise kept early): the note may quote the customer."""


def models_by_table() -> dict[str, type[SQLModel]]:
    return {mapper.local_table.name: mapper.class_ for mapper in SQLModel._sa_registry.mappers}


def linked_tables() -> list[Table]:
    """The tables holding rows about a customer: customer itself, and every table whose foreign key reaches it.

    Only keys pointing into tables already reached are followed, never outwards to staff or catalogs
    (a note points at its agent too, but an agent's other rows are not this customer's).
    """
    reached = {"customer"}
    found: list[Table] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name == "customer" or any(key.column.table.name in reached for key in table.foreign_keys):
            reached.add(table.name)
            found.append(table)
    return found


def rows_of_person(session: Session, customer_id: int, *, for_update: bool = False) -> PersonRows:
    """One query per linked table; `for_update` locks them for an erasure (no-op on SQLite, which holds the write lock)."""
    person = PersonRows(records_of_person(session, customer_id))
    models = models_by_table()
    found_ids: dict[str, set[int]] = defaultdict(set)
    for table in linked_tables():
        model = models[table.name]
        if table.name == "customer":
            condition = model.id.in_(person.customer_ids)
        else:
            conditions = [getattr(model, key.parent.key).in_(found_ids[key.column.table.name])
                          for key in table.foreign_keys if found_ids.get(key.column.table.name)]
            if not conditions:
                person.tables[table.name] = []  # said as empty in an export, not left out
                continue
            condition = or_(*conditions)
        query = select(model).where(condition).order_by(model.id)
        rows = list(session.exec(locked(query) if for_update else query))
        person.tables[table.name] = rows
        found_ids[table.name] = {row.id for row in rows}
    person.audit = _named_by_kind_and_id(session, AuditEvent.entity, AuditEvent.entity_id, AUDITED_AS, found_ids)
    person.kudos = _named_by_kind_and_id(session, Kudos.source_kind, Kudos.source_id, KUDOS_SOURCES, found_ids)
    return person


def _named_by_kind_and_id(session: Session, kind: Any, entity_id: Any, tables: dict[str, str],
                          found_ids: dict[str, set[int]]) -> list[Any]:
    """Rows that point at the person's rows by a (kind, id) pair rather than a foreign key, oldest first."""
    about = [(kind == name) & entity_id.in_(found_ids[table]) for name, table in tables.items() if found_ids.get(table)]
    if not about:
        return []
    model = kind.class_
    return list(session.exec(select(model).where(or_(*about)).order_by(model.id)))
