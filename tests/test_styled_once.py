"""Showing a section or a dialog for the first time neither parses the stylesheet again nor styles the screen twice
(ui/stylesheet.py); a theme chosen meanwhile still reaches the screens shown afterwards."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.promises.promises import PromisesScreen
from tests.pilot import settle

pytestmark = pytest.mark.ui_desk  # screens at one desk: SQLite only (tests/one_desk_ui.py)

SIZE = (120, 40)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per parse of a whole stylesheet (Textual's reparse parses a fresh copy)."""
    parsed: list[int] = []
    real_parse = Stylesheet.parse

    def counting(stylesheet: Stylesheet) -> None:
        parsed.append(len(stylesheet.source))
        real_parse(stylesheet)

    monkeypatch.setattr(Stylesheet, "parse", counting)
    return parsed


@pytest.fixture
def styled(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many times each widget has been styled."""
    times: Counter = Counter()
    real_apply = Stylesheet.apply

    def counting(stylesheet: Stylesheet, node, **options) -> None:  # noqa: ANN001 (Textual's)
        times[node] += 1
        real_apply(stylesheet, node, **options)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return times


async def test_the_first_visit_to_each_section_and_dialog_parses_nothing_again(desk: Desk, parses: list[int]) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert parses  # once, as the app started
        parses.clear()
        for key in ("f3", "f4", "f2", "ctrl+n", "escape", "f4", "f3"):
            await pilot.press(key)
            await settle(pilot)
        assert parses == []


async def test_a_dialog_is_styled_once_as_it_opens(desk: Desk, styled: Counter) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, CustomerFormScreen)
        assert styled[app.screen] == 1


async def test_a_theme_chosen_before_a_section_is_first_shown_styles_it(desk: Desk) -> None:
    app = FrontDeskApp(desk)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dark_background = app.screen.styles.background
        app.theme = "textual-light"
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, PromisesScreen)
        assert app.screen.styles.background == Color.parse(app.get_css_variables()["background"]) != dark_background
