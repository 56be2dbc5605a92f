"""Backing the desk up while it is in use, and restoring a backup as a new desk; backing up is a supervisor's job."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from frontdesk.db import DatabaseError, backup, open_database
from frontdesk.services.desk import Desk
from frontdesk.services.guards import require_supervisor


@dataclass(frozen=True)
class Copied:
    """A backup made or restored: where it is, and how it was checked."""

    target: str
    """The backup file, or the restored database (its URL, password hidden)."""
    checked: str
    """integrity_check's verdict on an SQLite copy ("ok"), or which PostgreSQL tool made it."""
    command_to_run: str = ""
    """Set when pg_dump or pg_restore is not installed here: the exact command to run where it is."""


def back_up(desk: Desk, destination: Path) -> Copied:
    """SQLite: an online copy, checked; PostgreSQL: pg_dump when installed, else the command to run."""
    with desk.session() as session:
        require_supervisor(session, desk.agent_id, "backup")
    url = desk.engine.url
    if url.get_backend_name() == "sqlite":
        return Copied(str(destination), backup.copy_sqlite(Path(url.database), destination))
    command = backup.pg_dump_command(url.render_as_string(hide_password=False), destination)
    if not command.available:
        return Copied(str(destination), "", command.shown)
    backup.run_dump(command, destination)
    return Copied(str(destination), "pg_dump custom archive")


def restore(archive: Path, target_url: str) -> Copied:
    """Into a new SQLite file or an empty PostgreSQL database only; the restored desk is opened once, which upgrades it.

    Not guarded: whoever can read the backup file holds its data already; the file's permissions are the guard.
    """
    if not archive.is_file():
        raise DatabaseError(f"There is no backup file {archive}.")
    url = make_url(target_url)
    if backup.is_pg_archive(archive):
        if url.get_backend_name() != "postgresql":
            raise DatabaseError(f"{archive} is a PostgreSQL dump: restore it with --db-url into an empty PostgreSQL database.")
        command = backup.pg_restore_command(archive, target_url)
        if not command.available:
            return Copied(url.render_as_string(hide_password=True), "", command.shown)
        backup.run(command)
        checked = "pg_restore"
    elif url.get_backend_name() == "sqlite":
        checked = backup.restore_sqlite(archive, Path(url.database))
    else:
        raise DatabaseError(f"{archive} is an SQLite backup: restore it with --db into a new file.")
    open_database(target_url).dispose()
    return Copied(url.render_as_string(hide_password=True), checked)
