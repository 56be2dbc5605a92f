"""Small steps the app tests share: type like a person, then wait until the desk has answered."""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Callable

from textual.events import Key
from textual.geometry import Region
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.worker import WorkerCancelled

from tests.known_secret import KNOWN_SECRET


async def settle(pilot: Pilot, keys_within: float = 10.0) -> None:
    """Let searches and index builds running in worker threads finish and draw their results, and the keys typed act.

    A result can start the next worker (the index built, then a search), so this waits until none is left. Keys held
    for a screen that was loading act once it has loaded, one at a time, after the workers are done: those are waited
    for too, for at most `keys_within` seconds.
    """
    await pilot.pause()
    deadline = time.monotonic() + keys_within
    while len(pilot.app.workers) or getattr(pilot.app, "keys_pending", False):
        if len(pilot.app.workers):
            try:
                await pilot.app.workers.wait_for_complete()
            except WorkerCancelled:
                pass  # an exclusive worker (a search, a presence look) replaced by a newer one: the loop waits for that
        else:
            assert time.monotonic() < deadline, f"keys typed still had not acted after {keys_within} s"
            await pilot.pause(0.01)
        await pilot.pause()


async def hearing(pilot: Pilot, timeout: float = 5.0) -> None:
    """Waits until the app's change feed listens: a change committed before that is never delivered."""
    assert await asyncio.to_thread(pilot.app.feed_relay.feed.wait_connected, timeout), "the change feed never connected"


async def settle_until(pilot: Pilot, done: Callable[[], bool], timeout: float = 5.0) -> None:
    """Lets the app run until `done()`, then settles: for what the feed's watcher thread delivers in its own time."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, f"still not done after {timeout} s"
        await pilot.pause(0.02)
    await settle(pilot)


async def type_text(pilot: Pilot, text: str) -> None:
    """Types `text` as a fast typist does: each character is its own key event, in order, to whatever has focus
    ("\t" is the Tab key, as a person tabs to the next field without waiting to see the focus move).

    The keys are queued together and the app draws once it has caught up, instead of after every key as
    `Pilot.press` waits for: drawing the screen again for each character was most of a screen test's CPU.
    """
    await keys_in_one_burst(pilot, text)


async def keys_in_one_burst(pilot: Pilot, *keys: Key | str) -> None:
    """Keys as a terminal sends them when they come together: queued at once, then the app catches up.
    A string is typed character by character; a Key (Key("backspace", None)) is pressed as it is, a new event each
    time, since an event remembers having been stopped."""
    await keys_queued(pilot, *keys)
    await settle(pilot)


async def keys_queued(pilot: Pilot, *keys: Key | str) -> None:
    """The keys of `keys_in_one_burst`, queued, without waiting for what they start (a load a test holds back)."""
    app = pilot.app
    for key in keys:
        for one in ([Key(key.key, key.character)] if isinstance(key, Key) else [Key(key_name(char), char) for char in key]):
            one.set_sender(app)
            app.post_message(one)
    await pilot.pause()


def key_name(char: str) -> str:
    """Textual's name for the key that types `char`: "a", "space", "tab" ("\t", typed between fields)."""
    if char == "\t":
        return "tab"
    return char if char.isalnum() else unicodedata.name(char).lower().replace(" ", "_").replace("-", "_")


def table_rows(table: DataTable) -> list[list[str]]:
    """The cells as a person reads them: plain text, markup and styles gone."""
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def shown_text(widget: Static) -> str:
    return str(getattr(widget.content, "plain", widget.content))


async def open_card(pilot: Pilot, query: str) -> None:
    """Look the customer up in the Greeting section and open the top match's greeting card."""
    await settle(pilot)
    await type_text(pilot, query)
    await pilot.press("enter")
    await settle(pilot)


async def type_secret(pilot: Pilot, secret: str = KNOWN_SECRET) -> None:
    """At the sign-in screen, once a person is chosen: their secret, then Enter, and the desk's answer."""
    await type_text(pilot, secret)
    await pilot.press("enter")
    await settle(pilot)


def drawn_text(widget: Widget) -> str:
    """What the widget draws, its lines joined by spaces: a message cut at the frame is missing its end here."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return " ".join(" ".join(line.text.split()) for line in lines).strip()


def in_view(widget: Widget) -> bool:
    """The widget is drawn, whole, inside the terminal."""
    return widget.region.area > 0 and widget.screen.region.contains_region(widget.region)


def wholly_drawn(widget: Widget) -> bool:
    """The widget is drawn whole: not cut by the screen, nor by a container too small for it, nor hidden under a toast.

    `in_view` alone misses a table taller than the panel holding it: its rows past the panel's edge are never
    drawn, yet its own region lies inside the screen.
    """
    geometry = widget.screen.find_widget(widget)
    if not (in_view(widget) and geometry.clip.contains_region(geometry.region)):
        return False
    region = geometry.region
    cells = ((x, y) for y in range(region.y, region.bottom) for x in range(region.x, region.right))
    return all(widget in (found := widget.screen.get_widget_at(x, y)[0], *found.ancestors) for x, y in cells)


def cursor_row_in_view(table: DataTable) -> bool:
    """The highlighted row is among those the table shows now, its scroll taken into account (rows one line high)."""
    top = table.scroll_offset.y
    return top <= table.cursor_row < top + table.scrollable_content_region.height - table.header_height


def cut_texts_end_in_an_ellipsis(table: DataTable) -> None:
    """The table fits the terminal's width (no sideways scroll), and a row too long for it ends in "…" instead of stopping bare at the edge."""
    assert table.max_scroll_x == 0, f"#{table.id} runs past the right edge"
    width, height = table.scrollable_content_region.size
    lines = table.render_lines(Region(0, table.header_height, width, height - table.header_height))
    rows = table_rows(table)[table.scroll_offset.y:]
    cut = [line.text for line, row in zip(lines, rows) if row[-1] not in line.text]
    assert cut, f"#{table.id}: nothing long enough to be cut at this width"
    assert all("…" in text for text in cut), [text for text in cut if "…" not in text]


def footer_keys(screen) -> list[str]:
    """The keys the screen's own footer shows, as drawn ("^s Save")."""
    return [drawn_text(key) for key in screen.query("Footer FooterKey") if in_view(key)]


def no_reason_to_give(screen) -> None:
    """Answers the wrap-up's questions for a call without a reason or category: explicitly none."""
    from frontdesk.ui.screens.call.wrap_up import NONE_FITS, NO_REASON  # noqa: PLC0415 - only the wrap-up tests need it
    for box in screen.query("#wrap-reason"):
        box.value = NO_REASON
    for select in screen.query("#wrap-category"):
        select.value = NONE_FITS


class Toasts(list[Notification]):
    """Every toast the app raised, heard as a message (`app.run_test(message_hook=toasts)`): kept after it fades."""

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [str(notification.message) for notification in self]


def select_prompts(select: Widget) -> list[str]:
    """The choices a Select offers, as its drop-down list shows them."""
    return [str(option.prompt) for option in select.query_one("SelectOverlay").options]
