"""How long a committed change takes to reach another terminal's feed: p50 / p95 / max over N notes.

    python benchmarks/feed_latency.py --db-url sqlite:////tmp/feed-bench.sqlite
    python benchmarks/feed_latency.py --db-url postgresql+psycopg://postgres@127.0.0.1:5432/feed_bench

Two Desks (two engines, as two terminals) on one database. Terminal A adds N notes at random
intervals (so commits fall anywhere in the watcher's polling cycle); terminal B's DeskFeed hears
them. Latency is measured from the writer's clock just before its commit (DeskChange.at) to the
moment B's listener is called, both on this machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time
from datetime import UTC, datetime

from frontdesk.services.agents import create_agent
from frontdesk.services.changes import Change
from frontdesk.services.desk import open_desk
from frontdesk.services.feed import DeskFeed
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db-url", required=True, help="an empty (or frontdesk) database both terminals share")
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    writer, reader = open_desk(args.db_url), open_desk(args.db_url)
    with writer.session() as session:
        writer.agent = create_agent(session, f"Bench {time.time_ns()}")
        call_id = start_interaction(session, writer.agent_id, None).id
    latencies: list[float] = []
    done = threading.Event()

    def heard(changes: list[Change]) -> None:
        now = datetime.now(UTC)
        latencies.extend((now - change.at).total_seconds() for change in changes if change.kind == "note")
        if len(latencies) >= args.changes:
            done.set()

    feed = DeskFeed(reader, heard).start()
    feed.wait_connected(5)
    pause = random.Random(args.seed)
    for n in range(args.changes):
        time.sleep(pause.uniform(0.05, 0.25))
        with writer.session() as session:
            add_note(session, call_id, writer.agent_id, f"line {n}")
    done.wait(10)
    feed.stop()
    ms = [value * 1000 for value in latencies]
    print(f"{reader.engine.dialect.name}: {len(ms)} changes heard; latency ms p50 {statistics.median(ms):.1f}, "
          f"p95 {percentile(ms, 0.95):.1f}, max {max(ms):.1f}")
    writer.engine.dispose()
    reader.engine.dispose()


if __name__ == "__main__":
    main()
