"""What an erasure costs on a large SQLite desk: the erasure itself, and the rebuild that removes the old bytes.

Side by side in one run: the erasure as shipped (rows replaced, then VACUUM and a TRUNCATE checkpoint,
after which the name is nowhere in the file) and the naive erasure (rows replaced only, which leaves
the name in the WAL and in freed space). Each round copies one freshly built desk, so both erase the
same customer on the same data; the bench checks the file bytes after each, and reports the median.
The rebuild holds the write lock, so its time is how long other terminals wait.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from frontdesk.db import sqlite_url
from frontdesk.db.models import Customer, Interaction, Note, Role
from frontdesk.db.scrub import scrub_freed_pages
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.erasure import erase_customer

NAME = "Zebediah Quillfeather"


def build(path: Path, customers: int, notes_each: int) -> None:
    """Customers with a call and a few notes each; customer 1 is the one who asks to be forgotten."""
    desk = open_desk(sqlite_url(path))
    with desk.session() as session:
        agent = create_agent(session, "Daniel Brooks", Role.SUPERVISOR).id
        rows = [dict(given_name="Zebediah" if n == 0 else f"Given{n}", family_name="Quillfeather" if n == 0 else f"Family{n}",
                     street=f"{n} High Street", phones=[f"+44 20 {n:08d}"]) for n in range(customers)]
        session.execute(insert(Customer), rows)
        session.execute(insert(Interaction), [dict(customer_id=n + 1, owner_id=agent, created_by_id=agent,
                                                   reason=f"{NAME if n == 0 else 'someone'} called") for n in range(customers)])
        session.execute(insert(Note), [dict(interaction_id=n // notes_each + 1, agent_id=agent,
                                            text=f"{NAME if n < notes_each else 'a customer'} said line {n}")
                                       for n in range(customers * notes_each)])
        session.commit()
    desk.engine.dispose()


def erase_once(template: Path, folder: Path, scrub: bool) -> tuple[float, float, bool]:
    """Seconds for the erasure, seconds for the rebuild, and whether the name is still in the file or WAL."""
    path = folder / f"round-{scrub}-{time.monotonic_ns()}.sqlite"
    shutil.copyfile(template, path)
    desk = open_desk(sqlite_url(path))
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Bench Supervisor", Role.SUPERVISOR))
    started = time.perf_counter()
    with desk.session() as session:
        erase_customer(session, desk.agent_id, 1, "benchmark")
    erased = time.perf_counter()
    if scrub:
        scrub_freed_pages(desk.engine)
    rebuilt = time.perf_counter()
    held = path.read_bytes() + (Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b"")
    desk.engine.dispose()
    return erased - started, rebuilt - erased, b"Quillfeather" in held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=3, help="notes per customer")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="where the desks go (use the desk's own disk)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(dir=args.folder))
    template = folder / "template.sqlite"
    build(template, args.customers, args.notes)
    print(f"{args.customers:,} customers, {args.customers * args.notes:,} notes, {template.stat().st_size / 1e6:.1f} MB; "
          f"load average {os.getloadavg()[0]:.1f}")
    for scrub, label in ((True, "erase + VACUUM + checkpoint"), (False, "naive: erase only")):
        rounds = [erase_once(template, folder, scrub) for _ in range(args.rounds)]
        print(f"{label:30} erase {statistics.median(r[0] for r in rounds) * 1000:7.0f} ms  "
              f"rebuild {statistics.median(r[1] for r in rounds) * 1000:7.0f} ms  "
              f"name still in file or WAL: {'yes' if any(r[2] for r in rounds) else 'no'}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
