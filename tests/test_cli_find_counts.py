"""`frontdesk find` says how many more customers fit than it printed."""

from __future__ import annotations

import json

import pytest

from frontdesk.cli.main import main
from frontdesk.demo.practice import PRACTICE_PIN

AS_SARA = ("--agent", "Sara Karimi")
"""Finding customers reveals desk data, so it is asked as someone: a practice-desk agent."""


@pytest.fixture(autouse=True)
def practice_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", PRACTICE_PIN)


def test_find_says_how_many_more_fit(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, *AS_SARA, "find", "mary", "--json", "--limit", "1000"]) == 0
    fitting = len(json.loads(capsys.readouterr().out))
    assert fitting > 3
    assert main(["--db-url", demo_url, *AS_SARA, "find", "mary", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert f"3 of {fitting} shown: {fitting - 3} more fit; --limit {fitting} shows them all." in out


def test_find_says_nothing_more_when_all_are_shown(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, *AS_SARA, "find", "mary", "--limit", "1000"]) == 0
    assert "more fit" not in capsys.readouterr().out
