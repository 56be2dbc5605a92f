"""The live queue and kudos on the Day section, through a supervisor's keys, following the change feed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, OptionList, Static, TabbedContent

from frontdesk.clock.now import set_clock, utcnow
from frontdesk.db.models import Interaction, Promise
from frontdesk.services.callbacks import take_message
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.interactions import start_interaction
from frontdesk.ui.screens.day.live_queue import LiveQueuePanel
from frontdesk.services.wrap_up import wrap_up
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import set_rule
from frontdesk.services.facades.kudos import KudosBook, KudosDraft
from frontdesk.ui.app import FrontDeskApp
from frontdesk.ui.screens.call.live_call import LiveCallScreen
from frontdesk.ui.screens.day.day import DayScreen
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.dialogs.confirm import ConfirmScreen
from frontdesk.ui.screens.day.send_kudos import SendKudosScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.kudos.my_kudos import MyKudosScreen
from tests.pilot import (
    Toasts, cursor_row_in_view, cut_texts_end_in_an_ellipsis, footer_keys, hearing, settle, settle_until, shown_text, table_rows, type_text,
    wholly_drawn,
)
from tests.test_kudos import rated, worthy_desk
from tests.test_live_queue import busy_desk, signed_in_as

SIZE = (140, 45)
SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
TAB_KEYS = {"day-today": "t Today", "day-figures": "f Figures", "day-charts-tab": "g Charts", "day-kudos": "u Kudos"}
"""Each tab of the Day section and the key the footer shows for it."""


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


WAITED_SAID = {
    "fa": ["۳۳ ساعت از ۲۴ ساعت", "۲ ساعت از ۲۴ ساعت", "۲ ساعت", "۵۰ دقیقه", "۳۰ دقیقه تأخیر", "۴۰ دقیقه تا موعد"],
    "el": ["33 ώρες από 24 ώρες", "2 ώρες από 24 ώρες", "2 ώρες", "50 λεπτά", "30 λεπτά καθυστέρηση", "λήγει σε 40 λεπτά"],
}


@pytest.mark.ui_desk
@pytest.mark.parametrize("language", WAITED_SAID)
async def test_the_queue_says_how_long_each_item_waited_wholly_in_the_desks_language(desk: Desk, language: str) -> None:
    """A Persian desk read "۳۰ دقیقه late" and "due in ۴۰ دقیقه": the words around a span were English."""
    ids = busy_desk(desk)
    with desk.session() as session:
        set_rule(session, "language", language, ids["daniel"])
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        assert [row[0] for row in table_rows(table)] == WAITED_SAID[language]


@pytest.mark.ui_desk
async def test_a_persian_desk_shows_a_callers_phone_ending_and_the_count_in_persian_digits(desk: Desk) -> None:
    """The missed caller read "+•• ••• ••• 0101" and the title "Waiting now: 6" on a Persian desk."""
    ids = busy_desk(desk)
    with desk.session() as session:
        set_rule(session, "language", "fa", ids["daniel"])
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_day(pilot)
        assert table_rows(table)[0][2] == "+•• ••• ••• ۰۱۰۱"
        assert shown_text(app.screen.query_one("#live-queue-title", Static)) == "Waiting now: ۶"
        await pilot.press("escape", "f3")
        await settle(pilot)
        assert table_rows(app.screen.query_one("#waiting"))[0][1] == "+•• ••• ••• ۰۱۰۱"


@pytest.mark.ui_desk
async def test_a_persian_desk_counts_the_day_in_persian_digits(desk: Desk) -> None:
    """The Today tab read "Today: 2 contacts, 2 still open · Promises: 5 open, 2 overdue" and its agents' counts
    in ASCII digits beside a Persian queue."""
    ids = busy_desk(desk)
    with desk.session() as session:
        set_rule(session, "language", "fa", ids["daniel"])
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        await open_day(pilot)
        totals = shown_text(app.screen.query_one("#day-totals", Static))
        assert not any(char.isascii() and char.isdigit() for char in totals), totals
        assert "still open" in totals
        counts = [cell for row in table_rows(app.screen.query_one("#day-agents", DataTable)) for cell in row[1:]]
        assert counts and all(cell in "۰۱۲۳۴۵۶۷۸۹" for cell in counts), counts


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
async def test_enter_on_ones_own_call_goes_back_to_it_and_offers_no_take_over(desk: Desk) -> None:
    """"Take over Mary Johnson's call from Daniel Brooks?" was asked of Daniel himself."""
    ids = busy_desk(desk)
    with desk.session() as session:
        own = start_interaction(session, ids["daniel"], None, reason="Asked for the manager").id
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # not now: the offer to resume his open call
        queue = await open_day(pilot)
        row = next(index for index, item in enumerate(app.screen.query_one(LiveQueuePanel).items) if item.interaction_id == own)
        queue.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LiveCallScreen)
        assert app.desk.current_interaction_id == own


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
@pytest.mark.parametrize(("language", "said"), [("fa", "Kept “Send the warranty card” ۴۷ ساعت زودتر"),
                                                ("el", "Kept “Send the warranty card” 47 ώρες νωρίτερα")])
async def test_a_promise_kept_early_says_by_how_much_in_the_desks_language(desk: Desk, language: str, said: str) -> None:
    """A Persian desk read "۴۷ ساعت early" among the kudos the desk suggests."""
    ids = worthy_desk(desk)
    with desk.session() as session:
        set_rule(session, "language", language, ids["daniel"])
    app = supervising(desk, ids)
    async with app.run_test(size=SIZE) as pilot:
        await open_day(pilot)
        await pilot.press("u")  # the Kudos tab
        await settle(pilot)
        assert table_rows(app.screen.query_one("#kudos-suggestions", DataTable))[0][3] == said


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
        assert app.screen.focused is suggestions  # so Enter and n (kudos for anything) work at once
        await pilot.press("n")
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


def crowded_queue(desk: Desk) -> dict[str, int]:
    """The busy Monday and forty more messages for Sara: more than any terminal shows at once."""
    ids = busy_desk(desk)
    with desk.session() as session:
        for number in range(40):
            take_message(session, ids["tom"], ids["sara"], None, f"Caller {number}", "Wants a call back",
                         utcnow() + timedelta(hours=3))
    return ids


def crowded_kudos(desk: Desk) -> dict[str, int]:
    """The worthy Monday and forty more calls Sara was rated 5 for: forty more suggestions."""
    ids = worthy_desk(desk)
    with desk.session() as session:
        customer = create_customer(session, CustomerForm(given_name="Grace", family_name="Miller"), ids["sara"]).id
        for number in range(40):
            call = start_interaction(session, ids["sara"], customer, reason=f"Question {number}").id
            wrap_up(session, call, ids["sara"], rated(5))
    return ids


async def walk_every_row(pilot, table: DataTable) -> None:
    """Down from the first row to the last: each highlighted row is one the table shows, never one past its edge."""
    assert pilot.app.screen.focused is table, "the tab's table has the keys as soon as it is shown"
    assert table.cursor_row == 0 and wholly_drawn(table)
    for row in range(1, table.row_count):
        await pilot.press("down")
        assert table.cursor_row == row and cursor_row_in_view(table), f"row {row} highlighted out of sight"
    assert wholly_drawn(table)


@pytest.mark.ui_desk
@SIZES
async def test_the_queue_takes_the_room_left_and_scrolls_to_every_row(desk: Desk, size: tuple[int, int]) -> None:
    ids = crowded_queue(desk)
    with desk.reading() as session:
        reza = session.get_one(Promise, ids["soon"]).customer_id
    app = supervising(desk, ids)
    async with app.run_test(size=size) as pilot:
        table = await open_day(pilot)
        assert table.row_count == 46
        await walk_every_row(pilot, table)
        assert table_rows(table)[-1][:3] == ["due in 40 min", "promise", "رضا رحیمی"]
        last = app.screen.query_one("#day-escalations", DataTable)
        assert last.region.bottom == app.screen.query_one("DeskFooter").region.y, "empty lines under the Today tab"
        await pilot.press("c")  # the card of the customer on the row highlighted, the last one
        await settle(pilot)
        assert isinstance(app.screen, GreetingCardScreen) and app.screen.customer_id == reza


@pytest.mark.ui_desk
@SIZES
async def test_the_kudos_list_takes_the_room_left_and_scrolls_to_every_row(desk: Desk, size: tuple[int, int]) -> None:
    app = supervising(desk, crowded_kudos(desk))
    async with app.run_test(size=size) as pilot:
        await open_day(pilot)
        await pilot.press("u")
        await settle(pilot)
        table = app.screen.query_one("#kudos-suggestions", DataTable)
        assert table.row_count == 45
        await walk_every_row(pilot, table)
        assert table.region.bottom == app.screen.query_one("DeskFooter").region.y, "empty lines under the list"


@pytest.mark.ui_desk
async def test_each_tab_shown_gives_its_table_the_keys(desk: Desk) -> None:
    app = supervising(desk, busy_desk(desk))
    async with app.run_test(size=SIZE) as pilot:
        queue = await open_day(pilot)
        await pilot.press("t")  # the tab already shown: its key leaves the keys on its table
        await settle(pilot)
        assert app.screen.focused is queue
        await pilot.press("u", "t")  # back to the Today tab by its key
        await settle(pilot)
        assert app.screen.focused is queue
        await pilot.press("down", "down", "down", "enter")  # the escalation: Enter acts at once, no Tab first
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        tabs = app.screen.query_one("#day-tabs", TabbedContent)
        tabs.active = "day-kudos"  # as a click on the tab does
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#kudos-suggestions", DataTable)
        tabs.active = "day-figures"
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#figures-table", DataTable)


@pytest.mark.ui_desk
async def test_every_tab_is_one_key_shown_in_the_footer_from_every_other_tab(desk: Desk) -> None:
    app = supervising(desk, worthy_desk(desk))
    async with app.run_test(size=SIZE) as pilot:
        await open_day(pilot)
        tabs = app.screen.query_one("#day-tabs", TabbedContent)
        walk = every_step_once(list(TAB_KEYS))
        await pilot.press(TAB_KEYS[walk[0]].split()[0])
        await settle(pilot)
        for start, goal in zip(walk, walk[1:]):
            assert tabs.active == start
            shown = TAB_KEYS[goal]
            assert shown in footer_keys(app.screen), (start, footer_keys(app.screen))
            await pilot.press(shown.split()[0])
            await settle(pilot)
            assert tabs.active == goal, f"{shown} pressed on the {start} tab"


def every_step_once(places: list[str]) -> list[str]:
    """A walk through `places` that goes from each place to each place (itself too) exactly once: every tab's key
    pressed on every tab, in one pass instead of going back to the tab to start from before each key."""
    left = {place: list(places) for place in places}
    walk, going = [], [places[0]]
    while going:
        if left[going[-1]]:
            going.append(left[going[-1]].pop())
        else:
            walk.append(going.pop())
    return walk[::-1]


@pytest.mark.ui_desk
async def test_a_long_kudos_note_ends_in_an_ellipsis_at_80_columns(desk: Desk) -> None:
    ids = worthy_desk(desk)
    KudosBook(signed_in_as(Desk(engine=desk.engine), ids["daniel"])).send(KudosDraft(
        ids["tom"], "Mrs Παππά wrote to say you were the only one who called back when you said you would; thank you"))
    app = FrontDeskApp(signed_in_as(Desk(engine=desk.engine), ids["tom"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_my_kudos()
        await settle(pilot)
        cut_texts_end_in_an_ellipsis(app.screen.query_one("#my-kudos", DataTable))
