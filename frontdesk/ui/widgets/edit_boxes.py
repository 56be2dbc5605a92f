"""The boxes people type into, drawing what they hold without letting it act on the terminal.

A box holds exactly what was typed or pasted, escape sequences and direction controls included, and that is what
is saved. Textual's Input and TextArea draw it as it is: a pasted ESC [31m turned the rest of the line red, and
U+202E reversed it (a tracking number "DX‮123‬" showed back to front). Here each such character is drawn as one
visible symbol in its place (␛, ␇, ⇄), so the cursor stays where the characters are; lists and cards, which have
room, name direction controls in full (`literal`).
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
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


class TextBox(Input):
    """A one-line box (Textual's Input) that draws control characters as symbols; its value stays as typed.

    Rich drops BEL, BS, VT, FF and CR from any text it draws before a highlighter sees it, so in this box those
    five are not drawn at all (still not sent to the terminal, still in the value).
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("highlighter", _InPlace())
        super().__init__(*args, **kwargs)


class TextBoxArea(TextArea):
    """A box of many lines (Textual's TextArea) that draws control characters as symbols; its text stays as typed."""

    def get_line(self, line_index: int) -> Text:
        """As Textual's, from the symbols: Rich would have dropped BEL and the like from the line unseen."""
        return Text(drawn_in_place(self.document.get_line(line_index)), end="", no_wrap=True)
