"""Offering real choices and bending policy within a budget, through the service layer."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlmodel import select

from frontdesk.clock.now import set_clock
from frontdesk.db.models import AuditEvent, GoodwillGrant, Interaction
from frontdesk.services.desk import Desk
from frontdesk.services.agents import create_agent, deactivate_agent
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.guards import NotAllowed
from frontdesk.services.goodwill import NeedsApproval, budget_of, grant_goodwill
from frontdesk.services.interactions import start_interaction
from frontdesk.services.solutions import OfferedOption, offers_of, options_for, record_offers, save_option
from frontdesk.services.sign_in import SignInRefused
from frontdesk.services.validation import ValidationError
from tests.known_secret import KNOWN_SECRET

BOSS_SECRET = "boss-1357"


@pytest.fixture
def boss(desk: Desk) -> int:
    with desk.session() as session:
        return create_agent(session, "Daniel Brooks", "supervisor", secret=BOSS_SECRET).id


def test_supervisors_keep_the_catalog_per_category(desk: Desk, boss: int) -> None:
    refund = OfferedOption("Full refund", "Money back in 5 days", "Only with the receipt", goodwill_cost=0)
    with desk.session() as session:
        with pytest.raises(ValidationError, match="Only a supervisor"):
            save_option(session, desk.agent_id, refund, "Refund or exchange")
        save_option(session, boss, refund, "Refund or exchange")
        save_option(session, boss, OfferedOption("Earlier slot", "Next free slot", "Mornings only"), "Appointment")
        assert [option.title for option in options_for(session, "Refund or exchange")] == ["Full refund"]
        assert len(options_for(session, None)) == 2
        for cost in (-5, Decimal("-0.01")):
            with pytest.raises(ValidationError, match="zero or more"):
                save_option(session, boss, OfferedOption("Bad", goodwill_cost=cost), "Appointment")
        for cost, problem in ((Decimal("NaN"), "must be a number"), (Decimal("Infinity"), "must be a number"),
                              (Decimal("12.345"), "at most two decimals")):
            with pytest.raises(ValidationError, match=problem):
                save_option(session, boss, OfferedOption("Bad", goodwill_cost=cost), "Appointment")


def test_offers_and_the_customers_choice_are_recorded(desk: Desk) -> None:
    offered = [OfferedOption("Full refund", limitations="Receipt needed"), OfferedOption("Exchange", limitations="Same price only"),
               OfferedOption("Store credit plus 10%")]
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None).id
        with pytest.raises(ValidationError, match="one of those offered"):
            record_offers(session, call, desk.agent_id, offered, chosen=3, limitations_explained=True)
        with pytest.raises(ValidationError, match="at least one"):
            record_offers(session, call, desk.agent_id, [], chosen=None, limitations_explained=False)
        record_offers(session, call, desk.agent_id, offered, chosen=1, limitations_explained=True)
        assert [(offer.title, offer.chosen) for offer in offers_of(session, call)] == [
            ("Full refund", False), ("Exchange", True), ("Store credit plus 10%", False)]
        interaction = session.get(Interaction, call)
        assert (interaction.solutions_declined, interaction.limitations_explained) == (False, True)


def test_declining_every_option_is_recorded(desk: Desk) -> None:
    with desk.session() as session:
        call = start_interaction(session, desk.agent_id, None).id
        record_offers(session, call, desk.agent_id, [OfferedOption("Refund")], chosen=None, limitations_explained=True)
        assert session.get(Interaction, call).solutions_declined


def test_goodwill_draws_from_the_monthly_budget_and_over_it_needs_a_supervisor(desk: Desk, boss: int) -> None:
    set_clock(lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    with desk.session() as session:
        rules = load_rules(session)
        grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount=30, reason="Parcel lost twice")
        assert budget_of(session, desk.agent_id, rules).left == 20
        with pytest.raises(NeedsApproval, match="more than the 20.00 EUR left"):
            grant_goodwill(session, desk.agent_id, rules, kind="exception", amount=25, reason="Late return accepted")
        with pytest.raises(ValidationError, match="Nobody can approve their own overrun"):
            grant_goodwill(session, desk.agent_id, rules, kind="exception", amount=25, reason="x",
                           approved_by_id=desk.agent_id, approver_secret=KNOWN_SECRET)
        with pytest.raises(SignInRefused, match="Wrong secret"):
            grant_goodwill(session, desk.agent_id, rules, kind="exception", amount=25, reason="x",
                           approved_by_id=boss, approver_secret=KNOWN_SECRET)
        grant = grant_goodwill(session, desk.agent_id, rules, kind="exception", amount=25, reason="Late return accepted",
                               approved_by_id=boss, approver_secret=BOSS_SECRET)
        assert grant.approved_by_id == boss
        assert budget_of(session, desk.agent_id, rules).left == -5
        assert budget_of(session, desk.agent_id, rules).describe() == "5.00 EUR over your budget of 50.00 this month"
        with pytest.raises(NeedsApproval) as overdrawn:
            grant_goodwill(session, desk.agent_id, rules, kind="gesture", amount=12, reason="Parcel lost again")
        assert str(overdrawn.value) == ("Nothing is left in your goodwill budget this month (5.00 EUR over): "
                                        "12.00 EUR needs a supervisor's approval.")
        assert "-" not in str(overdrawn.value)
        assert "approved by" in session.exec(select(AuditEvent).where(AuditEvent.entity == "goodwill")).all()[-1].detail
    set_clock(lambda: datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    with desk.session() as session:
        assert budget_of(session, desk.agent_id, load_rules(session)).left == 50


@pytest.mark.parametrize(("kind", "amount", "reason", "message"), [
    ("bribe", 5, "x", "gesture or a policy exception"),
    ("gesture", -1, "x", "more than zero"),
    ("gesture", 0, "x", "more than zero"),
    ("gesture", Decimal("NaN"), "x", "must be a number"),
    ("gesture", Decimal("Infinity"), "x", "must be a number"),
    ("gesture", Decimal("-Infinity"), "x", "must be a number"),
    ("gesture", Decimal("1e308"), "x", "less than 1000000000"),
    ("gesture", "500.01", "x", "at most 500.00 EUR"),
    ("gesture", "12.345", "x", "at most two decimals"),
    ("gesture", 501, "x", "at most 500.00 EUR"),
    ("gesture", 5, "  ", "reason cannot be empty"),
])
def test_bad_goodwill_is_refused(desk: Desk, kind: str, amount: Decimal | str | int, reason: str, message: str) -> None:
    with desk.session() as session:
        with pytest.raises(ValidationError, match=message):
            grant_goodwill(session, desk.agent_id, load_rules(session), kind=kind, amount=amount, reason=reason)
        assert session.exec(select(GoodwillGrant)).all() == []


def test_the_budget_is_configurable(desk: Desk, boss: int) -> None:
    with desk.session() as session:
        set_rule(session, "goodwill_budget_per_month", "120", boss)
        assert budget_of(session, desk.agent_id, load_rules(session)).describe() == "120.00 EUR left of 120.00 this month"


def test_only_a_supervisor_takes_someone_off_the_desk(desk: Desk, boss: int) -> None:
    with desk.session() as session:
        eleni = create_agent(session, "Eleni Georgiou")
        with pytest.raises(ValidationError, match="Only a supervisor"):
            deactivate_agent(session, eleni.id, desk.agent_id)
        with pytest.raises(ValidationError, match="yourself"):
            deactivate_agent(session, boss, boss)
        assert not deactivate_agent(session, eleni.id, boss).active


def test_a_supervisor_approves_another_supervisors_overrun_but_not_their_own(desk: Desk, boss: int) -> None:
    with desk.session() as session:
        rules = load_rules(session)
        other = create_agent(session, "Maria Papadaki", "supervisor", secret="maria-2468").id
        with pytest.raises(ValidationError, match="their own overrun"):
            grant_goodwill(session, boss, rules, kind="gesture", amount=60, reason="x", approved_by_id=boss, approver_secret=BOSS_SECRET)
        grant = grant_goodwill(session, boss, rules, kind="gesture", amount=60, reason="Lost parcel",
                               approved_by_id=other, approver_secret="maria-2468")
        assert grant.approved_by_id == other


def test_an_agent_cannot_approve_an_overrun_even_with_her_own_secret(desk: Desk) -> None:
    with desk.session() as session:
        rules = load_rules(session)
        tom = create_agent(session, "Tom Baker").id
        with pytest.raises(NotAllowed, match="approve goodwill"):
            grant_goodwill(session, tom, rules, kind="gesture", amount=60, reason="x",
                           approved_by_id=desk.agent_id, approver_secret=KNOWN_SECRET)
        assert session.exec(select(GoodwillGrant)).all() == []
        refused = session.exec(select(AuditEvent).where(AuditEvent.action == "refused")).one()
        assert (refused.agent_id, refused.detail) == (desk.agent_id, "approve_goodwill")
