"""The top of a live call: who, how to say it, what it is about, how long, and what is still open."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from frontdesk.ui.widgets.mood_style import MOOD_STYLES
from frontdesk.services.call_view import CallView
from frontdesk.ui.widgets.promise_text import promises_text


def clock(elapsed: timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class CallHeader(Static):
    DEFAULT_CSS = """
    CallHeader {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def show(self, view: CallView, elapsed: timedelta) -> None:
        interaction = view.interaction
        text = Text.assemble((view.address_as, "bold"))
        if view.customer is not None and view.customer.pronunciation:
            text.append_text(Text.assemble("  say: ", (view.customer.pronunciation, "italic")))
        text.append_text(Text.assemble(f"  · {interaction.channel} · ", ("⏱ " + clock(elapsed), "bold")))
        about = interaction.reason or "reason not noted yet (Ctrl+R)"
        text.append_text(Text.assemble("\n", ("About: ", "bold"), about))
        if interaction.category:
            text.append(f" [{interaction.category}]")
        text.append_text(Text.assemble("  ", ("Mood: ", "bold"), (view.mood or "not set (F6)", MOOD_STYLES.get(view.mood, ""))))
        text.append_text(Text.assemble("\n", ("Owner: ", "bold"), view.owner, f" · handoffs: {view.handoffs}"))
        if view.handoffs:
            text.append(f" (has spoken to: {', '.join(view.spoken_to)})")
        if interaction.escalated_at is not None:
            text.append_text(Text.assemble("\n", ("⚠ WANTS A MANAGER: ", "bold red"), interaction.escalation_reason))
        if view.customer is not None:
            text.append("\n")
            text.append_text(promises_text(view.promises))
        self.update(text)
