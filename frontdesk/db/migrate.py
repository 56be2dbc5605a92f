"""Brings any database made by an older frontdesk up to the current schema, in place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine

from frontdesk.db.errors import DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Alembic set up in code; the connection is handed to env.py, never a URL (passwords stay out)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


UPGRADE_WAIT_S = 60
"""How long a terminal starting up waits for another terminal's schema upgrade to finish."""

UPGRADE_LOCK_KEY = 0x66726F6E74  # "front"
"""The PostgreSQL advisory lock every frontdesk takes around its schema check and upgrade."""


@contextmanager
def waiting_for_upgrades(connection: Connection) -> Iterator[None]:
    """On SQLite, lets the connection wait as long as a schema upgrade may take, then restores its busy timeout.

    Another terminal may be creating or upgrading the schema of this very file under an exclusive
    transaction; everything a terminal does while opening the database waits for that, not for the
    5 s a save waits. PostgreSQL waits on its advisory lock instead, so there this does nothing.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    busy_timeout = driver.execute("PRAGMA busy_timeout").fetchone()[0]
    driver.execute(f"PRAGMA busy_timeout = {UPGRADE_WAIT_S * 1000}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA busy_timeout = {int(busy_timeout)}")


def current_revision(engine: Engine) -> str | None:
    """Waits as long as an upgrade may take: another terminal may be upgrading a new file right now."""
    with engine.connect() as connection, waiting_for_upgrades(connection):
        return MigrationContext.configure(connection).get_current_revision()


def _head(config: Config) -> str | None:
    return ScriptDirectory.from_config(config).get_current_head()


def _check_known(revision: str | None, config: Config) -> None:
    """A database from a newer frontdesk must not be touched by this one."""
    if revision is None:
        return
    try:
        ScriptDirectory.from_config(config).get_revision(revision)
    except CommandError:
        raise DatabaseError(
            f"This database was written by a newer version of frontdesk (schema {revision}); "
            "update frontdesk to open it. Nothing was changed."
        ) from None


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction that only one terminal at a time can run.

    Several terminals may start on a new database at once. PostgreSQL: each takes a transaction-level
    advisory lock first (released by COMMIT or ROLLBACK, even if the process dies), so the second
    one waits, then finds the schema at head and does nothing. SQLite: the transaction is BEGIN
    EXCLUSIVE, which does the same with the file lock. Either waits up to UPGRADE_WAIT_S.
    """
    config = alembic_config()
    target = _head(config) if revision == "head" else revision
    known = current_revision(engine)
    _check_known(known, config)
    if known == target:
        return  # the usual start: nothing to do, no lock taken
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _upgrade_sqlite(connection, config, revision)
        else:
            with connection.begin():
                _wait_for_other_upgrades(connection)
                _upgrade(connection, config, revision)


def _wait_for_other_upgrades(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{UPGRADE_WAIT_S}s'")
    connection.exec_driver_sql("SET LOCAL statement_timeout = 0")  # a big table may take a while to alter
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK_KEY})")


def _upgrade(connection: Connection, config: Config, revision: str) -> None:
    """Inside the caller's transaction: check again (another terminal may have upgraded), then migrate."""
    _check_known(MigrationContext.configure(connection).get_current_revision(), config)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _upgrade_sqlite(connection: Connection, config: Config, revision: str) -> None:
    """SQLite rebuilds a table to alter it; the rows it copies must not trip the FKs midway."""
    driver = connection.connection.driver_connection
    driver.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
    try:
        with waiting_for_upgrades(connection), connection.execution_options(sqlite_begin="EXCLUSIVE").begin():
            _upgrade(connection, config, revision)
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise DatabaseError("The upgrade would break links between records; nothing was changed.")
    finally:
        driver.execute("PRAGMA foreign_keys = ON")
