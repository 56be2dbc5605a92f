"""Importing a real-looking export: 100,000 Faker customers into a fresh SQLite desk, look-alike check on.

The file is made by Faker in four locales (en_US, en_GB, fa_IR, el_GR), with phone numbers and
multi-line street addresses exactly as Faker writes them (`(997)991-9074x833`, `+44(0)115 496 0597`,
`۰۹۱۲ ...`-style national numbers, addresses over two to four lines inside quotes). The desk reads
national numbers in all four regions (`phone_region` = `US, GB, IR, GR`).

Reported: rows per second and the time for the whole file (target: 100,000 rows in at most 60 s), the
share of rows rejected (target: at most 1%) with the most common reasons, and the look-alikes found.
Side by side, in the same run, the naive approach on a smaller slice of the same file: a commit, a
look-alike search and a lookup-index add per row (what the import did before).

    python benchmarks/import_bench.py                  # 100,000 rows; the naive approach on 2,000
    python benchmarks/import_bench.py --rows 20000 --naive-rows 1000

The generated file is kept in the temporary folder and reused by a later run with the same size and seed.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402
from sqlmodel import select  # noqa: E402

from frontdesk.db.models import Customer  # noqa: E402
from frontdesk.services import audit  # noqa: E402
from frontdesk.services.agents import as_colleague, create_agent  # noqa: E402
from frontdesk.services.desk import Desk, open_desk  # noqa: E402
from frontdesk.services.desk_rules import load_rules, set_rule  # noqa: E402
from frontdesk.services.directory import lookup_record  # noqa: E402
from frontdesk.services.import_file import SourceFile, SourceRow  # noqa: E402
from frontdesk.services.importing import form_of_row, import_customers  # noqa: E402
from frontdesk.services.validation import ValidationError  # noqa: E402

LOCALES = {"en_US": "en", "en_GB": "en", "fa_IR": "fa", "el_GR": "el"}
REGIONS = "US, GB, IR, GR"
HEADER = ("given_name", "family_name", "phones", "email", "street", "birth_date", "language")
LOOK_ALIKE_SCORE = 85.0
"""The naive approach's cut-off on the lookup's own score, as the import used before."""


def generated_file(rows: int, seed: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"frontdesk-import-bench-{rows}-{seed}.csv"
    if path.exists():
        return path
    fakers = {locale: Faker(locale) for locale in LOCALES}
    for offset, faker in enumerate(fakers.values()):
        faker.seed_instance(seed + offset)
    partial = path.with_suffix(".partial")
    with partial.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            locale = list(LOCALES)[n % len(LOCALES)]
            faker = fakers[locale]
            writer.writerow((faker.first_name(), faker.last_name(), faker.phone_number(), faker.email(),
                             faker.address(), faker.date_of_birth(minimum_age=18, maximum_age=90).isoformat(),
                             LOCALES[locale]))
    partial.rename(path)
    return path


def fresh_desk(folder: Path, name: str) -> Desk:
    desk = open_desk(f"sqlite:///{folder / name}.sqlite")
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Bench Importer", "supervisor"))
        set_rule(session, "phone_region", REGIONS, desk.agent_id)
    return desk


def batched_import(desk: Desk, path: Path) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds (this process's): on a shared machine the CPU time says what the import costs."""
    started, cpu = time.perf_counter(), time.process_time()
    source = SourceFile(path)
    with desk.session() as session:
        report = import_customers(session, desk.directory, source.rows(), desk.agent_id)
    return time.perf_counter() - started, time.process_time() - cpu, report


def naive_import(desk: Desk, rows: list[SourceRow]) -> tuple[float, float, int, int]:
    """Per row: check, look the person up in the database, search for look-alikes, insert, commit, index."""
    started, cpu = time.perf_counter(), time.process_time()
    with desk.reading() as session:
        desk.directory.load(session)
    added = rejected = 0
    with desk.session() as session:
        regions = load_rules(session).phone_regions
        for row in rows:
            try:
                values = form_of_row(row.values).checked(regions)
            except ValidationError:
                rejected += 1
                continue
            session.exec(select(Customer).where(Customer.given_name == values["given_name"],
                                                Customer.family_name == values["family_name"])).all()
            matches = desk.directory.search(f"{values['given_name']} {values['family_name']} {values['street']}", limit=1)
            _ = matches and matches[0].score >= LOOK_ALIKE_SCORE
            customer = Customer(**values, created_by_id=desk.agent_id)
            session.add(customer)
            session.flush()
            audit.record(session, desk.agent_id, "import", "customer", customer.id)
            session.commit()
            desk.directory.index.add(lookup_record(customer))
            added += 1
    return time.perf_counter() - started, time.process_time() - cpu, added, rejected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--naive-rows", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    started = time.perf_counter()
    path = generated_file(args.rows, args.seed)
    print(f"file: {path} ({args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB; made or found in {time.perf_counter() - started:.1f} s)")
    with tempfile.TemporaryDirectory() as folder:
        seconds, cpu, report = batched_import(fresh_desk(Path(folder), "batched"), path)
        handled = report.added + report.already_there + len(report.bad_rows)
        rejected = len(report.bad_rows) / handled if handled else 0.0
        print(f"batched: {handled:,} rows in {seconds:.1f} s = {handled / seconds:,.0f} rows/s "
              f"(CPU {cpu:.1f} s = {handled / cpu:,.0f} rows per CPU second); "
              f"rejected {len(report.bad_rows):,} ({rejected:.2%}); added {report.added:,}; "
              f"look-alikes {len(report.look_alikes):,}; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB; "
              f"load average {os.getloadavg()[0]:.1f}")
        reasons = Counter(re.sub(r"'[^']*'", "'...'", flagged.reason) for flagged in report.bad_rows)
        for reason, count in reasons.most_common(5):
            print(f"    {count:,} x {reason}")
        target = args.rows * 0.0006  # 100,000 rows in 60 s, 1,000,000 in 10 minutes
        print(f"    target: {args.rows:,} rows in <= {target:,.0f} s: {'met' if seconds <= target else 'MISSED'}; "
              f"rejected <= 1%: {'met' if rejected <= 0.01 else 'MISSED'}")

        rows = list(islice(SourceFile(path).rows(), args.naive_rows))
        seconds, cpu, added, refused = naive_import(fresh_desk(Path(folder), "naive"), rows)
        print(f"naive (per-row commit, search and index add), first {len(rows):,} rows: {seconds:.1f} s = "
              f"{len(rows) / seconds:,.0f} rows/s (CPU {cpu:.1f} s = {len(rows) / cpu:,.0f} rows per CPU second); "
              f"rejected {refused:,}; added {added:,}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
