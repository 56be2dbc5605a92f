"""User text made safe to draw: control characters become visible symbols instead of reaching the terminal."""

from __future__ import annotations

import unicodedata

from rich.text import Text

CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
"""ESC shows as ␛, BEL as ␇: a pasted escape sequence is seen, not executed."""
DIRECTION_CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}
"""Invisible controls that reorder what follows (U+202E shows "exe.txt" as "txt.exe"): drawn as their names."""
KEPT = {"\n", "\t"}


def _shown(char: str) -> str:
    if char in DIRECTION_CONTROLS:
        return f"⟨{DIRECTION_CONTROLS[char]}⟩"
    if char in KEPT or unicodedata.category(char) != "Cc":
        return char
    return CONTROL_PICTURES.get(ord(char), "\ufffd")


def literal(text: str, style: str = "") -> Text:
    """Stored text exactly as it is, drawn literally: never markup, never a terminal command."""
    return Text("".join(map(_shown, text)), style=style)


def quoted(text: str) -> Text:
    """The customer's own words, kept verbatim and shown in quotes so nobody mistakes them for the agent's."""
    return Text.assemble(("“", "cyan"), literal(text, style="italic cyan"), ("”", "cyan"))
