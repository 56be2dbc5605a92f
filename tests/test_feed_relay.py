"""The app relays the change feed: another terminal's commit reaches every screen as DeskChanged.

No test here lets the UI thread touch the database: the autouse guard in conftest fails any that do.
"""

from __future__ import annotations

import asyncio
import time

from textual.app import App, ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from frontdesk.services import presence
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk, open_desk, sign_in_as
from frontdesk.ui.feed_relay import FeedRelay
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.messages import DeskChanged
from tests.heard import DELIVERY_LIMIT
from tests.known_secret import KNOWN_SECRET
from tests.pilot import settle

SIZE = (120, 40)


class Hears:
    """Keeps what a screen hears, as a real screen would reload from it."""

    heard: list[DeskChanged]

    def on_desk_changed(self, event: DeskChanged) -> None:
        self.heard.append(event)

    def compose(self) -> ComposeResult:
        yield Static(type(self).__name__, markup=False)


class Listening(Hears, Screen):
    def __init__(self) -> None:
        super().__init__()
        self.heard = []


class ListeningModal(Hears, ModalScreen[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard = []


class TwoSections(App[None]):
    """Two modes (sections), as FrontDeskApp has four, with the relay wired the same way."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.relay = FeedRelay(self, desk, ("first", "second"))
        self.add_mode("first", Listening)
        self.add_mode("second", Listening)

    async def on_mount(self) -> None:
        self.relay.start()
        self.relay.signed_in()
        await self.switch_mode("first")

    async def on_unmount(self) -> None:
        await self.relay.stop()


async def wait_until(pilot, done, timeout: float = DELIVERY_LIMIT) -> float:
    """Lets the app run until `done()`; returns how long that took, or fails at `timeout`."""
    started = time.monotonic()
    while not done():
        assert time.monotonic() - started < timeout, "nothing arrived in time"
        await pilot.pause(0.02)
    return time.monotonic() - started


def add_customer(desk: Desk, given: str, family: str) -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name=given, family_name=family), desk.agent_id).id


async def test_every_screen_of_every_section_and_the_modal_hears_another_terminal(desk: Desk) -> None:
    elsewhere = open_desk(str(desk.engine.url.render_as_string(hide_password=False)))
    elsewhere.agent = desk.agent
    app = TwoSections(desk)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("second")
        modal = ListeningModal()
        await app.push_screen(modal)
        screens = [app.get_screen_stack("first")[0], app.get_screen_stack("second")[0], modal]
        assert await asyncio.to_thread(app.relay.feed.wait_connected, 5)
        customer_id = await asyncio.to_thread(add_customer, elsewhere, "Mary", "Johnson")
        await wait_until(pilot, lambda: all(_customer_news(screen) for screen in screens))
        for screen in screens:
            [event] = _customer_news(screen)
            assert [(c.action, c.entity_id) for c in event.touching("customer")] == [("created", customer_id)]
            assert event.customers() == {customer_id}
        registered = await asyncio.to_thread(app.relay.heartbeat.registered.wait, 5)
        assert registered
        await asyncio.to_thread(_shows_customer, desk, customer_id)
        others = await asyncio.to_thread(_open_elsewhere, elsewhere, customer_id)
        assert [entry.describe() for entry in others] == [f"{desk.desk_name} (Sara Karimi)"]
    assert await asyncio.to_thread(_open_elsewhere, elsewhere, customer_id) == [], "a closed app leaves at once"
    elsewhere.engine.dispose()


def _customer_news(screen: Hears) -> list[DeskChanged]:
    """What the screen heard about customers (this terminal's own arrival on the presence list aside)."""
    return [event for event in screen.heard if event.touches("customer")]


def _shows_customer(desk: Desk, customer_id: int) -> None:
    with desk.session() as session:
        presence.show_customer(session, desk.terminal_id, customer_id)


def _open_elsewhere(desk: Desk, customer_id: int) -> list[presence.OpenElsewhere]:
    with desk.reading() as session:
        return list(presence.open_elsewhere(session, desk.terminal_id, [customer_id]).get(customer_id, ()))


async def test_the_desk_app_posts_desk_changed_to_its_screens(db_url: str) -> None:
    """FrontDeskApp itself: its screens hear another terminal (every section and modal: see the test above)."""
    with (setup := open_desk(db_url)).session() as session:
        create_agent(session, "Sara Karimi", secret=KNOWN_SECRET)
    setup.engine.dispose()
    elsewhere, here = open_desk(db_url), open_desk(db_url)
    sign_in_as(elsewhere, "Sara Karimi", KNOWN_SECRET)
    sign_in_as(here, "Sara Karimi", KNOWN_SECRET)
    app = FrontDeskApp(here)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        posted: dict[str, list[DeskChanged]] = {}
        for screen in app.feed_relay.screens():
            posted[type(screen).__name__] = []
            screen.post_message = _spy(screen.post_message, posted[type(screen).__name__])
        assert "GreetingScreen" in posted
        assert await asyncio.to_thread(app.feed_relay.feed.wait_connected, 5)
        customer_id = await asyncio.to_thread(add_customer, elsewhere, "Reza", "Rahimi")
        await wait_until(pilot, lambda: all(any(event.customers() == {customer_id} for event in heard) for heard in posted.values()))
    elsewhere.engine.dispose()
    app.desk.engine.dispose()


def _spy(post, into: list):
    def spying(message) -> bool:
        if isinstance(message, DeskChanged):
            into.append(message)
        return post(message)

    return spying
