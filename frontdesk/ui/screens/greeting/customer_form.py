"""Adding or correcting a customer, with look-alikes shown before a duplicate is made."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from frontdesk.db.models import Customer
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.services.customer_form import CustomerForm, split_phones
from frontdesk.services.customers import CustomerNotFound, create_customer, get_customer, update_customer
from frontdesk.services.greeting import CustomerSummary, matched_customers
from frontdesk.services.validation import ValidationError
from frontdesk.services.customer_text import describe

DUPLICATE_SCORE = 80.0
"""A new record this close to an existing one needs an explicit "yes, a different person"."""

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
LANGUAGES = [("English", "en"), ("Persian", "fa"), ("Greek", "el")]


class CustomerFormScreen(ModalScreen[int | None]):
    """Returns the saved customer's id, or None when the agent backs out."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]
    AUTO_FOCUS = "#field-given_name"

    def __init__(self, desk: Desk, customer_id: int | None = None, typed_name: str = "") -> None:
        super().__init__()
        self.desk = desk
        self.customer_id = customer_id
        self.typed_name = typed_name
        self.look_alikes: list[tuple[CustomerSummary, float]] = []

    def compose(self) -> ComposeResult:
        title = "Correct the record" if self.customer_id else "New customer"
        with VerticalScroll(id="customer-form", classes="dialog"):
            yield Static(title, classes="dialog-title", markup=False)
            for field, label in LINE_FIELDS:
                yield Label(label, markup=False)
                yield Input(id=f"field-{field}")
            yield Label("Language", markup=False)
            yield Select(LANGUAGES, id="field-language", prompt="Language")
            yield Label("Preferences and notes", markup=False)
            yield TextArea(id="field-preferences", soft_wrap=True)
            yield Static(id="look-alikes", classes="hidden")
            yield Label("", id="form-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        if self.customer_id is not None:
            try:
                with self.desk.session() as session:
                    self.fill(get_customer(session, self.customer_id))
            except CustomerNotFound as gone:
                self.notify(str(gone), severity="error")
                self.dismiss(None)
        elif self.typed_name.strip():
            words = self.typed_name.split()
            self.query_one("#field-given_name", Input).value = " ".join(words[:-1]) if len(words) > 1 else ""
            self.query_one("#field-family_name", Input).value = words[-1]

    def fill(self, customer: Customer) -> None:
        for field, _ in LINE_FIELDS:
            value = getattr(customer, field)
            if field == "phones":
                value = ", ".join(value)
            self.query_one(f"#field-{field}", Input).value = "" if value is None else str(value)
        if customer.language in {code for _, code in LANGUAGES}:
            self.query_one("#field-language", Select).value = customer.language
        self.query_one("#field-preferences", TextArea).text = customer.preferences

    def form(self) -> CustomerForm:
        values = {field: self.query_one(f"#field-{field}", Input).value for field, _ in LINE_FIELDS}
        language = self.query_one("#field-language", Select).value
        return CustomerForm(
            **{**values, "phones": split_phones(values["phones"])},
            language="" if language is Select.NULL else str(language),
            preferences=self.query_one("#field-preferences", TextArea).text,
        )

    @on(Input.Changed, "#field-given_name, #field-family_name")
    def name_typed(self) -> None:
        """While a new name is typed, show who it might already be."""
        if self.customer_id is not None:
            return
        name = f"{self.query_one('#field-given_name', Input).value} {self.query_one('#field-family_name', Input).value}"
        matches = self.desk.directory.search(name, limit=5) if name.strip() else []
        with self.desk.reading() as session:
            self.look_alikes = [(row.summary, row.match.score) for row in matched_customers(session, matches)]
        panel = self.query_one("#look-alikes", Static)
        panel.set_class(not self.look_alikes, "hidden")
        panel.update(_look_alike_text(self.look_alikes))

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            form = self.form()
            form.checked()
        except ValidationError as error:
            self.show_error(error)
            return
        close = [summary for summary, score in self.look_alikes if score >= DUPLICATE_SCORE]
        if self.customer_id is None and close:
            question = Text.assemble(
                ("This looks like an existing customer:\n", "bold"),
                *(f"  • {describe(summary)}\n" for summary in close),
                "\nCreate a new record for a different person anyway?",
            )
            self.app.push_screen(ConfirmScreen(question, yes="Create anyway", no="Go back"), self.confirmed)
            return
        self.store(form)

    def confirmed(self, create: bool | None) -> None:
        if create:
            self.store(self.form())

    def store(self, form: CustomerForm) -> None:
        try:
            with self.desk.session() as session:
                if self.customer_id is None:
                    customer = create_customer(session, form, self.desk.agent_id)
                else:
                    customer = update_customer(session, self.customer_id, form, self.desk.agent_id)
                self.desk.directory.follow(session, customer.id)
        except (ValidationError, CustomerNotFound) as error:
            self.show_error(error)
            return
        self.notify(Text(f"Saved {customer.given_name} {customer.family_name}".strip()))
        self.dismiss(customer.id)

    def show_error(self, error: ValidationError | CustomerNotFound) -> None:
        self.query_one("#form-error", Label).update(str(error))
        target = self.query(f"#field-{getattr(error, 'field', 'family_name')}")
        if target:
            target.first().focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _look_alike_text(look_alikes: list[tuple[CustomerSummary, float]]) -> Text:
    text = Text("Is it one of these?", style="bold yellow")
    for summary, _score in look_alikes:
        text.append("\n  • ")
        text.append(describe(summary))
    return text
