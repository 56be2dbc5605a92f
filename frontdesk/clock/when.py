"""Moments in words a person at the desk reads at a glance: "in 2 h", "3 days ago", "۱۰ ساعت پیش"."""

from __future__ import annotations

from datetime import datetime, timedelta

from frontdesk.clock.dates import DateStyle, clock_words, desk_style, digits, moment_words
from frontdesk.clock.now import to_local, utcnow
from frontdesk.clock.words import AGO_SAID, AHEAD_SAID, DUE_STATES_SAID, NOW_SAID, SPANS_SAID, UNITS_SAID

ENGLISH_SHORT = {"minute": "min", "hour": "h", "day": "days"}
"""English lists are narrow and read in a glance: "5 min", "3 h", "4 days"."""


def span(delta: timedelta, style: DateStyle | None = None) -> str:
    """How long, in the desk's language and digits: "26 h" (English, short), "۲۶ ساعت", "26 ώρες"."""
    style = style or desk_style()
    minutes = int(abs(delta).total_seconds() // 60)
    amount, unit = (minutes, "minute") if minutes < 60 else (minutes // 60, "hour") if minutes < 48 * 60 \
        else (minutes // (24 * 60), "day")
    if style.language == "en":
        return f"{amount} {ENGLISH_SHORT[unit]}"
    one, many = UNITS_SAID[style.language][unit]
    return digits(f"{amount} {one if amount == 1 else many}", style)


def relative(moment: datetime, now: datetime | None = None, style: DateStyle | None = None) -> str:
    """"in 2 h", "3 days ago", or "now" within the minute (never "in 0 min" for a call just started)."""
    style = style or desk_style()
    delta = to_local(moment) - (now or utcnow())
    if abs(delta) < timedelta(minutes=1):
        return NOW_SAID[style.language]
    said = AHEAD_SAID if delta >= timedelta(0) else AGO_SAID
    return said[style.language].format(span(delta, style))


def span_said(phrase: str, *deltas: timedelta, style: DateStyle | None = None) -> str:
    """Spans in one of `SPANS_SAID`'s phrases, all of it in the desk's language: "30 min late", "۳۳ ساعت از ۲۴ ساعت".

    The words around a span are said here with it, never added by a screen, so a Persian desk never
    reads "۳۷ ساعت late"."""
    style = style or desk_style()
    return SPANS_SAID[phrase][style.language].format(*(span(delta, style) for delta in deltas))


def due_said(moment: datetime, state: str, now: datetime | None = None, style: DateStyle | None = None) -> str:
    """A due moment relative to now with its state ("overdue", "today" or ""): "OVERDUE 3 h ago", "today in 2 h"."""
    style = style or desk_style()
    return DUE_STATES_SAID[state][style.language].format(relative(moment, now, style))


def short(moment: datetime) -> str:
    """Today's times as 15:30, other days with their date."""
    local = to_local(moment)
    if local.date() == to_local(utcnow()).date():
        return clock_words(moment)
    return moment_words(moment)
