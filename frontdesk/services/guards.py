"""What only a supervisor may do, checked in the services so no screen or command can go around it.

Every guarded operation is named in GUARDED, in this one place: the suite calls each of them
with an agent and expects NotAllowed, so a new supervisor-only service cannot be forgotten.
"""

from __future__ import annotations

from sqlmodel import Session

from frontdesk.db.models import Agent, Role
from frontdesk.services import audit
from frontdesk.services.validation import ValidationError

GUARDED: dict[str, str] = {
    "change_rules": "change the desk rules",
    "change_catalog": "change the solution catalog",
    "change_categories": "change the reason categories",
    "manage_agents": "add agents, reset secrets or take people off the desk",
    "read_day_figures": "read the figures per agent and the reports",
}
"""Operation -> what it does, in the words of the refusal ("Only a supervisor can ...")."""


class NotAllowed(ValidationError):
    """The signed-in person's role does not allow this; the refusal itself is on the audit trail."""

    def __init__(self, operation: str) -> None:
        super().__init__("role", f"Only a supervisor can {GUARDED[operation]}.")
        self.operation = operation


def require_supervisor(session: Session, agent_id: int | None, operation: str) -> Agent:
    """The active supervisor doing `operation`; anyone else is refused, and the refusal is recorded.

    The refusal is committed on its own, so the trail keeps it although the caller's work is not done.
    """
    if operation not in GUARDED:
        raise KeyError(f"{operation!r} is not listed in GUARDED")
    agent = session.get(Agent, agent_id) if agent_id is not None else None
    if agent is not None and agent.active and agent.role == Role.SUPERVISOR:
        return agent
    session.rollback()
    audit.record(session, agent_id, "refused", "operation", None, operation)
    session.commit()
    raise NotAllowed(operation)
