"""The live queue through the services: what waits, in which order, when it turns late, and who may act on it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from frontdesk.clock.now import set_clock, utcnow
from frontdesk.db.models import Agent, AuditEvent, Channel, Handoff, Interaction, Promise, Role
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.callbacks import log_missed_call, take_message
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.errors import EditConflict
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.facades.live_queue import LiveQueue
from frontdesk.services.guards import NotAllowed
from frontdesk.services.interactions import start_interaction
from frontdesk.services.live_queue import Waiting
from frontdesk.services.promises import make_promise, reassign_promise
from frontdesk.services.validation import ValidationError

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def clock_at(moment: datetime) -> None:
    set_clock(lambda: moment)


def busy_desk(desk: Desk) -> dict[str, int]:
    """A desk where, by Monday 12:00 UTC, one of each kind of thing waits; times chosen so the order is known."""
    clock_at(MONDAY_9)
    with desk.session() as session:
        sara = desk.agent_id
        daniel = create_agent(session, "Daniel Brooks", Role.SUPERVISOR).id
        tom = create_agent(session, "Tom Baker").id
        mary = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), sara).id
        reza = create_customer(session, CustomerForm(given_name="رضا", family_name="رحیمی"), sara).id
        rules = load_rules(session)
        missed = log_missed_call(session, sara, None, "+30 210 555 0101", MONDAY_9 - timedelta(hours=30), rules).id
        clock_at(MONDAY_9 + timedelta(minutes=30))
        message = take_message(session, sara, tom, mary, "", "Please call about the invoice", MONDAY_9 + timedelta(hours=5)).id
        clock_at(MONDAY_9 + timedelta(hours=1))
        visit = start_interaction(session, tom, reza, channel=Channel.WALK_IN, reason="Returning a coat").id
        clock_at(MONDAY_9 + timedelta(hours=2))
        angry = start_interaction(session, sara, mary, reason="Double charge").id
        clock_at(MONDAY_9 + timedelta(hours=2, minutes=10))
        flag_for_manager(session, angry, sara, "Charged twice and nobody called back")
        overdue = make_promise(session, tom, mary, "Send the refund form", MONDAY_9 + timedelta(hours=2, minutes=30)).id
        soon = make_promise(session, sara, reza, "Check the coat's size", MONDAY_9 + timedelta(hours=3, minutes=40)).id
        make_promise(session, sara, reza, "Call with the repair date", MONDAY_9 + timedelta(days=2))
    clock_at(MONDAY_9 + timedelta(hours=3))
    return {"missed": missed, "message": message, "visit": visit, "angry": angry, "overdue": overdue, "soon": soon,
            "daniel": daniel, "tom": tom, "sara": sara}


def signed_in_as(desk: Desk, agent_id: int) -> Desk:
    with desk.session() as session:
        desk.agent = as_colleague(session.get_one(Agent, agent_id))
    return desk


def test_everything_waiting_is_listed_oldest_first_with_its_owner_and_what_it_is_about(desk: Desk) -> None:
    ids = busy_desk(desk)
    queue = LiveQueue(signed_in_as(desk, ids["daniel"])).items()
    assert [(item.kind, item.who, item.owner, item.about) for item in queue] == [
        (Waiting.MISSED_CALL, "+•• ••• ••• 0101", "Sara Karimi", "Return the missed call"),
        (Waiting.MESSAGE, "Mary Johnson", "Tom Baker", "Please call about the invoice"),
        (Waiting.VISIT, "رضا رحیمی", "Tom Baker", "Returning a coat"),
        (Waiting.ESCALATION, "Mary Johnson", "Sara Karimi", "Charged twice and nobody called back"),
        (Waiting.PROMISE, "Mary Johnson", "Tom Baker", "Send the refund form"),
        (Waiting.PROMISE, "رضا رحیمی", "Sara Karimi", "Check the coat's size"),
    ]
    assert "Call with the repair date" not in {item.about for item in queue}  # due in two days: not waiting yet


def test_ages_turn_late_past_the_response_limit_and_promises_past_their_due_time(desk: Desk) -> None:
    ids = busy_desk(desk)
    now = utcnow()
    late = [(item.kind, item.is_late(now)) for item in LiveQueue(signed_in_as(desk, ids["daniel"])).items()]
    assert late == [
        (Waiting.MISSED_CALL, True),  # missed 33 hours ago, the limit is 24
        (Waiting.MESSAGE, False),  # taken 2.5 hours ago
        (Waiting.VISIT, False), (Waiting.ESCALATION, False),  # in progress: a duration, not a deadline
        (Waiting.PROMISE, True),  # due 30 minutes ago
        (Waiting.PROMISE, False),  # due in 40 minutes
    ]
    queue = LiveQueue(desk).items()
    overdue = next(item for item in queue if item.promise_id == ids["overdue"])
    assert overdue.is_late(now) and overdue.age(now) == timedelta(minutes=30)
    message = next(item for item in queue if item.kind == Waiting.MESSAGE)
    assert message.age(now) == timedelta(hours=2, minutes=30)
    assert message.is_late(now + timedelta(hours=21, minutes=31))


def test_a_call_that_ends_or_a_callback_returned_leaves_the_queue(desk: Desk) -> None:
    ids = busy_desk(desk)
    board = LiveQueue(signed_in_as(desk, ids["daniel"]))
    with desk.session() as session:
        session.get_one(Interaction, ids["visit"]).ended_at = utcnow()
        session.get_one(Promise, ids["missed"]).status = "kept"
        session.commit()
    kinds = [item.kind for item in board.items()]
    assert Waiting.VISIT not in kinds and Waiting.MISSED_CALL not in kinds


def test_an_agent_cannot_read_the_queue_and_the_refusal_is_audited(desk: Desk) -> None:
    busy_desk(desk)
    with pytest.raises(NotAllowed, match="Only a supervisor can open the Day section"):
        LiveQueue(desk).items()
    with desk.reading() as session:
        refusals = session.exec(select(AuditEvent.detail).where(AuditEvent.action == "refused")).all()
    assert refusals == ["read_day_figures"]


def test_a_supervisor_takes_over_a_call_as_a_counted_handoff(desk: Desk) -> None:
    ids = busy_desk(desk)
    board = LiveQueue(signed_in_as(desk, ids["daniel"]))
    escalation = next(item for item in board.items() if item.kind == Waiting.ESCALATION)
    assert board.take_over(escalation) == ids["angry"]
    with desk.reading() as session:
        assert session.get_one(Interaction, ids["angry"]).owner_id == ids["daniel"]
        handoffs = session.exec(select(Handoff.from_agent_id, Handoff.to_agent_id).where(Handoff.interaction_id == ids["angry"])).all()
    assert handoffs == [(ids["sara"], ids["daniel"])]
    assert next(item for item in board.items() if item.kind == Waiting.ESCALATION).owner == "Daniel Brooks"
    assert board.take_over(escalation) == ids["angry"]  # already theirs: it just opens, no second handoff
    with desk.reading() as session:
        assert len(session.exec(select(Handoff).where(Handoff.interaction_id == ids["angry"])).all()) == 1


def test_a_call_taken_over_elsewhere_meanwhile_is_refused_with_who_has_it(desk: Desk) -> None:
    ids = busy_desk(desk)
    board = LiveQueue(signed_in_as(desk, ids["daniel"]))
    visit = next(item for item in board.items() if item.kind == Waiting.VISIT)
    with desk.session() as session:
        other = create_agent(session, "Eleni Georgiou", Role.SUPERVISOR).id
    LiveQueue(signed_in_as(open_as(desk), other)).take_over(visit)
    with pytest.raises(ValidationError, match="Eleni Georgiou has this call now"):
        board.take_over(visit)


def test_an_agent_cannot_take_over_a_call(desk: Desk) -> None:
    ids = busy_desk(desk)
    visit = next(item for item in LiveQueue(signed_in_as(desk, ids["daniel"])).items() if item.kind == Waiting.VISIT)
    with pytest.raises(NotAllowed):
        LiveQueue(signed_in_as(open_as(desk), ids["sara"])).take_over(visit)


def test_a_callback_is_reassigned_unless_another_desk_changed_it_first(desk: Desk) -> None:
    ids = busy_desk(desk)
    board = LiveQueue(signed_in_as(desk, ids["daniel"]))
    message, missed = (next(item for item in board.items() if item.kind == kind) for kind in (Waiting.MESSAGE, Waiting.MISSED_CALL))
    board.reassign(message, ids["sara"])
    assert next(item for item in board.items() if item.kind == Waiting.MESSAGE).owner == "Sara Karimi"
    with desk.session() as session:
        reassign_promise(session, ids["missed"], ids["daniel"], ids["tom"])
    with pytest.raises(EditConflict):
        board.reassign(missed, ids["daniel"])


def open_as(desk: Desk) -> Desk:
    """A second terminal on the same database."""
    return Desk(engine=desk.engine)
