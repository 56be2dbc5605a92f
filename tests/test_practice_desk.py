"""The practice desk: its promises follow its own opening hours, the README says those hours, and it leaves nothing behind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, create_engine, func, select

from frontdesk.clock.now import local_zone, set_clock
from frontdesk.db import open_database, sqlite_url
from frontdesk.db.models import Interaction, Promise, PromiseStatus
from frontdesk.demo.practice import PRACTICE_PIN
from frontdesk.demo.seed import DEMO_HOURS, seed_demo
from frontdesk.services.desk_rules import load_rules
from tests.terminal import Terminal

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("now", [
    datetime(2026, 11, 28, 23, 30, tzinfo=UTC),  # Saturday night
    datetime(2026, 11, 29, 12, 0, tzinfo=UTC),  # Sunday, closed all day
    datetime(2026, 11, 25, 10, 0, tzinfo=UTC),  # Wednesday morning, open
])
def test_every_promise_on_the_practice_desk_falls_due_within_its_opening_hours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: datetime,
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    local_zone.cache_clear()
    set_clock(lambda: now)
    engine = open_database(sqlite_url(tmp_path / "practice.sqlite"))
    seed_demo(engine, customers=80, pin=PRACTICE_PIN)
    with Session(engine) as session:
        hours = load_rules(session).opening_hours
        promises = session.exec(select(Promise)).all()
    assert hours.describe() == DEMO_HOURS
    outside = [promise.due_at for promise in promises if not hours.is_open(promise.due_at)]
    assert promises and outside == []
    open_ones = [promise for promise in promises if promise.status == PromiseStatus.OPEN]
    assert any(promise.due_at.replace(tzinfo=UTC) < now for promise in open_ones)  # some overdue
    assert any(promise.due_at.replace(tzinfo=UTC) > now for promise in open_ones)  # some still to come
    engine.dispose()
    local_zone.cache_clear()


def test_every_customer_the_practice_desk_promised_something_was_in_contact_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A card said "Last time: first contact, welcome them." beside an overdue promise: a promise is made in a contact."""
    monkeypatch.setenv("TZ", "UTC")
    local_zone.cache_clear()
    set_clock(lambda: datetime(2026, 11, 25, 10, 0, tzinfo=UTC))
    engine = open_database(sqlite_url(tmp_path / "practice.sqlite"))
    seed_demo(engine, customers=80, pin=PRACTICE_PIN)
    with Session(engine) as session:
        promises = [promise for promise in session.exec(select(Promise)) if promise.customer_id is not None
                    and not (promise.kind == "callback" and promise.status == PromiseStatus.OPEN)]  # a missed call not yet returned
        first_contact = dict(session.exec(
            select(Interaction.customer_id, func.min(Interaction.started_at)).group_by(Interaction.customer_id)).all())
    assert promises
    without = [promise.id for promise in promises
               if promise.customer_id not in first_contact or first_contact[promise.customer_id] > (
                   promise.closed_at if promise.kind == "callback" else promise.created_at)]
    assert without == []
    assert all(started.replace(tzinfo=UTC) <= datetime(2026, 11, 25, 10, 0, tzinfo=UTC) for started in first_contact.values())  # none to come
    engine.dispose()
    local_zone.cache_clear()


def test_the_readme_gives_the_practice_desks_hours() -> None:
    quick_start = README.read_text(encoding="utf-8").split("## Quick start")[1].split("\n## ")[0]
    assert f"`{DEMO_HOURS}`" in quick_start


@pytest.mark.xdist_group("real terminals")
def test_a_plain_demo_removes_its_temporary_folder_on_quitting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    terminal = Terminal("demo", "--agent", "Sara Karimi")
    try:
        terminal.sign_in(PRACTICE_PIN)
        terminal.wait_for("PRACTICE DESK", timeout=60)
        assert [folder.name.startswith("frontdesk-demo-") for folder in tmp_path.iterdir()] == [True]
        assert terminal.quit() == 0
    finally:
        terminal.close()
    assert list(tmp_path.iterdir()) == []
