"""A customer's requests, asked from their greeting card by a supervisor: export to a named file, or erase."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.screen import Screen

from frontdesk.services.desk import Desk
from frontdesk.services.facades.customer_requests import CustomerRequests, Erased
from frontdesk.ui.background import in_background
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.dialogs.text_prompt import TextPromptScreen


def ask_export(screen: Screen, desk: Desk, customer_id: int, name: str) -> None:
    """Asks for a new file's name; the export is written there, readable by the supervisor only."""
    question = Text.assemble("Everything held about ", (name, "bold"), " goes to a new JSON file, readable by you only. File name:")

    def chosen(path: str | None) -> None:
        if path:
            in_background(screen, lambda: CustomerRequests(desk).export_to_file(customer_id, path),
                          lambda written: screen.notify(Text(f"Exported to {written}.")), group="export")

    screen.app.push_screen(TextPromptScreen("Export customer data", question, f"~/customer-{customer_id}.json"), chosen)


def ask_erase(screen: Screen, desk: Desk, customer_id: int, name: str, erased: Callable[[Erased], object]) -> None:
    """The reason first (it goes on the audit trail), then a yes that cannot be given by accident."""
    question = Text.assemble("Why is ", (name, "bold"), " being erased? (the customer's request, the retention rule)")

    def reason_given(reason: str | None) -> None:
        if not reason:
            return
        warning = Text.assemble("Erase ", (name, "bold"), "? Their name, contact details, notes and summaries are replaced "
                                "for good, at every desk. Counts, outcomes and ratings stay.")

        def confirmed(yes: bool | None) -> None:
            if yes:
                in_background(screen, lambda: CustomerRequests(desk).erase(customer_id, reason), erased, group="erase")

        screen.app.push_screen(ConfirmScreen(warning, yes="Erase", no="Go back"), confirmed)

    screen.app.push_screen(TextPromptScreen("Erase customer", question, "e.g. asked in writing on 28 Nov"), reason_given)
