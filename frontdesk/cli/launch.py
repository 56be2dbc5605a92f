"""One way to build the app on a desk, shared by the CLI and the tests.

It opens (and upgrades) the database before the app runs, so it lives with the CLI, outside the UI layer,
whose code never touches the database on the UI thread.
"""

from __future__ import annotations

from frontdesk.demo.practice import open_practice_desk
from frontdesk.services.desk import open_desk
from frontdesk.ui.app import FrontDeskApp


def make_app(url: str, *, agent_name: str | None = None, practice: bool = False) -> FrontDeskApp:
    desk = open_practice_desk(url, agent_name=agent_name) if practice else open_desk(url, agent_name=agent_name)
    desk.mark_heard()
    return FrontDeskApp(desk)
