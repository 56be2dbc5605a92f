"""The practice desk's month behind it: every figure and chart has something to show."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from frontdesk.clock.now import local_now
from frontdesk.db.models import GoodwillGrant, Handoff, Interaction, Promise, PromiseChange
from frontdesk.demo.practice import PRACTICE_PIN, open_practice_desk
from frontdesk.services.desk import sign_in_as
from frontdesk.services.facades.figures import FiguresBoard
from frontdesk.services.figures.sql_time import elapsed_seconds


def test_a_month_with_every_kind_of_day_a_supervisor_should_see(demo_url: str) -> None:
    desk = open_practice_desk(demo_url)
    sign_in_as(desk, "Daniel Brooks", PRACTICE_PIN)
    with desk.reading() as session:
        ratings = set(session.exec(select(Interaction.satisfaction).where(Interaction.satisfaction != None)))  # noqa: E711
        handoffs = len(session.exec(select(Handoff.id)).all())
        escalated = len(session.exec(select(Interaction.id).where(Interaction.escalated_at != None)).all())  # noqa: E711
        waits = session.exec(select(elapsed_seconds(Promise.created_at, Promise.closed_at)).where(Promise.kind == "callback")).all()
        kept = session.exec(select(elapsed_seconds(Promise.due_at, Promise.closed_at))
                            .where(Promise.kind == "promise", Promise.status == "kept")).all()
        told = set(session.exec(select(PromiseChange.told_before_deadline)))
        approved = session.exec(select(GoodwillGrant.id).where(GoodwillGrant.approved_by_id != None)).all()  # noqa: E711
    assert ratings == {1, 2, 3, 4, 5} and handoffs > 10 and escalated > 5
    assert any(wait <= 3600 for wait in waits) and any(wait > 24 * 3600 for wait in waits)  # on time and past the limit
    assert any(early < 0 for early in kept) and any(late > 0 for late in kept) and 0 in [round(value) for value in kept]
    assert told == {True, False} and approved
    board = FiguresBoard(desk)
    month = board.figures(board.period_between((local_now() - timedelta(days=30)).strftime("%d/%m/%Y"), None)).desk
    assert month.contacts.contacts > 150 and month.contacts.handoffs > 10 and month.promises.overdue > 0
    assert month.promises.late > 0 and month.promises.moved > 0 and month.response.answered > 20
    assert month.satisfaction.calmer > 0 and month.satisfaction.worse > 0 and month.goodwill.over_budget > 0
    desk.engine.dispose()
