"""A customer's requests about their data: who looked, everything held about them, and being forgotten."""

from __future__ import annotations

import json
import queue
from pathlib import Path

import pytest
from sqlalchemy import JSON, String, Text
from sqlmodel import SQLModel, func, select

from customer_story import Person, customer_with_everything, supervisor_of
from frontdesk.db.models import Agent, AuditEvent, Customer, Interaction
from frontdesk.services.agents import as_colleague, find_agent
from frontdesk.services.customer_rows import linked_tables, models_by_table
from frontdesk.services.day import day_summary
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules, set_rule
from frontdesk.services.erasure import KEPT, PERSONAL
from frontdesk.services.facades.customer_requests import CustomerRequests
from frontdesk.services.facades.greeting import GreetingDesk
from frontdesk.services.feed.desk_feed import DeskFeed
from frontdesk.services.goodwill import budget_of
from frontdesk.services.guards import NotAllowed
from frontdesk.services.validation import ValidationError

NOT_ABOUT_CUSTOMERS = {"agent", "desksetting", "reasoncategory", "solutionoption", "deskchange", "terminal", "auditevent",
                       "kudos"}
"""Staff, rules, catalogs, the feed (ids only, pruned after a day), presence, the audit trail (exported apart),
and kudos (a supervisor's thanks to an agent; it points at the call or promise it was for by id only)."""


def signed_in_as(desk: Desk, agent_id: int, desk_name: str) -> Desk:
    """Another terminal on the same database, with this agent at it."""
    with desk.session() as session:
        agent = as_colleague(session.get(Agent, agent_id))
    return Desk(engine=desk.engine, agent=agent, desk_name=desk_name)


@pytest.fixture
def story(desk: Desk) -> tuple[Person, Person, CustomerRequests]:
    """Two customers with everything, and the supervisor's requests at the back office."""
    supervisor = supervisor_of(desk)
    first = customer_with_everything(desk, "Zebediah", "Quillfeather", supervisor)
    second = customer_with_everything(desk, "Ottoline", "Brackenbury", supervisor)
    return first, second, CustomerRequests(signed_in_as(desk, supervisor, "Back office"))


def every_row(desk: Desk, table: str) -> set[int]:
    model = models_by_table()[table]
    with desk.reading() as session:
        return set(session.exec(select(model.id)))


def exported_ids(document: dict, table: str) -> set[int]:
    return {row["id"] for row in document["sections"].get(table, {"rows": []})["rows"]}


def test_an_export_holds_every_row_about_the_customer_and_none_about_anyone_else(desk: Desk, story) -> None:
    first, second, requests = story
    exports = [requests.export(person.customer_id) for person in (first, second)]
    personal_tables = [table for table in SQLModel.metadata.tables if table not in NOT_ABOUT_CUSTOMERS]
    assert {table.name for table in linked_tables()} == set(personal_tables)
    for table in personal_tables:
        mine, theirs = (exported_ids(document, table) for document in exports)
        assert mine and theirs, f"the story left {table} empty for someone, so the test would prove nothing"
        assert not mine & theirs, table
        assert mine | theirs == every_row(desk, table), f"{table}: rows held but not exported"
    document = exports[0]
    assert json.loads(json.dumps(document)) == document
    assert document["records_merged_into_this_one"], "the merged duplicate is the same person's"
    assert {row["purpose"] for row in document["sections"]["customeraccess"]["rows"]} == {"greeting", "call", "export"}
    assert any(first.name in row["text"] for row in document["sections"]["note"]["rows"])
    assert any(first.name in row["previous_text"] for row in document["sections"]["noteedit"]["rows"])
    assert document["audit_trail"]
    assert [row["note"] for row in document["kudos_about_them"]] == [f"{first.name} said you were wonderful"]
    assert [row["note"] for row in exports[1]["kudos_about_them"]] == [f"{second.name} said you were wonderful"]


def test_the_access_log_says_who_looked_from_where_and_why(desk: Desk, story) -> None:
    first, _, requests = story
    GreetingDesk(desk).card(first.customer_id, audited=False)  # a reload for another desk's change is not a look
    entries = requests.access_log(first.customer_id)
    assert [(entry.agent, entry.desk_name, entry.purpose) for entry in entries] == [
        ("Sara Karimi", desk.desk_name, "greeting"), ("Sara Karimi", desk.desk_name, "call")]
    requests.export(first.customer_id)
    assert [entry.purpose for entry in requests.access_log(first.customer_id)][-1] == "export"
    assert requests.access_log(first.customer_id)[-1].desk_name == "Back office"


@pytest.mark.parametrize("request_of", [
    lambda requests, person: requests.export(person.customer_id),
    lambda requests, person: requests.erase(person.customer_id, "asked by phone"),
    lambda requests, person: requests.access_log(person.customer_id),
    lambda requests, person: requests.inactive(),
], ids=["export", "erase", "access-log", "inactive"])
def test_an_agent_is_refused_every_request_and_the_refusal_is_audited(desk: Desk, story, request_of) -> None:
    first, _, _ = story
    with pytest.raises(NotAllowed):
        request_of(CustomerRequests(desk), first)
    with desk.reading() as session:
        refused = session.exec(select(AuditEvent).where(AuditEvent.action == "refused")).all()
        assert [event.agent_id for event in refused] == [desk.agent_id]
        assert session.get(Customer, first.customer_id).erased_at is None


def test_every_text_column_about_a_customer_is_either_erased_or_kept_on_purpose() -> None:
    for table in linked_tables():
        texts = {column.key for column in table.columns if isinstance(column.type, (String, Text, JSON))}
        classified = set(PERSONAL.get(table.name, ())) | set(KEPT.get(table.name, ()))
        assert texts <= classified, f"{table.name}: say whether {sorted(texts - classified)} is erased or kept"
        assert classified <= {column.key for column in table.columns}, table.name


def figures(desk: Desk) -> tuple:
    """What the day's and month's figures are made of: counts, outcomes, ratings, goodwill spent."""
    with desk.reading() as session:
        outcomes = sorted(session.exec(select(Interaction.outcome, Interaction.satisfaction, Interaction.started_at)).all())
        spent = [budget_of(session, agent.id, load_rules(session)).used for agent in session.exec(select(Agent))]
        supervisor = find_agent(session, "Daniel Brooks").id
        return day_summary(session, supervisor), outcomes, spent, session.exec(select(func.count()).select_from(Customer)).one()


def every_text_in_the_database(desk: Desk) -> str:
    chunks: list[str] = []
    with desk.reading() as session:
        for model in models_by_table().values():
            for row in session.exec(select(model)):
                chunks.append(repr(row.model_dump()))
    return "\n".join(chunks)


def test_erasure_replaces_everything_personal_and_keeps_the_figures(desk: Desk, story) -> None:
    first, second, requests = story
    before = figures(desk)
    done = requests.erase(first.customer_id, "asked in writing, ticket 41")
    assert done.erasure.records == 2
    assert figures(desk) == before
    everything = every_text_in_the_database(desk)
    for trace in ("Zebediah", "Quillfeather", "12 Quillfeather", "7946 0012", "1961-03-04", "Quillfeather-pron"):
        assert trace not in everything.replace(second.name, ""), trace
    assert second.name in everything, "the other customer is untouched"
    with desk.reading() as session:
        erasures = session.exec(select(AuditEvent).where(AuditEvent.action == "erase")).all()
    assert [(event.entity_id, event.detail, event.agent_id) for event in erasures] == [
        (first.customer_id, "asked in writing, ticket 41", requests.desk.agent_id)]
    with pytest.raises(ValidationError, match="already erased by Daniel Brooks"):
        requests.erase(first.customer_id, "again")
    assert GreetingDesk(desk).card(first.customer_id).card is None


def test_after_erasure_and_checkpoint_the_name_is_nowhere_in_the_sqlite_file_or_its_wal(desk: Desk, story, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("reads the database file's bytes; PostgreSQL's files belong to the server (see the README)")
    first, second, requests = story
    database = Path(desk.engine.url.database)
    wal = database.with_name(database.name + "-wal")
    assert b"Quillfeather" in database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert requests.erase(first.customer_id, "asked by phone").scrubbed
    held = database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for trace in ("Zebediah", "Quillfeather", "7946 0012"):
        assert trace.encode() not in held, trace
    assert second.name.encode() in held


def test_the_lookup_forgets_an_erased_customer_at_every_terminal(desk: Desk, story) -> None:
    first, _, requests = story
    other = signed_in_as(desk, desk.agent_id, "Front 2")
    with other.reading() as session:
        other.directory.load(session)
    assert [match.customer_id for match in other.directory.search("Zebediah Quillfeather")][:1] == [first.customer_id]
    heard: queue.Queue = queue.Queue()
    feed = DeskFeed(other, heard.put).start()
    try:
        assert feed.wait_connected(10)
        requests.erase(first.customer_id, "asked by phone")
        while not any(change.kind == "customer" and change.action == "erased" for change in heard.get(timeout=10)):
            pass
    finally:
        feed.stop()
    assert first.customer_id not in [match.customer_id for match in other.directory.search("Zebediah Quillfeather")]


def test_customers_away_longer_than_the_rule_are_listed_for_erasure(desk: Desk, story) -> None:
    first, second, requests = story
    assert requests.inactive() == (), "the rule is off by default"
    with desk.session() as session:
        set_rule(session, "erase_inactive_after_years", "2", requests.desk.agent_id)
        session.get(Customer, first.customer_id).created_at = Customer().created_at.replace(year=2020)
        for interaction in session.exec(select(Interaction).where(Interaction.customer_id == first.customer_id)):
            interaction.started_at = interaction.started_at.replace(year=2021)
        session.commit()
    assert [customer.customer_id for customer in requests.inactive()] == [first.customer_id]
    with desk.session() as session, pytest.raises(ValidationError):
        set_rule(session, "erase_inactive_after_years", "-1", requests.desk.agent_id)


def test_an_export_is_written_to_a_new_file_only_its_owner_can_read(desk: Desk, story, tmp_path: Path) -> None:
    first, _, requests = story
    written = requests.export_to_file(first.customer_id, str(tmp_path / "zebediah.json"))
    assert json.loads(written.read_text(encoding="utf-8"))["customer_id"] == first.customer_id
    assert written.stat().st_mode & 0o077 == 0
    with pytest.raises(ValidationError, match="already exists"):
        requests.export_to_file(first.customer_id, str(written))
