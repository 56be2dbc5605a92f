"""Tables the CLI prints: wrapped to the window on a terminal, one row a line when piped or redirected."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

PIPED_WIDTH = 10_000
"""Wide enough that no row is wrapped and no header is cut when the output goes to a file or a program."""


def print_table(table: Table) -> None:
    """A script reading `frontdesk find ... | grep` gets each row on one line, whatever COLUMNS says."""
    width = None if sys.stdout.isatty() else PIPED_WIDTH
    Console(width=width, soft_wrap=width is not None).print(table)
