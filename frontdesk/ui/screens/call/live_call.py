"""A call or visit in progress: notes typed while listening, saved as they are typed, never lost."""

from __future__ import annotations

from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, SelectionList, Static

from frontdesk.clock.now import utcnow
from frontdesk.db.models import Outcome
from frontdesk.services.desk import Desk
from frontdesk.ui.screens.call.call_reason import CallReasonScreen
from frontdesk.ui.screens.greeting.customer_picker import CustomerPickerScreen
from frontdesk.ui.screens.call.handoff import HandoffScreen
from frontdesk.ui.screens.call.mood import MoodScreen
from frontdesk.ui.screens.call.note_edit import NoteEditScreen
from frontdesk.ui.screens.call.follow_up import FollowUpOfferScreen
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from frontdesk.ui.screens.call.solution_picker import SolutionPickerScreen
from frontdesk.ui.screens.call.take_message import TakeMessageScreen
from frontdesk.ui.screens.dialogs.text_prompt import TextPromptScreen
from frontdesk.ui.screens.call.wrap_up import WrapUpScreen
from frontdesk.services.call_view import CallView, call_view, customer_history
from frontdesk.services.courtesy import toggle_courtesy
from frontdesk.services.escalations import flag_for_manager
from frontdesk.services.interactions import link_customer
from frontdesk.services.moods import set_mood
from frontdesk.services.notes import add_note, draft_of, save_draft
from frontdesk.services.validation import ValidationError
from frontdesk.ui.widgets.call_header import CallHeader
from frontdesk.ui.widgets.courtesy_list import CourtesyList
from frontdesk.ui.widgets.history_panel import HistoryPanel
from frontdesk.ui.widgets.note_line import NoteLine
from frontdesk.ui.widgets.notes_log import NotesLog

DRAFT_EVERY = 0.4
"""Seconds between draft saves while typing: a crash loses less than half a second of words."""
REFRESH_EVERY = 2.0
"""Seconds between looks for notes added by another terminal on the same interaction."""


class LiveCallScreen(Screen):
    BINDINGS = [
        Binding("ctrl+t", "toggle_verbatim", "Their words", id="call.verbatim", tooltip="Mark the line as the customer's own words"),
        Binding("up", "to_notes", "Notes", show=False, id="call.notes"),
        Binding("f6", "mood", "Mood", id="call.mood"),
        Binding("f7", "courtesy", "Courtesy", id="call.courtesy"),
        Binding("f8", "history", "History", id="call.history"),
        Binding("f9", "wrap_up", "Wrap up", id="call.wrap-up"),
        Binding("ctrl+r", "reason", "Reason", id="call.reason"),
        Binding("ctrl+o", "hand_off", "Hand off", id="call.hand-off"),
        Binding("ctrl+y", "solutions", "Options", id="call.solutions", tooltip="Offer the options for this kind of problem"),
        Binding("ctrl+n", "promise", "Promise", id="call.promise", tooltip="Make a promise the desk can keep"),
        Binding("ctrl+g", "take_message", "Message", id="call.message"),
        Binding("ctrl+b", "manager", "Manager", id="call.manager"),
        Binding("ctrl+l", "link", "Link", id="call.link"),
    ]
    AUTO_FOCUS = "#note-line"

    def __init__(self, desk: Desk, interaction_id: int) -> None:
        super().__init__()
        self.desk = desk
        self.interaction_id = interaction_id
        self.verbatim = False
        self.draft_dirty = False
        with desk.session() as session:
            self.view: CallView = call_view(session, interaction_id)
            self.draft = draft_of(session, interaction_id, desk.agent_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield CallHeader(id="call-header")
        with Horizontal(id="call-body"):
            with Vertical(id="notes-pane"):
                yield NotesLog(id="notes")
                yield Label("", id="line-kind", markup=False)
                yield NoteLine(placeholder="Type what you hear; Enter saves the line", id="note-line")
                yield Static("", id="draft-status", markup=False)
            with Vertical(id="side-pane"):
                yield CourtesyList(self.view.interaction.courtesy, id="courtesy")
                yield HistoryPanel(id="history")
        yield Footer()

    def on_mount(self) -> None:
        if self.draft is not None:
            self.query_one("#note-line", Input).value = self.draft.text
            self.verbatim = self.draft.verbatim
            self.query_one("#draft-status", Static).update("Draft restored: nothing you typed was lost.")
        self.show_line_kind()
        self.show(self.view)
        self.set_interval(1, self.tick)
        self.set_interval(DRAFT_EVERY, self.save_draft_if_typed)
        self.set_interval(REFRESH_EVERY, self.reload)

    def show(self, view: CallView) -> None:
        self.view = view
        self.tick()
        self.query_one("#notes", NotesLog).show(view.notes)
        if view.customer is not None:
            with self.desk.session() as session:
                history = customer_history(session, view.customer.id, leave_out=self.interaction_id)
            self.query_one("#history", HistoryPanel).show(history)

    def tick(self) -> None:
        self.query_one("#call-header", CallHeader).show(self.view, utcnow() - self.view.interaction.started_at)

    def reload(self) -> None:
        with self.desk.reading() as session:
            view = call_view(session, self.interaction_id)
        if view.interaction.ended_at is not None:
            self.notify("This interaction was wrapped up on another terminal.", severity="warning")
            self.leave()
            return
        if len(view.notes) != len(self.view.notes) or view.interaction.owner_id != self.view.interaction.owner_id:
            self.show(view)
        else:
            self.view = view

    @property
    def line(self) -> Input:
        return self.query_one("#note-line", Input)

    @on(Input.Changed, "#note-line")
    def typed(self) -> None:
        self.draft_dirty = True

    @on(Input.Blurred, "#note-line")
    def save_draft_if_typed(self) -> None:
        if not self.draft_dirty:
            return
        try:
            with self.desk.session() as session:
                save_draft(session, self.interaction_id, self.desk.agent_id, self.line.value, verbatim=self.verbatim)
        except SQLAlchemyError:
            self.query_one("#draft-status", Static).update("The database is busy; the draft will be saved again shortly.")
            return
        self.draft_dirty = False
        self.query_one("#draft-status", Static).update(f"Draft saved {utcnow().astimezone():%H:%M:%S}")

    @on(Input.Submitted, "#note-line")
    def line_submitted(self, event: Input.Submitted) -> None:
        self.commit(event.value)

    def commit(self, text: str) -> None:
        """Saves `text` as a note; keys typed after Enter but handled before it stay in the box.

        Under load (another terminal holding the database) the Enter can be handled after the
        next keys reached the box, so the box is cut by what was submitted, not cleared.
        """
        if not text.strip():
            return  # an empty line is not a note
        try:
            with self.desk.session() as session:
                add_note(session, self.interaction_id, self.desk.agent_id, text, verbatim=self.verbatim)
                view = call_view(session, self.interaction_id)
        except ValidationError as error:
            self.notify(str(error), severity="error")
            return
        except SQLAlchemyError:
            self.notify("The database is busy; the line was not saved yet. Press Enter again.", severity="error")
            return
        typed_since = self.line.value[len(text):] if self.line.value.startswith(text) else self.line.value
        self.line.value = typed_since
        self.draft_dirty = bool(typed_since)
        self.verbatim = False
        self.show_line_kind()
        self.query_one("#draft-status", Static).update("")
        self.show(view)

    def show_line_kind(self) -> None:
        kind = self.query_one("#line-kind", Label)
        kind.update("The customer's own words: kept verbatim (Ctrl+T to switch off)" if self.verbatim else "")
        kind.set_class(self.verbatim, "verbatim")

    def action_toggle_verbatim(self) -> None:
        self.verbatim = not self.verbatim
        self.draft_dirty = True
        self.show_line_kind()

    def action_to_notes(self) -> None:
        if self.line.has_focus and self.view.notes:
            notes = self.query_one("#notes", NotesLog)
            notes.focus()
            notes.highlighted = len(self.view.notes) - 1

    @on(NotesLog.OptionSelected, "#notes")
    def edit_note(self, event: NotesLog.OptionSelected) -> None:
        note = next(note for note in self.view.notes if str(note.id) == event.option.id)
        self.app.push_screen(NoteEditScreen(self.desk, note), lambda _saved: self.reload_now())

    def reload_now(self) -> None:
        with self.desk.session() as session:
            view = call_view(session, self.interaction_id)
        self.show(view)

    @on(SelectionList.SelectionToggled, "#courtesy")
    def courtesy_toggled(self, event: SelectionList.SelectionToggled) -> None:
        with self.desk.session() as session:
            toggle_courtesy(session, self.interaction_id, self.desk.agent_id, event.selection.value)

    def action_courtesy(self) -> None:
        self.query_one("#courtesy").focus()

    def action_history(self) -> None:
        self.query_one("#history-filter").focus()

    def action_mood(self) -> None:
        def chosen(mood: str | None) -> None:
            if mood:
                with self.desk.session() as session:
                    set_mood(session, self.interaction_id, self.desk.agent_id, mood)
                self.reload_now()

        self.app.push_screen(MoodScreen(), chosen)

    def action_reason(self) -> None:
        self.app.push_screen(CallReasonScreen(self.desk, self.interaction_id), lambda _saved: self.reload_now())

    def action_manager(self) -> None:
        def flagged(reason: str | None) -> None:
            if not reason:
                return
            try:
                with self.desk.session() as session:
                    flag_for_manager(session, self.interaction_id, self.desk.agent_id, reason)
            except ValidationError as problem:
                self.notify(str(problem), severity="error")
                return
            self.notify("Flagged for a supervisor.", severity="warning")
            self.reload_now()

        question = Text("The customer wants to speak to a manager. Why, in their words?")
        self.app.push_screen(TextPromptScreen("Wants a manager", question, "Their reason"), flagged)

    def action_link(self) -> None:
        def linked(customer_id: int | None) -> None:
            if customer_id is None:
                return
            try:
                with self.desk.session() as session:
                    link_customer(session, self.interaction_id, customer_id, self.desk.agent_id)
            except ValidationError as problem:
                self.notify(str(problem), severity="error")
            self.reload_now()

        self.app.push_screen(CustomerPickerScreen(self.desk, "Who is calling? Link the call to their record"), linked)

    def action_solutions(self) -> None:
        self.app.push_screen(SolutionPickerScreen(self.desk, self.interaction_id, self.desk.rules().currency), lambda _saved: self.reload_now())

    def action_promise(self) -> None:
        if self.view.customer is None:
            self.notify("Link the call to the customer first (Ctrl+L): a promise needs someone to keep it for.", severity="warning")
            return
        self.app.push_screen(PromiseFormScreen(self.desk, self.view.customer.id, self.interaction_id), lambda _made: self.reload_now())

    def action_take_message(self) -> None:
        customer = self.view.customer
        contact = "" if customer is None else ", ".join([self.view.address_as, *customer.phones[:1]])

        def taken(colleague: str | None) -> None:
            if colleague:
                self.notify(Text(f"Message left for {colleague}; it is their callback now."))

        self.app.push_screen(TakeMessageScreen(self.desk, customer.id if customer else None, contact, self.interaction_id), taken)

    def action_hand_off(self) -> None:
        self.save_draft_if_typed()

        def handed(colleague: str | None) -> None:
            if colleague:
                self.notify(Text(f"Handed to {colleague}, with all notes."))
                self.leave()

        self.app.push_screen(HandoffScreen(self.desk, self.interaction_id), handed)

    def action_wrap_up(self) -> None:
        self.commit(self.line.value)

        def closed(outcome: str | None) -> None:
            if outcome:
                self.notify(Text(f"Saved. Outcome: {outcome}."))
                customer = self.view.customer
                self.leave()
                if outcome == Outcome.RESOLVED and customer is not None:
                    self.app.push_screen(FollowUpOfferScreen(self.desk, self.interaction_id))

        self.app.push_screen(WrapUpScreen(self.desk, self.interaction_id), closed)

    def leave(self) -> None:
        """This terminal no longer works on the interaction (wrapped up, or handed to a colleague)."""
        self.desk.current_interaction_id = None
        self.app.pop_screen()
