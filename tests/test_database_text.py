"""Text is stored exactly on both databases, and text no column can hold is refused in words."""

from __future__ import annotations

from itertools import product

import pytest
from sqlmodel import Session, select

from frontdesk.db.models import Customer, DeskSetting, Interaction, Note
from frontdesk.db.types import ESCAPE, escape_nul, restore_nul
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note, draft_of, notes_of, save_draft
from frontdesk.services.validation import ValidationError
from frontdesk.services.wrap_up import WrapUp, wrap_up

AWKWARD = f"pasted \x00 null, {ESCAPE}0 looks escaped, {ESCAPE}{ESCAPE} doubled, \x00{ESCAPE}"
"""NUL, and the escape character in every position the escape could be confused by, ending on it."""


def test_the_escape_round_trips_every_short_string_of_the_characters_that_matter() -> None:
    for length in range(6):
        for chars in product(["\x00", ESCAPE, "0", "a"], repeat=length):
            value = "".join(chars)
            assert "\x00" not in escape_nul(value)
            assert restore_nul(escape_nul(value)) == value


def test_the_escape_round_trips_any_text() -> None:
    hypothesis = pytest.importorskip("hypothesis", reason="in the test extra: pip install -e '.[test]'")
    strategies = hypothesis.strategies
    alphabet = strategies.sampled_from(["\x00", ESCAPE, "0"]) | strategies.characters()

    @hypothesis.given(strategies.text(alphabet=alphabet))
    def round_trips(value: str) -> None:
        assert "\x00" not in escape_nul(value)
        assert restore_nul(escape_nul(value)) == value

    round_trips()


def test_a_note_a_draft_a_summary_and_a_name_come_back_exactly(desk: Desk) -> None:
    with desk.session() as session:
        customer = Customer(given_name=AWKWARD, family_name="Johnson")
        session.add(customer)
        session.commit()
        call = start_interaction(session, desk.agent_id, customer.id, reason="Test results").id
        add_note(session, call, desk.agent_id, AWKWARD)
        other = start_interaction(session, desk.agent_id, customer.id, reason="Second line").id
        save_draft(session, other, desk.agent_id, AWKWARD)
        wrap_up(session, call, desk.agent_id, WrapUp(outcome="resolved", summary=AWKWARD, drafted_summary=""))
    with desk.reading() as session:  # a new session: the values come from the database, not the identity map
        assert session.get(Customer, customer.id).given_name == AWKWARD
        assert notes_of(session, call)[-1].text == AWKWARD
        assert draft_of(session, other, desk.agent_id).text == AWKWARD
        assert session.get(Interaction, call).summary == AWKWARD


def test_a_value_with_nul_can_be_searched_for(desk: Desk) -> None:
    """Comparisons escape their parameter as the column does, so a stored NUL is found by equality."""
    with desk.session() as session:
        session.add(Customer(family_name=f"Nul\x00{ESCAPE}son"))
        session.commit()
    with desk.reading() as session:
        found = session.exec(select(Customer).where(Customer.family_name == f"Nul\x00{ESCAPE}son")).one()
        assert found.family_name == f"Nul\x00{ESCAPE}son"


def test_an_over_long_value_is_refused_before_the_database_sees_it(desk: Desk) -> None:
    with desk.session() as session:
        session.add(DeskSetting(key="currency", value="x" * 2001))
        with pytest.raises(ValidationError, match=r"desk setting's value is too long \(2,001 characters; at most 2,000\)"):
            session.commit()
        session.rollback()
        session.add(DeskSetting(key="currency", value="x" * 2000))
        session.commit()
    with desk.reading() as session:
        assert len(session.get(DeskSetting, "currency").value) == 2000


def test_an_edit_that_makes_a_value_too_long_is_refused_and_the_row_keeps_its_value(desk: Desk) -> None:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id)
    with desk.session() as session:
        row = session.get(Customer, customer.id)
        row.city = "Springfield" * 20
        with pytest.raises(ValidationError, match="customer's city is too long"):
            session.commit()
    with desk.reading() as session:
        assert session.get(Customer, customer.id).city == ""


def test_a_lone_surrogate_is_refused_in_words(desk: Desk) -> None:
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None, reason="Unknown caller").id
        with pytest.raises(ValidationError, match=r"note's text contains U\+DCFF"):
            add_note(session, call, desk.agent_id, "caf\udcff")
    with desk.reading() as session:
        assert notes_of(session, call) == []


def test_text_columns_without_a_limit_take_long_text_on_both_databases(desk: Desk) -> None:
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None, reason="Long paste").id
        add_note(session, call, desk.agent_id, "y" * 100_000)
    with Session(desk.engine) as session:
        assert len(session.exec(select(Note.text)).one()) == 100_000
