"""The layer rules, checked by import-linter on every run: a screen that reaches for SQL fails here."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_are_kept(capsys) -> None:
    status = lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True, no_logo=True)
    assert status == 0, capsys.readouterr().out
