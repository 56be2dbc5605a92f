"""Column widths that fit the rows on screen now, narrowing the columns that may give way."""

from __future__ import annotations

from rich.cells import cell_len

SCROLLBAR = 2
MIN_SHRUNK = 8  # a name cut shorter than this no longer says whose row it is


def fitted_widths(texts: list[list[str]], width: int, shrinkable: tuple[int, ...], keep: int, padding: int) -> list[int]:
    """Per column, the width of its widest text; if the first `keep` columns would not fit in `width`,
    the `shrinkable` ones share what is left, each keeping at least MIN_SHRUNK."""
    natural = [max((cell_len(text) for text in column), default=1) for column in texts]
    room = width - SCROLLBAR - padding * keep - sum(w for i, w in enumerate(natural[:keep]) if i not in shrinkable)
    wanted = sum(natural[i] for i in shrinkable)
    if width <= 0 or wanted <= room:
        return natural
    widths = list(natural)
    left = max(room, MIN_SHRUNK * len(shrinkable))
    for position, i in enumerate(sorted(shrinkable, key=lambda i: natural[i])):
        share = left // (len(shrinkable) - position)  # the narrower column takes what it needs, up to a fair share
        widths[i] = max(min(natural[i], share), MIN_SHRUNK)
        left -= widths[i]
    return widths


def last_takes_the_rest(widths: list[int], width: int, padding: int) -> list[int]:
    """The last column (the long text) narrowed to what the others leave, so it ends in "…" on screen, not past it."""
    rest = width - SCROLLBAR - padding * len(widths) - sum(widths[:-1])
    return [*widths[:-1], max(min(widths[-1], rest), MIN_SHRUNK)]
