"""Several terminals on one database: a held lock, a server that never answers, a first start from four at once."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlmodel import select

from frontdesk.db import open_database
from frontdesk.db.migrate import alembic_config
from frontdesk.db.models import Note
from frontdesk.services.desk import Desk
from frontdesk.services.errors import DeskUnavailable
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note, edit_note

TERMINALS = 4

STARTS_TOGETHER = """
import sys, time
from frontdesk.services.desk import open_desk  # loaded before the start line, so all open at once
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
open_desk(sys.argv[2]).engine.dispose()  # as the app opens it: creates the desk; needs nobody signed in
"""


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections (the kernel completes them) and never says a word."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def find_on(url: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "frontdesk", "find", "x", "--db-url", url],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    return result, time.monotonic() - started


def test_a_server_that_never_answers_is_one_line_after_5_seconds(silent_server: int) -> None:
    """About 6 s in all on an idle machine: the 5 s connect timeout, plus starting Python. The start
    is timed on a closed port (refused at once, same code path) and taken off. On a loaded machine two
    starts of Python differ by seconds, so the bound is loose: without the timeout the wait was 131 s."""
    result, took = find_on(f"postgresql+psycopg://u@127.0.0.1:{silent_server}/db")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("frontdesk: error: Cannot open the database")
    assert "did not answer within 5 s" in result.stderr  # psycopg's "timeout expired", not a refusal
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed_port = unused.getsockname()[1]
    refused, start_up = find_on(f"postgresql+psycopg://u@127.0.0.1:{closed_port}/db")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    waited = took - start_up
    assert waited < 20, f"took {took:.1f} s, of which {start_up:.1f} s starting up"


def test_a_save_blocked_by_another_terminal_gives_up_after_5_seconds_in_words(desk: Desk) -> None:
    """Another terminal holds the write lock (SQLite) or the row (PostgreSQL) and does not let go."""
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None, reason="Blocked").id
        note_id = add_note(session, call, desk.agent_id, "first wording").id
    other = open_database(desk.engine.url.render_as_string(hide_password=False))
    with other.connect() as holder:  # SQLite: BEGIN IMMEDIATE takes the write lock
        holder.execute(select(Note).where(Note.id == note_id).with_for_update())
        started = time.monotonic()
        with pytest.raises(DeskUnavailable, match="did not answer"), desk.session() as session:
            edit_note(session, note_id, desk.agent_id, "second wording", verbatim=False)
        waited = time.monotonic() - started
        holder.rollback()
    other.dispose()
    assert 4.5 < waited < 8, f"waited {waited:.1f} s"
    with desk.reading() as session:
        assert session.get(Note, note_id).text == "first wording"


def test_a_malformed_port_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "find", "x", "--db-url", "postgresql+psycopg://u@h:abc/db"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr == "frontdesk: error: 'postgresql+psycopg://u@h:abc/db' is not a database URL: the port must be a number.\n"


def test_four_terminals_starting_a_new_database_at_once_all_open_it(db_url: str) -> None:
    """The schema is created once, under a lock; the others wait for it and find it ready."""
    start = f"{time.time() + 3:.3f}"
    terminals = [
        subprocess.Popen([sys.executable, "-c", STARTS_TOGETHER, start, db_url],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        for _ in range(TERMINALS)
    ]
    outcomes = [(terminal.wait(timeout=120), terminal.stderr.read()) for terminal in terminals]
    for terminal in terminals:
        terminal.stdout.close()
        terminal.stderr.close()
    assert outcomes == [(0, "")] * TERMINALS
    engine = open_database(db_url)
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [ScriptDirectory.from_config(alembic_config()).get_current_head()]


def test_opening_waits_out_a_schema_upgrade_longer_than_a_save_would_wait(
    db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal opening the file while another holds it for a slow upgrade waits, instead of failing after the
    busy timeout of a save (that made one of four terminals starting a new desk on a loaded machine fail)."""
    import threading

    from frontdesk.db import engine as engine_module
    from frontdesk.db import sqlite_url

    url = sqlite_url(db_path)
    open_database(url).dispose()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    upgrading = open_database(url)
    locked, release = threading.Event(), threading.Event()

    def hold_the_file() -> None:
        with upgrading.connect() as connection, connection.execution_options(sqlite_begin="EXCLUSIVE").begin():
            connection.exec_driver_sql("PRAGMA user_version = 1")
            locked.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_file)
    holder.start()
    assert locked.wait(10)
    threading.Timer(1.0, release.set).start()  # five times the busy timeout
    started = time.monotonic()
    opened = open_database(url)
    waited = time.monotonic() - started
    holder.join()
    opened.dispose()
    upgrading.dispose()
    assert waited >= 0.9
