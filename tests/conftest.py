"""Fixtures that give each test its own database (SQLite, and PostgreSQL when a server is given) and a calm app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argon2 import PasswordHasher

from databases import BACKENDS, throwaway_database
from known_secret import KNOWN_SECRET
from ui_thread_guard import UIThreadSQL

from frontdesk.clock.dates import use_style
from frontdesk.clock.now import set_clock
from frontdesk.services import agent_secrets
from frontdesk.demo.practice import open_practice_desk
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import Desk, open_desk


@pytest.fixture(autouse=True)
def calm_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Keep the developer's own database and settings out; restore the real clock afterwards."""
    monkeypatch.delenv("FRONTDESK_DB", raising=False)
    monkeypatch.delenv("FRONTDESK_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield
    set_clock(None)
    use_style(None)


@pytest.fixture(autouse=True, scope="session")
def quick_hashes():
    """Argon2 with its smallest costs: the same checks, a millisecond a hash instead of 0.1 s. Each hash records
    its parameters, so a desk the tests made verifies in a real frontdesk process too."""
    real, agent_secrets.HASHER = agent_secrets.HASHER, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    agent_secrets.HASHER = real


@pytest.fixture(autouse=True)
def no_sql_on_ui_thread():
    """Screens call services from thread workers; a statement run on the UI thread fails the test."""
    with UIThreadSQL() as guard:
        yield guard
    assert not guard.found, "SQL ran on the UI thread:\n" + "\n".join(dict.fromkeys(guard.found))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that takes a database runs on SQLite, and on PostgreSQL when FRONTDESK_TEST_PG_URL is set."""
    return request.param


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An SQLite file, for tests about SQLite itself (its file, WAL, paths)."""
    return tmp_path / "desk.sqlite"


@pytest.fixture
def db_url(backend: str, tmp_path: Path):
    with throwaway_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def desk(db_url: str) -> Desk:
    """An empty desk with one agent signed in; her secret is KNOWN_SECRET."""
    opened = open_desk(db_url)
    with opened.session() as session:
        opened.agent = as_colleague(create_agent(session, "Sara Karimi", secret=KNOWN_SECRET))
    yield opened
    opened.engine.dispose()


@pytest.fixture
def supervisor(desk: Desk) -> int:
    """A supervisor at the desk (Daniel Brooks, secret KNOWN_SECRET), for what only supervisors may do."""
    with desk.session() as session:
        return create_agent(session, "Daniel Brooks", "supervisor", secret=KNOWN_SECRET).id


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The practice desk seeded once per test process; each SQLite test gets a copy of the file."""
    folder = tmp_path_factory.mktemp("demo-template")
    with throwaway_database("sqlite", folder, "demo") as url:
        open_practice_desk(url).engine.dispose()
    return folder / "demo.sqlite"


@pytest.fixture
def demo_url(backend: str, tmp_path: Path, demo_template: Path):
    with throwaway_database(backend, tmp_path, "demo") as url:
        if backend == "sqlite":
            shutil.copyfile(demo_template, tmp_path / "demo.sqlite")
        else:
            open_practice_desk(url).engine.dispose()
        yield url
