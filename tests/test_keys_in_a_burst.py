"""Keys that arrive together (a fast typist, a slow shared machine, a terminal that sends them in one read) land
where a person typing them meant: the text after a Tab goes to the next field, never to the one before it."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.app import App, ComposeResult
from textual.events import Key
from textual.pilot import Pilot
from textual.widgets import Input

from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.db.models import Customer, Note
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea
from tests.pilot import keys_in_one_burst, open_card, settle, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)


@pytest.fixture
def mary(desk: Desk) -> Desk:
    """A desk with one customer, whose card offers the promise form."""
    with desk.session() as session:
        create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id)
    return desk


async def open_promise_form(pilot: Pilot) -> PromiseFormScreen:
    await open_card(pilot, "mary johnson")
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PromiseFormScreen)
    return pilot.app.screen


async def test_text_typed_after_a_tab_in_one_burst_goes_to_the_next_field(mary: Desk) -> None:
    app = FrontDeskApp(mary)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_promise_form(pilot)
        what = app.focused
        assert isinstance(what, Input)
        await type_text(pilot, "Send courier reference\ttomorrow at 3")
        due = app.screen.query_one("#promise-due .when-input", Input)
        assert (what.value, due.value) == ("Send courier reference", "tomorrow at 3")
        assert app.focused is due


async def test_tab_in_a_form_goes_from_field_to_field_never_to_the_box_around_them(mary: Desk) -> None:
    """The fields' scrolling box took a Tab of its own: the next key typed went nowhere, and kudos said "empty"."""
    app = FrontDeskApp(mary)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_promise_form(pilot)
        assert form.focus_chain and all(widget.id != "dialog-fields" and "dialog-fields" not in widget.classes
                                        for widget in form.focus_chain), form.focus_chain
        first = app.focused
        await type_text(pilot, "\t" * len(form.focus_chain))
        assert app.focused is first  # once round every field, and back


class OneOfEach(App):
    def compose(self) -> ComposeResult:
        yield TextBox(id="one-line")
        yield TextBoxArea(id="many-lines")


BACKSPACE, CTRL_W, CTRL_U = Key("backspace", None), Key("ctrl+w", None), Key("ctrl+u", None)


@pytest.mark.parametrize(("keys", "kept"), [
    (("abc", BACKSPACE, "d"), "abd"),
    (("ab cd", CTRL_W, "ef"), "ab ef"),
    (("xyz", CTRL_U, "tom"), "tom"),
    ((" ab", BACKSPACE, "c"), " ac"),
])
async def test_editing_keys_in_a_burst_act_in_turn_with_the_letters(keys: tuple, kept: str) -> None:
    """Textual ran Backspace, Ctrl+W and Ctrl+U only after the letters typed after them: "abc", Backspace, "d"
    left "abc" (the d typed, then deleted), "xyz", Ctrl+U, "tom" left the box empty."""
    app = OneOfEach()
    async with app.run_test() as pilot:
        for box in (app.query_one("#one-line", TextBox), app.query_one("#many-lines", TextBoxArea)):
            box.focus()
            await keys_in_one_burst(pilot, *keys)
            assert (box.value if isinstance(box, TextBox) else box.text) == kept


async def test_a_note_with_a_correction_typed_in_a_burst_is_saved_as_corrected(mary: Desk) -> None:
    app = FrontDeskApp(mary)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_card(pilot, "mary johnson")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        await keys_in_one_burst(pilot, "Parcel stuck at the depoy", BACKSPACE, "t", Key("enter", "\r"))
    with mary.session() as session:
        assert [note.text for note in session.exec(select(Note))] == ["Parcel stuck at the depot"]


async def test_ctrl_s_typed_straight_after_the_letters_saves_every_one_of_them(mary: Desk) -> None:
    """Ctrl+S acts as the app reads it, ahead of the letters the box had not taken yet: "Marianne" was saved "M"."""
    app = FrontDeskApp(mary)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_card(pilot, "mary johnson")
        await pilot.press("e")
        await settle(pilot)
        given = app.screen.query_one("#field-given_name", TextBox)
        given.focus()
        await settle(pilot)
        await keys_in_one_burst(pilot, CTRL_U, "Marianne", Key("ctrl+s", None))
    with mary.session() as session:
        assert [customer.given_name for customer in session.exec(select(Customer))] == ["Marianne"]
