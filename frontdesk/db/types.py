"""Column types for text people type or paste: stored exactly, on SQLite and on PostgreSQL alike.

PostgreSQL refuses U+0000 in text, which SQLite and Python keep. A pasted note may carry one (from
a terminal, a PDF, a binary file), and nothing typed may be lost, so on PostgreSQL the NUL is
written as an escape and restored on reading. The escape is reversible for every string: the escape
character itself is doubled, so text that already contains it comes back unchanged too. SQLite
stores the text as it is. The DDL is that of String/Text, so Alembic sees no schema change.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field

ESCAPE = "\U0010fffd"
"""The last private-use character of Unicode: never typed by people, so escaping it rarely lengthens text."""

_NUL = "\x00"
_ESCAPED = {_NUL: ESCAPE + "0", ESCAPE: ESCAPE + ESCAPE}


def escape_nul(value: str) -> str:
    """Text PostgreSQL can store: NUL becomes ESCAPE+'0', ESCAPE becomes ESCAPE+ESCAPE."""
    if _NUL not in value and ESCAPE not in value:
        return value
    return "".join(_ESCAPED.get(char, char) for char in value)


def restore_nul(stored: str) -> str:
    """The inverse of escape_nul; an ESCAPE not followed by '0' or ESCAPE is kept as it is."""
    if ESCAPE not in stored:
        return stored
    restored: list[str] = []
    index = 0
    while index < len(stored):
        char = stored[index]
        following = stored[index + 1 : index + 2]
        if char == ESCAPE and following in ("0", ESCAPE):
            restored.append(_NUL if following == "0" else ESCAPE)
            index += 2
        else:
            restored.append(char)
            index += 1
    return "".join(restored)


def stored_length(value: str, dialect_name: str) -> int:
    """How many characters `value` takes in a column on this database (longer only for escaped text)."""
    return len(escape_nul(value)) if dialect_name == "postgresql" else len(value)


class _NulSafe(TypeDecorator[str]):
    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == "postgresql" and isinstance(value, str):
            return escape_nul(value)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == "postgresql" and isinstance(value, str):
            return restore_nul(value)
        return value


class DeskString(_NulSafe):
    """VARCHAR(n) for typed or pasted text: names, reasons, rules."""

    impl = String
    cache_ok = True


class DeskText(_NulSafe):
    """TEXT for typed or pasted text of any length: notes, drafts, summaries, details."""

    impl = Text
    cache_ok = True


def typed_text(max_length: int, **field: Any) -> Any:
    """A model field for a line a person types, at most `max_length` characters on either database."""
    return Field(max_length=max_length, sa_type=DeskString(max_length), **field)
