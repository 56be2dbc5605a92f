"""Brings any database made by an older frontdesk up to the current schema, in place."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from frontdesk.db.errors import DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """Alembic set up in code; the connection is handed to env.py, never a URL (passwords stay out)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _check_known(engine: Engine, config: Config) -> None:
    """A database from a newer frontdesk must not be touched by this one."""
    revision = current_revision(engine)
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
    config = alembic_config()
    _check_known(engine, config)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # SQLite rebuilds a table to alter it; the rows it copies must not trip the FKs midway
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise DatabaseError("The upgrade would break links between records; nothing was changed.")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
