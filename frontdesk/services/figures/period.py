"""The period figures cover: today, yesterday, this week, this month, or a range typed as people say it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from frontdesk.clock.hours import at_local
from frontdesk.clock.typed_time import TypedTimeError, parse_when
from frontdesk.services.validation import ValidationError

PRESETS = ("today", "yesterday", "this week", "this month")
"""The ranges a supervisor picks most, in the order the screen offers them."""
_DAY_WITHOUT_YEAR = re.compile(r"\d{1,2}[/.]\d{1,2}(?![/.]\d)")
"""26/11 with no year: in a range it means the last such day, not the next one as for a due time."""
RANGE_EXAMPLES = "today, yesterday, this week, this month, or 1/11 - 15/11, 2/11 9:00 - 2/11 13:00"


@dataclass(frozen=True)
class Period:
    """From `start` up to, not including, `end`; both aware UTC, cut at the desk's local midnights."""

    start: datetime
    end: datetime
    label: str
    tz: tzinfo

    def local_days(self) -> list[date]:
        """Every local calendar day the period touches, in order (for the per-day charts)."""
        first, last = self.start.astimezone(self.tz).date(), (self.end - timedelta(microseconds=1)).astimezone(self.tz).date()
        return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]

    def months_touched(self) -> int:
        """Calendar months the period touches: the goodwill budget is monthly."""
        first, last = self.local_days()[0], self.local_days()[-1]
        return (last.year - first.year) * 12 + last.month - first.month + 1


def day_start(day: date, tz: tzinfo) -> datetime:
    """Local midnight as UTC; a day across a daylight-saving change is 23 or 25 hours long."""
    return at_local(day, time.min, tz).astimezone(UTC)


def preset_period(name: str, now: datetime, tz: tzinfo) -> Period:
    today = now.astimezone(tz).date()
    first, last = {
        "today": (today, today),
        "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
        "this week": (today - timedelta(days=today.weekday()), today),
        "this month": (today.replace(day=1), today),
    }[name]
    return Period(day_start(first, tz), day_start(last + timedelta(days=1), tz), name, tz)


def typed_period(text: str, now: datetime, tz: tzinfo) -> Period:
    """One box for the screen: a preset name, or "FROM - FROM" / "FROM to TO" typed as due times are."""
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return preset_period("today", now, tz)
    if cleaned in PRESETS:
        return preset_period(cleaned, now, tz)
    for separator in (" - ", " to ", " until "):
        if separator in cleaned:
            first, last = cleaned.split(separator, 1)
            return range_period(first, last, now, tz)
    return range_period(cleaned, cleaned, now, tz)


def range_period(from_text: str | None, to_text: str | None, now: datetime, tz: tzinfo) -> Period:
    """`report --from --to`: a day without a time covers the whole day; no start means today, no end means now."""
    start = _boundary(from_text, now, tz, end=False) if from_text else preset_period("today", now, tz).start
    end = _boundary(to_text, now, tz, end=True) if to_text else now.astimezone(UTC)
    if end <= start:
        raise ValidationError("period", "The range ends before it starts; give the earlier moment first.")
    label = f"{from_text or 'today'} - {to_text or 'now'}"
    return Period(start, end, label, tz)


def _boundary(text: str, now: datetime, tz: tzinfo, *, end: bool) -> datetime:
    """A preset stands for its own start or end; a typed day for its midnight (the next one for an end)."""
    cleaned = " ".join(text.split()).lower()
    if cleaned in PRESETS:
        preset = preset_period(cleaned, now, tz)
        return preset.end if end else preset.start
    try:
        at_midnight = parse_when(cleaned, now=now, tz=tz, default_time=time.min)
        at_noon = parse_when(cleaned, now=now, tz=tz, default_time=time(12, 0))
    except TypedTimeError as error:
        raise ValidationError("period", f"{error} Ranges: {RANGE_EXAMPLES}.") from None
    if _DAY_WITHOUT_YEAR.match(cleaned) and at_midnight.date() > now.astimezone(tz).date():
        at_midnight, at_noon = _a_year_earlier(at_midnight, tz), _a_year_earlier(at_noon, tz)
    if at_midnight != at_noon:  # no time of day was typed: the whole day
        return day_start(at_midnight.date() + timedelta(days=1 if end else 0), tz)
    return at_midnight.astimezone(UTC)


def _a_year_earlier(moment: datetime, tz: tzinfo) -> datetime:
    """29 February has no day a year earlier; the 28th stands in for it."""
    local = moment.astimezone(tz)
    day = local.date()
    earlier = day.replace(year=day.year - 1, day=min(day.day, 28) if (day.month, day.day) == (2, 29) else day.day)
    return at_local(earlier, local.time(), tz)
