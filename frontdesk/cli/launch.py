"""One way to build the app on a desk, shared by the CLI and the tests.

It opens (and upgrades) the database before the app runs, so it lives with the CLI, outside the UI layer,
whose code never touches the database on the UI thread.
"""

from __future__ import annotations

from frontdesk.demo.practice import open_practice_desk
from frontdesk.services.desk import agent_named, open_desk, sign_in_as
from frontdesk.ui.app import FrontDeskApp


def make_app(url: str, *, agent_name: str | None = None, secret: str | None = None, practice: bool = False) -> FrontDeskApp:
    """`agent_name` alone preselects that person on the sign-in screen, which still asks for the secret;
    with `secret` too (tests, benchmarks) the person is signed in before the app starts."""
    desk = open_practice_desk(url) if practice else open_desk(url)
    if agent_name is not None and secret is not None:
        sign_in_as(desk, agent_name, secret)
    desk.mark_heard()
    if desk.agent is not None:
        return FrontDeskApp(desk)
    return FrontDeskApp(desk, preselected=agent_named(desk, agent_name) if agent_name is not None else None)
