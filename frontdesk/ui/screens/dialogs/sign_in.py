"""Who is at the desk? Choose yourself and type your secret; every record made from here on carries your name."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from frontdesk.services.agents import Colleague
from frontdesk.services.desk import Desk
from frontdesk.services.facades.staff import SignInChoices, Staff
from frontdesk.services.sign_in import NoSecretYet
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox

PRACTICE_HINT = "Practice desk: every PIN is 0000."


class SignInScreen(FormDialog[Colleague | None]):
    """Pick yourself from the list and type your PIN or password; a new desk starts with its first supervisor.

    Nobody can add themselves: supervisors add people (command palette). Returns the person signed in, or
    None when someone switching agents backs out with Escape.
    """

    DEFAULT_CSS = """
    SignInScreen {
        background: $background;
    }
    """
    """Opaque: whoever signs in next does not see what the last person had open."""
    DIALOG_ID = "sign-in"
    DIALOG_TITLE = "Who is at the desk?"

    def __init__(self, desk: Desk, *, preselected: Colleague | None = None) -> None:
        super().__init__(desk)
        self.staff = Staff(desk)
        self.preselected = preselected
        self.on_duty: tuple[Colleague, ...] = ()
        self.chosen: Colleague | None = None
        """Whose secret the secret box is for."""
        self.choosing_secret = False
        """True when a supervisor of a desk being set up chooses their first secret (typed twice)."""

    def compose_form(self) -> ComposeResult:
        yield Label(PRACTICE_HINT, id="practice-pin", classes="hidden" if not self.desk.practice else "", markup=False)
        yield OptionList(id="agents", classes="hidden")
        with Vertical(id="new-agent", classes="hidden"):
            yield Label("This desk is new. Add its first person; they will be its supervisor.", markup=False)
            yield TextBox(placeholder="Your name", id="name")
        with Vertical(id="secret-step", classes="hidden"):
            yield Label("", id="secret-label", markup=False)
            yield TextBox(placeholder="PIN or password", password=True, id="secret")
            yield TextBox(placeholder="The same again", password=True, id="secret-again", classes="hidden")

    def load(self) -> SignInChoices:
        return self.staff.sign_in_choices()

    def show_loaded(self, choices: SignInChoices) -> None:
        self.on_duty = choices.on_duty
        if not choices.on_duty:
            self.query_one("#new-agent").remove_class("hidden")
            self.ask_secret(None, choose=True)
            self.query_one("#name", TextBox).focus()
            return
        agents = self.query_one("#agents", OptionList)
        agents.add_options([Option(Text(f"{agent.name}  ({agent.role})"), id=str(agent.id)) for agent in choices.on_duty])
        agents.remove_class("hidden")
        agents.highlighted = next((n for n, agent in enumerate(choices.on_duty) if agent == self.preselected), 0)
        agents.focus()
        if self.preselected in choices.on_duty:
            self.ask_secret(self.preselected)

    def ask_secret(self, person: Colleague | None, *, choose: bool = False) -> None:
        """Shows the secret box for `person` (None: the new desk's first supervisor); `choose` asks for a new one twice."""
        self.chosen, self.choosing_secret = person, choose
        who = person.name if person else "you"
        self.query_one("#secret-label", Label).update(
            f"Choose a PIN or password for {who} (at least 4 characters), twice:" if choose else f"Secret for {who}:")
        self.query_one("#secret-again", TextBox).set_class(not choose, "hidden")
        self.query_one("#secret-step").remove_class("hidden")
        for box in self.query("#secret-step Input").results(TextBox):
            box.value = ""
        self.query_one("#secret", TextBox).focus()

    @on(OptionList.OptionSelected, "#agents")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.show_error(None)
        self.ask_secret(next(agent for agent in self.on_duty if str(agent.id) == event.option.id))

    @on(TextBox.Submitted)
    def submitted(self, event: TextBox.Submitted) -> None:
        if event.input.id == "secret" and self.choosing_secret:
            self.query_one("#secret-again", TextBox).focus()
            return
        if event.input.id == "name":
            self.query_one("#secret", TextBox).focus()
            return
        self.action_save()

    def collect(self) -> tuple[str, str, str]:
        if self.chosen is None and self.on_duty:
            raise ValueError("Choose who you are from the list first.")
        return (self.query_one("#name", TextBox).value, self.query_one("#secret", TextBox).value,
                self.query_one("#secret-again", TextBox).value)

    def save(self, values: tuple[str, str, str]) -> Colleague:
        name, secret, again = values
        if self.chosen is None:
            return self.staff.start_desk(name, secret, again)
        if self.choosing_secret:
            return self.staff.choose_first_secret(self.chosen.id, secret, again)
        return self.staff.sign_in(self.chosen.id, secret)

    def show_error(self, problem: Exception | str | None) -> None:
        """A wrong secret empties the box for the next try; a supervisor setting the desk up is asked to choose one.

        The boxes change before the message is shown: a message shown first would be cleared as an edit.
        """
        if isinstance(problem, NoSecretYet) and problem.may_choose and self.chosen is not None:
            self.ask_secret(self.chosen, choose=True)
        elif problem is not None and self.chosen is not None:
            self.query_one("#secret", TextBox).value = ""
            self.query_one("#secret", TextBox).focus()
        super().show_error(problem)

    def action_cancel(self) -> None:
        """Back to the list from the secret box; the first sign-in cannot be called off, or nobody would be at the desk."""
        if self.chosen is not None and len(self.on_duty) > 1:
            self.chosen = None
            self.query_one("#secret-step").add_class("hidden")
            self.show_error(None)
            self.query_one("#agents", OptionList).focus()
            return
        if self.desk.agent is None:
            self.notify("Choose who you are, or press Ctrl+Q to quit.", severity="warning")
            return
        self.dismiss(None)
