"""A form opens at its top, and moving through it shows each field with its label."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input

from frontdesk.db import sqlite_url
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import open_desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from tests.known_secret import KNOWN_SECRET
from tests.pilot import in_view, settle


async def test_the_customer_form_opens_at_its_first_label_and_tab_keeps_each_field_in_view(db_path: Path) -> None:
    """One desk's screen alone, so SQLite only. Textual centred the focused field, hiding "Given name" above it."""
    desk = open_desk(sqlite_url(db_path))
    with desk.session() as session:
        desk.agent = as_colleague(create_agent(session, "Sara Karimi", secret=KNOWN_SECRET))
    app = FrontDeskApp(desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CustomerFormScreen)
        fields = form.query_one(".dialog-fields", VerticalScroll)
        assert fields.scroll_y == 0
        assert form.focused is form.query_one("#field-given_name", Input)
        for _ in range(len(form.query(Input))):
            await pilot.press("tab")
            await settle(pilot)
            assert in_view(form.focused), form.focused
    desk.engine.dispose()
