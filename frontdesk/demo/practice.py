"""The practice desk: a desk opened on a database that is filled with the demo data when empty."""

from __future__ import annotations

from frontdesk.demo.seed import seed_demo
from frontdesk.services.agents import list_agents
from frontdesk.services.customers import customer_count
from frontdesk.services.desk import Desk, open_desk

PRACTICE_PIN = "0000"
"""Every demo agent's PIN, shown on the practice desk's sign-in screen: the demo is for trying, not for guarding."""


def open_practice_desk(url: str) -> Desk:
    """Seeds an empty database, so `--agent` can name one of the demo agents on a new practice desk."""
    desk = open_desk(url, practice=True)
    with desk.reading() as session:
        empty = customer_count(session) == 0 and not list_agents(session, active_only=False)
    if empty:
        seed_demo(desk.engine, pin=PRACTICE_PIN)
    return desk
