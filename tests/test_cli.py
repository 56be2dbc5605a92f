"""The `frontdesk` command: help, version, lookups, imports, and one readable line when it fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import __version__
from frontdesk.cli.main import main
from frontdesk.db import sqlite_url
from frontdesk.services.desk import open_desk
from frontdesk.services.customers import customer_count
from frontdesk.cli.settings import database_url
from tests.known_secret import KNOWN_SECRET, PRACTICE_PIN
from tests.terminal import Terminal

SARA = ("--agent", "Sara Karimi")
"""An agent on the demo desk and on the `desk` fixture's; her secret comes from FRONTDESK_SECRET."""
DANIEL = ("--agent", "Daniel Brooks")
"""A supervisor (the `supervisor` fixture's, or the demo desk's)."""


@pytest.fixture
def demo_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", PRACTICE_PIN)


@pytest.fixture
def known_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real process, as a user's shell runs it."""
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL,
    )


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.strip() == f"frontdesk {__version__}"
    shown = run_cli("--help")
    assert shown.returncode == 0
    for word in ("demo", "find", "import", "--db", "--db-url", "--agent"):
        assert word in shown.stdout


def test_a_bad_db_path_exits_non_zero_with_one_readable_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run_cli("--db", str(blocker / "desk.sqlite"), "config", "callback_within_hours", "3")  # a command that may make a desk
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("frontdesk: error: Cannot create the folder")
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_is_refused_by_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + os.urandom(4096))
    assert main(["--db", str(path), "find", "x"]) == 1
    assert "not a frontdesk database" in capsys.readouterr().err
    assert path.stat().st_size == 4099


def test_db_and_db_url_together_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", "x", "--db", str(tmp_path / "a.sqlite"), "--db-url", "sqlite://"]) == 1
    assert "either --db or --db-url" in capsys.readouterr().err


@pytest.mark.parametrize(("flags", "said"), [
    (["--db", ""], "--db needs a file path"),
    (["--db-url", " "], "--db-url needs a database URL"),
    (["--db", ":memory:"], "in memory loses everything"),
    (["--db-url", "sqlite://"], "in memory loses everything"),
    (["--db-url", "sqlite:///file:desk?mode=memory&uri=true"], "in memory loses everything"),
])
@pytest.mark.parametrize("command", [["config"], ["demo"]])
def test_an_empty_or_in_memory_database_is_refused(
    flags: list[str], said: str, command: list[str], capsys: pytest.CaptureFixture[str],
) -> None:
    if command == ["demo"] and flags[0] == "--db-url":
        pytest.skip("the demo refuses any --db-url")
    assert main([*command, *flags]) == 1
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1


def test_a_reader_that_stops_reading_ends_the_output_quietly(demo_url: str, demo_secret: None) -> None:
    reading, writing = os.pipe()
    os.close(reading)  # `| head -2` has already exited
    try:
        result = subprocess.run([sys.executable, "-m", "frontdesk", "--db-url", demo_url, *SARA, "find", "mary", "--json"],
                                stdout=writing, stderr=subprocess.PIPE, text=True, timeout=120, stdin=subprocess.DEVNULL)
    finally:
        os.close(writing)
    assert (result.returncode, result.stderr) == (141, "")


def test_an_unknown_agent_is_refused(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, "--agent", "Nobody"]) == 1
    assert "No active agent called 'Nobody'" in capsys.readouterr().err


def test_the_database_can_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_DB", str(tmp_path / "env.sqlite"))
    assert database_url() == sqlite_url(tmp_path / "env.sqlite")
    monkeypatch.setenv("FRONTDESK_DB_URL", "postgresql+psycopg://desk@db/frontdesk")
    assert database_url() == "postgresql+psycopg://desk@db/frontdesk"
    assert database_url(db_path=str(tmp_path / "flag.sqlite")) == sqlite_url(tmp_path / "flag.sqlite")


def test_the_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    assert database_url() == sqlite_url(tmp_path / "xdg-data" / "frontdesk" / "frontdesk.sqlite")


def test_find_prints_matches_as_the_app_ranks_them(demo_url: str, demo_secret: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, *SARA, "find", "jackson johnson avenue", "--json", "--limit", "3"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 3
    assert (found[0]["name"], found[0]["street"]) == ("Mary Jackson", "40 Johnson Avenue")
    assert found[0]["phone_last4"] == "0021" and "phone" not in found[0]


def test_find_as_a_table(demo_url: str, demo_secret: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, *SARA, "find", "نیک‌نام"]) == 0
    assert "نیک‌نام" in capsys.readouterr().out


def test_a_piped_table_keeps_each_row_and_header_on_one_line(demo_url: str, demo_secret: None) -> None:
    result = run_cli("--db-url", demo_url, *SARA, "find", "mary", "--limit", "3", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "Score" in line)
    assert all(word in header for word in ("Name", "Street", "Phone", "Born", "Matched on", "Ambiguous"))
    assert sum("Mary" in line for line in lines) == 3  # one line per customer, none wrapped


def test_find_refuses_a_silly_limit(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, "find", "mary", "--limit", "0"]) == 1
    assert "--limit" in capsys.readouterr().err


CSV = """given_name,family_name,street,phones,birth_date,language
Mary,Johnson,12 Jackson Avenue,+1 555 201 3344,1958-04-12,en
Reza,Tehrani,خیابان آزادی، پلاک ۱۲,+98 912 111 2233; 021 5555 1234,1980-02-03,fa
,   ,nowhere,,,
Ελένη,Παπαδοπούλου,οδός Ερμού 5,,31/02/1970,el
Nikos,Georgiou,Σταδίου 7,,,el
"""


def test_import_adds_good_rows_reports_bad_ones_and_adds_nothing_twice(
    tmp_path: Path, desk, db_url: str, known_secret: None, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "customers.csv"
    source.write_text(CSV, encoding="utf-8")
    assert main(["--db-url", db_url, *SARA, "import", str(source)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[0] == "Added 3 customers; 0 already there; 2 bad rows; 0 look-alikes."
    assert first[1] == "line 4: not imported: A customer needs a given name or a family name."
    assert first[2].startswith("line 5: not imported:") and "not a date" in first[2]

    assert main(["--db-url", db_url, *SARA, "import", str(source)]) == 0
    assert "Added 0 customers; 3 already there" in capsys.readouterr().out
    with open_desk(db_url).session() as session:
        assert customer_count(session) == 3


def test_import_reports_look_alikes_without_merging(tmp_path: Path, demo_url: str, demo_secret: None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "more.csv"
    source.write_text("given_name,family_name,street\nMary,Jonson,12 Jackson Avenue\n", encoding="utf-8")
    assert main(["--db-url", demo_url, *SARA, "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Added 1 customer;" in out
    assert "line 2: Mary Jonson looks like existing customer #1 (Mary Johnson)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"given_name,shoe_size\nAnn,38\n", "unknown columns shoe_size"),
        (b"street\nElm Street\n", "needs a given_name or family_name column"),
        (b"given_name\n\xff\xfe\x00bad\n", "not UTF-8"),
    ],
)
def test_import_refuses_a_file_it_cannot_read(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    assert main(["--db-url", db_url, "import", str(source)]) == 1
    assert message in capsys.readouterr().err


def test_import_of_a_missing_file(tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", db_url, "import", str(tmp_path / "nope.csv")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_config_shows_and_changes_the_desk_rules(db_url: str, supervisor: int, known_secret: None,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", db_url, "config"]) == 0
    assert "opening_hours = 'mon-fri 09:00-17:00'" in capsys.readouterr().out
    assert main(["--db-url", db_url, *DANIEL, "config", "callback_within_hours", "3"]) == 0
    assert "callback_within_hours = '3'" in capsys.readouterr().out
    assert main(["--db-url", db_url, *DANIEL, "config", "opening_hours", "whenever"]) == 1
    assert capsys.readouterr().err.startswith("frontdesk: error: Opening hours:")
    assert main(["--db-url", db_url, "config", "coffee"]) == 1
    assert "Unknown setting 'coffee'" in capsys.readouterr().err


def test_opening_hours_giving_a_day_twice_are_one_line_and_exit_1(db_url: str, supervisor: int, known_secret: None,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", db_url, *DANIEL, "config", "opening_hours", "Mon-Fri 09:00-17:00; Fri 10:00-14:00"]) == 1
    error = capsys.readouterr().err
    assert error == ('frontdesk: error: Opening hours: Friday is given twice, in "Mon-Fri 09:00-17:00" and in '
                     '"Fri 10:00-14:00"; give each day its hours once (several spans go in one clause: '
                     'fri 09:00-12:00, 13:00-17:00)\n')
    assert main(["--db-url", db_url, "config", "opening_hours"]) == 0
    assert "opening_hours = 'mon-fri 09:00-17:00'" in capsys.readouterr().out


def test_a_currency_that_is_no_iso_code_is_one_line_and_exit_1(db_url: str, supervisor: int, known_secret: None,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A hundred thousand characters are refused in one short line that does not repeat them; the rule stays."""
    assert main(["--db-url", db_url, *DANIEL, "config", "currency", "€" * 100_000]) == 1
    error = capsys.readouterr().err
    assert error == "frontdesk: error: currency must be an ISO 4217 code such as EUR, GBP, IRR or JPY, not '€€€€€€€€€€€€…'.\n"
    assert main(["--db-url", db_url, *DANIEL, "config", "currency", "irr"]) == 0
    assert main(["--db-url", db_url, "config", "currency"]) == 0
    assert "currency = 'IRR'" in capsys.readouterr().out


def test_bytes_that_are_not_utf8_in_an_argument_are_one_line_and_exit_1(db_url: str, supervisor: int) -> None:
    """`frontdesk config currency $'\\xff'`: Python reads the byte as a lone surrogate, said back escaped."""
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "--db-url", db_url, *DANIEL, "config", "currency", b"\xff"],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL, env={**os.environ, "FRONTDESK_SECRET": KNOWN_SECRET},
    )
    assert result.returncode == 1
    error = result.stderr.decode("utf-8", "replace")
    assert error == "frontdesk: error: currency must be an ISO 4217 code such as EUR, GBP, IRR or JPY, not '\\udcff'.\n"


@pytest.mark.parametrize("command", [("find", "mary"), ("promises",), ("config", "currency", "GBP"), ("import", "x.csv")])
def test_commands_that_change_or_reveal_desk_data_need_an_agent(demo_url: str, capsys: pytest.CaptureFixture[str],
                                                                command: tuple[str, ...], tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("given_name\nAnn\n", encoding="utf-8")
    if command[0] == "import":
        command = ("import", str(tmp_path / "x.csv"))
    assert main(["--db-url", demo_url, *command]) == 1
    assert capsys.readouterr().err == ("frontdesk: error: this command needs --agent NAME and that person's secret "
                                       "(typed, or in FRONTDESK_SECRET).\n")


def test_config_refuses_a_wrong_secret_and_an_agent_in_one_line(demo_url: str, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", "9999")
    assert main(["--db-url", demo_url, *DANIEL, "config", "currency", "GBP"]) == 1
    assert capsys.readouterr().err == "frontdesk: error: Wrong secret; 4 tries left before Daniel Brooks is locked.\n"
    monkeypatch.setenv("FRONTDESK_SECRET", PRACTICE_PIN)
    assert main(["--db-url", demo_url, *SARA, "config", "currency", "GBP"]) == 1
    assert capsys.readouterr().err == "frontdesk: error: Only a supervisor can change the desk rules.\n"
    assert main(["--db-url", demo_url, *DANIEL, "config", "currency", "GBP"]) == 0
    assert "currency = 'GBP'" in capsys.readouterr().out


def test_without_a_terminal_or_FRONTDESK_SECRET_the_command_says_how_to_give_the_secret(demo_url: str) -> None:
    result = run_cli("--db-url", demo_url, *SARA, "promises")
    assert result.returncode == 1
    assert result.stderr == ("frontdesk: error: no secret for Sara Karimi: run at a terminal to type it, "
                             "or set FRONTDESK_SECRET.\n")


def test_at_a_terminal_the_secret_is_asked_without_echo(demo_url: str) -> None:
    terminal = Terminal("--db-url", demo_url, *SARA, "find", "Mary Jackson", columns=160)
    try:
        terminal.wait_for("Secret for Sara Karimi:")
        terminal.type(PRACTICE_PIN + "\r")
        terminal.wait_for("40 Johnson Avenue")
        assert PRACTICE_PIN not in terminal.screen_text.split("Secret for Sara Karimi:")[1].split("40 Johnson")[0]
    finally:
        terminal.close()
