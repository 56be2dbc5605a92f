"""Signing in with a secret: wrong tries are counted, and five in a row lock that person out for five minutes.

A desk is set up by its first supervisor, who chooses their own secret; after that only supervisors give
people secrets (services/agents.py). A desk upgraded from before secrets existed is in the same state as
a new one until a supervisor has chosen a secret: its supervisors choose theirs at their first sign-in,
and its agents wait for a supervisor to set theirs, so nobody can claim a colleague's name first.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from frontdesk.clock.dates import clock_words
from frontdesk.clock.now import to_local, utcnow
from frontdesk.db.models import Agent, Role
from frontdesk.services import audit
from frontdesk.services.agent_secrets import hash_secret, secret_matches
from frontdesk.services.agents import create_agent
from frontdesk.services.locks import advisory_lock, lock_row
from frontdesk.services.validation import ValidationError

MAX_TRIES = 5
"""Wrong secrets in a row before the person is locked out."""
LOCK_FOR = timedelta(minutes=5)
"""How long a lock-out lasts: long enough to stop guessing, short enough not to stop the desk."""


class SignInRefused(ValidationError):
    """A wrong secret, a locked-out person, or someone who has no secret yet; the message says which."""

    def __init__(self, message: str) -> None:
        super().__init__("secret", message)


class NoSecretYet(SignInRefused):
    """The person has no secret: a supervisor sets one, or, while the desk is being set up, a supervisor chooses their own."""

    def __init__(self, agent: Agent, *, may_choose: bool) -> None:
        super().__init__(
            f"{agent.name} has no secret yet; choose one now." if may_choose
            else f"{agent.name} has no secret yet; a supervisor sets one (command palette: Reset a colleague's secret)."
        )
        self.may_choose = may_choose


def check_secret(session: Session, agent_id: int, secret: str, *, purpose: str = "sign-in") -> Agent:
    """The person, if `secret` is theirs; otherwise SignInRefused, with the wrong try counted and committed.

    The person's row is locked while the try is counted, so wrong secrets typed at two terminals at once
    all count. `purpose` names the check on the audit trail ("sign-in", "unlock", "approve goodwill").
    """
    agent = lock_row(session, Agent, agent_id)
    if agent is None or not agent.active:
        raise SignInRefused("That person is not at this desk any more.")
    if agent.locked_until is not None and to_local(agent.locked_until) > utcnow():
        raise SignInRefused(f"{agent.name} is locked after {MAX_TRIES} wrong tries; try again after "
                            f"{clock_words(agent.locked_until)}.")
    if agent.secret_hash is None:
        raise NoSecretYet(agent, may_choose=agent.role == Role.SUPERVISOR and setting_up(session))
    if secret_matches(agent.secret_hash, secret):
        agent.failed_tries, agent.locked_until = 0, None
        audit.record(session, agent.id, purpose, "agent", agent.id)
        session.commit()
        return agent
    return _wrong_try(session, agent, purpose)


def _wrong_try(session: Session, agent: Agent, purpose: str) -> Agent:
    agent.failed_tries += 1
    audit.record(session, None, "wrong secret", "agent", agent.id, purpose)
    if agent.failed_tries >= MAX_TRIES:
        agent.failed_tries, agent.locked_until = 0, utcnow() + LOCK_FOR
        audit.record(session, None, "locked", "agent", agent.id, f"{MAX_TRIES} wrong secrets; locked for {LOCK_FOR}")
        message = f"Wrong secret. {agent.name} is locked for {LOCK_FOR.seconds // 60} minutes."
    else:
        left = MAX_TRIES - agent.failed_tries
        message = f"Wrong secret; {left} {'try' if left == 1 else 'tries'} left before {agent.name} is locked."
    session.commit()
    raise SignInRefused(message)


def setting_up(session: Session) -> bool:
    """True until an active supervisor has a secret: a new desk, or one upgraded from before secrets."""
    query = select(Agent.id).where(Agent.role == Role.SUPERVISOR, Agent.active == True, Agent.secret_hash != None)  # noqa: E711, E712
    return session.exec(query.limit(1)).first() is None


def start_desk(session: Session, name: str, secret: str) -> Agent:
    """The first person on an empty desk: its supervisor, with the secret they chose. Refused once anyone is here."""
    advisory_lock(session, "desk", "setting up")
    if session.exec(select(Agent.id).limit(1)).first() is not None:
        raise ValidationError("name", "This desk already has people; sign in, or ask a supervisor to add you.")
    return create_agent(session, name, Role.SUPERVISOR, secret=secret)


def choose_first_secret(session: Session, agent_id: int, secret: str) -> Agent:
    """A supervisor on a desk being set up chooses their own secret; once one has, the others get theirs from them."""
    hashed = hash_secret(secret)
    advisory_lock(session, "desk", "setting up")
    agent = lock_row(session, Agent, agent_id)
    if agent is None or not agent.active or agent.role != Role.SUPERVISOR or agent.secret_hash is not None or not setting_up(session):
        raise SignInRefused("A supervisor has already set this desk up; ask them to set your secret.")
    agent.secret_hash = hashed
    audit.record(session, agent.id, "set secret", "agent", agent.id, "first supervisor")
    session.commit()
    return agent

