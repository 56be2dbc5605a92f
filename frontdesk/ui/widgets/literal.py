"""User text made safe to draw: control characters become visible symbols instead of reaching the terminal."""

from __future__ import annotations

import unicodedata

from rich.text import Text

CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
"""ESC shows as ␛, BEL as ␇: a pasted escape sequence is seen, not executed."""
KEPT = {"\n", "\t"}


def literal(text: str, style: str = "") -> Text:
    """Stored text exactly as it is, drawn literally: never markup, never a terminal command."""
    shown = "".join(
        char if char in KEPT or unicodedata.category(char) != "Cc"
        else CONTROL_PICTURES.get(ord(char), "\ufffd")
        for char in text
    )
    return Text(shown, style=style)


def quoted(text: str) -> Text:
    """The customer's own words, kept verbatim and shown in quotes so nobody mistakes them for the agent's."""
    return Text.assemble(("“", "cyan"), literal(text, style="italic cyan"), ("”", "cyan"))
