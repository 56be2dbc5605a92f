"""Esc over a form with something typed in it warns first: a dialog closed by reflex does not take the typing with it."""

from __future__ import annotations

import pytest
from textual.events import Key
from textual.widgets import Label

from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.dialogs.form_dialog import CLOSING_LOSES_TYPING
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from tests.pilot import keys_in_one_burst, settle, shown_text, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


async def new_customer_form(pilot) -> CustomerFormScreen:
    await settle(pilot)
    await type_text(pilot, "mrs johnson")
    await pilot.press("ctrl+n")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CustomerFormScreen)
    return pilot.app.screen


async def test_a_form_with_nothing_typed_closes_at_the_first_escape(desk: Desk) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await new_customer_form(pilot)  # the name typed in the lookup is in it already: the form's own, not typed there
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)


async def test_escape_over_typing_warns_and_a_second_escape_closes(desk: Desk) -> None:
    """Typing again after the warning needs the warning again: it was about the old typing."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        form = await new_customer_form(pilot)
        await type_text(pilot, "\tHelen")
        await keys_in_one_burst(pilot, Key("escape", None))
        assert app.screen is form, "the first Escape closed the form over what was typed"
        assert shown_text(form.query_one("#form-error", Label)) == CLOSING_LOSES_TYPING
        assert "Helen" in form.texts_typed()
        await type_text(pilot, "a")
        assert shown_text(form.query_one("#form-error", Label)) == ""
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is form
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
