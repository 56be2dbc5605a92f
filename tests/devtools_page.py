"""A page opened in headless chromium through the DevTools protocol, recording what its websockets receive."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import urllib.request

import aiohttp

from served_desk import ANSI

RECORD_WEBSOCKETS = """
window.__received = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = new NativeWebSocket(url, protocols);
  socket.addEventListener("message", async (event) => {
    const data = event.data;
    if (typeof data === "string") { window.__received.push(data); }
    else if (data instanceof Blob) { window.__received.push(await data.text()); }
    else { window.__received.push(new TextDecoder().decode(data)); }
  });
  return socket;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
"""
"""Installed before the page's own scripts run, so the terminal's socket is recorded from its first byte."""


def page_socket(devtools_port: int, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=2) as answer:
                pages = [target for target in json.load(answer) if target["type"] == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        assert time.monotonic() < deadline, "chromium's DevTools did not answer"
        time.sleep(0.2)


def received_text(devtools_port: int, url: str, wanted: str, seconds: float = 60) -> str:
    """Opens `url` and returns what its websockets received, control sequences removed, once `wanted` shows."""

    async def drive() -> str:
        ids = itertools.count(1)
        async with aiohttp.ClientSession() as client, client.ws_connect(page_socket(devtools_port), max_msg_size=0) as page:

            async def call(method: str, **params) -> dict:
                number = next(ids)
                await page.send_json({"id": number, "method": method, "params": params})
                while True:
                    message = json.loads((await page.receive(timeout=30)).data)
                    if message.get("id") == number:
                        return message.get("result", {})

            await call("Page.enable")
            await call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_WEBSOCKETS)
            await call("Page.navigate", url=url)
            text, deadline = "", time.monotonic() + seconds
            while wanted not in text and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                result = await call("Runtime.evaluate", expression="(window.__received || []).join('')", returnByValue=True)
                text = ANSI.sub(b"", result.get("result", {}).get("value", "").encode()).decode(errors="replace")
            return text

    return asyncio.run(drive())
