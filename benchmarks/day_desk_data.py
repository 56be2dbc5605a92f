"""A year at a busy desk, generated fast for day_bench.py: rows built as tuples and written in bulk
(executemany on SQLite, COPY on PostgreSQL), seeded so every run measures the same desk."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, Table

from frontdesk.db.models import (
    Agent, Customer, GoodwillGrant, Handoff, Interaction, MoodChange, Note, Promise, PromiseChange,
)

CATEGORIES = ("Appointment", "Test results", "Billing", "Order or delivery", "Refund or exchange", "Prescription", "Complaint")
OUTCOMES = ("resolved", "resolved", "resolved", "follow-up", "escalated", "left")
MOODS = ("calm", "worried", "upset", "angry")
CHUNK = 50_000


def working_moment(rng: random.Random, start: datetime, days: int) -> datetime:
    """A weekday between 08:00 and 17:00 UTC somewhere in the `days` after start."""
    while True:
        day = start + timedelta(days=rng.randrange(days))
        if day.weekday() < 5:
            return day.replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(seconds=rng.randrange(9 * 3600))


def generate(engine: Engine, *, customers: int, interactions: int, notes: int, promises: int, agents: int,
             now: datetime, seed: int = 2026) -> dict[str, int]:
    """Fills an empty, migrated database; returns the rows written per table."""
    rng = random.Random(seed)
    year_ago = now - timedelta(days=365)
    written: dict[str, int] = {}

    def write(table: Table, rows: Iterator[tuple], columns: str | None = None) -> None:
        written[table.name] = _bulk(engine, table, rows, columns.split() if columns else None)

    write(Agent.__table__, ((number, f"Agent {number}", "supervisor" if number == 1 else "agent", True, year_ago)
                            for number in range(1, agents + 1)), "id name role active created_at")
    write(Customer.__table__, ((number, 1, "", f"Given{number}", f"Family{number % 5000}", "", "", [], "", "", "",
                                None, "en", "", year_ago, year_ago, 1, None) for number in range(1, customers + 1)),
          "id version honorific given_name family_name preferred_address pronunciation phones email street city "
          "birth_date language preferences created_at updated_at created_by_id merged_into_id")
    starts: list[tuple[datetime, int]] = []

    def contacts() -> Iterator[tuple]:
        for number in range(1, interactions + 1):
            started = working_moment(rng, year_ago, 365)
            ended = started + timedelta(minutes=rng.randint(3, 30)) if started < now - timedelta(hours=1) else None
            owner = rng.randint(2, agents)
            outcome = rng.choice(OUTCOMES) if ended else ""
            rated = ended is not None and rng.random() < 0.5
            starts.append((started, owner))
            yield (number, rng.randint(1, customers), "phone", "Question", owner, owner, started, ended, outcome, "summary",
                   rng.choice(CATEGORIES), (rng.random() < 0.85) if ended else None,
                   started + timedelta(minutes=1) if outcome == "escalated" else None, "", rng.randint(1, 5) if rated else None,
                   "", rated if ended else None, [], False, False)

    write(Interaction.__table__, contacts())
    write(Note.__table__, ((number, 1, (number - 1) % interactions + 1, starts[(number - 1) % interactions][1],
                            starts[(number - 1) % interactions][0] + timedelta(seconds=30 * (number // interactions + 1)),
                            "The customer asked about the appointment and the invoice.", number % 50 == 0, None)
                           for number in range(1, notes + 1)))
    handoffs = [(index + 1, starts[index]) for index in range(interactions) if rng.random() < 0.1]
    write(Handoff.__table__, ((number, interaction, owner, owner % agents + 1, started + timedelta(minutes=2), "")
                              for number, (interaction, (started, owner)) in enumerate(handoffs, start=1)))
    moods = [(index + 1, starts[index]) for index in range(interactions) if rng.random() < 0.2]
    write(MoodChange.__table__, ((number, interaction, owner, mood, started + timedelta(minutes=minute))
                                 for number, (interaction, (started, owner), mood, minute) in enumerate(
                                     ((i, s, m, k) for i, s in moods for m, k in ((rng.choice(MOODS), 1), (rng.choice(MOODS[:2]), 3))), start=1)))
    write(Promise.__table__, _promises(rng, promises, customers, agents, year_ago, now))
    write(PromiseChange.__table__, ((number, rng.randint(1, promises), rng.randint(2, agents), moment, moment + timedelta(hours=4),
                                     moment + timedelta(days=1), True, rng.random() < 0.7, "")
                                    for number, moment in enumerate((working_moment(rng, year_ago, 365) for _ in range(promises // 10)), start=1)))
    write(GoodwillGrant.__table__, ((number, rng.randint(2, agents), rng.randint(1, customers), None, None, "gesture",
                                     rng.choice((500, 1000, 2000)), "Waited", working_moment(rng, year_ago, 365),
                                     1 if rng.random() < 0.1 else None) for number in range(1, interactions // 50 + 1)))
    return written


def _promises(rng: random.Random, count: int, customers: int, agents: int, year_ago: datetime, now: datetime) -> Iterator[tuple]:
    """A quarter are callbacks; the rest promises, kept early, on time or late, and some still open."""
    for number in range(1, count + 1):
        callback = number % 4 == 0
        asked = working_moment(rng, year_ago, 365)
        due = asked + (timedelta(hours=2) if callback else timedelta(days=rng.randint(1, 5)))
        closed = (asked if callback else due) + timedelta(minutes=rng.choice((-120, -10, 0, 30, 180, 1600)) + (60 if callback else 0))
        closed = max(closed, asked + timedelta(minutes=5))
        still_open = closed >= now or rng.random() < 0.03
        yield (number, 1, rng.randint(1, customers), None, "Call back", "callback" if callback else "promise", "", "", due,
               rng.randint(2, agents), 1, "open" if still_open else "kept", asked, None if still_open else closed, "phone", "",
               (not still_open) and closed > due, "", "")


def _bulk(engine: Engine, table: Table, rows: Iterator[tuple], columns: list[str] | None = None) -> int:
    """Writes tuples in the table's column order (or the columns named, the others taking their defaults),
    a chunk at a time; returns how many."""
    columns = columns or [column.name for column in table.columns]
    written = 0
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            cursor = connection.connection.cursor()
            cursor.execute("SET LOCAL statement_timeout = 0")  # the desk's 60 s limit is for terminals, not bulk loads
            cursor.execute("SET LOCAL session_replication_role = replica")  # the generator's ids are consistent: skip FK checks
            quoted = ", ".join(f'"{name}"' for name in columns)
            with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(tuple(json.dumps(value) if isinstance(value, list) else value for value in row))
                    written += 1
            if "id" in columns:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), {max(written, 1)})")
            return written
        cursor = connection.connection.cursor()  # sqlite3 itself: tuples in, no per-value processing
        marks = ", ".join("?" for _ in columns)
        statement = f'INSERT INTO "{table.name}" ({", ".join(columns)}) VALUES ({marks})'
        chunk: list[tuple] = []
        for row in rows:
            chunk.append(tuple(_sqlite_value(value) for value in row))
            if len(chunk) == CHUNK:
                cursor.executemany(statement, chunk)
                written += len(chunk)
                chunk.clear()
        cursor.executemany(statement, chunk)
        written += len(chunk)
    return written


def _sqlite_value(value: object) -> object:
    """As SQLAlchemy stores it on SQLite: UTC wall time with microseconds, JSON as text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, list):
        return json.dumps(value)
    return value
