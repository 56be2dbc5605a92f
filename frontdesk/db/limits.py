"""One check before every write: text too long for its column, or not text at all, is refused in words.

SQLite does not enforce VARCHAR(n) and PostgreSQL fails with a raw "value too long"; a lone
surrogate (what Python makes of a byte that is not UTF-8, e.g. from a shell argument) fails deep in
either driver with a UnicodeEncodeError. Checking here, for every table, gives both databases the
same limits and the person at the desk one readable ValidationError, which the UI and CLI catch.
Services still check their own fields first, with their own wording; this is the net under them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.types import TypeDecorator, TypeEngine

from frontdesk.db.errors import ValidationError
from frontdesk.db.types import stored_length


def _length_limit(column_type: TypeEngine) -> int | None:
    """The n of a VARCHAR(n) column, through our decorated types too; None for TEXT and non-text."""
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, String):
        return column_type.length
    return None


def _is_text(column_type: TypeEngine) -> bool:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    return isinstance(column_type, String)


def _label(mapper: Mapper, key: str) -> str:
    """'DeskSetting', 'value' -> "The desk setting's value": what the message calls the field."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", mapper.class_.__name__).lower()
    return f"The {words}'s {key.replace('_', ' ')}"


def _changed_text(session: Session) -> Iterator[tuple[Mapper, str, str, TypeEngine]]:
    """(mapper, attribute, value, column type) for each text value this flush would write."""
    for instance in _pending(session):
        state = inspect(instance)
        for attribute in state.mapper.column_attrs:
            column = attribute.columns[0]
            if not _is_text(column.type):
                continue
            value = state.dict.get(attribute.key)
            if not isinstance(value, str):
                continue
            if state.persistent and not state.attrs[attribute.key].history.has_changes():
                continue
            yield state.mapper, attribute.key, value, column.type


def _pending(session: Session) -> Iterable[object]:
    """Edited rows first, then new ones, each in the order they were touched: the first problem is reported."""
    yield from session.dirty
    yield from session.new


def check_storable(session: Session, dialect_name: str) -> None:
    """Raise ValidationError for the first value that no column of this database could store as given."""
    for mapper, key, value, column_type in _changed_text(session):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            bad = value[error.start]
            raise ValidationError(
                key, f"{_label(mapper, key)} contains U+{ord(bad):04X}, which is not text (an undecodable byte?); retype it."
            ) from None
        limit = _length_limit(column_type)
        length = stored_length(value, dialect_name)  # len(value), unless NUL had to be escaped
        if limit is not None and length > limit:
            raise ValidationError(key, f"{_label(mapper, key)} is too long ({length:,} characters; at most {limit:,}).")


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: object, _instances: object) -> None:
    bind = session.get_bind()
    check_storable(session, bind.dialect.name)
