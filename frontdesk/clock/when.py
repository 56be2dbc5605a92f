"""Moments in words a person at the desk reads at a glance: "in 2 h", "3 days ago"."""

from __future__ import annotations

from datetime import datetime, timedelta

from frontdesk.clock.dates import clock_words, moment_words
from frontdesk.clock.now import to_local, utcnow


def span(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} days"


def relative(moment: datetime, now: datetime | None = None) -> str:
    """"in 2 h", "3 days ago", or "now" within the minute (never "in 0 min" for a call just started)."""
    delta = to_local(moment) - (now or utcnow())
    if abs(delta) < timedelta(minutes=1):
        return "now"
    return f"in {span(delta)}" if delta >= timedelta(0) else f"{span(delta)} ago"


def short(moment: datetime) -> str:
    """Today's times as 15:30, other days with their date."""
    local = to_local(moment)
    if local.date() == to_local(utcnow()).date():
        return clock_words(moment)
    return moment_words(moment)
