"""Two real terminals on one database, as a desk works: each sees what the other (and a script) did.

Each test runs the real `frontdesk` command twice in pseudo-terminals, on SQLite and on PostgreSQL,
and reads what each terminal draws. Time limits here are generous (a loaded 2-core machine starts a
Python process in seconds); how fast the news travels is measured by benchmarks/desks_bench.py.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from sqlmodel import select

from frontdesk.db.models import Customer
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import open_desk
from frontdesk.services.interactions import start_interaction
from tests.known_secret import KNOWN_SECRET
from tests.terminal import Terminal

NEWS = 10.0
"""Seconds a terminal may take to show another's work in these tests (the target is 1 s, measured elsewhere)."""
PRESENCE_EXPIRES = 3
"""The terminals' presence expiry in these tests, instead of 30 s, so a crashed desk is gone quickly."""

pytestmark = pytest.mark.xdist_group("real terminals")
"""Real terminals run one at a time: several apps starting at once on two cores starve each other."""


@pytest.fixture
def shared_desk(db_url: str) -> str:
    """Sara has a call open with Mrs. Mary Johnson; Tom works here too."""
    desk = open_desk(db_url)
    with desk.session() as session:
        sara = create_agent(session, "Sara Karimi", secret=KNOWN_SECRET)
        create_agent(session, "Tom Baker", secret=KNOWN_SECRET)
        mary = create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson",
                                                     street="12 Jackson Avenue"), sara.id)
        start_interaction(session, sara.id, mary.id)
    desk.engine.dispose()
    return db_url


@pytest.fixture
def desks(shared_desk: str, monkeypatch: pytest.MonkeyPatch):
    """Opens terminals at named desks, all as Sara; none outlives the test."""
    monkeypatch.setenv("FRONTDESK_PRESENCE_EXPIRES", str(PRESENCE_EXPIRES))
    opened: list[Terminal] = []

    def open_at(desk_name: str) -> Terminal:
        opened.append(Terminal("--db-url", shared_desk, "--agent", "Sara Karimi", "--desk", desk_name))
        opened[-1].sign_in(KNOWN_SECRET)
        return opened[-1]

    yield open_at
    for terminal in opened:
        terminal.close()


def skip_resume(terminal: Terminal) -> None:
    terminal.wait_for("Resume one?")
    terminal.press("escape")
    terminal.wait_for("customers")


def resume_the_call(terminal: Terminal) -> None:
    terminal.wait_for("Resume one?")
    terminal.press("enter")
    terminal.wait_for("Type what you hear")


def redrawn(terminal: Terminal) -> str:
    """The whole screen drawn afresh (a resize makes Textual repaint everything), without what came before."""
    terminal.read(0.5)
    terminal.output.clear()
    for rows in (44, 45):
        fcntl.ioctl(terminal.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 140, 0, 0))
        os.killpg(terminal.process.pid, signal.SIGWINCH)
        terminal.read(1.0)
    return terminal.screen_text


def test_a_customer_imported_elsewhere_is_found_at_both_desks(shared_desk: str, desks, tmp_path: Path) -> None:
    first, second = desks("Desk One"), desks("Desk Two")
    for terminal in (first, second):
        skip_resume(terminal)
        terminal.type("quackenbush")
        terminal.wait_for("0 found")
    # No wait for the feeds to connect: whatever is committed after a terminal's screens first read the
    # desk reaches them, even if its feed's thread connects later.
    file = tmp_path / "customers.csv"
    file.write_text("given_name,family_name,street\nZebulon,Quackenbush,3 Mill Lane\n", encoding="utf-8")
    imported = subprocess.run([sys.executable, "-m", "frontdesk", "import", str(file), "--db-url", shared_desk,
                               "--agent", "Tom Baker"], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "FRONTDESK_SECRET": KNOWN_SECRET})
    assert imported.returncode == 0, imported.stderr
    for terminal in (first, second):
        terminal.wait_for("Zebulon", timeout=NEWS)
        terminal.wait_for("1 found", timeout=NEWS)


def test_a_note_reaches_the_other_desk_and_a_killed_desk_leaves_it(desks) -> None:
    first, second = desks("Desk One"), desks("Desk Two")
    resume_the_call(first)
    resume_the_call(second)
    second.wait_for("also open at Desk One", timeout=NEWS)
    first.type("Lab results are two weeks late")
    first.press("enter")
    second.wait_for("two weeks late", timeout=NEWS)

    first.kill_hard()
    time.sleep(PRESENCE_EXPIRES)  # its last heartbeat is at most this old when it expires
    deadline = time.monotonic() + NEWS
    while "Desk One" in (screen := redrawn(second)) and time.monotonic() < deadline:
        pass
    assert "Type what you hear" in screen  # the whole screen was drawn again
    assert "Desk One" not in screen


def test_a_conflicting_edit_of_one_customer_is_caught_and_nothing_typed_is_lost(shared_desk: str, desks) -> None:
    first, second = desks("Desk One"), desks("Desk Two")
    for terminal in (first, second):
        skip_resume(terminal)
        terminal.type("mary johnson")
        terminal.wait_for("1 found")
        terminal.press("enter")
        terminal.wait_for("Mrs. Johnson")
        terminal.type("e")
        terminal.wait_for("Given name")
    first.type(" Ann")
    first.press("ctrl+s")
    first.wait_for("Saved")
    second.type(" Jane")
    second.press("ctrl+s")
    second.wait_for("Saved at another desk", timeout=NEWS)
    second.wait_for("Mary -> Mary Ann")
    second.press("ctrl+s")
    second.wait_for("Saved Mary Jane", timeout=NEWS)
    desk = open_desk(shared_desk)
    with desk.reading() as session:
        assert session.exec(select(Customer.given_name)).one() == "Mary Jane"
    desk.engine.dispose()
