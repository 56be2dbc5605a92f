"""Wrap-up: outcome, a summary the agent edits before it is saved, and the customer's rating."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, RadioButton, RadioSet, Select, Static

from frontdesk.services.desk import Desk
from frontdesk.services.facades.call_forms import CallForms
from frontdesk.services.wrap_up import SummaryOpening, WrapUp, WrapUpForm
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea

NOT_ASKED = "not asked"
NONE_FITS = "none fits"
NO_REASON = "none"
"""Typed as the reason, it says there was no particular reason: an answer, not a gap."""


class WrapUpScreen(FormDialog[str | None]):
    """Returns the outcome once the interaction is closed, or None to go back to the call."""

    DIALOG_TITLE = "Wrap up"
    AUTO_FOCUS = "#summary"
    DIALOG_ID = "wrap-up"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__(desk)
        self.forms = CallForms(desk)
        self.interaction_id = interaction_id
        self.drafted: str | None = None
        """The summary the desk drafted from the notes; None until it has been read."""
        self.summary_opening: SummaryOpening | None = None
        self.unedited_warned = False

    def compose_form(self) -> ComposeResult:
        yield Vertical(id="outcome-box")
        yield Vertical(id="missing-reason")
        yield Label("Summary: drafted from the notes; make it fit this customer before saving", markup=False)
        yield TextBoxArea(id="summary", soft_wrap=True)
        yield Label("The customer's rating", markup=False)
        yield Select(
            [("Not asked", NOT_ASKED), *((f"{n} of 5", str(n)) for n in range(5, 0, -1))],
            value=NOT_ASKED, allow_blank=False, id="satisfaction",
        )
        yield TextBox(placeholder="Their comment, in their words (optional)", id="satisfaction-comment")
        yield Static("Ctrl+S saves and closes the call; Escape goes back to it.", markup=False)

    def load(self) -> WrapUpForm:
        return self.forms.wrap_up_form(self.interaction_id)

    def show_loaded(self, form: WrapUpForm) -> None:
        """The outcomes this call may have; the reason and category it still lacks are asked for here."""
        self.drafted, self.summary_opening = form.drafted, form.opening
        summary = self.query_one("#summary", TextBoxArea)
        summary.text = form.drafted + summary.text  # anything typed before the draft arrived stays, after it
        outcomes = RadioSet(*(RadioButton(words, name=outcome) for outcome, words in form.outcomes.items()), id="outcome")
        self.query_one("#outcome-box").mount(outcomes)
        missing = self.query_one("#missing-reason")
        if form.reason_missing:
            missing.mount(Label("Why they got in touch (type none if there was no particular reason)", markup=False),
                          TextBox(id="wrap-reason"))
        if form.category_missing:
            choices = [(Text(name), name) for name in form.categories] + [(Text("None of these fits"), NONE_FITS)]
            missing.mount(Select(choices, prompt="The category", id="wrap-category"))
        self.call_after_refresh(outcomes.focus)

    @on(TextBox.Changed, "#wrap-reason")
    @on(Select.Changed, "#wrap-category")
    def follow_reason(self) -> None:
        """The draft's first line says the reason and category as they are typed here, instead of "their request";
        a first line the agent has rewritten stays theirs."""
        if self.drafted is None or self.summary_opening is None:
            return
        reason = "".join(box.value.strip() for box in self.query("#wrap-reason").results(TextBox))
        chosen = [select.value for select in self.query("#wrap-category").results(Select)]
        category = str(chosen[0]) if chosen and chosen[0] not in (Select.NULL, NONE_FITS) else None
        before = self.drafted.partition("\n")[0]
        after = self.summary_opening.line(None if reason.casefold() == NO_REASON else reason, category)
        self.drafted = after + self.drafted[len(before):]
        summary = self.query_one("#summary", TextBoxArea)
        if summary.text.startswith(before):
            summary.text = after + summary.text[len(before):]

    def asked_reason(self) -> tuple[str | None, str | None]:
        """The reason and category typed here; None where the call already had one.

        "none" as the reason answers both: the label promises that typing it is enough, so a category left
        unchosen is none too (one chosen is kept)."""
        reason = category = None
        for box in self.query("#wrap-reason").results(TextBox):
            reason = box.value.strip()
            if not reason:
                raise ValueError("Write why the customer got in touch, or type none.")
            reason = "" if reason.casefold() == NO_REASON else reason
        for select in self.query("#wrap-category").results(Select):
            if select.value is Select.NULL and reason == "":
                category = ""  # no particular reason has no category to file it under: "none" was answer enough
                continue
            if select.value is Select.NULL:
                raise ValueError("Choose the category, or 'None of these fits'.")
            category = "" if select.value == NONE_FITS else str(select.value)
        return reason, category

    def collect(self) -> WrapUp:
        """A summary saved exactly as drafted is warned about once; the second Ctrl+S saves it, flagged."""
        if self.drafted is None:
            raise ValueError("Still drafting the summary from the notes; try again in a moment.")
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        reason, category = self.asked_reason()
        rating = str(self.query_one("#satisfaction", Select).value)
        wrap = WrapUp(
            outcome=pressed.name if pressed is not None else "",
            summary=self.query_one("#summary", TextBoxArea).text,
            drafted_summary=self.drafted,
            satisfaction=None if rating == NOT_ASKED else int(rating),
            satisfaction_comment=self.query_one("#satisfaction-comment", TextBox).value,
            satisfaction_asked=rating != NOT_ASKED, reason=reason, category=category,
        )
        if wrap.summary.strip() == self.drafted.strip() and not self.unedited_warned:
            self.unedited_warned = True
            self.query_one("#summary").focus()
            raise ValueError("The summary is exactly as drafted. Edit it for this customer, "
                             "or press Ctrl+S again to save it flagged as unedited.")
        return wrap

    def save(self, wrap: WrapUp) -> str:
        self.forms.wrap_up(self.interaction_id, wrap)
        return wrap.outcome
