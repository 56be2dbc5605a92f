"""`frontdesk backup DEST` and `frontdesk restore SRC --db NEW`: copies of the desk, made while it is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from frontdesk.cli.errors import CliError
from frontdesk.cli.named_agent import desk_of_named_agent
from frontdesk.cli.settings import database_url
from frontdesk.services.backups import back_up, restore


def run_backup(args: argparse.Namespace) -> int:
    done = back_up(desk_of_named_agent(args), Path(args.destination).expanduser())
    if done.command_to_run:
        print("pg_dump is not installed here. Run this where it is (it asks for the password, or set PGPASSWORD):")
        print(done.command_to_run)
        return 0
    print(f"Backed up to {done.destination} ({done.checked}).")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if not (args.db or args.db_url):
        raise CliError("Name the new database to restore into: --db NEW.sqlite (or --db-url for PostgreSQL).")
    done = restore(Path(args.source).expanduser(), database_url(args.db, args.db_url))
    if done.command_to_run:
        print("pg_restore is not installed here. Run this where it is (it asks for the password, or set PGPASSWORD):")
        print(done.command_to_run)
        return 0
    print(f"Restored into {done.target} ({done.checked}); open it with --db or --db-url.")
    return 0
