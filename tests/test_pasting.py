"""Pasting into the note line of a real terminal (bytes fed exactly as a terminal sends them), and into a box of many
lines through the app: a paste is stored exactly, whatever line breaks it holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import select
from textual import events
from textual.widgets import TextArea

from frontdesk.db import sqlite_url
from frontdesk.db.models import Note
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.notes import notes_of
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.call.note_edit import NoteEditScreen
from frontdesk.ui.terminal_input import HIDDEN_ESC, PasteGuard
from tests.pilot import settle, type_text
from tests.test_call_screen import desk_with_customer, start_call_with_mary  # noqa: F401  (a fixture by name)
from tests.terminal import Terminal
from tests.test_call_processes import open_call, open_terminal, resume_the_call  # noqa: F401  (fixtures by name)

pytestmark = pytest.mark.xdist_group("real terminals")

PASTE_START, PASTE_END = b"\x1b[200~", b"\x1b[201~"


def paste(terminal: Terminal, data: bytes) -> None:
    """What a terminal sends for a paste while the app has asked for bracketed paste."""
    os.write(terminal.master, PASTE_START + data + PASTE_END)
    terminal.read(0.5)


def notes_in(db_path: Path, call: int) -> list[str]:
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        texts = [note.text for note in notes_of(session, call)]
    desk.engine.dispose()
    return texts


def test_every_line_of_a_multi_line_paste_is_kept(db_path: Path, open_call: int, open_terminal) -> None:  # noqa: F811
    terminal = open_terminal()
    resume_the_call(terminal)
    terminal.type("From her e-mail: ")
    paste(terminal, b"Line one\rLine two\rLine three")
    terminal.wait_for("Pasted 3 lines")
    assert terminal.quit() == 0
    assert notes_in(db_path, open_call) == ["From her e-mail: Line one\nLine two\nLine three"]


def test_escape_sequences_in_a_paste_are_data_never_keys(db_path: Path, open_call: int, open_terminal) -> None:  # noqa: F811
    terminal = open_terminal()
    resume_the_call(terminal)
    pasted = b"abc\x1b[Hdef\x1b]0;pwned\x07ghi"
    paste(terminal, pasted)
    terminal.read(1.0)
    assert "Take a message" not in terminal.screen_text and terminal.process.poll() is None
    terminal.press("enter")
    terminal.read(1.0)
    assert terminal.quit() == 0
    assert notes_in(db_path, open_call) == [pasted.decode()]


def test_an_invalid_utf8_byte_is_shown_as_a_replacement_not_a_crash(db_path: Path, open_call: int, open_terminal) -> None:  # noqa: F811
    terminal = open_terminal()
    resume_the_call(terminal)
    os.write(terminal.master, b"Ren\xe9e ")
    terminal.read(1.0)
    assert terminal.process.poll() is None, terminal.screen_text[-2000:]
    terminal.type("Dubois")
    terminal.press("enter")
    terminal.read(1.0)
    assert terminal.quit() == 0
    assert "Traceback" not in terminal.screen_text
    assert notes_in(db_path, open_call) == ["Ren\ufffde Dubois"]


@pytest.mark.ui_desk
@pytest.mark.parametrize(("pasted", "lines_shown"), [
    (" line one\r\nline two", ["From her e-mail: line one␍", "line two"]),
    (" line one\rline two", ["From her e-mail: line one␍", "line two"]),
    (" a\r\nb\rc\nd\r", ["From her e-mail: a␍", "b␍", "c", "d␍", ""]),
])
async def test_a_paste_into_a_box_of_many_lines_keeps_its_crs(desk_with_customer: Desk, pasted: str,  # noqa: F811
                                                               lines_shown: list[str]) -> None:
    """Textual's TextArea keeps one kind of line break: CR LF and a lone CR were stored as LF. Each is kept, and
    each still breaks the line on screen, its CR drawn as ␍."""
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "From her e-mail:")
        await pilot.press("enter", "up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditScreen)
        await pilot.press("end")
        app.post_message(events.Paste(pasted))
        await settle(pilot)
        box = app.screen.query_one("#note-text", TextArea)
        assert [box.get_line(row).plain for row in range(box.document.line_count)] == lines_shown
        await pilot.press("ctrl+s")
        await settle(pilot)
    with desk_with_customer.session() as session:
        assert session.exec(select(Note.text)).all() == ["From her e-mail:" + pasted]


def test_the_paste_guard_finds_markers_split_across_reads() -> None:
    guard = PasteGuard()
    chunks = ["x\x1b[20", "0~a\x1b[Hb\x1b", "]0;t\x07c\x1b[2", "01~\x1b[A"]
    assert "".join(guard(chunk) for chunk in chunks) == (
        f"x\x1b[200~a{HIDDEN_ESC}[Hb{HIDDEN_ESC}]0;t\x07c\x1b[201~\x1b[A")  # the arrow key after it stays a key
