"""A customer's "please delete me": their personal data is replaced, the figures they are part of are kept.

The rows stay (an interaction still counts in the month's figures, a rating still averages in, a
goodwill amount still draws on the agent's budget); what identifies the person or quotes them is
replaced. One audit entry records that an erasure happened, who did it and why, never what was erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer
from frontdesk.services import audit
from frontdesk.services.customer_rows import rows_of_person
from frontdesk.services.customers import CustomerNotFound
from frontdesk.services.guards import require_supervisor
from frontdesk.services.locks import lock_row
from frontdesk.services.validation import ValidationError, clean_line

ERASED = "(erased)"
"""What replaces erased text that was there; empty text stays empty, so "was a reason noted?" still counts."""

PERSONAL: dict[str, tuple[str, ...]] = {
    "customer": ("honorific", "given_name", "family_name", "preferred_address", "pronunciation", "phones", "phones_e164",
                 "email", "street", "city", "birth_date", "preferences"),
    "customeralias": ("name",),
    "interaction": ("reason", "summary", "escalation_reason", "satisfaction_comment"),
    "note": ("text",),
    "noteedit": ("previous_text",),
    "notedraft": ("text",),
    "handoff": ("reason",),
    "promise": ("what", "contact", "details", "closing_note", "apology", "make_good"),
    "promisechange": ("note",),
    "solutionoffer": ("title", "gives", "limitations"),
    "goodwillgrant": ("reason",),
}
"""Per table, the columns that identify the customer or hold what was said or typed about them."""

KEPT: dict[str, tuple[str, ...]] = {
    "customer": ("language",),
    "customeraccess": ("desk_name", "terminal_id", "purpose"),
    "interaction": ("channel", "outcome", "category", "courtesy"),
    "moodchange": ("mood",),
    "promise": ("kind", "status", "tell_by"),
    "goodwillgrant": ("kind",),
}
"""Text columns of the same tables that are the desk's own words (a channel, an outcome, a category, a
terminal's name), kept so the figures keep their totals. The tests check every text column is in one list."""

CATALOG_COPY = "solutionoffer"
"""An offered option copied from the catalog is the desk's text, kept; a one-off option made up for
this customer (option_id None) may describe them, and is erased."""


@dataclass(frozen=True)
class Erasure:
    customer_id: int
    records: int
    """The record and any records merged into it."""
    rows: int
    """Rows whose personal text was replaced."""


def erase_customer(session: Session, agent_id: int | None, customer_id: int, reason: str) -> Erasure:
    """Supervisors only, and a reason is required; two supervisors erasing at once erase once."""
    require_supervisor(session, agent_id, "erase_customer")
    reason = clean_line(reason, field="reason", label="The reason for the erasure", max_length=500, required=True)
    customer = lock_row(session, Customer, customer_id)
    if customer is None or customer.merged_into_id is not None:
        raise CustomerNotFound(f"There is no customer {customer_id} to erase (merged records are erased with the one they were merged into).")
    if customer.erased_at is not None:
        who = audit.done_by(session, "customer", customer_id, "erase")
        raise ValidationError("customer", f"Customer {customer_id} was already erased by {who}.")
    person = rows_of_person(session, customer_id, for_update=True)
    changed = sum(_erase_row(table, row) for table, rows in person.tables.items() for row in rows)
    now = utcnow()
    for record in person.tables["customer"]:
        record.family_name, record.erased_at, record.updated_at = ERASED, now, now
    for event in person.audit:
        event.detail = _blanked(event.detail)
    for kudos in person.kudos:  # the thanks still counts for the agent; what it said about the customer goes
        kudos.note = _blanked(kudos.note)
    audit.record(session, agent_id, "erase", "customer", customer_id, reason)
    session.commit()
    return Erasure(customer_id, len(person.customer_ids), changed)


def _erase_row(table: str, row: Any) -> bool:
    if table == CATALOG_COPY and row.option_id is not None:
        return False
    columns = PERSONAL.get(table, ())
    for column in columns:
        setattr(row, column, _blanked(getattr(row, column)))
    return bool(columns)


def _blanked(value: Any) -> Any:
    if isinstance(value, str):
        return ERASED if value else ""
    if isinstance(value, list):
        return []
    return None
