"""`frontdesk promises`: open promises, overdue first, for a printout or a script."""

from __future__ import annotations

import argparse
import json

from rich.table import Table
from rich.text import Text

from frontdesk.cli.errors import CliError
from frontdesk.cli.tables import print_table
from frontdesk.clock.dates import moment_words
from frontdesk.clock.now import to_local
from frontdesk.cli.identity import open_signed_in
from frontdesk.services.agents import find_agent, list_agents
from frontdesk.services.promise_rows import PromiseRow, promise_rows


def run_promises(args: argparse.Namespace) -> int:
    desk = open_signed_in(args)
    with desk.reading() as session:
        owner_id = None
        if args.owner is not None:
            owner = find_agent(session, args.owner)
            if owner is None:
                known = ", ".join(agent.name for agent in list_agents(session, active_only=False)) or "none yet"
                raise CliError(f"No agent called {args.owner!r} at this desk (agents: {known}).")
            owner_id = owner.id
        rows = promise_rows(session, owner_id=owner_id, due=args.due)
    if args.json:
        print(json.dumps([_as_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No open promises.")
        return 0
    table = Table("Due", "State", "Customer", "Kind", "Promise", "Owner")
    for row in rows:
        style = "bold red" if row.overdue else ("yellow" if row.due_today else "")
        table.add_row(
            Text(moment_words(row.due_at), style=style), Text(_state(row), style=style),
            Text(row.customer_name), Text(row.kind), Text(row.what), Text(_owner(row)),
        )
    print_table(table)
    return 0


def _state(row: PromiseRow) -> str:
    return "OVERDUE" if row.overdue else ("today" if row.due_today else "upcoming")


def _owner(row: PromiseRow) -> str:
    """An owner who left is marked: their promises are listed so someone reassigns them."""
    return row.owner if row.owner_active else f"{row.owner} (inactive)"


def _as_json(row: PromiseRow) -> dict[str, object]:
    return {
        "promise_id": row.promise_id, "due_at": to_local(row.due_at).isoformat(), "status": _state(row).lower(),
        "customer_id": row.customer_id, "customer": row.customer_name, "kind": row.kind, "what": row.what, "owner": row.owner,
        "owner_active": row.owner_active, "tell_by": row.tell_by, "changes": row.changes,
    }
