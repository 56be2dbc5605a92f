"""A month of the supervisor's figures on a year of a busy desk, set-based next to the naive per-row way.

Generates (or, with --reuse, reopens) a desk with 100,000 customers, 500,000 interactions, 2,000,000
notes and 200,000 promises, then reads the figures for the last 30 days as the Day section and
`frontdesk report` do, several rounds, and the same figures the naive way in the same run: the month's
rows loaded as objects, with a query per interaction for its handoffs, moods and repeat contacts and a
query per promise for its moves. Both must agree on the counts they share.

    python benchmarks/day_bench.py                      # SQLite file in /tmp
    python benchmarks/day_bench.py --db-url postgresql+psycopg://postgres@127.0.0.1:5432/day_bench
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from day_desk_data import generate  # noqa: E402

from frontdesk.db import open_database, sqlite_url  # noqa: E402
from frontdesk.db.engine import READ_ONLY  # noqa: E402
from frontdesk.db.models import Handoff, Interaction, MoodChange, Promise, PromiseChange  # noqa: E402
from frontdesk.services.desk_rules import load_rules  # noqa: E402
from frontdesk.services.figures.board import DeskFigures, desk_figures  # noqa: E402
from frontdesk.services.figures.charts import desk_charts  # noqa: E402
from frontdesk.services.figures.period import Period  # noqa: E402
from frontdesk.services.figures.satisfaction import MOOD_SCALE  # noqa: E402

NOW = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
"""The benchmark's 'now', fixed so every run reads the same month."""
SUPERVISOR = 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-url", help="a database to fill (default: an SQLite file in /tmp)")
    parser.add_argument("--reuse", action="store_true", help="measure the desk already generated at --db-url")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=500_000)
    parser.add_argument("--notes", type=int, default=2_000_000)
    parser.add_argument("--promises", type=int, default=200_000)
    parser.add_argument("--agents", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    url = args.db_url or sqlite_url(Path("/tmp/day_bench.sqlite"))
    if not args.reuse:
        _fresh(url)
        engine = open_database(url)
        started = time.perf_counter()
        written = generate(engine, customers=args.customers, interactions=args.interactions, notes=args.notes,
                           promises=args.promises, agents=args.agents, now=NOW)
        _analyze(engine)
        print(f"generated in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{count:,} {name}" for name, count in written.items()))
    engine = open_database(url)
    month = Period(NOW - timedelta(days=30), NOW, "the last 30 days", UTC)
    print(f"{engine.dialect.name}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {month.label} to {NOW:%Y-%m-%d %H:%M} UTC")
    figures, timings = _timed(args.rounds, lambda session: desk_figures(session, SUPERVISOR, month, NOW, load_rules(session)), engine)
    _report("figures, set-based", timings)
    _, chart_timings = _timed(args.rounds, lambda session: desk_charts(session, SUPERVISOR, month, NOW), engine)
    _report("charts, set-based", chart_timings)
    naive, naive_timings = _timed(1, lambda session: _naive(session, month), engine)
    _report("figures, naive per row", naive_timings)
    _agree(figures, naive)


def _fresh(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def _analyze(engine) -> None:
    """Statistics for the planner; on PostgreSQL also the visibility map that autovacuum keeps on a desk in
    use, without which no month is read from an index alone."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        return
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))


def _timed(rounds: int, read, engine):
    """Wall time, and this process's CPU time: on a loaded machine the first rises, the second much less
    (on SQLite the query runs in this process; on PostgreSQL in the server, so CPU here is only the client's)."""
    timings, result = [], None
    for _ in range(rounds):
        with Session(engine.execution_options(**READ_ONLY)) as session:  # as the Day section reads: no write lock
            started, cpu = time.perf_counter(), time.process_time()
            result = read(session)
            timings.append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000))
    return result, timings


def _report(what: str, timings: list[tuple[float, float]]) -> None:
    wall, cpu = [w for w, _ in timings], [c for _, c in timings]
    print(f"  {what:<24} wall median {statistics.median(wall):9.1f} ms  min {min(wall):9.1f} ms  max {max(wall):9.1f} ms"
          f"   cpu median {statistics.median(cpu):8.1f} ms   ({len(timings)} rounds, load {os.getloadavg()[0]:.1f})")


def _naive(session: Session, month: Period) -> dict[str, int]:
    """The way a first version would count: objects for the month, then one query per row for what hangs off it."""
    contacts = session.exec(select(Interaction).where(Interaction.started_at >= month.start, Interaction.started_at < month.end)).all()
    credits = resolved_first = calmer = 0
    for interaction in contacts:
        handoffs = session.exec(select(Handoff).where(Handoff.interaction_id == interaction.id)).all()
        credits += len({interaction.owner_id, *(h.from_agent_id for h in handoffs), *(h.to_agent_id for h in handoffs)})
        if interaction.outcome == "resolved":
            repeat = session.exec(select(Interaction.id).where(
                Interaction.customer_id == interaction.customer_id, Interaction.category == interaction.category,
                Interaction.id != interaction.id, Interaction.started_at > interaction.started_at,
                Interaction.started_at <= interaction.started_at + timedelta(days=7)).limit(1)).first()
            resolved_first += repeat is None
        moods = session.exec(select(MoodChange).where(MoodChange.interaction_id == interaction.id)
                             .order_by(MoodChange.at, MoodChange.id)).all()
        calmer += bool(moods) and MOOD_SCALE[moods[-1].mood] < MOOD_SCALE[moods[0].mood]
    promises = session.exec(select(Promise).where(Promise.kind != "callback", Promise.due_at >= month.start, Promise.due_at < month.end)).all()
    moved = sum(len(session.exec(select(PromiseChange).where(PromiseChange.promise_id == promise.id)).all()) for promise in promises)
    return {"contacts": len(contacts), "credits": credits, "resolved_first": resolved_first, "calmer": calmer, "moved": moved}


def _agree(figures: DeskFigures, naive: dict[str, int]) -> None:
    """The set-based figures and the naive count must be the same numbers, or the timing means nothing."""
    credited = sum(row.contacts.contacts for row in figures.agents)
    shared = {"contacts": figures.desk.contacts.contacts, "credits": credited,
              "resolved_first": figures.desk.resolution.resolved_first, "calmer": figures.desk.satisfaction.calmer}
    for name, value in shared.items():
        status = "same" if value == naive[name] else "DIFFERENT"
        print(f"  {name:<16} set-based {value:>8,}   naive {naive[name]:>8,}   {status}")


if __name__ == "__main__":
    main()
