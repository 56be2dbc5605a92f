"""Opens the desk's database: the engine, SQLite's settings for sharing, and the schema upgrade."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from frontdesk.db.errors import DatabaseError
from frontdesk.db.migrate import current_revision, upgrade_to_head, waiting_for_upgrades

BUSY_TIMEOUT_MS = 5_000
"""How long a terminal waits for another terminal's write (SQLite) or row lock (PostgreSQL) before it
gives up and says so; the screen keeps what was typed, so the agent can simply try again."""

CONNECT_TIMEOUT_S = 5
"""How long to wait for a PostgreSQL server to answer at all: a server that is down, firewalled or
hung is reported in one line instead of a terminal that hangs with no word."""

SYNCHRONOUS = "FULL"
"""SQLite syncs the journal at every commit, so a saved note survives a power cut, not only a crash
(see benchmarks/durability_bench.py and README, Configuration, for what it costs)."""

POSTGRES_SETTINGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "options": " ".join((
        f"-c lock_timeout={BUSY_TIMEOUT_MS}",
        "-c statement_timeout=60000",
        "-c idle_in_transaction_session_timeout=60000",
    )),
}
"""libpq settings unless the URL gives its own. lock_timeout matches SQLite's busy timeout: a save
blocked by another terminal fails in 5 s, in words, instead of freezing the desk. statement_timeout
(60 s) stops a runaway query from holding the server; no desk query comes near it. A terminal
stopped mid-transaction (Ctrl+Z, a hung machine) loses its transaction after 60 s idle, so it
cannot hold other terminals' rows locked for ever."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers and one writer share the file across terminals; SQLite needs asking for FKs."""
    dbapi_connection.isolation_level = None  # transactions are begun by _begin instead
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
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
    if not os.access(path.parent, os.W_OK):
        raise DatabaseError(f"The folder {path.parent} is not writable; the desk keeps its journal there.")
    _create_private(path)
    if not os.access(path, os.R_OK):
        raise DatabaseError(f"The database file {path} cannot be read (permission denied).")
    if not os.access(path, os.W_OK):
        raise DatabaseError(f"The database file {path} is read-only; the desk needs to write to it.")


OWNER_ONLY = 0o600
"""A new database file is readable by its owner only: it holds customers' personal (often health) data.
SQLite gives the file's WAL and shared-memory companions the same permissions as the file itself."""


def _create_private(path: Path) -> None:
    """Creates the empty file before SQLite does, so it never exists with wider permissions; an existing one is left as it is."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseError(f"Cannot create the database file {path}: {error.strerror}.") from None


def _shown(url: str) -> str:
    """The URL as it may be printed: any password replaced, even in a URL that does not parse."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def _parsed(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise DatabaseError(f"{_shown(url)!r} is not a database URL (expected e.g. sqlite:///desk.db).") from None
    except ValueError:  # SQLAlchemy reads the port with int()
        raise DatabaseError(f"{_shown(url)!r} is not a database URL: the port must be a number.") from None


def make_engine(url: str) -> Engine:
    parsed = _parsed(url)
    if parsed.get_backend_name() != "sqlite" and not parsed.database:
        raise DatabaseError(f"The database URL {_shown(url)!r} names no database; "
                            "add its name, e.g. postgresql+psycopg://desk@server/frontdesk.")
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed.database or "")
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=_postgres_settings(parsed))
    except Exception as error:  # a missing driver, bad options: SQLAlchemy raises several kinds
        raise DatabaseError(f"Cannot use the database {parsed.render_as_string(hide_password=True)}: {error}") from None


def _postgres_settings(parsed: URL) -> dict[str, object]:
    """Timeouts for the libpq drivers (psycopg, psycopg2); settings in the URL's query win."""
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        return {}
    return {key: value for key, value in POSTGRES_SETTINGS.items() if key not in parsed.query}


def _check_writable(engine: Engine) -> None:
    """Fail at start, not at the first saved note, when the database only allows reading.

    It takes the write lock, so it waits out another terminal that is creating the schema right now
    (four terminals opening a new file at once), however long that takes on a busy machine.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection, waiting_for_upgrades(connection):
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
        connection.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
        connection.rollback()


def open_database(url: str, *, create: bool = True) -> Engine:
    """An engine on an up-to-date schema, or a DatabaseError that says what is wrong.

    With `create` False, for commands that only read, a database that holds no desk is refused and
    nothing is made: no folder, no file, no tables in a server's database named by mistake."""
    if not create:
        _refuse_missing_file(url)
    engine = make_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect().execution_options(**READ_ONLY) as connection:  # is anyone there: no write lock
            connection.execute(text("SELECT 1"))
        if not create and current_revision(engine) is None:
            raise DatabaseError(_no_desk_at(engine.url))
        _check_writable(engine)
        upgrade_to_head(engine)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseError(f"Cannot open the database {shown}: {_reason(error)}.") from None
    return engine


def _refuse_missing_file(url: str) -> None:
    """Before the engine is made, which would create the file and its folder."""
    parsed = _parsed(url)
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not database.startswith("file:"):
        if not Path(database).exists():
            raise DatabaseError(_no_desk_at(parsed))


def _no_desk_at(url: URL) -> str:
    where = url.database if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)
    return f"There is no desk at {where}: check --db or --db-url."


def _reason(error: DBAPIError) -> str:
    message = str(error.orig) if error.orig is not None else str(error)
    if "not a database" in message:
        return "the file is not a frontdesk database (or is damaged)"
    if "readonly" in message:
        return "it is read-only; the desk needs to write to it"
    if "unable to open" in message:
        return "the file cannot be opened (check the path and permissions)"
    if "timeout expired" in message:
        return f"the server did not answer within {CONNECT_TIMEOUT_S} s (is it running, at this host and port?)"
    if "lock timeout" in message or "database is locked" in message:
        return "another terminal held it too long (it may be upgrading it); try again in a minute"
    return message.splitlines()[0]
