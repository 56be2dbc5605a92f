"""The `frontdesk` command: the app by default, and a few subcommands for scripts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from frontdesk import __version__
from frontdesk.db import DatabaseError
from frontdesk.cli.errors import CliError, error_line
from frontdesk.services.validation import ValidationError
from frontdesk.cli.settings import ENV_DB_PATH, ENV_DB_URL, SettingsError

EXIT_ERROR = 1
EXIT_USAGE = 2
"""A mistake in the command itself (an unknown command, a missing or malformed argument), as argparse exits."""
EXIT_BROKEN_PIPE = 141
"""What a shell reports for a command whose reader went away (128 + SIGPIPE)."""


class _UsageMistake(Exception):
    """Raised instead of argparse's exit, so the mistake is printed in one line like any other error."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(f"{prog}: error: {message}")


class _OneLineParser(argparse.ArgumentParser):
    """A usage mistake is one line naming the command ("frontdesk find: error: ..."), not the whole usage;
    --help still prints all of it. Subcommands' parsers are of the same class (add_subparsers sees to that)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageMistake(self.prog, message)


def _whole_number(text: str) -> int:
    """A number argument, refused in words ("must be a whole number, not 'abc'") rather than argparse's "invalid int value"."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None


def _database_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """Shared by the main command and each subcommand; SUPPRESS keeps a subcommand from erasing them."""
    default = argparse.SUPPRESS if in_subcommand else None
    parser.add_argument("--db", metavar="PATH", default=default, help=f"SQLite file to use (or set {ENV_DB_PATH})")
    parser.add_argument("--db-url", metavar="URL", default=default, help=f"any SQLAlchemy database URL (or set {ENV_DB_URL})")
    parser.add_argument("--agent", metavar="NAME", default=default, help="who is at the desk; their secret is still asked (FRONTDESK_SECRET for scripts)")


def _desk_option(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """For the commands that open a terminal: the name colleagues see ("also open at Desk 2")."""
    default = argparse.SUPPRESS if in_subcommand else None
    parser.add_argument("--desk", metavar="NAME", default=default, help="this terminal's name for colleagues (default: the host name)")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="frontdesk",
        description="A keyboard-first front desk: find the right customer, take notes, keep every promise.",
    )
    parser.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    _database_options(parser, in_subcommand=False)
    _desk_option(parser, in_subcommand=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="open a practice desk full of demo customers")
    _database_options(demo, in_subcommand=True)
    _desk_option(demo, in_subcommand=True)
    demo.add_argument("--reset", action="store_true", help="start the demo database at --db over")
    find = commands.add_parser("find", help="look a customer up, as the Greeting section does")
    _database_options(find, in_subcommand=True)
    find.add_argument("query", help="what the customer said: name, street, phone digits, birth date")
    find.add_argument("--limit", type=_whole_number, default=10, help="how many matches to print (default 10)")
    find.add_argument("--json", action="store_true", help="print JSON for scripts")
    importer = commands.add_parser("import", help="add customers from a CSV file")
    _database_options(importer, in_subcommand=True)
    importer.add_argument("file", type=Path, help="CSV with a header row; see the README for the columns")
    importer.add_argument("--dry-run", action="store_true", help="say what the import would do; write nothing")
    importer.add_argument("--report", type=Path, metavar="FILE.csv",
                          help="write the bad rows and look-alikes there (line, reason, look-alike id and name)")
    config = commands.add_parser("config", help="show or change the desk-wide rules (opening hours, callback times)")
    _database_options(config, in_subcommand=True)
    config.add_argument("key", nargs="?", help="one setting to show or change")
    config.add_argument("value", nargs="?", help="its new value")
    promises = commands.add_parser("promises", help="list open promises, overdue first")
    _database_options(promises, in_subcommand=True)
    promises.add_argument("--due", choices=("today", "overdue", "week"), help="only those due today, overdue, or in the next 7 days")
    promises.add_argument("--owner", metavar="NAME", help="only this agent's promises (inactive agents too, to reassign them)")
    promises.add_argument("--json", action="store_true", help="print JSON for scripts")
    _customer_commands(commands)
    backup = commands.add_parser("backup", help="copy the desk's database while it is in use (supervisors)")
    _database_options(backup, in_subcommand=True)
    backup.add_argument("destination", metavar="DEST", help="a new file: SQLite copy, or pg_dump archive for PostgreSQL")
    restore = commands.add_parser("restore", help="restore a backup into a new database, never over an existing one")
    _database_options(restore, in_subcommand=True)
    restore.add_argument("source", metavar="SRC", help="a file made by frontdesk backup")
    serve = commands.add_parser("serve", help="serve the desk to web browsers (each tab signs in; put it behind TLS)")
    _database_options(serve, in_subcommand=True)
    _desk_option(serve, in_subcommand=True)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_whole_number, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--public", action="store_true", help="allow an address other machines can reach")
    report = commands.add_parser("report", help="the figures per agent and for the desk (supervisors)")
    _database_options(report, in_subcommand=True)
    report.add_argument("--from", dest="date_from", metavar="WHEN", help="start: today (default), this week, 1/11, 2/11 9:00 ...")
    report.add_argument("--to", dest="date_to", metavar="WHEN", help="end: now (default); a day without a time covers all of it")
    report.add_argument("--format", choices=("table", "json", "csv"), default="table", help="how to print it (default table)")
    return parser


def _customer_commands(commands) -> None:
    """A customer's requests about their data; supervisors only, so each needs --agent."""
    customer = commands.add_parser("customer", help="a customer's requests: export, erase, who looked at the record")
    requests = customer.add_subparsers(dest="request", metavar="REQUEST", required=True)
    export = requests.add_parser("export", help="everything held about one customer")
    export.add_argument("--json", action="store_true", help="print one JSON document (for the customer, or a script)")
    erase = requests.add_parser("erase", help="pseudonymise one customer, keeping the figures")
    erase.add_argument("--reason", required=True, help="why (the customer's request, the retention rule); audited")
    requests.add_parser("access-log", help="who opened this customer's record, when, where and why")
    requests.add_parser("inactive", help="customers with no contact for erase_inactive_after_years, to confirm erasure")
    for name, request in requests.choices.items():
        _database_options(request, in_subcommand=True)
        if name != "inactive":
            request.add_argument("customer_id", type=_whole_number, metavar="ID", help="the customer's number (frontdesk find shows it)")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(arguments)
    except _UsageMistake as mistake:
        print(error_line(str(mistake), arguments), file=sys.stderr)
        return EXIT_USAGE
    for name in ("db", "db_url", "agent", "desk"):
        if not hasattr(args, name):
            setattr(args, name, None)
    handlers = {None: _lazy("frontdesk.cli.desk_app", "run_app"), "demo": _lazy("frontdesk.cli.desk_app", "run_demo"), "find": _lazy("frontdesk.cli.find", "run_find"),
                "import": _lazy("frontdesk.cli.import_csv", "run_import"), "config": _lazy("frontdesk.cli.config", "run_config"),
                "promises": _lazy("frontdesk.cli.promises", "run_promises"), "customer": _lazy("frontdesk.cli.customer", "run_customer"),
                "backup": _lazy("frontdesk.cli.backup", "run_backup"), "restore": _lazy("frontdesk.cli.backup", "run_restore"),
                "serve": _lazy("frontdesk.cli.serve", "run_serve"),
                "report": _lazy("frontdesk.cli.report", "run_report")}
    try:
        return handlers[args.command](args)
    except (CliError, DatabaseError, SettingsError, ValidationError) as error:
        print(error_line(f"frontdesk: error: {error}", arguments), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_left()


def _reader_left() -> int:
    """`frontdesk find --json | head -2`: the reader stopped reading, which is no error worth a traceback.

    Output still buffered for the closed pipe is sent to /dev/null, so Python's exit flush is quiet.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def _lazy(module: str, function: str):
    """Subcommands for scripts load only what they use, so `frontdesk find` starts fast."""

    def run(args: argparse.Namespace) -> int:
        from importlib import import_module

        return getattr(import_module(module), function)(args)

    return run
