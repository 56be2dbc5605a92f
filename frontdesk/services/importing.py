"""Importing customers in bulk: good rows go in, bad rows are reported, nothing is added twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from time import monotonic

from sqlmodel import Session, select

from frontdesk.db.models import Customer
from frontdesk.services import audit
from frontdesk.services.customer_form import CustomerForm, split_phones
from frontdesk.services.directory import CustomerDirectory, lookup_record
from frontdesk.services.locks import advisory_lock
from frontdesk.services.validation import ValidationError

COLUMNS = (
    "given_name", "family_name", "honorific", "preferred_address", "pronunciation", "phones",
    "email", "street", "city", "birth_date", "language", "preferences",
)
"""The CSV header names an import understands; phones may hold several numbers split by ';'."""

LOOK_ALIKE_SCORE = 85.0
COMMIT_EVERY = 1_000
"""Rows per transaction at most: the other terminals hear of one coalesced change per batch, not of each row."""
COMMIT_AFTER = 1.0
"""Seconds a batch may hold SQLite's write lock before it is committed, so other terminals are not held up."""


@dataclass
class ImportReport:
    added: int = 0
    already_there: int = 0
    bad_rows: list[tuple[int, str]] = field(default_factory=list)
    """(line number in the file, reason)"""
    look_alikes: list[tuple[int, str, int]] = field(default_factory=list)
    """(line number, the imported name, the id of the existing customer it resembles)"""


def unknown_columns(header: Iterable[str]) -> list[str]:
    return [name for name in header if name and name.strip() not in COLUMNS]


def import_customers(
    session: Session, directory: CustomerDirectory, rows: Iterable[tuple[int, dict[str, str]]],
    agent_id: int | None, progress: Callable[[], None] = lambda: None,
) -> ImportReport:
    """Good rows are committed in batches; a bad row is refused before it is written, so it never costs the good ones."""
    report = ImportReport()
    batch, began = 0, monotonic()
    for line, row in rows:
        try:
            form = _form(row)
            values = form.checked()
        except ValidationError as error:
            report.bad_rows.append((line, str(error)))
            progress()
            continue
        # The same person from another terminal's import waits here until that row is committed, then is found.
        advisory_lock(session, "import customer", f"{values['given_name']}\0{values['family_name']}")
        if _already_there(session, values):
            session.commit()  # nothing to store; ends the transaction, so the lock is not held while reading on
            report.already_there += 1
            progress()
            continue
        _report_look_alike(report, directory, line, values)
        customer = Customer(**values, created_by_id=agent_id)
        session.add(customer)
        session.flush()
        audit.record(session, agent_id, "import", "customer", customer.id)
        directory.index.add(lookup_record(customer))
        report.added += 1
        batch += 1
        if batch >= COMMIT_EVERY or monotonic() - began >= COMMIT_AFTER:
            session.commit()
            batch, began = 0, monotonic()
        progress()
    session.commit()
    return report


def _form(row: dict[str, str]) -> CustomerForm:
    values = {name: (row.get(name) or "") for name in COLUMNS}
    return CustomerForm(**{**values, "phones": split_phones(values["phones"])})


def _already_there(session: Session, values: dict[str, object]) -> bool:
    """The same person with the same details: what a second run of one file finds."""
    same_name = session.exec(select(Customer).where(
        Customer.given_name == values["given_name"], Customer.family_name == values["family_name"],
        Customer.merged_into_id == None,  # noqa: E711
    ))
    return any(
        customer.street == values["street"] and customer.phones == values["phones"]
        and customer.birth_date == values["birth_date"]
        for customer in same_name
    )


def _report_look_alike(report: ImportReport, directory: CustomerDirectory, line: int, values: dict[str, object]) -> None:
    name = f"{values['given_name']} {values['family_name']}".strip()
    matches = directory.search(f"{name} {values['street']}", limit=1)
    if matches and matches[0].score >= LOOK_ALIKE_SCORE:
        report.look_alikes.append((line, name, matches[0].customer_id))
