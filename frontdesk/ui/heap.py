"""Python's full garbage collections, kept short enough not to freeze the terminal.

A full (oldest-generation) collection walks every object Python tracks. With the app loaded that is
a quarter of a million objects (modules, classes, functions, SQLAlchemy's and Textual's tables),
and each full collection held the UI thread for 100 to 300 ms of CPU, more as the shift went on.
Those objects live as long as the app: once they are frozen the collector no longer walks them, and
a full collection looks only at what was made since.
"""

from __future__ import annotations

import gc
from functools import cache


@cache
def freeze_what_is_loaded() -> None:
    """Everything alive now is kept out of future collections; call it once the app has started.

    Once per process: a frozen object that later becomes part of unreachable cycles is never freed,
    so a process that starts many apps (the test suite) freezes only what the first one found.
    """
    gc.collect()
    gc.freeze()
