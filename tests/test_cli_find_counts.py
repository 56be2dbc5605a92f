"""`frontdesk find` says how many more customers fit than it printed."""

from __future__ import annotations

import json

import pytest

from frontdesk.cli.main import main


def test_find_says_how_many_more_fit(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, "find", "mary", "--json", "--limit", "1000"]) == 0
    fitting = len(json.loads(capsys.readouterr().out))
    assert fitting > 3
    assert main(["--db-url", demo_url, "find", "mary", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert f"3 of {fitting} shown: {fitting - 3} more fit; --limit {fitting} shows them all." in out


def test_find_says_nothing_more_when_all_are_shown(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, "find", "mary", "--limit", "1000"]) == 0
    assert "more fit" not in capsys.readouterr().out
