"""Keeping a running terminal on the presence list: it registers, beats, and leaves, from its own thread."""

from __future__ import annotations

import logging
import threading

from frontdesk.db import change_log
from frontdesk.services import presence
from frontdesk.services.desk import Desk

log = logging.getLogger(__name__)
_NOBODY = object()


class Heartbeat:
    """Registers the terminal at sign-in, beats every presence.HEARTBEAT_EVERY seconds, leaves at stop.

    All of it on a daemon thread, so a slow database never holds the screen up. A terminal dropped
    by the others (it was silent too long, say the laptop slept) registers again at its next beat.
    Starting is also when a terminal tidies the change feed of rows older than a day.
    """

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._registered_agent: int | None | object = _NOBODY
        """The agent this terminal is on the list under; _NOBODY until (again) registered."""
        self._thread: threading.Thread | None = None
        self.registered = threading.Event()
        """Set once this terminal is on the list (tests wait for it)."""

    def signed_in(self) -> None:
        """Starts beating, or re-registers under the agent now signed in (after a switch of agent)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="frontdesk-heartbeat", daemon=True)
            self._thread.start()
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        """Leaves the presence list (waiting up to `timeout` for the database) and ends the thread."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        first = True
        while not self._stopping.is_set():
            self._wake.clear()  # before beating: a sign-in during the beat wakes the next one at once
            try:
                self._beat()
                if first:
                    with self.desk.session() as session:
                        change_log.prune(session)
                    first = False
            except Exception as error:  # the database away, or a colleague dropping this row mid-beat: beat on
                log.warning("Presence not updated: %s", error)
                self._registered_agent = _NOBODY
            self._wake.wait(presence.HEARTBEAT_EVERY)
        self._leave()

    def _beat(self) -> None:
        agent_id = self.desk.agent.id if self.desk.agent is not None else None
        with self.desk.session() as session:
            if agent_id == self._registered_agent and presence.heartbeat(session, self.desk.terminal_id):
                return
            presence.register(session, self.desk.terminal_id, self.desk.desk_name, agent_id)
        self._registered_agent = agent_id
        self.registered.set()

    def _leave(self) -> None:
        if not self.registered.is_set():
            return
        try:
            with self.desk.session() as session:
                presence.leave(session, self.desk.terminal_id)
        except Exception as error:  # whatever the database says, the app is closing
            log.warning("Could not leave the presence list (the others will expire this terminal): %s", error)
