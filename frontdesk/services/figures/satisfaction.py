"""Satisfaction: CSAT (the share of 4s and 5s among the ratings given), and the customer's mood at the end
of the contact against their mood at the start."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case
from sqlmodel import Session, func, select

from frontdesk.db.models import Interaction, Mood, MoodChange
from frontdesk.services.figures.period import Period
from frontdesk.services.figures.sql_time import how_many
from frontdesk.services.figures.tally import Tally, additive, in_period

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


def satisfaction_figures(session: Session, period: Period) -> Tally[SatisfactionStats]:
    """Two statements grouped by the owner at the end: the ratings, and first and last mood by window functions."""
    started = in_period(Interaction.started_at, period)
    ratings = {owner: (int(given), int(good)) for owner, given, good in session.exec(
        select(Interaction.owner_id, how_many(Interaction.satisfaction != None), how_many(Interaction.satisfaction >= 4))  # noqa: E711
        .where(*started).group_by(Interaction.owner_id)
    )}
    score = case(*((MoodChange.mood == mood, value) for mood, value in MOOD_SCALE.items()), else_=None)
    ranked = (
        select(MoodChange.interaction_id, score.label("score"),
               func.row_number().over(partition_by=MoodChange.interaction_id, order_by=(MoodChange.at, MoodChange.id)).label("first"),
               func.row_number().over(partition_by=MoodChange.interaction_id, order_by=(MoodChange.at.desc(), MoodChange.id.desc())).label("last"))
        .join(Interaction, Interaction.id == MoodChange.interaction_id).where(*started)
    ).subquery()
    ends = (
        select(ranked.c.interaction_id, func.max(case((ranked.c.first == 1, ranked.c.score))).label("at_start"),
               func.max(case((ranked.c.last == 1, ranked.c.score))).label("at_end"))
        .group_by(ranked.c.interaction_id)
    ).subquery()
    moods = {row[0]: tuple(int(value) for value in row[1:]) for row in session.exec(
        select(Interaction.owner_id, func.count(), how_many(ends.c.at_end < ends.c.at_start),
               how_many(ends.c.at_end == ends.c.at_start), how_many(ends.c.at_end > ends.c.at_start))
        .join(ends, ends.c.interaction_id == Interaction.id).group_by(Interaction.owner_id)
    )}
    return additive(SatisfactionStats, {
        owner: SatisfactionStats(*ratings.get(owner, (0, 0)), *moods.get(owner, (0, 0, 0, 0)))
        for owner in set(ratings) | set(moods)
    })
