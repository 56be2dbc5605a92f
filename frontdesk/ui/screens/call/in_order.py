"""A screen's writes run one at a time, in the order they were asked for, off the UI thread."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode

from frontdesk.ui.background import in_background

Job = Callable[[], Any]
Then = Callable[[Any], object]
Failed = Callable[[Exception], object]


class InOrder:
    """Queue of database writes for one screen.

    A line saved with Enter must reach the database before the draft typed after it: the note's
    commit deletes the draft, so a draft saved first and a kill -9 in between would lose the line.
    Two writes never run at once, so a slow database never has two draft saves racing each other.
    """

    def __init__(self, node: DOMNode, group: str, showing: Callable[[], bool]) -> None:
        self.node = node
        self.group = group
        self.showing = showing
        """False once the screen is being taken down: a write's `then` is dropped, its `failed` still runs."""
        self.waiting: deque[tuple[Job, Then | None, Failed]] = deque()
        self.running = False
        self.when_idle: list[Callable[[], object]] = []

    @property
    def busy(self) -> bool:
        return self.running or bool(self.waiting)

    def add(self, job: Job, then: Then | None, failed: Failed) -> None:
        """Runs `job` in a thread after every write added before it; `then`/`failed` run on the UI thread.

        A refusal reaches `failed` even while the screen is being taken down, so it can still say
        what was not saved; `failed` checks `showing()` before it draws.
        """
        self.waiting.append((job, then, failed))
        self._next()

    def after(self, callback: Callable[[], object]) -> None:
        """Calls `callback` on the UI thread once no write is waiting or running (at once if none is)."""
        self.when_idle.append(callback)
        self._next()

    def _next(self) -> None:
        if self.running:
            return
        if not self.waiting:
            callbacks, self.when_idle = self.when_idle, []
            for callback in callbacks:
                callback()
            return
        job, then, failed = self.waiting.popleft()
        self.running = True

        def finish(outcome: Callable[[Any], object] | None, value: Any, *, always: bool = False) -> None:
            self.running = False
            try:
                if outcome is not None and (always or self.showing()):
                    outcome(value)
            finally:
                self._next()

        in_background(self.node, job, lambda result: finish(then, result),
                      failed=lambda problem: finish(failed, problem, always=True), group=self.group)
