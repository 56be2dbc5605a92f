"""Many desks on one database: N real app processes work a scripted shift at once.

Each desk is a separate process running the real app headless (Textual's `run_test`), driven by
keys: it looks customers up, opens their card, takes a call with notes, makes a promise, wraps up,
and corrects a customer record. Every desk listens to the change feed like a real terminal.

Reported per run (database x number of desks):
- notes / promises / edits typed and then missing from the database (must be 0);
- errors: error toasts, tracebacks, workers that failed (must be 0);
- how long news of a commit at one desk took to reach another desk's screen (DeskChanged handled,
  measured from the change's commit timestamp; p50 / p95 / max; target p95 <= 1 s);
- the longest stall of each app's event loop (how late a 10 ms sleep wakes up; target <= 50 ms), and the
  UI thread's CPU time within it (on a loaded machine the stall is longer than the work that caused it);
- writes per second over the whole desk.

    python benchmarks/desks_bench.py                        # 2, 4 and 8 desks on SQLite and PostgreSQL
    python benchmarks/desks_bench.py --desks 2 --seconds 10 --backends sqlite

Side by side, in the same run, the naive desk: the same shift on the code before the change feed
(`--naive 6b8cb37`, checked out into a temporary git worktree), whose screens read the database on
the UI thread and poll it on timers. It hears no news (it has no feed), so only its losses, errors,
stalls and write rate are compared. `--naive none` skips it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH_PIN = "0000"
"""The practice desk's PIN, given to the bench's extra agents too, so every desk signs in the same way."""

ROOT = Path(__file__).resolve().parent.parent
TREE_VARIABLE = "FRONTDESK_BENCH_TREE"
"""Set for a worker that runs another checkout of frontdesk (the naive desk): import that one."""
sys.path.insert(0, os.environ.get(TREE_VARIABLE, str(ROOT)))
NAIVE_REVISION = "6b8cb37"
"""The last commit before many desks: SQL on the UI thread, a 2 s reload timer, no change feed."""

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass
class ShiftLog:
    """What one desk did and saw; written as JSON for the conductor to check against the database."""

    agent: str
    notes: list[str] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    edits: list[tuple[int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    max_stall_ms: float = 0.0
    max_stall_cpu_ms: float = 0.0
    """The UI thread's CPU time within the longest stall: what the app itself did, whatever the machine's load."""
    searches: int = 0
    calls: int = 0


# ---------------------------------------------------------------- one desk (a worker process)


async def measure_stalls(log: ShiftLog, stop: asyncio.Event) -> None:
    """How late a 10 ms sleep wakes: the longest time the event loop could not react to a key."""
    while not stop.is_set():
        started, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(0.01)
        late = (time.perf_counter() - started - 0.01) * 1000
        if late > log.max_stall_ms:
            log.max_stall_ms, log.max_stall_cpu_ms = late, (time.thread_time() - cpu) * 1000


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


KEY_GAP = 0.06
"""Seconds between keys: a fast typist. Keys sent back to back would measure a machine flooded with
input (eight apps redrawing flat out on two cores), not a desk at work."""


async def type_keys(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)
        await asyncio.sleep(KEY_GAP)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def back_to_greeting(pilot) -> None:
    """F2, then Esc out of whatever card or dialog the Greeting section still has open."""
    await pilot.press("f2")
    await settle(pilot)
    for _attempt in range(5):
        if screen_name(pilot.app) == "GreetingScreen":
            return
        await pilot.press("escape")
        await settle(pilot)


async def open_customer(pilot, log: ShiftLog, query: str) -> bool:
    """Greeting: type the name, choose the first row; True when the greeting card is open."""
    app = pilot.app
    await back_to_greeting(pilot)
    box = app.screen.query_one("#query")
    box.value = ""
    box.focus()  # back from a card, focus may still be on the results
    await type_keys(pilot, query)
    await settle(pilot)
    log.searches += 1
    await pilot.press("down", "enter")
    await settle(pilot)
    return screen_name(app) == "GreetingCardScreen"


async def take_call(pilot, log: ShiftLog, desk_index: int, round_number: int) -> None:
    app = pilot.app
    await pilot.press("c")
    await settle(pilot)
    if screen_name(app) != "LiveCallScreen":
        log.errors.append(f"no live call after c (on {screen_name(app)})")
        return
    log.calls += 1
    for line in range(4):
        text = f"desk{desk_index} round{round_number} line{line} the customer asks about results {uuid.uuid4().hex[:6]}"
        await type_keys(pilot, text)
        await pilot.press("enter")
        log.notes.append(text)
        await asyncio.sleep(0.05)
    await settle(pilot)
    await make_promise(pilot, log, desk_index, round_number)
    await wrap_up(pilot, log)


async def make_promise(pilot, log: ShiftLog, desk_index: int, round_number: int) -> None:
    app = pilot.app
    await pilot.press("ctrl+n")
    await settle(pilot)
    if screen_name(app) != "PromiseFormScreen":
        log.errors.append(f"no promise form (on {screen_name(app)})")
        return
    what = f"desk{desk_index} round{round_number} call back with the results {uuid.uuid4().hex[:6]}"
    app.screen.query_one("#promise-what").value = what
    app.screen.query_one("#promise-due .when-input").value = "tomorrow 11am"
    for _attempt in range(3):  # a warning (closed hours, a full day) asks for a second Ctrl+S
        await pilot.press("ctrl+s")
        await settle(pilot)
        if screen_name(app) != "PromiseFormScreen":
            log.promises.append(what)
            return
    log.errors.append(f"promise not saved: {error_line(app)}")
    await pilot.press("escape")
    await settle(pilot)


async def wrap_up(pilot, log: ShiftLog) -> None:
    app = pilot.app
    await pilot.press("f9")
    await settle(pilot)
    if screen_name(app) != "WrapUpScreen":
        log.errors.append(f"no wrap-up (on {screen_name(app)})")
        return
    await pilot.press("down", "enter")
    summary = app.screen.query_one("#summary")
    summary.text += "\nChecked with the lab; the customer will hear by phone."
    for _attempt in range(3):
        await pilot.press("ctrl+s")
        await settle(pilot)
        if screen_name(app) != "WrapUpScreen":
            break
    for _attempt in range(5):
        if screen_name(app) in ("GreetingScreen", "CallScreen", "GreetingCardScreen"):
            return
        await pilot.press("escape")  # a follow-up offer, or a dialog left open
        await settle(pilot)


async def edit_customer(pilot, log: ShiftLog, customer_id: int, query: str) -> None:
    """Correct the record's pronunciation hint: a customer edit the other desks must not overwrite."""
    app = pilot.app
    if not await open_customer(pilot, log, query):
        return
    await pilot.press("e")
    await settle(pilot)
    if screen_name(app) != "CustomerFormScreen":
        log.errors.append(f"no customer form (on {screen_name(app)})")
        return
    hint = f"say-{uuid.uuid4().hex[:8]}"
    edited = app.screen.customer_id  # the record the search put first, which may be a namesake of the one meant
    app.screen.query_one("#field-pronunciation").value = hint
    for _attempt in range(3):
        await pilot.press("ctrl+s")
        await settle(pilot)
        if screen_name(app) != "CustomerFormScreen":
            log.edits.append((edited, hint))
            break
    else:
        log.errors.append(f"customer edit not saved: {error_line(app)}")
    await back_to_greeting(pilot)


def error_line(app) -> str:
    found = app.screen.query("#form-error, .error")
    return " / ".join(str(widget.render()) for widget in found)[:200]


def observe(log: ShiftLog, terminal_id: str):
    """Message hook: news of another desk's change reached this desk's screens; how long it took."""
    from textual.notifications import Notify

    try:
        from frontdesk.ui.messages import DeskChanged
    except ImportError:  # the naive desk has no change feed
        DeskChanged = type("NoFeed", (), {})

    def hook(message) -> None:
        if isinstance(message, DeskChanged):
            now = datetime.now(UTC)
            for change in message.changes:
                if change.terminal and change.terminal != terminal_id and change.at is not None:
                    log.latencies.append((now - change.at).total_seconds())
        elif isinstance(message, Notify) and "database" in str(message.notification.message).lower():
            log.errors.append(f"toast: {message.notification.message}")  # the desk could not save or read

    return hook


async def work_a_shift(url: str, agent: str, desk_index: int, seconds: float, customers: list[tuple[int, str]]) -> ShiftLog:
    try:
        from frontdesk.cli.launch import make_app
    except ImportError:  # the naive desk's layout
        from frontdesk.launch import make_app

    log = ShiftLog(agent)
    try:
        app = make_app(url, agent_name=agent, secret=BENCH_PIN)
    except TypeError:  # the naive desk signs in without a secret
        app = make_app(url, agent_name=agent)
    stop = asyncio.Event()
    terminal_id = getattr(app.desk, "terminal_id", "")
    async with app.run_test(size=(120, 40), message_hook=observe(log, terminal_id)) as pilot:
        await back_to_greeting(pilot)  # past an offer to resume open work
        stall_meter = asyncio.create_task(measure_stalls(log, stop))
        deadline = time.monotonic() + seconds
        round_number = 0
        while time.monotonic() < deadline:
            customer_id, name = customers[(desk_index + round_number * 7) % len(customers)]
            if await open_customer(pilot, log, name):
                await take_call(pilot, log, desk_index, round_number)
            mine_id, mine_name = customers[-1 - desk_index]
            await edit_customer(pilot, log, mine_id, mine_name)
            round_number += 1
        await asyncio.sleep(1.5)  # let the last news from the other desks arrive
        stop.set()
        await stall_meter
    return log


def worker_main(args: argparse.Namespace) -> None:
    customers = [tuple(pair) for pair in json.loads(Path(args.customers).read_text())]
    delay = args.start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    try:
        log = asyncio.run(work_a_shift(args.url, args.agent, args.index, args.seconds, customers))
    except Exception as error:  # the conductor reports it; a crashed desk is the worst result of all
        log = ShiftLog(args.agent, errors=[f"crashed: {error!r}"])
    Path(args.out).write_text(json.dumps(asdict(log)))


# ---------------------------------------------------------------- the conductor


def fresh_database(backend: str, folder: Path, pg_url: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{folder / 'desks.sqlite'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"frontdesk_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(pg_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str, pg_url: str) -> None:
    if not url.startswith("postgresql"):
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def prepare_main(args: argparse.Namespace) -> None:
    """The practice desk's customers, with one agent per desk (the demo has four people).

    Runs in the tree under test, so the naive desk's database has the naive desk's schema.
    """
    from sqlmodel import select

    from frontdesk.db.models import Agent, Customer
    from frontdesk.services.agents import create_agent

    try:
        from frontdesk.demo.practice import open_practice_desk
    except ImportError:  # the naive desk's layout
        from frontdesk.launch import open_desk

        def open_practice_desk(url: str):
            return open_desk(url, practice=True)

    desks = args.desks
    desk = open_practice_desk(args.url)
    with desk.session() as session:
        agents = [agent.name for agent in session.exec(select(Agent).where(Agent.active)).all()]
        for number in range(len(agents), desks):
            try:
                agents.append(create_agent(session, f"Bench Agent {number + 1}", secret=BENCH_PIN).name)
            except TypeError:  # the naive desk's agents have no secret
                agents.append(create_agent(session, f"Bench Agent {number + 1}").name)
        customers = [(customer.id, f"{customer.given_name} {customer.family_name}")
                     for customer in session.exec(select(Customer).order_by(Customer.id)).all()
                     if customer.given_name.isascii() and customer.family_name.isascii()]
    desk.engine.dispose()
    Path(args.out).write_text(json.dumps({"agents": agents[:desks], "customers": customers}))


def check_against_database(url: str, logs: list[ShiftLog]) -> dict[str, int]:
    """Everything a desk typed must be in the database exactly as typed (plain SQL: either schema)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        notes = set(connection.execute(text("SELECT text FROM note")).scalars())
        promises = set(connection.execute(text("SELECT what FROM promise")).scalars())
        hints = {row[0]: row[1] for row in connection.execute(text("SELECT id, pronunciation FROM customer"))}
    engine.dispose()
    last_edit = {customer_id: hint for log in logs for customer_id, hint in log.edits}
    return {
        "notes typed": sum(len(log.notes) for log in logs),
        "notes lost": sum(text not in notes for log in logs for text in log.notes),
        "promises made": sum(len(log.promises) for log in logs),
        "promises lost": sum(what not in promises for log in logs for what in log.promises),
        "edits": sum(len(log.edits) for log in logs),
        "edits lost": sum(hints.get(customer_id) != hint for customer_id, hint in last_edit.items()),
    }


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_desks(backend: str, desks: int, seconds: float, pg_url: str, tree: Path | None) -> dict[str, object]:
    """One run; `tree` is another checkout to run instead of this one (the naive desk)."""
    environment = dict(os.environ, **({TREE_VARIABLE: str(tree), "PYTHONPATH": str(tree)} if tree else {}))
    with tempfile.TemporaryDirectory(prefix="desks-bench-") as folder_name:
        folder = Path(folder_name)
        url = fresh_database(backend, folder, pg_url)
        try:
            subprocess.run([sys.executable, __file__, "prepare", "--url", url, "--desks", str(desks),
                            "--out", str(folder / "desk.json")], env=environment, check=True)
            prepared = json.loads((folder / "desk.json").read_text())
            agents = prepared["agents"]
            (folder / "customers.json").write_text(json.dumps(prepared["customers"]))
            start_at = time.time() + 3 + desks * 0.5
            processes = [
                subprocess.Popen([
                    sys.executable, __file__, "worker", "--url", url, "--agent", agent, "--index", str(index),
                    "--seconds", str(seconds), "--start-at", str(start_at), "--customers", str(folder / "customers.json"),
                    "--out", str(folder / f"desk{index}.json"),
                ], env=environment, stdout=subprocess.DEVNULL, stderr=open(folder / f"desk{index}.err", "w"))
                for index, agent in enumerate(agents)
            ]
            for process in processes:
                process.wait(timeout=seconds + 300)
            logs = []
            for index, agent in enumerate(agents):
                out = folder / f"desk{index}.json"
                if out.exists():
                    logs.append(ShiftLog(**json.loads(out.read_text())))
                else:
                    tail = (folder / f"desk{index}.err").read_text()[-300:]
                    logs.append(ShiftLog(agent, errors=[f"no report: {tail}"]))
            counts = check_against_database(url, logs)
        finally:
            drop_database(url, pg_url)
    latencies = [value for log in logs for value in log.latencies]
    writes = counts["notes typed"] + counts["promises made"] + counts["edits"] + sum(log.calls * 2 for log in logs)
    return {
        "desk": "naive" if tree else "frontdesk", "database": backend, "desks": desks, **counts,
        "errors": sum(len(log.errors) for log in logs),
        "error samples": [error for log in logs for error in log.errors][:3],
        "news p50 ms": percentile(latencies, 0.5) * 1000, "news p95 ms": percentile(latencies, 0.95) * 1000,
        "news max ms": max(latencies, default=float("nan")) * 1000, "news heard": len(latencies),
        "longest stall ms": max(log.max_stall_ms for log in logs),
        "its cpu ms": max(logs, key=lambda log: log.max_stall_ms).max_stall_cpu_ms,
        "writes/s": writes / seconds,
    }


def print_table(rows: list[dict[str, object]]) -> None:
    print("\n| desk | database | desks | notes lost | promises lost | edits lost | errors | news p50 / p95 / max | longest stall | writes/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        heard = (f"{row['news p50 ms']:.0f} / {row['news p95 ms']:.0f} / {row['news max ms']:.0f} ms ({row['news heard']} heard)"
                 if row["news heard"] else "none heard")
        print(f"| {row['desk']} | {row['database']} | {row['desks']} | {row['notes lost']} of {row['notes typed']} | "
              f"{row['promises lost']} of {row['promises made']} | {row['edits lost']} of {row['edits']} | {row['errors']} | "
              f"{heard} | "
              f"{row['longest stall ms']:.0f} ms ({row['its cpu ms']:.0f} ms cpu) | {row['writes/s']:.1f} |")
    for row in rows:
        for sample in row["error samples"]:
            print(f"  {row['desk']} {row['database']} x{row['desks']}: {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode")
    worker = sub.add_parser("worker")
    for name in ("--url", "--agent", "--customers", "--out"):
        worker.add_argument(name, required=True)
    worker.add_argument("--index", type=int, required=True)
    worker.add_argument("--seconds", type=float, required=True)
    worker.add_argument("--start-at", type=float, required=True)
    prepare = sub.add_parser("prepare")
    prepare.add_argument("--url", required=True)
    prepare.add_argument("--out", required=True)
    prepare.add_argument("--desks", type=int, required=True)
    parser.add_argument("--desks", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each desk's shift")
    parser.add_argument("--naive", default=NAIVE_REVISION, help="git revision of the naive desk, or 'none'")
    parser.add_argument("--pg-url", default=os.environ.get("FRONTDESK_TEST_PG_URL", DEFAULT_PG))
    args = parser.parse_args()
    if args.mode == "worker":
        worker_main(args)
        return
    if args.mode == "prepare":
        prepare_main(args)
        return
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, shift {args.seconds:.0f} s per desk")
    rows = []
    with naive_checkout(args.naive) as naive:
        for backend in args.backends:
            for desks in args.desks:
                for tree in (None, naive) if naive else (None,):
                    row = run_desks(backend, desks, args.seconds, args.pg_url, tree)
                    print(json.dumps(row, default=str), flush=True)
                    rows.append(row)
    print_table(rows)


@contextmanager
def naive_checkout(revision: str) -> Iterator[Path | None]:
    """The naive desk's code in a temporary git worktree, removed afterwards."""
    if revision == "none":
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="desks-bench-naive-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(folder), revision], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=False)


if __name__ == "__main__":
    main()
