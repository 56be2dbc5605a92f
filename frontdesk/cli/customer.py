"""`frontdesk customer export|erase|access-log|inactive`: answering a customer's requests about their data."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from frontdesk.cli.identity import open_signed_in
from frontdesk.clock.dates import typed_date, typed_moment
from frontdesk.clock.now import to_local
from frontdesk.services.facades.customer_requests import CustomerRequests


def run_customer(args: argparse.Namespace) -> int:
    requests = CustomerRequests(open_signed_in(args))
    return {"export": _export, "erase": _erase, "access-log": _access_log, "inactive": _inactive}[args.request](requests, args)


def _export(requests: CustomerRequests, args: argparse.Namespace) -> int:
    document = requests.export(args.customer_id)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    console = Console()
    console.print(Text(f"Everything held about customer {document['customer_id']} (exported {document['exported_at']}):", style="bold"))
    for name, section in document["sections"].items():
        console.print(Text(f"\n{name}: {section['about']} ({len(section['rows'])})", style="bold"))
        for row in section["rows"]:
            console.print(Text("  " + ", ".join(f"{key}={value!r}" for key, value in row.items())))
    console.print(Text(f"\naudit trail: {len(document['audit_trail'])} entries (use --json for all of it)"))
    return 0


def _erase(requests: CustomerRequests, args: argparse.Namespace) -> int:
    done = requests.erase(args.customer_id, args.reason)
    merged = f" and {done.erasure.records - 1} record(s) merged into it" if done.erasure.records > 1 else ""
    print(f"Customer {done.erasure.customer_id}{merged} erased: personal text replaced in {done.erasure.rows} rows; "
          "counts, outcomes, ratings and dates kept.")
    if not done.scrubbed:
        print("Another terminal was busy, so old copies of the erased text may stay in the database file or its log "
              "until the next erasure, or until this is run while the desk is quiet: "
              "sqlite3 DESK.sqlite 'VACUUM; PRAGMA wal_checkpoint(TRUNCATE);'")
    return 0


def _access_log(requests: CustomerRequests, args: argparse.Namespace) -> int:
    entries = requests.access_log(args.customer_id)
    if not entries:
        print("Nobody has opened this record.")
        return 0
    table = Table("When", "Who", "Desk", "Why")
    for entry in entries:
        table.add_row(typed_moment(entry.at), Text(entry.agent), Text(entry.desk_name), entry.purpose)
    Console().print(table)
    return 0


def _inactive(requests: CustomerRequests, _args: argparse.Namespace) -> int:
    customers = requests.inactive()
    if not customers:
        print("No customer is due for erasure (or the rule erase_inactive_after_years is 0, off).")
        return 0
    table = Table("#", "Name", "Last contact")
    for customer in customers:
        table.add_row(str(customer.customer_id), Text(customer.name), typed_date(to_local(customer.last_contact).date()))
    Console().print(table)
    print("To erase one after checking nothing is still owed: frontdesk customer erase ID --reason TEXT --agent NAME")
    return 0
