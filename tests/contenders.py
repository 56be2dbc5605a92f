"""Two terminals as two real processes, released together at a barrier to do the same thing at the same moment.

Spawned, so nothing is shared but the database: each opens its own engine with `open_desk`. The pair is
started once and reused for every race and trial, since starting a Python process costs about a second.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from queue import Empty
from time import tzset

import pytest

from frontdesk.clock.now import local_zone, set_clock
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.validation import ValidationError

WAIT = 60.0
"""Seconds a terminal waits for the other at the barrier, and the test for an answer, before calling it a hang."""


@dataclass(frozen=True)
class Attempt:
    """What one terminal got: the action's result, a refusal in words, or a crash (a traceback)."""

    won: object = None
    refused: str = ""
    crashed: str = ""

    @property
    def succeeded(self) -> bool:
        return not self.refused and not self.crashed


def _attempt(action: Callable[..., object], desk: Desk, args: tuple) -> Attempt:
    try:
        return Attempt(won=action(desk, *args))
    except ValidationError as error:
        return Attempt(refused=f"{type(error).__name__}: {error}")
    except Exception:  # noqa: BLE001  (a raw database error is exactly what the test must report)
        return Attempt(crashed=traceback.format_exc())


def _contend(side: int, now: datetime, tasks, results, barrier) -> None:
    """One terminal: for each race, opens its own desk, then meets the other terminal at the barrier per trial."""
    os.environ["TZ"] = "UTC"  # the test's zone and clock, whatever the machine says
    tzset()
    local_zone.cache_clear()
    set_clock(lambda: now)
    for url, action, trials in iter(tasks.get, None):
        try:
            desk = open_desk(url)
        except Exception:  # noqa: BLE001  (reported for every trial, so the test fails at once, not by timeout)
            barrier.abort()
            for trial in range(len(trials)):
                results.put((trial, side, Attempt(crashed=traceback.format_exc())))
            continue
        try:
            for trial, args in enumerate(trials):
                try:
                    barrier.wait(WAIT)
                except Exception:  # noqa: BLE001  (the other terminal failed; say so and go on)
                    results.put((trial, side, Attempt(crashed="the other terminal never came to the barrier")))
                    continue
                results.put((trial, side, _attempt(action, desk, args)))
        finally:
            desk.engine.dispose()


class Terminals:
    """Two real processes (spawned, so nothing is shared but the database) that run actions together."""

    def __init__(self, now: datetime) -> None:
        """`now` is the clock both terminals work by, in UTC, like the test's own."""
        context = multiprocessing.get_context("spawn")
        self.barrier = context.Barrier(2)
        self.results = context.Queue()
        self.tasks = [context.Queue(), context.Queue()]
        self.processes = [
            context.Process(target=_contend, args=(side, now, self.tasks[side], self.results, self.barrier), daemon=True)
            for side in (0, 1)
        ]
        for process in self.processes:
            process.start()

    def race(self, url: str, action: Callable[..., object],
             trials: list[tuple[tuple, tuple]]) -> list[tuple[Attempt, Attempt]]:
        """Per trial, side 0 runs action(desk, *first) while side 1 runs action(desk, *second), released together."""
        self.barrier.reset()
        for side in (0, 1):
            self.tasks[side].put((url, action, [pair[side] for pair in trials]))
        got: dict[tuple[int, int], Attempt] = {}
        while len(got) < 2 * len(trials):
            try:
                trial, side, attempt = self.results.get(timeout=WAIT)
            except Empty:
                pytest.fail(f"The terminals stopped answering; got {sorted(got)} of {len(trials)} trials.")
            got[trial, side] = attempt
        return [(got[trial, 0], got[trial, 1]) for trial in range(len(trials))]

    def close(self) -> None:
        for queue in self.tasks:
            queue.put(None)
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.kill()
