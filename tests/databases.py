"""Throwaway databases for tests: an SQLite file, or a fresh PostgreSQL database when a server is given."""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from frontdesk.db import sqlite_url

PG_URL_VARIABLE = "FRONTDESK_TEST_PG_URL"
"""A PostgreSQL server to run the tests against as well, e.g. postgresql+psycopg://postgres@127.0.0.1/test."""

BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str | None:
    return os.environ.get(PG_URL_VARIABLE) or None


def _admin() -> Engine:
    server = postgres_server()
    if server is None:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_URL_VARIABLE} (see README, For developers)")
    return create_engine(server, isolation_level="AUTOCOMMIT")


def _database_url(database: str) -> str:
    return make_url(postgres_server()).set(database=database).render_as_string(hide_password=False)


def _new_database_name() -> str:
    return f"frontdesk_test_{uuid.uuid4().hex[:16]}"


@contextmanager
def throwaway_database(backend: str, folder: Path, name: str = "desk", copy_of: str | None = None) -> Iterator[str]:
    """A URL to a database that is gone afterwards: empty, or a copy of a template from `Templates` (`copy_of`).
    PostgreSQL gets one database per test."""
    if backend == "sqlite":
        if copy_of is not None:
            shutil.copyfile(copy_of, folder / f"{name}.sqlite")
        yield sqlite_url(folder / f"{name}.sqlite")
        return
    admin = _admin()
    database = _new_database_name()
    template = f' TEMPLATE "{copy_of}"' if copy_of is not None else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"{template}'))
    try:
        yield _database_url(database)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every test process of this run shares: xdist's workers keep their own temporary folders side by
    side in the run's, and a run without workers has only its own."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


def made_once(path: Path, make: Callable[[Path], None]) -> Path:
    """`path`, made by `make(path)` by whichever test process of the run asks first, while the others wait for it.

    A process that dies while making it leaves no file behind as made (the lock goes with the process), so the next
    one to ask makes it again.
    """
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = path.with_name(path.name + ".made")
        if not made.exists():
            path.unlink(missing_ok=True)
            make(path)
            made.touch()
    return path


class Templates:
    """Databases prepared once and copied for each test that wants one, so a test starts from a migrated (or seeded)
    database without running every migration again: an SQLite file, made once per run and shared by its test
    processes, copied; or a PostgreSQL database, made once per test process, created with `CREATE DATABASE ...
    TEMPLATE`. Tests about migrations start from an empty database."""

    def __init__(self, folder: Path) -> None:
        """`folder` is shared by the run's test processes (`shared_folder`)."""
        self.folder = folder
        self._made: dict[tuple[str, str], str] = {}
        self.databases: set[str] = set()
        """The templates' own databases (file paths, PostgreSQL names): not any test's database."""

    def template(self, backend: str, name: str, prepare: Callable[[str], None]) -> str:
        """The template called `name`, made by `prepare(url)` the first time it is asked for; what
        `throwaway_database(copy_of=...)` copies. `prepare` must leave no connection open."""
        key = (backend, name)
        if key not in self._made:
            self._made[key] = self._make(backend, name, prepare)
        return self._made[key]

    def _make(self, backend: str, name: str, prepare: Callable[[str], None]) -> str:
        if backend == "sqlite":
            path = self.folder / f"{name}-template.sqlite"
            self.databases.add(str(path))
            return str(made_once(path, lambda path: prepare(sqlite_url(path))))
        admin = _admin()
        database = _new_database_name()
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        self.databases.add(database)
        prepare(_database_url(database))
        return database

    def drop(self) -> None:
        """Drops the PostgreSQL templates (SQLite's go with the test process's temporary folder)."""
        databases = [made for (backend, _), made in self._made.items() if backend != "sqlite"]
        if not databases:
            return
        admin = _admin()
        with admin.connect() as connection:
            for database in databases:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
