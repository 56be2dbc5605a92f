"""Two terminals at one record at the same moment: real processes released together, on SQLite and PostgreSQL.

Each race is run TRIALS times by the same two processes (tests/contenders.py), so a race that is won only
sometimes is still caught. After each trial the database itself is counted: exactly one winner, nothing
stored twice, and the loser told why in words (a ValidationError, never a raw database error).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from time import tzset

import pytest
from sqlmodel import func, select

from contenders import Attempt, Terminals

from frontdesk.clock.now import local_zone, set_clock
from frontdesk.db.models import AuditEvent, Customer, GoodwillGrant, Interaction, Promise, PromiseKind
from frontdesk.db.models import Outcome as CallOutcome
from frontdesk.services.agents import create_agent
from frontdesk.services.callbacks import call_back, log_missed_call
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.goodwill import grant_goodwill
from frontdesk.services.importing import import_customers
from frontdesk.services.interactions import start_interaction
from frontdesk.services.merge import merge_customers
from frontdesk.services.money import from_cents
from frontdesk.services.promises import keep_promise, make_follow_up, make_promise
from frontdesk.services.wrap_up import WrapUp, wrap_up

TRIALS = 3
NOW = datetime(2031, 1, 8, 8, 0, tzinfo=UTC)
"""A Wednesday morning, the clock in the test and in both contenders, so every due time is ahead and in hours."""
IMPORT_ROWS = 50
COLLEAGUES = ("Sara Karimi", "Eleni Georgiou")
"""Who is at terminal 0 and terminal 1 when two colleagues race, so the loser can be told who won."""


@pytest.fixture(scope="module")
def terminals() -> Iterator[Terminals]:
    opened = Terminals(NOW)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch):
    """UTC and a fixed Wednesday morning, as in the two terminals."""
    monkeypatch.setenv("TZ", "UTC")
    tzset()
    local_zone.cache_clear()
    set_clock(lambda: NOW)
    yield
    monkeypatch.undo()
    tzset()
    local_zone.cache_clear()


def thursday(trial: int) -> date:
    """Each trial works on its own day, so one trial's promises never count against another's."""
    return date(2031, 1, 9) + timedelta(weeks=trial)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def last_line(crash: str) -> str:
    """The exception a crashed terminal raised, without its traceback."""
    return crash.strip().splitlines()[-1]


def one_winner(attempts: tuple[Attempt, Attempt], refusal: str) -> tuple[int, str]:
    """The side that won and the loser's message; a problem (as a sentence) raised as AssertionError otherwise."""
    crashed = [last_line(attempt.crashed) for attempt in attempts if attempt.crashed]
    assert not crashed, f"a terminal crashed instead of being refused: {crashed}"
    winners = [side for side, attempt in enumerate(attempts) if attempt.succeeded]
    assert len(winners) == 1, f"{len(winners)} terminals won: {attempts}"
    loser = attempts[1 - winners[0]].refused
    assert refusal in loser, f"the loser was told {loser!r}, not about {refusal!r}"
    return winners[0], loser


def all_succeeded(attempts: tuple[Attempt, Attempt]) -> None:
    failed = [attempt.refused or last_line(attempt.crashed) for attempt in attempts if not attempt.succeeded]
    assert not failed, f"a terminal failed: {failed}"


def judge(outcomes: list[tuple[Attempt, Attempt]], check: Callable[[int, tuple[Attempt, Attempt]], None]) -> None:
    """Runs the check on every trial and fails with how many went wrong, so a race won sometimes is counted."""
    problems = []
    for trial, attempts in enumerate(outcomes):
        try:
            check(trial, attempts)
        except AssertionError as problem:
            problems.append(f"trial {trial}: {str(problem).splitlines()[0]}")
    assert not problems, f"{len(problems)}/{len(outcomes)} trials went wrong:\n" + "\n".join(problems)


def count(desk: Desk, query) -> int:
    with desk.reading() as session:
        return session.exec(query).one()


def audited(action: str, entity: str, entity_id: int):
    return select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)


@pytest.fixture
def eleni(desk: Desk) -> int:
    with desk.session() as session:
        return create_agent(session, "Eleni Georgiou").id


def new_customer(desk: Desk, given: str = "Mary", family: str = "Johnson") -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name=given, family_name=family), desk.agent_id).id


# What each terminal does: module-level functions, so the spawned processes can run them.

def promise_for(desk: Desk, agent_id: int, owner_id: int, customer_id: int, due_at: datetime) -> int:
    rules = desk.rules()
    with desk.session() as session:
        return make_promise(session, agent_id, customer_id, "Call with the results", due_at,
                            owner_id=owner_id, rules=rules).id


def keep(desk: Desk, agent_id: int, promise_id: int) -> int:
    with desk.session() as session:
        return keep_promise(session, promise_id, agent_id).id


def merge(desk: Desk, agent_id: int, keep_id: int, merge_id: int) -> int:
    with desk.session() as session:
        return merge_customers(session, keep_id, merge_id, agent_id).kept_id


def grant(desk: Desk, agent_id: int, amount: str) -> int:
    rules = desk.rules()
    with desk.session() as session:
        return grant_goodwill(session, agent_id, rules, kind="gesture", amount=amount, reason="Parcel lost twice").id


def follow_up(desk: Desk, agent_id: int, interaction_id: int) -> int:
    rules = desk.rules()
    with desk.session() as session:
        return make_follow_up(session, agent_id, interaction_id, rules).id


def import_file(desk: Desk, agent_id: int, rows: list[tuple[int, dict[str, str]]]) -> tuple[int, int]:
    with desk.session() as session:
        report = import_customers(session, desk.directory, rows, agent_id)
    return report.added, report.already_there


def return_call(desk: Desk, agent_id: int, promise_id: int) -> int:
    with desk.session() as session:
        return call_back(session, promise_id, agent_id).id


def wrap(desk: Desk, agent_id: int, interaction_id: int) -> int:
    done = WrapUp(outcome=CallOutcome.RESOLVED, summary="Sent the results.", drafted_summary="")
    with desk.session() as session:
        wrap_up(session, interaction_id, agent_id, done)
    return interaction_id


# The races.

def test_a_full_day_takes_no_ninth_promise_without_a_confirmation(
    desk: Desk, db_url: str, terminals: Terminals, eleni: int,
) -> None:
    """Sara has room for one more promise on Thursday; she and Eleni both promise in her name at once."""
    customer, sara = new_customer(desk), desk.agent_id
    capacity = desk.rules().promise_capacity_per_day
    with desk.session() as session:
        for trial in range(TRIALS):
            for _ in range(capacity - 1):
                make_promise(session, sara, customer, "Earlier promise", noon(thursday(trial)))
    due = [noon(thursday(trial)) for trial in range(TRIALS)]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        on_the_day = count(desk, select(func.count()).select_from(Promise).where(
            Promise.owner_id == sara, Promise.due_at == due[trial]))
        assert on_the_day == capacity, f"{on_the_day} promises on a day with room for {capacity}"
        one_winner(attempts, f"already has {capacity} promises due")

    trials = [((sara, sara, customer, when), (eleni, sara, customer, when)) for when in due]
    judge(terminals.race(db_url, promise_for, trials), check)


def test_a_promise_is_kept_once_and_the_second_hears_by_whom(
    desk: Desk, db_url: str, terminals: Terminals, eleni: int,
) -> None:
    customer, sara = new_customer(desk), desk.agent_id
    with desk.session() as session:
        promises = [make_promise(session, sara, customer, "Send the results", noon(thursday(t))).id for t in range(TRIALS)]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        assert count(desk, audited("kept", "promise", promises[trial])) == 1, "the promise was closed twice"
        winner, refusal = one_winner(attempts, "already kept by")
        assert COLLEAGUES[winner] in refusal, f"the loser was not told who kept it: {refusal!r}"

    trials = [((sara, promise), (eleni, promise)) for promise in promises]
    judge(terminals.race(db_url, keep, trials), check)


def merged_pairs(desk: Desk) -> list[tuple[int, int]]:
    return [(new_customer(desk, "Mary", f"Johnson {t}"), new_customer(desk, "Mary", f"Jonson {t}")) for t in range(TRIALS)]


def one_survivor(desk: Desk, pair: tuple[int, int]) -> None:
    with desk.reading() as session:
        merged_into = [session.get(Customer, customer).merged_into_id for customer in pair]
    survivors = [customer for customer, into in zip(pair, merged_into) if into is None]
    assert len(survivors) == 1, f"{len(survivors)} of the pair can still be found (merged into: {merged_into})"
    assert set(merged_into) == {None, survivors[0]}, f"the merged record does not point at the survivor: {merged_into}"
    merges = select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "merged-away", AuditEvent.entity == "customer", AuditEvent.entity_id.in_(pair))
    assert count(desk, merges) == 1, "the pair was merged twice"


def test_one_pair_merged_at_two_terminals_at_once_is_merged_once(
    desk: Desk, db_url: str, terminals: Terminals, eleni: int,
) -> None:
    pairs = merged_pairs(desk)

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        one_survivor(desk, pairs[trial])
        one_winner(attempts, "already merged into")

    trials = [((desk.agent_id, keep_id, gone_id), (eleni, keep_id, gone_id)) for keep_id, gone_id in pairs]
    judge(terminals.race(db_url, merge, trials), check)


def test_each_record_merged_into_the_other_at_once_leaves_one_of_them(
    desk: Desk, db_url: str, terminals: Terminals, eleni: int,
) -> None:
    pairs = merged_pairs(desk)

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        one_survivor(desk, pairs[trial])
        one_winner(attempts, "already merged into")

    trials = [((desk.agent_id, first, second), (eleni, second, first)) for first, second in pairs]
    judge(terminals.race(db_url, merge, trials), check)


def test_goodwill_over_the_budget_from_two_terminals_needs_approval(
    desk: Desk, db_url: str, terminals: Terminals,
) -> None:
    """The same agent at two terminals grants 40 twice from a budget of 50: the second 40 needs a supervisor."""
    with desk.session() as session:
        agents = [create_agent(session, f"Agent {trial}").id for trial in range(TRIALS)]
    budget = desk.rules().goodwill_budget_per_month

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        granted = from_cents(count(desk, select(func.sum(GoodwillGrant.amount_cents)).where(
            GoodwillGrant.agent_id == agents[trial])), "EUR")
        assert granted <= budget, f"{granted} granted from a budget of {budget}"
        one_winner(attempts, "a supervisor must approve it")

    trials = [((agent, "40"), (agent, "40")) for agent in agents]
    judge(terminals.race(db_url, grant, trials), check)


def test_a_resolved_case_gets_one_follow_up_even_asked_for_twice_at_once(
    desk: Desk, db_url: str, terminals: Terminals, eleni: int,
) -> None:
    customer = new_customer(desk)
    with desk.session() as session:
        calls = [start_interaction(session, desk.agent_id, customer, reason="Test results").id for _ in range(TRIALS)]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        made = select(func.count()).select_from(Promise).where(
            Promise.interaction_id == calls[trial], Promise.kind == PromiseKind.FOLLOW_UP)
        assert count(desk, made) == 1, f"{count(desk, made)} follow-ups for one case"
        all_succeeded(attempts)
        assert attempts[0].won == attempts[1].won, "the terminals were given different follow-ups"

    trials = [((desk.agent_id, call), (eleni, call)) for call in calls]
    judge(terminals.race(db_url, follow_up, trials), check)


def test_one_file_imported_at_two_terminals_at_once_stores_each_person_once(
    desk: Desk, db_url: str, terminals: Terminals,
) -> None:
    files = [[(line, {"given_name": f"Person{line}", "family_name": f"Trial{trial}", "street": f"{line} Jackson Ave"})
              for line in range(2, IMPORT_ROWS + 2)] for trial in range(TRIALS)]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        all_succeeded(attempts)
        stored = select(func.count()).select_from(Customer).where(Customer.family_name == f"Trial{trial}")
        assert count(desk, stored) == IMPORT_ROWS, f"{count(desk, stored) - IMPORT_ROWS} people stored twice"
        added, already_there = (sum(numbers) for numbers in zip(*(attempt.won for attempt in attempts)))
        assert (added, already_there) == (IMPORT_ROWS, IMPORT_ROWS), f"{added} added, {already_there} already there"

    trials = [((desk.agent_id, rows), (desk.agent_id, rows)) for rows in files]
    judge(terminals.race(db_url, import_file, trials), check)


def test_a_callback_is_returned_once(desk: Desk, db_url: str, terminals: Terminals, eleni: int) -> None:
    sara, rules = desk.agent_id, desk.rules()
    customers = [new_customer(desk, "Mary", f"Johnson {trial}") for trial in range(TRIALS)]
    with desk.session() as session:
        callbacks = [log_missed_call(session, sara, customer, "+30 210 555 0101", NOW - timedelta(hours=1), rules).id
                     for customer in customers]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        assert count(desk, audited("kept", "promise", callbacks[trial])) == 1, "the callback was returned twice"
        winner, refusal = one_winner(attempts, "already returned by")
        assert COLLEAGUES[winner] in refusal, f"the loser was not told who returned it: {refusal!r}"
        calls = select(func.count()).select_from(Interaction).where(Interaction.customer_id == customers[trial])
        assert count(desk, calls) == 1, "two calls were started for one callback"

    trials = [((sara, callback), (eleni, callback)) for callback in callbacks]
    judge(terminals.race(db_url, return_call, trials), check)


def test_a_call_is_wrapped_up_once(desk: Desk, db_url: str, terminals: Terminals) -> None:
    """Sara has the call open at two terminals and presses wrap-up at both."""
    customer = new_customer(desk)
    with desk.session() as session:
        calls = [start_interaction(session, desk.agent_id, customer, reason="Test results").id for _ in range(TRIALS)]

    def check(trial: int, attempts: tuple[Attempt, Attempt]) -> None:
        assert count(desk, audited("close", "interaction", calls[trial])) == 1, "the call was wrapped up twice"
        one_winner(attempts, "already wrapped up")

    trials = [((desk.agent_id, call), (desk.agent_id, call)) for call in calls]
    judge(terminals.race(db_url, wrap, trials), check)
