"""Two supervisors at the same moment, as two real processes: a call is taken over once, kudos for one thing sent once."""

from __future__ import annotations

from sqlmodel import func, select

from contenders import Attempt, Terminals
from test_races import TRIALS, fixed_clock, judge, new_customer, one_winner, terminals  # noqa: F401  (fixtures)

from frontdesk.db.models import Handoff, Kudos, Role
from frontdesk.services.agents import create_agent
from frontdesk.services.desk import Desk
from frontdesk.services.handoffs import take_over
from frontdesk.services.interactions import start_interaction
from frontdesk.services.kudos import Earned, send_kudos

SUPERVISORS = ("Daniel Brooks", "Eleni Georgiou")
"""Who is at terminal 0 and terminal 1, so the loser can be told who won."""


def supervisors_and_calls(desk: Desk) -> tuple[int, int, list[int]]:
    """Two supervisors, and one open call of Sara's per trial."""
    customer = new_customer(desk)
    with desk.session() as session:
        daniel, eleni = (create_agent(session, name, Role.SUPERVISOR).id for name in SUPERVISORS)
        calls = [start_interaction(session, desk.agent_id, customer, reason="Double charge").id for _ in range(TRIALS)]
    return daniel, eleni, calls


def counted(desk: Desk, query) -> int:
    with desk.reading() as session:
        return session.exec(query).one()


# What each terminal does: module-level functions, so the spawned processes can run them.

def take(desk: Desk, supervisor_id: int, interaction_id: int, seen_owner_id: int) -> int:
    with desk.session() as session:
        return take_over(session, interaction_id, supervisor_id, seen_owner_id).owner_id


def thank(desk: Desk, supervisor_id: int, agent_id: int, interaction_id: int) -> int:
    with desk.session() as session:
        return send_kudos(session, supervisor_id, agent_id, "Calm and kind", Earned.RATING, interaction_id).id


def test_a_call_is_taken_over_once_and_the_second_hears_who_has_it(desk: Desk, db_url: str, terminals: Terminals) -> None:
    daniel, eleni, calls = supervisors_and_calls(desk)

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        handoffs = select(func.count()).select_from(Handoff).where(Handoff.interaction_id == calls[trial])
        assert counted(desk, handoffs) == 1, "the call was taken over twice"
        winner, refusal = one_winner(attempts, "has this call now")
        assert SUPERVISORS[winner] in refusal, f"the loser was not told who has the call: {refusal!r}"

    trials = [((daniel, call, desk.agent_id), (eleni, call, desk.agent_id)) for call in calls]
    judge(terminals.race(db_url, take, trials), check)


def test_kudos_for_one_rating_are_sent_once(desk: Desk, db_url: str, terminals: Terminals) -> None:
    daniel, eleni, calls = supervisors_and_calls(desk)

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        sent = select(func.count()).select_from(Kudos).where(Kudos.source_id == calls[trial])
        assert counted(desk, sent) == 1, "kudos for one rating were sent twice"
        winner, refusal = one_winner(attempts, "already sent kudos for this")
        assert SUPERVISORS[winner] in refusal, f"the loser was not told who sent them: {refusal!r}"

    trials = [((daniel, desk.agent_id, call), (eleni, desk.agent_id, call)) for call in calls]
    judge(terminals.race(db_url, thank, trials), check)
