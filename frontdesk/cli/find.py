"""`frontdesk find QUERY`: the Greeting section's lookup, for scripts and quick checks."""

from __future__ import annotations

import argparse
import json

from rich.table import Table
from rich.text import Text

from frontdesk.clock.dates import for_scripts, year_words
from frontdesk.cli.errors import CliError
from frontdesk.cli.identity import open_signed_in
from frontdesk.cli.tables import print_table
from frontdesk.lookup import Found
from frontdesk.services.greeting import matched_customers
from frontdesk.services.customer_text import phone_last4, shown_of, why
from frontdesk.services.phones import masked_phone

MAX_LIMIT = 1000


def run_find(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError(f"--limit takes a number from 1 to {MAX_LIMIT}.")
    desk = open_signed_in(args)
    with desk.reading() as session:
        desk.directory.load(session)
        found = desk.directory.find(args.query, limit=args.limit)
        rows = [(row.match, row.summary) for row in matched_customers(session, list(found.matches))]
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
            year_words(summary.birth_date) if summary.birth_date else "", why(match), "yes" if match.ambiguous else "",
        )
    print_table(table)
    if found.more or not found.counted_all:
        print(f"{shown_of(len(rows), found.fitting, found.counted_all, for_scripts())}: {_more_hint(found, args.limit)}")
    return 0


def _more_hint(found: Found, limit: int) -> str:
    """How many more fit, and the --limit that shows them (or that the query is too broad to list)."""
    more = f"{found.more:,}{'' if found.counted_all else '+'} more fit"
    if found.counted_all and found.fitting <= MAX_LIMIT:
        return f"{more}; --limit {found.fitting} shows them all."
    return f"{more}; add a street, phone digits or a birth date to narrow it."


def _as_json(match, summary) -> dict[str, object]:
    return {
        "customer_id": match.customer_id, "score": round(match.score, 2), "ambiguous": match.ambiguous,
        "matched": list(match.matched), "name": summary.name, "street": summary.street,
        "phone_last4": phone_last4(summary.phone), "birth_date": summary.birth_date.isoformat() if summary.birth_date else None,
    }
