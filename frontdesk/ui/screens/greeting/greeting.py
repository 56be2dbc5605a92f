"""The Greeting section: the agent types what the customer says, the right record comes up."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, ProgressBar, Static

from frontdesk.ui.compact import DeskFooter
from frontdesk.lookup import Match
from frontdesk.services.customer_text import shown_of
from frontdesk.services.numbers import shown_count
from frontdesk.services.desk import Desk
from frontdesk.services.facades.greeting import RESULTS, GreetingDesk, SearchResults
from frontdesk.ui.background import in_background, toast
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.greeting.customer_form import CustomerFormScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.greeting.merge import MergeScreen
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.type_ahead import LoadsBeforeKeys
from frontdesk.ui.widgets.ambiguity import ambiguity_warning
from frontdesk.ui.widgets.match_table import MatchTable
from frontdesk.ui.widgets.edit_boxes import TextBox


class GreetingScreen(LoadsBeforeKeys, StyledOnMount, Screen):
    BINDINGS = [
        Binding("ctrl+n", "new_customer", "New", id="greeting.new", tooltip="Add a customer record"),
        Binding("ctrl+r", "edit_customer", "Correct", id="greeting.edit", tooltip="Correct the highlighted record"),
        Binding("ctrl+g", "merge_customer", "Merge", id="greeting.merge", tooltip="Merge two records of one person"),
        Binding("down", "to_results", "Results", show=False, id="greeting.results"),
    ]

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.greeting = GreetingDesk(desk)
        self.matches: list[Match] = []
        self.limit = RESULTS
        """Rows asked for: one page, and one more each time ↓ goes past the last row."""
        self.more = 0
        """Customers that fit the query but are not in the list yet."""
        self.next_page_row: int | None = None
        """Where the cursor goes once the next page arrives: its first new row."""
        self.card_was_open = False
        """A greeting card was opened from here: coming back, the search box takes focus again."""
        self.keys_wait = False
        self.shown_query: str | None = None
        """The query the rows on screen answer; while it is not the text in the box, its search is still running."""
        self.when_found: Callable[[], None] | None = None
        """What Enter or ↓ asked of the rows while they still answered an older query: done once they answer this one."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextBox(placeholder="Name, street, phone or birth date, as the customer says it", id="query")
        yield Static(id="lookup-status", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False, classes="hidden")
        yield Static(id="ambiguity", classes="hidden")
        yield MatchTable(id="matches")
        yield DeskFooter()

    @property
    def query_input(self) -> TextBox:
        return self.query_one("#query", TextBox)

    @property
    def table(self) -> MatchTable:
        return self.query_one("#matches", MatchTable)

    def on_mount(self) -> None:
        """The index is built here the first time; once built, the count shows at once and the first search runs,
        without waiting for the screen's first resume, which a dialog opened at sign-in (the resume offer) can
        overtake."""
        if not self.desk.directory.ready.is_set():
            self.query_one("#index-progress").remove_class("hidden")
            in_background(self, lambda: self.greeting.build_index(self.progress_from_worker), self.index_built,
                          group="index", exclusive=True, description="Building the customer index")
        else:
            self.query_one("#lookup-status", Static).update(f"{shown_count(len(self.desk.directory))} customers")
            self.run_search(self.query_input.value)
        self.query_input.focus()

    def on_screen_resume(self) -> None:
        """Back from a card or a dialog: a record may have been added, corrected or merged meanwhile.

        Back from a card, the next customer is looked up by typing at once: the box has focus and the
        old query is selected, so the first key replaces it.
        """
        self.run_search(self.query_input.value)
        if self.card_was_open:
            self.card_was_open = False
            self.ready_for_the_next_name()

    def ready_for_the_next_name(self) -> None:
        """The box has focus and the old query is selected, so the first key typed replaces it."""
        self.query_input.focus()
        self.query_input.select_all()

    def progress_from_worker(self, done: int, total: int) -> None:
        self.app.call_from_thread(self.index_progress, done, total)

    def index_progress(self, done: int, total: int) -> None:
        self.query_one("#index-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#lookup-status", Static).update(f"Indexing customers: {shown_count(done)} of {shown_count(total)}. Quick name search meanwhile.")

    def index_built(self, customers: int) -> None:
        self.query_one("#index-progress").add_class("hidden")
        self.query_one("#lookup-status", Static).update(f"{shown_count(customers)} customers")
        self.run_search(self.query_input.value)

    @on(TextBox.Changed, "#query")
    def typed(self, event: TextBox.Changed) -> None:
        self.limit = RESULTS
        self.run_search(event.value)

    @on(MatchTable.MoreWanted, "#matches")
    def next_page(self) -> None:
        """↓ past the last row shows the next page of what fits, the cursor on its first new row."""
        if self.more > 0:
            self.next_page_row = self.table.row_count
            self.limit += RESULTS
            self.run_search(self.query_input.value)

    @on(DeskChanged)
    def desk_changed(self, event: DeskChanged) -> None:
        """Another desk added, corrected, merged or opened a customer: the rows on screen may be out of date.

        Hidden under a greeting card, the screen waits: it searches again when it is shown.
        """
        if event.touches("customer", "presence") and self.is_current:
            self.run_search(self.query_input.value)

    def run_search(self, query: str) -> None:
        """Off the UI thread, and a newer keystroke cancels the stale search."""
        limit = self.limit
        in_background(self, lambda: self.greeting.search(query, limit), self.show_results, failed=self.search_failed,
                      group="lookup", exclusive=True, description="Looking up customers")

    def search_failed(self, problem: Exception) -> None:
        toast(self)(problem)
        self.when_found = None
        self.keys_may_act()

    def on_current_rows(self, act: Callable[[], None]) -> None:
        """Enter or ↓ act on the rows that answer the text in the box. Typed straight after the last letter, they
        came while the search for it still ran: on older rows, Enter on "mary johnson" could open the Mary Jackson
        that "mary j" had put first. They wait for the rows, and so do the keys typed after them."""
        if self.shown_query == self.query_input.value:
            act()
            return
        self.when_found = act
        self.hold_keys()

    def show_results(self, results: SearchResults) -> None:
        query = results.query
        if query != self.query_input.value:
            return  # a newer keystroke is already being searched
        self.show_rows(results)
        self.shown_query = query
        if self.when_found is not None:
            act, self.when_found = self.when_found, None
            act()
            self.keys_may_act()

    def show_rows(self, results: SearchResults) -> None:
        query = results.query
        rows = list(results.rows)
        choosing = self.chosen_in_table()
        self.matches = [row.match for row in rows]
        self.table.show(rows, query)
        ids = [row.match.customer_id for row in rows]
        self.more = results.more
        if self.next_page_row is not None and self.next_page_row < len(ids):
            self.table.move_cursor(row=self.next_page_row)
        elif choosing in ids:  # another desk's change re-ran the search while the agent was choosing: the choice stays
            self.table.move_cursor(row=ids.index(choosing))
        self.next_page_row = None
        tied = [row.summary for row in rows if row.match.ambiguous]
        warning = self.query_one("#ambiguity", Static)
        warning.set_class(len(tied) < 2, "hidden")
        if len(tied) >= 2:
            warning.update(ambiguity_warning(tied))
        if results.indexed:
            self.query_one("#lookup-status", Static).update(self.status(results))

    @staticmethod
    def status(results: SearchResults) -> str:
        if not results.query.strip():
            return f"{shown_count(results.customers)} customers"
        more = ", ↓ past the last row for more" if results.more else ""
        return shown_of(len(results.rows), results.fitting, results.counted_all) + more

    @on(TextBox.Submitted, "#query")
    def submitted(self) -> None:
        self.on_current_rows(self.open_top_match)

    def open_top_match(self) -> None:
        if not self.matches:
            self.notify("No customer matches. Ctrl+N adds a new one.", severity="warning")
            return
        if self.matches[0].ambiguous:
            self.notify("Several customers fit equally well: ask, then choose with ↓ and Enter.", severity="warning")
            return
        self.open_card(self.matches[0].customer_id)

    @on(MatchTable.RowSelected, "#matches")
    def open_chosen(self, event: MatchTable.RowSelected) -> None:
        self.open_card(int(event.row_key.value))

    def open_card(self, customer_id: int) -> None:
        self.card_was_open = True
        self.app.push_screen(GreetingCardScreen(self.desk, customer_id))

    def chosen_in_table(self) -> int | None:
        """The customer under the cursor while the agent is moving through the results with ↓ and ↑."""
        cursor = self.table.cursor_row
        return self.matches[cursor].customer_id if self.table.has_focus and 0 <= cursor < len(self.matches) else None

    def highlighted_customer(self) -> int | None:
        if not self.matches:
            return None
        if self.table.has_focus or len(self.matches) == 1:
            return self.matches[min(self.table.cursor_row, len(self.matches) - 1)].customer_id
        return None if self.matches[0].ambiguous else self.matches[0].customer_id

    def action_to_results(self) -> None:
        self.on_current_rows(self.focus_results)

    def focus_results(self) -> None:
        if self.matches:
            self.table.focus()

    def action_new_customer(self) -> None:
        self.app.push_screen(CustomerFormScreen(self.desk, typed_name=self.query_input.value))

    def action_edit_customer(self) -> None:
        customer_id = self.highlighted_customer()
        if customer_id is None:
            self.notify("Choose the customer to edit first (↓ to the list).", severity="warning")
            return
        self.app.push_screen(CustomerFormScreen(self.desk, customer_id=customer_id))

    def action_merge_customer(self) -> None:
        customer_id = self.highlighted_customer()
        if customer_id is None:
            self.notify("Choose one of the two records first (↓ to the list).", severity="warning")
            return
        self.app.push_screen(MergeScreen(self.desk, customer_id))
