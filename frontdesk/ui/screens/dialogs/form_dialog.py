"""The one skeleton every modal form shares: title, fields, one error line, Ctrl+S and Esc, work off the UI thread."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.walk import walk_depth_first
from textual.widget import Widget
from textual.widgets import Label, Static

from frontdesk.ui.compact import DeskFooter
from frontdesk.services.desk import Desk
from frontdesk.services.errors import DeskUnavailable, EditConflict
from frontdesk.ui.background import UNAVAILABLE, in_background
from frontdesk.ui.stylesheet import StyledOnMount
from frontdesk.ui.type_ahead import LoadsBeforeKeys
from frontdesk.ui.widgets.edit_boxes import TextBox, TextBoxArea

ResultT = TypeVar("ResultT")


def problem_text(problem: Exception | str) -> str:
    """What a refused save says: the reason, and for an edit conflict what the other terminal changed."""
    if isinstance(problem, DeskUnavailable):
        return UNAVAILABLE
    if isinstance(problem, EditConflict):
        return "\n".join((str(problem), *(f"  {line}" for line in problem.theirs)))
    return str(problem)


JUST_FINDING = "just-finding"
"""The class of a form's box that only filters a list: Esc over what is typed there asks nothing."""

CLOSING_LOSES_TYPING = "Esc again to close without saving what you typed here; Ctrl+S saves it."
"""The error line's warning at the first Esc over a form with something typed in it."""


class DialogFields(VerticalScroll):
    """The fields, scrolling between the title and the error line.

    Textual lets a scrolling box take the focus itself, so Tab stopped on it between two fields and what was typed
    next went nowhere. It takes the focus only when nothing inside it can (a form that only shows text), so that
    its arrow keys still scroll it; a field being focused scrolls into view by itself.
    """

    def allow_focus(self) -> bool:
        """Asked each time Textual works out the focus chain, often several times a key: a walk, not a query, since a
        query parsed its "*" selector afresh each time (a tenth of the CPU of starting the app at its sign-in)."""
        return not any(widget.focusable for widget in walk_depth_first(self, Widget, with_root=False))


class FormDialog(LoadsBeforeKeys, StyledOnMount, ModalScreen[ResultT], Generic[ResultT]):
    """A modal form whose reads and saves run in thread workers; keys typed while it loads act once it has loaded.

    A subclass writes `compose_form` (its fields), and as needed `load` (runs in a thread; reads what
    the form needs through services), `show_loaded` (fills the fields with it), `collect` (on the UI
    thread: reads the fields; a ValueError becomes the error line), `save` (runs in a thread: the
    service call) and `saved` (dismisses with the result by default). A failed save keeps every field
    as typed and says why on the error line.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True, tooltip="Save and close"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without saving"),
    ]
    DIALOG_TITLE: ClassVar[str] = ""
    DIALOG_ID: ClassVar[str | None] = None
    """The id of the dialog's frame, for a form that needs its own size in the stylesheet."""
    CANCELLED: ClassVar[Any] = None
    """What the dialog returns when it is closed without saving."""

    def __init__(self, desk: Desk | None = None) -> None:
        """`desk` may be None for a form that touches no database (a one-line prompt)."""
        super().__init__()
        self.desk = desk
        self.saving = False
        """True while a save is under way, so a second Ctrl+S does not save twice."""
        self.error_typed: tuple[str, ...] | None = None
        """What the boxes held when the error line was last written; None while it is empty."""
        self.as_opened: tuple[str, ...] | None = None
        """What the boxes held once the form was filled: anything else there was typed by the agent."""
        self.closing_asked: tuple[str, ...] | None = None
        """What the boxes held when Esc first warned that it would throw it away; None until then."""

    def dialog_title(self) -> str:
        return self.DIALOG_TITLE

    def compose(self) -> ComposeResult:
        """The title and the error line stay in view; the fields scroll between them; the keys are in the footer."""
        with Vertical(id=self.DIALOG_ID, classes="dialog"):
            yield Static(self.dialog_title(), classes="dialog-title", markup=False)
            with DialogFields(classes="dialog-fields"):
                yield from self.compose_form()
            yield Label("", id="form-error", classes="error", markup=False)
        yield DeskFooter()

    def compose_form(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        in_background(self, self.load, self.arrived, failed=self.load_refused, group="form-load")

    def arrived(self, data: Any) -> None:
        """The fields are filled before the keys typed meanwhile reach them: what was typed is never written over."""
        self.show_loaded(data)
        self.as_opened = self.texts_typed()
        self.keys_may_act()

    def load_refused(self, problem: Exception) -> None:
        self.load_failed(problem)
        self.as_opened = self.texts_typed()
        self.keys_may_act()

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Scrolls only as far as the focused field needs. Textual centres a newly focused widget, which opened
        long forms scrolled past their first labels (the customer form hid "Given name" even at 160x48)."""
        super().set_focus(widget, scroll_visible=False, from_app_focus=from_app_focus)
        if widget is not None and scroll_visible:
            self.call_after_refresh(widget.scroll_visible, animate=False)

    def bring_into_view(self, widget: Widget) -> None:
        """A warning a check added inside the fields scrolls to the top of them once drawn: on a small terminal
        it would sit below the fold, and only the scrollbar would show that Ctrl+S did anything."""
        self.call_after_refresh(
            lambda: self.query_one(".dialog-fields", VerticalScroll).scroll_to_widget(widget, animate=False, top=True))

    def load(self) -> Any:
        """Runs in a thread worker: what the form needs from the database (nothing by default)."""
        return None

    def show_loaded(self, data: Any) -> None:
        """On the UI thread: fill the fields with what `load` read."""

    def load_failed(self, problem: Exception) -> None:
        """On the UI thread, when `load` was refused (the record is gone, the database did not answer)."""
        self.show_error(problem)

    def collect(self) -> Any:
        """On the UI thread: the values typed; raise ValueError (or ValidationError) to refuse them."""
        return None

    def save(self, values: Any) -> Any:
        """Runs in a thread worker: the service call that stores `values`; its result goes to `saved`."""
        return values

    def saved(self, result: Any) -> None:
        self.dismiss(result)

    def action_save(self) -> None:
        if self.saving:
            return
        try:
            values = self.collect()
        except ValueError as problem:
            self.show_error(problem)
            return
        self.saving = True
        self.show_error(None)
        self.hold_keys()
        in_background(self, lambda: self.save(values), self._finished, failed=self._refused, group="form-save")

    def _finished(self, result: Any) -> None:
        self.saving = False
        self.saved(result)
        self.keys_may_act()  # a form still open after its save (a warning shown) takes them; a closed one passes them on

    def _refused(self, problem: Exception) -> None:
        self.saving = False
        self.show_error(problem)
        self.keys_may_act()

    def show_error(self, problem: Exception | str | None) -> None:
        """One error line, cleared by the next attempt or edit: an old message never stays on screen."""
        self.error_typed = None if problem is None else self.texts_typed()
        self.query_one("#form-error", Label).update("" if problem is None else problem_text(problem))

    def texts_typed(self) -> tuple[str, ...]:
        """Everything typed in the form's boxes, to tell a real edit from a late echo of one made before. A box with the
        class JUST_FINDING (a filter over a list) holds no work of the agent's, and is left out."""
        return tuple(widget.value if isinstance(widget, TextBox) else widget.text
                     for widget in self.query("TextBox, TextArea") if not widget.has_class(JUST_FINDING))

    @on(TextBox.Changed)
    @on(TextBoxArea.Changed)
    def edited(self) -> None:
        """The error line spoke of what was typed then: once the agent types something else, it goes."""
        if self.error_typed is not None and not self.saving and self.texts_typed() != self.error_typed:
            self.show_error(None)

    def action_cancel(self) -> None:
        """Esc closes the form, but not over what the agent typed in it: the first Esc says so, a second one closes.

        A dialog is often closed by reflex, to look something up, and an apology or a wrap-up summary typed into it
        would be gone. Nothing is asked when nothing was typed.
        """
        typed = self.texts_typed()
        if self.as_opened is not None and typed != self.as_opened and typed != self.closing_asked:
            self.show_error(CLOSING_LOSES_TYPING)
            self.closing_asked = typed
            return
        self.dismiss(self.CANCELLED)
