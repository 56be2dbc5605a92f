"""Merging two records of one person: everything moves to the one that stays, nothing is lost."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer, CustomerAlias, Interaction, Promise
from frontdesk.services import audit
from frontdesk.services.customers import CustomerNotFound, aliases_of, full_name
from frontdesk.services.locks import for_update, lock_rows
from frontdesk.services.validation import ValidationError

FILLABLE = ("honorific", "preferred_address", "pronunciation", "email", "street", "city", "birth_date", "language")
"""Fields the surviving record takes from the other one when it has none of its own."""


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    merged_id: int
    interactions_moved: int
    promises_moved: int
    aliases_added: int


def merge_customers(session: Session, keep_id: int, merge_id: int, agent_id: int | None) -> MergeResult:
    """The merged record stays in the table, marked, so the merge can be traced and audited."""
    if keep_id == merge_id:
        raise ValidationError("merge", "A record cannot be merged with itself.")
    locked = lock_rows(session, Customer, (keep_id, merge_id))  # the same pair merged at two terminals: one merge
    keep, gone = (_still_there(session, locked.get(customer_id), customer_id) for customer_id in (keep_id, merge_id))
    interactions = session.exec(select(Interaction).where(Interaction.customer_id == merge_id)).all()
    promises = session.exec(for_update(select(Promise).where(Promise.customer_id == merge_id))).all()
    for row in (*interactions, *promises):
        row.customer_id = keep_id
    known = {full_name(keep), *aliases_of(session, keep_id)}
    new_aliases = [name for name in (full_name(gone), *aliases_of(session, merge_id)) if name not in known]
    for name in dict.fromkeys(new_aliases):
        session.add(CustomerAlias(customer_id=keep_id, name=name))
    _fill_gaps(keep, gone)
    gone.merged_into_id = keep_id
    gone.updated_at = keep.updated_at = utcnow()
    detail = f"merged customer {merge_id} into {keep_id}: {len(interactions)} interactions, {len(promises)} promises"
    audit.record(session, agent_id, "merge", "customer", keep_id, detail)
    audit.record(session, agent_id, "merged-away", "customer", merge_id, detail)
    session.commit()
    return MergeResult(keep_id, merge_id, len(interactions), len(promises), len(dict.fromkeys(new_aliases)))


def _still_there(session: Session, customer: Customer | None, customer_id: int) -> Customer:
    """Checked after the lock: another terminal may have merged this record a moment ago."""
    if customer is None:
        raise CustomerNotFound(f"Customer {customer_id} no longer exists.")
    if customer.merged_into_id is not None:
        who = audit.done_by(session, "customer", customer_id, "merged-away")
        raise ValidationError("merge", f"{full_name(customer)} (#{customer_id}) was already merged into "
                                       f"#{customer.merged_into_id} by {who}; look the customer up again.")
    return customer


def _fill_gaps(keep, gone) -> None:
    for name in FILLABLE:
        if not getattr(keep, name) and getattr(gone, name):
            setattr(keep, name, getattr(gone, name))
    phones = dict(zip(keep.phones, keep.phones_e164 or [""] * len(keep.phones)))
    for typed, canonical in zip(gone.phones, gone.phones_e164 or [""] * len(gone.phones)):
        phones.setdefault(typed, canonical)
    keep.phones, keep.phones_e164 = list(phones), list(phones.values())
    if gone.preferences and gone.preferences not in keep.preferences:
        keep.preferences = "\n".join(part for part in (keep.preferences, gone.preferences) if part)
