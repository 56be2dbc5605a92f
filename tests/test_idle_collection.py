"""Python's full garbage collections run while nobody types, stay short, and still give all memory back (ui/heap.py)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from textual.widgets import Header, TextArea

from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.ui import heap
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from tests.pilot import open_card, settle, settle_until, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


class Knot:
    """Garbage only a full collection frees: it refers to itself."""

    def __init__(self) -> None:
        self.itself = self


def garbage_in_the_oldest_generation() -> weakref.ref[Knot]:
    """A knot that lived through young collections (as a screen's objects do), then was dropped."""
    knot = Knot()
    for _ in range(heap.WORTH_COLLECTING):
        gc.collect(1)  # survivors of generation 1 move to the oldest
    return weakref.ref(knot)


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The generation of each full collection Python starts while the test runs."""
    started: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(2)

    gc.callbacks.append(note)
    yield started
    gc.callbacks.remove(note)


def leave_alone(app: FrontDeskApp, seconds: float) -> None:
    """As if nobody had touched the terminal for `seconds`."""
    app.idle.last_used = time.monotonic() - seconds


async def test_a_full_collection_waits_until_nobody_types_and_then_frees_the_garbage(
        desk: Desk, full_collections: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    # However slowly this machine runs the keys, they count as someone typing; the forced collection has its own test.
    monkeypatch.setattr(heap, "QUIET_FOR", 3600.0)
    monkeypatch.setattr(heap, "FORCED_AFTER", 10**6)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        knot = garbage_in_the_oldest_generation()
        full_collections.clear()
        for _ in range(3):
            await type_text(pilot, "somebody typing a long name")
            for _ in range(27):
                await pilot.press("backspace")
        await settle(pilot)
        assert full_collections == [] and knot() is not None
        monkeypatch.setattr(heap, "QUIET_FOR", 0.2)
        leave_alone(app, 1.0)
        await settle_until(pilot, lambda: knot() is None)  # the app's own look, a quarter of a second later
        assert full_collections


async def test_someone_who_never_pauses_still_gets_the_memory_back(desk: Desk) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.collector.collect()
        knot = garbage_in_the_oldest_generation()
        app.idle.touched()
        assert app.collector.look() is None and knot() is not None  # someone is typing, and it can wait
        for _ in range(heap.FORCED_AFTER):
            gc.collect(1)
        app.idle.touched()
        assert app.collector.look() == "collect"
        assert knot() is None


async def test_garbage_that_was_frozen_is_freed_after_a_long_pause(desk: Desk) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.collector.reclaim()  # a known start: nothing frozen is garbage
        knot = Knot()
        kept = [[number] for number in range(heap.RECLAIM_OVER + heap.FREEZE_OVER)]  # long-lived, like a section's screen
        app.collector.collect()  # so many survivors are frozen, the knot with them
        knot_ref = weakref.ref(knot)
        del knot  # garbage now, but frozen: a full collection does not see it
        app.collector.collect()
        assert knot_ref() is not None
        app.idle.touched()
        assert app.collector.look() != "reclaim"  # the frozen heap has grown, but someone is typing
        leave_alone(app, heap.LONG_QUIET)
        assert app.collector.look() == "reclaim"
        assert knot_ref() is None
        assert kept[-1] == [heap.RECLAIM_OVER + heap.FREEZE_OVER - 1]  # what is still in use stays


async def test_closed_cards_and_forms_are_freed_though_textual_still_held_them(desk: Desk) -> None:
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson", street="12 Jackson Avenue"),
                        desk.agent_id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, "mary johnson")
        assert isinstance(app.screen, GreetingCardScreen)
        card = [weakref.ref(item) for item in (app.screen, app.screen.query_one(Header), app.screen.query_one(Header)._styles_cache)]
        await pilot.press("escape", "ctrl+n")  # back, and a new customer's form, whose notes box watches the app's theme
        await settle(pilot)
        assert isinstance(app.screen, CustomerFormScreen)
        form = [weakref.ref(item) for item in (app.screen, app.screen.query_one(TextArea))]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        app.collector.reclaim()  # everything unreachable goes, frozen or not
        assert [held() for held in card + form] == [None] * 5


async def test_python_collects_by_itself_again_once_the_app_has_closed(desk: Desk) -> None:
    own_thresholds = gc.get_threshold()
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] > own_thresholds[2]  # the app decides when the oldest generation is collected
    assert gc.get_threshold() == own_thresholds
