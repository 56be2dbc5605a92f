"""Kudos through the services: what the desk suggests, sending one, and the agent seeing it once at sign-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.clock.now import set_clock
from frontdesk.db.models import Mood, Outcome, Role
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.facades.kudos import KudosBook, KudosDraft
from frontdesk.services.guards import NotAllowed
from frontdesk.services.interactions import start_interaction
from frontdesk.services.kudos import Earned, kudos_counts
from frontdesk.services.moods import set_mood
from frontdesk.services.notes import add_note
from frontdesk.services.promises import close_late, keep_promise, make_promise
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import WrapUp, wrap_up
from tests.test_live_queue import signed_in_as
from tests.test_statement_counts import counted

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def clock_at(moment: datetime) -> None:
    set_clock(lambda: moment)


def rated(rating: int) -> WrapUp:
    return WrapUp(Outcome.RESOLVED, "Sorted out", "", satisfaction=rating, satisfaction_asked=True)


def worthy_desk(desk: Desk) -> dict[str, int]:
    """Monday: Sara calms an upset customer who rates her 5 and thanks her; Tom is thanked in Greek and keeps a
    promise two days early. Around them, what must not be suggested: a complaint in the customer's words, a thank-you
    that is the agent's own note, an angry customer left merely worried, a promise kept on time and one kept late."""
    clock_at(MONDAY_9)
    with desk.session() as session:
        sara, daniel = desk.agent_id, create_agent(session, "Daniel Brooks", Role.SUPERVISOR).id
        tom = create_agent(session, "Tom Baker").id
        mary = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), sara).id
        eleni = create_customer(session, CustomerForm(given_name="Ελένη", family_name="Παππά"), sara).id
        kept_early = make_promise(session, tom, eleni, "Send the warranty card", MONDAY_9 + timedelta(days=2, hours=2)).id
        on_time = make_promise(session, sara, mary, "Email the receipt", MONDAY_9 + timedelta(hours=3, minutes=30)).id
        late = make_promise(session, sara, mary, "Call with the repair date", MONDAY_9 + timedelta(hours=1)).id
        calmed = start_interaction(session, sara, mary, reason="Double charge").id
        set_mood(session, calmed, sara, Mood.UPSET)
        add_note(session, calmed, sara, "I want my money back today", verbatim=True)
        add_note(session, calmed, sara, "Thanked her for waiting")
        clock_at(MONDAY_9 + timedelta(minutes=20))
        praise = add_note(session, calmed, sara, "Thank you, you were so patient with me", verbatim=True).id
        set_mood(session, calmed, sara, Mood.CALM)
        wrap_up(session, calmed, sara, rated(5))
        clock_at(MONDAY_9 + timedelta(hours=1))
        worried = start_interaction(session, tom, eleni, reason="Broken kettle").id
        set_mood(session, worried, tom, Mood.ANGRY)
        greek = add_note(session, worried, tom, "Ευχαριστώ πολύ για την υπομονή", verbatim=True).id
        set_mood(session, worried, tom, Mood.WORRIED)
        wrap_up(session, worried, tom, rated(4))
        clock_at(MONDAY_9 + timedelta(hours=3))
        keep_promise(session, kept_early, tom, "Posted")
        keep_promise(session, on_time, sara, "Sent")
        close_late(session, late, sara, apology="Sorry for the wait", make_good="Free delivery")
    return {"sara": sara, "tom": tom, "daniel": daniel, "calmed": calmed, "praise": praise, "greek": greek,
            "kept_early": kept_early}


def test_the_desk_suggests_ratings_of_5_praise_promises_kept_early_and_customers_calmed(desk: Desk) -> None:
    ids = worthy_desk(desk)
    suggestions = KudosBook(signed_in_as(desk, ids["daniel"])).suggestions()
    assert [(s.earned, s.source_id, s.agent, s.who, s.why) for s in suggestions] == [
        (Earned.KEPT_EARLY, ids["kept_early"], "Tom Baker", "Ελένη Παππά", "Kept “Send the warranty card” 47 h early"),
        (Earned.PRAISE, ids["greek"], "Tom Baker", "Ελένη Παππά", "“Ευχαριστώ πολύ για την υπομονή”"),
        (Earned.PRAISE, ids["praise"], "Sara Karimi", "Mary Johnson", "“Thank you, you were so patient with me”"),
        (Earned.RATING, ids["calmed"], "Sara Karimi", "Mary Johnson", "Rated 5"),
        (Earned.CALMED, ids["calmed"], "Sara Karimi", "Mary Johnson", "Upset at first, calm at the end"),
    ]


def test_kudos_sent_for_a_suggestion_take_it_off_the_list_and_cannot_be_sent_twice(desk: Desk) -> None:
    ids = worthy_desk(desk)
    book = KudosBook(signed_in_as(desk, ids["daniel"]))
    book.send(KudosDraft(ids["sara"], "Thank you for staying so calm with Mrs Johnson", Earned.RATING, ids["calmed"]))
    assert (Earned.RATING, ids["calmed"]) not in {(s.earned, s.source_id) for s in book.suggestions()}
    assert len(book.suggestions()) == 4
    with pytest.raises(ValidationError, match="Daniel Brooks already sent kudos for this"):
        book.send(KudosDraft(ids["sara"], "Again", Earned.RATING, ids["calmed"]))


def test_a_kudos_needs_a_note_and_a_colleague(desk: Desk) -> None:
    ids = worthy_desk(desk)
    book = KudosBook(signed_in_as(desk, ids["daniel"]))
    with pytest.raises(ValidationError, match="note"):
        book.send(KudosDraft(ids["sara"], "   "))
    with pytest.raises(ValidationError, match="not to yourself"):
        book.send(KudosDraft(ids["daniel"], "Well done me"))
    assert [agent.name for agent in book.recipients()] == ["Sara Karimi", "Tom Baker"]


def test_agents_can_neither_send_kudos_nor_see_the_suggestions(desk: Desk) -> None:
    ids = worthy_desk(desk)
    book = KudosBook(signed_in_as(desk, ids["sara"]))
    with pytest.raises(NotAllowed, match="Only a supervisor can send kudos"):
        book.send(KudosDraft(ids["tom"], "Nice work"))
    with pytest.raises(NotAllowed):
        book.suggestions()


def test_the_agent_sees_kudos_once_at_sign_in_and_always_in_their_list(desk: Desk) -> None:
    ids = worthy_desk(desk)
    KudosBook(signed_in_as(desk, ids["daniel"])).send(KudosDraft(ids["tom"], "Two days early: brilliant", Earned.KEPT_EARLY, ids["kept_early"]))
    clock_at(MONDAY_9 + timedelta(hours=4))
    KudosBook(desk).send(KudosDraft(ids["tom"], "Thanks for covering the desk"))
    tom = KudosBook(signed_in_as(Desk(engine=desk.engine), ids["tom"]))
    shown = tom.unseen()
    assert [(row.sender, row.note, row.earned) for row in shown] == [
        ("Daniel Brooks", "Thanks for covering the desk", ""),
        ("Daniel Brooks", "Two days early: brilliant", "a promise kept early"),
    ]
    assert tom.unseen() == ()  # the next sign-in shows nothing again
    assert tom.mine() == shown
    assert KudosBook(desk).mine() == ()  # Daniel received none


def test_kudos_are_counted_per_agent_in_a_range(desk: Desk) -> None:
    ids = worthy_desk(desk)
    book = KudosBook(signed_in_as(desk, ids["daniel"]))
    book.send(KudosDraft(ids["sara"], "Calm and kind", Earned.CALMED, ids["calmed"]))
    book.send(KudosDraft(ids["tom"], "Early again"))
    clock_at(MONDAY_9 + timedelta(days=1))
    book.send(KudosDraft(ids["sara"], "Tuesday too"))
    with desk.reading() as session:
        monday = kudos_counts(session, MONDAY_9 - timedelta(hours=9), MONDAY_9 + timedelta(hours=15))
        week = kudos_counts(session, MONDAY_9 - timedelta(hours=9), MONDAY_9 + timedelta(days=7))
    assert monday == {ids["sara"]: 1, ids["tom"]: 1}
    assert week == {ids["sara"]: 2, ids["tom"]: 1}


def test_the_suggestions_cost_the_same_few_statements_however_much_was_worth_thanking(desk: Desk) -> None:
    ids = worthy_desk(desk)
    book = KudosBook(signed_in_as(desk, ids["daniel"]))
    with counted(desk) as statements:
        before = book.suggestions()
    with desk.session() as session:
        for _ in range(3):
            thanked = start_interaction(session, ids["tom"], None, reason="Lost parcel").id
            set_mood(session, thanked, ids["tom"], Mood.ANGRY)
            add_note(session, thanked, ids["tom"], "Brilliant, thanks", verbatim=True)
            set_mood(session, thanked, ids["tom"], Mood.CALM)
            wrap_up(session, thanked, ids["tom"], rated(5))
    with counted(desk) as statements_after:
        after = book.suggestions()
    assert len(after) == len(before) + 9
    assert len(statements_after) == len(statements) <= 8, statements_after
