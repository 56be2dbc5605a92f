"""Customer records: create, correct, read, always audited."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy import and_
from sqlmodel import Session, func, select

from frontdesk.clock.dates import typed_date
from frontdesk.clock.now import utcnow
from frontdesk.db.models import Customer, CustomerAlias
from frontdesk.services import audit
from frontdesk.services.customer_conflicts import conflict
from frontdesk.services.customer_form import CustomerForm, CustomerRecord
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.locks import hold_row
from frontdesk.services.validation import ValidationError


LIVE = and_(Customer.merged_into_id == None, Customer.erased_at == None)  # noqa: E711
"""The records the desk looks up and counts: neither merged into another nor erased on request."""


class CustomerNotFound(ValidationError, LookupError):
    """The record is gone (erased, or merged into another one, perhaps at another desk).

    A ValidationError too, so a screen's background call reports it to the agent like any refusal.
    """

    def __init__(self, message: str, merged_into_id: int | None = None) -> None:
        super().__init__("customer", message)
        self.merged_into_id = merged_into_id


LARGEST_ID = 2**31 - 1
"""The largest id a customer can have on either database (PostgreSQL's INTEGER key; SQLite's holds more, but
its ids count up from 1 just the same). A larger typed number would fail in the driver, not in words."""


def check_customer_id(customer_id: int) -> None:
    """A number no record can have (0, negative, beyond the key's integer) is no customer, the same on both databases."""
    if not 0 < customer_id <= LARGEST_ID:
        raise CustomerNotFound(f"There is no customer {customer_id}.")


class Named(Protocol):
    """A customer record, or a row of just its two name columns (lists of many read no more than that)."""

    given_name: str
    family_name: str


def full_name(customer: Named) -> str:
    """The name as the customer spells it, given name first."""
    return " ".join(part for part in (customer.given_name, customer.family_name) if part)


def formal_name(customer: Customer) -> str:
    """How to address them aloud when they have not said otherwise: "Mrs. Johnson"."""
    if customer.preferred_address:
        return customer.preferred_address
    surname = customer.family_name or customer.given_name
    return f"{customer.honorific} {surname}".strip()


def create_customer(session: Session, form: CustomerForm, agent_id: int | None) -> Customer:
    customer = Customer(**form.checked(load_rules(session).phone_regions), created_by_id=agent_id)
    return audit.created(session, customer, agent_id, "customer")


def get_customer(session: Session, customer_id: int, *, viewed_by: int | None = None) -> Customer:
    """The live record; a viewing agent is written to the audit trail."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise CustomerNotFound(f"Customer {customer_id} no longer exists.")
    if customer.merged_into_id is not None:
        raise CustomerNotFound(
            f"Customer {customer_id} was merged into another record; look the customer up again.", customer.merged_into_id
        )
    if customer.erased_at is not None:
        raise CustomerNotFound(f"Customer {customer_id} was erased at their request.")
    if viewed_by is not None:
        audit.record(session, viewed_by, "view", "customer", customer_id)
        session.commit()
    return customer


def require_live_customer(session: Session, customer_id: int | None) -> None:
    """Calls, promises and callbacks must land on a record someone can still find, never a merged-away one."""
    if customer_id is None:
        return
    customer = hold_row(session, Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "That customer record no longer exists; look the customer up again.")
    if customer.merged_into_id is not None:
        raise ValidationError("customer", "That customer record was merged into another one; look the customer up again.")
    if customer.erased_at is not None:
        raise ValidationError("customer", "That customer was erased at their request.")


def customer_record(customer: Customer) -> CustomerRecord:
    """The stored values as the form's fields show them, with the version they were read at."""
    values = CustomerForm(
        given_name=customer.given_name, family_name=customer.family_name, honorific=customer.honorific,
        preferred_address=customer.preferred_address, pronunciation=customer.pronunciation,
        phones=tuple(customer.phones or ()), email=customer.email, street=customer.street, city=customer.city,
        birth_date=typed_date(customer.birth_date) if customer.birth_date else "",
        language=customer.language, preferences=customer.preferences,
    )
    return CustomerRecord(customer.id, customer.version, values)


def update_customer(
    session: Session, customer_id: int, form: CustomerForm, agent_id: int | None, *, read: CustomerRecord | None = None
) -> Customer:
    """Applies a correction; a changed name keeps the old spelling as an alias so it still finds them.

    `read` is the record as the agent's form was filled from it. If another desk saved the record
    since, CustomerChanged says what they changed and nothing is saved; the version column catches
    the same race between this read and the write. Without `read` (imports, scripts) the save wins.
    """
    values = form.checked(load_rules(session).phone_regions)
    customer = get_customer(session, customer_id)
    if read is not None and customer.version != read.version:
        raise conflict(session, read, customer_record(customer))
    try:
        _apply(session, customer, values, agent_id)
        session.commit()
    except StaleDataError:
        session.rollback()
        raise conflict(session, read, customer_record(get_customer(session, customer_id))) from None
    session.refresh(customer)
    return customer


def _apply(session: Session, customer: Customer, values: dict[str, object], agent_id: int | None) -> None:
    old_name = full_name(customer)
    changed = [name for name, value in values.items() if getattr(customer, name) != value]
    for name, value in values.items():
        setattr(customer, name, value)
    if full_name(customer) != old_name and old_name not in aliases_of(session, customer.id):
        session.add(CustomerAlias(customer_id=customer.id, name=old_name))
    customer.updated_at = utcnow()
    audit.record(session, agent_id, "update", "customer", customer.id, ", ".join(changed))


def aliases_of(session: Session, customer_id: int) -> list[str]:
    query = select(CustomerAlias.name).where(CustomerAlias.customer_id == customer_id).order_by(CustomerAlias.id)
    return list(session.exec(query))


def records_of_person(session: Session, customer_id: int) -> list[int]:
    """The record and every record merged into it (and into those): one person's data, for export and erasure."""
    found, frontier = [customer_id], [customer_id]
    while frontier:
        frontier = list(session.exec(select(Customer.id).where(Customer.merged_into_id.in_(frontier))))
        found.extend(frontier)
    return found


def customer_count(session: Session) -> int:
    query = select(func.count()).select_from(Customer).where(LIVE)
    return session.exec(query).one()


def quick_name_search(session: Session, typed: str, limit: int = 10) -> list[int]:
    """A plain name-prefix search that works before the lookup index has finished building."""
    words = typed.split()
    if not words:
        return []
    query = select(Customer.id).where(LIVE)
    for word in words:
        pattern = f"{word}%"
        query = query.where(Customer.family_name.ilike(pattern) | Customer.given_name.ilike(pattern))
    return list(session.exec(query.order_by(Customer.family_name).limit(limit)))
