"""Command palette entries for the desk's main actions, offered by role: an agent never sees a supervisor's."""

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

SUPERVISOR_ACTIONS = frozenset({"edit_categories", "edit_catalog", "take_off_desk", "add_colleague", "reset_secret",
                                "open_day", "send_kudos"})
"""App actions only a supervisor is offered; the services behind them refuse anyone else in any case."""
SUPERVISOR_SECTIONS = frozenset({"day"})
"""The Day figures are a supervisor's."""


def is_supervisors(action: str, parameters: tuple[object, ...] = ()) -> bool:
    """True for an action only a supervisor may take: one of SUPERVISOR_ACTIONS, or a switch to a supervisor's section."""
    if action == "switch_mode":
        return bool(parameters) and parameters[0] in SUPERVISOR_SECTIONS
    return action in SUPERVISOR_ACTIONS


def desk_commands(app: FrontDeskApp) -> Iterable[SystemCommand]:
    supervisor = app.desk.agent is not None and app.desk.agent.is_supervisor
    for mode, title, help_text in SECTIONS:
        if supervisor or mode not in SUPERVISOR_SECTIONS:
            yield SystemCommand(f"Go to {title}", help_text, lambda mode=mode: app.switch_mode(mode))
    yield SystemCommand("New customer", "Add a customer record (Ctrl+N in Greeting)", app.action_new_customer)
    yield SystemCommand("Log a missed call", "It becomes a callback with a deadline", app.action_missed_call)
    if supervisor:
        yield SystemCommand("Edit reason categories", "The list calls are filed under", app.action_edit_categories)
        yield SystemCommand("Edit solution catalog", "The options offered per kind of problem", app.action_edit_catalog)
        yield SystemCommand("Add a colleague", "A new agent or supervisor, with their first secret", app.action_add_colleague)
        yield SystemCommand("Reset a colleague's secret", "A forgotten PIN, or one locked after wrong tries", app.action_reset_secret)
        yield SystemCommand("Take someone off the desk", "Their open promises wait for a new owner", app.action_take_off_desk)
        yield SystemCommand("Go to Day", "The live queue and how today is going (F5)", app.action_open_day)
        yield SystemCommand("Send kudos", "Thank a colleague, with a note they see at sign-in", app.action_send_kudos)
    yield SystemCommand("My kudos", "The thanks you have received, and what for", app.action_my_kudos)
    yield SystemCommand("Switch agent", "Hand the desk to someone else", app.action_switch_agent)
