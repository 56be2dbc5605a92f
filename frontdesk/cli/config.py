"""`frontdesk config [KEY [VALUE]]`: the desk-wide rules every terminal on the database works to."""

from __future__ import annotations

import argparse

from frontdesk.cli.errors import CliError
from frontdesk.cli.identity import open_signed_in
from frontdesk.services.desk import open_desk
from frontdesk.services.desk_rules import RULES, set_rule, shown_rule_values
from frontdesk.cli.settings import database_url


def run_config(args: argparse.Namespace) -> int:
    """Showing the rules needs nobody; changing one needs a supervisor signed in with their secret."""
    if args.value is not None:
        desk = open_signed_in(args, create=True)
        with desk.session() as session:
            set_rule(session, args.key, args.value, desk.agent_id)
    else:
        desk = open_desk(database_url(args.db, args.db_url), create=False)
    with desk.reading() as session:
        values = shown_rule_values(session)
    for key in [args.key] if args.key else list(RULES):
        if key not in RULES:
            raise CliError(f"Unknown setting {key!r}; known: {', '.join(RULES)}.")
        print(f"{key} = {values[key]!r}    # {RULES[key].meaning}")
    return 0
