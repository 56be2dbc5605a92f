"""Importing real exports: phone formats, multi-line addresses, encodings, dry runs, the report, a killed import."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from frontdesk.cli.main import main
from frontdesk.db.engine import make_engine
from frontdesk.db.migrate import upgrade_to_head
from frontdesk.db.models import AuditEvent, Customer, Role
from frontdesk.services.agents import create_agent, find_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer, customer_count
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from frontdesk.services.import_file import SourceFile
from frontdesk.services import importing
from frontdesk.services.importing import import_customers
from frontdesk.services.merge import merge_customers
from tests.known_secret import KNOWN_SECRET

AGENT = "Sara Karimi"
"""The agent the `desk` fixture signs in; the CLI import names who is importing."""
SUPERVISOR = "Daniel Brooks"
"""Who sets the desk's phone regions."""


@pytest.fixture(autouse=True)
def typed_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each import here is run with the importing person's secret (also in the imports run as processes)."""
    monkeypatch.setenv("FRONTDESK_SECRET", KNOWN_SECRET)


def supervisor_of(desk: Desk) -> int:
    with desk.session() as session:
        boss = find_agent(session, SUPERVISOR) or create_agent(session, SUPERVISOR, Role.SUPERVISOR, secret=KNOWN_SECRET)
        return boss.id


def write(tmp_path: Path, text: str, name: str = "customers.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run_import(desk: Desk, path: Path, *extra: str) -> int:
    return main(["--db-url", desk.engine.url.render_as_string(hide_password=False), "import", str(path),
                 "--agent", AGENT, *extra])


def stored(desk: Desk) -> list[Customer]:
    with desk.reading() as session:
        return list(session.exec(select(Customer).order_by(Customer.id)))


def regions(desk: Desk, value: str) -> None:
    boss = supervisor_of(desk)
    with desk.session() as session:
        set_rule(session, "phone_region", value, boss)


@pytest.mark.parametrize(
    ("region", "typed", "canonical"),
    [
        ("US", "(997)991-9074x833", "+19979919074;ext=833"),
        ("US", "596.666.9725", "+15966669725"),
        ("US", "+1-780-563-6083x7783", "+17805636083;ext=7783"),
        ("", "+44(0)115 496 0597", "+441154960597"),
        ("GB", "(0161) 496 0066", "+441614960066"),
        ("IR, GB", "۰۹۱۲ ۱۱۱ ۲۲۳۳", "+989121112233"),
        ("GR", "210 9141777", "+302109141777"),
        ("", "021 5555 1234", ""),
    ],
)
def test_each_phone_format_is_kept_as_typed_and_canonical(
    desk: Desk, tmp_path: Path, region: str, typed: str, canonical: str, capsys: pytest.CaptureFixture[str],
) -> None:
    regions(desk, region)
    source = write(tmp_path, f'given_name,family_name,phones\nMary,Johnson,"{typed}"\n')
    assert run_import(desk, source) == 0
    assert "Added 1 customer;" in capsys.readouterr().out
    [customer] = stored(desk)
    assert (customer.phones, customer.phones_e164) == ([typed], [canonical])


@pytest.mark.parametrize(
    ("region", "typed", "message"),
    [
        ("US", "0912 111 2233", "'0912 111 2233' is not a phone number in US; check its digits."),
        ("US", "12", "'12' is not a phone number in US; check its digits."),
        ("", "12", "'12' is not a phone number; check its digits."),
        ("US, GB", "+98 634 8730 1520", "'+98 634 8730 1520' is not a phone number; check its digits."),
    ],
)
def test_a_number_that_is_no_phone_is_refused_with_its_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str], region: str, typed: str, message: str,
) -> None:
    """A national number is read in the desk's regions; an international one (+98 ...) in its own country only."""
    regions(desk, region)
    source = write(tmp_path, f"given_name,family_name,phones\nAnn,Lee,+44 115 496 0597\nReza,Tehrani,{typed}\n")
    assert run_import(desk, source) == 0
    assert f"line 3: not imported: {message}" in capsys.readouterr().out
    assert [c.given_name for c in stored(desk)] == ["Ann"]


def test_an_unknown_phone_region_is_refused(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    url = desk.engine.url.render_as_string(hide_password=False)
    supervisor_of(desk)
    assert main(["--db-url", url, "--agent", SUPERVISOR, "config", "phone_region", "XX"]) == 1
    assert "XX is not a region code" in capsys.readouterr().err


def test_a_multi_line_address_is_folded_onto_one_line(desk: Desk, tmp_path: Path) -> None:
    source = write(tmp_path, 'given_name,family_name,street\nAnn,Lee,"Studio 08o\r\nSingh Plaza\n  West Dale\nDT7M 6XE"\n'
                             "Bob,Ray,1 High Street\n")
    assert run_import(desk, source) == 0
    assert [c.street for c in stored(desk)] == ["Studio 08o, Singh Plaza, West Dale, DT7M 6XE", "1 High Street"]


def test_a_bad_row_after_a_multi_line_one_is_reported_at_its_own_line(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path, 'given_name,family_name,street,birth_date\nAnn,Lee,"1 High St\nLeeds",\nBob,Ray,x,31/02/1970\n')
    assert run_import(desk, source) == 0
    assert "line 4: not imported: '31/02/1970' is not a date" in capsys.readouterr().out


def test_utf8_with_a_byte_order_mark_imports(desk: Desk, tmp_path: Path) -> None:
    source = write(tmp_path, "\ufeffgiven_name,family_name\nΕλένη,Παπαδοπούλου\n")
    assert run_import(desk, source) == 0
    assert [(c.given_name, c.family_name) for c in stored(desk)] == [("Ελένη", "Παπαδοπούλου")]


@pytest.mark.parametrize(
    ("encoding", "message"),
    [("latin-1", "not UTF-8 text (byte 0xe9 on line 3)"), ("utf-16", "the file is UTF-16 text")],
)
def test_another_encoding_is_refused_with_a_message_and_nothing_written(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, message: str,
) -> None:
    source = write(tmp_path, "given_name,family_name\nAnn,Lee\nRenée,Martin\n", encoding=encoding)
    assert run_import(desk, source) == 1
    err = capsys.readouterr().err
    assert err.startswith("frontdesk: error:") and message in err and "save the CSV as UTF-8" in err
    assert stored(desk) == []


def test_a_dry_run_says_what_would_happen_and_writes_nothing(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path, "given_name,family_name,street\nMary,Johnson,12 Jackson Ave\nMary,Jonson,12 Jackson Ave\n,,\n"
                             "Bob,Ray,1 High Street,extra\n")
    not_signing_in = select(func.count()).select_from(AuditEvent).where(AuditEvent.entity != "agent")
    with desk.reading() as session:
        audited = session.exec(not_signing_in).one()
    assert run_import(desk, source, "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Dry run, nothing written: would add 2 customers; 0 already there; 1 bad row; 1 look-alike; 1 blank row skipped."
    assert out[1] == "line 3: Mary Jonson looks like line 2 of this file (Mary Johnson); check and merge if it is the same person."
    assert out[2].startswith("line 5: not imported: 1 more value than the header has columns")
    assert stored(desk) == []
    with desk.reading() as session:
        assert session.exec(not_signing_in).one() == audited, "only the sign-in of the person asking is recorded"


def test_the_report_lists_bad_rows_and_look_alikes_by_line(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write(tmp_path, "given_name,family_name,street\nMary,Johnson,12 Jackson Avenue\n", "first.csv")
    assert run_import(desk, first) == 0
    [mary] = stored(desk)
    source = write(tmp_path, "given_name,family_name,street,language\nBob,Ray,x,de\nAnn,Lee,1 High St,en\n"
                             "Mary,Jackson,12 Johnson Avenue,en\n,,,\nAnn,Lea,1 High Street,\n")
    report = tmp_path / "report.csv"
    assert run_import(desk, source, "--report", str(report)) == 0
    out = capsys.readouterr().out
    assert not out.startswith("\n")
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    ann = next(c.id for c in stored(desk) if c.given_name == "Ann")
    assert rows[0] == ["line", "reason", "look_alike_id", "look_alike_name"]
    assert [row[0] for row in rows[1:]] == ["2", "4", "6"]
    assert rows[1][1].startswith("not imported: Unknown language code 'de'") and rows[1][2:] == ["", ""]
    assert rows[2][2:] == [str(mary.id), "Mary Johnson"] and "existing customer" in rows[2][1]
    assert rows[3][2:] == [str(ann), "Ann Lee"] and "from line 3" in rows[3][1]


def test_imported_rows_are_created_by_the_importing_agent(desk: Desk, tmp_path: Path) -> None:
    assert run_import(desk, write(tmp_path, "given_name,family_name\nAnn,Lee\n")) == 0
    [customer] = stored(desk)
    assert customer.created_by_id == desk.agent_id
    with desk.reading() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.entity_id == customer.id, AuditEvent.entity == "customer")).one()
    assert (event.agent_id, event.action) == (desk.agent_id, "import")


def test_an_import_without_an_agent_is_refused(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = desk.engine.url.render_as_string(hide_password=False)
    assert main(["--db-url", url, "import", str(write(tmp_path, "given_name\nAnn\n"))]) == 1
    assert "--agent NAME" in capsys.readouterr().err
    assert stored(desk) == []


def test_a_header_with_a_million_blank_rows_is_summarised(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "given_name,family_name\n" + ",\n" * 500_000 + "\n" * 500_000)
    assert run_import(desk, source) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Added 0 customers; 0 already there; 0 bad rows; 0 look-alikes; 1,000,000 blank rows skipped."]


def test_many_bad_rows_are_counted_on_screen_and_listed_in_the_report(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path, "given_name,language\n" + "".join(f"Ann{n},de\n" for n in range(120)))
    report = tmp_path / "report.csv"
    assert run_import(desk, source, "--report", str(report)) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 + 50 + 1 and out[-1] == f"... and 70 more in {report}."
    assert len(report.read_text(encoding="utf-8").splitlines()) == 1 + 120


def test_a_reader_that_stops_early_gets_no_traceback(desk: Desk, tmp_path: Path) -> None:
    """`frontdesk import ... | head -1`: the reader has gone before the report is printed."""
    source = write(tmp_path, "given_name,language\n" + "".join(f"Ann{n},de\n" for n in range(120)))
    url = desk.engine.url.render_as_string(hide_password=False)
    process = subprocess.Popen([sys.executable, "-m", "frontdesk", "import", str(source), "--db-url", url, "--agent", AGENT],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_the_same_person_twice_in_one_file_is_added_once(desk: Desk) -> None:
    rows = [(2, {"given_name": "Ann", "family_name": "Lee", "phones": "+44 115 496 0597"}),
            (3, {"given_name": "Ann", "family_name": "Lee", "phones": "+44(0)115 4960597"})]
    with desk.session() as session:
        report = import_customers(session, desk.directory, rows, desk.agent_id)
    assert (report.added, report.already_there) == (1, 1)


def test_an_import_killed_midway_and_run_again_adds_nobody_twice(desk: Desk, tmp_path: Path) -> None:
    total = 5_000  # five batches: killed once the first is in, with four to spare on a slow machine
    source = write(tmp_path, "given_name,family_name,street,phones\n" + "".join(
        f"Given{n},Family{n % 97},{n} Long Road,+44 115 496 {n % 10_000:04d}\n" for n in range(total)))
    url = desk.engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "frontdesk", "import", str(source), "--db-url", url, "--agent", AGENT]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while _count(desk) == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = _count(desk)
    assert 0 < killed_at < total, "the import was not stopped midway"
    assert killed_at % 1_000 == 0, "a batch was half committed"

    again = subprocess.run(command, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert again.returncode == 0, again.stderr
    assert f"Added {total - killed_at:,} customers; {killed_at:,} already there;" in again.stdout
    assert _count(desk) == total
    with desk.reading() as session:
        assert session.exec(select(func.count(func.distinct(Customer.given_name)))).one() == total


def _count(desk: Desk) -> int:
    with desk.reading() as session:
        return customer_count(session)


def test_a_source_file_counts_rows_not_lines(tmp_path: Path) -> None:
    source = SourceFile(write(tmp_path, 'given_name,street\nAnn,"1 High St\nLeeds"\n,\nBob,x\n'))
    assert source.count_rows() == 2
    assert [row.line for row in source.rows()] == [2, 5]
    assert source.blank_rows == 1


def test_the_upgrade_gives_existing_phones_their_canonical_form(db_url: str) -> None:
    """A desk with customers from before 0005 keeps them, and their numbers with a country code become comparable."""
    engine = make_engine(db_url)
    upgrade_to_head(engine, revision="0004")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO customer (id, version, honorific, given_name, family_name, preferred_address, pronunciation, phones,"
            " email, street, city, language, preferences, created_at, updated_at)"
            " VALUES (1, 1, '', 'Ann', 'Lee', '', '', :phones, '', '', '', '', '', :now, :now),"
            "        (2, 1, '', 'Bob', 'Ray', '', '', '[]', '', '', '', '', '', :now, :now)"),
            {"phones": json.dumps(["+44(0)115 496 0597", "0115 496 0597", "+30 ۲۱۰ ۹۱۴ ۱۷۷۷"]), "now": datetime(2026, 1, 5)})
    upgrade_to_head(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT phones, phones_e164 FROM customer ORDER BY id")).all()
    engine.dispose()
    decoded = [[value if isinstance(value, list) else json.loads(value) for value in row] for row in rows]
    assert decoded == [[["+44(0)115 496 0597", "0115 496 0597", "+30 ۲۱۰ ۹۱۴ ۱۷۷۷"], ["+441154960597", "", "+302109141777"]],
                       [[], []]]



def test_a_dry_run_counts_a_person_named_twice_once_across_batches(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "COMMIT_EVERY", 2)
    rows = [(line, {"given_name": "Ann", "family_name": "Lee" if line != 3 else "Ray"}) for line in range(2, 7)]
    with desk.session() as session:
        report = import_customers(session, desk.directory, rows, desk.agent_id, dry_run=True)
    assert (report.added, report.already_there) == (2, 3)
    assert stored(desk) == []


def test_a_merge_keeps_each_number_with_its_canonical_form(desk: Desk) -> None:
    regions(desk, "GB")
    with desk.session() as session:
        kept = create_customer(session, CustomerForm(given_name="Ann", family_name="Lee", phones=("0115 496 0597",)), desk.agent_id)
        gone = create_customer(session, CustomerForm(given_name="Ann", family_name="Lea", phones=("+30 210 914 1777", "0115 496 0597")),
                               desk.agent_id)
        merge_customers(session, kept.id, gone.id, desk.agent_id)
    [customer] = [c for c in stored(desk) if c.id == kept.id]
    assert customer.phones == ["0115 496 0597", "+30 210 914 1777"]
    assert customer.phones_e164 == ["+441154960597", "+302109141777"]


def test_a_header_naming_a_column_twice_is_refused_before_anything_is_written(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """given_name,family_name,family_name with Dup,First,Second was stored as "Dup Second", "First" lost."""
    source = write(tmp_path, "given_name,family_name,family_name\nDup,First,Second\n")
    assert run_import(desk, source) == 1
    assert "the column family_name is named twice in the header" in capsys.readouterr().err
    assert stored(desk) == []


def test_a_quote_never_closed_is_reported_with_the_rows_it_swallowed(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = write(tmp_path, 'given_name,family_name,street\nAnn,Lee,1 High St\n"Quo""te","Unterminated,x\nNext,Row,y\n')
    assert run_import(desk, source) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Added 1 customer; 0 already there; 1 bad row; 0 look-alikes."
    assert out[1].startswith("line 3: not imported: a quote opened in this row is never closed, so every line to the "
                             "end of the file (line 4) was read into one cell")
    assert [(c.given_name, c.family_name) for c in stored(desk)] == [("Ann", "Lee")]


def test_a_row_over_more_lines_than_any_address_is_reported_with_its_lines(
    desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """A quote left open that a later quote closes swallows the rows between, into one cell of one customer."""
    swallowed = "".join(f"Person{n},Row{n},{n} Elm St\n" for n in range(25))
    source = write(tmp_path, f'given_name,family_name,street\nAnn,Lee,"1 High St\n{swallowed}Leeds"\nBob,Ray,x\n')
    assert run_import(desk, source) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("line 2: not imported: the row runs over 27 lines, to line 28: a quote left open?")
    assert [c.given_name for c in stored(desk)] == ["Bob"]


def test_an_address_over_several_lines_at_the_end_of_the_file_is_imported(desk: Desk, tmp_path: Path) -> None:
    source = write(tmp_path, 'given_name,family_name,street\nAnn,Lee,"Studio 08o\nSingh Plaza\nDT7M 6XE"')
    assert run_import(desk, source) == 0
    assert [c.street for c in stored(desk)] == ["Studio 08o, Singh Plaza, DT7M 6XE"]


def test_the_report_keeps_formulas_typed_in_names_as_text(desk: Desk, tmp_path: Path) -> None:
    first = write(tmp_path, 'given_name,family_name,street\n"=HYPERLINK(""http://x"")",Lee,1 High St\n', "first.csv")
    assert run_import(desk, first) == 0
    source = write(tmp_path, 'given_name,family_name,street,language\n"=HYPERLINK(""http://x"")",Lea,1 High Street,\n'
                             "@SUM(1),Ray,x,de\n")
    report = tmp_path / "report.csv"
    assert run_import(desk, source, "--report", str(report)) == 0
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    cells = [cell for row in rows for cell in (row[1], row[3])]
    assert rows and not any(cell[:1] in ("=", "+", "-", "@") for cell in cells), rows
    assert rows[0][3] == "'=HYPERLINK(\"http://x\") Lee" and rows[0][1].startswith("'=HYPERLINK")
