"""Opens the desk's database: the engine, SQLite's settings for sharing, and the schema upgrade."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError as SQLDatabaseError, OperationalError

from frontdesk.db.errors import DatabaseError
from frontdesk.db.migrate import upgrade_to_head

BUSY_TIMEOUT_MS = 10_000
"""How long a terminal waits for another terminal's write before it gives up."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers and one writer share the file across terminals; SQLite needs asking for FKs."""
    dbapi_connection.isolation_level = None  # transactions are begun by _begin_immediately instead
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


READ_ONLY = {"sqlite_begin": "DEFERRED"}
"""Execution options for work that only reads (searching, building the index): no write lock."""


def _begin(connection) -> None:
    """Take the write lock when a transaction starts, waiting for it under the busy timeout.

    A deferred transaction that reads and then writes fails at once ("database is locked") if
    another terminal wrote in between, without waiting; two terminals taking notes on one call
    would hit exactly that. Read-only work asks for DEFERRED so it never holds other terminals up.
    """
    mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _check_sqlite_path(database: str) -> None:
    """Catch the path problems SQLite would report cryptically, or not at all until the first write."""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"Cannot create the folder for the database {path}: {error.strerror}.") from None
    if path.exists() and not os.access(path, os.R_OK):
        raise DatabaseError(f"The database file {path} cannot be read (permission denied).")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(f"The database file {path} is read-only; the desk needs to write to it.")
    if not os.access(path.parent, os.W_OK):
        raise DatabaseError(f"The folder {path.parent} is not writable; the desk keeps its journal there.")


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"{url!r} is not a database URL (expected e.g. sqlite:///desk.db).") from None
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed.database or "")
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as error:  # a missing driver, bad options: SQLAlchemy raises several kinds
        raise DatabaseError(f"Cannot use the database {parsed.render_as_string(hide_password=True)}: {error}") from None


def _check_writable(engine: Engine) -> None:
    """Fail at start, not at the first saved note, when the database only allows reading."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
        connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
        connection.rollback()


def open_database(url: str) -> Engine:
    """An engine on an up-to-date schema, or a DatabaseError that says what is wrong."""
    engine = make_engine(url)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        _check_writable(engine)
        upgrade_to_head(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except (OperationalError, SQLDatabaseError) as error:
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {shown}: {_reason(error)}.") from None
    return engine


def _reason(error: SQLDatabaseError) -> str:
    message = str(error.orig) if error.orig is not None else str(error)
    if "not a database" in message:
        return "the file is not a frontdesk database (or is damaged)"
    if "readonly" in message:
        return "it is read-only; the desk needs to write to it"
    if "unable to open" in message:
        return "the file cannot be opened (check the path and permissions)"
    return message.splitlines()[0]
