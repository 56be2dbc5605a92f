"""Where the query's words appear in a customer's field, in the customer's own spelling."""

from __future__ import annotations

from frontdesk.lookup.normalize import word_spans
from frontdesk.lookup.query import Term, TermKind, parse_query, street_type
from frontdesk.lookup.vocabulary import Vocabulary

HIGHLIGHT_SIMILARITY = 0.75
JOINED_SIMILARITY = 0.95  # two neighbouring words count as one only when typed that way


def highlight_spans(query: str, text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of `text` whose words the query's words matched.

    The text's words (and each pair of neighbours, for names spaced differently)
    form a tiny vocabulary, so highlighting agrees with how search matched.
    """
    spans = word_spans(text)
    vocabulary = Vocabulary()
    pieces: dict[int, tuple[int, int]] = {}
    for start, end, word in spans:
        pieces[vocabulary.id_of(street_type(word))] = (start, end)
    single_words = len(vocabulary)
    for (start, _, first), (_, end, second) in zip(spans, spans[1:]):
        pieces.setdefault(vocabulary.id_of(first + second), (start, end))
    marked = set()
    for term in parse_query(query):
        marked.update(_matched_pieces(vocabulary, term, single_words))
    return _merged(sorted(pieces[i] for i in marked if i in pieces))


def _matched_pieces(vocabulary: Vocabulary, term: Term, single_words: int) -> list[int]:
    if term.kind is TermKind.DATE:
        return []
    if term.kind in (TermKind.PHONE, TermKind.NUMBER):
        singles = vocabulary.words[:single_words]
        return [i for i, w in enumerate(singles) if w.isdigit() and _digits_overlap(term.text, w)]
    sims = vocabulary.similarity(term.text, term.prefix)
    return [
        i for i in range(len(vocabulary))
        if sims[i] >= (HIGHLIGHT_SIMILARITY if i < single_words else JOINED_SIMILARITY)
    ]


def _digits_overlap(typed: str, group: str) -> bool:
    """A typed number inside a digit group, or a group that is part of a typed phone number."""
    typed = typed.lstrip("0") or typed
    group_core = group.lstrip("0") or group
    return typed in group_core or (len(group_core) >= 2 and group_core in typed)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
