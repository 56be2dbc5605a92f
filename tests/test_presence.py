"""Presence: which terminals have the desk open and which customer each has on screen; crashed ones expire."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from frontdesk.cli import desk_app
from frontdesk.cli.main import build_parser
from frontdesk.clock.now import set_clock, utcnow
from frontdesk.services import presence
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.feed import DeskFeed, Heartbeat
from tests.heard import Heard


@pytest.fixture
def colleague(desk: Desk):
    """Nikos at a second terminal on the same database, with a feed listening."""
    other = open_desk(desk.engine.url.render_as_string(hide_password=False))
    other.desk_name = "Desk 2"
    with other.session() as session:
        other.agent = as_colleague(create_agent(session, "Nikos Georgiou"))
    heard = Heard()
    feed = DeskFeed(other, heard).start()
    assert feed.wait_connected(5)
    yield other, heard
    feed.stop()
    other.engine.dispose()


def customer_of(desk: Desk) -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id).id


def register(desk: Desk, name: str) -> None:
    with desk.session() as session:
        presence.register(session, desk.terminal_id, name, desk.agent_id)


def show(desk: Desk, customer_id: int | None) -> None:
    with desk.session() as session:
        presence.show_customer(session, desk.terminal_id, customer_id)


def open_elsewhere(desk: Desk, customer_id: int) -> list[str]:
    with desk.reading() as session:
        return [entry.describe() for entry in presence.open_elsewhere(session, desk.terminal_id, [customer_id]).get(customer_id, ())]


def test_a_customer_open_at_one_terminal_shows_at_the_other(desk: Desk, colleague) -> None:
    other, heard = colleague
    customer_id = customer_of(desk)
    register(desk, "Desk 1")
    register(other, "Desk 2")
    show(desk, customer_id)
    showing = heard.wait_for(lambda c: c.kind == "presence" and c.action == "showing")
    assert showing.customer_id == customer_id
    assert open_elsewhere(other, customer_id) == ["Desk 1 (Sara Karimi)"]
    assert open_elsewhere(desk, customer_id) == [], "a terminal is not 'elsewhere' to itself"


def test_moving_to_another_customer_tells_the_screens_of_both(desk: Desk, colleague) -> None:
    other, heard = colleague
    first, second = customer_of(desk), customer_of(desk)
    register(desk, "Desk 1")
    show(desk, first)
    heard.wait_for(lambda c: c.action == "showing" and c.customer_id == first)
    heard.clear()
    show(desk, second)
    heard.wait_for(lambda c: c.action == "showing" and c.customer_id == second)
    heard.wait_for(lambda c: c.action == "showing" and c.customer_id == first)
    assert open_elsewhere(other, first) == [] and open_elsewhere(other, second) == ["Desk 1 (Sara Karimi)"]


def test_leaving_is_heard_with_the_customer_that_was_open(desk: Desk, colleague) -> None:
    other, heard = colleague
    customer_id = customer_of(desk)
    register(desk, "Desk 1")
    show(desk, customer_id)
    with desk.session() as session:
        presence.leave(session, desk.terminal_id)
    left = heard.wait_for(lambda c: c.kind == "presence" and c.action == "left")
    assert left.customer_id == customer_id
    assert open_elsewhere(other, customer_id) == []


def test_a_silent_terminal_expires_and_the_next_heartbeat_says_so(desk: Desk, colleague) -> None:
    other, heard = colleague
    customer_id = customer_of(desk)
    register(desk, "Desk 1")
    register(other, "Desk 2")
    show(desk, customer_id)
    assert open_elsewhere(other, customer_id) == ["Desk 1 (Sara Karimi)"]
    later = utcnow() + presence.EXPIRES_AFTER + timedelta(seconds=1)
    set_clock(lambda: later)  # Sara's terminal crashed: no beat for longer than EXPIRES_AFTER
    assert open_elsewhere(other, customer_id) == []
    with other.session() as session:
        assert presence.heartbeat(session, other.terminal_id)
    heard.wait_for(lambda c: c.kind == "presence" and c.action == "left")
    with desk.session() as session:
        assert presence.heartbeat(session, desk.terminal_id) is False, "dropped: it must register again"


def test_the_heartbeat_thread_registers_beats_and_leaves(desk: Desk, colleague, monkeypatch) -> None:
    other, heard = colleague
    monkeypatch.setattr(presence, "HEARTBEAT_EVERY", 0.1)
    customer_id = customer_of(desk)
    beat = Heartbeat(desk)
    beat.signed_in()
    assert beat.registered.wait(5)
    heard.wait_for(lambda c: c.kind == "presence" and c.action == "arrived")
    show(desk, customer_id)
    assert open_elsewhere(other, customer_id) == [f"{desk.desk_name} (Sara Karimi)"]
    with other.session() as session:  # Nikos's terminal dropped Sara's (say her laptop slept)
        presence.leave(session, desk.terminal_id)
    heard.clear()
    heard.wait_for(lambda c: c.kind == "presence" and c.action == "arrived", timeout=2)
    beat.stop()
    heard.wait_for(lambda c: c.kind == "presence" and c.action == "left")
    assert open_elsewhere(other, customer_id) == []


def test_the_expiry_is_set_by_an_environment_variable_for_other_processes() -> None:
    code = "from frontdesk.services import presence; print(presence.EXPIRES_AFTER.total_seconds(), presence.HEARTBEAT_EVERY)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ, presence.EXPIRES_VARIABLE: "3"})
    assert result.stdout.split() == ["3.0", "1.0"]


def test_desk_names_the_terminal(monkeypatch, db_path: Path) -> None:
    assert build_parser().parse_args(["--desk", "Desk 2"]).desk == "Desk 2"
    assert build_parser().parse_args(["demo", "--desk", "Front 1"]).desk == "Front 1"
    opened: list[str] = []
    monkeypatch.setattr(desk_app.FrontDeskApp, "run", lambda app: opened.append(app.desk.desk_name))
    monkeypatch.setattr(desk_app, "make_app", lambda url, **_: desk_app.FrontDeskApp(open_desk(url)))
    for named in ("Desk 2", None):
        desk_app.run_app(argparse.Namespace(db=str(db_path), db_url=None, agent=None, desk=named))
    assert opened == ["Desk 2", socket.gethostname()]
