"""Folding, query reading and highlighting: the text handling under the lookup."""

import dataclasses
import threading

import pytest

from frontdesk.lookup import CustomerIndex, LookupRecord, Match, highlight_spans, normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("José", "jose"), ("Παπαδόπουλος", "ΠΑΠΑΔΟΠΟΥΛΟΣ"), ("παπαδοπουλος", "παπαδοπουλοσ"), ("علي", "علی"),
        ("كريمي", "کریمی"), ("مُحَمَّد", "محمد"), ("عـلی", "علی"), ("آقای", "اقای"), ("ﻙ", "ک"), ("Straße", "strasse"),
        ("۰۹۱۲", "0912"), ("٠٩١٢", "0912"), ("e\u0301", "é"),
    ],
)
def test_normalize_folds_both_spellings_alike(a, b):
    assert normalize(a) == normalize(b)


def test_normalize_turns_zwnj_and_controls_into_spaces():
    assert normalize("نیک\u200cنام") == "نیک نام"
    assert normalize("  Mary\x00\tJohnson\n") == "mary johnson"


def test_records_and_matches_are_frozen():
    record = LookupRecord(1, "Ann")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "Bob"  # type: ignore[misc]
    assert not hasattr(record, "__dict__") and not hasattr(Match(1, 1.0, False, ()), "__dict__")


def test_highlight_marks_original_spelling():
    text = "Mrs. Mary Johnson"
    spans = highlight_spans("mary jonson", text)
    assert [text[s:e] for s, e in spans] == ["Mary", "Johnson"]


def test_highlight_persian_joined_and_digits():
    text = "علی نیک‌نام"
    assert [text[s:e] for s, e in highlight_spans("نیکنام", text)] == ["نیک‌نام"]
    phone = "۰۹۱۲ ۳۴۵ ۶۷۸۹"
    assert [phone[s:e] for s, e in highlight_spans("6789", phone)] == ["۶۷۸۹"]


def test_highlight_greek_and_nothing():
    text = "Γιώργος Παπαδόπουλος"
    assert [text[s:e] for s, e in highlight_spans("παπαδοπουλοσ", text)] == ["Παπαδόπουλος"]
    assert highlight_spans("", text) == []
    assert highlight_spans("zzz", text) == []


def test_search_in_a_thread_while_adding_and_removing():
    index = CustomerIndex(LookupRecord(i, f"Mary Johnson{i % 7}", f"{i} Jackson Avenue") for i in range(1, 2000))
    errors: list[BaseException] = []

    def searcher() -> None:
        try:
            for _ in range(200):
                for match in index.search("mary johnson"):
                    assert 0 <= match.score <= 100
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)

    thread = threading.Thread(target=searcher)
    thread.start()
    for i in range(2000, 2400):
        index.add(LookupRecord(i, f"Mary Johnson{i}", "1 Elm Road"))
        index.remove(i - 1000)
    thread.join()
    assert not errors
    assert len(index) == 1999


def test_build_reports_progress():
    seen: list[int] = []
    index = CustomerIndex.build((LookupRecord(i, f"Ann {i}") for i in range(1, 120_001)), progress=seen.append)
    assert len(index) == 120_000
    assert seen[-1] == 120_000 and seen == sorted(seen)
