"""Satisfaction: CSAT (the share of 4s and 5s among the ratings given), and the customer's mood at the end
of the contact against their mood at the start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, case
from sqlmodel import Session, func, select

from frontdesk.db.models import Interaction, Mood, MoodChange
from frontdesk.services.figures.owner_pass import OwnerRows
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import how_many
from frontdesk.services.figures.tally import Tally, additive, figure_rows, in_period

MOOD_SCALE = {Mood.CALM: 0, Mood.WORRIED: 1, Mood.UPSET: 2, Mood.ANGRY: 3}
"""Calm is best; a lower number at the end than at the start means the customer left calmer."""


@dataclass(frozen=True)
class SatisfactionStats:
    ratings: int
    good_ratings: int
    """Ratings of 4 or 5."""
    moods_read: int
    """Contacts with at least one mood reading."""
    calmer: int
    same_mood: int
    worse: int


def rating_columns() -> tuple[ColumnElement, ...]:
    """What this family counts in the shared pass over the period's interactions."""
    return how_many(Interaction.satisfaction != None).label("ratings"), how_many(Interaction.satisfaction >= 4).label("good_ratings")  # noqa: E711


def satisfaction_figures(session: Session, period: Period, owned: OwnerRows) -> Tally[SatisfactionStats]:
    """One statement beyond the shared pass: first and last mood per contact by window functions, then grouped
    by owner. Readings are found from their own time: never before their contact started, and (a contact lasts
    minutes, not days) within a day of the period's end, so the database reads only the period's readings, from
    one covering index; the contact's own row is read once per contact, after the window, not once per reading."""
    ratings = {owner: (int(row["ratings"]), int(row["good_ratings"])) for owner, row in owned.items()}
    score = case(*((MoodChange.mood == mood, value) for mood, value in MOOD_SCALE.items()), else_=None)
    window = dict(partition_by=MoodChange.interaction_id, order_by=(MoodChange.at, MoodChange.id), rows=(None, None))
    ends = (
        select(MoodChange.interaction_id, func.first_value(score).over(**window).label("at_start"),
               func.last_value(score).over(**window).label("at_end"))
        .distinct().where(MoodChange.at >= period.start, MoodChange.at < period.end + timedelta(days=1))
    ).subquery()  # one window, one sort: the first and last reading of each contact
    moods = {row[0]: tuple(int(value) for value in row[1:]) for row in figure_rows(
        session,
        select(Interaction.owner_id, func.count(), how_many(ends.c.at_end < ends.c.at_start),
               how_many(ends.c.at_end == ends.c.at_start), how_many(ends.c.at_end > ends.c.at_start))
        .join(Interaction, Interaction.id == ends.c.interaction_id).where(*in_period(Interaction.started_at, period))
        .group_by(Interaction.owner_id)
    )}
    return additive(SatisfactionStats, {
        owner: SatisfactionStats(*ratings.get(owner, (0, 0)), *moods.get(owner, (0, 0, 0, 0)))
        for owner in set(ratings) | set(moods)
    })
