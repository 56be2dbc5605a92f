"""The periods figures cover, as a supervisor types them: presets, days, moments, and daylight-saving days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontdesk.services.figures.period import typed_period
from frontdesk.services.validation import ValidationError

ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 11, 18, 13, 0, tzinfo=UTC)  # Wednesday 15:00 in Athens


def local(text: str) -> tuple[str, str]:
    period = typed_period(text, NOW, ATHENS)
    return period.start.astimezone(ATHENS).strftime("%a %d/%m %H:%M"), period.end.astimezone(ATHENS).strftime("%a %d/%m %H:%M")


@pytest.mark.parametrize("typed, expected", [
    ("today", ("Wed 18/11 00:00", "Thu 19/11 00:00")),
    ("", ("Wed 18/11 00:00", "Thu 19/11 00:00")),
    ("yesterday", ("Tue 17/11 00:00", "Wed 18/11 00:00")),
    ("This Week", ("Mon 16/11 00:00", "Thu 19/11 00:00")),
    ("this month", ("Sun 01/11 00:00", "Thu 19/11 00:00")),
    ("1/11 - 15/11", ("Sun 01/11 00:00", "Mon 16/11 00:00")),
    ("2/11 9:00 to 2/11 13:00", ("Mon 02/11 09:00", "Mon 02/11 13:00")),
    ("17/11", ("Tue 17/11 00:00", "Wed 18/11 00:00")),
    ("20/12", ("Sat 20/12 00:00", "Sun 21/12 00:00")),  # a day not yet reached this year is last year's
    ("2026-10-25", ("Sun 25/10 00:00", "Mon 26/10 00:00")),
])
def test_typed_periods(typed: str, expected: tuple[str, str]) -> None:
    assert local(typed) == expected


def test_a_day_without_a_year_means_the_last_one_and_a_dst_day_is_25_hours() -> None:
    assert typed_period("20/12", NOW, ATHENS).start.year == 2025
    period = typed_period("25/10", NOW, ATHENS)
    assert period.end - period.start == timedelta(hours=25) and period.local_days() == [period.start.astimezone(ATHENS).date()]
    assert typed_period("this month", NOW, ATHENS).months_touched() == 1
    assert typed_period("20/10 - 3/11", NOW, ATHENS).months_touched() == 2


@pytest.mark.parametrize("typed, message", [
    ("15/11 - 1/11", "ends before it starts"),
    ("31/02", "31 February does not exist"),
    ("soonish", "Could not read"),
])
def test_unreadable_periods_say_what_to_fix(typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        typed_period(typed, NOW, ATHENS)
