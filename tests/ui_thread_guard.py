"""Fails a test in which the app ran SQL on Textual's UI thread (the main thread, in Pilot runs).

Every statement executed on the main thread is checked for a frame of `frontdesk/ui/` on its call
stack: the test's own setup and assertions may read the database, the app's screens may not.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

import frontdesk.ui

UI_FOLDER = str(Path(frontdesk.ui.__file__).parent)


class UIThreadSQL:
    def __init__(self) -> None:
        self.found: list[str] = []

    def __enter__(self) -> UIThreadSQL:
        event.listen(Engine, "before_cursor_execute", self.check)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self.check)

    def check(self, _conn, _cursor, statement: str, *_args: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename.startswith(UI_FOLDER):
                where = f"{frame.f_code.co_filename.removeprefix(UI_FOLDER + '/')}:{frame.f_lineno}"
                self.found.append(f"{where}: {' '.join(statement.split())[:100]}")
                return
            frame = frame.f_back
