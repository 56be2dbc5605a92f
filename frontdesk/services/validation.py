"""Turns what a person typed or pasted into text safe to store, or a message saying what to fix."""

from __future__ import annotations

import re
import unicodedata

from frontdesk.db.errors import ValidationError

__all__ = ["ValidationError", "clean_line", "clean_text", "exact_text"]

DIRECTION_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Invisible controls that can make stored text display as something else; ZWNJ stays allowed."""


INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(DIRECTION_OVERRIDES)) + "]")
"""The control characters (Unicode category Cc) and the direction overrides, found in one scan (imports check millions)."""


def _reject_invisible(value: str, label: str, field: str, allowed: str) -> None:
    for found in INVISIBLE.finditer(value):
        char = found.group()
        if char in allowed:
            continue
        if unicodedata.category(char) == "Cc":
            raise ValidationError(field, f"{label} contains a control character (U+{ord(char):04X}); remove it.")
        if char in DIRECTION_OVERRIDES:
            raise ValidationError(field, f"{label} contains an invisible direction control (U+{ord(char):04X}); remove it.")


def exact_text(value: str, *, field: str, label: str, max_length: int) -> str:
    """Stored exactly as typed or pasted, control characters and all (notes, summaries): shown literally later."""
    if not value.strip():
        raise ValidationError(field, f"{label} is empty.")
    if len(value) > max_length:
        raise ValidationError(field, f"{label} is too long ({len(value):,} characters; at most {max_length:,}).")
    return value


def _checked(value: str, field: str, label: str, max_length: int, required: bool, allowed: str) -> str:
    if required and not value:
        raise ValidationError(field, f"{label} cannot be empty.")
    if len(value) > max_length:
        raise ValidationError(field, f"{label} is too long ({len(value):,} characters; at most {max_length:,}).")
    _reject_invisible(value, label, field, allowed=allowed)
    return value


def clean_line(value: str, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    """One line of text: trimmed, stored exactly otherwise (any script, emoji, ZWNJ)."""
    return _checked((value or "").strip(), field, label, max_length, required, allowed="")


def clean_text(value: str, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    """Several lines (preferences, summaries): newlines and tabs are kept, other controls refused."""
    return _checked((value or "").replace("\r\n", "\n").strip(), field, label, max_length, required, allowed="\n\t")
