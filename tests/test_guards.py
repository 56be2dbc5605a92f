"""Every supervisor-only operation, called by an agent, is refused with NotAllowed and the refusal is audited.

GUARDED (frontdesk/services/guards.py) is the one list; CALLS below holds at least one real service call per
name, and a name without one fails here, so a new supervisor-only service cannot be left unchecked.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db.models import AuditEvent, Promise
from frontdesk.services.access_log import access_log
from frontdesk.services.agents import add_agent, create_agent, deactivate_agent, reset_secret
from frontdesk.services.backups import back_up
from frontdesk.services.categories import add_category
from frontdesk.services.customer_export import export_customer
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.erasure import erase_customer
from frontdesk.services.facades.day import DayBoard
from frontdesk.services.facades.kudos import KudosBook
from frontdesk.services.facades.live_queue import LiveQueue
from frontdesk.services.goodwill import grant_goodwill
from frontdesk.services.guards import GUARDED, NotAllowed, require_supervisor
from frontdesk.services.handoffs import take_over
from frontdesk.services.inactive_customers import inactive_customers
from frontdesk.services.interactions import start_interaction
from frontdesk.services.kudos import send_kudos
from frontdesk.services.promises import make_promise, reassign_promise
from frontdesk.services.solutions import OfferedOption, save_option
from tests.known_secret import KNOWN_SECRET


@dataclass(frozen=True)
class Scene:
    """Sara (an agent, signed in at `desk`) and what she would act on: her colleague Tom, his promise and his call."""

    desk: Desk
    tom: int
    toms_promise: int
    toms_call: int
    customer: int
    """Mary Johnson, whom Tom serves."""

    @property
    def sara(self) -> int:
        return self.desk.agent_id


def _in_session(call: Callable[[Session, Scene], object]) -> Callable[[Scene], object]:
    def run(scene: Scene) -> object:
        with scene.desk.session() as session:
            return call(session, scene)

    return run


CALLS: dict[str, dict[str, Callable[[Scene], object]]] = {
    "change_rules": {"set_rule": _in_session(lambda s, scene: set_rule(s, "currency", "GBP", scene.sara))},
    "change_catalog": {"save_option": _in_session(lambda s, scene: save_option(s, scene.sara, OfferedOption("Free coffee"), "Appointment"))},
    "change_categories": {"add_category": _in_session(lambda s, scene: add_category(s, "Parking", scene.sara))},
    "manage_agents": {
        "add_agent": _in_session(lambda s, scene: add_agent(s, "Nikos Georgiou", "supervisor", "nikos-2468", scene.sara)),
        "reset_secret": _in_session(lambda s, scene: reset_secret(s, scene.tom, "tom-new-1", scene.sara)),
        "deactivate_agent": _in_session(lambda s, scene: deactivate_agent(s, scene.tom, scene.sara)),
    },
    "approve_goodwill": {"grant_goodwill": _in_session(lambda s, scene: grant_goodwill(
        s, scene.tom, load_rules(s), kind="gesture", amount=80, reason="Lost parcel",
        approved_by_id=scene.sara, approver_secret=KNOWN_SECRET))},
    "reassign_promise": {"reassign_promise": _in_session(lambda s, scene: reassign_promise(s, scene.toms_promise, scene.sara, scene.sara))},
    "read_day_figures": {
        "DayBoard.today": lambda scene: DayBoard(scene.desk).today(),
        "LiveQueue.items": lambda scene: LiveQueue(scene.desk).items(),
        "KudosBook.suggestions": lambda scene: KudosBook(scene.desk).suggestions(),
    },
    "take_over_calls": {"take_over": _in_session(lambda s, scene: take_over(s, scene.toms_call, scene.sara, scene.tom))},
    "send_kudos": {"send_kudos": _in_session(lambda s, scene: send_kudos(s, scene.sara, scene.tom, "Well done"))},
    "export_customer": {"export_customer": _in_session(lambda s, scene: export_customer(s, scene.desk, scene.customer))},
    "erase_customer": {
        "erase_customer": _in_session(lambda s, scene: erase_customer(s, scene.sara, scene.customer, "asked by letter")),
        "inactive_customers": _in_session(lambda s, scene: inactive_customers(s, scene.sara)),
    },
    "read_access_log": {"access_log": _in_session(lambda s, scene: access_log(s, scene.sara, scene.customer))},
    "backup": {"back_up": lambda scene: back_up(scene.desk, Path(tempfile.gettempdir()) / "never-written.sqlite")},
}

def _cases() -> list[object]:
    cases: list[object] = []
    for operation in GUARDED:
        for name, call in CALLS.get(operation, {}).items():
            cases.append(pytest.param(operation, call, id=f"{operation}-{name}"))
    return cases


@pytest.fixture
def scene(desk: Desk) -> Scene:
    with desk.session() as session:
        tom = create_agent(session, "Tom Baker", secret="tom-1234").id
        customer = create_customer(session, CustomerForm(given_name="Mary", family_name="Johnson"), tom).id
        promise = make_promise(session, tom, customer, "Call back about the invoice", utcnow() + timedelta(days=1)).id
        call = start_interaction(session, tom, customer).id
    return Scene(desk, tom, promise, call, customer)


def test_every_guarded_operation_has_a_call_here() -> None:
    assert set(CALLS) == set(GUARDED)


@pytest.mark.parametrize(("operation", "call"), _cases())
def test_an_agent_cannot_reach_a_supervisors_operation(scene: Scene, operation: str, call: Callable[[Scene], object]) -> None:
    with pytest.raises(NotAllowed) as refused:
        call(scene)
    assert refused.value.operation == operation
    assert str(refused.value) == f"Only a supervisor can {GUARDED[operation]}."
    with scene.desk.reading() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "refused")).one()
        assert (event.agent_id, event.detail) == (scene.sara, operation)
        assert session.get(Promise, scene.toms_promise).owner_id == scene.tom


def test_an_operation_not_in_the_list_is_a_mistake_not_a_refusal(desk: Desk) -> None:
    with desk.session() as session, pytest.raises(KeyError, match="not listed in GUARDED"):
        require_supervisor(session, desk.agent_id, "launch_rockets")
