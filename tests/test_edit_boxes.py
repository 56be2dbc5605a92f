"""What a box holds is drawn safely and kept exactly: a pasted escape sequence or direction control never acts on
the terminal from an edit box, and the value the form saves is still byte for byte what was pasted."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Input, TextArea

from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea

PASTED = "Tracking: \x1b[31mDX\u202e123\u202c\x1b[0m stuck\x07 \x9b2J"
TERMINAL_COMMANDS = ("\x1b", "\u202e", "\u202c", "\x07", "\x9b")


class TwoBoxes(App):
    def compose(self) -> ComposeResult:
        yield TextBox(PASTED, id="one-line")
        yield TextBoxArea(PASTED + "\nline two \x1b]0;pwned\x07", id="many-lines")


def drawn(widget) -> str:
    return "".join(segment.text for line in widget.render_lines(Region(0, 0, *widget.outer_size)) for segment in line)


async def test_control_characters_in_edit_boxes_are_drawn_as_symbols_and_kept_as_typed() -> None:
    app = TwoBoxes()
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.pause()
        one_line, many_lines = app.query_one("#one-line", Input), app.query_one("#many-lines", TextArea)
        for box in (one_line, many_lines):
            shown = drawn(box)
            assert not any(command in shown for command in TERMINAL_COMMANDS), repr(shown)
            assert "␛[31mDX⇄123⇄␛[0m stuck" in shown
        assert "stuck␇" in drawn(many_lines) and "␛]0;pwned␇" in drawn(many_lines)  # Rich drops BEL from an Input's line
        assert one_line.value == PASTED
        assert many_lines.text == PASTED + "\nline two \x1b]0;pwned\x07"


def test_the_screens_use_the_safe_boxes_only() -> None:
    """Every box in frontdesk/ui is a TextBox or TextBoxArea (or a subclass): Textual's own draw what they hold raw."""
    ui = Path(__file__).resolve().parent.parent / "frontdesk" / "ui"
    direct = []
    for module in ui.rglob("*.py"):
        if module.name == "edit_boxes.py":
            continue
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual.widgets"):
                direct += [f"{module.relative_to(ui)}: {alias.name}" for alias in node.names if alias.name in ("Input", "TextArea")]
    assert direct == []
