"""When the terminal was last used, and whether it has been left alone long enough to lock."""

from __future__ import annotations

import time
from datetime import timedelta

CHECK_EVERY = 5.0
"""Seconds between looks at the idle time: a lock comes at most this late. Nothing is read from the database."""


class IdleLock:
    """The person's last key or click, against the desk rule lock_after_idle_minutes (read at sign-in and again
    whenever a supervisor changes the desk's rules at any terminal)."""

    def __init__(self) -> None:
        self.last_used = time.monotonic()
        self.lock_after: timedelta | None = None
        """None until the desk's rule is read: no lock before anyone is signed in."""
        self.locked = False

    def touched(self) -> None:
        self.last_used = time.monotonic()

    def due(self) -> bool:
        """True once, when the terminal should lock now."""
        if self.locked or self.lock_after is None:
            return False
        return time.monotonic() - self.last_used >= self.lock_after.total_seconds()
