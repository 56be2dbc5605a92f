"""`frontdesk import FILE.csv`: reads the file, shows progress, reports bad rows and look-alikes in file order."""

from __future__ import annotations

import argparse
import csv
import sys
from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from frontdesk.cli.errors import CliError
from frontdesk.cli.identity import open_signed_in
from frontdesk.services.figures.export import spreadsheet_safe
from frontdesk.services.import_file import SourceFile
from frontdesk.services.importing import Flagged, ImportReport, import_customers

SHOWN = 50
"""Report lines printed at most; the rest are counted, and all of them go to --report."""
REPORT_COLUMNS = ("line", "reason", "look_alike_id", "look_alike_name")


def run_import(args: argparse.Namespace) -> int:
    source = SourceFile(args.file)
    desk = open_signed_in(args, create=True)  # the new records are kept as created by the person importing
    with _report_file(args.report) as report_file, desk.session() as session, _progress_bar(source) as advance:
        report = import_customers(session, desk.directory, source.rows(), desk.agent_id, advance, dry_run=args.dry_run)
        report.blank_rows = source.blank_rows
        if report_file is not None:
            _write_report(report_file, report.flagged())
    _print_report(report, args.report)
    return 0


def _report_file(path: Path | None):
    """Opened before the import, so a report that cannot be written stops it before anything is stored."""
    if path is None:
        return nullcontext(None)
    try:
        return path.open("w", newline="", encoding="utf-8")
    except OSError as error:
        raise CliError(f"{path}: cannot write the report ({error.strerror or error}).") from None


def _progress_bar(source: SourceFile):
    """A bar with the rate and the time left, on stderr and only when someone is watching it."""
    if not sys.stderr.isatty():
        return nullcontext(lambda done: None)
    return _ShownProgress(source.count_rows())


class _ShownProgress:
    def __init__(self, total: int) -> None:
        self._bar = Progress(
            TextColumn("Importing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} rows/s"), TimeRemainingColumn(), TextColumn("left"),
            console=Console(stderr=True), transient=True,
        )
        self._task = self._bar.add_task("import", total=total, rate="-")

    def __enter__(self):
        self._bar.__enter__()
        return self.advance

    def __exit__(self, *exc_info) -> None:
        self._bar.__exit__(*exc_info)

    def advance(self, done: int) -> None:
        self._bar.advance(self._task, done)
        speed = self._bar.tasks[0].speed
        self._bar.update(self._task, rate=f"{speed:,.0f}" if speed else "-")


def _write_report(handle, flagged: list[Flagged]) -> None:
    """Every text cell spreadsheet-safe: a name typed as =HYPERLINK(...) is opened as text, not run as a formula."""
    writer = csv.writer(handle)
    writer.writerow(REPORT_COLUMNS)
    writer.writerows((f.line, spreadsheet_safe(f.reason), "" if f.look_alike_id is None else f.look_alike_id,
                      spreadsheet_safe(f.look_alike_name)) for f in flagged)


def _print_report(report: ImportReport, report_path: Path | None) -> None:
    def plural(count: int, word: str) -> str:
        return f"{count:,} {word}{'' if count == 1 else 's'}"

    figures = (f"{plural(report.added, 'customer')}; {report.already_there:,} already there; "
               f"{plural(len(report.bad_rows), 'bad row')}; {plural(len(report.look_alikes), 'look-alike')}")
    blanks = f"; {plural(report.blank_rows, 'blank row')} skipped" if report.blank_rows else ""
    print(f"Dry run, nothing written: would add {figures}{blanks}." if report.dry_run else f"Added {figures}{blanks}.")
    flagged = report.flagged()
    for item in flagged[:SHOWN]:
        print(f"line {item.line}: {item.reason}")
    if len(flagged) > SHOWN:
        where = f" in {report_path}" if report_path else "; --report FILE.csv lists them all"
        print(f"... and {len(flagged) - SHOWN:,} more{where}.")
