"""Runs the real `frontdesk` command in a pseudo-terminal, so tests can type into it and kill it."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
import fcntl
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
KEYS = {"enter": "\r", "up": "\x1b[A", "down": "\x1b[B", "ctrl+q": "\x11", "ctrl+t": "\x14", "ctrl+s": "\x13", "escape": "\x1b"}


class Terminal:
    """One terminal window with frontdesk in it: keys go in, the screen's bytes come out."""

    def __init__(self, *args: str, columns: int = 140, rows: int = 45) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "frontdesk", *args], stdin=slave, stdout=slave, stderr=slave,
            env=env, start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float) -> None:
        """Drains what the app drew (the pty blocks the app if nobody reads)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen_text:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} never appeared on the terminal; its last output was:\n{self.screen_text[-1500:]}")
            self.read(0.1)

    def type(self, text: str, *, pause: float = 0.02) -> None:
        """Key by key, at a fast typist's pace."""
        for char in text:
            os.write(self.master, char.encode())
            self.read(pause)

    def sign_in(self, secret: str) -> None:
        """At the sign-in screen, the person preselected by --agent: their secret, then Enter."""
        self.wait_for("Secret for")
        self.type(secret)
        self.press("enter")

    def press(self, key: str) -> None:
        os.write(self.master, KEYS[key].encode())
        self.read(0.3)

    def kill_hard(self) -> None:
        """kill -9: no chance to save anything on the way out."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)

    def close(self) -> None:
        """After a failed test: never leave a frontdesk running in the background."""
        if self.process.poll() is None:
            self.kill_hard()

    def quit(self) -> int:
        self.press("ctrl+q")
        deadline = time.monotonic() + 20
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.1)
        code = self.process.wait(timeout=5)
        os.close(self.master)
        return code

    @property
    def screen_text(self) -> str:
        """What was drawn, without the terminal's styling codes."""
        return ANSI.sub(b"", bytes(self.output)).decode(errors="replace")


def frontdesk_args(db_path: Path, agent: str) -> tuple[str, ...]:
    """The desk at `db_path` with `agent` preselected; the terminal still signs in with their secret."""
    return ("--db", str(db_path), "--agent", agent)
