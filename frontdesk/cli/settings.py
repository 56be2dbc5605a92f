"""Which database to open, from the command line first and the environment second."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from frontdesk.db.engine import sqlite_url
from frontdesk.cli.locations import default_database_path

ENV_DB_PATH = "FRONTDESK_DB"
"""An SQLite file to use instead of the one in the user data folder."""
ENV_DB_URL = "FRONTDESK_DB_URL"
"""Any SQLAlchemy URL (postgresql+psycopg://...), for several terminals on one server."""


class SettingsError(ValueError):
    """Options that contradict each other."""


def database_url(db_path: str | None = None, db_url: str | None = None, *, default: Path | None = None) -> str:
    """Flags beat environment variables; a URL and a path together are a mistake, not a guess.

    An empty flag is refused rather than read as "not given" (which would open the default database
    unasked), and so is a database in memory, which would lose everything when the app quits.
    """
    if db_path is not None and db_url is not None:
        raise SettingsError("Give either --db or --db-url, not both.")
    if db_url is not None:
        return _kept(_given(db_url, "--db-url", "a database URL"))
    if db_path is not None:
        return _kept(sqlite_url(Path(_given(db_path, "--db", "a file path")).expanduser()))
    if os.environ.get(ENV_DB_URL):
        return _kept(os.environ[ENV_DB_URL])
    if os.environ.get(ENV_DB_PATH):
        return _kept(sqlite_url(Path(os.environ[ENV_DB_PATH]).expanduser()))
    return sqlite_url(default or default_database_path())


def _given(value: str, flag: str, what: str) -> str:
    if not value.strip():
        raise SettingsError(f"{flag} needs {what}; an empty one names no database.")
    return value


def _kept(url: str) -> str:
    """Refuses SQLite in memory (sqlite://, :memory:, mode=memory): nothing in it outlives the app."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # the engine says what is wrong with it
        return url
    database = (parsed.database or "").rsplit("/", 1)[-1]
    if parsed.get_backend_name() == "sqlite" and (
        database in ("", ":memory:") or parsed.query.get("mode") == "memory" or "mode=memory" in database
    ):
        raise SettingsError("A database in memory loses everything when the app quits; give a file with --db PATH.")
    return url
