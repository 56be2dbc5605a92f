"""Failures a service reports to the person at the desk, beyond input that cannot be stored."""

from __future__ import annotations

from frontdesk.services.validation import ValidationError


class DeskUnavailable(Exception):
    """The database did not answer in time (another terminal holds it, or the server is away).

    Nothing was saved by the failed call; the screen keeps what was typed so it can be tried again.
    """


class EditConflict(ValidationError):
    """Another terminal saved the same record after this one read it; saving now would overwrite it.

    `theirs` describes what the other terminal changed, field by field, so the agent can re-apply
    their own edit on top of it; what the agent typed stays in the form.
    """

    def __init__(self, field: str, message: str, theirs: tuple[str, ...] = ()) -> None:
        super().__init__(field, message)
        self.theirs = theirs
