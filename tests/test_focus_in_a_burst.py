"""Keys that move the focus, and the keys typed right after them in one burst: the later keys go where the focus went.

Textual's `Widget.focus()` moves the focus only after the messages already queued, so a fast typist's Enter after ↓
went to the search box, and the first digits of a PIN typed after choosing a name went to the list of names.
"""

from __future__ import annotations

import pytest
from textual.events import Key

from frontdesk.cli.launch import make_app
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from tests.known_secret import PRACTICE_PIN
from tests.pilot import keys_in_one_burst, settle, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)
DOWN, ENTER = Key("down", None), Key("enter", "\r")


@pytest.mark.parametrize("downs", [1, 3])
async def test_down_and_enter_in_one_burst_open_the_row_the_downs_reached(desk: Desk, downs: int) -> None:
    """From the search box the first ↓ goes to the list's first row, and each next ↓ one row on. Enter acts as the
    app reads it (so a `c` typed with it waits for the card): it opened the first row, overtaking the ↓s before it."""
    with desk.session() as session:
        for street in ("Jackson Avenue 4", "Jackson Avenue 9", "Jackson Avenue 12"):
            create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson", street=street), desk.agent_id)
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "mary johnson")
        greeting = app.screen
        assert isinstance(greeting, GreetingScreen) and len(greeting.matches) == 3 and greeting.matches[0].ambiguous
        await keys_in_one_burst(pilot, *[DOWN] * downs, ENTER)
        assert isinstance(app.screen, GreetingCardScreen), app.screen
        assert app.screen.customer_id == greeting.matches[downs - 1].customer_id


async def test_a_pin_typed_straight_after_choosing_oneself_signs_in(demo_url: str) -> None:
    app = make_app(demo_url, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys_in_one_burst(pilot, DOWN, ENTER, PRACTICE_PIN, ENTER)
        assert isinstance(app.screen, GreetingScreen), app.screen
        assert app.desk.agent is not None


async def test_a_name_typed_while_the_sign_in_is_checked_goes_to_the_lookup(demo_url: str) -> None:
    """The sign-in is checked in a worker; a name typed meanwhile went into the secret box, closing with it."""
    app = make_app(demo_url, practice=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await keys_in_one_burst(pilot, DOWN, ENTER, PRACTICE_PIN, ENTER, "clarke")
        assert isinstance(app.screen, GreetingScreen), app.screen
        assert app.screen.query_input.value == "clarke"
