"""Sound-alike keys, so Jonson, Johnsen and Jaxon meet Johnson and Jackson."""

from __future__ import annotations

import re

# Greek and Persian letters spelled with the Latin letter closest in sound; letters
# that sound alike in Persian (س/ص/ث, ز/ذ/ض/ظ, ت/ط, ح/ه, غ/ق) share one.
_TO_LATIN = str.maketrans(
    {
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i",
        "θ": "t", "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "ks",
        "ο": "o", "π": "p", "ρ": "r", "σ": "s", "τ": "t", "υ": "i", "φ": "f",
        "χ": "h", "ψ": "ps", "ω": "o",
        "ا": "a", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "ch",
        "ح": "h", "خ": "kh", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "zh",
        "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "ع": "a",
        "غ": "q", "ف": "f", "ق": "q", "ک": "k", "گ": "g", "ل": "l", "م": "m",
        "ن": "n", "و": "v", "ه": "h", "ی": "i", "ء": "",
    }
)

# Spellings of one sound in English names, rewritten before vowels are dropped.
_SOUND_RULES = [
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|q|c(?=[^eiy]|$)"), "k"),
    (re.compile(r"c"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),
    (re.compile(r"dg"), "j"),
    (re.compile(r"(?<=.)[hwy]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
_VOWELS = re.compile(r"[aeiou]")


def phonetic_key(word: str) -> str:
    """A consonant skeleton of a folded word: its first letter, then consonant sounds.

    Vowels after the first letter carry most spelling variation in names in all
    three scripts (and Persian often leaves them unwritten), so they are dropped.
    """
    script = _script_tag(word)
    latin = word.translate(_TO_LATIN)
    if not latin.isascii() or not latin.isalpha():
        return word
    for pattern, replacement in _SOUND_RULES:
        latin = pattern.sub(replacement, latin)
    first, rest = latin[:1], latin[1:]
    if first in "aeiou":
        first = "a"
    return script + first + _VOWELS.sub("", rest)


def _script_tag(word: str) -> str:
    """Keys only meet within one script: an English Ali is not the Persian علی on file."""
    first = word[:1]
    if "\u0370" <= first <= "\u03ff":
        return "g:"
    if "\u0600" <= first <= "\u06ff":
        return "p:"
    return "l:"
