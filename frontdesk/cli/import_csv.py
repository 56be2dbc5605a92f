"""`frontdesk import FILE.csv`: reads the file, shows progress, reports bad and look-alike rows."""

from __future__ import annotations

import argparse
import csv
import sys

from rich.progress import Progress

from frontdesk.cli.errors import CliError
from frontdesk.cli.identity import open_signed_in
from frontdesk.services.importing import COLUMNS, import_customers, unknown_columns


def _read_rows(args: argparse.Namespace) -> tuple[list[tuple[int, dict[str, str]]], int]:
    try:
        with args.file.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            if unknown_columns(header):
                raise CliError(f"{args.file}: unknown columns {', '.join(unknown_columns(header))} (known: {', '.join(COLUMNS)}).")
            if "given_name" not in header and "family_name" not in header:
                raise CliError(f"{args.file}: the header needs a given_name or family_name column.")
            rows = [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        raise CliError(f"{args.file}: no such file.") from None
    except UnicodeDecodeError:
        raise CliError(f"{args.file}: not UTF-8 text; save the CSV as UTF-8 and try again.") from None
    except (OSError, csv.Error) as error:
        raise CliError(f"{args.file}: {error}.") from None
    return rows, len(rows)


def run_import(args: argparse.Namespace) -> int:
    rows, total = _read_rows(args)
    desk = open_signed_in(args)
    agent_id = desk.agent_id
    with desk.reading() as session:
        desk.directory.load(session)
    with desk.session() as session:
        with Progress(transient=True, console=None) as progress:
            task = progress.add_task("Importing", total=total)
            report = import_customers(session, desk.directory, rows, agent_id, lambda: progress.advance(task))
    print(
        f"Added {report.added} customer{'' if report.added == 1 else 's'}; "
        f"{report.already_there} already there; {len(report.bad_rows)} bad row{'' if len(report.bad_rows) == 1 else 's'}."
    )
    for line, name, existing in report.look_alikes:
        print(f"line {line}: {name} looks like existing customer #{existing}; check and merge if it is the same person.")
    for line, reason in report.bad_rows:
        print(f"line {line}: not imported: {reason}", file=sys.stderr)
    return 0
