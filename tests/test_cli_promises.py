"""`frontdesk promises`: the open promises as a table or JSON, filtered by when they are due and whose they are."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from frontdesk.cli.main import main
from frontdesk.services.desk import Desk
from tests.known_secret import KNOWN_SECRET
from tests.test_promises import FRIDAY, THURSDAY, at, leave_desk, promise
from tests.test_promises import athens_desk, customer, eleni  # noqa: F401  (fixtures, used by name)


@pytest.fixture
def promised(desk: Desk, customer: int, eleni: int) -> Desk:  # noqa: F811  (fixtures by name)
    """One late, one due later today, one tomorrow owned by a colleague who has since left."""
    promise(desk, customer, at(THURSDAY, 9), "Send the [bold]lab[/bold] results", tell_by="email")
    promise(desk, customer, at(THURSDAY, 15), "Call about the refund")
    promise(desk, customer, at(FRIDAY, 11), "Post the new card", owner_id=eleni)
    leave_desk(desk, eleni)
    return desk


@pytest.fixture(autouse=True)
def sara_signs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command here runs as Sara Karimi (`--agent`), her secret in FRONTDESK_SECRET."""
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)


def listed(db_url: str, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, object]]:
    assert main(["promises", "--db-url", db_url, "--agent", "Sara Karimi", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_every_open_promise_soonest_first(promised: Desk, db_url: str, capsys: pytest.CaptureFixture[str],
                                                     customer: int) -> None:  # noqa: F811  (a fixture by name)
    rows = listed(db_url, capsys)
    assert [(row["status"], row["what"], row["owner"], row["owner_active"]) for row in rows] == [
        ("overdue", "Send the [bold]lab[/bold] results", "Sara Karimi", True),
        ("today", "Call about the refund", "Sara Karimi", True),
        ("upcoming", "Post the new card", "Eleni Georgiou", False),
    ]
    assert datetime.fromisoformat(rows[0]["due_at"]) == at(THURSDAY, 9)
    assert (rows[0]["customer_id"], rows[0]["customer"], rows[0]["kind"], rows[0]["tell_by"]) == (
        customer, "Mary Johnson", "promise", "email")


@pytest.mark.parametrize(("options", "expected"), [
    (("--due", "overdue"), ["Send the [bold]lab[/bold] results"]),
    (("--due", "today"), ["Call about the refund"]),
    (("--due", "week"), ["Call about the refund", "Post the new card"]),
    (("--owner", "eleni georgiou"), ["Post the new card"]),
    (("--owner", "Sara Karimi", "--due", "week"), ["Call about the refund"]),
])
def test_filters_by_due_and_owner(promised: Desk, db_url: str, capsys: pytest.CaptureFixture[str],
                                  options: tuple[str, ...], expected: list[str]) -> None:
    assert [row["what"] for row in listed(db_url, capsys, *options)] == expected


def test_the_table_shows_state_and_marks_an_owner_who_left(promised: Desk, db_url: str,
                                                          capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["promises", "--db-url", db_url, "--agent", "Sara Karimi"]) == 0
    lines = capsys.readouterr().out.splitlines()
    late = next(line for line in lines if "OVERDUE" in line)
    assert "Thu 26 Nov 09:00" in late and "Send the [bold]lab[/bold] results" in late  # user text is never markup
    assert any("upcoming" in line and "Eleni Georgiou (inactive)" in line for line in lines)
    assert any("today" in line and "Call about the refund" in line for line in lines)


def test_an_unknown_owner_is_one_line_and_exit_1(promised: Desk, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["promises", "--db-url", db_url, "--agent", "Sara Karimi", "--owner", "Nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("frontdesk: error: No agent called 'Nobody' at this desk")
    assert err.count("\n") == 1


def test_nothing_due_says_so(desk: Desk, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["promises", "--db-url", db_url, "--agent", "Sara Karimi", "--due", "overdue"]) == 0
    assert capsys.readouterr().out == "No open promises.\n"
