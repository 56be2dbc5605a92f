"""A live call follows the other terminals: their notes, edits, handoffs, wrap-up and presence show here."""

from __future__ import annotations

import time

import pytest
from sqlmodel import select
from textual import events
from textual.widgets import Input, OptionList, Static, TextArea

from frontdesk.db.models import Note, NoteEdit, Terminal
from frontdesk.services import presence
from frontdesk.services.agents import create_agent
from frontdesk.services.callbacks import log_missed_call
from frontdesk.services.changes import Change, reload_everything
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.facades.calls import LiveCall
from frontdesk.services.handoffs import hand_off
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note, edit_note, notes_of
from frontdesk.services.wrap_up import WrapUp, wrap_up
from frontdesk.clock.now import utcnow
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.call.call import CallScreen
from frontdesk.ui.screens.call.live_call import LiveCallScreen, in_their_history, touches_the_call
from frontdesk.ui.screens.call.note_edit import NoteEditScreen
from frontdesk.ui.screens.call.wrap_up import WrapUpScreen
from tests.pilot import no_reason_to_give, settle as settle_once, shown_text, table_rows, Toasts, type_text

SIZE = (140, 45)


async def settle(pilot) -> None:
    """Waits out chains of work as well: a save whose answer closes a dialog, whose closing reads the call again."""
    for _ in range(3):
        await settle_once(pilot)


@pytest.fixture
def call(desk: Desk) -> int:
    """Sara has a call open with Mrs. Johnson; Eleni works at another terminal."""
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson"), desk.agent_id)
        create_agent(session, "Eleni Georgiou")
        return start_interaction(session, desk.agent_id, customer.id, reason="Parcel never came").id


ELENI = 2


async def open_the_call(pilot) -> LiveCallScreen:
    """At start the desk offers the open call; Enter resumes it."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, LiveCallScreen)
    return pilot.app.screen


async def changed(pilot, *changes: Change) -> None:
    """What the change feed does when another terminal commits: tell every screen."""
    for screen in pilot.app.screen_stack:
        screen.post_message(DeskChanged(changes))
    await settle(pilot)


def notes_shown(screen: LiveCallScreen) -> list[str]:
    notes = screen.query_one("#notes", OptionList)
    return [str(notes.get_option_at_index(index).prompt) for index in range(notes.option_count)]


def header(screen: LiveCallScreen) -> str:
    return shown_text(screen.query_one("#call-header", Static))


async def test_notes_added_and_edited_elsewhere_appear(desk: Desk, call: int) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_the_call(pilot)
        await type_text(pilot, "she is worried")
        await pilot.press("enter")
        await settle(pilot)
        with desk.session() as session:
            theirs = add_note(session, call, ELENI, "Courier says it was left with a neighbour")
        await changed(pilot, Change(1, "note", "created", theirs.id, interaction_id=call, terminal="other"))
        assert [text.split("  ", 1)[1] for text in notes_shown(screen)] == [
            "she is worried", "Courier says it was left with a neighbour"]

        with desk.session() as session:  # same number of notes: only the wording changed
            edit_note(session, theirs.id, ELENI, "Courier: left with the neighbour at no. 14", verbatim=False)
        await changed(pilot, Change(2, "note", "edited", theirs.id, interaction_id=call, terminal="other"))
        assert "Courier: left with the neighbour at no. 14  (edited)" in notes_shown(screen)[1]


async def test_a_colleagues_note_in_their_own_call_with_the_customer_shows_in_the_history(desk: Desk, call: int) -> None:
    """Eleni has her own call open with Mrs. Johnson too: her notes reached Sara's history panel only when Sara's
    own call changed, since a note's change did not say whose call it was in."""
    with desk.session() as session:
        elenis = start_interaction(session, ELENI, 1, reason="Asked about the refund").id
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await open_the_call(pilot)
        with desk.session() as session:
            note = add_note(session, elenis, ELENI, "refund promised for friday")
        await changed(pilot, Change(1, "note", "created", note.id, customer_id=1, interaction_id=elenis, terminal="other"))
        assert "refund promised for friday" in shown_text(app.screen.query_one("#history-text", Static))
        with desk.session() as session:  # an edit's change may not know the customer: the history is read again anyway
            edit_note(session, note.id, ELENI, "refund promised for monday", verbatim=False)
        await changed(pilot, Change(2, "note", "edited", note.id, interaction_id=elenis, terminal="other"))
        assert "refund promised for monday" in shown_text(app.screen.query_one("#history-text", Static))


async def test_a_handoff_elsewhere_shows_and_a_wrap_up_elsewhere_closes_the_call(desk: Desk, call: int) -> None:
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        screen = await open_the_call(pilot)
        with desk.session() as session:
            hand_off(session, call, desk.agent_id, ELENI)
        await changed(pilot, Change(1, "interaction", "handed-off", call, 1, call, terminal="other"))
        assert "Owner: Eleni Georgiou · handoffs: 1" in header(screen)
        assert any("now with Eleni Georgiou" in str(note.message) for note in toasts)

        await type_text(pilot, "the line I was typing")
        with desk.session() as session:
            wrap_up(session, call, ELENI, WrapUp("resolved-later", "Sorted by Eleni", "drafted"))
        await changed(pilot, Change(2, "interaction", "wrapped-up", call, 1, call, terminal="other"))
        assert isinstance(app.screen, CallScreen)
        assert desk.current_interaction_id is None
        [told] = [str(note.message) for note in toasts if "wrapped up on another terminal" in str(note.message)]
        assert "Your unsaved line was: the line I was typing" in told


async def test_a_wrap_up_elsewhere_while_this_wrap_up_is_open_is_said_on_closing_it(desk: Desk, call: int) -> None:
    """The same agent at two terminals pressed F9 at both and saved at one: at the other the news closed the wrap-up
    dialog instead of the call, which stayed on screen, dead, and took the next line typed without keeping it."""
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await open_the_call(pilot)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, WrapUpScreen)
        with desk.session() as session:
            wrap_up(session, call, desk.agent_id, WrapUp("resolved", "Sorted at the other terminal", "drafted"))
        await changed(pilot, Change(2, "interaction", "wrapped-up", call, 1, call, terminal="other"))
        assert isinstance(app.screen, WrapUpScreen), "the news closed the dialog the agent was in"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert desk.current_interaction_id is None
        assert any("wrapped up on another terminal" in str(note.message) for note in toasts)


async def test_the_call_section_lists_follow_other_terminals(desk: Desk, call: int) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "f3")  # not now: the call stays in the list
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert table_rows(app.screen.query_one("#waiting")) == []
        with desk.session() as session:
            missed = log_missed_call(session, ELENI, None, "+30 210 555 0101", utcnow(), load_rules(session))
        await changed(pilot, Change(1, "callback", "created", missed.id, terminal="other"))
        assert [row[1:3] for row in table_rows(app.screen.query_one("#waiting"))] == [["+•• ••• ••• 0101", "Return the missed call"]]


async def test_the_call_says_who_else_has_the_customer_open(desk: Desk, call: int) -> None:
    with desk.session() as session:
        presence.register(session, desk.terminal_id, "Desk 1", desk.agent_id)
        presence.register(session, "other-terminal", "Desk 2", ELENI)
        presence.show_customer(session, "other-terminal", 1)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_the_call(pilot)
        await settle(pilot)
        assert shown_text(screen.query_one("#also-open", Static)) == "● also open at Desk 2 (Eleni Georgiou)"
        with desk.session() as session:
            here = session.get(Terminal, desk.terminal_id)
            assert (here.customer_id, here.interaction_id) == (1, call)
            presence.leave(session, "other-terminal")
        await changed(pilot, Change(1, "presence", "left", terminal="other-terminal"))
        assert shown_text(screen.query_one("#also-open", Static)) == ""
        assert not screen.query_one("#also-open").display

        await pilot.press("f9")
        await settle(pilot)
        no_reason_to_give(app.screen)
        app.screen.query_one("#summary", TextArea).text = "Parcel found at the neighbour's."
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        with desk.session() as session:  # asked while the app runs: a terminal that quits leaves the list
            here = session.get(Terminal, desk.terminal_id)
            assert (here.customer_id, here.interaction_id) == (None, None)  # left the call: shows nothing in particular


async def test_under_load_keys_typed_after_enter_start_the_next_line(desk: Desk, call: int, monkeypatch) -> None:
    """Keys arrive in a burst while the database is slow: each line is exactly what came before its Enter."""
    add_note_slowly = LiveCall.add_note

    def slow(self, text: str, verbatim: bool) -> None:
        time.sleep(0.3)  # another terminal holds the database
        add_note_slowly(self, text, verbatim)

    monkeypatch.setattr(LiveCall, "add_note", slow)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_the_call(pilot)
        for char in "first line\rsecond\rthi":  # all queued before the app handles the first one
            app.post_message(events.Key("enter", None) if char == "\r" else events.Key(char, char))
        await settle(pilot)
        assert screen.query_one("#note-line", Input).value == "thi"
        assert [text.split("  ", 1)[1] for text in notes_shown(screen)] == ["first line", "second"]
    with desk.session() as session:
        assert [note.text for note in notes_of(session, call)] == ["first line", "second"]


async def test_an_edit_never_silently_overwrites_a_colleagues(desk: Desk, call: int) -> None:
    with desk.session() as session:
        note = add_note(session, call, desk.agent_id, "wants a refnud")
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await open_the_call(pilot)
        await pilot.press("up", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NoteEditScreen)
        dialog.query_one("#note-text", TextArea).text = "wants a refund"
        with desk.session() as session:  # meanwhile, on Eleni's terminal
            edit_note(session, note.id, ELENI, "wants a refund, not a voucher", verbatim=False)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog, "the save must not go through over Eleni's edit"
        assert "wants a refund, not a voucher" in shown_text(dialog.query_one("#note-theirs", Static))
        assert "Eleni Georgiou changed this note" in shown_text(dialog.query_one("#form-error", Static))
        assert dialog.query_one("#note-text", TextArea).text == "wants a refund"  # the agent's words are kept
        with desk.session() as session:
            assert session.get(Note, note.id).text == "wants a refund, not a voucher"

        await pilot.press("ctrl+s")  # knowing theirs, save mine on top
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        assert "wants a refund  (edited)" in notes_shown(app.screen)[0]
    with desk.session() as session:
        assert session.get(Note, note.id).text == "wants a refund"
        earlier = session.exec(select(NoteEdit.previous_text).where(NoteEdit.note_id == note.id).order_by(NoteEdit.id)).all()
        assert earlier == ["wants a refnud", "wants a refund, not a voucher"]  # Eleni's wording is in the history


def test_only_changes_to_this_call_or_its_customer_make_it_read_again(desk: Desk, call: int) -> None:
    with desk.session() as session:
        note = add_note(session, call, desk.agent_id, "first")
    view = LiveCall(desk, call).view()
    assert not touches_the_call(view, [Change(1, "note", "created", 99, 7, 42)])  # another customer's call
    assert not touches_the_call(view, [Change(2, "rules", "changed")])
    assert touches_the_call(view, [Change(3, "note", "edited", note.id)])  # a note shown here, whatever else it says
    assert touches_the_call(view, [Change(4, "interaction", "handed-off", call)])
    assert touches_the_call(view, [Change(5, "promise", "created", 8, customer_id=view.customer_id)])
    assert touches_the_call(view, [Change(6, "agent", "renamed", 2)])
    assert touches_the_call(view, [Change(7, "note")])  # a bulk update: which rows, nobody knows


async def test_a_call_handed_to_this_agent_elsewhere_is_announced_at_once(desk: Desk) -> None:
    """A colleague's handoff reached the new owner's list, but nobody told them while the caller waited."""
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson"), desk.agent_id)
        create_agent(session, "Eleni Georgiou")
        theirs = start_interaction(session, ELENI, customer.id, reason="Parcel never came").id
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        with desk.session() as session:
            hand_off(session, theirs, ELENI, desk.agent_id)
        await changed(pilot, Change(1, "interaction", "handed-off", theirs, customer.id, theirs, terminal="other"))
        told = [message for message in toasts.messages if "handed you" in message]
        assert told == ["Eleni Georgiou handed you Mary Johnson's call (phone): F3 to take it over."]
        await changed(pilot, Change(2, "interaction", "handed-off", theirs, customer.id, theirs, terminal="other"))
        assert len([message for message in toasts.messages if "handed you" in message]) == 1  # once


async def test_one_batch_of_news_is_acted_on_once_by_the_app_however_many_screens_pass_it_on(desk: Desk) -> None:
    """Every screen is told of a batch, and each copy bubbles up to the app: the desk's rules were read once per
    screen, and a handoff looked up once per screen."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reads = []
        app.read_rules = lambda: reads.append(1)
        batch = (Change(1, "rules", "changed", terminal="other"),)
        for _ in range(3):  # as the relay does: the same batch to three screens
            app.screen.post_message(DeskChanged(batch))
        await settle(pilot)
        assert reads == [1]


def test_only_changes_that_may_be_in_the_customers_history_read_it_again() -> None:
    """Every note on an unknown caller's call, at any desk, read the history of every live call again."""
    mine, theirs, customer = 7, 8, 1
    assert in_their_history(Change(1, "note", "created", 5, customer_id=customer, interaction_id=theirs), customer, mine)
    assert in_their_history(Change(2, "note", "edited", 5, interaction_id=theirs), customer, mine)  # whose, unknown
    assert not in_their_history(Change(3, "note", "created", 6, interaction_id=theirs), customer, mine)  # an unknown caller's
    assert not in_their_history(Change(4, "note", "created", 7, customer_id=customer, interaction_id=mine), customer, mine)
    assert not in_their_history(Change(5, "interaction", "created", theirs, customer_id=2, interaction_id=theirs), customer, mine)
    assert in_their_history(reload_everything(), customer, mine)
