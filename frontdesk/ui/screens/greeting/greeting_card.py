"""The greeting card: what to say, how to say it, and what is still open for this customer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from frontdesk.clock.now import to_local
from frontdesk.db.models import Channel
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from frontdesk.services.customers import CustomerNotFound
from frontdesk.services.greeting import GreetingCard, greeting_card
from frontdesk.services.interactions import start_interaction
from frontdesk.services.validation import ValidationError
from frontdesk.clock.when import relative, short
from frontdesk.ui.widgets.promise_text import promises_text

LANGUAGES = {"en": "English", "fa": "Persian (فارسی)", "el": "Greek (Ελληνικά)"}


class GreetingCardScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="card.back"),
        Binding("c", "start('phone')", "Start call", id="card.call"),
        Binding("v", "start('walk-in')", "Start visit", id="card.visit"),
        Binding("e", "edit", "Edit record", id="card.edit"),
        Binding("p", "promise", "Promise", id="card.promise"),
    ]

    def __init__(self, desk: Desk, customer_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.customer_id = customer_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="card"):
            yield Static(id="salutation")
            yield Static(id="who")
            yield Static(id="last-visit")
            yield Static(id="open-promises")
            yield Static(id="preferences")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            with self.desk.session() as session:
                card = greeting_card(session, self.customer_id, self.desk.agent_id)
        except CustomerNotFound as gone:
            self.notify(str(gone), severity="error")
            self.app.pop_screen()
            return
        self.card = card
        self.query_one("#salutation", Static).update(Text(card.salutation, style="bold"))
        self.query_one("#who", Static).update(_who(card))
        self.query_one("#last-visit", Static).update(_last_visit(card))
        self.query_one("#open-promises", Static).update(promises_text(card.promises))
        self.query_one("#preferences", Static).update(_preferences(card))

    def action_start(self, channel: str) -> None:
        if self.desk.current_interaction_id is not None:
            self.notify("You are in another call or visit: wrap it up or hand it off first (F3).", severity="warning")
            return
        try:
            with self.desk.session() as session:
                interaction = start_interaction(session, self.desk.agent_id, self.customer_id, channel=channel)
        except ValidationError as problem:
            self.notify(str(problem), severity="error")
            return
        self.desk.current_interaction_id = interaction.id
        kind = "Call" if channel == Channel.PHONE else "Visit"
        self.notify(Text(f"{kind} with {self.card.name} started at {short(interaction.started_at)}."))
        self.app.switch_mode("call")

    def action_promise(self) -> None:
        self.app.push_screen(PromiseFormScreen(self.desk, self.customer_id), lambda _made: self.reload())

    def action_edit(self) -> None:
        self.app.push_screen(CustomerFormScreen(self.desk, customer_id=self.customer_id), lambda saved: self.reload())


def _who(card: GreetingCard) -> Text:
    customer = card.customer
    text = Text.assemble(("Name: ", "bold"), card.name)
    if customer.pronunciation:
        text.append_text(Text.assemble("\n", ("Say it: ", "bold"), customer.pronunciation))
    if customer.preferred_address:
        text.append_text(Text.assemble("\n", ("Likes to be called: ", "bold"), customer.preferred_address))
    text.append_text(Text.assemble("\n", ("Language: ", "bold"), LANGUAGES.get(customer.language, customer.language or "—")))
    details = [customer.street, ", ".join(customer.phones), customer.email]
    if customer.birth_date:
        details.append(f"born {customer.birth_date.isoformat()}")
    text.append_text(Text.assemble("\n", ("Details: ", "bold"), " · ".join(part for part in details if part) or "—"))
    if card.aliases:
        text.append_text(Text.assemble("\n", ("Also known as: ", "bold"), ", ".join(card.aliases)))
    return text


def _last_visit(card: GreetingCard) -> Text:
    visit = card.last_visit
    if visit is None:
        return Text.assemble(("Last time: ", "bold"), "first contact, welcome them.")
    when = to_local(visit.when).strftime("%d %b %Y")
    return Text.assemble(
        ("Last time: ", "bold"),
        f"{when} ({relative(visit.when)}), {visit.channel} with {visit.agent}: ",
        visit.reason or "no reason noted",
        f" — {visit.outcome or 'still open'}",
    )


def _preferences(card: GreetingCard) -> Text:
    return Text.assemble(("Preferences: ", "bold"), card.customer.preferences or "none noted")
