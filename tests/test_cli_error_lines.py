"""What a failing command prints: one line, exit 1 (or 2 for a mistake in the command itself), nothing raw."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.cli.main import main
from tests.known_secret import PRACTICE_PIN
from tests.test_cli import DANIEL, run_cli

ESCAPE = "x\x1b[2Jy"
"""An argument that would clear the screen if it were echoed raw."""


def one_line(error: str) -> str:
    assert error.endswith("\n") and error.count("\n") == 1, error
    assert "Traceback" not in error
    assert not any(ord(character) < 32 or 0x7f <= ord(character) < 0xa0 for character in error[:-1]), repr(error)
    return error[:-1]


@pytest.mark.parametrize("command", [
    ["report", "--from", ESCAPE],
    ["import", ESCAPE + ".csv"],
    ["backup", ESCAPE + "/copy.sqlite"],
    ["restore", ESCAPE + ".bak", "--db", "new.sqlite"],
])
def test_control_characters_in_arguments_are_shown_escaped(command: list[str], demo_url: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", PRACTICE_PIN)
    monkeypatch.chdir(tmp_path)
    agent = [] if command[0] == "restore" else list(DANIEL)
    assert main(["--db-url", demo_url, *agent, *command] if command[0] != "restore" else command) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("frontdesk: error: ")
    assert "x\\x1b[2" in line, line


def test_a_very_long_argument_is_cut_in_the_error_line(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db-url", demo_url, "--agent", "A" * 100_000, "find", "mary"]) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("frontdesk: error: no secret for AAAA") and "…" in line
    assert len(line) < 1_000
    assert line.endswith(": run at a terminal to type it, or set FRONTDESK_SECRET."), "what follows the argument is kept"


@pytest.mark.parametrize(("command", "said"), [
    (["find", "mary", "--limit", "abc"], "frontdesk find: error: argument --limit: must be a whole number, not 'abc'"),
    (["find"], "frontdesk find: error: the following arguments are required: query"),
    (["bogus"], "frontdesk: error: argument COMMAND: invalid choice: 'bogus'"),
    (["customer", "export", "x\x1by"], "frontdesk customer export: error: argument ID: must be a whole number, not 'x\\x1by'"),
])
def test_a_mistake_in_the_command_is_one_line_and_exit_2(command: list[str], said: str) -> None:
    result = run_cli(*command)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(said)
    assert result.stdout == ""


def test_help_still_prints_the_whole_help() -> None:
    result = run_cli("find", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: frontdesk find") and "--limit" in result.stdout
