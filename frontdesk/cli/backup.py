"""`frontdesk backup DEST` and `frontdesk restore SRC --db NEW`: copies of the desk, made while it is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontdesk.cli.errors import CliError
from frontdesk.cli.identity import open_signed_in
from frontdesk.cli.settings import database_url
from frontdesk.services.backups import Copied, back_up, restore


def run_backup(args: argparse.Namespace) -> int:
    _report(back_up(open_signed_in(args), Path(args.destination).expanduser()), "Backed up to {target} ({checked}).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if not (args.db or args.db_url):
        raise CliError("Name the new database to restore into: --db NEW.sqlite (or --db-url for PostgreSQL).")
    _report(restore(Path(args.source).expanduser(), database_url(args.db, args.db_url)),
            "Restored into {target} ({checked}); open it with --db or --db-url.")
    return 0


def _report(done: Copied, finished: str) -> None:
    if done.command_to_run:
        print(f"{done.command_to_run.split()[0]} is not installed here. Run this where it is "
              "(it asks for the password, or set PGPASSWORD):")
        print(done.command_to_run)
    else:
        print(finished.format(target=done.target, checked=done.checked))
