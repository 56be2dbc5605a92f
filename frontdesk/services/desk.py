"""The open desk: the database and the agent at it, shared by every screen."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from frontdesk.clock.dates import use_style
from frontdesk.db import DatabaseError, change_log, open_database
from frontdesk.db.engine import READ_ONLY
from frontdesk.services.agents import Colleague, as_colleague, find_agent, list_agents
from frontdesk.services.desk_rules import DeskRules, load_rules
from frontdesk.services.directory import CustomerDirectory
from frontdesk.services.sign_in import check_secret
from frontdesk.services.errors import DeskUnavailable

change_log.install()  # every commit through any session leaves its DeskChange rows, whoever writes

@dataclass
class Desk:
    engine: Engine
    practice: bool = False
    """True on the demo desk, where new staff can try anything without harm."""
    agent: Colleague | None = field(default=None)
    """Who is signed in at this terminal, as plain data the UI thread can hold."""
    directory: CustomerDirectory = field(default_factory=CustomerDirectory)
    """The customer lookup index, shared by every screen and kept in step with each change."""
    current_interaction_id: int | None = None
    """The call or visit this terminal is working on, if any."""
    desk_name: str = field(default_factory=socket.gethostname)
    """What colleagues see this terminal called ("also open at Desk 2"): `--desk NAME`, or the host name."""
    terminal_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    """This running terminal, for presence and for telling its own changes from others' in the feed."""
    heard_up_to: int | None = None
    """The newest change committed before this terminal's screens first read the desk (see `mark_heard`):
    the change feed delivers everything after it, even what was committed before the feed connected."""

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short session, opened by whichever service call needs it."""
        with _unavailable_as_desk_error(), Session(self.engine, expire_on_commit=False, info=self._signed) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for work that only reads, such as searching: it never takes the write lock."""
        engine = self.engine.execution_options(**READ_ONLY)
        with _unavailable_as_desk_error(), Session(engine, expire_on_commit=False, info=self._signed) as session:
            yield session

    @property
    def _signed(self) -> dict[str, str]:
        """Session info naming this terminal, so the change feed says where a change was made."""
        return {change_log.TERMINAL: self.terminal_id}

    def mark_heard(self) -> None:
        """Called just before the screens start: what is committed from here on reaches them by the feed."""
        with self.reading() as session:
            self.heard_up_to = change_log.newest_id(session)

    def rules(self) -> DeskRules:
        """The desk-wide rules as they stand now; read fresh, since another terminal may have changed them.

        Dates are shown in the calendar and language of the rules last read; the app draws its screens again
        when the rules it reads name another."""
        with self.reading() as session:
            rules = load_rules(session)
        use_style(rules.date_style)
        return rules

    @property
    def agent_id(self) -> int:
        if self.agent is None:
            raise RuntimeError("No agent is signed in at the desk yet.")
        return self.agent.id


@contextmanager
def _unavailable_as_desk_error() -> Iterator[None]:
    """A lock held too long or a server gone away is said in the desk's words; nothing was saved."""
    try:
        yield
    except OperationalError as error:
        raise DeskUnavailable(f"The database did not answer: {str(error.orig or error).splitlines()[0]}") from error


def open_desk(url: str, *, practice: bool = False, create: bool = True) -> Desk:
    """Opens (and if needed creates and upgrades) the database; nobody is signed in yet.

    `create` False: a database without a desk is refused (DatabaseError) rather than made into one."""
    desk = Desk(engine=open_database(url, create=create), practice=practice)
    desk.rules()  # the desk's calendar and language, before anything shows a date
    return desk


def agent_named(desk: Desk, name: str) -> Colleague:
    """The active person called `name` (any case), not yet signed in; DatabaseError naming who is here otherwise."""
    with desk.reading() as session:
        agent = find_agent(session, name)
        if agent is None or not agent.active:
            known = ", ".join(a.name for a in list_agents(session)) or "none yet"
            raise DatabaseError(f"No active agent called {name!r} at this desk (agents: {known}).")
        return as_colleague(agent)


def sign_in_as(desk: Desk, name: str, secret: str) -> Colleague:
    """Signs `name` in at this desk if `secret` is theirs (SignInRefused otherwise), for commands and tests."""
    wanted = agent_named(desk, name)
    with desk.session() as session:
        desk.agent = as_colleague(check_secret(session, wanted.id, secret))
    return desk.agent
