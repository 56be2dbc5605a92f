"""Database failures worded for the person at the desk, not for a developer."""


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why and what to do."""
