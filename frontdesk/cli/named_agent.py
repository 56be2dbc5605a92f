"""`--agent NAME` for the commands that reveal or change desk data: the desk with that agent signed in."""

from __future__ import annotations

import argparse

from frontdesk.cli.errors import CliError
from frontdesk.cli.settings import database_url
from frontdesk.services.desk import Desk, open_desk


def desk_of_named_agent(args: argparse.Namespace) -> Desk:
    """The desk with `--agent NAME` signed in by name alone.

    Stands in until the CLI asks for the agent's secret too (issue 9, item 3); the services check the role.
    """
    if not args.agent:
        raise CliError(f"`frontdesk {args.command} ...` needs --agent NAME: the supervisor doing it.")
    return open_desk(database_url(args.db, args.db_url), agent_name=args.agent)
