"""`frontdesk report`: the Day section's figures for a period, as a table, JSON or CSV, for supervisors."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from frontdesk.cli.identity import open_signed_in
from frontdesk.clock.dates import for_scripts
from frontdesk.services.facades.figures import FiguresBoard
from frontdesk.services.figures.board import DeskFigures
from frontdesk.services.figures.export import approval_line, as_csv, as_json, header_lines, headings, shown_lines


def run_report(args: argparse.Namespace) -> int:
    desk = open_signed_in(args)  # the figures themselves check that this is a supervisor
    board = FiguresBoard(desk)
    figures = board.figures(board.period_between(args.date_from, args.date_to))
    if args.format == "json":
        print(json.dumps(as_json(figures), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(as_csv(figures), end="")
    else:
        _print_table(figures)
    return 0


def _print_table(figures: DeskFigures) -> None:
    """The desk's calendar, ASCII digits on any desk: what a command prints may be read by a script."""
    plain = for_scripts()
    console = Console()
    header = header_lines(figures)
    console.print(Text(header[0], style="bold"))
    table = Table(*headings(figures))
    for cells in shown_lines(figures, plain):
        table.add_row(*(Text(cell) for cell in cells))
    console.print(table)
    for approval in figures.approvals:
        console.print(Text(f"{approval_line(approval, figures.currency, plain)}: {approval.reason}"))
    for line in header[1:]:
        console.print(Text(line, style="dim"))
