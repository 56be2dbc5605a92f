"""Customer records: stored exactly as spelled, bad input refused with a reason, every change audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from frontdesk.db.models import AuditEvent, Customer, CustomerAlias, Interaction, Note, Promise
from frontdesk.services.desk import Desk
from frontdesk.services.audit import events_for
from frontdesk.services.customer_form import CustomerForm, form_from_query
from frontdesk.services.customers import aliases_of, create_customer, full_name, get_customer, update_customer
from frontdesk.services.interactions import start_interaction
from frontdesk.services.notes import add_note
from frontdesk.services.merge import merge_customers
from frontdesk.services.promises import make_promise
from frontdesk.clock.now import utcnow
from frontdesk.services.validation import ValidationError

NAMES_AS_SPELLED = [
    ("Mary", "Johnson"),
    ("مریم", "نیک‌نام"),  # the ZWNJ inside the family name must survive
    ("Ελένη", "Παπαδοπούλου"),
    ("Zoë", "O'Brien-Łukasiewicz"),
    ("[bold]Ann[/]", "[link=x]Smith"),
    ("Ann 🌷", "Lee"),
]


@pytest.mark.parametrize(("given", "family"), NAMES_AS_SPELLED)
def test_names_are_stored_exactly_as_the_customer_spells_them(desk: Desk, given: str, family: str) -> None:
    with desk.session() as session:
        created = create_customer(session, CustomerForm(given_name=given, family_name=family), desk.agent_id)
    with desk.session() as session:
        stored = get_customer(session, created.id)
    assert (stored.given_name, stored.family_name) == (given, family)
    assert stored.created_by_id == desk.agent_id


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (CustomerForm(given_name="   ", family_name="\t"), "family_name", "given name or a family name"),
        (CustomerForm(family_name="x" * 10_000), "family_name", "too long"),
        (CustomerForm(family_name="Smith\x1b[31m"), "family_name", "control character"),
        (CustomerForm(family_name="Smith\u202egnp.exe"), "family_name", "direction control"),
        (CustomerForm(family_name="Smith", phones=("call me",)), "phones", "phone number"),
        (CustomerForm(family_name="Smith", email="not-an-email"), "email", "email address"),
        (CustomerForm(family_name="Smith", birth_date="31/02/1990"), "birth_date", "not a date"),
        (CustomerForm(family_name="Smith", birth_date="2999-01-01"), "birth_date", "future"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_nothing_is_stored(desk: Desk, form: CustomerForm, field: str, message: str) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match=message) as raised:
            create_customer(session, form, desk.agent_id)
        assert raised.value.field == field
        assert session.exec(select(func.count()).select_from(Customer)).one() == 0


def test_birth_dates_and_phones_in_persian_digits_are_understood(desk: Desk) -> None:
    form = CustomerForm(family_name="رحیمی", birth_date="۱۳/۰۴/۱۹۷۵", phones=("۰۹۱۲ ۳۴۵ ۶۷۸۹",))
    with desk.session() as session:
        customer = create_customer(session, form, desk.agent_id)
    assert customer.birth_date == date(1975, 4, 13)
    assert customer.phones == ["۰۹۱۲ ۳۴۵ ۶۷۸۹"]


def test_a_corrected_spelling_is_kept_as_an_alias_and_audited(desk: Desk) -> None:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(given_name="Mary", family_name="Jonson"), desk.agent_id)
        update_customer(session, customer.id, CustomerForm(given_name="Mary", family_name="Johnson"), desk.agent_id)
        assert aliases_of(session, customer.id) == ["Mary Jonson"]
        assert full_name(get_customer(session, customer.id)) == "Mary Johnson"
        actions = [(event.action, event.agent_id) for event in events_for(session, "customer", customer.id)]
    assert actions == [("create", desk.agent_id), ("update", desk.agent_id)]


def test_merging_moves_every_interaction_note_and_promise(desk: Desk) -> None:
    with desk.session() as session:
        keep = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson", street="12 Jackson Avenue"), desk.agent_id)
        gone = create_customer(session, CustomerForm(given_name="Mary", family_name="Jonsen", phones=("555 0100",)), desk.agent_id)
        for customer in (keep, gone, gone):
            interaction = start_interaction(session, desk.agent_id, customer.id)
            add_note(session, interaction.id, desk.agent_id, f"note for {customer.id}")
        make_promise(session, desk.agent_id, gone.id, "Call back", utcnow())
        before = {table: session.exec(select(func.count()).select_from(table)).one() for table in (Interaction, Note, Promise)}

        result = merge_customers(session, keep.id, gone.id, desk.agent_id)

        after = {table: session.exec(select(func.count()).select_from(table)).one() for table in (Interaction, Note, Promise)}
        assert after == before
        assert (result.interactions_moved, result.promises_moved) == (2, 1)
        assert session.exec(select(func.count()).select_from(Interaction).where(Interaction.customer_id == keep.id)).one() == 3
        assert session.exec(select(Promise)).one().customer_id == keep.id
        assert aliases_of(session, keep.id) == ["Mary Jonsen"]
        assert get_customer(session, keep.id).phones == ["555 0100"]
        assert session.get(Customer, gone.id).merged_into_id == keep.id
        assert session.exec(select(AuditEvent).where(AuditEvent.action == "merge")).one().entity_id == keep.id
        assert session.exec(select(func.count()).select_from(CustomerAlias)).one() == 1


def test_a_record_cannot_be_merged_into_itself(desk: Desk) -> None:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(family_name="Lee"), desk.agent_id)
        with pytest.raises(ValidationError, match="itself"):
            merge_customers(session, customer.id, customer.id, desk.agent_id)


def test_viewing_a_record_is_audited(desk: Desk) -> None:
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(family_name="Lee"), desk.agent_id)
        get_customer(session, customer.id, viewed_by=desk.agent_id)
        assert [event.action for event in events_for(session, "customer", customer.id)] == ["create", "view"]


def test_notes_keep_long_text_and_right_to_left_text_exactly(desk: Desk) -> None:
    long_note = "بیمار گفت: «درد دارم» " * 5000
    with desk.session() as session:
        interaction = start_interaction(session, desk.agent_id, None)
        note = add_note(session, interaction.id, desk.agent_id, long_note.strip())
    assert note.text == long_note.strip()


@pytest.mark.parametrize(("query", "honorific", "given", "family"), [
    ("mary", "", "Mary", ""),  # one word: the name people are greeted by
    ("مریم", "", "مریم", ""),
    ("μαρία", "", "Μαρία", ""),
    ("Mary Jonson", "", "Mary", "Jonson"),
    ("mary ann johnson", "", "Mary Ann", "Johnson"),
    ("mrs johnson", "Mrs", "", "Johnson"),  # after an honorific one word is the family name
    ("Κα Παπαδοπούλου", "Κα", "", "Παπαδοπούλου"),
    ("خانم نیک‌نام", "خانم", "", "نیک‌نام"),
    ("Mrs. Mary Johnson", "Mrs.", "Mary", "Johnson"),
    ("mary johnson 12 jackson avenue", "", "Mary", "Johnson"),  # the address is not part of the name
    ("mary 0912 111 2233", "", "Mary", ""),
    ("McDonald", "", "McDonald", ""),  # typed with capitals: kept as typed
    ("0912 111 2233", "", "", ""),
    ("", "", "", ""),
])
def test_a_new_customers_name_is_taken_from_the_query_where_a_receptionist_expects_it(
        query: str, honorific: str, given: str, family: str) -> None:
    named = form_from_query(query)
    assert (named.honorific, named.given_name, named.family_name) == (honorific, given, family)
