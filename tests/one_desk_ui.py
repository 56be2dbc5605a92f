"""Which databases a test runs on: both, except a test of the screens at one desk (`ui_desk`), on SQLite only.

The rule stays "every service and multi-desk test runs on both databases": what a screen shows comes from the
services, which their own tests run on SQLite and PostgreSQL, and what depends on the server (several desks, the
change feed, presence, races, text storage, migrations) is tested with several desks. A Pilot test that drives the
screens of one desk checks the UI, which is the same whatever stores the rows, so it runs once. Two terminals on
one database are not `ui_desk`. The guard below keeps the marker honest: a `ui_desk` test must drive the app and
stay on one database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.app import App

from databases import BACKENDS, Templates
from frontdesk.services.desk import Desk

UI_DESK = "ui_desk"


def backends_for(test: pytest.Function) -> tuple[str, ...]:
    """a Pilot test of the screens of one desk: the UI, not the database, so on SQLite only (tests/one_desk_ui.py)."""
    return BACKENDS[:1] if test.get_closest_marker(UI_DESK) else BACKENDS


def one_desk_ui_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, templates: Templates) -> Iterator[None]:
    """Fails a `ui_desk` test that never runs the app, or that works on more than one database (a backup, a restore,
    a second desk). Opening its one database again, to look at what the screens saved, is fine; the templates its
    database was copied from are not its databases."""
    if request.node.get_closest_marker(UI_DESK) is None or "backend" not in request.fixturenames:
        yield
        return
    databases: set[str] = set()
    apps: list[App] = []
    real_desk_init, real_run_test = Desk.__init__, App.run_test

    def noting_desk(desk: Desk, *args, **kwargs) -> None:
        real_desk_init(desk, *args, **kwargs)
        if desk.engine.url.database not in templates.databases:
            databases.add(desk.engine.url.render_as_string(hide_password=True))

    def noting_app(app: App, *args, **kwargs):
        apps.append(app)
        return real_run_test(app, *args, **kwargs)

    monkeypatch.setattr(Desk, "__init__", noting_desk)
    monkeypatch.setattr(App, "run_test", noting_app)
    yield
    assert apps, f"a {UI_DESK} test drives the app's screens (App.run_test); this one does not, so it runs on both databases"
    assert len(databases) <= 1, f"a {UI_DESK} test works on one database; this one opened {sorted(databases)}"
