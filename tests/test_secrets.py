"""Secrets in the services: hashed, counted, locked, reset; safe when two terminals try at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlmodel import select

from frontdesk.clock.now import set_clock, utcnow
from frontdesk.db.models import Agent, AuditEvent
from frontdesk.services.agent_secrets import checked_secret
from frontdesk.services.agents import create_agent, reset_secret
from frontdesk.services.desk import Desk, open_desk, sign_in_as
from frontdesk.services.sign_in import SignInRefused, check_secret, choose_first_secret, setting_up, start_desk
from frontdesk.services.validation import ValidationError
from tests.known_secret import KNOWN_SECRET


def _agent(desk: Desk, agent_id: int) -> Agent:
    with desk.reading() as session:
        return session.get(Agent, agent_id)


def _actions(desk: Desk, agent_id: int) -> list[str]:
    with desk.reading() as session:
        query = select(AuditEvent.action).where(AuditEvent.entity == "agent", AuditEvent.entity_id == agent_id)
        return list(session.exec(query.order_by(AuditEvent.id)))


def test_a_secret_is_stored_only_as_an_argon2_hash(desk: Desk) -> None:
    stored = _agent(desk, desk.agent_id).secret_hash
    assert stored.startswith("$argon2id$") and KNOWN_SECRET not in stored
    assert sign_in_as(desk, "sara karimi", KNOWN_SECRET).name == "Sara Karimi"


def test_five_wrong_tries_lock_for_five_minutes_and_then_the_right_secret_works(desk: Desk) -> None:
    start = utcnow()
    set_clock(lambda: start)
    messages = []
    for _ in range(5):
        with desk.session() as session, pytest.raises(SignInRefused) as refused:
            check_secret(session, desk.agent_id, "0000")
        messages.append(str(refused.value))
    assert messages[0] == "Wrong secret; 4 tries left before Sara Karimi is locked."
    assert messages[3] == "Wrong secret; 1 try left before Sara Karimi is locked."
    assert messages[4] == "Wrong secret. Sara Karimi is locked for 5 minutes."
    with desk.session() as session, pytest.raises(SignInRefused, match="locked after 5 wrong tries; try again after"):
        check_secret(session, desk.agent_id, KNOWN_SECRET)
    set_clock(lambda: start + timedelta(minutes=5, seconds=1))
    with desk.session() as session:
        check_secret(session, desk.agent_id, KNOWN_SECRET)
    assert _agent(desk, desk.agent_id).failed_tries == 0
    assert _actions(desk, desk.agent_id)[-7:] == ["wrong secret"] * 4 + ["wrong secret", "locked", "sign-in"]


def test_wrong_tries_at_two_terminals_at_once_all_count(db_url: str, desk: Desk) -> None:
    """Eight wrong secrets typed at two terminals at the same moment: five count, the fifth locks, the rest meet the lock."""
    other = open_desk(db_url)

    def wrong_try(number: int) -> str:
        terminal = desk if number % 2 else other
        with terminal.session() as session:
            try:
                check_secret(session, desk.agent_id, f"wrong-{number}")
            except SignInRefused as refused:
                return str(refused)
        return "let in"

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(wrong_try, range(8)))
    other.engine.dispose()
    actions = _actions(desk, desk.agent_id)
    assert actions.count("wrong secret") == 5 and actions.count("locked") == 1
    assert sum("is locked for 5 minutes" in answer for answer in answers) == 1
    assert sum("locked after 5 wrong tries" in answer for answer in answers) == 3
    assert _agent(desk, desk.agent_id).locked_until is not None


def test_a_supervisor_resets_a_secret_and_lifts_the_lock(desk: Desk, supervisor: int) -> None:
    for _ in range(5):
        with desk.session() as session, pytest.raises(SignInRefused):
            check_secret(session, desk.agent_id, "nope")
    with desk.session() as session:
        reset_secret(session, desk.agent_id, "fresh-1357", supervisor)
    assert sign_in_as(desk, "Sara Karimi", "fresh-1357").id == desk.agent_id
    with desk.session() as session, pytest.raises(SignInRefused, match="Wrong secret"):
        check_secret(session, desk.agent_id, KNOWN_SECRET)


def test_someone_taken_off_the_desk_cannot_sign_in(desk: Desk, supervisor: int) -> None:
    from frontdesk.services.agents import deactivate_agent

    with desk.session() as session:
        deactivate_agent(session, desk.agent_id, supervisor)
        with pytest.raises(SignInRefused, match="not at this desk"):
            check_secret(session, desk.agent_id, KNOWN_SECRET)


@pytest.mark.parametrize(("secret", "again", "message"), [
    ("123", None, "at least 4"), ("    ", None, "only spaces"), ("x" * 129, None, "at most 128"), ("2468", "2469", "differ"),
])
def test_a_new_secret_must_be_long_enough_and_typed_the_same_twice(secret: str, again: str | None, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        checked_secret(secret, again)


def test_a_new_desk_is_started_once_by_its_first_supervisor(db_url: str) -> None:
    desk = open_desk(db_url)
    with desk.session() as session:
        assert setting_up(session)
        boss = start_desk(session, "Daniel Brooks", "boss-2468")
        assert (boss.role, setting_up(session)) == ("supervisor", False)
        with pytest.raises(ValidationError, match="already has people"):
            start_desk(session, "Mallory", "mallory-1")
    desk.engine.dispose()


def test_an_upgraded_desk_lets_only_its_first_supervisor_choose_a_secret(db_url: str) -> None:
    desk = open_desk(db_url)
    with desk.session() as session:
        first = create_agent(session, "Daniel Brooks", "supervisor").id
        second = create_agent(session, "Maria Papadaki", "supervisor").id
        agent = create_agent(session, "Sara Karimi").id
        with pytest.raises(SignInRefused, match="a supervisor sets one") as refused:
            check_secret(session, agent, "")
        assert not refused.value.may_choose
        with pytest.raises(SignInRefused, match="choose one now") as refused:
            check_secret(session, first, "")
        assert refused.value.may_choose
        with pytest.raises(SignInRefused, match="already set this desk up"):
            choose_first_secret(session, agent, "sara-2468")
        choose_first_secret(session, first, "boss-2468")
        with pytest.raises(SignInRefused, match="already set this desk up"):
            choose_first_secret(session, second, "maria-2468")
        assert check_secret(session, first, "boss-2468").id == first
    desk.engine.dispose()
