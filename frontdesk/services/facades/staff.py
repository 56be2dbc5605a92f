"""The people at the desk, for the sign-in and the app shell: signing in, adding someone, secrets, taking someone off."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services import agents, sign_in
from frontdesk.services.agent_secrets import checked_secret
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.open_work import OpenInteraction, open_work
from frontdesk.services.promises import orphaned_promises


@dataclass(frozen=True)
class TakenOff:
    name: str
    orphaned: int
    """Open promises on the desk now waiting for a new owner."""


@dataclass(frozen=True)
class SignInChoices:
    """What the sign-in screen offers: who is on duty, and whether the desk is still being set up."""

    on_duty: tuple[Colleague, ...]
    setting_up: bool
    """No supervisor has a secret yet: a new desk (nobody here) or one upgraded from before secrets."""


class Staff:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def on_duty(self) -> tuple[Colleague, ...]:
        """The active agents, by name."""
        with self.desk.reading() as session:
            return tuple(agents.colleagues(session))

    def sign_in_choices(self) -> SignInChoices:
        with self.desk.reading() as session:
            return SignInChoices(tuple(agents.colleagues(session)), sign_in.setting_up(session))

    def sign_in(self, agent_id: int, secret: str, *, purpose: str = "sign-in") -> Colleague:
        """The person, if the secret is theirs; SignInRefused (wrong, locked out, no secret yet) otherwise."""
        with self.desk.session() as session:
            return agents.as_colleague(sign_in.check_secret(session, agent_id, secret, purpose=purpose))

    def start_desk(self, name: str, secret: str, repeated: str) -> Colleague:
        """The first supervisor of a new desk, with the secret they typed twice."""
        with self.desk.session() as session:
            return agents.as_colleague(sign_in.start_desk(session, name, checked_secret(secret, repeated)))

    def choose_first_secret(self, agent_id: int, secret: str, repeated: str) -> Colleague:
        with self.desk.session() as session:
            return agents.as_colleague(sign_in.choose_first_secret(session, agent_id, checked_secret(secret, repeated)))

    def add(self, name: str, role: str, secret: str) -> Colleague:
        """Supervisors only; ValidationError for an empty or taken name or a secret too short."""
        with self.desk.session() as session:
            return agents.as_colleague(agents.add_agent(session, name, role, secret, self.desk.agent_id))

    def reset_secret(self, agent_id: int, secret: str) -> Colleague:
        """Supervisors only."""
        with self.desk.session() as session:
            return agents.as_colleague(agents.reset_secret(session, agent_id, secret, self.desk.agent_id))

    def colleagues(self) -> tuple[Colleague, ...]:
        """Everyone at the desk but the signed-in agent."""
        return tuple(colleague for colleague in self.on_duty() if colleague.id != self.desk.agent_id)

    def take_off_desk(self, agent_id: int) -> TakenOff:
        with self.desk.session() as session:
            agent = agents.deactivate_agent(session, agent_id, self.desk.agent_id)
            return TakenOff(agent.name, len(orphaned_promises(session)))

    def left_open(self) -> tuple[OpenInteraction, ...]:
        """What the signed-in agent left open last time, to offer at sign-in."""
        with self.desk.reading() as session:
            return tuple(open_work(session, self.desk.agent_id))
