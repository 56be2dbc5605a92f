"""Fixtures that give each test its own database (SQLite, and PostgreSQL when a server is given) and a calm app."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argon2 import PasswordHasher

from databases import Templates, shared_folder, throwaway_database
from one_desk_ui import UI_DESK, backends_for, one_desk_ui_guard
from known_secret import KNOWN_SECRET
from ui_thread_guard import UIThreadSQL

from frontdesk.clock.dates import use_style
from frontdesk.clock.now import set_clock
from frontdesk.services import agent_secrets
from frontdesk.demo.practice import open_practice_desk
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.desk import Desk, open_desk


TEST_PROCESS_GC = (20_000, 50, 100)
"""Python's collector runs less often in the test processes than its defaults (700, 10, 10) say.

A test process starts hundreds of apps and keeps what they load, so a full collection walks a large
heap; with the defaults the collector took a quarter of a screen test's CPU (13 of 55 s for
test_call_screen.py), with these 5 s, for 60 MB more at the peak. The app's own process is untouched.
"""
gc.set_threshold(*TEST_PROCESS_GC)


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


@pytest.fixture(autouse=True)
def ui_desk_tests_stay_one_desk_ui(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                                   templates: Templates) -> Iterator[None]:
    """A test marked `ui_desk` (SQLite only) drives the screens on one database; see one_desk_ui.py."""
    yield from one_desk_ui_guard(request, monkeypatch, templates)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{UI_DESK}: {backends_for.__doc__}")
    keep_compiled_code()


def keep_compiled_code() -> None:
    """Lets the test processes, and the `frontdesk` processes they start, keep compiled modules (__pycache__, as
    Python does by default) even where the environment says not to: otherwise each of the hundreds of processes the
    suite starts compiles frontdesk and pytest's rewritten modules afresh, about 0.3 s each, 2 s for a test process."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    chosen = any("backend" in str(marker.args[0]) for marker in metafunc.definition.iter_markers("parametrize"))
    if "backend" in metafunc.fixturenames and not chosen:
        metafunc.parametrize("backend", backends_for(metafunc.definition), indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that takes a database runs on SQLite, and on PostgreSQL when FRONTDESK_TEST_PG_URL is set
    (a `ui_desk` test on SQLite only, see one_desk_ui.py)."""
    return request.param


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """The migrated and seeded template databases: SQLite's shared by the run's test processes, PostgreSQL's this
    process's own."""
    folder = shared_folder(tmp_path_factory) / "templates"
    folder.mkdir(exist_ok=True)
    made = Templates(folder)
    yield made
    made.drop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An SQLite file, for tests about SQLite itself (its file, WAL, paths)."""
    return tmp_path / "desk.sqlite"


def _migrate(url: str) -> None:
    open_desk(url).engine.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path, templates: Templates) -> Iterator[str]:
    """The test's database. Empty; but when the test has a `desk`, a copy of a database migrated once per test
    process (the desk opens it without running the migrations again). Migration tests take no desk."""
    migrated = templates.template(backend, "migrated", _migrate) if "desk" in request.fixturenames else None
    with throwaway_database(backend, tmp_path, copy_of=migrated) as url:
        yield url


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
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


def _seed_practice_desk(url: str) -> None:
    open_practice_desk(url).engine.dispose()


@pytest.fixture
def demo_url(backend: str, tmp_path: Path, templates: Templates) -> Iterator[str]:
    """The practice desk, seeded once per test process and copied for each test."""
    with throwaway_database(backend, tmp_path, "demo", copy_of=templates.template(backend, "demo", _seed_practice_desk)) as url:
        yield url
