"""What the terminal sends, read so that a paste is data and a stray byte is not a crash.

Textual's Linux driver decodes input as strict UTF-8, so one Latin-1 byte (`Ren\\xe9e`) ends the
app; and its parser reads an escape sequence inside a bracketed paste as keys (`ESC ] 0;x BEL`
arrives as Ctrl+G). This driver decodes with U+FFFD for bytes that are not UTF-8, and hides each
ESC inside a paste from the parser behind a private character, restored in the Paste event: the
pasted text reaches the box exactly as it was sent.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual import events
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
HIDDEN_ESC = "\U0010fffe"
"""A noncharacter no terminal sends: stands for an ESC inside a paste until the paste is delivered."""


class PasteGuard:
    """Rewrites the decoded input stream chunk by chunk: ESC inside a bracketed paste becomes HIDDEN_ESC."""

    def __init__(self) -> None:
        self.pasting = False
        self.seen = ""
        """The last characters passed on outside a paste, to find a start marker split across reads."""
        self.held = ""
        """The end of a chunk inside a paste that may be the start of the end marker."""

    def __call__(self, chunk: str) -> str:
        text, self.held = self.held + chunk, ""
        out: list[str] = []
        while text:
            if not self.pasting:
                start = (self.seen + text).find(PASTE_START)
                if start < 0:
                    out.append(text)
                    self.seen = (self.seen + text)[-(len(PASTE_START) - 1):]
                    return "".join(out)
                cut = start + len(PASTE_START) - len(self.seen)
                out.append(text[:cut])
                text, self.seen, self.pasting = text[cut:], "", True
                continue
            end = text.find(PASTE_END)
            if end < 0:
                keep = next((n for n in range(len(PASTE_END) - 1, 0, -1) if text.endswith(PASTE_END[:n])), 0)
                body, self.held = (text[:-keep], text[-keep:]) if keep else (text, "")
                out.append(body.replace("\x1b", HIDDEN_ESC))
                return "".join(out)
            out.append(text[:end].replace("\x1b", HIDDEN_ESC) + PASTE_END)
            text, self.pasting = text[end + len(PASTE_END):], False
        return "".join(out)


class DeskDriver(LinuxDriver):
    """Textual's Linux driver with the input read as described above; everything else is Textual's."""

    def process_message(self, message: Message) -> None:
        if isinstance(message, events.Paste) and HIDDEN_ESC in message.text:
            message = events.Paste(message.text.replace(HIDDEN_ESC, "\x1b"))
        super().process_message(message)

    def run_input_thread(self) -> None:
        """Textual's loop (textual/drivers/linux_driver.py), with a lenient decoder and the paste guard."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode
        guard = PasteGuard()

        def process(selector_events: list, final: bool = False) -> None:
            for index, (_key, mask) in enumerate(selector_events):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(self.fileno, 1024 * 4), final=final and index == len(selector_events) - 1)
                    if not data:
                        break
                    for event in parser.feed(guard(data)):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
