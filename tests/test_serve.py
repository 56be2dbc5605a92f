"""`frontdesk serve`: the desk in a browser signs in like a terminal, and is not exposed by accident."""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

from frontdesk.cli.main import main
from served_desk import free_port, screen_text, served_desk

CHROMIUM = Path("/usr/bin/chromium")
SIGN_IN = "Who is at the desk?"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "desk.example.org"])
def test_an_address_other_machines_can_reach_needs_public(host: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", host, "--db", str(tmp_path / "desk.sqlite")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--public" in error and "TLS" in error


def test_the_page_is_served_and_a_browser_tab_gets_the_sign_in_screen(db_url: str) -> None:
    with served_desk(db_url) as base:
        page = urllib.request.urlopen(base, timeout=10).read().decode()
        websocket_url = re.search(r'data-session-websocket-url="([^"]+)"', page).group(1)
        assert websocket_url.startswith("ws://127.0.0.1:")
        assert SIGN_IN in screen_text(websocket_url, SIGN_IN)


def test_headless_chromium_shows_the_sign_in_screen(db_url: str, tmp_path: Path) -> None:
    """The page's own JavaScript drives the app; what its websocket receives is read back through DevTools."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); the websocket test above covers the server")
    from devtools_page import received_text  # only where chromium is

    with served_desk(db_url) as base:
        port = free_port()
        browser = subprocess.Popen([str(CHROMIUM), "--headless=new", "--no-sandbox", "--disable-gpu",
                                    f"--remote-debugging-port={port}", f"--user-data-dir={tmp_path / 'profile'}",
                                    "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert SIGN_IN in received_text(port, base, SIGN_IN)
        finally:
            browser.terminate()
            browser.wait(timeout=30)
