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

IN_PLACE = str.maketrans(
    {chr(code): picture for code, picture in CONTROL_PICTURES.items() if chr(code) not in KEPT}
    | {control: "⇄" for control in DIRECTION_CONTROLS}
    | {chr(code): "\ufffd" for code in range(0x80, 0xA0)}  # C1 controls: CSI (U+009B) starts a sequence, as ESC [ does
)
"""Each character a terminal would obey, to one symbol of one character."""


def drawn_in_place(text: str) -> str:
    """`text` as an edit box draws it: the same number of characters, none of them a command to the terminal."""
    return text.translate(IN_PLACE)


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
    """A box of many lines (Textual's TextArea) that draws control characters as symbols; its text stays as typed."""

    OWN_KEYS = own_keys(TextArea.BINDINGS)

    def get_line(self, line_index: int) -> Text:
        """As Textual's, from the symbols: Rich would have dropped BEL and the like from the line unseen."""
        return Text(drawn_in_place(self.document.get_line(line_index)), end="", no_wrap=True)
