"""Moments in words, as lists and dialogs show them beside a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.clock.now import set_clock
from frontdesk.clock.when import relative

NOW = datetime(2026, 11, 18, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(("offset", "words"), [
    (timedelta(0), "now"),
    (timedelta(seconds=-40), "now"),
    (timedelta(seconds=59), "now"),
    (timedelta(minutes=5), "in 5 min"),
    (timedelta(minutes=-5), "5 min ago"),
    (timedelta(hours=3), "in 3 h"),
    (timedelta(days=-3), "3 days ago"),
])
def test_a_moment_within_the_minute_is_now_and_others_say_how_far(offset: timedelta, words: str) -> None:
    set_clock(lambda: NOW)
    assert relative(NOW + offset) == words
