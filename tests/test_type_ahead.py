"""Keys typed while a screen is still loading act once it has loaded: an agent typing from memory loses nothing.

Each test holds the screen's load in its worker thread on an Event, types while it waits, then lets it go.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlmodel import select
from textual.events import Key
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from frontdesk.cli.launch import make_app
from frontdesk.db.models import Agent, AuditEvent, Interaction, Note
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.facades.calls import CallSection
from frontdesk.services.facades.greeting import GreetingDesk
from frontdesk.services.facades.staff import Staff
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.type_ahead import LoadsBeforeKeys, TypeAhead
from frontdesk.ui.widgets.edit_boxes import TextBox
from tests.known_secret import PRACTICE_PIN
from tests.pilot import Toasts, keys_in_one_burst, keys_queued, settle, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)


@pytest.fixture
def mary(desk: Desk) -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id).id


class HeldLoad:
    """Makes a service call wait in its worker thread until the test lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        self.release = threading.Event()
        self.waiting = threading.Event()
        real: Callable = getattr(owner, name)

        def held(*args, **kwargs):
            self.waiting.set()
            assert self.release.wait(30), "the test never let the load go"
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, held)

    async def let_go(self, pilot: Pilot) -> None:
        assert self.waiting.is_set(), "the screen never started its load"
        self.release.set()
        await settle(pilot)


async def test_c_pressed_before_the_card_is_read_starts_the_call(desk: Desk, mary: int, monkeypatch) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary johnson")
        card = HeldLoad(monkeypatch, GreetingDesk, "card")
        await pilot.press("enter", "c")
        assert isinstance(app.screen, GreetingCardScreen) and app.screen.card is None  # still loading
        await card.let_go(pilot)
        assert isinstance(app.screen, LiveCallScreen)
    with desk.session() as session:
        calls = session.exec(select(Interaction)).all()
        assert [(call.customer_id, call.channel) for call in calls] == [(mary, "phone")]


async def test_enter_on_a_chosen_row_and_c_in_one_burst_start_the_call(desk: Desk, mary: int) -> None:
    """The table's Enter opened the card only once the key had gone up to the app and come back as a selection: the
    `c` that came with it was read by the greeting screen meanwhile, which has no such key."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary johnson")
        await pilot.press("down")
        await keys_queued(pilot, Key("enter", "\r"), "c")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
    with desk.session() as session:
        assert [(call.customer_id, call.channel) for call in session.exec(select(Interaction))] == [(mary, "phone")]


async def test_a_pin_typed_before_the_sign_in_list_is_read_signs_in(demo_url: str, monkeypatch) -> None:
    """`--agent` preselects the person, so the agent types the PIN at once: it went nowhere, the secret box not shown."""
    choices = HeldLoad(monkeypatch, Staff, "sign_in_choices")
    app = make_app(demo_url, agent_name="Tom Baker", practice=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen)
        await keys_queued(pilot, PRACTICE_PIN, Key("enter", "\r"))
        await choices.let_go(pilot)
        assert isinstance(app.screen, GreetingScreen) and app.desk.agent.name == "Tom Baker"
    with open_desk(demo_url).reading() as session:
        tom = session.exec(select(Agent).where(Agent.name == "Tom Baker")).one()
        assert "sign-in" in session.exec(select(AuditEvent.action).where(AuditEvent.entity == "agent", AuditEvent.entity_id == tom.id)).all()


async def test_enter_in_the_search_box_and_c_at_once_start_the_call(desk: Desk, mary: int) -> None:
    """The top match opened from the search box: the `c` typed with Enter waits for its card, not the box."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary johnson")
        await keys_queued(pilot, Key("enter", "\r"), "c")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen), app.screen


async def test_a_name_enter_and_c_typed_in_one_go_start_the_call_with_that_customer(desk: Desk, mary: int) -> None:
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Marco", family_name="Polo"), desk.agent_id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await keys_queued(pilot, "mary johnson", Key("enter", "\r"), "c")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen), app.screen
    with desk.session() as session:
        assert [call.customer_id for call in session.exec(select(Interaction))] == [mary]


async def test_enter_typed_while_the_last_letters_are_searched_opens_what_they_find(desk: Desk, mary: int,
                                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """On "mary jac" Mary Jackson comes first; Enter typed with "johnson" in its place acted on those rows."""
    with desk.session() as session:
        jackson = create_customer(session, CustomerForm(given_name="Mary", family_name="Jackson"), desk.agent_id).id
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary jac")
        assert app.screen.matches[0].customer_id == jackson
        search = HeldLoad(monkeypatch, GreetingDesk, "search")
        await keys_queued(pilot, *[Key("backspace", None)] * 3, "johnson", Key("enter", "\r"), "c")
        await search.let_go(pilot)
        assert isinstance(app.screen, LiveCallScreen), app.screen
    with desk.session() as session:
        assert [call.customer_id for call in session.exec(select(Interaction))] == [mary]


async def test_a_note_typed_straight_after_c_goes_into_the_call_not_to_the_cards_keys(
        desk: Desk, mary: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The call starts in a worker; the letters typed meanwhile reached the card, whose `e` opened the record's
    form and `p` a promise, and the note was lost."""
    async def open_the_card(pilot: Pilot) -> None:
        await type_text(pilot, "mary johnson")
        await keys_queued(pilot, Key("enter", "\r"))

    await a_note_typed_while_the_call_starts(desk, open_the_card, "c", HeldLoad(monkeypatch, GreetingDesk, "start"))


class Opening(LoadsBeforeKeys, Screen):
    def compose(self):
        yield TextBox(id="typed")


class HoldsKeys(TypeAhead, App[None]):
    def on_mount(self) -> None:
        self.push_screen(Opening())


async def test_keys_held_for_a_screen_that_never_says_it_loaded_go_on_by_themselves() -> None:
    """A screen that stops waiting without saying so (the card, once its call has started elsewhere) left the keys
    held for it with nobody to let them go: the keyboard was dead."""
    app = HoldsKeys()
    async with app.run_test() as pilot:
        await pilot.pause()
        await keys_queued(pilot, "abc")
        typed = app.screen.query_one("#typed", TextBox)
        typed.focus()
        await pilot.pause()
        assert typed.value == "" and len(app.typed_ahead) == 3
        app.screen.keys_wait = False
        await pilot.pause(2 * TypeAhead.FORGOTTEN_AFTER + 0.5)
        assert typed.value == "abc"


async def test_a_note_typed_with_n_while_the_unknown_callers_call_is_being_started_goes_into_the_call(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Call section's `n` starts the call in a worker; "the caller..." typed with it reached the section meanwhile,
    where t takes a message."""
    async def open_the_call_section(pilot: Pilot) -> None:
        await pilot.press("f3")

    await a_note_typed_while_the_call_starts(desk, open_the_call_section, "n",
                                             HeldLoad(monkeypatch, CallSection, "unknown_caller"))


async def a_note_typed_while_the_call_starts(desk: Desk, get_there: Callable, key: str, start: HeldLoad) -> None:
    """Goes where `key` starts a call, presses it with a note and Enter typed at once, and lets the start go only
    then: the note must be the call's, not keys for the screen the call was started from."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await get_there(pilot)
        await settle(pilot)
        await keys_queued(pilot, key, "she wants a replacement part", Key("enter", "\r"))
        await start.let_go(pilot)
        assert isinstance(app.screen, LiveCallScreen), app.screen
    with desk.session() as session:
        assert [note.text for note in session.exec(select(Note))] == ["she wants a replacement part"]


async def test_keys_typed_after_a_refused_c_are_not_the_cards_keys(desk: Desk, mary: int) -> None:
    """Another call still open: `c` is refused, and "first note after promise" typed with it showed the whole phone
    number (f, recorded) and opened the record's form (e). The words are dropped, and the warning says what they were."""
    toasts = Toasts()
    app = FrontDeskApp(desk)
    async with app.run_test(size=(120, 40), message_hook=toasts) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary johnson")
        await keys_in_one_burst(pilot, Key("enter", "\r"), "c")  # the call that stays open
        assert isinstance(app.screen, LiveCallScreen)
        await keys_in_one_burst(pilot, Key("f2", None), "mary johnson", Key("enter", "\r"))
        assert isinstance(app.screen, GreetingCardScreen)
        await keys_in_one_burst(pilot, "c", "first note after promise")
        assert isinstance(app.screen, GreetingCardScreen), app.screen
        assert toasts.messages[-1] == ("You are in another call or visit: wrap it up or hand it off first (F3). "
                                       "Not used, typed after it: first note after promise")
    with desk.session() as session:
        assert not session.exec(select(AuditEvent).where(AuditEvent.action == "view-phone")).all()
