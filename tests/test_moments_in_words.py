"""Moments in words, as lists and dialogs show them beside a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.clock.dates import DateStyle, use_style
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


@pytest.mark.parametrize(("language", "offset", "words"), [
    ("fa", timedelta(0), "الان"),
    ("fa", timedelta(hours=-10), "۱۰ ساعت پیش"),
    ("fa", timedelta(days=8), "۸ روز دیگر"),
    ("fa", timedelta(minutes=-35), "۳۵ دقیقه پیش"),
    ("el", timedelta(hours=-1, minutes=-5), "πριν από 1 ώρα"),
    ("el", timedelta(days=3), "σε 3 μέρες"),
    ("el", timedelta(seconds=10), "τώρα"),
])
def test_moments_in_lists_are_said_in_the_desks_language_and_digits(language: str, offset: timedelta, words: str) -> None:
    """A Persian desk read "(10 h ago)" and "OVERDUE 31 h ago" beside its Persian dates."""
    set_clock(lambda: NOW)
    use_style(DateStyle("jalali" if language == "fa" else "gregorian", language))
    assert relative(NOW + offset) == words
