"""The desk-wide change feed: what one terminal commits, every other terminal hears within a second.

Two Desks (two engines, as two terminals would have) share one database; the second one's feed
must hear the first one's work with the right kind and ids, and its lookup index must follow.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlmodel import Session, select

from frontdesk.clock.now import utcnow
from frontdesk.db import change_log
from frontdesk.db.models import Customer, DeskChange, Note
from frontdesk.services import importing, presence
from frontdesk.services.agents import as_colleague, create_agent
from frontdesk.services.callbacks import take_message
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer, update_customer
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.desk import Desk, open_desk
from frontdesk.services.feed import DeskFeed
from frontdesk.services.feed import watcher as feed_watcher
from frontdesk.services.feed.postgres_watcher import APPLICATION_NAME
from frontdesk.services.handoffs import hand_off
from frontdesk.services.interactions import start_interaction
from frontdesk.services.merge import merge_customers
from frontdesk.services.notes import add_note, save_draft
from frontdesk.services.promises import keep_promise, make_promise
from frontdesk.services.wrap_up import WrapUp, wrap_up
from tests.heard import DELIVERY_LIMIT, Heard
from tests.known_secret import KNOWN_SECRET

SETTLE = 0.4
"""Seconds to keep listening when a test asserts that nothing more arrives (several watcher looks)."""


@dataclass
class Terminals:
    here: Desk
    """Where the work is done: Sara's terminal."""
    there: Desk
    """The other terminal, whose feed is listened to."""
    heard: Heard
    feed: DeskFeed


@pytest.fixture
def terminals(db_url: str):
    here = open_desk(db_url)
    with here.session() as session:
        here.agent = as_colleague(create_agent(session, "Sara Karimi", secret=KNOWN_SECRET))
    there = open_desk(db_url)
    with there.reading() as session:
        there.directory.load(session)
    heard = Heard()
    feed = DeskFeed(there, heard).start()
    assert feed.wait_connected(5)
    yield Terminals(here, there, heard, feed)
    feed.stop()
    here.engine.dispose()
    there.engine.dispose()


def new_customer(desk: Desk, given: str, family: str, **details: str) -> Customer:
    with desk.session() as session:
        return create_customer(session, CustomerForm(given_name=given, family_name=family, **details), desk.agent_id)


def found(desk: Desk, query: str) -> list[int]:
    return [match.customer_id for match in desk.directory.search(query, limit=5)]


def test_a_new_customer_reaches_the_other_terminal_and_its_lookup_first(terminals: Terminals) -> None:
    found_when_told: list[list[int]] = []
    terminals.heard.also = lambda _changes: found_when_told.append(found(terminals.there, "Mary Johnson"))
    customer = new_customer(terminals.here, "Mary", "Johnson", street="12 Jackson Avenue")
    change = terminals.heard.wait_for(lambda c: c.kind == "customer" and c.entity_id == customer.id)
    assert (change.action, change.customer_id, change.terminal) == ("created", customer.id, terminals.here.terminal_id)
    assert found_when_told[0][:1] == [customer.id], "the index must know the customer before the screens hear"
    assert terminals.heard.latency(change) < DELIVERY_LIMIT


def test_a_correction_and_a_merge_reach_the_other_terminals_lookup(terminals: Terminals) -> None:
    here, heard = terminals.here, terminals.heard
    kept, twin = new_customer(here, "Mary", "Johnson"), new_customer(here, "Marie", "Jonsen")
    heard.wait_for(lambda c: c.entity_id == twin.id)
    with here.session() as session:
        update_customer(session, kept.id, CustomerForm(given_name="Mary", family_name="Rahimi"), here.agent_id)
    heard.wait_for(lambda c: c.kind == "customer" and c.action == "edited" and c.entity_id == kept.id)
    assert found(terminals.there, "Mary Rahimi")[:1] == [kept.id]
    assert kept.id in found(terminals.there, "Mary Johnson"), "the old spelling still finds her (alias)"
    with here.session() as session:
        merge_customers(session, kept.id, twin.id, here.agent_id)
    merged = heard.wait_for(lambda c: c.action == "merged")
    assert (merged.kind, merged.entity_id, merged.customer_id) == ("customer", twin.id, twin.id)
    assert twin.id not in found(terminals.there, "Marie Jonsen")
    assert found(terminals.there, "Marie Jonsen")[:1] == [kept.id]


def test_a_note_reaches_the_other_terminal_with_its_call(terminals: Terminals) -> None:
    here = terminals.here
    customer = new_customer(here, "Reza", "Rahimi")
    with here.session() as session:
        call_id = start_interaction(session, here.agent_id, customer.id).id
    started = terminals.heard.wait_for(lambda c: c.kind == "interaction")
    assert (started.action, started.entity_id, started.customer_id) == ("created", call_id, customer.id)
    with here.session() as session:
        note = add_note(session, call_id, here.agent_id, "The parcel never came")
    change = terminals.heard.wait_for(lambda c: c.kind == "note")
    assert (change.action, change.entity_id, change.interaction_id) == ("created", note.id, call_id)
    assert change.customer_id == customer.id  # a colleague's live call with this customer shows it in its history
    assert terminals.heard.latency(change) < DELIVERY_LIMIT


def test_a_kept_promise_reaches_the_other_terminal(terminals: Terminals) -> None:
    here = terminals.here
    customer = new_customer(here, "Eleni", "Papadopoulou")
    with here.session() as session:
        promise = make_promise(session, here.agent_id, customer.id, "Send the refund form", utcnow() + timedelta(days=2))
        keep_promise(session, promise.id, here.agent_id, "Sent by email")
    kept = terminals.heard.wait_for(lambda c: c.kind == "promise" and c.action == "kept")
    assert (kept.entity_id, kept.customer_id) == (promise.id, customer.id)


def test_handoffs_wrap_ups_and_callbacks_say_what_happened(terminals: Terminals) -> None:
    here, heard = terminals.here, terminals.heard
    customer = new_customer(here, "Reza", "Rahimi")
    with here.session() as session:
        colleague = create_agent(session, "Nikos Georgiou")
        call_id = start_interaction(session, here.agent_id, customer.id).id
        hand_off(session, call_id, here.agent_id, colleague.id, "billing question")
    handed = heard.wait_for(lambda c: c.action == "handed-off")
    assert (handed.kind, handed.interaction_id, handed.customer_id) == ("interaction", call_id, customer.id)
    with here.session() as session:
        add_note(session, call_id, colleague.id, "Refund agreed")
        wrap_up(session, call_id, colleague.id, WrapUp("resolved-later", "Refund agreed", "Refund agreed."))
    assert heard.wait_for(lambda c: c.action == "wrapped-up").interaction_id == call_id
    with here.session() as session:
        open_then = load_rules(session).opening_hours.add_working_time(utcnow(), timedelta(hours=3))  # any day of the week
        callback = take_message(session, here.agent_id, colleague.id, customer.id, "", "Call her back about the refund", open_then)
    taken = heard.wait_for(lambda c: c.kind == "callback")
    assert (taken.action, taken.entity_id, taken.customer_id) == ("created", callback.id, customer.id)


def test_drafts_and_heartbeats_are_not_changes(terminals: Terminals) -> None:
    here, heard = terminals.here, terminals.heard
    customer = new_customer(here, "Reza", "Rahimi")
    with here.session() as session:
        call_id = start_interaction(session, here.agent_id, customer.id).id
        presence.register(session, here.terminal_id, "Desk 1", here.agent_id)
    heard.wait_for(lambda c: c.kind == "presence")
    time.sleep(SETTLE)
    heard.clear()
    for typed in ("The", "The parcel", "The parcel never", "The parcel never came"):
        with here.session() as session:
            save_draft(session, call_id, here.agent_id, typed)
            presence.heartbeat(session, here.terminal_id)
    with here.session() as session:
        note = add_note(session, call_id, here.agent_id, "The parcel never came")
    heard.wait_for(lambda c: c.kind == "note")
    time.sleep(SETTLE)
    assert [(c.kind, c.action, c.entity_id) for c in heard.changes] == [("note", "created", note.id)]


def test_a_bulk_import_is_one_coalesced_change_and_the_lookup_finds_everyone(terminals: Terminals) -> None:
    assert importing.COMMIT_EVERY >= 300  # one batch
    rows = [(line, {"given_name": f"Person{line}", "family_name": "Importson", "street": f"{line} Import Lane"})
            for line in range(2, 302)]
    with terminals.here.session() as session:
        report = importing.import_customers(session, terminals.here.directory, rows, terminals.here.agent_id)
    assert report.added == 300
    change = terminals.heard.wait_for(lambda c: c.kind == "customer")
    time.sleep(SETTLE)
    assert [c for c in terminals.heard.changes if c.kind == "customer"] == [change]
    assert (change.action, change.entity_id) == ("created", None)
    assert terminals.heard.latency(change) < DELIVERY_LIMIT
    assert len(terminals.there.directory) == 300
    assert found(terminals.there, "Person17 Importson")[:1] == [_id_of(terminals.here, "Person17")]


def _id_of(desk: Desk, given_name: str) -> int:
    with desk.reading() as session:
        return session.exec(select(Customer.id).where(Customer.given_name == given_name)).one()


def test_one_commit_of_many_rows_writes_one_change_per_kind(desk: Desk) -> None:
    with desk.session() as session:
        before = session.exec(select(func.count()).select_from(DeskChange)).one()
        customers = [Customer(given_name=f"Bulk{n}", family_name="Person") for n in range(1_000)]
        session.add_all(customers)
        call = start_interaction(session, desk.agent_id, None)
        session.add(Note(interaction_id=call.id, agent_id=desk.agent_id, text="one line"))
        session.commit()
        rows = session.exec(select(DeskChange).where(DeskChange.id > before).order_by(DeskChange.id)).all()
    kinds = [(row.kind, row.entity_id is None) for row in rows]
    assert kinds.count(("customer", True)) == 1 and ("note", False) in kinds
    assert all(row.terminal == desk.terminal_id for row in rows)


def test_a_rolled_back_change_is_not_in_the_feed(desk: Desk) -> None:
    with desk.session() as session:
        before = session.exec(select(func.max(DeskChange.id))).one() or 0
        session.add(Customer(given_name="Never", family_name="Saved"))
        session.flush()
        session.rollback()
        new_customer(desk, "Saved", "Later")
        rows = session.exec(select(DeskChange).where(DeskChange.id > before)).all()
    assert [(row.kind, row.action) for row in rows] == [("customer", "created")]


def test_old_changes_are_pruned_but_the_newest_is_kept(db_url: str) -> None:
    desk = open_desk(db_url)
    long_ago = utcnow() - timedelta(days=3)
    with Session(desk.engine) as session:
        session.add_all([DeskChange(at=long_ago, kind="note"), DeskChange(at=long_ago, kind="customer")])
        session.commit()
        assert change_log.prune(session) == 1
        assert [row.kind for row in session.exec(select(DeskChange))] == ["customer"]
    desk.engine.dispose()


def test_the_feed_recovers_a_lost_connection_and_says_to_reload(terminals: Terminals, monkeypatch) -> None:
    watcher = terminals.feed.watcher
    looks = watcher.wait_for_changes

    def lose_it_once() -> list:
        monkeypatch.setattr(watcher, "wait_for_changes", looks)
        raise ConnectionError("the network cable was pulled")

    monkeypatch.setattr(feed_watcher, "RETRY_EVERY", 0.3)
    monkeypatch.setattr(watcher, "wait_for_changes", lose_it_once)
    customer = new_customer(terminals.here, "Mary", "Johnson")
    limit = DELIVERY_LIMIT + 0.3
    terminals.heard.wait_for(lambda c: c.everything, timeout=limit)
    assert terminals.heard.wait_for(lambda c: c.kind == "customer", timeout=limit).entity_id == customer.id
    assert found(terminals.there, "Mary Johnson")[:1] == [customer.id]


def test_a_postgres_terminal_hears_again_after_its_connection_is_killed(terminals: Terminals, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("a server-side kill is PostgreSQL's; the SQLite watcher has no server")
    with terminals.here.engine.connect() as connection:
        killed = connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                         " WHERE application_name = :name AND datname = current_database()"),
                                    {"name": APPLICATION_NAME}).scalars().all()
    assert killed == [True]
    customer = new_customer(terminals.here, "Mary", "Johnson")
    timeout = feed_watcher.RETRY_EVERY + DELIVERY_LIMIT + 1
    terminals.heard.wait_for(lambda c: c.everything, timeout=timeout)
    assert terminals.heard.wait_for(lambda c: c.kind == "customer", timeout=timeout).entity_id == customer.id


def test_an_import_in_another_process_reaches_a_running_terminal(terminals: Terminals, backend: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)  # the importing person's, for the command run below
    names = [(f"Procopis{n}", "Outsider") for n in range(150)]
    file = tmp_path / "customers.csv"
    with file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["given_name", "family_name", "street"])
        writer.writerows((given, family, f"{n} Far Street") for n, (given, family) in enumerate(names))
    url = str(terminals.here.engine.url.render_as_string(hide_password=False))
    where = ["--db", url.removeprefix("sqlite:///")] if backend == "sqlite" else ["--db-url", url]
    result = subprocess.run([sys.executable, "-m", "frontdesk", "import", str(file), *where, "--agent", terminals.here.agent.name],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "Added 150 customers" in result.stdout
    change = terminals.heard.wait_for(lambda c: c.kind == "customer")
    assert change.action == "created" and change.terminal not in ("", terminals.there.terminal_id)
    assert all(terminals.heard.latency(c) < DELIVERY_LIMIT for c in terminals.heard.changes)
    time.sleep(SETTLE)
    assert len(terminals.there.directory) == 150
    assert found(terminals.there, "Procopis42 Outsider")


def test_what_is_committed_before_the_feed_connects_still_arrives(db_url: str) -> None:
    """The screens read the desk before the feed's thread connects: a change in between must not fall in the gap."""
    here, there = open_desk(db_url), open_desk(db_url)
    with here.session() as session:
        here.agent = as_colleague(create_agent(session, "Sara Karimi"))
    there.mark_heard()  # what `frontdesk` does just before its screens first load
    customer = new_customer(here, "Mary", "Johnson")  # committed while the other terminal is still starting
    heard = Heard()
    feed = DeskFeed(there, heard).start()
    try:
        change = heard.wait_for(lambda c: c.kind == "customer" and c.entity_id == customer.id)
        assert change.action == "created"
        assert not any(c.kind == "agent" for c in heard.changes), "what was there before the mark is not replayed"
    finally:
        feed.stop()
        here.engine.dispose()
        there.engine.dispose()
