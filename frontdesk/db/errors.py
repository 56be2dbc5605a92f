"""Database failures worded for the person at the desk, not for a developer."""


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why and what to do."""


class ValidationError(ValueError):
    """Input the desk cannot store as typed; the message is shown to the user as it is.

    Defined here because the database layer itself refuses text no column can hold (see
    db/limits.py); services raise it too, importing it from services.validation.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
