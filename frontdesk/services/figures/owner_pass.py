"""One pass over the period's interactions, grouped by the owner at the end, for every family that counts
interactions per owner (contacts, resolution, ratings): a month is read once, from one covering index."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, select

from frontdesk.db.models import Interaction
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.tally import figure_rows, in_period

OwnerRows = dict[int, Mapping[str, Any]]
"""Owner id -> the labelled counts the families asked for."""


def owner_rows(session: Session, period: Period, *columns: ColumnElement) -> OwnerRows:
    """The families' labelled columns, computed together in one GROUP BY owner statement."""
    rows = figure_rows(
        session,
        select(Interaction.owner_id.label("owner"), *columns).where(*in_period(Interaction.started_at, period))
        .group_by(Interaction.owner_id)
    )
    return {row.owner: row._mapping for row in rows}
