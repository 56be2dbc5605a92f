"""The frontdesk application: its sections, its keys, and who is signed in."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.notifications import SeverityLevel
from textual.timer import Timer

from frontdesk.clock.dates import DateStyle
from frontdesk.services.agents import Colleague
from frontdesk.services.changes import Change, reload_everything
from frontdesk.services.desk import Desk
from frontdesk.services.facades.kudos import KudosBook
from frontdesk.services.desk_rules import DeskRules
from frontdesk.services.facades.promises import DueNow, PromiseBook
from frontdesk.services.kudos import KudosRow
from frontdesk.services.facades.staff import Staff, TakenOff
from frontdesk.services.open_work import OpenInteraction
from frontdesk.ui.background import in_background
from frontdesk.ui.commands import desk_commands, is_supervisors
from frontdesk.ui.compact import COMPACT_BELOW, NARROW
from frontdesk.ui.messages import DeskChanged
from frontdesk.ui.stylesheet import read_every_default_css, styled_now
from frontdesk.ui.terminal_input import DeskDriver
from frontdesk.ui.type_ahead import TypeAhead
from frontdesk.ui.feed_relay import FeedRelay
from frontdesk.ui.heap import LOOK_EVERY, IdleCollector, let_go_of_what_textual_keeps
from frontdesk.ui.idle_lock import CHECK_EVERY, IdleLock
from frontdesk.ui.reminders import PromiseReminders
from frontdesk.ui.screens.dialogs.agent_picker import AgentPickerScreen
from frontdesk.ui.screens.call.call import CallScreen
from frontdesk.ui.screens.day.catalog import CatalogScreen
from frontdesk.ui.screens.day.categories import CategoriesScreen
from frontdesk.ui.screens.day.day import DayScreen
from frontdesk.ui.screens.day.send_kudos import SendKudosScreen
from frontdesk.ui.screens.greeting.greeting import GreetingScreen
from frontdesk.ui.screens.greeting.greeting_card import GreetingCardScreen
from frontdesk.ui.screens.kudos.my_kudos import MyKudosScreen
from frontdesk.ui.screens.call.missed_call import MissedCallScreen
from frontdesk.ui.screens.promises.promises import PromisesScreen
from frontdesk.ui.screens.call.resume import ResumeScreen
from frontdesk.ui.screens.dialogs.lock import SWITCH, LockScreen
from frontdesk.ui.screens.dialogs.sign_in import SignInScreen
from frontdesk.ui.screens.staff.add_colleague import AddColleagueScreen
from frontdesk.ui.screens.staff.reset_secret import ResetSecretScreen


SECTION_SCREENS = (("greeting", GreetingScreen), ("call", CallScreen), ("promises", PromisesScreen), ("day", DayScreen))
"""The top-level sections (Textual modes), Greeting first: where every agent starts."""

REMIND_EVERY = 30.0
"""Seconds between looks for promises coming due with time alone; changes at any desk are looked at at once."""


class FrontDeskApp(TypeAhead, App[None]):
    TITLE = "frontdesk"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("f2", "greeting", "Greeting", id="section.greeting", tooltip="Find and greet a customer"),
        Binding("f3", "switch_mode('call')", "Call", id="section.call", tooltip="The call in progress"),
        Binding("f4", "switch_mode('promises')", "Promises", id="section.promises", tooltip="Due and overdue promises"),
        Binding("f5", "open_day", "Day", id="section.day", tooltip="Supervisors: the live queue and today's figures"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        # Tab moves the focus as the app reads the key, before it hands the next keys on: as Textual's own (the
        # screen's) binding, the field being left saw Tab first, and the keys typed after it went to that field too
        # whenever they arrived together (a fast typist, a busy machine), so "reference<Tab>tomorrow" filled one box.
        Binding("tab", "focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(self, desk: Desk, *, preselected: Colleague | None = None) -> None:
        """`preselected` (`--agent NAME`) is highlighted at sign-in, which still asks for their secret."""
        # A real terminal on Linux or macOS gets the paste-safe driver; Windows, and a browser tab (textual-serve
        # names its web driver in TEXTUAL_DRIVER), get the driver Textual chooses for them.
        own_driver = os.name == "posix" and not os.environ.get("TEXTUAL_DRIVER")
        super().__init__(driver_class=DeskDriver if own_driver else None)
        self.desk, self.preselected = desk, preselected
        self.book, self.staff = PromiseBook(desk), Staff(desk)
        self.reminders = PromiseReminders()
        self.reminder_timer: Timer | None = None
        self.remind_pending = False
        """A look for reminders is queued: the news of one change reaches the app from every screen."""
        self.style_followed: DateStyle | None = None
        """The desk's language and calendar as the screens last drew them; another is drawn again at once."""
        self.batch_heard: tuple[Change, ...] = ()
        """The last batch of news acted on here; each screen it was posted to passes its copy up to the app."""
        self.work_known: set[int] = set()
        """The interactions in this agent's hands already offered or announced: a handoff to them is said once."""
        self.idle = IdleLock()
        """Locks the terminal when nobody has touched it for the desk's lock_after_idle_minutes."""
        self.collector = IdleCollector(lambda: self.idle.last_used, lambda: let_go_of_what_textual_keeps(self))
        """Python's full garbage collections, short and run while nobody is typing."""
        self.feed_relay = FeedRelay(self, desk, (mode for mode, _ in SECTION_SCREENS))
        """Every terminal's commits reach every screen here as DeskChanged; presence is kept."""
        for mode, screen in SECTION_SCREENS:
            self.add_mode(mode, lambda screen=screen: styled_now(self, screen(desk)))

    def push_screen(self, screen: Screen | str, callback: Callable | None = None, wait_for_dismiss: bool = False, *,
                    mode: str | None = None) -> Any:
        """Textual's, with the new screen noted as styled by the stylesheet of now (ui/stylesheet.py)."""
        if isinstance(screen, Screen):
            styled_now(self, screen)
        return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)

    def on_mount(self) -> None:
        read_every_default_css(self)
        self.collector.take_over()
        self.set_interval(LOOK_EVERY, self.collector.look)
        self.feed_relay.start()
        self.set_interval(CHECK_EVERY, self.lock_if_idle)
        self.sub_title = "PRACTICE DESK (demo data)" if self.desk.practice else ""
        if self.desk.agent is not None:
            self.signed_in(self.desk.agent)
        else:
            self.push_screen(SignInScreen(self.desk, preselected=self.preselected), self.signed_in)

    def signed_in(self, agent: Colleague | None) -> None:
        if agent is None:
            return
        self.desk.agent = agent
        self.refresh_bindings()
        self.idle.touched()
        self.read_rules()
        self.feed_relay.signed_in()
        self.reminders = PromiseReminders()
        self.show_header()
        self.remind()
        if self.reminder_timer is None:
            self.reminder_timer = self.set_interval(REMIND_EVERY, self.remind)
        self.switch_mode("greeting")
        in_background(self, self.staff.left_open, self.offer_resume, group="open-work", exclusive=True)
        in_background(self, KudosBook(self.desk).unseen, self.show_kudos, group="kudos", exclusive=True)

    def show_kudos(self, kudos: tuple[KudosRow, ...]) -> None:
        """Each kudos received since the last sign-in, once; all of them stay in My kudos."""
        for row in kudos:
            earned = f" ({row.earned})" if row.earned else ""
            self.notify(f"Kudos from {row.sender}{earned}: {row.note}", title="Kudos", timeout=20)

    def action_send_kudos(self) -> None:
        if self.supervisor_only("send kudos"):
            self.push_screen(SendKudosScreen(self.desk))

    def action_my_kudos(self) -> None:
        self.push_screen(MyKudosScreen(self.desk))

    def read_rules(self) -> None:
        in_background(self, self.desk.rules, self.follow_rules, group="rules", exclusive=True)

    def follow_rules(self, rules: DeskRules) -> None:
        """At sign-in, and whenever a supervisor changes the rules at any terminal: a shorter lock applies at once, and
        a new language or calendar redraws every screen (each reloads what it shows, as after a lost connection)."""
        self.idle.lock_after = rules.lock_after_idle
        followed, self.style_followed = self.style_followed, rules.date_style
        if followed is not None and followed != rules.date_style:
            self.feed_relay.tell_screens((reload_everything(),))
            self.show_header()

    async def on_event(self, event: events.Event) -> None:
        """Every key and click counts as someone at the terminal."""
        if isinstance(event, (events.Key, events.MouseDown)):
            self.idle.touched()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        if self.idle.due() and self.desk.agent is not None:
            self.lock_terminal()

    def lock_terminal(self) -> None:
        """Covers whatever is open, which stays as it was underneath, drafts and all."""
        self.idle.locked = True
        self.refresh_bindings()
        self.clear_notifications()  # reminders name customers; they wait until someone signs in again
        self.push_screen(LockScreen(self.desk, self.desk.agent), self.unlocked)

    def unlocked(self, result: Colleague | str) -> None:
        if result == SWITCH:
            self.push_screen(SignInScreen(self.desk), self.switched_after_lock)
            return
        self.idle.locked = False
        self.idle.touched()
        self.refresh_bindings()
        self.remind()

    async def switched_after_lock(self, agent: Colleague | None) -> None:
        """Backing out of the sign-in leaves the terminal locked; someone else signing in starts afresh."""
        if agent is None:
            self.lock_terminal()
            return
        self.unlocked(agent)
        await self.switched(agent)

    def offer_resume(self, work: tuple[OpenInteraction, ...]) -> None:
        self.work_known = {item.interaction_id for item in work}
        if work:
            self.push_screen(ResumeScreen(work), self.resume)

    async def on_unmount(self) -> None:
        self.collector.give_back()
        await self.feed_relay.stop()

    def remind(self) -> None:
        """Looks in a worker; a newer look replaces one still running. None while locked: reminders name customers."""
        self.remind_pending = False
        if self.idle.locked:
            return
        in_background(self, self.book.due_now, self.announce, group="reminders", exclusive=True)

    def announce(self, due: DueNow) -> None:
        for reminder in self.reminders.fresh(due):
            self.notify(reminder.message, severity=reminder.severity, timeout=12)
        self.show_header()

    def show_header(self, width: int | None = None) -> None:
        """Below COMPACT_BELOW columns the header says the same in fewer words, so none is cut."""
        if self.desk.agent is None:
            return
        compact = (width or self.size.width) < COMPACT_BELOW
        practice = ("PRACTICE · " if compact else "PRACTICE DESK · ") if self.desk.practice else ""
        counts = self.reminders.header_text(compact=compact)
        who = self.desk.agent.name if compact else f"{self.desk.agent.name} ({self.desk.agent.role})"
        self.sub_title = f"{practice}{who}" + (f" · {counts}" if counts else "")

    def on_resize(self, event: events.Resize) -> None:
        """From the event's size: this handler runs before Textual's own, which stores the new size in `self.size`."""
        self.set_class(event.size.width < COMPACT_BELOW, NARROW)
        self.show_header(event.size.width)

    def on_desk_changed(self, event: DeskChanged) -> None:
        """A promise made, kept, moved or reassigned at any desk shows in the header counts at once."""
        if event.changes is self.batch_heard:
            return  # the same batch, passed up by another screen: the relay tells every screen of it
        self.batch_heard = event.changes
        if event.touches("rules") and self.desk.agent is not None:
            self.read_rules()
        if event.touches("promise", "callback") and self.desk.agent is not None and not self.remind_pending:
            self.remind_pending = True
            self.call_later(self.remind)
        if self.desk.agent is not None and any(change.action == "handed-off" for change in event.changes):
            in_background(self, self.staff.left_open, self.announce_handed_to_me, group="handed-to-me", exclusive=True)

    def announce_handed_to_me(self, work: tuple[OpenInteraction, ...]) -> None:
        """A call a colleague handed to this agent, said at once and once: a caller may be waiting on the line."""
        for item in work:
            if item.handed_by and item.interaction_id not in self.work_known:
                self.notify(Text(f"{item.handed_by} handed you {item.who}'s call ({item.channel}): F3 to take it over."),
                            title="Handed to you", timeout=30)
        self.work_known = {item.interaction_id for item in work}

    def resume(self, interaction_id: int | None) -> None:
        if interaction_id is not None:
            self.desk.current_interaction_id = interaction_id
            self.switch_mode("call")

    def action_open_day(self) -> None:
        """The Day section is for supervisors; its services refuse anyone else as well."""
        if self.supervisor_only("open the Day section"):
            self.switch_mode("day")

    def supervisor_only(self, what: str) -> bool:
        """Agents are not offered these actions (see check_action); one reached another way is refused here too."""
        if self.desk.agent is not None and self.desk.agent.is_supervisor:
            return True
        self.notify(f"Only supervisors {what}.", severity="warning")
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Footers and keys offer a person only what their role allows; the services refuse the rest anyway."""
        if self.idle.locked:
            return action == "quit"
        if self.desk.agent is not None and not self.desk.agent.is_supervisor and is_supervisors(action, parameters):
            return False
        return True

    def action_edit_categories(self) -> None:
        self.push_screen(CategoriesScreen(self.desk))

    def action_edit_catalog(self) -> None:
        self.push_screen(CatalogScreen(self.desk))

    def action_take_off_desk(self) -> None:
        in_background(self, self.staff.colleagues, self.choose_leaver, group="staff")

    def choose_leaver(self, others: tuple[Colleague, ...]) -> None:
        self.push_screen(AgentPickerScreen("Who is leaving the desk?", list(others)), self.take_off_desk)

    def take_off_desk(self, agent_id: int | None) -> None:
        if agent_id is not None:
            in_background(self, lambda: self.staff.take_off_desk(agent_id), self.taken_off, group="staff")

    def taken_off(self, taken: TakenOff) -> None:
        self.notify(Text(f"{taken.name} is off the desk; {taken.orphaned} open promises wait for a new owner (Promises, a, o)."))

    def action_add_colleague(self) -> None:
        self.push_screen(AddColleagueScreen(self.desk), self.colleague_added)

    def colleague_added(self, colleague: Colleague | None) -> None:
        if colleague is not None:
            self.notify(Text(f"{colleague.name} can now sign in ({colleague.role}) with the secret you gave them."))

    def action_reset_secret(self) -> None:
        in_background(self, self.staff.colleagues, self.choose_whose_secret, group="staff")

    def choose_whose_secret(self, others: tuple[Colleague, ...]) -> None:
        def chosen(agent_id: int | None) -> None:
            if agent_id is not None:
                colleague = next(other for other in others if other.id == agent_id)
                self.push_screen(ResetSecretScreen(self.desk, colleague), self.secret_reset)

        self.push_screen(AgentPickerScreen("Whose secret?", list(others)), chosen)

    def secret_reset(self, colleague: Colleague | None) -> None:
        if colleague is not None:
            self.notify(Text(f"{colleague.name} has a new secret; tell it to them in person."))

    def action_missed_call(self) -> None:
        self.push_screen(MissedCallScreen(self.desk))

    def action_switch_agent(self) -> None:
        self.push_screen(SignInScreen(self.desk), self.switched)

    async def switched(self, agent: Colleague | None) -> None:
        """The next person starts from Greeting; the last one's open call stays theirs, to resume later."""
        if agent is None or agent.id == self.desk.agent_id:
            return
        self.desk.current_interaction_id = None
        await self.action_greeting()
        for mode, screen in SECTION_SCREENS[1:]:
            await self.remove_mode(mode)
            self.add_mode(mode, lambda screen=screen: screen(self.desk))
        self.signed_in(agent)

    async def action_greeting(self) -> None:
        """The lookup, ready for the next name (the last query selected, so typing replaces it). A card left open in the section (by this person, or by the one
        signed in before) is closed on the way: typing a name at a card pressed its keys ("c" started a call).
        A form on top of one is left as it was, with whatever was typed in it."""
        await self.switch_mode("greeting")
        while isinstance(self.screen, GreetingCardScreen):
            await self.pop_screen()
        if isinstance(self.screen, GreetingScreen):
            self.screen.ready_for_the_next_name()

    def action_new_customer(self) -> None:
        self.switch_mode("greeting")
        self.call_later(lambda: self.screen.run_action("new_customer"))

    def notify(
        self, message: str | Text, *, title: str = "", severity: SeverityLevel = "information",
        timeout: float | None = None, markup: bool = False,
    ) -> None:
        """Every toast is plain text: messages carry customers' names and words, which are never markup."""
        plain = message.plain if isinstance(message, Text) else str(message)
        super().notify(plain, title=title, severity=severity, timeout=timeout, markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.desk.agent is not None:
            yield from desk_commands(self)
