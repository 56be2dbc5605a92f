"""English given names and their nicknames (Bill/William), from the curated `nicknames` package."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def _namer() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def related_names(word: str) -> frozenset[str]:
    """Names a customer called `word` may be filed under: its formal forms and its nicknames.

    Both directions matter: the agent hears "Bill" for a William on file, and
    "William" for a customer who registered as Bill.
    """
    namer = _namer()
    return frozenset(namer.canonicals_of(word) | namer.nicknames_of(word)) - {word}
