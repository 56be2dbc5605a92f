"""Fixtures that give each test its own database file and a calm, predictable app."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.clock.now import set_clock
from frontdesk.db import sqlite_url
from frontdesk.services.desk import Desk
from frontdesk.demo.practice import open_practice_desk
from frontdesk.services.desk import open_desk
from frontdesk.services.agents import create_agent


@pytest.fixture(autouse=True)
def calm_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Keep the developer's own database and settings out; restore the real clock afterwards."""
    monkeypatch.delenv("FRONTDESK_DB", raising=False)
    monkeypatch.delenv("FRONTDESK_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield
    set_clock(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return sqlite_url(db_path)


@pytest.fixture
def desk(db_url: str) -> Desk:
    """An empty desk with one agent signed in."""
    opened = open_desk(db_url)
    with opened.session() as session:
        opened.agent = create_agent(session, "Sara Karimi")
    return opened


@pytest.fixture
def demo_url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "demo.sqlite")
    open_practice_desk(url).engine.dispose()
    return url
