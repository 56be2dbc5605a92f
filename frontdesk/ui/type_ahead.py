"""Keys act in the order they were typed, each where the ones before it left the focus, and wait for a screen still loading.

Agents type from memory: Enter on a customer, then `c` to start the call, before the card's data has come back from
its worker. The card could not start a call it had not read yet, so Textual dropped the `c`; a letter typed into a form
still loading went into a box that the loaded record then filled over. Here the app holds every key and paste while
the current screen says it is loading, and hands them on, one at a time and in order, once it has what it needs.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App, ScreenStackError
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

TypedAhead = events.Key | events.Paste


class LoadsBeforeKeys:
    """A screen (mixed in before Screen) whose keys wait until `keys_may_act` says what it loaded is on screen.

    `keys_wait` starts True: the app makes a pushed screen current before it has even mounted, and a key can come then.
    """

    keys_wait = True
    """True until the screen has shown its data, or said why it could not, and again while a form is being saved
    (not Textual's `loading`, which would cover the screen with a spinner)."""

    class Ready(Message):
        """The screen took its data (or its refusal): the keys held for it may act."""

    def hold_keys(self) -> None:
        """From now until `keys_may_act`, keys wait: a form being saved closes on success, and what is typed
        meanwhile belongs to the screen under it, not to a box about to go."""
        self.keys_wait = True

    def keys_may_act(self) -> None:
        """Call once the data is on screen, or the load was refused: the held keys then act on the screen as it is."""
        assert isinstance(self, Screen)
        if self.keys_wait:
            self.keys_wait = False
            self.app.post_message(LoadsBeforeKeys.Ready())

    def keys_refused(self, reason: str) -> None:
        """Says why the key just pressed did nothing (a call that could not start), and drops the keys typed after it.

        They were meant for what did not happen, the call's first note; acting here, their letters would be this
        screen's keys (`e` opens the record's form, `f` shows the whole phone number, `t` takes a message). The
        message says what they would have typed, so nothing is lost unseen.
        """
        assert isinstance(self, Screen) and isinstance(self.app, TypeAhead)
        dropped = self.app.drop_typed_ahead()
        self.notify(f"{reason} Not used, typed after it: {dropped}" if dropped.strip() else reason,
                    severity="warning", markup=False)
        self.keys_may_act()

    def on_unmount(self) -> None:
        """A screen closed while loading (its record gone) holds no key back: they go to the screen under it."""
        self.keys_may_act()


class TypeAhead:
    """The app's side (mixed in before App): hands keys and pastes on one at a time, each once the one before it has
    been dealt with, and holds them while the current screen loads.

    Textual sends each key to whatever has the focus as it reads the key, and that widget handles it later, so keys
    that came together (a fast typist, a busy shared machine) all went to the widget focused when they came: ↓ then
    Enter searched again instead of opening the row, a PIN typed after Enter on one's name went into the list of
    names, and a priority key (Ctrl+S) acted before the letters typed ahead of it had reached their box. Here a key
    goes on only once the widget that took the one before, and every widget above it up to the app, has handled what
    it was sent, twice over (once for the key, once for what handling it posted: the row chosen, the focus moved).
    A key that opens a screen still loading holds the ones after it for that screen.
    """

    ALWAYS_ACTS = frozenset({"ctrl+q"})
    """Quit is never held: a database that does not answer must not keep the agent in the app."""
    HANDLED_PASSES = 2
    """How many times the check walks up from the widget that took a key to the app (see the class's docstring)."""
    STUCK_AFTER = 0.5
    """Seconds after which the next key goes on anyway: a widget that its own key took off the screen never answers."""
    FORGOTTEN_AFTER = 1.0
    """Seconds a screen must stay in front before it takes keys held for a screen that never came (see `go_on`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.typed_ahead: deque[TypedAhead] = deque()
        """Keys and pastes not yet handed on, oldest first."""
        self.replaying: TypedAhead | None = None
        """The held event now on its way through the app's queue again."""
        self.keys_handed_on = 0
        self.in_flight = 0
        """Which key handed on (by count) is still being handled; 0 when none is."""
        self.stuck: Timer | None = None
        self.forgotten: Timer | None = None

    @property
    def keys_pending(self) -> bool:
        """Keys typed that have still to act: held, or one being handled."""
        return bool(self.typed_ahead) or self.replaying is not None or bool(self.in_flight)

    def in_front(self) -> Screen | None:
        """The screen in front; None while the app is closing and its screens are gone."""
        assert isinstance(self, App)
        try:
            return self.screen
        except ScreenStackError:
            return None

    def screen_loading(self) -> bool:
        screen = self.in_front()
        return isinstance(screen, LoadsBeforeKeys) and screen.keys_wait

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded or self.acts_always(event):
            await super().on_event(event)  # type: ignore[misc]
            return
        if self.holds(event):
            self.typed_ahead.append(event)
            self.release_forgotten()
            return
        assert isinstance(self, App)
        self.replaying = None
        self.keys_handed_on += 1
        self.in_flight = self.keys_handed_on
        taker = self.focused or self.screen
        await super().on_event(event)  # type: ignore[misc]
        self.see_through(self.in_flight, taker.ancestors_with_self)

    def acts_always(self, event: TypedAhead) -> bool:
        return isinstance(event, events.Key) and event.key in self.ALWAYS_ACTS

    def holds(self, event: TypedAhead) -> bool:
        if event is self.replaying:
            return False
        return bool(self.typed_ahead) or self.replaying is not None or bool(self.in_flight) or self.screen_loading()

    def see_through(self, key: int, nodes: list[DOMNode]) -> None:
        """Follows the key's handling up `nodes` (the widget that took it, up to the app), then lets the next go.

        A callback queued behind a widget's messages runs once the widget has handled them, the key among them; by
        then the key, if the widget let it through, is queued at the widget above, and so on up."""
        assert isinstance(self, App)

        def step(index: int, passes_left: int) -> None:
            if key != self.in_flight:
                return
            if index == len(nodes):
                if passes_left > 1:
                    step(0, passes_left - 1)
                else:
                    self.handled(key)
            elif not nodes[index].call_later(step, index + 1, passes_left):
                step(index + 1, passes_left)  # a widget already closing takes no more messages

        self.stuck = self.set_timer(self.STUCK_AFTER, lambda: self.handled(key))
        step(0, self.HANDLED_PASSES)

    def handled(self, key: int) -> None:
        if key != self.in_flight:
            return
        self.in_flight = 0
        if self.stuck is not None:
            self.stuck.stop()
            self.stuck = None
        self.replay_next()

    def drop_typed_ahead(self) -> str:
        """Takes back the keys and pastes held so far, unacted; returns the text they would have typed."""
        dropped, self.typed_ahead = self.typed_ahead, deque()
        return "".join(event.text if isinstance(event, events.Paste) else event.character or ""
                       for event in dropped if isinstance(event, events.Paste) or event.is_printable)

    def release_forgotten(self) -> None:
        assert isinstance(self, App)
        if self.forgotten is None:
            in_front = self.in_front()
            self.forgotten = self.set_timer(self.FORGOTTEN_AFTER, lambda: self.go_on(in_front))

    def go_on(self, was_in_front: Screen | None) -> None:
        """Keys are held until a screen says it has loaded; one that never came (a call that did not open as it
        should) would keep them for ever. The screen in front takes them once it has stayed in front, not loading,
        for FORGOTTEN_AFTER: a screen in front only for a moment (the Call section, just before it shows the call
        that was started) is passed by."""
        assert isinstance(self, App)
        self.forgotten = None
        if not self.is_running:
            return
        if self.in_front() is was_in_front:
            self.replay_next()
        if self.typed_ahead:
            self.release_forgotten()

    def on_loads_before_keys_ready(self, message: LoadsBeforeKeys.Ready) -> None:
        message.stop()
        self.replay_next()

    def replay_next(self) -> None:
        """Hands the oldest held event on, once nothing else is being handled and the screen it goes to has loaded."""
        assert isinstance(self, App)
        if self.typed_ahead and self.replaying is None and not self.in_flight and not self.screen_loading():
            self.replaying = self.typed_ahead.popleft()
            self.post_message(self.replaying)
