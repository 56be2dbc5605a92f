"""No silent overwrites: a note edited on two terminals keeps both wordings, and says so to the second."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlmodel import select

from frontdesk.db.models import Note, NoteEdit
from frontdesk.services import notes as notes_service
from frontdesk.services.agents import create_agent
from frontdesk.services.call_view import customer_history
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.errors import EditConflict
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.services.facades.calls import LiveCall
from frontdesk.services import presence
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import NoteChanged, add_note, edit_note


@pytest.fixture
def note(desk: Desk) -> Note:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id)
        create_agent(session, "Eleni Georgiou")
        call = start_interaction(session, desk.agent_id, customer.id)
        return add_note(session, call.id, desk.agent_id, "wants a refnud")


ELENI = 2


def test_an_edit_of_a_version_since_changed_is_refused_with_their_wording(desk: Desk, note: Note) -> None:
    forms = CallForms(desk)
    with desk.session() as session:
        edit_note(session, note.id, ELENI, "wants a refund, not a voucher", verbatim=True)
    with pytest.raises(NoteChanged) as refused:
        forms.edit_note(note.id, "wants a refund", False, note.version)
    conflict = refused.value
    assert isinstance(conflict, EditConflict)
    assert conflict.theirs == ("wants a refund, not a voucher",)
    assert conflict.verbatim is True
    assert "Eleni Georgiou changed this note" in str(conflict)
    with desk.session() as session:
        assert session.get(Note, note.id).text == "wants a refund, not a voucher"

    saved = forms.edit_note(note.id, "wants a refund", False, conflict.version)  # the agent saw theirs: saves on top
    assert (saved.text, saved.version) == ("wants a refund", conflict.version + 1)
    with desk.session() as session:
        history = session.exec(select(NoteEdit.previous_text).where(NoteEdit.note_id == note.id).order_by(NoteEdit.id)).all()
    assert history == ["wants a refnud", "wants a refund, not a voucher"]


def test_a_write_racing_between_the_read_and_the_save_is_refused_too(desk: Desk, note: Note, monkeypatch) -> None:
    """The version column guards the gap between reading the note and writing it (StaleDataError)."""
    record = notes_service.audit.record

    def meanwhile(session, *args, **kwargs):  # the row moves on under the edit, in the same transaction
        session.connection().execute(text("UPDATE note SET version = version + 1 WHERE id = :id"), {"id": note.id})
        record(session, *args, **kwargs)

    monkeypatch.setattr(notes_service.audit, "record", meanwhile)
    with desk.session() as session, pytest.raises(NoteChanged):
        edit_note(session, note.id, desk.agent_id, "wants a refund", verbatim=False, version=note.version)
    monkeypatch.undo()
    with desk.session() as session:
        assert session.get(Note, note.id).text == "wants a refnud"
        assert session.exec(select(NoteEdit)).all() == []


def test_two_terminals_racing_on_postgresql_never_overwrite_each_other(backend: str, db_url: str, desk: Desk, note: Note,
                                                                       monkeypatch) -> None:
    if backend == "sqlite":
        pytest.skip("SQLite takes the write lock when the edit begins, so the other terminal waits instead of racing")
    other = open_desk(db_url)
    record = notes_service.audit.record

    def meanwhile(session, *args, **kwargs):  # Eleni's terminal commits after this one read the note
        monkeypatch.undo()
        with other.session() as theirs:
            edit_note(theirs, note.id, ELENI, "wants a refund, not a voucher", verbatim=False)
        record(session, *args, **kwargs)

    monkeypatch.setattr(notes_service.audit, "record", meanwhile)
    with desk.session() as session, pytest.raises(NoteChanged) as refused:
        edit_note(session, note.id, desk.agent_id, "wants a refund", verbatim=False, version=note.version)
    assert refused.value.theirs == ("wants a refund, not a voucher",)
    other.engine.dispose()


def test_a_customers_history_reads_all_its_notes_in_one_query(desk: Desk, note: Note) -> None:
    with desk.session() as session:
        for reason in ("Second visit", "Third call"):
            past = start_interaction(session, desk.agent_id, 1, reason=reason)
            add_note(session, past.id, desk.agent_id, f"note of the {reason.lower()}")
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(desk.engine, "before_cursor_execute", count)
    try:
        with desk.reading() as session:
            history = customer_history(session, 1)
    finally:
        event.remove(desk.engine, "before_cursor_execute", count)
    assert [len(past.notes) for past in history] == [1, 1, 1]
    assert len([s for s in statements if "FROM note" in s]) == 1


def test_leaving_a_call_clears_presence_only_if_this_terminal_still_shows_it(desk: Desk, note: Note) -> None:
    with desk.session() as session:
        presence.register(session, desk.terminal_id, "Desk 1", desk.agent_id)
        later = start_interaction(session, desk.agent_id, 1).id
    first, second = LiveCall(desk, note.interaction_id), LiveCall(desk, later)
    first.show_here(1)
    second.show_here(1)
    first.stop_showing()  # late news from the call left before: the one now open stays shown
    with desk.reading() as session:
        assert presence.open_elsewhere(session, "someone-else", [1])[1][0].interaction_id == later
    second.stop_showing()
    with desk.reading() as session:
        assert presence.open_elsewhere(session, "someone-else", [1]) == {}
