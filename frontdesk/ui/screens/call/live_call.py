"""A call or visit in progress: notes typed while listening, saved as they are typed, never lost."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, SelectionList

from frontdesk.ui.compact import DeskFooter
from frontdesk.clock.now import utcnow
from frontdesk.services.call_view import CallView
from frontdesk.services.changes import Change
from frontdesk.services.desk import Desk
from frontdesk.services.errors import DeskUnavailable
from frontdesk.services.facades.call_forms import FOLLOW_UP, RESOLVED
from frontdesk.services.facades.calls import CallOpened, LiveCall
from frontdesk.services.outcomes import outcome_words
from frontdesk.ui.background import UNAVAILABLE, in_background
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.screens.call.call_reason import CallReasonScreen
from frontdesk.ui.screens.call.follow_up import FollowUpOfferScreen
from frontdesk.ui.screens.call.handoff import HandoffScreen
from frontdesk.ui.screens.call.in_order import InOrder
from frontdesk.ui.screens.call.mood import MoodScreen
from frontdesk.ui.screens.call.note_edit import NoteEditScreen
from frontdesk.ui.screens.call.note_pad import NotePad
from frontdesk.ui.screens.call.solution_picker import SolutionPickerScreen
from frontdesk.ui.screens.call.take_message import TakeMessageScreen
from frontdesk.ui.screens.call.wrap_up import WrapUpScreen
from frontdesk.ui.screens.dialogs.text_prompt import TextPromptScreen
from frontdesk.ui.screens.greeting.customer_picker import CustomerPickerScreen
from frontdesk.ui.screens.promises.promise_form import PromiseFormScreen
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.type_ahead import LoadsBeforeKeys
from frontdesk.ui.widgets.also_open import AlsoOpen
from frontdesk.ui.widgets.call_header import CallHeader
from frontdesk.ui.widgets.call_side import CallSidePane
from frontdesk.ui.widgets.notes_log import NotesLog

REOPEN_AFTER = 2.0
"""Seconds before a call that could not be read (the database busy) is read again."""
CHANGES_TO_THE_CALL = ("note", "interaction", "customer", "promise", "callback", "goodwill")
"""Kinds of change that can alter what a live call shows, when they touch its interaction or customer."""


def touches_the_call(view: CallView, changes: Iterable[Change]) -> bool:
    """Whether any change may alter what the call shows; an agent renamed or gone may be its owner."""
    note_ids = {note.id for note in view.notes}
    for change in changes:
        if change.kind == "agent":
            return True
        if change.kind not in CHANGES_TO_THE_CALL:
            continue
        if (change.entity_id, change.customer_id, change.interaction_id) == (None, None, None):
            return True  # a bulk change: which rows, nobody knows
        if change.interaction_id == view.interaction_id or (view.customer_id is not None and change.customer_id == view.customer_id):
            return True
        if (change.kind, change.entity_id) == ("interaction", view.interaction_id) or (change.kind == "note" and change.entity_id in note_ids):
            return True
    return False


def in_their_history(change: Change, customer_id: int, interaction_id: int | None) -> bool:
    """Whether a change to a call or note may show in the customer's history beside this call. A note edited
    elsewhere may not name its customer (its change does when the call was at hand), so such an edit counts; a note
    added to an unknown caller's call names none and does not, or every live call would read its history again."""
    if change.everything:
        return True
    if change.interaction_id == interaction_id:
        return False
    return change.customer_id == customer_id or (change.kind == "note" and change.action == "edited" and change.customer_id is None)


class LiveCallScreen(LoadsBeforeKeys, StyledOnMount, Screen):
    """Follows other terminals through DeskChanged: their notes, edits, owner changes and wrap-up show here.

    Keys typed while it opens wait for it: a note typed straight after `c` on the card is this call's first note."""

    BINDINGS = [
        Binding("ctrl+t", "toggle_verbatim", "Their words", id="call.verbatim", tooltip="Mark the line as the customer's own words"),
        Binding("up", "to_notes", "Notes", show=False, id="call.notes"),
        Binding("f6", "mood", "Mood", id="call.mood"),
        Binding("f7", "courtesy", "Courtesy", id="call.courtesy"),
        Binding("f8", "show_history", "History", id="call.history", tooltip="The customer's history and open promises"),
        Binding("f8", "hide_history", "Hide history", id="call.hide-history", tooltip="Back to the notes"),
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
        self.call = LiveCall(desk, interaction_id)
        self.writes = InOrder(self, "call-writes", showing=lambda: not self.left)
        self.view: CallView | None = None
        """None until the first read is back; then the call as last read."""
        self.owner_id: int | None = None
        """The owner this screen last told the agent about, so a handoff elsewhere is said once."""
        self.left = False
        """Set on leaving: answers still on their way from the database are dropped, not drawn."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield CallHeader("Opening the call…", id="call-header", markup=False)
        yield AlsoOpen(id="also-open")
        with Horizontal(id="call-body"):
            with Vertical(id="notes-pane"):
                yield NotesLog(id="notes")
                yield NotePad(self.call, self.writes, id="note-pad")
            yield CallSidePane(id="side-pane")
        yield DeskFooter()

    @property
    def pad(self) -> NotePad:
        return self.query_one("#note-pad", NotePad)

    @property
    def side(self) -> CallSidePane:
        return self.query_one("#side-pane", CallSidePane)

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)
        self.open()

    def open(self) -> None:
        in_background(self, self.call.opened, self.opened, failed=self.not_opened, group="call-view", exclusive=True)

    def not_opened(self, problem: Exception) -> None:
        """Typing goes on meanwhile (the line is kept and saved); the call is read again shortly."""
        self.tell(problem)
        self.set_timer(REOPEN_AFTER, self.open)
        self.keys_may_act()

    def opened(self, opened: CallOpened) -> None:
        self.pad.restore(opened.draft)
        self.owner_id = opened.view.owner_id
        self.show(opened.view)
        self.keys_may_act()

    def show(self, view: CallView) -> None:
        if self.left:
            return
        previous, self.view = self.view, view
        self.tick()
        if previous is None or previous.notes != view.notes:
            self.query_one("#notes", NotesLog).show(view.notes)
        if previous is None or previous.courtesy != view.courtesy:
            self.side.show_courtesy(view.courtesy)
        if previous is None or (previous.customer_id, previous.promises) != (view.customer_id, view.promises):
            self.side.show_promises(None if view.customer_id is None else view.promises)
        if previous is None or previous.customer_id != view.customer_id:
            self.customer_shown(view.customer_id)

    def customer_shown(self, customer_id: int | None) -> None:
        """A new customer on screen: colleagues hear of it, and their history and who else has them open show."""
        in_background(self, lambda: self.call.show_here(customer_id), failed=self.tell, group="presence")
        self.reload_also_open()
        if customer_id is None:
            self.side.show_history(())
        else:
            self.reload_history(customer_id, looked=True)

    def tick(self) -> None:
        """The header's clock; a screen being taken down (another agent signing in) has no header left to draw.

        Under a dialog the clock waits (it shows again on return): each change to the screen beneath
        makes Textual draw the whole of it again, dimmed, as the dialog's background.
        """
        headers = self.query("#call-header").results(CallHeader)
        header = next(headers, None)
        if self.view is not None and not self.left and header is not None and self.is_active:
            header.show(self.view, utcnow() - self.view.started_at)

    def reload(self) -> None:
        """Reads the call again; only the newest read is drawn (a newer one cancels those still running)."""
        if self.view is None:
            return  # still opening: the first read will show it all
        in_background(self, self.call.view, self.reloaded, failed=self.tell, group="call-view", exclusive=True)

    def reloaded(self, view: CallView) -> None:
        """Another terminal's work shows at once; what it means for this screen is said when the agent is here."""
        self.show(view)
        if self.left or not self.is_active:
            # A dialog of this call is open (its own wrap-up or handoff may be saving): judge on return. Not
            # `is_current`, which a screen still is beneath a dialog: leaving then closed the dialog instead.
            return
        if view.ended_at is not None:
            self.ended_elsewhere()
        elif view.owner_id != self.owner_id:
            self.owner_id = view.owner_id
            self.notify(Text(f"This call is now with {view.owner} (handed over on another terminal)."), severity="warning")

    def ended_elsewhere(self) -> None:
        unsaved = self.pad.line.value.strip()
        said = f" Your unsaved line was: {unsaved}" if unsaved else ""
        self.notify(Text(f"This interaction was wrapped up on another terminal.{said}"), severity="warning", timeout=30)
        self.leave()

    def on_screen_resume(self) -> None:
        """Back from a dialog (reason, options, promise, note edit...) or another section: show what changed.

        Colleagues are told again that this terminal has the call open: a greeting card closed in
        the meantime said it had nothing open.
        """
        if self.view is None or self.left:
            return  # still opening; or a dialog's result made this screen leave just before it resumed
        customer_id = self.view.customer_id
        in_background(self, lambda: self.call.show_here(customer_id), failed=self.tell, group="presence")
        self.reload()

    def on_desk_changed(self, event: DeskChanged) -> None:
        if event.touches("presence"):
            self.reload_also_open()
        if self.view is None:
            return
        if touches_the_call(self.view, event.changes):
            self.reload()
        customer = self.view.customer_id
        if customer is not None and any(in_their_history(change, customer, self.interaction_id)
                                        for change in event.touching("interaction", "note")):
            self.reload_history(customer)

    def reload_history(self, customer_id: int, *, looked: bool = False) -> None:
        """`looked` when the customer has just come on screen, which the access log records."""
        in_background(self, lambda: self.call.history(customer_id, looked=looked), self.side.show_history,
                      failed=self.tell, group="call-history", exclusive=True)

    def reload_also_open(self) -> None:
        customer_id = None if self.view is None else self.view.customer_id
        in_background(self, lambda: self.call.also_open(customer_id), self.query_one("#also-open", AlsoOpen).show,
                      failed=self.tell, group="also-open", exclusive=True)

    def tell(self, problem: Exception) -> None:
        self.notify(UNAVAILABLE if isinstance(problem, DeskUnavailable) else str(problem), severity="error")

    def write(self, job: Callable[[], None], then: Callable[[], object] | None = None) -> None:
        """A change to the call, saved after the notes typed before it; the call is read again afterwards."""

        def done(_nothing: None) -> None:
            if then is not None:
                then()
            self.reload()

        self.writes.add(job, done, self.tell)

    @on(NotePad.Saved)
    def note_saved(self) -> None:
        self.reload()

    def action_toggle_verbatim(self) -> None:
        self.pad.toggle_verbatim()

    def action_to_notes(self) -> None:
        if self.pad.line.has_focus and self.view is not None and self.view.notes:
            self.open_history(False)  # on a narrow terminal the history stood in the notes' place
            notes = self.query_one("#notes", NotesLog)
            notes.focus()
            notes.highlighted = len(self.view.notes) - 1

    @on(NotesLog.OptionSelected, "#notes")
    def edit_note(self, event: NotesLog.OptionSelected) -> None:
        note = next(note for note in self.view.notes if str(note.id) == event.option.id)
        self.app.push_screen(NoteEditScreen(self.desk, note))

    @on(SelectionList.SelectionToggled, "#courtesy")
    def courtesy_toggled(self, event: SelectionList.SelectionToggled) -> None:
        item = event.selection.value
        self.write(lambda: self.call.toggle_courtesy(item))

    def action_courtesy(self) -> None:
        self.query_one("#courtesy").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F8 says what it will do: show the history, or hide it again."""
        if action in ("show_history", "hide_history"):
            return (action == "hide_history") == self.has_class("-history-open")
        return True

    def action_show_history(self) -> None:
        """On a narrow terminal the history and the open promises take the place of the notes until F8 or Escape."""
        self.open_history(True)
        self.query_one("#history-filter").focus()

    def action_hide_history(self) -> None:
        self.open_history(False)
        self.pad.line.focus()

    def open_history(self, history_open: bool) -> None:
        self.set_class(history_open, "-history-open")
        self.side.open_history(history_open)
        self.refresh_bindings()

    def action_mood(self) -> None:
        def chosen(mood: str | None) -> None:
            if mood:
                self.write(lambda: self.call.set_mood(mood))

        self.app.push_screen(MoodScreen(), chosen)

    def action_reason(self) -> None:
        self.app.push_screen(CallReasonScreen(self.desk, self.interaction_id))

    def action_manager(self) -> None:
        def flagged() -> None:
            self.notify("Flagged for a supervisor.", severity="warning")

        def asked(reason: str | None) -> None:
            if reason:
                self.write(lambda: self.call.flag_for_manager(reason), flagged)

        question = Text("The customer wants to speak to a manager. Why, in their words?")
        self.app.push_screen(TextPromptScreen("Wants a manager", question, "Their reason"), asked)

    def action_link(self) -> None:
        def linked(customer_id: int | None) -> None:
            if customer_id is not None:
                self.write(lambda: self.call.link_customer(customer_id))

        self.app.push_screen(CustomerPickerScreen(self.desk, "Who is calling? Link the call to their record"), linked)

    def action_solutions(self) -> None:
        self.app.push_screen(SolutionPickerScreen(self.desk, self.interaction_id))

    def action_promise(self) -> None:
        if self.view is None or self.view.customer_id is None:
            self.notify("Link the call to the customer first (Ctrl+L): a promise needs someone to keep it for.", severity="warning")
            return
        self.app.push_screen(PromiseFormScreen(self.desk, self.view.customer_id, self.interaction_id))

    def action_take_message(self) -> None:
        if self.view is None:
            return

        def taken(colleague: str | None) -> None:
            if colleague:
                self.notify(Text(f"Message left for {colleague}; it is their callback now."))

        screen = TakeMessageScreen(self.desk, self.view.customer_id, self.view.contact, self.interaction_id)
        self.app.push_screen(screen, taken)

    def action_hand_off(self) -> None:
        self.pad.save_draft_if_typed()

        def handed(colleague: str | None) -> None:
            if colleague:
                self.notify(Text(f"Handed to {colleague}, with all notes."))
                self.leave()

        self.app.push_screen(HandoffScreen(self.desk, self.interaction_id), handed)

    def action_wrap_up(self) -> None:
        """The line being typed becomes a note first, so the drafted summary has every word."""
        self.pad.commit(self.pad.line.value)
        self.writes.after(self.open_wrap_up)

    def open_wrap_up(self) -> None:
        if self.pad.line.value.strip():
            return  # the line could not be saved; it is back in the box and the agent was told why

        def closed(outcome: str | None) -> None:
            if outcome:
                promised = " A follow-up promise is on your list (F4)." if outcome == FOLLOW_UP else ""
                self.notify(Text(f"Saved. Outcome: {outcome_words(outcome)}.{promised}"))
                linked = self.view is not None and self.view.customer_id is not None
                self.leave()
                if outcome in RESOLVED and linked:
                    self.app.push_screen(FollowUpOfferScreen(self.desk, self.interaction_id))

        self.app.push_screen(WrapUpScreen(self.desk, self.interaction_id), closed)

    def leave(self) -> None:
        """This terminal no longer works on the interaction (wrapped up, or handed to a colleague)."""
        if self.left:
            return
        self.left = True
        self.desk.current_interaction_id = None
        in_background(self.app, self.call.stop_showing, group="presence")  # the app outlives this screen
        self.app.pop_screen()
