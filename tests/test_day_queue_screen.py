"""The live queue and kudos on the Day section, through a supervisor's keys, following the change feed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, OptionList

from frontdesk.clock.now import set_clock, utcnow
from frontdesk.db.models import Interaction, Promise
from frontdesk.services.callbacks import take_message
from frontdesk.services.desk import Desk
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.day.day import DayScreen
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.day.send_kudos import SendKudosScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.kudos.my_kudos import MyKudosScreen
from tests.pilot import Toasts, hearing, settle, settle_until, table_rows, type_text
from tests.test_kudos import worthy_desk
from tests.test_live_queue import busy_desk, signed_in_as

SIZE = (140, 45)


def supervising(desk: Desk, ids: dict[str, int]) -> FrontDeskApp:
    """The app with Daniel, the supervisor, signed in."""
    return FrontDeskApp(signed_in_as(desk, ids["daniel"]))


def queue_of(app: FrontDeskApp) -> DataTable:
    return app.screen.query_one("#live-queue", DataTable)


async def open_day(pilot) -> DataTable:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    return queue_of(pilot.app)


@pytest.mark.ui_desk
async def test_the_queue_lists_what_waits_oldest_first_and_reddens_what_is_late(desk: Desk) -> None:
    app = supervising(desk, busy_desk(desk))
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        assert table_rows(table) == [
            ["33 h of 24 h", "missed call", "+•• ••• ••• 0101", "Sara Karimi", "Return the missed call"],
            ["2 h of 24 h", "message", "Mary Johnson", "Tom Baker", "Please call about the invoice"],
            ["2 h", "visit", "رضا رحیمی", "Tom Baker", "Returning a coat"],
            ["50 min", "escalation", "Mary Johnson", "Sara Karimi", "Charged twice and nobody called back"],
            ["30 min late", "promise", "Mary Johnson", "Tom Baker", "Send the refund form"],
            ["due in 40 min", "promise", "رضا رحیمی", "Sara Karimi", "Check the coat's size"],
        ]
        late = [table.get_row_at(row)[0].style == "bold red" for row in range(table.row_count)]
        assert late == [True, False, False, False, True, False]


@pytest.mark.ui_desk
async def test_the_clock_alone_turns_an_item_red(desk: Desk) -> None:
    ids = busy_desk(desk)
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        assert table_rows(table)[1][0] == "2 h of 24 h"
        later = utcnow() + timedelta(hours=22)
        set_clock(lambda: later)
        app.screen.query_one("LiveQueuePanel").redraw()
        await settle(pilot)
        assert table_rows(table)[1][0] == "24 h of 24 h"
        assert table.get_row_at(1)[0].style == "bold red"


@pytest.mark.ui_desk
async def test_enter_on_a_callback_gives_it_to_the_colleague_picked(desk: Desk) -> None:
    ids = busy_desk(desk)
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        await pilot.press("down", "enter")  # the message for Tom
        await settle(pilot)
        assert isinstance(app.screen, AgentPickerScreen)
        picker = app.screen.query_one(OptionList)
        names = [str(picker.get_option_at_index(index).prompt) for index in range(picker.option_count)]
        assert names == ["Daniel Brooks (supervisor)", "Sara Karimi (agent)"]  # not Tom, who has it
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert table_rows(table)[1][:4] == ["2 h of 24 h", "message", "Mary Johnson", "Sara Karimi"]
        assert table.cursor_row == 1  # still on the message
    with desk.reading() as session:
        assert session.get_one(Promise, ids["message"]).owner_id == ids["sara"]


@pytest.mark.ui_desk
async def test_enter_on_an_escalation_takes_the_call_over_and_opens_it(desk: Desk) -> None:
    ids = busy_desk(desk)
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        await open_day(pilot)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        assert app.desk.current_interaction_id == ids["angry"]
    with desk.reading() as session:
        assert session.get_one(Interaction, ids["angry"]).owner_id == ids["daniel"]


@pytest.mark.ui_desk
async def test_c_opens_the_customers_card_and_says_so_when_there_is_none(desk: Desk) -> None:
    app = supervising(desk, busy_desk(desk))
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await open_day(pilot)
        await pilot.press("c")  # the missed call from a number not linked to anyone
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert any("No customer record" in str(note.message) for note in toasts)
        await pilot.press("down", "c")
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen)


async def test_a_message_taken_at_another_desk_joins_the_queue_in_its_place(desk: Desk) -> None:
    ids = busy_desk(desk)
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        await hearing(pilot)
        with desk.session() as session:
            take_message(session, ids["tom"], ids["sara"], None, "Mr Novak, +420 555 0199", "Wants the quote resent",
                         utcnow() + timedelta(hours=2))
        await settle_until(pilot, lambda: table.row_count == 7)
        assert table_rows(table)[-2][:3] == ["0 min of 24 h", "message", "Mr Novak, +••• ••• 0199"]  # before the promise due later; the number by its last four digits


@pytest.mark.ui_desk
async def test_an_agent_cannot_open_the_day_section(desk: Desk) -> None:
    worthy_desk(desk)  # Sara, an agent, signed in with nothing left open
    app = FrontDeskApp(desk)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        assert app.check_action("open_day", ()) is False, "an agent's footer does not offer F5"
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        app.action_open_day()  # reached another way all the same
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)
        assert any("Only supervisors open the Day section" in str(note.message) for note in toasts)
        app.action_send_kudos()
        await settle(pilot)
        assert isinstance(app.screen, GreetingScreen)


@pytest.mark.ui_desk
async def test_kudos_sent_from_a_suggestion_greet_the_agent_at_their_next_sign_in(desk: Desk) -> None:
    ids = worthy_desk(desk)
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        await open_day(pilot)
        await pilot.press("u")  # the Kudos tab
        await settle(pilot)
        suggestions = app.screen.query_one("#kudos-suggestions", DataTable)
        assert table_rows(suggestions)[0][1:] == ["Tom Baker", "Ελένη Παππά", "Kept “Send the warranty card” 47 h early"]
        assert app.screen.focused is suggestions  # so g gives kudos here (on the tab bar, g is Charts)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, SendKudosScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SendKudosScreen)
        await type_text(pilot, "Two days early, thank you")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert len(table_rows(suggestions)) == 4  # that one is thanked for
    tom = signed_in_as(Desk(engine=desk.engine), ids["tom"])
    app = FrontDeskApp(tom)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        told = [str(note.message) for note in toasts if note.title == "Kudos"]
        assert told == ["Kudos from Daniel Brooks (a promise kept early): Two days early, thank you"]
        app.action_my_kudos()
        await settle(pilot)
        assert isinstance(app.screen, MyKudosScreen)
        assert [row[1:] for row in table_rows(app.screen.query_one("#my-kudos", DataTable))] == [
            ["Daniel Brooks", "a promise kept early", "Two days early, thank you"],
        ]
    app = FrontDeskApp(tom)
    toasts = Toasts()
    async with app.run_test(size=SIZE, message_hook=toasts) as pilot:
        await settle(pilot)
        assert not [note for note in toasts if note.title == "Kudos"]  # once only
