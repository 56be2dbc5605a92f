"""Faults only real processes show: a terminal killed mid-sentence, and two terminals on one call."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlmodel import select

from frontdesk.db import sqlite_url
from frontdesk.db.models import Note
from frontdesk.services.desk import open_desk
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import draft_of, notes_of
from tests.known_secret import KNOWN_SECRET
from tests.terminal import Terminal, frontdesk_args

pytestmark = pytest.mark.xdist_group("real terminals")
"""Real terminals run one at a time: several apps starting at once on two cores starve each other."""



@pytest.fixture
def open_terminal(db_path: Path):
    """Opens real terminals running frontdesk as Sara; whatever happens, none outlives the test."""
    opened: list[Terminal] = []

    def open_one() -> Terminal:
        opened.append(Terminal(*frontdesk_args(db_path, "Sara Karimi")))
        opened[-1].sign_in(KNOWN_SECRET)
        return opened[-1]

    yield open_one
    for one in opened:
        one.close()


@pytest.fixture
def open_call(db_path: Path) -> int:
    """Sara has a call open with Mrs. Johnson, so the app offers to resume it at start."""
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        sara = create_agent(session, "Sara Karimi", secret=KNOWN_SECRET)
        customer = create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson"), sara.id)
        call_id = start_interaction(session, sara.id, customer.id).id
    desk.engine.dispose()
    return call_id


def resume_the_call(terminal: Terminal) -> None:
    terminal.wait_for("Resume one?")
    terminal.press("enter")
    terminal.wait_for("Type what you hear")


def test_kill_9_while_typing_loses_at_most_the_last_second(db_path: Path, open_call: int, open_terminal) -> None:
    terminal = open_terminal()
    resume_the_call(terminal)
    terminal.type("Results are late")
    terminal.press("enter")
    terminal.type("she said the parcel never came and she is worried about the weekend")
    terminal.read(1.0)  # one second after the last keystroke
    terminal.kill_hard()

    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        assert [note.text for note in notes_of(session, open_call)] == ["Results are late"]
        draft = draft_of(session, open_call, 1)
        assert draft is not None
        assert draft.text == "she said the parcel never came and she is worried about the weekend"

    again = open_terminal()
    again.wait_for("unsaved line: she said the parcel never came")
    again.press("enter")
    again.wait_for("Draft restored")
    assert again.quit() == 0
    assert "Traceback" not in again.screen_text


def test_kill_9_in_the_middle_of_a_burst_keeps_all_but_the_last_moment(db_path: Path, open_call: int, open_terminal) -> None:
    """Killed while keys are still arriving: the draft holds what was typed up to the last save."""
    terminal = open_terminal()
    resume_the_call(terminal)
    sentence = "the customer read out the order number twice: 4471 9902 and asked for a refund by Friday"
    terminal.type(sentence, pause=0.03)
    terminal.kill_hard()
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        draft = draft_of(session, open_call, 1)
    assert draft is not None and sentence.startswith(draft.text)
    # 0.03 s a key: one second of typing is about 33 keys; the draft is saved every 0.4 s.
    assert len(sentence) - len(draft.text) <= 33


def test_two_terminals_adding_notes_to_one_call_keep_every_note(db_path: Path, open_call: int, open_terminal) -> None:
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        create_agent(session, "Daniel Brooks", "supervisor")
    desk.engine.dispose()
    terminals = [open_terminal() for _ in range(2)]
    for terminal in terminals:
        resume_the_call(terminal)

    def take_notes(terminal: Terminal, name: str) -> None:
        for number in range(12):
            terminal.type(f"{name} note {number}", pause=0.005)
            terminal.press("enter")

    writers = [threading.Thread(target=take_notes, args=(t, name)) for t, name in zip(terminals, ("left", "right"))]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    for terminal in terminals:  # each terminal refreshes and shows the other's notes
        terminal.wait_for("left note 11")
        terminal.wait_for("right note 11")
    codes = [terminal.quit() for terminal in terminals]

    assert codes == [0, 0]
    assert not any("Traceback" in terminal.screen_text for terminal in terminals)
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        texts = sorted(note.text for note in session.exec(select(Note)))
    assert texts == sorted(f"{name} note {number}" for name in ("left", "right") for number in range(12))
