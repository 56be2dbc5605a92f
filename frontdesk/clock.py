"""The one place the desk asks what time it is, so tests can move time on."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Callable


def _real_now() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = _real_now


def utcnow() -> datetime:
    """Aware UTC: the form every timestamp is stored in, on SQLite and PostgreSQL alike."""
    return _now().astimezone(UTC)


def set_clock(now: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); None restores the real one."""
    global _now
    _now = now if now is not None else _real_now


def to_local(moment: datetime) -> datetime:
    """A stored UTC moment in the desk's local time, for display."""
    if moment.tzinfo is None:  # SQLite hands back what it stored; it was stored as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_now() -> datetime:
    return to_local(utcnow())
