"""Sending kudos: to whom, what for (when it answers one of the desk's suggestions), and the supervisor's own note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.kudos import KudosBook, KudosDraft
from frontdesk.services.kudos_suggestions import KudosSuggestion
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox


class SendKudosScreen(FormDialog[bool]):
    """Choose the colleague (chosen already for a suggestion), write the note, Ctrl+S. Returns True once sent."""

    DIALOG_TITLE = "Send kudos"
    CANCELLED = False
    AUTO_FOCUS = "#kudos-note"

    def __init__(self, desk: Desk, suggestion: KudosSuggestion | None = None) -> None:
        super().__init__(desk)
        self.book = KudosBook(desk)
        self.suggestion = suggestion

    def compose_form(self) -> ComposeResult:
        if self.suggestion is not None:
            yield Static(Text.assemble(
                ("For: ", "bold"), self.suggestion.why, " · ", (self.suggestion.who, "italic"),
            ), id="kudos-for")
        yield OptionList(id="kudos-to")
        yield TextBox(placeholder="Your note to them: what they did well, in your words", id="kudos-note")

    def load(self) -> tuple[Colleague, ...]:
        return self.book.recipients()

    def show_loaded(self, recipients: tuple[Colleague, ...]) -> None:
        chosen = self.query_one("#kudos-to", OptionList)
        chosen.add_options([Option(Text(agent.name), id=str(agent.id)) for agent in recipients])
        wanted = str(self.suggestion.agent_id) if self.suggestion is not None else None
        ids = [str(agent.id) for agent in recipients]
        chosen.highlighted = ids.index(wanted) if wanted in ids else (0 if ids else None)

    def collect(self) -> KudosDraft:
        chosen = self.query_one("#kudos-to", OptionList)
        if chosen.highlighted is None:
            raise ValueError("Choose who the kudos are for.")
        to_agent_id = int(chosen.get_option_at_index(chosen.highlighted).id)
        note = self.query_one("#kudos-note", TextBox).value
        if self.suggestion is None:
            return KudosDraft(to_agent_id, note)
        return KudosDraft(to_agent_id, note, self.suggestion.earned, self.suggestion.source_id)

    def save(self, draft: KudosDraft) -> bool:
        self.book.send(draft)
        return True

    def on_input_submitted(self) -> None:
        self.action_save()
