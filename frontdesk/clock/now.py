"""The one place the desk asks what time it is, so tests can move time on."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


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


@cache
def local_zone() -> tzinfo:
    """The desk's zone with its daylight-saving rules (a fixed offset would be wrong after the next change)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        target = Path("/etc/localtime").resolve()
        name = target.as_posix().split("zoneinfo/", 1)[-1] if "zoneinfo/" in target.as_posix() else ""
    try:
        return ZoneInfo(name) if name else _fixed_offset()
    except (ZoneInfoNotFoundError, ValueError):
        return _fixed_offset()


def _fixed_offset() -> tzinfo:
    return datetime.now().astimezone().tzinfo  # type: ignore[return-value]  # astimezone() always sets one
