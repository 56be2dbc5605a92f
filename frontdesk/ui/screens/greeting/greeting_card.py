"""The greeting card: what to say, how to say it, and what is still open for this customer."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from frontdesk.clock.dates import date_words, day_month_year
from frontdesk.ui.compact import DeskFooter
from frontdesk.clock.when import relative, short
from frontdesk.services.customer_form import LANGUAGES, parse_birth_date
from frontdesk.services.phones import shown_phone
from frontdesk.services.desk import Desk
from frontdesk.services.facades.customer_requests import CustomerRequests, Erased
from frontdesk.services.facades.greeting import CardView, GreetingDesk, StartedContact
from frontdesk.services.greeting import GreetingCard
from frontdesk.services.outcomes import outcome_words
from frontdesk.services.presence import OpenElsewhere
from frontdesk.ui.background import in_background, toast
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.customer_requests import ask_erase, ask_export
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.type_ahead import LoadsBeforeKeys
from frontdesk.ui.widgets.access_log import AccessLogPanel
from frontdesk.ui.widgets.also_open import AlsoOpen
from frontdesk.ui.widgets.promise_text import promises_text

CARD_PARTS = ("#salutation", "#who", "#last-visit", "#open-promises", "#preferences")
ABOUT_THE_CUSTOMER = ("customer", "promise", "interaction", "callback")
"""Changes that can alter what the card shows: the record itself, its promises, its last visit."""


class GreetingCardScreen(LoadsBeforeKeys, StyledOnMount, Screen):
    """While the card is open, presence tells other terminals this customer is being served here.

    A key pressed before the card was read (Enter, then `c` at once) acts once it is shown.
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="card.back"),
        Binding("c", "start('phone')", "Start call", id="card.call"),
        Binding("v", "start('walk-in')", "Start visit", id="card.visit"),
        Binding("e", "edit", "Edit record", id="card.edit"),
        Binding("p", "promise", "Promise", id="card.promise"),
        Binding("f", "show_phone", "Full number", id="card.phone",
                tooltip="Show the whole phone number (only its last four digits show until asked; the request is recorded)"),
        Binding("o", "open_kept", "Open the record that stayed", id="card.open-kept",
                tooltip="This record was merged away at another desk: open the one it was merged into"),
        Binding("a", "access_log", "Who looked", id="card.access-log",
                tooltip="Supervisors: who opened this record, when, from which desk and why"),
        Binding("x", "export", "Export", id="card.export",
                tooltip="Supervisors: everything held about this customer, written to a file you name"),
        Binding("ctrl+d", "erase", "Erase", id="card.erase",
                tooltip="Supervisors: the customer asked to be forgotten; their personal data is replaced at every desk"),
    ]
    SUPERVISOR_ACTIONS = ("access_log", "export", "erase")
    """Offered only to a supervisor; the services refuse anyone else in any case."""

    def __init__(self, desk: Desk, customer_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.greeting = GreetingDesk(desk)
        self.customer_id = customer_id
        self.card: GreetingCard | None = None
        """None until the card is read, and after the record was merged away elsewhere."""
        self.shown = False
        """Set once a card was on screen: from then on a record that is gone is said, never closed on the agent."""
        self.merged_into_id: int | None = None
        self.starting = False
        self.phone_shown = False
        """The agent asked for the full number (f): the same rule as every list, masked until asked."""
        """True while a call or visit is being started, so a second key press does not start two."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="card"):
            yield Static(id="gone", classes="hidden error")
            yield AlsoOpen(id="also-open")
            for part in CARD_PARTS:
                yield Static(id=part.removeprefix("#"))
            yield AccessLogPanel(id="access-log")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.reload()
        in_background(self.app, self.greeting.showing(self.customer_id), group="presence")

    def on_unmount(self) -> None:
        """The card is closed: this terminal no longer has the customer open (the app runs the job, the card is gone)."""
        in_background(self.app, self.greeting.showing(None), group="presence")

    def reload(self, *, audited: bool = True) -> None:
        """`audited` when the agent asked for the card; a reload for another desk's change is not a new view."""
        customer_id = self.customer_id
        in_background(self, lambda: self.greeting.card(customer_id, audited=audited), self.show_card, failed=self.not_read,
                      group="card", exclusive=True)

    def not_read(self, problem: Exception) -> None:
        """The database did not answer: said, and the keys typed meanwhile act on the card as it is (Esc goes back)."""
        toast(self)(problem)
        self.keys_may_act()

    def show_card(self, view: CardView) -> None:
        if view.customer_id != self.customer_id:
            return  # the agent moved on to the record that stayed meanwhile
        if view.card is None:
            self.show_gone(view)
            return
        card = self.card = view.card
        self.shown = True
        self.merged_into_id = None
        self.query_one("#gone").add_class("hidden")
        self.query_one("#salutation", Static).update(Text(card.salutation, style="bold"))
        self.query_one("#who", Static).update(_who(card, full_phone=self.phone_shown))
        self.query_one("#last-visit", Static).update(_last_visit(card))
        self.query_one("#open-promises", Static).update(promises_text(card.promises))
        self.query_one("#preferences", Static).update(_preferences(card))
        self.show_also_open(view.open_at)
        self.refresh_bindings()
        self.keys_may_act()

    def show_gone(self, view: CardView) -> None:
        """Opened from a stale list, the card just closes; open while another desk merged it away, it says so.

        It goes on saying so when the news comes again (a change heard twice, a catch-up after the feed
        reconnected): a card the agent is reading never disappears under them.
        """
        if not self.shown and self.is_active:
            self.notify(view.gone, severity="error")
            self.app.pop_screen()
            return
        self.card, self.merged_into_id = None, view.merged_into_id
        hint = "\nPress o to open the record that stayed." if view.merged_into_id else ""
        gone = self.query_one("#gone", Static)
        gone.update(Text(view.gone + hint))
        gone.remove_class("hidden")
        for part in CARD_PARTS:
            self.query_one(part, Static).update("")
        self.refresh_bindings()
        self.keys_may_act()

    def show_also_open(self, entries: tuple[OpenElsewhere, ...]) -> None:
        self.query_one(AlsoOpen).show(entries)

    @on(DeskChanged)
    def desk_changed(self, event: DeskChanged) -> None:
        """Another desk corrected, merged or served this customer: the card shows the record as it now stands."""
        if any(self.customer_id in (change.customer_id, change.entity_id) for change in event.touching(*ABOUT_THE_CUSTOMER)):
            self.reload(audited=False)
        elif event.touches("presence"):
            customer_id = self.customer_id
            in_background(self, lambda: self.greeting.open_elsewhere(customer_id), self.show_also_open,
                          group="also-open", exclusive=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing can be done with a record merged away; the record that stayed can be opened instead."""
        if action == "open_kept":
            return self.merged_into_id is not None
        if action in self.SUPERVISOR_ACTIONS:
            return self.card is not None and self.desk.agent is not None and self.desk.agent.is_supervisor
        if action in ("start", "edit", "promise"):
            return self.card is not None
        return True

    def action_access_log(self) -> None:
        panel = self.query_one(AccessLogPanel)
        if panel.showing:
            panel.hide()
            return
        customer_id = self.customer_id
        in_background(self, lambda: CustomerRequests(self.desk).access_log(customer_id), panel.show, group="access-log")

    def action_export(self) -> None:
        ask_export(self, self.desk, self.customer_id, self.card.name if self.card else "")

    def action_erase(self) -> None:
        ask_erase(self, self.desk, self.customer_id, self.card.name if self.card else "", self.erased)

    def erased(self, done: Erased) -> None:
        self.notify(f"Customer {done.erasure.customer_id} erased; the figures keep their counts.")
        self.app.pop_screen()

    def action_open_kept(self) -> None:
        if self.merged_into_id is None:
            return
        self.customer_id, self.merged_into_id = self.merged_into_id, None
        self.refresh_bindings()
        self.reload()
        in_background(self.app, self.greeting.showing(self.customer_id), group="presence")

    def action_start(self, channel: str) -> None:
        if self.desk.current_interaction_id is not None:
            self.keys_refused("You are in another call or visit: wrap it up or hand it off first (F3).")
            return
        if self.starting or self.card is None:
            return
        self.starting = True
        self.hold_keys()  # what is typed next is the call's first note, not keys for this card (e: edit, p: promise)
        customer_id, name = self.customer_id, self.card.name
        in_background(self, lambda: self.greeting.start(customer_id, channel),
                      lambda started: self.started(started, channel, name), failed=self.not_started)

    def started(self, started: StartedContact, channel: str, name: str) -> None:
        """The keys held since `c` go on to the live call once it has opened (it holds them until then)."""
        self.starting = False
        self.keys_wait = False
        self.desk.current_interaction_id = started.interaction_id
        kind = "Call" if channel == "phone" else "Visit"
        self.notify(Text(f"{kind} with {name} started at {short(started.started_at)}."))
        self.app.switch_mode("call")

    def not_started(self, problem: Exception) -> None:
        self.starting = False
        self.keys_refused(str(problem))

    def action_show_phone(self) -> None:
        if self.card is None or self.phone_shown:
            return
        customer_id = self.customer_id
        in_background(self, lambda: self.greeting.show_phone(customer_id), lambda _nothing: self.phone_asked(),
                      failed=lambda problem: self.notify(str(problem), severity="error"))

    def phone_asked(self) -> None:
        self.phone_shown = True
        if self.card is not None:
            self.query_one("#who", Static).update(_who(self.card, full_phone=True))

    def action_promise(self) -> None:
        self.app.push_screen(PromiseFormScreen(self.desk, self.customer_id), lambda _made: self.reload())

    def action_edit(self) -> None:
        self.app.push_screen(CustomerFormScreen(self.desk, customer_id=self.customer_id), lambda _saved: self.reload())


def _who(card: GreetingCard, *, full_phone: bool) -> Text:
    customer = card.customer.values
    text = Text.assemble(("Name: ", "bold"), card.name)
    if customer.pronunciation:
        text.append_text(Text.assemble("\n", ("Say it: ", "bold"), customer.pronunciation))
    if customer.preferred_address:
        text.append_text(Text.assemble("\n", ("Likes to be called: ", "bold"), customer.preferred_address))
    text.append_text(Text.assemble("\n", ("Language: ", "bold"), LANGUAGES.get(customer.language, customer.language or "—")))
    phones = customer.phones if full_phone else [shown_phone(phone) for phone in customer.phones]
    details = [customer.street, ", ".join(phones), customer.email]
    if customer.birth_date:
        details.append(f"born {date_words(parse_birth_date(customer.birth_date), weekday=False)}")
    text.append_text(Text.assemble("\n", ("Details: ", "bold"), " · ".join(part for part in details if part) or "—"))
    if card.aliases:
        text.append_text(Text.assemble("\n", ("Also known as: ", "bold"), ", ".join(card.aliases)))
    return text


def _last_visit(card: GreetingCard) -> Text:
    visit = card.last_visit
    if visit is None:
        return Text.assemble(("Last time: ", "bold"), "first contact, welcome them.")
    when = day_month_year(visit.when)
    return Text.assemble(
        ("Last time: ", "bold"),
        f"{when} ({relative(visit.when)}), {visit.channel} with {visit.agent}: ",
        visit.reason or "no reason noted",
        f" — {outcome_words(visit.outcome)}",
    )


def _preferences(card: GreetingCard) -> Text:
    return Text.assemble(("Preferences: ", "bold"), card.customer.values.preferences or "none noted")
