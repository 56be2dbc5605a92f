"""One customer with a row in every table that can hold something about them, their name written into all of it.

Export and erasure tests start from this story: a table the story leaves empty would let a test pass
without proving anything, so the tests check that every linked table got rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from frontdesk.clock.now import utcnow
from frontdesk.db.models import GoodwillKind, Outcome, Role
from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer, update_customer
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.facades.calls import LiveCall
from frontdesk.services.facades.greeting import GreetingDesk
from frontdesk.services.goodwill import grant_goodwill
from frontdesk.services.handoffs import hand_off
from frontdesk.services.interactions import start_interaction
from frontdesk.services.kudos import Earned, send_kudos
from frontdesk.services.merge import merge_customers
from frontdesk.services.moods import set_mood
from frontdesk.services.notes import add_note, edit_note, save_draft
from frontdesk.services.promises import make_promise, renegotiate
from frontdesk.services.solutions import OfferedOption, record_offers
from frontdesk.services.wrap_up import WrapUp, wrap_up
from tests.known_secret import KNOWN_SECRET


@dataclass(frozen=True)
class Person:
    customer_id: int
    name: str
    """Written into every free-text field the story touches."""


def supervisor_of(desk: Desk) -> int:
    with desk.session() as session:
        return create_agent(session, "Daniel Brooks", Role.SUPERVISOR, secret=KNOWN_SECRET).id


def customer_with_everything(desk: Desk, given: str, family: str, supervisor_id: int) -> Person:
    """Sara (desk.agent) serves them: a merged duplicate, a corrected spelling, a call with every kind of row."""
    name, agent = f"{given} {family}", desk.agent_id
    with desk.session() as session:
        form = CustomerForm(given_name=given, family_name=family, honorific="Mrs", preferred_address=f"Mrs {family}",
                            pronunciation=f"{family}-pron", phones=(f"+44 20 7946 {len(family):04d}",), email=f"{given}@example.com",
                            street=f"12 {family} Lane", birth_date="1961-03-04", preferences=f"{name} likes mornings")
        customer = create_customer(session, form, agent)
        duplicate = create_customer(session, CustomerForm(given_name=given, family_name=family + "e"), agent)
        merge_customers(session, customer.id, duplicate.id, agent)
        update_customer(session, customer.id, CustomerForm(**{**vars(form), "family_name": family + "s"}), agent)
        update_customer(session, customer.id, form, agent)  # back to the right spelling; the wrong one stays an alias
        call = start_interaction(session, agent, customer.id, reason=f"{name} asks about a refund")
        note = add_note(session, call.id, agent, f"{name} says the parcel was late")
        edit_note(session, note.id, agent, f"{name} says the parcel was very late", verbatim=True)
        save_draft(session, call.id, agent, f"{name} is typing")
        set_mood(session, call.id, agent, "worried")
        record_offers(session, call.id, agent, [OfferedOption(f"Courier for {name}", gives=f"{name} gets a courier")],
                      chosen=0, limitations_explained=True)
        flag_for_manager(session, call.id, agent, f"{name} wants a manager")
        promise = make_promise(session, agent, customer.id, f"Call {name} back", utcnow() + timedelta(days=1),
                               interaction_id=call.id)
        renegotiate(session, promise.id, agent, utcnow() + timedelta(days=2), customer_told=True, note=f"{name} agreed")
        grant_goodwill(session, agent, load_rules(session), kind=GoodwillKind.GESTURE, amount=5, reason=f"Sorry, {name}",
                       customer_id=customer.id, interaction_id=call.id, promise_id=promise.id)
        hand_off(session, call.id, agent, supervisor_id, f"{name} asked for Daniel")
        wrap_up(session, call.id, supervisor_id, WrapUp(Outcome.RESOLVED_LATER, f"{name} got a courier", "drafted",
                                                           satisfaction=4, satisfaction_comment=f"{name}: thanks",
                                                           satisfaction_asked=True))
        send_kudos(session, supervisor_id, agent, f"{name} said you were wonderful", Earned.PRAISE, note.id)
        customer_id = customer.id
    GreetingDesk(desk).card(customer_id)
    LiveCall(desk, call.id).history(customer_id, looked=True)
    return Person(customer_id, name)
