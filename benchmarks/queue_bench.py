"""How long the Day section's live queue takes on a desk with a year behind it, beside a naive per-row queue.

The desk: 100,000 customers, 500,000 interactions and 200,000 promises (issue 10, item 7), of which
what a busy desk has open at once: a few dozen calls and visits in progress (some escalated), a few
hundred callbacks, and a few thousand open promises, most due later, some overdue. Notes are left
out: the queue never reads them. The naive queue reads the same open rows, then each customer and
owner with its own query, as the desk's screens used to. Both are timed in the same run, alternating,
and must find the same items. Target: the live queue in at most 100 ms.

    python benchmarks/queue_bench.py                       # SQLite, in a temporary folder
    python benchmarks/queue_bench.py --url postgresql+psycopg://postgres@127.0.0.1:5432/queue_bench
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import select

from frontdesk.clock.now import utcnow
from frontdesk.db import sqlite_url
from frontdesk.db.models import (
    Agent, Channel, Customer, Interaction, Promise, PromiseKind, PromiseStatus, Role,
)
from frontdesk.services.agents import as_colleague
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.facades.live_queue import LiveQueue
from frontdesk.services.live_queue import DUE_SOON

TARGET_MS = 100.0
CHUNK = 10_000
OPEN_CALLS, ESCALATED, OPEN_CALLBACKS, OPEN_PROMISES, OVERDUE = 40, 6, 300, 3_700, 120


def chunks(rows: Iterator[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(desk: Desk, customers: int, interactions: int, promises: int, seed: int = 10) -> None:
    """Bulk rows straight into the tables (the services would take hours for a year), then the open work."""
    rng, now = random.Random(seed), utcnow()
    year_ago = now - timedelta(days=365)
    with desk.session() as session:
        session.execute(insert(Agent), [
            {"name": f"Agent {number:02d}", "role": Role.SUPERVISOR if number == 0 else Role.AGENT, "active": True,
             "created_at": year_ago} for number in range(20)
        ])
        agents = list(session.exec(select(Agent.id)))
        session.commit()
    desk.agent = as_colleague(next(agent for agent in _agents(desk) if agent.role == Role.SUPERVISOR))

    def moment() -> datetime:
        return year_ago + timedelta(seconds=rng.randrange(365 * 24 * 3600))

    def customer_rows() -> Iterator[dict]:
        for number in range(customers):
            yield {"given_name": f"Given{number}", "family_name": f"Family{number}", "phones": [], "created_at": year_ago,
                   "updated_at": year_ago, "version": 1}

    def interaction_rows() -> Iterator[dict]:
        for number in range(interactions):
            started = moment()
            still_open = number < OPEN_CALLS
            yield {
                "customer_id": rng.randrange(1, customers + 1), "channel": rng.choice((Channel.PHONE, Channel.WALK_IN)),
                "reason": "Question about an order", "owner_id": rng.choice(agents), "created_by_id": rng.choice(agents),
                "started_at": now - timedelta(minutes=rng.randrange(5, 90)) if still_open else started,
                "ended_at": None if still_open else started + timedelta(minutes=rng.randrange(2, 40)),
                "escalated_at": now - timedelta(minutes=3) if number < ESCALATED else None,
                "escalation_reason": "Wants a manager" if number < ESCALATED else "",
                "summary": "", "satisfaction_comment": "", "courtesy": [],
            }

    def promise_rows() -> Iterator[dict]:
        for number in range(promises):
            made = moment()
            callback = number < OPEN_CALLBACKS
            still_open = number < OPEN_CALLBACKS + OPEN_PROMISES
            due = (now - timedelta(hours=rng.randrange(1, 72)) if number < OPEN_CALLBACKS + OVERDUE
                   else now + timedelta(hours=rng.randrange(1, 24 * 30))) if still_open else made + timedelta(days=2)
            yield {
                "customer_id": rng.randrange(1, customers + 1), "what": "Call back" if callback else "Send the form",
                "kind": PromiseKind.CALLBACK if callback else PromiseKind.PROMISE, "due_at": due,
                "owner_id": rng.choice(agents), "created_by_id": rng.choice(agents),
                "status": PromiseStatus.OPEN if still_open else PromiseStatus.KEPT,
                "created_at": now - timedelta(hours=rng.randrange(1, 48)) if still_open else made,
                "closed_at": None if still_open else made + timedelta(days=1), "version": 1,
                "contact": "", "details": "", "tell_by": "", "closing_note": "", "apology": "", "make_good": "",
            }

    for model, rows in ((Customer, customer_rows()), (Interaction, interaction_rows()), (Promise, promise_rows())):
        for batch in chunks(rows):
            with desk.session() as session:
                session.execute(insert(model), batch)
                session.commit()


def _agents(desk: Desk) -> list[Agent]:
    with desk.reading() as session:
        return list(session.exec(select(Agent)))


def naive_queue(desk: Desk) -> int:
    """The same items, read the per-row way: every open promise filtered in Python, each name its own query."""
    now = utcnow()
    with desk.reading() as session:
        load_rules(session)
        found = 0
        for promise in session.exec(select(Promise).where(Promise.status == PromiseStatus.OPEN)):
            if promise.kind != PromiseKind.CALLBACK and promise.due_at.timestamp() > (now + DUE_SOON).timestamp():
                continue
            session.get(Customer, promise.customer_id)
            session.get(Agent, promise.owner_id)
            found += 1
        for interaction in session.exec(select(Interaction).where(Interaction.ended_at == None)):  # noqa: E711
            session.get(Customer, interaction.customer_id)
            session.get(Agent, interaction.owner_id)
            found += 1
        return found


def timed(read: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        read()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a database URL (an empty PostgreSQL database); default: SQLite in a temporary folder")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=500_000)
    parser.add_argument("--promises", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=15, help="timed reads of each queue; medians reported (default 15)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="frontdesk-queue-") as folder:
        desk = open_desk(args.url or sqlite_url(Path(folder) / "queue.sqlite"))
        started = time.perf_counter()
        fill(desk, args.customers, args.interactions, args.promises)
        print(f"{desk.engine.dialect.name}: {args.customers:,} customers, {args.interactions:,} interactions, "
              f"{args.promises:,} promises, made in {time.perf_counter() - started:.0f} s")
        queue = LiveQueue(desk)
        items = queue.items()
        assert len(items) == naive_queue(desk), "the two queues disagree"
        live, naive = [], []
        for _ in range(args.rounds):  # alternating, so both see the same machine load
            live += timed(queue.items, 1)
            naive += timed(lambda: naive_queue(desk), 1)
        live_ms, naive_ms = statistics.median(live), statistics.median(naive)
        print(f"{len(items)} items in the queue")
        print(f"live queue (set-based): median {live_ms:7.1f} ms   (target <= {TARGET_MS:.0f} ms: "
              f"{'met' if live_ms <= TARGET_MS else 'NOT met'})")
        print(f"naive queue (per row):  median {naive_ms:7.1f} ms   ({naive_ms / live_ms:.1f}x slower)")
        desk.engine.dispose()


if __name__ == "__main__":
    main()
