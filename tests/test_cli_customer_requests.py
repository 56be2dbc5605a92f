"""`frontdesk customer ...`, `backup` and `restore` as a supervisor types them, and one line when refused."""

from __future__ import annotations

import json
from pathlib import Path

import jdatetime
import pytest

from customer_story import customer_with_everything, supervisor_of
from frontdesk.cli.main import main
from frontdesk.clock.now import to_local, utcnow
from frontdesk.services.agents import find_agent
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from tests.known_secret import KNOWN_SECRET


@pytest.fixture(autouse=True)
def typed_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command here is run with the secret of the person it names (Daniel and Sara share the test secret)."""
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)


@pytest.fixture
def zebediah(desk: Desk) -> int:
    return customer_with_everything(desk, "Zebediah", "Quillfeather", supervisor_of(desk)).customer_id


def test_export_access_log_and_erase_from_the_command_line(desk: Desk, db_url: str, zebediah: int,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    as_daniel = ["--db-url", db_url, "--agent", "Daniel Brooks"]
    assert main(["customer", "export", str(zebediah), "--json", *as_daniel]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["sections"]["customer"]["rows"][0]["given_name"] == "Zebediah"
    assert main(["customer", "access-log", str(zebediah), *as_daniel]) == 0
    shown = capsys.readouterr().out
    assert "greeting" in shown and "export" in shown and "Daniel Brooks" in shown
    assert main(["customer", "erase", str(zebediah), "--reason", "asked by letter", *as_daniel]) == 0
    assert "erased" in capsys.readouterr().out
    assert main(["find", "Zebediah Quillfeather", "--json", *as_daniel]) == 0
    assert zebediah not in [row["customer_id"] for row in json.loads(capsys.readouterr().out)]


def test_the_access_log_a_jalali_desk_prints_is_dated_in_its_calendar(desk: Desk, db_url: str, zebediah: int,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Year first, ASCII digits, as a script reads it; but the desk's year: 1405-09-08, not 2026-11-29."""
    with desk.session() as session:
        set_rule(session, "calendar", "jalali", find_agent(session, "Daniel Brooks").id)
    assert main(["customer", "access-log", str(zebediah), "--db-url", db_url, "--agent", "Daniel Brooks"]) == 0
    today = to_local(utcnow()).date()
    shown = capsys.readouterr().out
    assert str(jdatetime.date.fromgregorian(date=today)) in shown and today.isoformat() not in shown, shown


@pytest.mark.parametrize("command", [["customer", "export", "1"], ["customer", "erase", "1", "--reason", "x"],
                                     ["customer", "access-log", "1"], ["customer", "inactive"], ["backup", "copy.sqlite"]])
def test_an_agent_or_nobody_is_refused_in_one_line(desk: Desk, db_url: str, zebediah: int, command: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--db-url", db_url, "--agent", "Sara Karimi"]) == 1
    assert capsys.readouterr().err.startswith("frontdesk: error: Only a supervisor can")
    assert main([*command, "--db-url", db_url]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--agent NAME" in error


def test_backup_and_restore_from_the_command_line(desk: Desk, zebediah: int, backend: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    if backend != "sqlite":
        pytest.skip("PostgreSQL backups are tested in test_backups.py")
    database = desk.engine.url.database
    assert main(["backup", str(tmp_path / "copy.sqlite"), "--db", database, "--agent", "Daniel Brooks"]) == 0
    assert "(ok)" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "copy.sqlite"), "--db", str(tmp_path / "restored.sqlite")]) == 0
    assert main(["customer", "export", str(zebediah), "--json", "--db", str(tmp_path / "restored.sqlite"),
                 "--agent", "Daniel Brooks"]) == 0
    assert "Quillfeather" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "copy.sqlite"), "--db", database]) == 1
    assert "never writes over" in capsys.readouterr().err


@pytest.mark.parametrize("customer_id", ["2147483648", "9223372036854775808", "-9223372036854775809", "0"])
@pytest.mark.parametrize("request_", [["export"], ["erase", "--reason", "asked"], ["access-log"]], ids=lambda r: r[0])
def test_an_id_no_customer_can_have_is_no_such_customer_in_one_line(desk: Desk, db_url: str, zebediah: int,
                                                                    request_: list[str], customer_id: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Beyond PostgreSQL's integer (2147483647) or SQLite's (9223372036854775807): no crash, no raw DataError."""
    command = ["customer", request_[0], customer_id, *request_[1:], "--db-url", db_url, "--agent", "Daniel Brooks"]
    assert main(command) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"frontdesk: error: There is no customer {customer_id}") and error.count("\n") == 1


def test_the_access_log_of_a_customer_who_never_was_says_so(desk: Desk, db_url: str, zebediah: int,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """It said "Nobody has opened this record." for a number no record ever had."""
    assert main(["customer", "access-log", str(zebediah + 1000), "--db-url", db_url, "--agent", "Daniel Brooks"]) != 0
    assert f"There is no customer {zebediah + 1000}." in capsys.readouterr().err
