"""Which database to open, from the command line first and the environment second."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.db.engine import sqlite_url
from frontdesk.cli.locations import default_database_path

ENV_DB_PATH = "FRONTDESK_DB"
"""An SQLite file to use instead of the one in the user data folder."""
ENV_DB_URL = "FRONTDESK_DB_URL"
"""Any SQLAlchemy URL (postgresql+psycopg://...), for several terminals on one server."""


class SettingsError(ValueError):
    """Options that contradict each other."""


def database_url(db_path: str | None = None, db_url: str | None = None, *, default: Path | None = None) -> str:
    """Flags beat environment variables; a URL and a path together are a mistake, not a guess."""
    if db_path and db_url:
        raise SettingsError("Give either --db or --db-url, not both.")
    if db_url:
        return db_url
    if db_path:
        return sqlite_url(Path(db_path).expanduser())
    if os.environ.get(ENV_DB_URL):
        return os.environ[ENV_DB_URL]
    if os.environ.get(ENV_DB_PATH):
        return sqlite_url(Path(os.environ[ENV_DB_PATH]).expanduser())
    return sqlite_url(default or default_database_path())
