"""Database work for screens, run off the UI thread: the screen stays live while another desk writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, active_worker, get_current_worker

from frontdesk.services.errors import DeskUnavailable
from frontdesk.services.validation import ValidationError

T = TypeVar("T")

UNAVAILABLE = "The database did not answer in time; nothing was lost. Try again in a moment."


def in_background(
    node: DOMNode,
    job: Callable[[], T],
    then: Callable[[T], object] | None = None,
    *,
    failed: Callable[[Exception], object] | None = None,
    group: str = "desk",
    exclusive: bool = False,
    description: str = "",
) -> Worker[None]:
    """Runs `job` (a service call) in a thread worker and hands its result to `then` on the UI thread.

    A ValidationError or DeskUnavailable goes to `failed` (by default a toast); a newer call in the
    same exclusive group cancels this one, and a cancelled job's result is dropped, never shown.
    Any other error is a bug and is raised on the UI thread, so the app reports it and exits non-zero.
    """
    app = node.app

    def finish(callback: Callable[..., object], *args: object) -> None:
        # A closing app takes a screen's widgets down before the screen leaves the DOM: drop the result then too.
        if node.is_attached and app.is_running:
            callback(*args)

    def run() -> None:
        worker = get_current_worker()
        try:
            result = job()
        except (ValidationError, DeskUnavailable) as problem:
            if not worker.is_cancelled:
                app.call_from_thread(finish, failed or toast(node), problem)
            return
        finally:
            # Textual notes the worker in the pool thread's own context, not a copy of it, so the thread kept the
            # worker, and through it the screen that started it (a closed form, a card), until its next job.
            active_worker.set(None)  # type: ignore[arg-type]
        if then is not None and not worker.is_cancelled:
            app.call_from_thread(finish, then, result)

    return node.run_worker(run, thread=True, group=group, exclusive=exclusive, description=description or group)


def toast(node: DOMNode) -> Callable[[Exception], None]:
    """What a refused job says by default: its reason, or that the database did not answer, in a toast."""

    def show(problem: Exception) -> None:
        message = UNAVAILABLE if isinstance(problem, DeskUnavailable) else str(problem)
        node.app.notify(message, severity="error")

    return show
