"""Copies of a desk's database: SQLite through its online backup API, PostgreSQL through pg_dump and pg_restore.

A copy is written beside its destination under a temporary name and renamed into place only once it
is complete and checked, so a backup that fails half-way never leaves a file that looks like a backup.
Nothing here ever writes over an existing file or a database that already has tables.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import URL, make_url

from frontdesk.db.engine import BUSY_TIMEOUT_MS
from frontdesk.db.errors import DatabaseError

PG_ARCHIVE_MAGIC = b"PGDMP"
"""The first bytes of pg_dump's custom-format archive."""
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class PgCommand:
    """A pg_dump or pg_restore run: what to execute, and the same with the password hidden, to print."""

    argv: tuple[str, ...]
    password: str | None
    """Handed over in PGPASSWORD, not on the command line, where other users of the machine could see it."""
    shown: str
    available: bool
    """False when the program is not installed here: the caller prints `shown` for someone to run elsewhere."""


def copy_sqlite(source: Path, destination: Path) -> str:
    """A consistent copy of a database other terminals may be writing to; returns integrity_check's verdict ("ok").

    The backup API copies every page in one step under one read transaction, so the copy is one
    committed state of the desk; in WAL mode the writers carry on meanwhile. The copy is made a
    single self-contained file (journal_mode DELETE), readable by its owner only.
    """
    _refuse_existing(destination)
    partial = _temporary_beside(destination)
    try:
        verdict = _checked_copy(source, partial)
        _move_to_new(partial, destination)
    finally:
        partial.unlink(missing_ok=True)
    return verdict


def _checked_copy(source: Path, partial: Path) -> str:
    source_db = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        copy = sqlite3.connect(partial)
        try:
            source_db.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = integrity_of(copy)
        finally:
            copy.close()
    except sqlite3.Error as error:
        raise DatabaseError(f"Cannot copy {source}: {error}.") from None
    finally:
        source_db.close()
    if verdict != "ok":
        raise DatabaseError(f"The copy of {source} failed its integrity check: {verdict}")
    return verdict


def restore_sqlite(backup: Path, new_database: Path) -> str:
    """The backup copied to a new file, never over an existing one; the desk upgrades it when it opens it."""
    with backup.open("rb") as file:
        if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise DatabaseError(f"{backup} is not an SQLite backup of a desk.")
    return copy_sqlite(backup, new_database)


def integrity_of(connection: sqlite3.Connection) -> str:
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(row[0] for row in rows)


def is_pg_archive(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(PG_ARCHIVE_MAGIC)) == PG_ARCHIVE_MAGIC


def pg_dump_command(url: str, destination: Path) -> PgCommand:
    """pg_dump's own custom format: compressed, and pg_restore can restore it into any empty database."""
    _refuse_existing(destination)
    libpq = _libpq(url)
    return _command("pg_dump", ("--format=custom", "--no-owner", f"--file={destination}"), libpq)


def pg_restore_command(archive: Path, url: str) -> PgCommand:
    """Only into a database without tables: a restore never lands on a live desk."""
    libpq = _libpq(url)
    engine = create_engine(url)
    try:
        tables = inspect(engine).get_table_names()
    except Exception as error:  # the server's or the driver's own words, in one line
        raise DatabaseError(f"Cannot reach {libpq.render_as_string(hide_password=True)}: {str(error).splitlines()[0]}") from None
    finally:
        engine.dispose()
    if tables:
        raise DatabaseError(f"{libpq.render_as_string(hide_password=True)} already has tables; restore into a new, empty database.")
    return _command("pg_restore", ("--no-owner", "--exit-on-error", str(archive)), libpq)


def run_dump(command: PgCommand, destination: Path) -> None:
    """pg_dump writes a temporary file of its own beside DEST, which becomes DEST only if no other copy got there first."""
    partial = _temporary_beside(destination)
    try:
        run(replace(command, argv=tuple(f"--file={partial}" if part == f"--file={destination}" else part
                                        for part in command.argv)))
        _move_to_new(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def run(command: PgCommand) -> None:
    env = {**os.environ, **({"PGPASSWORD": command.password} if command.password else {})}
    done = subprocess.run(command.argv, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise DatabaseError(f"{command.argv[0]} failed: {last}")


def _command(program: str, options: tuple[str, ...], libpq: URL) -> PgCommand:
    found = shutil.which(program)
    without_password = libpq.set(password=None).render_as_string()
    argv = (found or program, *options, f"--dbname={without_password}")
    shown = " ".join((program, *options, f"--dbname='{without_password}'"))
    return PgCommand(argv, libpq.password, shown, found is not None)


def _libpq(url: str) -> URL:
    """The URL as libpq reads it: no "+psycopg" driver part."""
    return make_url(url).set(drivername="postgresql")


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise DatabaseError(_exists(path))
    if not path.parent.is_dir():
        raise DatabaseError(f"The folder {path.parent} does not exist.")


def _move_to_new(partial: Path, destination: Path) -> None:
    """A hard link fails if the destination appeared meanwhile (another backup to the same name), unlike a rename."""
    try:
        os.link(partial, destination)
    except FileExistsError:
        raise DatabaseError(_exists(destination)) from None


def _exists(path: Path) -> str:
    return f"{path} already exists; a backup or restore never writes over a file. Name a new one."


def _temporary_beside(destination: Path) -> Path:
    """A new file of its own in the destination's folder, so two copies to one destination never share one;
    created empty with mode 600 (mkstemp's) before SQLite writes to it: a desk's data is personal data."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent)
    except OSError as error:
        raise DatabaseError(f"Cannot write in the folder {destination.parent}: {error.strerror}.") from None
    os.close(handle)
    return Path(name)
