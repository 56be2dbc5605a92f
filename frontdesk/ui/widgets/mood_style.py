"""How each mood is coloured, the same in the picker and the call header."""

from frontdesk.db.models import Mood

MOOD_STYLES = {Mood.CALM: "green", Mood.WORRIED: "yellow", Mood.UPSET: "dark_orange", Mood.ANGRY: "bold red"}
