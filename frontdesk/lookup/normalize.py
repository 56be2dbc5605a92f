"""Text folding shared by indexing and querying, so both sides compare like with like."""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

# Arabic letter forms a Persian keyboard may not produce, folded to the Persian ones,
# plus digits from Persian and Arabic-Indic keyboards folded to ASCII.
_LETTER_FOLDS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ە": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ـ": None,  # tatweel only stretches a word
        "\u200d": None,  # ZWJ joins glyphs, never words
        ZWNJ: " ",  # ZWNJ separates the parts of one word: treated as a word gap
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        **{chr(0x0660 + d): str(d) for d in range(10)},
    }
)


class _MarkRemover(dict):
    """For str.translate: combining marks (accents, harakat) to None, any other character to itself.

    Each character is looked up in unicodedata once, then str.translate finds it in C: a character
    loop in Python cost more than the rest of folding a million names.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarkRemover()
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Fold case, accents, harakat, Arabic letter variants, digits and spacing.

    Both the stored names and what the agent types go through this, so a name
    typed without accents, in another case or with Arabic letter forms still
    compares equal to the stored spelling.
    """
    if text.isascii():  # half of a real export, and every step below leaves ASCII as it is but the case
        return _CONTROL_OR_SPACE.sub(" ", text.lower()).strip()
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = decomposed.translate(_WITHOUT_MARKS)
    recomposed = unicodedata.normalize("NFC", stripped.translate(_LETTER_FOLDS))
    return _CONTROL_OR_SPACE.sub(" ", recomposed).strip()


def words(text: str) -> list[str]:
    """Split folded text into words; punctuation and underscores only separate."""
    return [w for w in _WORD.findall(normalize(text).replace("_", " ")) if w]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words of the original text with their positions there, each folded.

    Highlighting must mark the customer's own spelling, so positions refer to
    the unfolded text while the folded word is what gets compared.
    """
    spans: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[^\W_]+", text.replace(ZWNJ, " ")):
        folded = normalize(match.group())
        if folded:
            spans.append((match.start(), match.end(), folded))
    return spans
