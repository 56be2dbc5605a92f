"""What each outcome code means in the words staff read: the one mapping every screen and table uses.

JSON and CSV keep the codes (they are read back by programs); people read these words.
"""

from __future__ import annotations

from frontdesk.db.models import Outcome

OUTCOME_WORDS: dict[str, str] = {
    Outcome.RESOLVED: "Resolved on first contact",
    Outcome.RESOLVED_LATER: "Resolved after a handoff",
    Outcome.FOLLOW_UP: "Follow-up needed",
    Outcome.ESCALATED: "Escalated",
    Outcome.LEFT: "Customer left or hung up",
}


def outcome_words(outcome: str, *, unset: str = "still open") -> str:
    """The outcome as a person reads it; an interaction without one is still open."""
    if not outcome:
        return unset
    return OUTCOME_WORDS.get(outcome, outcome)
