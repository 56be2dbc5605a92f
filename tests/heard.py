"""What a change feed delivered, for tests to wait on: a listener that keeps every batch it hears."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from frontdesk.services.changes import Change

DELIVERY_LIMIT = 1.0
"""Seconds within which every terminal must hear a committed change (issue 8)."""


class Heard:
    """Call it with a batch (the feed's listener); wait for a change to arrive from the test's thread."""

    def __init__(self) -> None:
        self.batches: list[list[Change]] = []
        self.arrived: dict[int, datetime] = {}
        """Change id -> when it was heard (UTC, like Change.at), to measure delivery."""
        self._arrived = threading.Condition()
        self.also: Callable[[list[Change]], None] | None = None
        """Runs on the feed's thread with each batch, before the test is woken (to look at state then)."""

    def __call__(self, changes: list[Change]) -> None:
        if self.also is not None:
            self.also(changes)
        now = datetime.now(UTC)
        with self._arrived:
            self.batches.append(list(changes))
            self.arrived.update((change.id, now) for change in changes)
            self._arrived.notify_all()

    @property
    def changes(self) -> list[Change]:
        with self._arrived:
            return [change for batch in self.batches for change in batch]

    def wait_for(self, matches: Callable[[Change], bool], timeout: float = DELIVERY_LIMIT) -> Change:
        """The first change delivered that `matches`, waiting up to `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                found = next((c for batch in self.batches for c in batch if matches(c)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    heard = [c for batch in self.batches for c in batch]
                    raise AssertionError(f"No matching change within {timeout} s; heard {heard}")
                self._arrived.wait(left)

    def latency(self, change: Change) -> float:
        """Seconds from the writer's commit (its clock, on this machine) to this listener hearing it."""
        return (self.arrived[change.id] - change.at).total_seconds()

    def clear(self) -> None:
        with self._arrived:
            self.batches.clear()
