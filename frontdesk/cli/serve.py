"""`frontdesk serve`: the desk in a web browser, one app process per browser tab (textual-serve).

textual-serve has no sign-in or encryption of its own: each tab gets the desk's own sign-in, as a
terminal does, and anything but a loopback address needs --public and belongs behind a TLS proxy.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from frontdesk.cli.errors import CliError
from frontdesk.cli.settings import database_url
from frontdesk.db import open_database

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host.lower() in LOOPBACK_NAMES


def desk_command(url: str, desk_name: str | None) -> str:
    """What each browser tab runs: this Python and this desk, with no agent named, so every tab signs in."""
    argv = [sys.executable, "-m", "frontdesk", "--db-url", url]
    if desk_name:
        argv += ["--desk", desk_name]
    return shlex.join(argv)


def run_serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host) and not args.public:
        raise CliError(f"{args.host} is reachable from other machines: add --public, and put the desk behind a TLS proxy "
                       "(textual-serve has no sign-in or encryption of its own).")
    if args.agent:
        raise CliError("serve takes no --agent: each browser tab signs in for itself, as a terminal does.")
    if not 1 <= args.port <= 65535:
        raise CliError("--port takes a number from 1 to 65535.")
    url = database_url(args.db, args.db_url)
    open_database(url).dispose()  # a bad path or URL is said here, once, not in every browser tab
    from textual_serve.server import Server

    Server(desk_command(url, args.desk), host=args.host, port=args.port, title="frontdesk").serve()
    return 0
