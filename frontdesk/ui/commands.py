"""Command palette entries for the desk's main actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from frontdesk.ui.app import FrontDeskApp

SECTIONS = (
    ("greeting", "Greeting", "Find a customer and greet them (F2)"),
    ("call", "Call", "The call in progress and its notes (F3)"),
    ("promises", "Promises", "What was promised, due and overdue (F4)"),
)


def desk_commands(app: FrontDeskApp) -> Iterable[SystemCommand]:
    for mode, title, help_text in SECTIONS:
        yield SystemCommand(f"Go to {title}", help_text, lambda mode=mode: app.switch_mode(mode))
    yield SystemCommand("Go to Day", "Supervisors: the live queue and how today is going (F5)", app.action_open_day)
    yield SystemCommand("New customer", "Add a customer record (Ctrl+N in Greeting)", app.action_new_customer)
    yield SystemCommand("Log a missed call", "It becomes a callback with a deadline", app.action_missed_call)
    yield SystemCommand("Edit reason categories", "Supervisors: the list calls are filed under", app.action_edit_categories)
    yield SystemCommand("Edit solution catalog", "Supervisors: the options offered per kind of problem", app.action_edit_catalog)
    yield SystemCommand("Take someone off the desk", "Supervisors: their open promises wait for a new owner", app.action_take_off_desk)
    yield SystemCommand("Send kudos", "Supervisors: thank a colleague, with a note they see at sign-in", app.action_send_kudos)
    yield SystemCommand("My kudos", "The thanks you have received, and what for", app.action_my_kudos)
    yield SystemCommand("Switch agent", "Hand the desk to someone else", app.action_switch_agent)
