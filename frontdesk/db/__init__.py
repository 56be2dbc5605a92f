"""The database layer: tables, the engine and the schema migrations."""

from frontdesk.db import limits  # noqa: F401  (registers the check every write passes, on any Session)
from frontdesk.db.engine import open_database, sqlite_url
from frontdesk.db.errors import DatabaseError, ValidationError

__all__ = ["DatabaseError", "ValidationError", "open_database", "sqlite_url"]
