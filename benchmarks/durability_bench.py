"""What SQLite's `synchronous = FULL` costs: notes saved per second with NORMAL and with FULL, same run.

Each note is saved as the Call screen saves it: through the service layer, one transaction per line,
so every note is one commit. With WAL, NORMAL syncs only at checkpoints (a power cut can lose the
last commits, never the file); FULL syncs the log at every commit (a saved note survives a power
cut). The two runs alternate, on files in one folder, and the median of the rounds is reported.
Give `--folder` on the disk the desk will use: a tmpfs makes every sync free and the figures empty.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from frontdesk.db import sqlite_url
from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note

MODES = ("NORMAL", "FULL")


def desk_with(path: Path, mode: str) -> tuple[Desk, int]:
    """A new desk whose connections use `mode`, with one agent and one call open to take notes on."""
    desk = open_desk(sqlite_url(path))

    @event.listens_for(desk.engine, "connect")
    def _synchronous(dbapi_connection, _record) -> None:  # runs after the engine's own settings
        dbapi_connection.execute(f"PRAGMA synchronous = {mode}")

    desk.engine.dispose()  # connections made from now on get the mode
    with desk.session() as session:
        desk.agent = create_agent(session, "Bench Agent")
        call = start_interaction(session, desk.agent_id, None, reason="Durability benchmark").id
        actual = session.connection().exec_driver_sql("PRAGMA synchronous").scalar()
    assert actual == {"NORMAL": 1, "FULL": 2}[mode], actual
    return desk, call


def notes_per_second(path: Path, mode: str, notes: int) -> float:
    desk, call = desk_with(path, mode)
    try:
        started = time.perf_counter()
        for number in range(notes):
            with desk.session() as session:
                add_note(session, call, desk.agent_id, f"Customer says the parcel is late, line {number}")
        return notes / (time.perf_counter() - started)
    finally:
        desk.engine.dispose()


def filesystem_of(folder: Path) -> str:
    """The mount's type, from /proc/mounts where there is one (Linux); '?' elsewhere."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "?"
    best = max((m for m in mounts if str(folder.resolve()).startswith(m[1])), key=lambda m: len(m[1]), default=None)
    return best[2] if best else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=500, help="notes saved per round and mode (default 500)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported (default 3)")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()), help="where the test files go")
    args = parser.parse_args()
    results: dict[str, list[float]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(dir=args.folder, prefix="frontdesk-durability-") as folder:
        for round_number in range(args.rounds):
            for mode in MODES:
                path = Path(folder) / f"{mode.lower()}-{round_number}.sqlite"
                results[mode].append(notes_per_second(path, mode, args.notes))
    print(f"{args.notes} notes x {args.rounds} rounds, one commit each, in {args.folder} ({filesystem_of(args.folder)}),"
          f" load average {os.getloadavg()[0]:.2f}")
    for mode in MODES:
        rates = results[mode]
        print(f"synchronous={mode:<6}  median {statistics.median(rates):7.0f} notes/s"
              f"  ({1000 / statistics.median(rates):.2f} ms per note; rounds: {', '.join(f'{r:.0f}' for r in rates)})")
    ratio = statistics.median(results["NORMAL"]) / statistics.median(results["FULL"])
    print(f"FULL costs {ratio:.2f}x the time of NORMAL per saved note")


if __name__ == "__main__":
    main()
