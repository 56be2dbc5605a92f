"""Promises through the service layer (row 8): checked before they are made, kept or made good, moved only when told."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from time import tzset
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event
from sqlmodel import select, update

from frontdesk.clock.now import local_zone, set_clock, to_local
from frontdesk.db.models import Agent, AuditEvent, GoodwillGrant, Promise, PromiseKind, PromiseStatus
from frontdesk.services.desk import Desk
from frontdesk.clock.hours import OpeningHours, at_local
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk_rules import DeskRules, load_rules
from frontdesk.services.interactions import start_interaction
from frontdesk.services.merge import merge_customers
from frontdesk.services.promise_checks import check_promise, stored_utc
from frontdesk.services.errors import EditConflict
from frontdesk.services.facades.promises import PromiseBook
from frontdesk.services.goodwill import GoodwillRequest
from frontdesk.services.promise_conflicts import SeenPromise
from frontdesk.services.promise_rows import DUE_FILTERS, PromiseRow, due_reminders, promise_rows
import frontdesk.services.promises as promises_service
from frontdesk.services.promises import (
    PromiseNeedsConfirmation, close_late, follow_up_due, is_overdue, keep_promise, make_follow_up,
    make_promise, needs_apology, orphaned_promises, promise_history, reassign_promise, renegotiate,
)
from frontdesk.services.guards import NotAllowed
from frontdesk.services.validation import ValidationError

ATHENS = ZoneInfo("Europe/Athens")
THURSDAY, FRIDAY, SATURDAY, MONDAY = date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 30)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return at_local(day, time(hour, minute), ATHENS)


NOW = at(THURSDAY, 10)


def move_clock(moment: datetime) -> None:
    set_clock(lambda: moment)


@pytest.fixture(autouse=True)
def athens_desk(monkeypatch: pytest.MonkeyPatch):
    """The machine's zone is Athens and the clock stands at Thursday 10:00, so "today" is the same day on any machine."""
    monkeypatch.setenv("TZ", "Europe/Athens")
    tzset()
    local_zone.cache_clear()
    move_clock(NOW)
    yield
    monkeypatch.undo()
    tzset()
    local_zone.cache_clear()


@pytest.fixture
def rules(desk: Desk) -> DeskRules:
    with desk.session() as session:
        hours = OpeningHours.parse("mon-fri 09:00-17:00", "2026-12-25", tz=ATHENS)
        return replace(load_rules(session), opening_hours=hours)


@pytest.fixture
def customer(desk: Desk) -> int:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id).id


@pytest.fixture
def eleni(desk: Desk) -> int:
    with desk.session() as session:
        return create_agent(session, "Eleni Georgiou").id


def promise(desk: Desk, customer: int, due: datetime, what: str = "Send the test results", **options) -> int:
    with desk.session() as session:
        return make_promise(session, desk.agent_id, customer, what, due, **options).id


def leave_desk(desk: Desk, agent_id: int) -> None:
    with desk.session() as session:
        session.get(Agent, agent_id).active = False
        session.commit()


@pytest.mark.parametrize("due", [NOW, NOW - timedelta(minutes=1), at(date(2026, 11, 2), 10)])
def test_a_due_time_already_past_is_refused(desk: Desk, rules: DeskRules, customer: int, due: datetime) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match="already passed") as refused:
            make_promise(session, desk.agent_id, customer, "Call back", due, rules=rules, confirmed=True)
        assert refused.value.field == "due_at"
        assert session.exec(select(Promise)).all() == []


def test_an_owner_who_left_or_never_worked_here_is_refused(desk: Desk, rules: DeskRules, customer: int, eleni: int) -> None:
    leave_desk(desk, eleni)
    with desk.session() as session:
        check = check_promise(session, rules, eleni, at(THURSDAY, 15))
        assert check.refused == ("Eleni Georgiou is no longer at the desk; choose another owner.",)
        assert not check.ok
        with pytest.raises(ValidationError, match="choose another owner") as refused:
            make_promise(session, desk.agent_id, customer, "Call back", at(THURSDAY, 15), owner_id=eleni, rules=rules)
        assert refused.value.field == "owner"
        assert check_promise(session, rules, 999, NOW).refused == (
            "That time has already passed; promise a time still ahead.",
            "That colleague is no longer at the desk; choose another owner.",
        )


def test_a_saturday_promise_warns_and_offers_monday_morning(desk: Desk, rules: DeskRules, customer: int) -> None:
    with desk.session() as session:
        check = check_promise(session, rules, desk.agent_id, at(SATURDAY, 10))
        assert check.warnings == ("The desk is closed on Saturday 28 November at 10:00.",)
        assert check.alternatives == (at(MONDAY, 9), at(date(2026, 12, 1), 9), at(date(2026, 12, 2), 9))
        with pytest.raises(PromiseNeedsConfirmation, match="closed on Saturday") as warned:
            make_promise(session, desk.agent_id, customer, "Call back", at(SATURDAY, 10), rules=rules)
        assert warned.value.check == check
        assert session.exec(select(Promise)).all() == []


def test_after_hours_offers_the_next_morning_then_end_of_today(desk: Desk, rules: DeskRules) -> None:
    with desk.session() as session:
        check = check_promise(session, rules, desk.agent_id, at(THURSDAY, 20))
        assert check.warnings == ("The desk is closed on Thursday 26 November at 20:00.",)
        assert check.alternatives == (at(FRIDAY, 9), at(THURSDAY, 17), at(MONDAY, 9))
        assert check_promise(session, rules, desk.agent_id, at(THURSDAY, 17)).ok  # "by end of day" can be kept
        christmas = check_promise(session, rules, desk.agent_id, at(date(2026, 12, 25), 10))
        assert christmas.warnings == ("The desk is closed on Friday 25 December at 10:00 (a holiday).",)
        assert christmas.alternatives[0] == at(date(2026, 12, 28), 9)


def test_a_confirmed_warning_saves_and_the_audit_trail_says_so(desk: Desk, rules: DeskRules, customer: int) -> None:
    saved = promise(desk, customer, at(SATURDAY, 10), rules=rules, confirmed=True, tell_by="email")
    with desk.session() as session:
        stored = session.get(Promise, saved)
        assert (stored.status, stored.tell_by, stored_utc(stored.due_at)) == (PromiseStatus.OPEN, "email", at(SATURDAY, 10))
        event = session.exec(select(AuditEvent).where(AuditEvent.entity == "promise")).one()
        assert "confirmed despite: The desk is closed on Saturday" in event.detail


def test_the_ninth_promise_on_a_day_warns_and_offers_days_with_room(desk: Desk, rules: DeskRules, customer: int, eleni: int) -> None:
    thursdays = [promise(desk, customer, at(THURSDAY, 15), rules=rules) for _ in range(rules.promise_capacity_per_day)]
    for _ in range(rules.promise_capacity_per_day):
        promise(desk, customer, at(FRIDAY, 11), rules=rules)
    with desk.session() as session:
        check = check_promise(session, rules, desk.agent_id, at(THURSDAY, 16))
        assert check.warnings == ("Sara Karimi already has 8 promises due on Thursday 26 November.",)
        assert check.alternatives == (at(MONDAY, 9), at(date(2026, 12, 1), 9), at(date(2026, 12, 2), 9))
        assert check_promise(session, rules, eleni, at(THURSDAY, 16)).ok  # the load is per owner
        assert check_promise(session, rules, desk.agent_id, at(THURSDAY, 16), ignore_promise_id=thursdays[0]).ok
        with pytest.raises(PromiseNeedsConfirmation, match="already has 8 promises"):
            make_promise(session, desk.agent_id, customer, "One more", at(THURSDAY, 16), rules=rules)


def test_a_merged_or_missing_customer_and_empty_or_odd_input_are_refused(desk: Desk, customer: int) -> None:
    with desk.session() as session:
        twin = create_customer(session, CustomerForm(given_name="Mary", family_name="Jonson"), desk.agent_id).id
        merge_customers(session, customer, twin, desk.agent_id)
        cases = [
            ((twin, "Call back"), {}, "customer", "merged into another"),
            ((999, "Call back"), {}, "customer", "no longer exists"),
            ((customer, "  "), {}, "what", "What was promised cannot be empty."),
            ((customer, "Call back"), {"tell_by": "pigeon"}, "tell_by", "Unknown way to tell"),
        ]
        for (customer_id, what), options, field, message in cases:
            with pytest.raises(ValidationError, match=message) as refused:
                make_promise(session, desk.agent_id, customer_id, what, at(THURSDAY, 15), **options)
            assert refused.value.field == field
        assert session.exec(select(Promise)).all() == []


def test_a_fall_back_due_time_keeps_its_real_moment(desk: Desk, rules: DeskRules, customer: int) -> None:
    move_clock(at(date(2026, 10, 22), 10))
    due = at_local(date(2026, 10, 25), time(3, 30), ATHENS)  # 03:30 happens twice that night; the first one
    with desk.session() as session:
        assert check_promise(session, rules, desk.agent_id, due).alternatives[0] == datetime(2026, 10, 26, 7, tzinfo=UTC)
    saved = promise(desk, customer, due, rules=rules, confirmed=True)
    with desk.session() as session:
        stored = session.get(Promise, saved).due_at
        assert stored_utc(stored) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
        assert (to_local(stored).strftime("%H:%M"), to_local(stored).utcoffset()) == ("03:30", timedelta(hours=3))


def test_a_promise_kept_on_time_is_closed_with_its_note(desk: Desk, customer: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    with desk.session() as session:
        kept = keep_promise(session, saved, desk.agent_id, "Results emailed")
        assert (kept.status, kept.kept_late, kept.closing_note, kept.closed_at) == (PromiseStatus.KEPT, False, "Results emailed", NOW)
        with pytest.raises(ValidationError, match="no longer open"):
            keep_promise(session, saved, desk.agent_id)


def test_goodwill_for_a_make_good_is_drawn_with_the_close_or_not_at_all(desk: Desk, customer: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    move_clock(at(THURSDAY, 16))
    book, goodwill = PromiseBook(desk), GoodwillRequest("gesture", 20, "Results late")
    with desk.reading() as session:
        row = session.get(Promise, saved)
        seen = SeenPromise(row.id, row.version, row.due_at, row.owner_id, "")
    with pytest.raises(ValidationError, match="made good"):
        book.close_late(seen, apology="Sorry", make_good="", note="", goodwill=goodwill, customer_id=customer)
    with desk.session() as session:
        assert session.exec(select(GoodwillGrant)).all() == []
    book.close_late(seen, apology="Sorry", make_good="A voucher", note="", goodwill=goodwill, customer_id=customer)
    with desk.session() as session:
        assert [(grant.amount_cents, grant.promise_id) for grant in session.exec(select(GoodwillGrant))] == [(2000, saved)]
        assert session.get(Promise, saved).status == PromiseStatus.KEPT


def test_a_late_promise_needs_an_apology_and_a_make_good(desk: Desk, customer: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    with desk.session() as session:
        with pytest.raises(ValidationError, match="not late"):
            close_late(session, saved, desk.agent_id, apology="Sorry", make_good="Priority slot")
    move_clock(at(THURSDAY, 16))
    with desk.session() as session:
        with pytest.raises(ValidationError, match="record the apology") as refused:
            keep_promise(session, saved, desk.agent_id)
        assert refused.value.field == "apology"
        for apology, make_good, field in (("", "Priority slot", "apology"), ("Sorry for the wait", " ", "make_good")):
            with pytest.raises(ValidationError) as missing:
                close_late(session, saved, desk.agent_id, apology=apology, make_good=make_good)
            assert missing.value.field == field
        kept = close_late(session, saved, desk.agent_id, apology="Sorry for the wait", make_good="Priority slot next week")
        assert (kept.status, kept.kept_late, kept.apology, kept.make_good) == (
            PromiseStatus.KEPT, True, "Sorry for the wait", "Priority slot next week",
        )


def test_renegotiating_keeps_a_history_of_who_heard_in_time(desk: Desk, rules: DeskRules, customer: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Tell the customer first"):
            renegotiate(session, saved, desk.agent_id, at(FRIDAY, 12), customer_told=False, rules=rules)
        renegotiate(session, saved, desk.agent_id, at(FRIDAY, 12), customer_told=True, note="Lab is late", rules=rules)
    move_clock(at(FRIDAY, 13))
    with desk.session() as session:
        with pytest.raises(PromiseNeedsConfirmation):
            renegotiate(session, saved, desk.agent_id, at(SATURDAY, 12), customer_told=True, rules=rules)
        renegotiate(session, saved, desk.agent_id, at(MONDAY, 11), customer_told=True, rules=rules)
        history = [(stored_utc(change.old_due_at), stored_utc(change.new_due_at), change.told_before_deadline, change.note)
                   for change in promise_history(session, saved)]
        assert history == [(at(THURSDAY, 15), at(FRIDAY, 12), True, "Lab is late"), (at(FRIDAY, 12), at(MONDAY, 11), False, "")]
        assert stored_utc(session.get(Promise, saved).due_at) == at(MONDAY, 11)
        assert [(row.changes, row.needs_apology) for row in promise_rows(session)] == [(2, True)]
        with pytest.raises(ValidationError, match="late"):  # moved after its deadline: still owed a sorry
            keep_promise(session, saved, desk.agent_id)
        close_late(session, saved, desk.agent_id, apology="Sorry we only told you after the deadline", make_good="Priority slot")
        with pytest.raises(ValidationError, match="no longer open"):
            renegotiate(session, saved, desk.agent_id, at(MONDAY, 12), customer_told=True)
        actions = session.exec(select(AuditEvent.action).where(AuditEvent.entity_id == saved, AuditEvent.entity == "promise")).all()
        assert actions == ["create", "renegotiate", "renegotiate", "kept-late"]


def test_an_open_promise_becomes_overdue_by_itself_and_reminds_its_owner(desk: Desk, customer: int, eleni: int) -> None:
    soon = promise(desk, customer, at(THURSDAY, 10, 30))
    promise(desk, customer, at(THURSDAY, 12))
    promise(desk, customer, at(THURSDAY, 10, 45), owner_id=eleni)
    with desk.session() as session:
        assert not is_overdue(session.get(Promise, soon))
        due_soon, overdue = due_reminders(session, desk.agent_id)
        assert ([row.promise_id for row in due_soon], overdue) == ([soon], [])
    move_clock(at(THURSDAY, 10, 31))
    with desk.session() as session:
        assert is_overdue(session.get(Promise, soon))
        due_soon, overdue = due_reminders(session, desk.agent_id)
        assert ([row.promise_id for row in due_soon], [row.promise_id for row in overdue]) == ([], [soon])


def test_promise_rows_filter_by_when_they_are_due(desk: Desk, customer: int) -> None:
    late, today, monday, later = (
        promise(desk, customer, due) for due in (at(THURSDAY, 9), at(THURSDAY, 15), at(MONDAY, 10), at(date(2026, 12, 14), 10))
    )
    with desk.session() as session:
        listed = {due: [row.promise_id for row in promise_rows(session, due=due)] for due in (None, *DUE_FILTERS)}
        assert listed == {None: [late, today, monday, later], "today": [today], "overdue": [late], "week": [today, monday]}
        with pytest.raises(ValidationError, match="Unknown due filter"):
            promise_rows(session, due="soon")


def test_follow_ups_count_working_days_only(rules: DeskRules) -> None:
    assert follow_up_due(rules, at(THURSDAY, 15)) == at(MONDAY, 15)
    assert follow_up_due(rules, at(THURSDAY, 20)) == at(date(2026, 12, 1), 9)  # Monday 20:00 is closed
    assert follow_up_due(rules, at(date(2026, 12, 23), 15)) == at(date(2026, 12, 28), 15)  # Christmas is no working day


def test_a_resolved_case_gets_one_follow_up_for_its_customer(desk: Desk, rules: DeskRules, customer: int) -> None:
    with desk.session() as session:
        visit = start_interaction(session, desk.agent_id, customer, reason="Test results").id
        unknown = start_interaction(session, desk.agent_id, None, reason="Wrong number").id
        follow_up = make_follow_up(session, desk.agent_id, visit, rules)
        assert (follow_up.kind, follow_up.what, follow_up.customer_id) == (
            PromiseKind.FOLLOW_UP, "Ask how it went after: Test results", customer,
        )
        assert stored_utc(follow_up.due_at) == at(MONDAY, 10)
        assert make_follow_up(session, desk.agent_id, visit, rules).id == follow_up.id
        with pytest.raises(ValidationError, match="Link the caller to a customer record first"):
            make_follow_up(session, desk.agent_id, unknown, rules)


def test_promises_of_someone_who_left_are_listed_until_reassigned(desk: Desk, customer: int, eleni: int, supervisor: int) -> None:
    saved = promise(desk, customer, at(FRIDAY, 10), owner_id=eleni)
    leave_desk(desk, eleni)
    with desk.session() as session:
        assert [found.id for found in orphaned_promises(session)] == [saved]
        assert [(row.owner, row.owner_active) for row in promise_rows(session)] == [("Eleni Georgiou", False)]
        with pytest.raises(NotAllowed, match="Only a supervisor can give someone else's promise"):
            reassign_promise(session, saved, desk.agent_id, desk.agent_id)
        with pytest.raises(ValidationError, match="Eleni Georgiou is no longer at the desk"):
            reassign_promise(session, saved, supervisor, eleni)
        assert reassign_promise(session, saved, supervisor, desk.agent_id).owner_id == desk.agent_id
        with pytest.raises(ValidationError, match="Sara Karimi already owns"):
            reassign_promise(session, saved, desk.agent_id, desk.agent_id)
        assert orphaned_promises(session) == []
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "reassign")).one()
        assert (event.entity_id, event.detail) == (saved, f"owner {eleni} -> {desk.agent_id}")


def row_of(desk: Desk, promise_id: int) -> PromiseRow:
    """The promise as a screen shows it, remembering the version it saw."""
    with desk.reading() as session:
        return next(row for row in promise_rows(session) if row.promise_id == promise_id)


@pytest.fixture
def tom(desk: Desk) -> int:
    """A colleague at another desk."""
    with desk.session() as session:
        return create_agent(session, "Tom Baker").id


def test_a_move_made_elsewhere_since_the_row_was_shown_is_not_overwritten(desk: Desk, rules: DeskRules, customer: int, tom: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    shown = row_of(desk, saved)
    move_clock(at(THURSDAY, 10, 5))
    with desk.session() as session:  # the other desk moves it first
        renegotiate(session, saved, tom, at(FRIDAY, 10), customer_told=True, rules=rules)
    with desk.session() as session:
        with pytest.raises(EditConflict) as refused:
            renegotiate(session, saved, desk.agent_id, at(MONDAY, 11), customer_told=True, rules=rules, seen=shown.seen)
        assert refused.value.theirs == ("Due: Thu 26 Nov 15:00 -> Fri 27 Nov 10:00 (Tom Baker, 10:05)",)
        assert "changed this promise after you opened it" in str(refused.value)
    with desk.session() as session:
        assert stored_utc(session.get(Promise, saved).due_at) == at(FRIDAY, 10)
        renegotiate(session, saved, desk.agent_id, at(MONDAY, 11), customer_told=True, rules=rules, seen=refused.value.current)
        assert [stored_utc(change.new_due_at) for change in promise_history(session, saved)] == [at(FRIDAY, 10), at(MONDAY, 11)]


def test_a_reassignment_made_elsewhere_is_named_and_not_overwritten(desk: Desk, customer: int, eleni: int, tom: int) -> None:
    saved = promise(desk, customer, at(FRIDAY, 10))
    shown = row_of(desk, saved)
    with desk.session() as session:  # Sara hands her promise to Tom at another terminal
        reassign_promise(session, saved, desk.agent_id, tom)
    with desk.session() as session:
        with pytest.raises(EditConflict) as refused:
            reassign_promise(session, saved, desk.agent_id, eleni, seen=shown.seen)
        assert refused.value.theirs == ("Owner: Sara Karimi -> Tom Baker (Sara Karimi, 10:00)",)
        assert session.get(Promise, saved).owner_id == tom


def test_a_promise_kept_at_another_desk_cannot_be_kept_again(desk: Desk, customer: int, tom: int) -> None:
    saved = promise(desk, customer, at(THURSDAY, 15))
    shown = row_of(desk, saved)
    move_clock(at(THURSDAY, 14, 2))
    with desk.session() as session:
        keep_promise(session, saved, tom, "Sent by email")
    move_clock(at(THURSDAY, 16))
    with desk.session() as session:
        for attempt in (
            lambda: keep_promise(session, saved, desk.agent_id, "Sent too", seen=shown.seen),
            lambda: close_late(session, saved, desk.agent_id, apology="Sorry", make_good="A voucher", seen=shown.seen),
            lambda: needs_apology(session, saved, seen=shown.seen),
        ):
            with pytest.raises(EditConflict, match="already closed") as refused:
                attempt()
            assert refused.value.theirs == ("Kept by Tom Baker at 14:02",)
            assert refused.value.current is None
        assert session.get(Promise, saved).closing_note == "Sent by email"
        closes = session.exec(select(AuditEvent).where(AuditEvent.entity == "promise", AuditEvent.action.in_(["kept", "kept-late"])))
        assert [event.agent_id for event in closes] == [tom]


def test_a_save_landing_between_the_check_and_the_write_is_a_conflict_not_an_overwrite(
    desk: Desk, backend: str, customer: int, tom: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The read-write race: the version matched when read, but the row changed before this desk's UPDATE.

    On PostgreSQL the other desk commits on its own connection at the last moment before this desk locks
    the row (once it holds the lock, the other desk's save waits for it instead).
    SQLite holds the write lock from the first read, so there the other write can only land inside
    this desk's transaction (and rolls back with it).
    """
    saved = promise(desk, customer, at(THURSDAY, 15))
    shown = row_of(desk, saved)
    other_desk = update(Promise).where(Promise.id == saved).values(owner_id=tom, version=Promise.version + 1)

    if backend == "postgresql":
        lock_row = promises_service.lock_row

        def other_desk_saves_then_lock(*args, **kwargs):
            with desk.engine.begin() as connection:
                connection.execute(other_desk)
            monkeypatch.setattr(promises_service, "lock_row", lock_row)
            return lock_row(*args, **kwargs)

        monkeypatch.setattr(promises_service, "lock_row", other_desk_saves_then_lock)
    with desk.session() as session:
        if backend != "postgresql":
            event.listen(session, "before_flush", lambda session, *_args: session.connection().execute(other_desk), once=True)
        with pytest.raises(EditConflict) as refused:
            keep_promise(session, saved, desk.agent_id, "Kept", seen=shown.seen)
    assert refused.value.theirs == (("Owner: Sara Karimi -> Tom Baker",) if backend == "postgresql" else ("Changed at another desk.",))
    with desk.reading() as session:
        assert (session.get(Promise, saved).status, session.get(Promise, saved).closing_note) == (PromiseStatus.OPEN, "")
