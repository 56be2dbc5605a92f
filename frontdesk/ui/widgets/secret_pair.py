"""A new PIN or password typed twice, never shown on screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label
from frontdesk.ui.widgets.edit_boxes import TextBox


class SecretPair(Vertical):
    """Two hidden boxes; the service checks that they agree and that the secret is long enough."""

    DEFAULT_CSS = """
    SecretPair {
        height: auto;
    }
    """

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False)
        yield TextBox(placeholder="PIN or password (at least 4 characters)", password=True, classes="secret-new")
        yield TextBox(placeholder="The same again", password=True, classes="secret-again")

    @property
    def values(self) -> tuple[str, str]:
        return self.query_one(".secret-new", TextBox).value, self.query_one(".secret-again", TextBox).value
