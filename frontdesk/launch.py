"""One way to open a desk and build the app on it, shared by the CLI and the tests."""

from __future__ import annotations

from frontdesk.app import FrontDeskApp
from frontdesk.db import DatabaseError, open_database
from frontdesk.db.models import Agent
from frontdesk.demo.seed import seed_demo
from frontdesk.desk import Desk
from frontdesk.services.agents import find_agent, list_agents
from frontdesk.services.customers import customer_count


def open_desk(url: str, *, agent_name: str | None = None, practice: bool = False) -> Desk:
    """Opens (and if needed creates and upgrades) the database; a demo desk is seeded when empty."""
    desk = Desk(engine=open_database(url), practice=practice)
    if practice:
        with desk.session() as session:
            empty = customer_count(session) == 0 and not list_agents(session, active_only=False)
        if empty:
            seed_demo(desk.engine)
    if agent_name is not None:
        desk.agent = _agent_named(desk, agent_name)
    return desk


def _agent_named(desk: Desk, name: str) -> Agent:
    with desk.session() as session:
        agent = find_agent(session, name)
        if agent is None or not agent.active:
            known = ", ".join(a.name for a in list_agents(session)) or "none yet"
            raise DatabaseError(f"No active agent called {name!r} at this desk (agents: {known}).")
        return agent


def make_app(url: str, *, agent_name: str | None = None, practice: bool = False) -> FrontDeskApp:
    return FrontDeskApp(open_desk(url, agent_name=agent_name, practice=practice))
