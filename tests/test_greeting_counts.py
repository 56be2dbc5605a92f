"""Honest result counts in the Greeting section: "10 of 24 shown", the next page on ↓, columns that fit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
import re
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from frontdesk.db.models import DeskSetting
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from tests.pilot import settle, shown_text, table_rows, type_text

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

MARYS = 24
LONG_NAME = ("Maximiliana Alexandrovna", "Konstantinopoulou-Papadimitriou")


@pytest.fixture
def many_marys(desk: Desk) -> Desk:
    """More customers called Mary than one page holds, and one with a very long name."""
    with desk.session() as session:
        for number in range(MARYS):
            family = "Smith" + "abcdefghijklmnopqrstuvwxyz"[number]
            create_customer(session, CustomerForm(
                given_name="Mary", family_name=family, street=f"{number + 1} Elm Street",
                phones=(f"+1 555 201 {number:04d}",), birth_date=date(1950 + number, 1, 2),
            ), desk.agent_id)
        create_customer(session, CustomerForm(
            given_name=LONG_NAME[0], family_name=LONG_NAME[1], street="1 Very Long Boulevard of Remembrance",
            phones=("+1 555 999 0000",), birth_date=date(1970, 5, 6),
        ), desk.agent_id)
    return desk


@asynccontextmanager
async def typed(desk: Desk, query: str, size: tuple[int, int] = (120, 40)) -> AsyncIterator[tuple[FrontDeskApp, Pilot]]:
    """The Greeting section with `query` typed and its results on screen."""
    app = FrontDeskApp(desk)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await type_text(pilot, query)
        yield app, pilot


def status(app: FrontDeskApp) -> str:
    return shown_text(app.screen.query_one("#lookup-status", Static))


async def test_the_list_says_how_many_fit_and_pages_on_down(many_marys: Desk) -> None:
    async with typed(many_marys, "mary") as (app, pilot):
        table = app.screen.query_one("#matches")
        assert table.row_count == 10
        assert status(app).startswith("10 of 24 shown")
        await pilot.press("down", *["down"] * 9)  # into the list, then to its last row
        assert table.cursor_row == 9
        await pilot.press("down")
        await settle(pilot)
        assert table.row_count == 20
        assert table.cursor_row == 10  # on the first row of the new page
        assert status(app).startswith("20 of 24 shown")
        await pilot.press(*["down"] * 10)
        await settle(pilot)
        assert table.row_count == 24
        assert status(app) == "24 found"
        names = [row[0] for row in table_rows(table)]
        assert len(set(names)) == 24


async def test_the_ambiguity_box_names_three_and_counts_the_rest(many_marys: Desk) -> None:
    async with typed(many_marys, "mary") as (app, _):
        text = shown_text(app.screen.query_one("#ambiguity", Static))
        assert "10 customers fit what you typed equally well" in text
        name_line = next(line for line in text.splitlines() if line.strip().startswith("name:"))
        assert name_line.count(" / ") == 2
        assert name_line.endswith("and 7 more")


async def test_columns_fit_the_rows_on_screen_at_80_columns(many_marys: Desk) -> None:
    async with typed(many_marys, "maximiliana", size=(80, 24)) as (app, pilot):
        table = app.screen.query_one("#matches")
        assert table_rows(table)[0][0].startswith("Maximiliana")
        await pilot.press(*["backspace"] * len("maximiliana"))
        await type_text(pilot, "mary")
        columns = list(table.columns.values())
        longest_mary = max(len(row[0]) for row in table_rows(table))
        assert columns[0].get_render_width(table) <= longest_mary + 2 * table.cell_padding
        name_to_last_visit = sum(column.get_render_width(table) for column in columns[:5])
        assert name_to_last_visit <= 80 - 2  # Phone, Born and Last visit stay on screen
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "maximiliana")
        assert sum(column.get_render_width(table) for column in list(table.columns.values())[:5]) <= 80 - 2


def speaking(desk: Desk, language: str) -> Desk:
    with desk.session() as session:
        session.add(DeskSetting(key="language", value=language))
        session.commit()
    return desk


async def test_a_persian_desk_counts_its_results_in_persian_digits(many_marys: Desk) -> None:
    """The status line read "10 of 24 shown" and the warning "10 customers fit ... and 7 more" beside Persian dates."""
    async with typed(speaking(many_marys, "fa"), "mary") as (app, pilot):
        assert status(app).startswith("۱۰ of ۲۴ shown")
        text = shown_text(app.screen.query_one("#ambiguity", Static))
        assert "۱۰ customers fit what you typed equally well" in text
        assert text.splitlines()[1].endswith("and ۷ more")
        await pilot.press(*["backspace"] * len("mary"))  # the box emptied: how many customers the desk has
        await settle(pilot)
        assert status(app) == "۲۵ customers"


async def test_a_greek_desk_groups_its_counts_as_greek_writes_them(desk: Desk) -> None:
    """"1,000 customers" is English grouping; Greek writes "1.000", as the desk's amounts already were."""
    with desk.session() as session:
        for number in range(1000):
            create_customer(session, CustomerForm(given_name="Anna", family_name=f"Papa{number:04d}"), desk.agent_id)
    async with typed(speaking(desk, "el"), "anna") as (app, pilot):
        assert status(app).startswith("10 of 1.000 shown")
        await pilot.press(*["backspace"] * len("anna"))
        await settle(pilot)
        assert status(app) == "1.000 customers"


async def test_a_persian_desk_shows_phone_endings_in_persian_digits(many_marys: Desk) -> None:
    """The list, the look-alikes warning and the card showed "+• ••• ••• 0000" among Persian dates; the full
    number, shown on request, stays as it was typed."""
    async with typed(speaking(many_marys, "fa"), "mary") as (app, pilot):
        phones = [row[2] for row in table_rows(app.screen.query_one("#matches"))]
        assert phones and all(re.fullmatch(r"\+• ••• ••• [۰-۹]{4}", phone) for phone in phones), phones
        warning = shown_text(app.screen.query_one("#ambiguity", Static))
        assert re.search(r"phone ending: [۰-۹]{4} / [۰-۹]{4} / [۰-۹]{4}$", warning, re.MULTILINE), warning
        await pilot.press(*["backspace"] * len("mary"))
        await type_text(pilot, "maximiliana")
        await pilot.press("enter")
        await settle(pilot)
        assert "+• ••• ••• ۰۰۰۰" in shown_text(app.screen.query_one("#who", Static))
