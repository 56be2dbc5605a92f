"""Who is running a command: `--agent NAME` and that person's secret, typed without echo or from FRONTDESK_SECRET.

Every command that changes or reveals desk data calls `open_signed_in(args)` (or `sign_in_for_command`
on a desk it opened itself); a missing name, a wrong secret or a lock-out ends the command with one line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from frontdesk.cli.errors import CliError
from frontdesk.cli.settings import database_url
from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk, open_desk, sign_in_as
from frontdesk.services.sign_in import SignInRefused

ENV_SECRET = "FRONTDESK_SECRET"
"""The signing-in person's PIN or password, for scripts; without it the command asks at the terminal."""


def open_signed_in(args: argparse.Namespace, *, create: bool = False) -> Desk:
    """The desk named by --db/--db-url, with the --agent person signed in (desk.agent); CliError otherwise.

    Only a command that writes (import, config KEY VALUE) passes `create`: one that reads says there is no
    desk there rather than making one at a mistyped path or in a server's default database."""
    desk = open_desk(database_url(args.db, args.db_url), create=create)
    sign_in_for_command(desk, args.agent)
    return desk


def sign_in_for_command(desk: Desk, agent_name: str | None) -> Colleague:
    """Signs `agent_name` in at `desk` with the secret from FRONTDESK_SECRET or typed at the prompt.

    Wrong secrets count towards the person's lock-out exactly as at the sign-in screen.
    """
    if not agent_name:
        raise CliError(f"this command needs --agent NAME and that person's secret (typed, or in {ENV_SECRET}).")
    secret = os.environ.get(ENV_SECRET) or _typed_secret(agent_name)
    try:
        return sign_in_as(desk, agent_name, secret)
    except SignInRefused as refused:
        raise CliError(str(refused)) from None


def _typed_secret(agent_name: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(f"no secret for {agent_name}: run at a terminal to type it, or set {ENV_SECRET}.")
    try:
        return getpass.getpass(f"Secret for {agent_name}: ")
    except EOFError:
        raise CliError(f"no secret typed for {agent_name}.") from None
