"""A command that only reads never makes a desk where there is none: a wrong --db or --db-url is one line, nothing created."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from frontdesk.cli.main import main

READING = [
    ["find", "mary"], ["promises"], ["report"], ["customer", "export", "1"], ["customer", "access-log", "1"],
    ["customer", "inactive"], ["config"], ["config", "currency"], ["backup", "copy.sqlite"],
]
"""Commands that read the desk (a backup reads it too); `frontdesk`, demo, import, restore and config KEY VALUE may make one."""


def tables_in(url: str) -> list[str]:
    if make_url(url).get_backend_name() == "sqlite":
        return ["(the file)"] if Path(make_url(url).database).exists() else []
    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_reading_command_on_a_missing_sqlite_path_creates_no_folder_or_file(command: list[str], tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "no" / "such" / "x.db"
    assert main(["--db", str(missing), "--agent", "X", *command]) == 1
    assert capsys.readouterr().err == f"frontdesk: error: There is no desk at {missing}: check --db or --db-url.\n"
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_reading_command_on_an_empty_database_builds_no_tables(command: list[str], db_url: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db-url", db_url, "--agent", "X", *command]) == 1
    error = capsys.readouterr().err
    assert error.startswith("frontdesk: error: There is no desk at ") and error.endswith(": check --db or --db-url.\n")
    assert tables_in(db_url) == []


def test_a_database_url_without_a_database_name_is_refused_as_incomplete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", "mary", "--db-url", "postgresql://", "--agent", "X"]) == 1
    assert capsys.readouterr().err == ("frontdesk: error: The database URL 'postgresql://' names no database; "
                                       "add its name, e.g. postgresql+psycopg://desk@server/frontdesk.\n")
