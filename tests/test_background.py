"""Service calls run off the UI thread; a result that arrives while the app closes is dropped, never shown.

A screen's widgets are taken down before the screen itself leaves the DOM, so a result handed back in that
moment would find the screen still attached and its widgets gone (seen in CI as NoMatches '#matches').
"""

from __future__ import annotations

import threading
import time

from textual.app import App, ComposeResult
from textual.widgets import Static

from frontdesk.ui.background import in_background


class Shown(Static):
    """Lets the background job finish just as the app takes this widget down, before the screen is closed."""

    def __init__(self, taken_down: threading.Event, answered: threading.Event) -> None:
        super().__init__("waiting", id="shown", markup=False)
        self.taken_down = taken_down
        self.answered = answered

    def on_unmount(self) -> None:
        self.taken_down.set()
        # Holds the UI thread until the job has returned, so its result is already on its way back.
        self.answered.wait(timeout=5)
        time.sleep(0.05)


class Waiting(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.taken_down = threading.Event()
        self.answered = threading.Event()
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        yield Shown(self.taken_down, self.answered)

    def on_mount(self) -> None:
        in_background(self.screen, self.answer_after_close, self.show, group="late")

    def answer_after_close(self) -> str:
        self.taken_down.wait(timeout=10)
        self.answered.set()
        return "answer"

    def show(self, answer: str) -> None:
        self.shown.append(answer)
        self.query_one("#shown", Static).update(answer)


async def test_a_result_arriving_while_the_app_closes_is_dropped() -> None:
    app = Waiting()
    async with app.run_test() as pilot:
        await pilot.pause()
    assert app.taken_down.is_set()
    assert app.shown == []
    assert app.return_code in (None, 0)
