"""Keys typed while a screen is still loading wait for it, then act on it in the order they were typed.

Agents type from memory: Enter on a customer, then `c` to start the call, before the card's data has come back from
its worker. The card could not start a call it had not read yet, so Textual dropped the `c`; a letter typed into a form
still loading went into a box that the loaded record then filled over. Here the app holds every key and paste while
the current screen says it is loading, and hands them on, one at a time and in order, once it has what it needs.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen

TypedAhead = events.Key | events.Paste


class LoadsBeforeKeys:
    """A screen (mixed in before Screen) whose keys wait until `keys_may_act` says what it loaded is on screen.

    `opening` starts True: the app makes a pushed screen current before it has even mounted, and a key can come then.
    """

    opening = True
    """True until the screen has shown its data, or said why it could not (not Textual's `loading`, which would
    cover the screen with a spinner)."""

    class Ready(Message):
        """The screen took its data (or its refusal): the keys held for it may act."""

    def keys_may_act(self) -> None:
        """Call once the data is on screen, or the load was refused: the held keys then act on the screen as it is."""
        assert isinstance(self, Screen)
        if self.opening:
            self.opening = False
            self.app.post_message(LoadsBeforeKeys.Ready())

    def on_unmount(self) -> None:
        """A screen closed while loading (its record gone) holds no key back: they go to the screen under it."""
        self.keys_may_act()


class TypeAhead:
    """The app's side (mixed in before App): holds what is typed while the current screen loads, then replays it.

    Every key is held from the first one held until the queue is empty, even once no screen loads, so that a key
    typed meanwhile never overtakes one typed before it. A replayed key is handed on as the terminal's own, so it goes
    through the app's bindings and the focused widget as it would have; a key that opens another loading screen holds
    the ones after it for that screen.
    """

    ALWAYS_ACTS = frozenset({"ctrl+q"})
    """Quit is never held: a database that does not answer must not keep the agent in the app."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.typed_ahead: deque[TypedAhead] = deque()
        """Keys and pastes not yet handed on, oldest first."""
        self.replaying: TypedAhead | None = None
        """The held event now on its way through the app's queue again."""

    def screen_loading(self) -> bool:
        assert isinstance(self, App)
        return isinstance(self.screen, LoadsBeforeKeys) and self.screen.opening

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded and self.holds(event):
            self.typed_ahead.append(event)
            return
        await super().on_event(event)  # type: ignore[misc]
        if event is self.replaying:
            self.replaying = None
            self.replay_next()

    def holds(self, event: TypedAhead) -> bool:
        if event is self.replaying or (isinstance(event, events.Key) and event.key in self.ALWAYS_ACTS):
            return False
        return bool(self.typed_ahead) or self.screen_loading()

    def on_loads_before_keys_ready(self, message: LoadsBeforeKeys.Ready) -> None:
        message.stop()
        if self.replaying is None:
            self.replay_next()

    def replay_next(self) -> None:
        """Hands the oldest held event on, once the screen it goes to has loaded; the rest follow it one by one."""
        assert isinstance(self, App)
        if self.typed_ahead and not self.screen_loading():
            self.replaying = self.typed_ahead.popleft()
            self.post_message(self.replaying)
