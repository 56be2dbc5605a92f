"""The top of a live call: who, how to say it, what it is about, how long, and what is still open."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from frontdesk.clock.dates import desk_style, digits
from frontdesk.services.call_view import CallView
from frontdesk.ui.compact import COMPACT_BELOW
from frontdesk.ui.widgets.mood_style import MOOD_STYLES
from frontdesk.ui.widgets.promise_text import promises_text


def clock(elapsed: timedelta) -> str:
    """How long the call has run, "03:25" or "1:03:25", in the desk's digits."""
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return digits(f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}", desk_style())


def header_text(view: CallView, elapsed: timedelta, *, compact: bool = False) -> Text:
    """`compact` (a narrow terminal) keeps the owner on the first line and leaves the promises to the line
    below the notes, so the notes keep the room; the handoffs are said once there are any."""
    text = Text.assemble((view.address_as, "bold"))
    if view.pronunciation:
        text.append_text(Text.assemble("  say: ", (view.pronunciation, "italic")))
    text.append_text(Text.assemble(f"  · {view.channel} · ", ("⏱ " + clock(elapsed), "bold")))
    owner = Text.assemble(("Owner: ", "bold"), view.owner)
    if view.handoffs or not compact:
        owner.append(f" · handoffs: {view.handoffs}")
    if view.handoffs:
        owner.append(f" (has spoken to: {', '.join(view.spoken_to)})")
    if compact:
        text.append_text(Text.assemble(" · ", owner))
    text.append_text(Text.assemble("\n", ("About: ", "bold"), view.reason or "reason not noted yet (Ctrl+R)"))
    if view.category:
        text.append(f" [{view.category}]")
    text.append_text(Text.assemble("  ", ("Mood: ", "bold"), (view.mood or "not set (F6)", MOOD_STYLES.get(view.mood, ""))))
    if not compact:
        text.append_text(Text.assemble("\n", owner))
    if view.escalated_at is not None:
        text.append_text(Text.assemble("\n", ("⚠ WANTS A MANAGER: ", "bold red"), view.escalation_reason))
    if view.customer_id is not None and not compact:
        text.append("\n")
        text.append_text(promises_text(view.promises))
    return text


class CallHeader(Static):
    DEFAULT_CSS = """
    CallHeader {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    shown: tuple[CallView, int, bool] | None = None
    """The view drawn last, the width of its clock, and whether it was drawn compact."""

    def show(self, view: CallView, elapsed: timedelta) -> None:
        """Each second only the clock moves: the screen is laid out again only when the header may change height."""
        compact = self.app.size.width < COMPACT_BELOW
        shape = (view, len(clock(elapsed)), compact)
        self.update(header_text(view, elapsed, compact=compact), layout=shape != self.shown)
        self.shown = shape
