"""Importing customers in bulk: good rows go in, bad rows and look-alikes are reported, nothing is added twice.

Rows are checked outside any transaction, then stored a batch at a time: one lock, one query for the
batch's people already there, one insert, one commit. An import killed half way has committed whole
batches only, and a second run finds those people already there. Look-alikes are found in memory
(frontdesk.lookup.look_alikes), and the terminal's own lookup index takes the new customers in one
merge at the end, not one add per row.
"""

from __future__ import annotations

import gc
from functools import cache
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from sqlalchemy import Select, and_, bindparam, insert, or_
from sqlmodel import Session, select

from frontdesk.clock.now import utcnow

from frontdesk.db.models import AuditEvent, Customer
from frontdesk.lookup import LookupRecord
from frontdesk.lookup.look_alikes import Described, LookAlikeFinder, Resemblance
from frontdesk.services.customer_form import CustomerForm, parse_birth_date, split_phones
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.directory import IN_CHUNK, CustomerDirectory, lookup_record_of
from frontdesk.services.import_file import COLUMNS, SourceRow
from frontdesk.services.locks import advisory_lock
from frontdesk.services.phones import read_phone
from frontdesk.services.validation import ValidationError

COMMIT_EVERY = 1_000
"""Rows per transaction: the other terminals hear of one coalesced change per batch, not of each row,
and the write lock is held only for the batch's check and insert (the rows were read before)."""
SAME_PERSON_CHUNK = 500
"""People asked for per query: three parameters each, well under every database's parameter limit."""
LINE_FIELDS = tuple(name for name in COLUMNS if name not in ("phones", "preferences"))
"""Fields stored on one line: an address exported over several lines is folded onto one."""

Identity = tuple[str, str, str, object, tuple[str, ...]]
"""Who a row is, as a second run of the same file would find them: names, street, birth date, phones."""


@dataclass(frozen=True)
class Flagged:
    """One line of the import report: a row not imported, or imported but resembling another record."""

    line: int
    reason: str
    look_alike_id: int | None = None
    look_alike_name: str = ""


@dataclass
class ImportReport:
    dry_run: bool = False
    """Nothing was written: the figures say what an import would do."""
    added: int = 0
    already_there: int = 0
    blank_rows: int = 0
    bad_rows: list[Flagged] = field(default_factory=list)
    look_alikes: list[Flagged] = field(default_factory=list)

    def flagged(self) -> list[Flagged]:
        """Bad rows and look-alikes together, in the order of the file."""
        return sorted([*self.bad_rows, *self.look_alikes], key=lambda flagged: flagged.line)


def import_customers(
    session: Session, directory: CustomerDirectory, rows: Iterable[SourceRow | tuple[int, dict[str, str]]],
    agent_id: int | None, progress: Callable[[int], None] = lambda done: None, *, dry_run: bool = False,
) -> ImportReport:
    """Imports `rows` (or, with `dry_run`, works out what importing them would do and rolls it all back).

    `progress(n)` hears of every n rows handled.
    """
    run = _ImportRun(session, agent_id, ImportReport(dry_run=dry_run))
    try:
        for batch in _batches(_source_rows(rows), COMMIT_EVERY):
            run.import_batch(batch)
            progress(len(batch))
            # What outlives a batch (the finder's folded names, the index records) lives to the end: kept out of
            # the cyclic collector, which would otherwise walk it again and again (a sixth of the CPU at 100,000 rows).
            gc.freeze()
    finally:
        gc.unfreeze()
        session.rollback()
        directory.follow_imported(run.imported)
    return run.report


class _ImportRun:
    """One import's state across its batches: the rules, the look-alike finder, the lines already stored."""

    def __init__(self, session: Session, agent_id: int | None, report: ImportReport) -> None:
        self.session, self.agent_id, self.report = session, agent_id, report
        self.regions = load_rules(session).phone_regions
        live = select(Customer.id, Customer.given_name, Customer.family_name, Customer.street)
        self.finder = LookAlikeFinder(Described(id_, f"{given} {family}", street)
                                      for id_, given, family, street in session.exec(live.where(Customer.merged_into_id == None)))  # noqa: E711
        session.rollback()
        self.id_of_line: dict[int, int] = {}
        self.name_of_line: dict[int, str] = {}
        self.imported: list[LookupRecord] = []
        self.planned: set[Identity] = set()
        """A dry run's rows so far: nothing is stored, yet a later batch must find them there."""
        self.birth_dates: dict[str, date | str | None] = {}
        """Each birth date as typed, read once: a lifetime has some 30,000 days, so a large file repeats them."""

    def import_batch(self, batch: list[SourceRow]) -> None:
        checked = [(row.line, values) for row in batch if (values := self._checked(row)) is not None]
        # Two imports of one file take turns batch by batch: each checks who is there after the other committed.
        advisory_lock(self.session, "import", "customers")
        there = _identities_there(self.session, [values for _, values in checked], self.regions) | self.planned
        fresh = []
        for line, values in checked:
            identity = _identity(values)
            if identity in there:
                self.report.already_there += 1
                continue
            there.add(identity)
            fresh.append((line, values))
            self.name_of_line[line] = _name(values)
        resemblances = self.finder.check_and_add(Described(-line, _name(values), str(values["street"])) for line, values in fresh)
        if self.report.dry_run:
            self.session.rollback()
            self.planned.update(_identity(values) for _, values in fresh)
        else:
            self._store(fresh)
        self.report.added += len(fresh)
        self._report_look_alikes(resemblances)

    def _checked(self, row: SourceRow) -> dict[str, object] | None:
        try:
            if row.problem:
                raise ValidationError("file", row.problem)
            return form_of_row(row.values, self._birth_date).checked(self.regions)
        except ValidationError as error:
            self.report.bad_rows.append(Flagged(row.line, f"not imported: {error}"))
            return None

    def _birth_date(self, typed: str) -> date | str | None:
        """The date read, or the text as typed when it is no date: checked() then refuses it with its message,
        after the fields before it (so a row with two faults names the same one as a single row's check)."""
        if typed not in self.birth_dates:
            try:
                self.birth_dates[typed] = parse_birth_date(typed)
            except ValidationError:
                self.birth_dates[typed] = typed
        return self.birth_dates[typed]

    def _store(self, fresh: list[tuple[int, dict[str, object]]]) -> None:
        """One INSERT of the batch's customers and one of their audit events (ORM objects cost more than the rows);
        the change feed hears of them by their table."""
        now = utcnow()
        rows = [{**values, "created_by_id": self.agent_id, "created_at": now, "updated_at": now, "version": 1}
                for _, values in fresh]
        customers, audit = Customer.__table__, AuditEvent.__table__  # Core: the ORM's per-row bookkeeping cost more than SQLite
        adding = insert(customers).returning(customers.c.id, sort_by_parameter_order=True)
        ids = list(self.session.execute(adding, rows).scalars()) if rows else []
        events = [dict(agent_id=self.agent_id, action="import", entity="customer", entity_id=id_, at=now, detail="") for id_ in ids]
        if events:
            self.session.execute(insert(audit), events)
        self.session.commit()
        self.id_of_line.update((line, id_) for (line, _), id_ in zip(fresh, ids))
        self.imported.extend(lookup_record_of(id_, values) for (_, values), id_ in zip(fresh, ids))

    def _report_look_alikes(self, resemblances: list[Resemblance]) -> None:
        names = _names(self.session, [r.other for r in resemblances if r.other > 0])
        self.session.rollback()
        for resemblance in resemblances:
            line, other_line = -resemblance.key, -resemblance.other
            if resemblance.other > 0:
                other_id, other_name = resemblance.other, names.get(resemblance.other, "")
                which = f"existing customer #{other_id} ({other_name})"
            else:
                other_id, other_name = self.id_of_line.get(other_line), self.name_of_line[other_line]
                which = f"line {other_line} of this file ({other_name})"
                which = f"customer #{other_id} ({other_name}) from line {other_line}" if other_id else which
            self.report.look_alikes.append(Flagged(
                line, f"{self.name_of_line[line]} looks like {which}; check and merge if it is the same person.",
                other_id, other_name))


def _source_rows(rows: Iterable[SourceRow | tuple[int, dict[str, str]]]) -> Iterator[SourceRow]:
    """Rows from a SourceFile, or (line, values) pairs from a caller that built them itself."""
    for row in rows:
        yield row if isinstance(row, SourceRow) else SourceRow(*row)


def _batches(rows: Iterator[SourceRow], size: int) -> Iterator[list[SourceRow]]:
    while batch := list(islice(rows, size)):
        yield batch


def form_of_row(row: dict[str, str], birth_date: Callable[[str], date | str | None] = lambda typed: typed) -> CustomerForm:
    """The row as a form; `birth_date` may read the date beforehand (an import reads each spelling once)."""
    values = {name: (row.get(name) or "") for name in COLUMNS}
    folded = {name: folded_lines(values[name]) for name in LINE_FIELDS}
    return CustomerForm(**{**values, **folded, "phones": split_phones(folded_lines(values["phones"], "; ")),
                           "birth_date": birth_date(folded["birth_date"])})


def folded_lines(text: str, joiner: str = ", ") -> str:
    """A cell exported over several lines ("12 Elm Street\\nFlat 3\\nLeeds") as one ("12 Elm Street, Flat 3, Leeds")."""
    if "\n" not in text and "\r" not in text:
        return text
    return joiner.join(part.strip() for part in text.splitlines() if part.strip())


def _name(values: dict[str, object]) -> str:
    return f"{values['given_name']} {values['family_name']}".strip()


def _identity(values: dict[str, object]) -> Identity:
    phones = tuple(canonical or typed for typed, canonical in zip(values["phones"], values["phones_e164"]))
    return (str(values["given_name"]), str(values["family_name"]), str(values["street"]), values["birth_date"], phones)


def _identities_there(session: Session, batch: list[dict[str, object]], regions: tuple[str, ...]) -> set[Identity]:
    """The identities of live customers of the same name and street as someone in the batch: one query per
    SAME_PERSON_CHUNK of them, each a lookup in the name index (the street too: a million-row desk has dozens
    of each common Persian name)."""
    wanted = sorted({(str(values["family_name"]), str(values["given_name"]), str(values["street"])) for values in batch})
    found: set[Identity] = set()
    for start in range(0, len(wanted), SAME_PERSON_CHUNK):
        chunk = wanted[start:start + SAME_PERSON_CHUNK]
        chunk += chunk[-1:] * (SAME_PERSON_CHUNK - len(chunk))  # one shape of query, compiled once
        params = {f"{column}{n}": value for n, person in enumerate(chunk) for column, value in zip("fgs", person)}
        for given, family, street, born, phones, e164, merged_into in session.execute(_same_people(), params):
            if merged_into is None:
                found.add((given, family, street, born, _phone_identities(phones or [], e164 or [], regions)))
    return found


@cache
def _same_people() -> Select:
    """Live or merged customers by (family name, given name, street), as ORed equalities.

    Not `(family, given) IN (...)` nor a merged_into_id condition: with either, SQLite scanned the whole
    customer table for each batch, which made a million-row import quadratic.
    """
    columns = (Customer.given_name, Customer.family_name, Customer.street, Customer.birth_date, Customer.phones,
               Customer.phones_e164, Customer.merged_into_id)
    return select(*columns).where(or_(*(and_(Customer.family_name == bindparam(f"f{n}"), Customer.given_name == bindparam(f"g{n}"),
                                             Customer.street == bindparam(f"s{n}")) for n in range(SAME_PERSON_CHUNK))))


def _phone_identities(phones: list[str], e164: list[str], regions: tuple[str, ...]) -> tuple[str, ...]:
    """Canonical where known; a record stored before numbers had a canonical form is read now."""
    if len(e164) != len(phones):
        e164 = [_canonical_or_blank(phone, regions) for phone in phones]
    return tuple(canonical or typed for typed, canonical in zip(phones, e164))


def _canonical_or_blank(typed: str, regions: tuple[str, ...]) -> str:
    try:
        return read_phone(typed, regions).canonical
    except ValidationError:
        return ""


def _names(session: Session, customer_ids: list[int]) -> dict[int, str]:
    wanted = sorted(set(customer_ids))
    names = {}
    for start in range(0, len(wanted), IN_CHUNK):
        query = select(Customer.id, Customer.given_name, Customer.family_name).where(Customer.id.in_(wanted[start:start + IN_CHUNK]))
        names.update((id_, f"{given} {family}".strip()) for id_, given, family in session.exec(query))
    return names

