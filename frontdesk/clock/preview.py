"""A typed due time said back in the desk's language before it is saved: "tomorrow, 15:00, in 20 hours"."""

from __future__ import annotations

from datetime import datetime, timedelta

from frontdesk.clock.dates import DateStyle, day_name, desk_style, digits
from frontdesk.clock.hours import as_utc
from frontdesk.clock.words import AGO_SAID, AHEAD_SAID, NOW_SAID, UNITS_SAID

_DAY = 24 * 60
_STEPS = ((60, 1, "minute"), (_DAY, 60, "hour"), (14 * _DAY, _DAY, "day"), (61 * _DAY, 7 * _DAY, "week"))


def describe_when(moment: datetime, *, now: datetime, style: DateStyle | None = None) -> str:
    """Says a due time as a colleague would read it out, with how far off it is so a late one stands out.

    The day and clock are those of the moment's own timezone, as parse_when returned it. Typed times
    are read to the minute, so the distance is counted from the start of this minute: "in 2 hours"
    typed at 14:00:45 is said back as "in 2 hours", not "in 1 hour"."""
    style = style or desk_style()
    distance = as_utc(moment) - as_utc(now).replace(second=0, microsecond=0)
    day = day_name(moment.date(), now.astimezone(moment.tzinfo).date(), style)
    comma = "، " if style.language == "fa" else ", "
    return comma.join((day, digits(f"{moment:%H:%M}", style), distance_words(distance, style)))


def distance_words(delta: timedelta, style: DateStyle | None = None) -> str:
    """Rounded down, like a clock: "in 14 hours" means at least 14 and under 15."""
    style = style or desk_style()
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes == 0:
        return NOW_SAID[style.language]
    number, unit = next(
        ((minutes // size, unit) for below, size, unit in _STEPS if minutes < below), (minutes // (30 * _DAY), "month")
    )
    one, many = UNITS_SAID[style.language][unit]
    amount = digits(f"{number} {one if number == 1 else many}", style)
    return (AHEAD_SAID if delta > timedelta(0) else AGO_SAID)[style.language].format(amount)
