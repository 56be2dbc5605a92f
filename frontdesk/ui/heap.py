"""Python's full garbage collections, kept short and away from the moments someone is typing.

A full (oldest-generation) collection walks every object Python tracks and holds the UI thread while
it does: about a microsecond per object on the 2-core development machine. With the app loaded that is
a quarter of a million objects (modules, classes, functions, SQLAlchemy's and Textual's tables). Python
started one whenever its own thresholds said so, every 10 to 20 s of work, in the middle of a word as
often as not, and each took 50 to 300 ms of CPU.

So the app decides when, and what is walked (`IdleCollector`):
- Python still collects the young generations by itself (a few milliseconds each); the full collection
  runs once the terminal has had no key or click for QUIET_FOR seconds, or after FORCED_AFTER young
  collections without a pause, so memory comes back however fast someone types.
- What the app has loaded when it starts is frozen out of the collector's sight; so are the survivors
  of a full collection when there are many of them (the screens of the sections opened, their cached
  lines, the lookup's tables: they live as long as the app). A full collection then walks only what was
  made since: 5,000 to 30,000 objects, 2 to 20 ms.
- A frozen object that later becomes garbage in a cycle (a dialog that was open when its objects were
  frozen) is never freed while it stays frozen. Once the frozen heap has grown by RECLAIM_OVER objects,
  the next pause of LONG_QUIET seconds unfreezes everything and collects it all (a few hundred ms nobody
  is waiting on), and freezes again what is still alive; past RECLAIM_AT_ONCE_OVER it happens at once.
  So what the process holds stays bounded.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from textual._styles_cache import StylesCache
from textual.app import App

QUIET_FOR = 0.2
"""Seconds without a key or click after which a short full collection is not in anybody's way."""

LOOK_EVERY = 0.25
"""Seconds between looks at whether the terminal is quiet and there is anything to collect."""

WORTH_COLLECTING = 3
"""Young (generation 1) collections since the last full one below which a quiet terminal is left alone:
it has made too little to look at (a clock on screen makes a little, forever)."""

FORCED_AFTER = 20
"""Young collections since the last full one after which a full collection runs whatever the person is
doing: about 10 s of busy work, whose survivors a collection walks in tens of milliseconds at most."""

FREEZE_OVER = 30_000
"""Survivors of a full collection from which they are frozen: below it, walking them again costs little,
and freezing fewer objects means fewer to leak."""

RECLAIM_OVER = 100_000
"""Growth of the frozen heap, in objects, after which it is collected as a whole at the next long pause."""

RECLAIM_AT_ONCE_OVER = 400_000
"""Growth after which it is collected as a whole whatever the person is doing: the bound on what it holds, for
someone who never pauses (the sections' screens alone add 100,000 to 200,000 as they are first opened)."""

LONG_QUIET = 10.0
"""Seconds without a key or click after which the whole heap may be walked (a few hundred ms)."""

NEVER = 2**31 - 1
"""A threshold the oldest generation's count never reaches: no automatic full collection."""


class _Control:
    """The collector is the process's: the first running app takes it over, the last one gives it back."""

    holders = 0
    automatic: tuple[int, int, int] = gc.get_threshold()
    frozen_after_reclaim: int | None = None
    """The frozen heap's size after the start-up freeze or the last reclaim; None before the first app starts."""
    frozen: int = 0
    """Its size after the last reclaim, plus every survivor frozen since: counting it walks it all, which took tens of
    milliseconds; this overestimates it by the frozen objects freed since."""


def freeze_what_is_loaded() -> None:
    """Everything alive when the first app of the process starts is kept out of later collections."""
    if _Control.frozen_after_reclaim is None:
        gc.collect()
        gc.freeze()
        _Control.frozen_after_reclaim = _Control.frozen = gc.get_freeze_count()


def let_go_of_what_textual_keeps(app: App) -> None:
    """Drops what Textual would keep of widgets already removed, so a full collection can free them.

    - Textual's Header watches the app's title and sub-title, and its TextArea the app's theme. Textual drops the
      watchers of removed widgets only when the watched value changes, so every card and form opened left its
      Header (and TextArea) in the app's watcher lists until the sub-title next changed, or for good.
    - `StylesCache.get_inner_outer` is an lru_cache on a method (Textual issue #6665), so it keeps the cached lines
      of the last 1,024 widgets drawn alive after they are gone: some 8,000 objects more per card opened, until
      every full collection walked hundreds of thousands. The cache saves two Style objects per line drawn.
    """
    for watchers in getattr(app, "__watchers", {}).values():
        watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
    StylesCache.get_inner_outer.cache_clear()


class IdleCollector:
    """Runs the oldest generation's collections while nobody is typing; Python keeps collecting the young ones."""

    def __init__(self, last_touched: Callable[[], float], before_collecting: Callable[[], None] = lambda: None) -> None:
        """`last_touched()` is the `time.monotonic()` of the last key or click; `before_collecting` lets go of what
        the app no longer needs, so the collection can free it."""
        self.last_touched = last_touched
        self.before_collecting = before_collecting
        self.in_control = False

    def take_over(self) -> None:
        freeze_what_is_loaded()
        if self.in_control:
            return
        self.in_control = True
        if _Control.holders == 0:
            _Control.automatic = gc.get_threshold()
            young, middle, _oldest = _Control.automatic
            gc.set_threshold(young, middle, NEVER)
        _Control.holders += 1

    def give_back(self) -> None:
        """Python's own thresholds again once no app is running (a test process runs many apps one after another)."""
        if not self.in_control:
            return
        self.in_control = False
        _Control.holders -= 1
        if _Control.holders == 0:
            gc.set_threshold(*_Control.automatic)

    def look(self) -> str | None:
        """Collects if it is time to: "reclaim" (the whole heap), "collect" (what is not frozen), or None."""
        quiet_for = time.monotonic() - self.last_touched()
        if self.frozen_growth() >= RECLAIM_OVER and quiet_for >= LONG_QUIET:
            self.reclaim()
            return "reclaim"
        if self.frozen_growth() >= RECLAIM_AT_ONCE_OVER:
            _Control.frozen = gc.get_freeze_count()  # the estimate runs high: count before a reclaim in someone's way
            if self.frozen_growth() >= RECLAIM_AT_ONCE_OVER:
                self.reclaim()
                return "reclaim"
        pending = gc.get_count()[2]
        if pending >= FORCED_AFTER or (pending >= WORTH_COLLECTING and quiet_for >= QUIET_FOR):
            self.collect()
            return "collect"
        return None

    @staticmethod
    def frozen_growth() -> int:
        return _Control.frozen - (_Control.frozen_after_reclaim or 0)

    def collect(self) -> None:
        """A full collection of what is not frozen; many survivors are frozen, so the next one need not walk them."""
        self.before_collecting()
        gc.collect()
        survivors = len(gc.get_objects(2))
        if survivors >= FREEZE_OVER:
            gc.freeze()
            _Control.frozen += survivors

    def reclaim(self) -> None:
        """The frozen heap collected too: frees what became garbage after it was frozen."""
        self.before_collecting()
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        _Control.frozen_after_reclaim = _Control.frozen = gc.get_freeze_count()
