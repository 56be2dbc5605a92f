"""The app's ear on the desk: what any terminal commits reaches every open screen as DeskChanged.

Nothing here touches the database on the UI thread: the feed's watcher and the heartbeat run on
threads of their own, and the UI thread only hands each batch of changes to the screens.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual.app import App
from textual.screen import Screen

from frontdesk.services.changes import Change
from frontdesk.services.desk import Desk
from frontdesk.services.feed import DeskFeed, Heartbeat
from frontdesk.ui.messages import DeskChanged


class FeedRelay:
    """Started when the app mounts, told of each sign-in, stopped when the app unmounts.

    Every screen hears every change: each mode's whole stack (a section left for another keeps
    its screens, and they must not show stale data when the agent comes back) and the current
    stack with its modals. A screen reloads only what it shows (see DeskChanged).
    """

    def __init__(self, app: App, desk: Desk, modes: Iterable[str]) -> None:
        self.app = app
        self.modes = (App.DEFAULT_MODE, *modes)
        self.feed = DeskFeed(desk, self._heard)
        self.heartbeat = Heartbeat(desk)
        self._stopped = False

    def start(self) -> None:
        self.feed.start()

    def signed_in(self) -> None:
        """Puts this terminal on the presence list under the agent now signed in."""
        self.heartbeat.signed_in()

    async def stop(self) -> None:
        """Stops hearing, and leaves the presence list; the UI loop stays free while the threads end."""
        self._stopped = True
        await asyncio.to_thread(self._stop_threads)

    def _stop_threads(self) -> None:
        self.feed.stop()
        self.heartbeat.stop()

    def _heard(self, changes: list[Change]) -> None:
        """On the watcher's thread: the batch goes to the UI thread, which posts it to the screens."""
        if self._stopped:
            return
        try:
            self.app.call_from_thread(self.tell_screens, tuple(changes))
        except RuntimeError:  # the app has stopped running; no screen is left to tell
            pass

    def tell_screens(self, changes: tuple[Change, ...]) -> None:
        """On the UI thread: every screen hears of `changes` (from the feed, or the app's own news)."""
        for screen in self.screens():
            screen.post_message(DeskChanged(changes))

    def screens(self) -> list[Screen]:
        """Every screen of every mode started so far, and the current stack (modals included), once each."""
        found: dict[int, Screen] = {}
        for mode in (self.app.current_mode, *self.modes):
            try:
                stack = self.app.get_screen_stack(mode)
            except KeyError:  # a section not visited yet has no screens
                continue
            found.update((id(screen), screen) for screen in stack)
        return list(found.values())
