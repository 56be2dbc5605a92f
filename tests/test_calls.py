"""The Call section's operations through the service layer: notes, drafts, handoffs, callbacks, wrap-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlmodel import select

from frontdesk.clock.hours import at_local
from frontdesk.clock.now import local_zone, set_clock, utcnow
from frontdesk.db.models import AuditEvent, Interaction, MoodChange, Note, Promise
from frontdesk.services.desk import Desk
from frontdesk.services.agents import create_agent
from frontdesk.services.callbacks import call_back, caller_contact, log_missed_call, take_message, waiting_requests
from frontdesk.services.categories import add_category, category_names, set_category_active
from frontdesk.services.courtesy import toggle_courtesy
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.goodwill import grant_goodwill
from frontdesk.services.escalations import flag_for_manager, open_escalations
from frontdesk.services.handoffs import hand_off, handoff_count, people_spoken_to
from frontdesk.services.interactions import link_customer, start_interaction
from frontdesk.services.moods import current_mood, mood_history, set_mood
from frontdesk.services.notes import add_note, draft_of, edit_note, edits_of, notes_of, save_draft
from frontdesk.services.live_queue import live_queue
from frontdesk.services.open_work import open_work
from frontdesk.services.promise_rows import promise_rows
from frontdesk.services.solutions import OfferedOption, record_offers
from frontdesk.ui.screens.call.resume import ResumeScreen, open_text
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import WrapUp, draft_summary, wrap_up, wrap_up_form


@pytest.fixture
def call(desk: Desk) -> int:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(honorific="Mrs.", given_name="Mary", family_name="Johnson"), desk.agent_id)
        return start_interaction(session, desk.agent_id, customer.id, reason="Test results").id


@pytest.fixture
def colleagues(desk: Desk) -> tuple[int, int]:
    with desk.session() as session:
        return create_agent(session, "Eleni Georgiou").id, create_agent(session, "Tom Baker").id


HARD_TEXTS = [
    "x" * 100_000,
    "pasted \x1b[31mred\x1b[0m and a bell \x07 and \x00 null",
    "[bold]not bold[/] [link=https://example.com]click[/link]",
    "بیمار گفت: «نتیجه آزمایش هنوز نیامده»",
    "Ο πελάτης είπε: «θα ξαναπάρω»",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_notes_are_stored_exactly_as_typed_or_pasted(desk: Desk, call: int, text: str) -> None:
    with desk.session() as session:
        add_note(session, call, desk.agent_id, text)
        assert notes_of(session, call)[-1].text == text


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_empty_note_is_refused_and_nothing_is_stored(desk: Desk, call: int, text: str) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match="empty"):
            add_note(session, call, desk.agent_id, text)
        assert notes_of(session, call) == []


def test_a_draft_is_kept_until_its_line_is_committed(desk: Desk, call: int) -> None:
    with desk.session() as session:
        save_draft(session, call, desk.agent_id, "she said the par", verbatim=True)
        save_draft(session, call, desk.agent_id, "she said the parcel never came", verbatim=True)
        draft = draft_of(session, call, desk.agent_id)
        assert (draft.text, draft.verbatim) == ("she said the parcel never came", True)
        add_note(session, call, desk.agent_id, draft.text, verbatim=True)
        assert draft_of(session, call, desk.agent_id) is None
        assert [(note.text, note.verbatim) for note in notes_of(session, call)] == [("she said the parcel never came", True)]


def test_an_edited_note_keeps_its_earlier_wording(desk: Desk, call: int) -> None:
    with desk.session() as session:
        note = add_note(session, call, desk.agent_id, "wants a refnud")
        edit_note(session, note.id, desk.agent_id, "wants a refund", verbatim=False)
        edit_note(session, note.id, desk.agent_id, "wants a refund, not a voucher", verbatim=True)
        assert [edit.previous_text for edit in edits_of(session, note.id)] == ["wants a refnud", "wants a refund"]
        stored = session.get(Note, note.id)
        assert (stored.text, stored.verbatim, stored.edited_at is not None) == ("wants a refund, not a voucher", True, True)


def test_moods_are_timestamped_changes(desk: Desk, call: int) -> None:
    with desk.session() as session:
        set_mood(session, call, desk.agent_id, "upset")
        set_mood(session, call, desk.agent_id, "calm")
        assert [change.mood for change in mood_history(session, call)] == ["upset", "calm"]
        assert current_mood(session, call) == "calm"
        with pytest.raises(ValidationError, match="Unknown mood"):
            set_mood(session, call, desk.agent_id, "furious")
        assert len(session.exec(select(MoodChange)).all()) == 2


def test_a_second_handoff_needs_a_reason_and_says_who_was_spoken_to(desk: Desk, call: int, colleagues: tuple[int, int]) -> None:
    eleni, tom = colleagues
    with desk.session() as session:
        hand_off(session, call, desk.agent_id, eleni)
        assert session.get(Interaction, call).owner_id == eleni
        with pytest.raises(ValidationError, match=r"already spoken to 2 people \(Sara Karimi, Eleni Georgiou\)"):
            hand_off(session, call, eleni, tom)
        hand_off(session, call, eleni, tom, "Tom handles refunds")
        assert handoff_count(session, call) == 2
        assert people_spoken_to(session, call) == ["Sara Karimi", "Eleni Georgiou", "Tom Baker"]
        assert session.get(Interaction, call).owner_id == tom


def test_only_the_owner_hands_off_and_only_to_an_active_colleague(desk: Desk, call: int, colleagues: tuple[int, int]) -> None:
    eleni, tom = colleagues
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Only the interaction's owner"):
            hand_off(session, call, eleni, tom)
        with pytest.raises(ValidationError, match="not at the desk"):
            hand_off(session, call, desk.agent_id, 999)
        with pytest.raises(ValidationError, match="already own"):
            hand_off(session, call, desk.agent_id, desk.agent_id)


def test_wants_a_manager_is_flagged_with_the_reason(desk: Desk, call: int) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError):
            flag_for_manager(session, call, desk.agent_id, "  ")
        flag_for_manager(session, call, desk.agent_id, "Third time the order is late")
        assert [item.escalation_reason for item in open_escalations(session)] == ["Third time the order is late"]


def test_the_courtesy_checklist_ticks_and_unticks(desk: Desk, call: int) -> None:
    with desk.session() as session:
        assert toggle_courtesy(session, call, desk.agent_id, "please") == ["please"]
        assert toggle_courtesy(session, call, desk.agent_id, "greeted") == ["greeted", "please"]
        assert toggle_courtesy(session, call, desk.agent_id, "please") == ["greeted"]


def test_the_drafted_summary_uses_the_name_the_notes_and_the_promises(desk: Desk, call: int) -> None:
    with desk.session() as session:
        add_note(session, call, desk.agent_id, "Results late by a week")
        add_note(session, call, desk.agent_id, "I just want a call back", verbatim=True)
        session.add(Promise(customer_id=1, interaction_id=call, what="Call with the results", due_at=utcnow() + timedelta(days=1),
                            owner_id=desk.agent_id, created_by_id=desk.agent_id))
        session.commit()
        draft = draft_summary(session, call)
    assert draft.startswith("Mrs. Johnson called about Test results.")
    assert '- "I just want a call back"' in draft and "- Results late by a week" in draft
    assert "Agreed:\n- Call with the results, by" in draft


def test_the_drafted_summary_says_what_was_offered_chosen_and_granted(desk: Desk, call: int) -> None:
    offered = [OfferedOption("Free express shipping on the replacement"), OfferedOption("Full refund")]
    with desk.session() as session:
        record_offers(session, call, desk.agent_id, offered, chosen=0, limitations_explained=True)
        grant_goodwill(session, desk.agent_id, load_rules(session), kind="gesture", amount="12.00",
                       reason="Parcel lost twice", customer_id=1, interaction_id=call)
        draft = draft_summary(session, call)
    assert "Offered:\n- Free express shipping on the replacement (chosen)\n- Full refund\n" in draft
    assert "Goodwill:\n- A goodwill gesture of 12.00 EUR: Parcel lost twice" in draft


def test_the_drafted_summary_says_the_customer_declined_every_option(desk: Desk, call: int) -> None:
    with desk.session() as session:
        record_offers(session, call, desk.agent_id, [OfferedOption("Full refund")], chosen=None, limitations_explained=True)
        draft = draft_summary(session, call)
    assert "Offered:\n- Full refund\nThe customer declined every option offered." in draft
    assert "Goodwill" not in draft


def test_wrap_up_flags_an_unedited_summary_and_records_satisfaction(desk: Desk, call: int) -> None:
    with desk.session() as session:
        drafted = draft_summary(session, call)
        with pytest.raises(ValidationError, match="1 to 5"):
            wrap_up(session, call, desk.agent_id, WrapUp("resolved", drafted, drafted, satisfaction=9, satisfaction_asked=True))
        with pytest.raises(ValidationError, match="outcome"):
            wrap_up(session, call, desk.agent_id, WrapUp("done", drafted, drafted))
        wrap_up(session, call, desk.agent_id, WrapUp("resolved", drafted, drafted, satisfaction=5, satisfaction_comment="Lovely", satisfaction_asked=True))
        closed = session.get(Interaction, call)
        assert (closed.outcome, closed.summary_edited, closed.satisfaction, closed.satisfaction_comment) == ("resolved", False, 5, "Lovely")
        assert closed.ended_at is not None
        with pytest.raises(ValidationError, match="already"):
            wrap_up(session, call, desk.agent_id, WrapUp("resolved", "again", drafted))
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "close")).one()
        assert event.detail == "outcome=resolved summary_edited=False"


def test_an_edited_summary_and_not_asked_satisfaction(desk: Desk, call: int) -> None:
    with desk.session() as session:
        wrap_up(session, call, desk.agent_id, WrapUp("follow-up", "Mrs. Johnson: results chased with the lab.", "drafted"))
        closed = session.get(Interaction, call)
        assert (closed.summary_edited, closed.satisfaction_asked, closed.satisfaction) == (True, False, None)


def test_follow_up_needed_promises_the_follow_up_and_a_handed_on_case_was_not_first_contact(
    desk: Desk, call: int, colleagues: tuple[int, int],
) -> None:
    eleni, _ = colleagues
    with desk.session() as session:
        assert "resolved" in wrap_up_form(session, call).outcomes
        hand_off(session, call, desk.agent_id, eleni)
        form = wrap_up_form(session, call)
        assert (form.reason_missing, form.category_missing) == (False, True)
        assert list(form.outcomes) == ["resolved-later", "follow-up", "escalated", "left"]
        with pytest.raises(ValidationError, match="not first contact"):
            wrap_up(session, call, eleni, WrapUp("resolved", "Sorted", "drafted"))
        wrap_up(session, call, eleni, WrapUp("follow-up", "Lab chased", "drafted", category=""))
        closed = session.get(Interaction, call)
        assert (closed.outcome, closed.reason, closed.category) == ("follow-up", "Test results", "")
        [promise] = session.exec(select(Promise).where(Promise.interaction_id == call)).all()
        assert (promise.what, promise.kind, promise.owner_id) == ("Follow up: Test results", "follow-up", eleni)


def test_an_unknown_caller_is_linked_later(desk: Desk) -> None:
    with desk.session() as session:
        interaction = start_interaction(session, desk.agent_id, None, channel="walk-in")
        customer = create_customer(session, CustomerForm(family_name="Rahimi"), desk.agent_id)
        link_customer(session, interaction.id, customer.id, desk.agent_id)
        assert session.get(Interaction, interaction.id).customer_id == customer.id


def test_a_message_for_an_absent_colleague_becomes_their_callback(desk: Desk, call: int, colleagues: tuple[int, int]) -> None:
    eleni, _ = colleagues
    set_clock(lambda: at_local(date(2026, 11, 25), time(10), local_zone()))  # a Wednesday morning, so 13:00 is open
    with desk.session() as session:
        due = utcnow() + timedelta(hours=3)
        with pytest.raises(ValidationError, match="already past"):
            take_message(session, desk.agent_id, eleni, 1, "", "Please call", utcnow() - timedelta(minutes=5))
        with pytest.raises(ValidationError, match="Write down the message"):
            take_message(session, desk.agent_id, eleni, 1, "", "  ", due)
        callback = take_message(session, desk.agent_id, eleni, 1, "Mrs. Johnson", "Asks about the invoice", due, call)
        assert (callback.owner_id, callback.kind, callback.details, callback.due_at) == (eleni, "callback", "Asks about the invoice", due)
        assert [request.owner for request in waiting_requests(session, load_rules(session), owner_id=eleni)] == ["Eleni Georgiou"]


@pytest.mark.parametrize("region", ["", "GB"])
def test_a_callers_number_shows_by_its_last_four_digits_in_lists_and_in_full_on_a_recorded_request(
        desk: Desk, supervisor: int, colleagues: tuple[int, int], region: str) -> None:
    eleni, _ = colleagues
    set_clock(lambda: at_local(date(2026, 11, 25), time(10), local_zone()))
    with desk.session() as session:
        set_rule(session, "phone_region", region, supervisor)
        callback = take_message(session, desk.agent_id, eleni, None, "Mr Patel 07700 900123", "Asks about the invoice",
                                utcnow() + timedelta(hours=3))
        assert [request.who for request in waiting_requests(session, load_rules(session))] == ["Mr Patel ••••• ••0123"]
        assert [row.customer_name for row in promise_rows(session)] == ["Mr Patel ••••• ••0123"]
        assert [item.who for item in live_queue(session, utcnow(), timedelta(hours=24), load_rules(session).phone_regions)
                if item.promise_id == callback.id] == ["Mr Patel ••••• ••0123"]
        assert caller_contact(session, callback.id, desk.agent_id) == "Mr Patel 07700 900123"
        asked = session.exec(select(AuditEvent).where(AuditEvent.action == "view-phone")).one()
        assert (asked.agent_id, asked.entity, asked.entity_id) == (desk.agent_id, "promise", callback.id)


def test_a_missed_call_on_friday_afternoon_is_due_on_monday_morning(desk: Desk, supervisor: int) -> None:
    friday_4_30pm = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
    set_clock(lambda: friday_4_30pm + timedelta(minutes=5))
    with desk.session() as session:
        set_rule(session, "opening_hours", "mon-fri 09:00-17:00", supervisor)
        rules = load_rules(session)
        callback = log_missed_call(session, desk.agent_id, None, "+30 69 1234 5678", friday_4_30pm, rules)
    due = callback.due_at.astimezone(rules.opening_hours.tz)
    assert (due.strftime("%A %H:%M"), callback.contact) == ("Monday 10:30", "+30 69 1234 5678")


def test_waiting_requests_show_the_wait_against_the_response_limit(desk: Desk, supervisor: int) -> None:
    start = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    set_clock(lambda: start)
    with desk.session() as session:
        log_missed_call(session, desk.agent_id, None, "0912 000 1111", start, load_rules(session))
        set_clock(lambda: start + timedelta(hours=25))
        [request] = waiting_requests(session, load_rules(session))
        assert (request.waited, request.over_limit, request.overdue) == (timedelta(hours=25), True, True)
        set_rule(session, "response_limit_hours", "48", supervisor)
        assert not waiting_requests(session, load_rules(session))[0].over_limit


def test_returning_a_callback_starts_the_call_and_keeps_the_promise(desk: Desk) -> None:
    with desk.session() as session:
        callback = log_missed_call(session, desk.agent_id, None, "0912 000 1111", utcnow(), load_rules(session))
        interaction = call_back(session, callback.id, desk.agent_id)
        assert session.get(Promise, callback.id).status == "kept"
        assert interaction.reason == "Return the missed call"
        assert waiting_requests(session, load_rules(session)) == []
        with pytest.raises(ValidationError, match="no longer open"):
            call_back(session, callback.id, desk.agent_id)


def test_a_missed_call_needs_someone_to_call_back_and_cannot_be_in_the_future(desk: Desk) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Say who to call back"):
            log_missed_call(session, desk.agent_id, None, " ", utcnow(), load_rules(session))
        with pytest.raises(ValidationError, match="future"):
            log_missed_call(session, desk.agent_id, None, "555", utcnow() + timedelta(hours=1), load_rules(session))


def test_desk_rules_refuse_what_they_cannot_read(desk: Desk, supervisor: int) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Opening hours"):
            set_rule(session, "opening_hours", "every day, sort of", supervisor)
        with pytest.raises(ValidationError, match="more than zero"):
            set_rule(session, "callback_within_hours", "-1", supervisor)
        with pytest.raises(ValidationError, match="Unknown setting"):
            set_rule(session, "coffee", "yes", supervisor)
        assert load_rules(session).callback_within == timedelta(hours=2)


def test_only_supervisors_edit_reason_categories(desk: Desk, colleagues: tuple[int, int]) -> None:
    eleni, _ = colleagues
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Only a supervisor"):
            add_category(session, "Parking", eleni)
        boss = create_agent(session, "Daniel Brooks", "supervisor")
        category = add_category(session, "Parking", boss.id)
        assert "Parking" in category_names(session)
        set_category_active(session, category.id, False, boss.id)
        assert "Parking" not in category_names(session)
        assert "Billing" in category_names(session)


def test_open_work_says_who_handed_it_over(desk: Desk, call: int, colleagues: tuple[int, int]) -> None:
    eleni, tom = colleagues
    with desk.session() as session:
        hand_off(session, call, desk.agent_id, tom)
        [item] = open_work(session, tom)
        assert (item.interaction_id, item.handed_by) == (call, "Sara Karimi")
        hand_off(session, call, tom, eleni, "Eleni knows the lab")
        assert open_work(session, tom) == []
        [item] = open_work(session, eleni)
        assert item.handed_by == "Tom Baker"
    assert "handed to you by Tom Baker" in open_text(item).plain
    assert ResumeScreen([item]).heading() == "Handed to you and still open. Resume one?"


def test_open_work_lists_what_the_agent_left_open_with_its_draft(desk: Desk, call: int) -> None:
    with desk.session() as session:
        save_draft(session, call, desk.agent_id, "half a sentence")
        [item] = open_work(session, desk.agent_id)
        assert (item.interaction_id, item.who, item.draft, item.handed_by) == (call, "Mary Johnson", "half a sentence", "")
