"""Every screen and dialog as a person sees it, at 80x24 and 160x48, kept as SVG snapshots to open and look at.

One app run a section and size walks through its screens and dialogs (see tests/screen_walk.py for what is
held still). After a deliberate change to a screen, `pytest tests/test_*snapshot*.py --snapshot-update` writes every
snapshot again; look at the new pictures in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from syrupy import SnapshotAssertion
from textual.widgets import Input, Static, TextArea

from frontdesk.clock.now import set_clock
from frontdesk.db import sqlite_url
from frontdesk.demo.practice import PRACTICE_PIN, open_practice_desk
from frontdesk.services.desk import Desk, sign_in_as
from frontdesk.services.facades.greeting import GreetingDesk
from frontdesk.ui.app import FrontDeskApp
from databases import made_once, shared_folder
from tests.pilot import shown_text
from tests.screen_walk import (
    DESK_NAME,
    NOW,
    SIZE_IDS,
    SIZES,
    SUPERVISOR,
    Walk,
    hold_zone_at_utc,
)

pytestmark = pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
MARY_JOHNSON = 1
"""The practice desk's first customer (Mrs. Johnson of 12 Jackson Avenue)."""


@pytest.fixture(scope="session")
def still_practice_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The practice desk seeded once per run at NOW (its seed is fixed, its dates are relative to now), shared by
    the run's test processes."""
    return made_once(shared_folder(tmp_path_factory) / "still-practice.sqlite", seed_still_practice_desk)


def seed_still_practice_desk(path: Path) -> None:
    with hold_zone_at_utc():
        set_clock(lambda: NOW)
        try:
            open_practice_desk(sqlite_url(path)).engine.dispose()
        finally:
            set_clock(None)


@pytest.fixture
def still_world(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC, the clock at NOW, and cursors that stay lit (a blink would be caught half the time)."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    with hold_zone_at_utc():
        set_clock(lambda: NOW)
        yield


@pytest.fixture
def practice(still_world: None, still_practice_template: Path, tmp_path: Path) -> Iterator[Desk]:
    """A copy of the still practice desk, on SQLite (these tests are about the look, not the database)."""
    path = tmp_path / "practice.sqlite"
    shutil.copyfile(still_practice_template, path)
    desk = open_practice_desk(sqlite_url(path))
    desk.desk_name = DESK_NAME
    yield desk
    desk.engine.dispose()


@pytest.fixture
def signed_in(practice: Desk) -> Desk:
    """The practice desk with the supervisor signed in before the app starts, its lookup index already built.

    Built here, the index cannot finish at a different moment of each run, behind whatever dialog opened first.
    """
    sign_in_as(practice, SUPERVISOR, PRACTICE_PIN)
    GreetingDesk(practice).build_index()
    practice.mark_heard()
    return practice


@pytest.fixture
def walk(snapshot: SnapshotAssertion, request: pytest.FixtureRequest) -> Walk:
    return Walk(snapshot, request)


async def test_sign_in_and_greeting(walk: Walk, practice: Desk, size: tuple[int, int]) -> None:
    """Sign-in, the Greeting section empty, with results and with look-alikes, the customer form and merging."""
    async with walk.run(FrontDeskApp(practice), size) as w:
        await w.shot("sign-in")
        await w.press("enter")
        await w.shot("sign-in-secret")
        await w.type("1234")
        await w.press("enter")
        await w.shot("sign-in-refused")
        await w.type(PRACTICE_PIN)
        await w.press("enter")
        await w.shot("greeting-empty")
        await w.type("elm street")
        await w.shot("greeting-results")
        await w.press("end", "ctrl+u")
        await w.type("mary")
        await w.shot("greeting-look-alikes")
        await w.press("ctrl+n")
        await w.shot("customer-form-new")
        await w.press("escape", "down", "ctrl+r")
        await w.shot("customer-form-correct")
        await w.press("escape", "ctrl+g")
        await w.type("mary jackson")
        await w.shot("merge-find")
        await w.press("enter", "enter")  # to the list, then the first record found
        await w.shot("merge-choose")
        await w.press("escape", "escape", "escape")
        await w.press("end", "ctrl+u")
        await w.type("mary johnson 12 jackson")
        await w.press("enter")
        await w.shot("greeting-card")
        await w.press("f", "a")
        await w.shot("greeting-card-number-and-who-looked")
        await w.press("x")
        await w.shot("export-customer")
        await w.press("escape", "ctrl+d")
        await w.type("asked in writing")
        await w.press("enter")
        await w.shot("erase-customer-confirm")
        await w.press("n", "p")
        await w.shot("promise-form")


async def test_call(walk: Walk, signed_in: Desk, size: tuple[int, int]) -> None:
    """The Call section's queue and its dialogs, then a call from the greeting card, each of its dialogs, its wrap-up."""
    async with walk.run(FrontDeskApp(signed_in), size) as w:
        await w.press("f3")
        await w.shot("call-queue")
        await w.press("m")
        await w.shot("missed-call")
        await w.press("escape", "t")
        await w.shot("take-message")
        await w.press("escape", "f2")
        await w.type("mary johnson 12 jackson")
        await w.press("enter", "c")
        await w.shot("live-call-new")
        for line in ("Charged twice for the last visit", "ctrl+t", "I want the late fee gone as well", "Asked for an itemised invoice"):
            await (w.press(line) if line.startswith("ctrl") else w.type(line))
            await w.press("enter")
        await w.type("Offered to look into it")
        await w.until(lambda: "Draft saved" in shown_text(w.pilot.app.screen.query_one("#draft-status", Static)))
        await w.shot("live-call-notes")  # the line typed is saved as a draft within DRAFT_EVERY: the picture waits for it
        await w.press("f6")
        await w.shot("mood")
        await w.press("3", "ctrl+r")
        await w.shot("call-reason")
        await w.type("Charged twice")
        w.pilot.app.screen.query_one("#reason-category").value = "Billing"
        await w.press("ctrl+s", "ctrl+o")
        await w.shot("hand-off")
        await w.press("escape", "ctrl+g")
        await w.shot("take-message-in-call")
        await w.press("escape", "ctrl+y")
        await w.shot("solutions")
        await w.type("waive")
        await w.press("enter", "enter", "ctrl+s")
        await w.shot("goodwill")
        await w.press("escape")
        await w.shot("solutions-no-goodwill")
        await w.press("o")
        await w.shot("one-off-option")
        await w.press("escape", "escape", "ctrl+n")
        await w.shot("promise-form-in-call")
        await w.press("escape", "ctrl+b")
        await w.shot("wants-a-manager")
        await w.press("escape", "ctrl+l")
        await w.shot("link-customer")
        await w.press("escape", "up", "enter")
        await w.shot("note-edit")
        await w.press("escape", "escape", "f9")
        await w.shot("wrap-up")
        w.pilot.app.screen.query_one("#outcome RadioButton").value = True
        w.pilot.app.screen.query_one("#summary").text += "\nRefund of the double charge promised by Friday."
        await w.press("ctrl+s")
        await w.shot("follow-up-offer")
        await w.press("n")
        await w.shot("call-queue-after")


async def test_promises(walk: Walk, signed_in: Desk, size: tuple[int, int]) -> None:
    """The Promises list, everyone's and filtered, and its dialogs: kept (late, with goodwill), new time, new owner."""
    async with walk.run(FrontDeskApp(signed_in), size) as w:
        await w.press("f4")
        await w.shot("promises-mine")
        await w.press("a")
        await w.shot("promises-everyone")
        await w.press("f")
        await w.shot("promises-overdue")
        await w.press("k")
        await w.shot("promise-kept-late")
        await w.press("ctrl+g")
        await w.shot("promise-kept-goodwill")
        await w.press("escape", "escape", "n")
        await w.shot("promise-new-time")
        await w.press("escape", "o")
        await w.shot("promise-new-owner")


async def test_day(walk: Walk, signed_in: Desk, size: tuple[int, int]) -> None:
    """The Day section's tabs (Today, Figures, Charts, Kudos) and their dialogs."""
    async with walk.run(FrontDeskApp(signed_in), size) as w:
        await w.press("f5", "t")
        # At 80x24 the Today tab is taller than the screen, and whether focusing the queue scrolls the tab bar
        # away depends on when the queue's rows arrive: the walk looks from the top.
        w.pilot.app.screen.scroll_home(animate=False)
        await w.shot("day-today")
        await w.press("f")
        await w.shot("day-figures")
        await w.press("d")
        await w.shot("day-figures-dates")
        await w.press("escape", "x")
        await w.shot("day-figures-export")
        await w.press("escape", "g")
        await w.shot("day-charts")
        await w.press("u")
        await w.shot("day-kudos")
        await w.press("n")  # the Kudos tab puts the focus on its list, whose n sends kudos for anything
        await w.shot("send-kudos")
        await w.press("escape", "k")
        await w.shot("reason-categories")
        await w.press("escape", "s")
        await w.shot("solution-catalog")


async def test_desk_wide(walk: Walk, signed_in: Desk, size: tuple[int, int]) -> None:
    """What any section can open: the resume offer, my kudos, the palette, the keys, colleagues' dialogs, the lock."""
    GreetingDesk(signed_in).start(MARY_JOHNSON, "phone")  # left open by the supervisor: offered again at sign-in
    async with walk.run(FrontDeskApp(signed_in), size) as w:
        await w.shot("resume-offer")
        await w.press("escape")
        app = w.pilot.app
        app.action_my_kudos()
        await w.shot("my-kudos")
        await w.press("escape", "ctrl+p")
        await w.shot("command-palette")
        await w.press("escape")
        app.action_show_help_panel()
        await w.shot("keys-and-help")
        app.action_hide_help_panel()
        app.action_add_colleague()
        await w.shot("add-colleague")
        await w.press("escape")
        app.action_reset_secret()
        await w.shot("whose-secret")
        await w.press("enter")
        await w.shot("reset-secret")
        await w.press("escape")
        app.action_take_off_desk()
        await w.shot("take-off-desk")
        await w.press("escape")
        app.lock_terminal()
        await w.shot("locked")
        await w.press("f12")
        await w.shot("locked-someone-else")
