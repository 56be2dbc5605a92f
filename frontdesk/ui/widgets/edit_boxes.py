"""The boxes people type into, drawing what they hold without letting it act on the terminal.

A box holds exactly what was typed or pasted, escape sequences and direction controls included, and that is what
is saved. Textual's Input and TextArea draw it as it is: a pasted ESC [31m turned the rest of the line red, and
U+202E reversed it (a tracking number "DX‮123‬" showed back to front). Here each such character is drawn as one
visible symbol in its place (␛, ␇, ⇄), so the cursor stays where the characters are; lists and cards, which have
room, name direction controls in full (`literal`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.actions import parse
from textual.binding import Binding
from textual.widgets import Input, TextArea

from frontdesk.ui.widgets.literal import CONTROL_PICTURES, DIRECTION_CONTROLS, KEPT

CR_BEFORE_LF = "\ufdd0"
"""Stands in a box of many lines for the CR of a CR LF. Textual's TextArea keeps its lines apart by one kind of break
only, so a pasted "line one\r\nline two" was saved as "line one\nline two"; here the LF breaks the line and this
character, drawn as ␍ at its end, is given back as the CR (a noncharacter: no text holds one)."""
CR_ALONE = "\ufdd1"
"""Stands for a CR that breaks the line by itself (a terminal sends a pasted line break as CR): it is held with an LF
after it, to break the line on screen, and the two are given back as the one CR. Drawn as ␍ too."""

IN_PLACE = str.maketrans(
    {chr(code): picture for code, picture in CONTROL_PICTURES.items() if chr(code) not in KEPT}
    | {CR_BEFORE_LF: CONTROL_PICTURES[0x0D], CR_ALONE: CONTROL_PICTURES[0x0D]}
    | {control: "⇄" for control in DIRECTION_CONTROLS}
    | {chr(code): "\ufffd" for code in range(0x80, 0xA0)}  # C1 controls: CSI (U+009B) starts a sequence, as ESC [ does
)
"""Each character a terminal would obey, to one symbol of one character."""


def drawn_in_place(text: str) -> str:
    """`text` as an edit box draws it: the same number of characters, none of them a command to the terminal."""
    return text.translate(IN_PLACE)


def held_in_lines(text: str) -> str:
    """`text` as a box of many lines holds it: each CR stood in for, each break a line break on screen."""
    return text.replace("\r\n", CR_BEFORE_LF + "\n").replace("\r", CR_ALONE + "\n")


def as_typed(held: str) -> str:
    """What `held_in_lines` holds, given back exactly; a CR whose line the agent joined again stays a CR."""
    return held.replace(CR_ALONE + "\n", "\r").replace(CR_ALONE, "\r").replace(CR_BEFORE_LF, "\r")


class _InPlace(Highlighter):
    def highlight(self, text: Text) -> None:
        text.plain = drawn_in_place(text.plain)  # one character for one: the styles stay where they were


def own_keys(bindings: list[Binding | tuple]) -> dict[str, str]:
    """Each key a box binds for itself (backspace, ctrl+w, ctrl+u, the arrows...), and the action it runs."""
    keys = {}
    for binding in bindings:
        key, action = (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
        for one in key.split(","):
            keys[one.strip()] = action
    return keys


class KeysInOrder:
    """A box's own editing keys act in turn with the letters typed around them.

    Textual inserts a letter as the box reads its key, but runs a bound key (Backspace, Ctrl+W, Ctrl+U, Delete,
    the arrows) only once that key has gone up to the app and come back as a binding. Keys that arrived together
    (a fast typist, a busy machine) were then applied out of order: "ab", Backspace, "c" left "ab" (the c typed,
    then deleted), and "xyz", Ctrl+U, "tom" left the box empty. Here the box runs them itself, as they come.
    """

    OWN_KEYS: ClassVar[dict[str, str]] = {}
    """The editing keys of the Textual box (Input's or TextArea's own BINDINGS), not the scrolling keys it inherits:
    those give way to the screen's (↓ from the search box to the results) when there is nothing to scroll."""

    async def on_key(self, event: events.Key) -> None:
        action = next((self.OWN_KEYS[name] for name in (event.key, *event.aliases) if name in self.OWN_KEYS), None)
        if action is None:
            return
        _namespace, name, parameters = parse(action)
        if not self.check_action(name, parameters):
            return  # as Textual would: a binding its box turns down goes on to the screen
        event.stop()
        event.prevent_default()
        await self.run_action(action)


class TextBox(KeysInOrder, Input):
    """A one-line box (Textual's Input) that draws control characters as symbols; its value stays as typed.

    Rich drops BEL, BS, VT, FF and CR from any text it draws before a highlighter sees it, so in this box those
    five are not drawn at all (still not sent to the terminal, still in the value).
    """

    OWN_KEYS = own_keys(Input.BINDINGS)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("highlighter", _InPlace())
        super().__init__(*args, **kwargs)


class TextBoxArea(KeysInOrder, TextArea):
    """A box of many lines (Textual's TextArea) that draws control characters as symbols; its text stays as typed.

    `text` is what was typed and pasted, CR LF and a lone CR included: a paste is stored exactly, and each of its
    line breaks, of whatever kind, shows as one.
    """

    OWN_KEYS = own_keys(TextArea.BINDINGS)

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(held_in_lines(text), **kwargs)

    @property
    def text(self) -> str:
        return as_typed(self.document.text)

    @text.setter
    def text(self, value: str) -> None:
        self.load_text(value)

    def load_text(self, text: str) -> None:
        super().load_text(held_in_lines(text))

    def on_paste(self, event: events.Paste) -> None:
        """As Textual's paste, with the CRs held: Textual's would have turned each CR LF and lone CR into the box's LF."""
        event.stop()
        event.prevent_default()
        if not self.read_only:
            self.move_cursor(self.replace(held_in_lines(event.text), *self.selection, maintain_selection_offset=False).end_location)

    def get_line(self, line_index: int) -> Text:
        """As Textual's, from the symbols: Rich would have dropped BEL and the like from the line unseen."""
        return Text(drawn_in_place(self.document.get_line(line_index)), end="", no_wrap=True)
