"""The commands that open the desk itself: the app on a database, and the practice desk."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from frontdesk.cli.errors import CliError
from frontdesk.cli.settings import database_url
from frontdesk.db import sqlite_url
from frontdesk.cli.launch import make_app
from frontdesk.ui.app import FrontDeskApp


def run_app(args: argparse.Namespace) -> int:
    url = database_url(args.db, args.db_url)
    app = _named(make_app(url, agent_name=args.agent), args)
    app.run()
    return app.return_code or 0  # a crash (Textual's panic) exits non-zero


def run_demo(args: argparse.Namespace) -> int:
    """With --db the practice desk is kept in that file; without it, in a temporary folder removed on quitting."""
    if args.db_url:
        raise CliError("The demo desk uses its own SQLite file; give --db PATH, not --db-url.")
    if args.db is not None:
        database_url(args.db)  # an empty or in-memory --db is refused, not taken for "none given"
    else:
        with tempfile.TemporaryDirectory(prefix="frontdesk-demo-") as folder:
            return _run_practice(Path(folder) / "demo.sqlite", args)
    path = Path(args.db).expanduser()
    if args.reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    code = _run_practice(path, args)
    print(f"The practice desk is kept at {path}; `frontdesk demo --db {path}` opens it again.")
    return code


def _run_practice(path: Path, args: argparse.Namespace) -> int:
    app = _named(make_app(sqlite_url(path), agent_name=args.agent, practice=True), args)
    app.run()
    app.desk.engine.dispose()  # the file is closed before its folder goes
    return app.return_code or 0


def _named(app: FrontDeskApp, args: argparse.Namespace) -> FrontDeskApp:
    """`--desk NAME`; without it the desk keeps its default, the host name."""
    if args.desk:
        app.desk.desk_name = args.desk.strip()
    return app
