"""How each mood is coloured, the same in the picker and the call header."""

from frontdesk.services.moods import MOODS

MOOD_STYLES = dict(zip(MOODS, ("green", "yellow", "dark_orange", "bold red"), strict=True))
