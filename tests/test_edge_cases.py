"""Edge cases found in review: stale screens, odd names, rules that would break the desk. Each stays fixed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from textual.widgets import Input

from frontdesk.ui.app import FrontDeskApp
from frontdesk.clock.now import set_clock, utcnow
from frontdesk.db.models import AuditEvent, GoodwillGrant, Interaction, Promise
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.call.call import CallScreen
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.promises.promise_close import ClosePromiseScreen
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.services.agents import create_agent
from frontdesk.services.callbacks import log_missed_call, take_message
from frontdesk.services.categories import add_category
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.greeting import summaries
from frontdesk.services.interactions import link_customer, start_interaction
from frontdesk.services.merge import merge_customers
from frontdesk.services.notes import add_note
from frontdesk.services.promise_rows import open_promise_rows
from frontdesk.services.promises import make_promise
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import WrapUp, draft_summary, wrap_up
from tests.known_secret import KNOWN_SECRET
from tests.pilot import Toasts, select_prompts, settle, type_secret, type_text

SIZE = (140, 45)


@pytest.fixture
def two_records(desk: Desk) -> tuple[int, int]:
    with desk.session() as session:
        keep = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id).id
        gone = create_customer(session, CustomerForm(given_name="Mary", family_name="Jonsen"), desk.agent_id).id
    return keep, gone


def open_in(session, working_time: timedelta):
    """A callback time the desk is open at, whatever day the test runs on."""
    return load_rules(session).opening_hours.add_working_time(utcnow(), working_time)


def test_nothing_lands_on_a_record_merged_away(desk: Desk, two_records: tuple[int, int]) -> None:
    keep, gone = two_records
    with desk.session() as session:
        colleague = create_agent(session, "Eleni Georgiou").id
        call = start_interaction(session, desk.agent_id, None).id
        merge_customers(session, keep, gone, desk.agent_id)
        assert list(summaries(session, [keep, gone])) == [keep]
        attempts = (
            lambda: start_interaction(session, desk.agent_id, gone),
            lambda: link_customer(session, call, gone, desk.agent_id),
            lambda: log_missed_call(session, desk.agent_id, gone, "555 0100", utcnow(), load_rules(session)),
            lambda: take_message(session, desk.agent_id, colleague, gone, "", "Call her", open_in(session, timedelta(hours=1))),
            lambda: make_promise(session, desk.agent_id, gone, "Call back", utcnow() + timedelta(hours=1)),
        )
        for attempt in attempts:
            with pytest.raises(ValidationError, match="merged into another"):
                attempt()
            session.rollback()


def test_a_pasted_escape_sequence_does_not_block_wrap_up(desk: Desk) -> None:
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None).id
        add_note(session, call, desk.agent_id, "pasted \x1b[31mred\x1b[0m text")
        drafted = draft_summary(session, call)
        wrap_up(session, call, desk.agent_id, WrapUp("resolved", drafted + "\nDone.", drafted))
        assert "\x1b[31m" in session.get(Interaction, call).summary
        with pytest.raises(ValidationError, match="already wrapped up"):
            add_note(session, call, desk.agent_id, "too late")


def test_every_note_is_audited_and_only_the_owner_wraps_up(desk: Desk) -> None:
    with desk.session() as session:
        eleni = create_agent(session, "Eleni Georgiou").id
        call = start_interaction(session, desk.agent_id, None).id
        note = add_note(session, call, eleni, "listening in")
        assert session.exec(select(AuditEvent).where(AuditEvent.entity == "note")).one().entity_id == note.id
        with pytest.raises(ValidationError, match="owner"):
            wrap_up(session, call, eleni, WrapUp("resolved", "Done", ""))


@pytest.mark.parametrize(("key", "value", "message"), [
    ("opening_hours", "mon-sun closed", "never be open"),
    ("promise_capacity_per_day", "0.5", "whole number"),
    ("follow_up_after_working_days", "nan", "must be a number"),
])
def test_rules_that_would_break_the_desk_are_refused(desk: Desk, supervisor: int, key: str, value: str, message: str) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match=message):
            set_rule(session, key, value, supervisor)


@pytest.mark.ui_desk
async def test_escape_in_a_dialogs_result_list_returns_to_its_search_box(desk: Desk, two_records) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "n")
        await settle(pilot)
        await pilot.press("ctrl+l")
        await type_text(pilot, "mary")
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert app.focused is app.screen.query_one(".customer-query", Input)


@pytest.mark.ui_desk
async def test_a_reason_too_long_for_a_manager_flag_is_refused_not_fatal(desk: Desk) -> None:
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        await pilot.press("f3", "n")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)  # Ctrl+B is the live call's key: pressed once it is there
        await pilot.press("ctrl+b")
        await settle(pilot)
        app.screen.query_one("#answer", Input).value = "x" * 600
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        assert any("too long" in str(notification.message) for notification in toasts)


@pytest.mark.ui_desk
async def test_names_with_brackets_show_whole_in_drop_downs(desk: Desk) -> None:
    with desk.session() as session:
        create_agent(session, "Ali [Reception]")
        boss = create_agent(session, "Daniel [/] Brooks", "supervisor")
        add_category(session, "Billing [old]", boss.id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "t")
        await settle(pilot)
        prompts = select_prompts(app.screen.query_one("#message-for"))
        assert "Ali [Reception]" in prompts and "Daniel [/] Brooks" in prompts


@pytest.mark.ui_desk
async def test_switching_agent_leaves_the_last_agents_call_behind(desk: Desk) -> None:
    with desk.session() as session:
        create_agent(session, "Tom Baker", secret=KNOWN_SECRET)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3", "n")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        app.action_switch_agent()
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        await pilot.press("down", "enter")  # Tom Baker
        await settle(pilot)
        await type_secret(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert desk.agent.name == "Tom Baker" and desk.current_interaction_id is None


@pytest.mark.ui_desk
async def test_a_promise_that_fell_due_while_listed_still_asks_for_the_apology(desk: Desk, two_records) -> None:
    start = utcnow()
    set_clock(lambda: start)
    with desk.session() as session:
        make_promise(session, desk.agent_id, two_records[0], "Call back", start + timedelta(minutes=5))
        [row] = open_promise_rows(session)
    set_clock(lambda: start + timedelta(minutes=10))
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClosePromiseScreen(desk, row))  # the row still says "not overdue"
        await settle(pilot)
        assert app.screen.query("#close-apology")
        app.screen.query_one("#close-apology", Input).value = "Sorry for the wait"
        app.screen.query_one("#close-make-good", Input).value = "Called straight away"
        await pilot.press("ctrl+s")
        await settle(pilot)
    with desk.session() as session:
        assert session.exec(select(Promise)).one().kept_late


@pytest.mark.ui_desk
async def test_leaving_a_close_after_asking_for_goodwill_draws_none(desk: Desk, two_records) -> None:
    start = utcnow()
    set_clock(lambda: start)
    with desk.session() as session:
        make_promise(session, desk.agent_id, two_records[0], "Call back", start - timedelta(hours=1))
        [row] = open_promise_rows(session)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClosePromiseScreen(desk, row))
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        app.screen.query_one("#goodwill-amount", Input).value = "15"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#close-make-good", Input).value.startswith("gesture of 15")
        await pilot.press("escape")
        await settle(pilot)
    with desk.session() as session:
        assert session.exec(select(Promise)).one().status == "open"
        assert session.exec(select(GoodwillGrant)).all() == []
