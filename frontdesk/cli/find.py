"""`frontdesk find QUERY`: the Greeting section's lookup, for scripts and quick checks."""

from __future__ import annotations

import argparse
import json

from rich.table import Table
from rich.text import Text

from frontdesk.cli.errors import CliError
from frontdesk.cli.tables import print_table
from frontdesk.services.desk import open_desk
from frontdesk.services.greeting import matched_customers
from frontdesk.cli.settings import database_url
from frontdesk.services.customer_text import masked_phone, phone_last4, why


def run_find(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 1000:
        raise CliError("--limit takes a number from 1 to 1000.")
    desk = open_desk(database_url(args.db, args.db_url))
    with desk.reading() as session:
        desk.directory.load(session)
        matches = desk.directory.search(args.query, limit=args.limit)
        rows = [(row.match, row.summary) for row in matched_customers(session, matches)]
    if args.json:
        print(json.dumps([_as_json(match, summary) for match, summary in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No customer matches.")
        return 0
    table = Table("#", "Score", "Name", "Street", "Phone", "Born", "Matched on", "Ambiguous")
    for rank, (match, summary) in enumerate(rows, start=1):
        table.add_row(
            str(rank), f"{match.score:.0f}", Text(summary.name), Text(summary.street), Text(masked_phone(summary.phone)),
            str(summary.birth_date.year) if summary.birth_date else "", why(match), "yes" if match.ambiguous else "",
        )
    print_table(table)
    return 0


def _as_json(match, summary) -> dict[str, object]:
    return {
        "customer_id": match.customer_id, "score": round(match.score, 2), "ambiguous": match.ambiguous,
        "matched": list(match.matched), "name": summary.name, "street": summary.street,
        "phone_last4": phone_last4(summary.phone), "birth_date": summary.birth_date.isoformat() if summary.birth_date else None,
    }
