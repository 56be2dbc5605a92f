"""What the customer dialogs ask of the desk: read a record to edit, create, correct, merge, find look-alikes.

Every method opens its own short session, keeps the lookup index in step with what it saved, and
returns frozen data; the dialogs call them from thread workers.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services.customer_form import CustomerForm, CustomerRecord
from frontdesk.services.customers import create_customer, customer_record, full_name, get_customer, update_customer
from frontdesk.services.desk import Desk
from frontdesk.services.greeting import CustomerSummary, matched_customers, summaries
from frontdesk.services.merge import MergeResult, merge_customers
from frontdesk.services.validation import ValidationError

DUPLICATE_SCORE = 80.0
"""A new record this close to an existing one needs an explicit "yes, a different person"."""
LOOK_ALIKES = 5


@dataclass(frozen=True)
class LookAlike:
    summary: CustomerSummary
    score: float


@dataclass(frozen=True)
class SavedCustomer:
    customer_id: int
    name: str


@dataclass(frozen=True)
class LooksLikeExisting:
    """Nothing was created: the new record is this close to existing ones; ask before creating it anyway."""

    close: tuple[CustomerSummary, ...]


class CustomerRecords:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def look_alikes(self, name: str) -> tuple[LookAlike, ...]:
        """Who a name being typed might already be, best first."""
        matches = self.desk.directory.search(name, limit=LOOK_ALIKES) if name.strip() else []
        with self.desk.reading() as session:
            return tuple(LookAlike(row.summary, row.match.score) for row in matched_customers(session, matches))

    def record(self, customer_id: int) -> CustomerRecord:
        with self.desk.reading() as session:
            return customer_record(get_customer(session, customer_id))

    def summary(self, customer_id: int) -> CustomerSummary:
        with self.desk.reading() as session:
            found = summaries(session, [customer_id])
        if customer_id not in found:
            raise ValidationError("customer", "That record was merged or erased at another desk; look the customer up again.")
        return found[customer_id]

    def create(self, form: CustomerForm, *, anyway: bool = False) -> SavedCustomer | LooksLikeExisting:
        """Creates the record unless it looks like an existing customer and `anyway` is not given."""
        form.checked()
        if not anyway:
            close = tuple(alike.summary for alike in self.look_alikes(f"{form.given_name} {form.family_name}") if alike.score >= DUPLICATE_SCORE)
            if close:
                return LooksLikeExisting(close)
        with self.desk.session() as session:
            customer = create_customer(session, form, self.desk.agent_id)
            self.desk.directory.follow(session, customer.id)
            return SavedCustomer(customer.id, full_name(customer))

    def update(self, customer_id: int, form: CustomerForm, read: CustomerRecord) -> SavedCustomer:
        """Raises CustomerChanged when another desk saved the record since `read`; nothing is saved then."""
        with self.desk.session() as session:
            customer = update_customer(session, customer_id, form, self.desk.agent_id, read=read)
            self.desk.directory.follow(session, customer.id)
            return SavedCustomer(customer.id, full_name(customer))

    def merge(self, keep_id: int, gone_id: int) -> MergeResult:
        with self.desk.session() as session:
            result = merge_customers(session, keep_id, gone_id, self.desk.agent_id)
            self.desk.directory.follow(session, keep_id)
            self.desk.directory.follow(session, gone_id)
            return result
