"""The one error type the commands raise for a problem the user can fix, and how any error line is printed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

LONGEST_ARGUMENT_SHOWN = 200
"""Characters of one argument an error line repeats (a long path fits); the rest is cut with "…"."""
LONGEST_LINE = 1_000
"""An error line never runs longer, whatever its message holds."""
UNPRINTABLE = ("Cc", "Cs", "Zl", "Zp")
"""Control characters, lone surrogates (bytes that were not UTF-8) and line breaks: shown escaped, never sent raw."""


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def error_line(message: str, arguments: Iterable[str] = ()) -> str:
    """`message` as one safe line: each long argument it repeats cut, control characters escaped as repr does.

    An argument may carry an escape sequence that clears or rewrites the terminal, or be a hundred
    thousand characters pasted by mistake; the line says which argument it was without doing either."""
    for argument in sorted({argument for argument in arguments if len(argument) > LONGEST_ARGUMENT_SHOWN}, key=len, reverse=True):
        for form in (argument, repr(argument)[1:-1]):
            message = message.replace(form, f"{form[:LONGEST_ARGUMENT_SHOWN]}…")
    shown = "".join(repr(character)[1:-1] if unicodedata.category(character) in UNPRINTABLE else character
                    for character in message)
    return shown if len(shown) <= LONGEST_LINE else f"{shown[:LONGEST_LINE]}…"
