"""The database layer: tables, the engine and the schema migrations."""

from frontdesk.db.engine import open_database, sqlite_url
from frontdesk.db.errors import DatabaseError

__all__ = ["DatabaseError", "open_database", "sqlite_url"]
