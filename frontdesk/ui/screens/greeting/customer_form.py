"""Adding or correcting a customer, with look-alikes shown before a duplicate is made and no silent overwrites."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label, Select, Static

from frontdesk.services.customer_conflicts import CustomerChanged
from frontdesk.services.customer_form import LANGUAGES, CustomerForm, CustomerRecord, form_from_query, on_top, split_phones
from frontdesk.services.customer_text import describe
from frontdesk.services.customers import CustomerNotFound
from frontdesk.services.desk import Desk
from frontdesk.services.facades.customer_records import CustomerRecords, LookAlike, LooksLikeExisting, SavedCustomer
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.dialogs.form_dialog import FormDialog
from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea

LINE_FIELDS = (
    ("honorific", "Honorific (Mrs., خانم, κα)"),
    ("given_name", "Given name"),
    ("family_name", "Family name"),
    ("preferred_address", "Likes to be called"),
    ("pronunciation", "How to say the name"),
    ("phones", "Phones (comma between numbers)"),
    ("email", "Email"),
    ("street", "Street address"),
    ("city", "City"),
    ("birth_date", "Birth date (1961-03-04 or 04/03/1961)"),
)


class CustomerFormScreen(FormDialog[int | None]):
    """Returns the saved customer's id, or None when the agent backs out.

    A correction remembers the record it was filled from. If another desk saves the record before
    this one does, the save is refused, what they changed is shown, and every field stays as typed;
    the next Ctrl+S applies this agent's changes on top of the other desk's.
    """

    DIALOG_ID = "customer-form"
    AUTO_FOCUS = "#field-given_name"

    def __init__(self, desk: Desk, customer_id: int | None = None, typed_name: str = "") -> None:
        super().__init__(desk)
        self.records = CustomerRecords(desk)
        self.customer_id = customer_id
        self.typed_name = typed_name
        self.original: CustomerRecord | None = None
        """The record as the form was filled from it: what the agent's changes are counted against."""
        self.latest: CustomerRecord | None = None
        """The record as it last stood: the original, or what another desk saved since."""
        self.create_anyway = False
        """Set once the agent has said a look-alike is a different person, for the next save only."""

    def dialog_title(self) -> str:
        return "Correct the record" if self.customer_id is not None else "New customer"

    def compose_form(self) -> ComposeResult:
        yield Static(id="conflict", classes="hidden")
        for field, label in LINE_FIELDS:
            yield Label(label, markup=False)
            yield TextBox(id=f"field-{field}")
        yield Label("Language", markup=False)
        yield Select([(name, code) for code, name in LANGUAGES.items()], id="field-language", prompt="Language")
        yield Label("Preferences and notes", markup=False)
        yield TextBoxArea(id="field-preferences", soft_wrap=True)
        yield Static(id="look-alikes", classes="hidden")
        with Horizontal(classes="buttons"):
            yield Button("Save (Ctrl+S)", id="save", variant="primary")
            yield Button("Cancel (Esc)", id="cancel")

    def load(self) -> CustomerRecord | None:
        return None if self.customer_id is None else self.records.record(self.customer_id)

    def show_loaded(self, record: CustomerRecord | None) -> None:
        if record is not None:
            self.original = self.latest = record
            self.fill(record.values)
        else:
            named = form_from_query(self.typed_name)
            for field in ("honorific", "given_name", "family_name"):
                self.query_one(f"#field-{field}", TextBox).value = getattr(named, field)

    def load_failed(self, problem: Exception) -> None:
        if isinstance(problem, CustomerNotFound):
            self.notify(str(problem), severity="error")
            self.dismiss(None)
            return
        self.show_error(problem)

    def fill(self, values: CustomerForm) -> None:
        """The record as read; anything typed into a field before it arrived follows the stored value."""
        for field, _ in LINE_FIELDS:
            value = getattr(values, field)
            box = self.query_one(f"#field-{field}", TextBox)
            box.value = (", ".join(value) if field == "phones" else str(value or "")) + box.value
        if values.language in LANGUAGES:
            self.query_one("#field-language", Select).value = values.language
        self.query_one("#field-preferences", TextBoxArea).text = values.preferences

    def typed(self) -> CustomerForm:
        """The fields exactly as they stand on screen."""
        values = {field: self.query_one(f"#field-{field}", TextBox).value for field, _ in LINE_FIELDS}
        language = self.query_one("#field-language", Select).value
        return CustomerForm(
            **{**values, "phones": split_phones(values["phones"])},
            language="" if language is Select.NULL else str(language),
            preferences=self.query_one("#field-preferences", TextBoxArea).text,
        )

    @on(TextBox.Changed, "#field-given_name, #field-family_name")
    def name_typed(self) -> None:
        """While a new name is typed, show who it might already be."""
        if self.customer_id is not None:
            return
        name = f"{self.query_one('#field-given_name', TextBox).value} {self.query_one('#field-family_name', TextBox).value}"
        in_background(self, lambda: self.records.look_alikes(name), self.show_look_alikes, group="look-alikes", exclusive=True)

    def show_look_alikes(self, look_alikes: tuple[LookAlike, ...]) -> None:
        panel = self.query_one("#look-alikes", Static)
        panel.set_class(not look_alikes, "hidden")
        panel.update(_look_alike_text(look_alikes))

    @on(TextBox.Submitted)
    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    def collect(self) -> tuple[CustomerForm, CustomerRecord | None, bool]:
        """What to store: the form as typed, or, after another desk's save, the agent's changes on top of it."""
        typed = self.typed()
        typed.checked()
        anyway, self.create_anyway = self.create_anyway, False
        if self.customer_id is None:
            return typed, None, anyway
        if self.original is None or self.latest is None:
            raise ValueError("The record is still being read; try again in a moment.")
        return on_top(self.latest.values, self.original.values, typed), self.latest, anyway

    def save(self, values: tuple[CustomerForm, CustomerRecord | None, bool]) -> SavedCustomer | LooksLikeExisting:
        form, read, anyway = values
        if self.customer_id is None or read is None:
            return self.records.create(form, anyway=anyway)
        return self.records.update(self.customer_id, form, read)

    def saved(self, result: SavedCustomer | LooksLikeExisting) -> None:
        if isinstance(result, LooksLikeExisting):
            question = Text.assemble(
                ("This looks like an existing customer:\n", "bold"),
                *(f"  • {describe(summary)}\n" for summary in result.close),
                "\nCreate a new record for a different person anyway?",
            )
            self.app.push_screen(ConfirmScreen(question, yes="Create anyway", no="Go back"), self.confirmed)
            return
        self.notify(Text(f"Saved {result.name}"))
        self.dismiss(result.customer_id)

    def confirmed(self, create: bool | None) -> None:
        if create:
            self.create_anyway = True
            self.action_save()

    def show_error(self, problem: Exception | str | None) -> None:
        if isinstance(problem, CustomerChanged):
            self.latest = problem.current
            self.show_conflict(problem)
        super().show_error(problem)
        field = getattr(problem, "field", None)
        target = self.query(f"#field-{field}") if field else None
        if target:
            target.first().focus()

    def show_conflict(self, conflict: CustomerChanged) -> None:
        text = Text("⚠ Saved at another desk since you opened this record:", style="bold yellow")
        for line in conflict.theirs or ("(no field you can see changed)",):
            text.append("\n  ")
            text.append(line)
        text.append("\nYour fields are kept as you typed them. Ctrl+S saves your changes on top of these; "
                    "fields you did not change keep the other desk's values.")
        panel = self.query_one("#conflict", Static)
        panel.update(text)
        panel.remove_class("hidden")
        self.call_after_refresh(panel.scroll_visible)  # once laid out at its new height, so every line shows

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()


def _look_alike_text(look_alikes: tuple[LookAlike, ...]) -> Text:
    text = Text("Is it one of these?", style="bold yellow")
    for alike in look_alikes:
        text.append("\n  • ")
        text.append(describe(alike.summary))
    return text
