"""The Call section by keyboard alone, from the greeting card to wrap-up, and its bad inputs."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pytest
from textual import events
from textual.geometry import Region
from textual.widget import Widget
from sqlmodel import select
from textual.widgets import DataTable, Input, Label, OptionList, Select, Static, TextArea

from frontdesk.clock.hours import at_local
from frontdesk.clock.now import local_zone, set_clock, utcnow
from frontdesk.ui.app import FrontDeskApp
from frontdesk.db.models import Agent, AuditEvent, Handoff, Interaction, MoodChange, Note, Promise
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.call.call import CallScreen
from frontdesk.ui.screens.call.handoff import HandoffScreen
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.call.resume import ResumeScreen
from frontdesk.ui.screens.call.wrap_up import WrapUpScreen
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.categories import category_names
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk_rules import set_rule
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import NOTE_MAX_LENGTH, draft_of, notes_of
from frontdesk.services.promises import make_promise
from tests.test_live_queue import busy_desk
from tests.pilot import (
    Toasts, drawn_text, footer_keys, in_view, no_reason_to_give, open_card, settle as settle_once, settle_until, shown_text,
    table_rows, type_text,
)

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (140, 45)


async def settle(pilot) -> None:
    """Waits out chains of work as well: a save whose answer closes a dialog, whose closing reads the call again."""
    for _ in range(3):
        await settle_once(pilot)


@pytest.fixture
def desk_with_customer(desk: Desk) -> Desk:
    with desk.session() as session:
        create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson",
                                              street="12 Jackson Avenue", pronunciation="JON-son"), desk.agent_id)
        create_agent(session, "Eleni Georgiou")
        create_agent(session, "Tom Baker")
    return desk


async def start_call_with_mary(pilot) -> None:
    await open_card(pilot, "mary johnson")
    await pilot.press("c")
    await settle(pilot)


def the_call(desk: Desk) -> Interaction:
    with desk.session() as session:
        return session.exec(select(Interaction)).one()


@pytest.mark.parametrize("size", [(80, 24), SIZE], ids=["80x24", "wide"])
async def test_a_whole_call_and_a_promise_by_keyboard_from_greeting_to_wrap_up(desk_with_customer: Desk,
                                                                                 size: tuple[int, int]) -> None:
    desk = desk_with_customer
    set_clock(lambda: at_local(date(2026, 11, 25), time(10), local_zone()))  # a Wednesday morning: tomorrow is open
    app = FrontDeskApp(desk)
    async with app.run_test(size=size) as pilot:
        await start_call_with_mary(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        header = shown_text(app.screen.query_one("#call-header", Static))
        assert "Mrs. Johnson" in header and "say: JON-son" in header
        await type_text(pilot, "Results are a week late")
        await pilot.press("enter")
        await pilot.press("ctrl+t")
        await type_text(pilot, "I just want someone to call me back")
        await pilot.press("enter")
        await pilot.press("f6", "3")  # mood: upset
        await settle(pilot)
        await pilot.press("f7", "space", "escape")  # courtesy: greeted by name
        await settle(pilot)
        await pilot.press("ctrl+r")
        await type_text(pilot, "Blood test results")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one("#note-line", Input).has_focus
        assert "^n Promise" in footer_keys(app.screen)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.screen_stack[-2].query_one("DeskFooter").styles.visibility == "hidden"  # only the dialog's keys show
        await type_text(pilot, "Call back with the lab's answer")
        await pilot.press("tab")
        await type_text(pilot, "tomorrow 11am")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        assert app.screen.query_one("DeskFooter").styles.visibility == "visible"  # its own keys again
        assert "Call back with the lab's answer" in shown_text(app.screen.query_one("#side-promises", Static))
        assert app.screen.query_one("#note-line", Input).has_focus
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, WrapUpScreen)
        summary = app.screen.query_one("#summary", TextArea)
        assert summary.text.startswith("Mrs. Johnson called about Blood test results.")
        assert '"I just want someone to call me back"' in summary.text
        await pilot.press("down", "enter")  # outcome: follow-up needed
        summary.text += "\nLab chased; Mrs. Johnson prefers a call after 4pm."
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Choose the category" in shown_text(app.screen.query_one("#form-error", Label))  # the call has none yet
        app.screen.query_one("#wrap-category", Select).value = "Appointment"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen), shown_text(app.screen.query_one("#form-error", Label))
    call = the_call(desk)
    assert (call.outcome, call.reason, call.category, call.summary_edited, call.courtesy) == (
        "follow-up", "Blood test results", "Appointment", True, ["greeted"])
    with desk.session() as session:  # "Follow-up needed" promised the follow-up, in the same commit
        assert [(promise.what, promise.kind, promise.interaction_id) for promise in session.exec(select(Promise))] == [
            ("Call back with the lab's answer", "promise", call.id), ("Follow up: Blood test results", "follow-up", call.id)]
    with desk.session() as session:
        assert [(note.text, note.verbatim) for note in notes_of(session, call.id)] == [
            ("Results are a week late", False), ("I just want someone to call me back", True)]
        assert [change.mood for change in session.exec(select(MoodChange))] == ["upset"]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_a_message_wraps_and_stays_in_view_with_the_save_key(desk_with_customer: Desk, size: tuple[int, int]) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=size) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "Asked about parking")
        await pilot.press("f9")
        await settle(pilot)
        no_reason_to_give(app.screen)
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        error = app.screen.query_one("#form-error", Label)
        assert in_view(error)
        assert drawn_text(error).endswith("or press Ctrl+S again to save it flagged as unedited.")
        assert any(key.endswith("Save") for key in footer_keys(app.screen))


def lines_showing(widget: Widget, text: str) -> int:
    """How many of the lines the widget draws (as scrolled now) show `text`."""
    return sum(text in line.text for line in widget.render_lines(Region(0, 0, *widget.outer_size)))


def every_key_in_view(screen) -> bool:
    keys = screen.query("Footer FooterKey")
    return bool(keys) and all(in_view(key) for key in keys)


async def test_at_80_by_24_the_notes_have_the_room_and_the_side_panels_fold_below_them(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    with desk.session() as session:
        make_promise(session, desk.agent_id, 1, "Send the lab's letter", utcnow() + timedelta(days=1))
    app = FrontDeskApp(desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call_with_mary(pilot)
        for number in range(1, 11):
            await type_text(pilot, f"Line {number}")
            await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        notes, side = screen.query_one("#notes"), screen.query_one("#side-pane")
        assert notes.region.width >= 76 and side.region.y >= screen.query_one("#notes-pane").region.bottom  # below
        assert lines_showing(notes, "Line ") >= 8 and lines_showing(notes, "Line 10") == 1  # the newest in view
        assert in_view(screen.query_one("#note-line", Input))
        assert "…" not in drawn_text(screen.query_one("HeaderTitle"))
        assert every_key_in_view(screen)  # the footer takes a second line rather than cut keys off
        summary = drawn_text(screen.query_one("#side-summary"))
        assert "Courtesy 0/4 (F7)" in summary and "1 open promise" in summary and "(F8 shows)" in summary
        assert not screen.query_one("#history").display and not screen.query_one("#courtesy").display

        await pilot.press("f8")  # the history and the promises take the notes' place
        await settle(pilot)
        assert in_view(screen.query_one("#history")) and screen.query_one("#history-filter").has_focus
        assert "Send the lab's letter" in drawn_text(screen.query_one("#side-promises"))
        assert not notes.display and in_view(screen.query_one("#note-line", Input))  # typing goes on meanwhile
        assert "f8 Hide history" in footer_keys(screen) and every_key_in_view(screen)
        await pilot.press("f8")
        await settle(pilot)
        assert not screen.query_one("#history").display and lines_showing(notes, "Line ") >= 8
        assert screen.query_one("#note-line", Input).has_focus and "f8 History" in footer_keys(screen)
        await pilot.press("f8", "escape")  # Escape hides it as well
        await settle(pilot)
        assert not screen.query_one("#history").display and screen.query_one("#note-line", Input).has_focus

        await pilot.press("f7")  # the checklist opens while it is being ticked
        await settle(pilot)
        assert in_view(screen.query_one("#courtesy")) and lines_showing(notes, "Line ") >= 4
        await pilot.press("space", "escape")
        await settle(pilot)
        assert not screen.query_one("#courtesy").display and "Courtesy 1/4" in drawn_text(screen.query_one("#side-summary"))


async def test_saving_the_drafted_summary_unedited_warns_then_flags_it(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "Asked about parking")
        await pilot.press("f9")
        await settle(pilot)
        no_reason_to_give(app.screen)
        await pilot.press("enter", "ctrl+s")  # resolved, summary untouched
        await settle(pilot)
        assert "exactly as drafted" in shown_text(app.screen.query_one("#form-error", Label))
        await pilot.press("ctrl+s")
        await settle(pilot)
    call = the_call(desk_with_customer)
    assert (call.outcome, call.summary_edited) == ("resolved", False)
    assert "Asked about parking" in call.summary  # the line still being typed became a note first


async def test_outcomes_are_shown_in_words_not_codes(desk_with_customer: Desk) -> None:
    """The toast after wrap-up, the card's last time and the call's history say what happened, never 'resolved-later'."""
    desk = desk_with_customer
    with desk.session() as session:
        earlier = start_interaction(session, desk.agent_id, 1, reason="Parcel not delivered")
        earlier.outcome, earlier.ended_at = "resolved-later", utcnow()
        session.add(earlier)
        session.commit()
    app, toasts = FrontDeskApp(desk), Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await open_card(pilot, "mary johnson")
        assert shown_text(app.screen.query_one("#last-visit", Static)).endswith(
            "Parcel not delivered — Resolved after a handoff")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        history = shown_text(app.screen.query_one("#history-text", Static))
        assert "[Resolved after a handoff]" in history and "resolved-later" not in history
        await pilot.press("escape", "f9")
        await settle(pilot)
        no_reason_to_give(app.screen)
        await pilot.press("down", "down", "down", "enter")  # the customer left or hung up
        app.screen.query_one("#summary", TextArea).text += "\nHung up before we finished."
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert the_call_outcomes(desk) == ["resolved-later", "left"]
    assert "Saved. Outcome: Customer left or hung up." in toasts.messages


async def test_a_message_takers_number_shows_its_last_four_digits_until_asked(desk_with_customer: Desk) -> None:
    """Who to call back, typed as 'Mr Patel 07700 900123', is masked in the list; `f` shows it whole, recorded.
    With nothing waiting, `f` (still in the footer) said nothing at all."""
    desk = desk_with_customer
    set_clock(lambda: at_local(date(2026, 11, 25), time(10), local_zone()))
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await settle(pilot)
        await pilot.press("f3", "f")
        await settle(pilot)
        assert any("No callback is waiting" in str(toast.message) for toast in toasts)
        await pilot.press("t")
        await settle(pilot)
        app.screen.query_one("#message-for", Select).value = app.screen.colleagues[0].id
        app.screen.query_one("#message-contact", Input).value = "Mr Patel 07700 900123"
        app.screen.query_one("#message-text", TextArea).text = "Asks about the invoice"
        app.screen.query_one("#message-due .when-input", Input).value = "today 4pm"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        waiting = app.screen.query_one("#waiting", DataTable)
        assert table_rows(waiting)[0][1] == "Mr Patel ••••• ••0123"
        assert "07700 900123" not in drawn_text(app.screen)
        app.screen.query_one("#waiting", DataTable).focus()
        await pilot.press("f")
        await settle(pilot)
        assert shown_text(app.screen.query_one("#waiting-contact", Static)) == "Call back: Mr Patel 07700 900123"
    with desk.session() as session:
        assert [event.entity for event in session.exec(select(AuditEvent).where(AuditEvent.action == "view-phone"))] == ["promise"]


async def wrap_up_resolved_with_reason(pilot, reason: str, summary_line: str) -> None:
    """From a new call with Mary: F9, the reason typed, no category chosen, resolved, the summary edited, Ctrl+S."""
    await start_call_with_mary(pilot)
    await pilot.press("f9")
    await settle(pilot)
    pilot.app.screen.query_one("#wrap-reason", Input).value = reason
    await pilot.press("enter")  # resolved
    pilot.app.screen.query_one("#summary", TextArea).text += f"\n{summary_line}"
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_none_as_the_reason_is_answer_enough_at_wrap_up(desk_with_customer: Desk) -> None:
    """The label says to type none when there was no particular reason; it then needs no category either."""
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await wrap_up_resolved_with_reason(pilot, "none", "Just wanted to say hello.")
        assert not isinstance(app.screen, WrapUpScreen), shown_text(app.screen.query_one("#form-error", Label))
    call = the_call(desk_with_customer)
    assert (call.outcome, call.reason, call.category) == ("resolved", "", "")


async def test_a_reason_typed_at_wrap_up_still_needs_its_category(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await wrap_up_resolved_with_reason(pilot, "Parking", "Asked where to park.")
        assert "Choose the category" in shown_text(app.screen.query_one("#form-error", Label))


async def test_the_drafted_summary_says_the_reason_typed_at_wrap_up(desk_with_customer: Desk) -> None:
    """The draft began "Mrs Johnson called about their request." although the reason was typed just above it."""
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await pilot.press("f9")
        await settle(pilot)
        summary = app.screen.query_one("#summary", TextArea)
        assert summary.text.endswith("called about their request.")
        app.screen.query_one("#wrap-reason", Input).focus()
        await type_text(pilot, "Parcel stuck at the depot")
        assert summary.text.splitlines()[0].endswith(" called about Parcel stuck at the depot.")
        summary.text = summary.text.replace("called", "phoned")  # the agent's own first line stays theirs
        app.screen.query_one("#wrap-reason", Input).value = "Late parcel"
        await settle(pilot)
        assert summary.text.splitlines()[0].endswith(" phoned about Parcel stuck at the depot.")
        app.screen.query_one("#wrap-category", Select).value = category_names_of(desk_with_customer)[0]
        summary.text = summary.text.replace("phoned about Parcel stuck at the depot", "called about Late parcel")
        app.screen.query_one("#wrap-reason", Input).value = "none"
        await settle(pilot)
        assert summary.text.splitlines()[0].endswith(f" called about {category_names_of(desk_with_customer)[0]}.")
        app.screen.query_one("#outcome").focus()
        await pilot.press("enter")  # resolved
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")  # saved as drafted, flagged unedited
        await settle(pilot)
    call = the_call(desk_with_customer)
    assert call.summary.splitlines()[0].endswith(f" called about {call.category}.") and not call.summary_edited


def category_names_of(desk: Desk) -> list[str]:
    with desk.session() as session:
        return category_names(session)


def the_call_outcomes(desk: Desk) -> list[str]:
    with desk.session() as session:
        return [call.outcome for call in session.exec(select(Interaction).order_by(Interaction.id))]


async def test_the_line_being_typed_is_saved_as_a_draft_and_offered_on_the_next_start(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "she said the parcel")
        await pilot.pause(0.6)
        call_id = desk.current_interaction_id
        with desk.session() as session:
            assert draft_of(session, call_id, desk.agent_id).text == "she said the parcel"

    desk.current_interaction_id = None
    again = FrontDeskApp(desk)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ResumeScreen)
        assert "esc Not now" in footer_keys(again.screen)  # the dialog's own keys, not the screen's underneath
        assert "unsaved line: she said the parcel" in str(again.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, LiveCallScreen)
        assert again.screen.query_one("#note-line", Input).value == "she said the parcel"


async def test_a_paste_over_the_note_limit_is_cut_at_the_box_and_said(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "Her letter:")
        line = app.screen.query_one("#note-line", Input)
        line.post_message(events.Paste("y" * (NOTE_MAX_LENGTH + 5_000)))
        await settle(pilot)
        assert line.value == "Her letter:" + "y" * (NOTE_MAX_LENGTH - len("Her letter:"))
        assert "too long for a note: only its first part was kept" in shown_text(app.screen.query_one("#draft-status", Static))


async def test_bad_notes_are_stored_exactly_and_shown_literally(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    pasted = "[bold]x[/] \x1b[31mred\x1b[0m نتیجه \u202etxt.exe"
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await pilot.press("enter")  # an empty line is not a note
        line = app.screen.query_one("#note-line", Input)
        line.value = pasted
        await pilot.press("enter")
        line.value = "y" * 100_000
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#notes", OptionList).get_option_at_index(0).prompt)
        assert "[bold]x[/] ␛[31mred␛[0m نتیجه ⟨RLO⟩txt.exe" in shown
    with desk_with_customer.session() as session:
        assert [len(note.text) for note in session.exec(select(Note))] == [len(pasted), 100_000]
        assert session.exec(select(Note)).first().text == pasted


async def test_a_second_handoff_asks_for_a_reason_and_counts_the_people(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "Needs billing")
        await pilot.press("enter", "ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, HandoffScreen)
        await pilot.press("enter")  # Eleni, the first colleague
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert desk.current_interaction_id is None
    with desk.session() as session:
        call = session.exec(select(Interaction)).one()
        eleni = call.owner_id
        desk.agent = as_colleague(session.get(Agent, eleni))
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # resume the handed-over call
        await settle(pilot)
        notes = str(app.screen.query_one("#notes", OptionList).get_option_at_index(0).prompt)
        assert "Needs billing" in notes
        assert "handoffs: 1" in shown_text(app.screen.query_one("#call-header", Static))
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "already spoken to 2 people: Sara Karimi, Eleni Georgiou" in shown_text(app.screen.query_one("#runaround", Static))
        await pilot.press("down", "enter")  # Tom
        await settle(pilot)
        assert "Why does the call go to Tom Baker?" in shown_text(app.screen.query_one("#form-error", Label))
        await pilot.press("enter")  # no reason given
        await settle(pilot)
        assert "Say why" in shown_text(app.screen.query_one("#form-error", Label))
        await type_text(pilot, "Tom handles refunds")
        await pilot.press("enter")
        await settle(pilot)
    with desk.session() as session:
        assert [handoff.reason for handoff in session.exec(select(Handoff))] == ["", "Tom handles refunds"]


async def test_an_unknown_caller_is_linked_to_their_record(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "n")
        await settle(pilot)
        assert "Unknown caller" in shown_text(app.screen.query_one("#call-header", Static))
        await pilot.press("ctrl+l")
        await settle(pilot)
        await type_text(pilot, "johnson")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert "Mrs. Johnson" in shown_text(app.screen.query_one("#call-header", Static))
    assert the_call(desk).customer_id == 1


async def test_wants_a_manager_and_a_message_for_a_colleague(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    set_clock(lambda: at_local(date(2026, 11, 25), time(10), local_zone()))  # a Wednesday morning: "in 2 hours" is open
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await pilot.press("ctrl+b")
        await type_text(pilot, "Third late order")
        await pilot.press("enter")
        await settle(pilot)
        assert "WANTS A MANAGER: Third late order" in shown_text(app.screen.query_one("#call-header", Static))
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")  # open the colleague list, pick Eleni... or the first
        await settle(pilot)
        app.screen.query_one("#message-due .when-input", Input).value = "in 2 hours"
        app.screen.query_one("#message-text", TextArea).text = "Wants to know why the invoice doubled"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
    assert the_call(desk).escalation_reason == "Third late order"
    with desk.session() as session:
        callback = session.exec(select(Promise)).one()
        assert (callback.kind, callback.details, callback.customer_id) == ("callback", "Wants to know why the invoice doubled", 1)
        assert callback.owner_id != desk.agent_id


async def test_a_missed_call_is_logged_with_one_key_and_waits_in_the_call_section(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "m")
        await settle(pilot)
        await type_text(pilot, "+98 912 555 0000")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        rows = table_rows(app.screen.query_one("#waiting"))
        assert [row[1:3] for row in rows] == [["+•• ••• ••• 0000", "Return the missed call"]]  # lists show the last four digits
        await pilot.press("tab", "enter")  # call back now
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
    with desk_with_customer.session() as session:
        assert session.exec(select(Promise)).one().status == "kept"


async def test_a_note_is_corrected_and_its_old_wording_kept(desk_with_customer: Desk) -> None:
    app = FrontDeskApp(desk_with_customer)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "wants a refnud")
        await pilot.press("enter", "up", "enter")
        await settle(pilot)
        editor = app.screen.query_one("#note-text", TextArea)
        editor.text = "wants a refund"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = str(app.screen.query_one("#notes", OptionList).get_option_at_index(0).prompt)
        assert "wants a refund" in shown and "(edited)" in shown


async def test_a_supervisor_edits_the_reason_categories(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Daniel Brooks", "supervisor"))
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5", "k")
        await settle(pilot)
        await type_text(pilot, "Parking")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "Parking")
        await pilot.press("enter")
        await settle(pilot)
        assert "already a category called Parking" in shown_text(app.screen.query_one("#form-error", Label))
        await pilot.press("shift+tab", "home", "space")  # retire the first one, Appointment
        await settle(pilot)
    with desk.session() as session:
        names = category_names(session)
    assert "Parking" in names and "Appointment" not in names


async def test_supervisors_see_who_wants_a_manager_in_the_day_section(desk_with_customer: Desk) -> None:
    desk = desk_with_customer
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, 1)
        flag_for_manager(session, call.id, desk.agent_id, "Third late order")
        desk.agent = as_colleague(create_agent(session, "Daniel Brooks", "supervisor"))  # the Day section is theirs
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        [row] = table_rows(app.screen.query_one("#day-escalations"))
        assert row[1:] == ["Mary Johnson", "Sara Karimi", "Third late order"]


async def test_a_persian_desk_says_the_call_times_in_persian_digits(desk_with_customer: Desk, supervisor: int) -> None:
    """The draft's save time, each note's time, the note being corrected and the call's running time: all in the
    digits the desk reads, as its dates are (they were written with ASCII digits straight from the clock)."""
    desk = desk_with_customer
    with desk.session() as session:
        set_rule(session, "calendar", "jalali", supervisor)
        set_rule(session, "language", "fa", supervisor)
    persian_clock = "[۰-۹]{2}:[۰-۹]{2}:[۰-۹]{2}"
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await start_call_with_mary(pilot)
        await type_text(pilot, "wants a refnud")
        await settle_until(pilot, lambda: "Draft saved" in shown_text(app.screen.query_one("#draft-status", Static)))
        assert re.fullmatch(f"Draft saved {persian_clock}", shown_text(app.screen.query_one("#draft-status", Static)))
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.screen.query_one("#notes", OptionList).get_option_at_index(0).prompt)
        assert re.match(f"{persian_clock}  wants a refnud", shown), shown
        assert re.search("⏱ [۰-۹]{2}:[۰-۹]{2}", shown_text(app.screen.query_one("#call-header", Static)))
        await pilot.press("up", "enter")
        await settle(pilot)
        assert re.fullmatch(f"Note taken at {persian_clock}", app.screen.dialog_title())
        app.screen.query_one("#note-text", TextArea).text = "wants a refund"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("up", "enter")  # opened again: the first wording is its history, with the time it was written
        await settle(pilot)
        history = shown_text(app.screen.query_one("#note-history", Static))
        assert re.search(f"^  {persian_clock}  wants a refnud", history, re.MULTILINE), history


@pytest.mark.parametrize(("language", "waited"), [("fa", "۳۳ ساعت بیش از حد مجاز"), ("el", "33 ώρες ΠΑΝΩ ΑΠΟ ΤΟ ΟΡΙΟ")])
async def test_a_callback_over_its_limit_says_so_in_the_desks_language(desk: Desk, language: str, waited: str) -> None:
    """A Persian desk read "۳۳ ساعت OVER LIMIT" in the Call section's waiting list."""
    ids = busy_desk(desk)
    with desk.session() as session:
        set_rule(session, "language", language, ids["daniel"])
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "f3")  # not now: Sara's open call stays in the list
        await settle(pilot)
        rows = table_rows(app.screen.query_one("#waiting"))
        assert rows[0][0] == waited, rows
