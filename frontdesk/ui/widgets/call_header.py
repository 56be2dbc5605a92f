"""The top of a live call: who, how to say it, what it is about, how long, and what is still open."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from frontdesk.services.call_view import CallView
from frontdesk.ui.widgets.mood_style import MOOD_STYLES
from frontdesk.ui.widgets.promise_text import promises_text


def clock(elapsed: timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def header_text(view: CallView, elapsed: timedelta) -> Text:
    text = Text.assemble((view.address_as, "bold"))
    if view.pronunciation:
        text.append_text(Text.assemble("  say: ", (view.pronunciation, "italic")))
    text.append_text(Text.assemble(f"  · {view.channel} · ", ("⏱ " + clock(elapsed), "bold")))
    text.append_text(Text.assemble("\n", ("About: ", "bold"), view.reason or "reason not noted yet (Ctrl+R)"))
    if view.category:
        text.append(f" [{view.category}]")
    text.append_text(Text.assemble("  ", ("Mood: ", "bold"), (view.mood or "not set (F6)", MOOD_STYLES.get(view.mood, ""))))
    text.append_text(Text.assemble("\n", ("Owner: ", "bold"), view.owner, f" · handoffs: {view.handoffs}"))
    if view.handoffs:
        text.append(f" (has spoken to: {', '.join(view.spoken_to)})")
    if view.escalated_at is not None:
        text.append_text(Text.assemble("\n", ("⚠ WANTS A MANAGER: ", "bold red"), view.escalation_reason))
    if view.customer_id is not None:
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

    shown: tuple[CallView, int] | None = None
    """The view drawn last and the width of its clock."""

    def show(self, view: CallView, elapsed: timedelta) -> None:
        """Each second only the clock moves: the screen is laid out again only when the header may change height."""
        shape = (view, len(clock(elapsed)))
        self.update(header_text(view, elapsed), layout=shape != self.shown)
        self.shown = shape
