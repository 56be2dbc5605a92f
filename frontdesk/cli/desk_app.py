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
    _named(make_app(url, agent_name=args.agent), args).run()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    if args.db_url:
        raise CliError("The demo desk uses its own SQLite file; give --db PATH, not --db-url.")
    path = Path(args.db).expanduser() if args.db else Path(tempfile.mkdtemp(prefix="frontdesk-demo-")) / "demo.sqlite"
    if args.reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    _named(make_app(sqlite_url(path), agent_name=args.agent, practice=True), args).run()
    print(f"The practice desk is kept at {path}; `frontdesk demo --db {path}` opens it again.")
    return 0


def _named(app: FrontDeskApp, args: argparse.Namespace) -> FrontDeskApp:
    """`--desk NAME`; without it the desk keeps its default, the host name."""
    if args.desk:
        app.desk.desk_name = args.desk.strip()
    return app
