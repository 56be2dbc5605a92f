"""`frontdesk serve` as a real process on a free port, and what a browser tab receives from it."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp

ANSI = re.compile(rb"\x1b(\[[0-9;?$]*[a-zA-Z]|\][^\x07]*\x07)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served_desk(db_url: str) -> Iterator[str]:
    """The server's base URL once it answers HTTP; the server and every app it started are stopped afterwards."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "frontdesk", "serve", "--port", str(port), "--db-url", db_url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                              env={**os.environ, "PYTHONPATH": os.getcwd()})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base, timeout=2).close()
                break
            except OSError:
                assert server.poll() is None, f"serve exited: {server.stderr.read().decode()}"
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def screen_text(websocket_url: str, wanted: str, seconds: float = 60) -> str:
    """What a browser tab's terminal receives, control sequences removed, until `wanted` shows (or time runs out)."""

    async def receive() -> str:
        received = b""
        async with aiohttp.ClientSession() as client, client.ws_connect(f"{websocket_url}?width=100&height=30") as tab:
            await tab.send_json(["resize", {"width": 100, "height": 30}])
            deadline = time.monotonic() + seconds
            while wanted.encode() not in ANSI.sub(b"", received) and time.monotonic() < deadline:
                try:
                    message = await tab.receive(timeout=1)
                except asyncio.TimeoutError:
                    continue
                if message.type != aiohttp.WSMsgType.BINARY:
                    break
                received += message.data
        return ANSI.sub(b"", received).decode(errors="replace")

    return asyncio.run(receive())
