"""Backups made while another terminal writes, restored into a new database, hold one committed state of the desk."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import SQLModel, func, select

from databases import throwaway_database
from frontdesk.db import DatabaseError, open_database
from frontdesk.db.backup import copy_sqlite, integrity_of, is_pg_archive, pg_dump_command, restore_sqlite, run_dump
from frontdesk.db.models import AuditEvent, Role
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.backups import back_up, restore
from frontdesk.services.desk import Desk
from frontdesk.services.guards import NotAllowed

TESTS = Path(__file__).parent


def row_counts(url: str) -> dict[str, int]:
    engine = open_database(url)
    try:
        with engine.connect() as connection:
            return {table: connection.execute(select(func.count()).select_from(SQLModel.metadata.tables[table])).scalar_one()
                    for table in SQLModel.metadata.tables}
    finally:
        engine.dispose()


class BusyWriter:
    """Another process adding customers, one commit each, for as long as the test lets it."""

    def __init__(self, url: str, folder: Path) -> None:
        self.stop_file = folder / "stop-writing"
        self.process = subprocess.Popen([sys.executable, str(TESTS / "busy_writer.py"), url, str(self.stop_file)],
                                        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})

    def wait_for(self, count: int) -> int:
        """Blocks until the writer has committed `count` more customers; returns its running total."""
        for _ in range(count):
            line = self.process.stdout.readline()
            assert line, "the writer stopped"
        return int(line)

    def wait_beyond(self, total: int) -> int:
        """Blocks until the writer's running total passes `total` (lines it printed earlier may still be unread)."""
        while True:
            line = self.process.stdout.readline()
            assert line, "the writer stopped"
            if int(line) > total:
                return int(line)

    def stop(self) -> None:
        self.stop_file.touch()
        self.process.communicate(timeout=30)


@pytest.fixture
def supervisor_desk(desk: Desk) -> Desk:
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Daniel Brooks", Role.SUPERVISOR))
    return desk


def test_a_backup_made_while_another_process_writes_restores_with_the_same_rows(
        supervisor_desk: Desk, db_url: str, backend: str, tmp_path: Path) -> None:
    writer = BusyWriter(db_url, tmp_path)
    try:
        before = writer.wait_for(20)
        done = back_up(supervisor_desk, tmp_path / "backup.file")
        when_copied = row_counts(db_url)["customer"]  # the copy holds at most this many
        after = writer.wait_beyond(when_copied)
    finally:
        writer.stop()
    assert done.command_to_run == "" and done.checked
    with throwaway_database(backend, tmp_path, "restored") as restored_url:
        restore(Path(done.target), restored_url)
        restored, live = row_counts(restored_url), row_counts(db_url)
        if backend == "sqlite":
            assert restored == row_counts(f"sqlite:///{done.target}")
        engine = open_database(restored_url)
        with engine.connect() as connection:
            created = connection.execute(select(func.count()).select_from(AuditEvent.__table__)
                                         .where(AuditEvent.action == "create", AuditEvent.entity == "customer")).scalar_one()
        engine.dispose()
    assert before <= restored["customer"] <= when_copied < after <= live["customer"], "the copy was made in the middle of the writes"
    assert created == restored["customer"], "each customer and its audit entry were committed together, and copied together"


def test_a_restore_never_writes_over_an_existing_file(supervisor_desk: Desk, backend: str, tmp_path: Path) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite files; a PostgreSQL restore refuses a database with tables (next test)")
    done = back_up(supervisor_desk, tmp_path / "backup.sqlite")
    existing = tmp_path / "live.sqlite"
    existing.write_bytes(b"someone's desk")
    with pytest.raises(DatabaseError, match="never writes over"):
        restore(Path(done.target), f"sqlite:///{existing}")
    with pytest.raises(DatabaseError, match="never writes over"):
        back_up(supervisor_desk, Path(done.target))
    assert existing.read_bytes() == b"someone's desk"
    assert Path(done.target).stat().st_mode & 0o077 == 0


def test_a_postgresql_restore_refuses_a_database_that_has_tables(supervisor_desk: Desk, db_url: str, backend: str,
                                                                 tmp_path: Path) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL databases; an SQLite restore refuses an existing file (previous test)")
    done = back_up(supervisor_desk, tmp_path / "backup.dump")
    with pytest.raises(DatabaseError, match="already has tables"):
        restore(Path(done.target), db_url)


def test_only_a_supervisor_backs_up(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(NotAllowed):
        back_up(desk, tmp_path / "backup.file")
    assert not (tmp_path / "backup.file").exists()


def _copy_together(barrier, source: str, destination: str, how: str) -> str:
    """One of two processes copying to the same new file, released together at `barrier`."""
    barrier.wait(60)
    try:
        if how == "pg_dump":
            run_dump(pg_dump_command(source, Path(destination)), Path(destination))
        else:
            (restore_sqlite if how == "restore" else copy_sqlite)(Path(source), Path(destination))
    except DatabaseError as error:
        return f"refused: {error}"
    except Exception:  # noqa: BLE001  (a raw error is what the test must report)
        return f"crashed: {traceback.format_exc()}"
    return "copied"


@pytest.mark.parametrize("restoring", [False, True], ids=["backup", "restore"])
def test_two_copies_to_one_destination_at_once_one_wins_and_the_other_says_it_exists(
        supervisor_desk: Desk, db_url: str, backend: str, tmp_path: Path, restoring: bool) -> None:
    """`frontdesk backup rb.bak & frontdesk backup rb.bak`: each process writes its own temporary file, and only
    one of them becomes the destination; the other is refused in words, with nothing left behind."""
    if backend != "sqlite" and (restoring or not shutil.which("pg_dump")):
        pytest.skip("a PostgreSQL restore goes into a database, not a file; pg_dump is needed for a PostgreSQL backup")
    how = "pg_dump" if backend != "sqlite" else "restore" if restoring else "backup"
    source = db_url if backend != "sqlite" else Path(supervisor_desk.engine.url.database)
    if restoring:
        copy_sqlite(source, tmp_path / "backup.sqlite")
        source = tmp_path / "backup.sqlite"
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(2, mp_context=context) as pool:
        barrier = manager.Barrier(2)
        for trial in range(4):
            destination = tmp_path / f"copy-{trial}.sqlite"
            outcomes = sorted(future.result(timeout=120) for future in
                              [pool.submit(_copy_together, barrier, str(source), str(destination), how) for _ in range(2)])
            assert outcomes[0] == "copied" and outcomes[1].startswith("refused: "), outcomes
            assert "already exists" in outcomes[1] and "\n" not in outcomes[1], outcomes
            if how == "pg_dump":
                assert is_pg_archive(destination)
                continue
            with sqlite3.connect(destination) as copy:
                assert integrity_of(copy) == "ok"
    expected = {"backup.sqlite"} if restoring else set()
    assert {path.name for path in tmp_path.iterdir() if not path.name.startswith("copy-")} <= {*expected, "desk.sqlite",
                                                                                              "desk.sqlite-wal", "desk.sqlite-shm"}
