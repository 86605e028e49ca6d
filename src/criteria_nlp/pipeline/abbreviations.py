"""spaCy component: abbreviations a text defines for itself ("upper limit of normal (ULN)").

The algorithm is scispaCy's (Schwartz & Hearst, via ``filter_matches`` and
``find_abbreviation``); this component only feeds it differently: parenthesis candidates
come from the token array, and every later use of a short form is found by its exact token
text, so no matcher is built or changed per document (scispaCy's own component adds and
removes patterns on a shared matcher for each one), and a lower-case word before a long
parenthesis is never taken for a short form. Results are integers in
``doc._.cnlp_abbreviations``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from scispacy.abbreviation import filter_matches, find_abbreviation
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

EXTENSION = "cnlp_abbreviations"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=())

MAX_INSIDE = 8  # tokens between the parentheses, as in scispaCy


class Abbreviation(NamedTuple):
    """One use of a short form (token offsets) and the long form it stands for."""

    start: int
    end: int
    long_form: str


def find_abbreviations(doc: Doc) -> tuple[Abbreviation, ...]:
    if len(doc) < 3:
        return ()
    strings = doc.vocab.strings
    orth = doc.to_array([ORTH]).tolist()
    opening, closing = strings.add("("), strings.add(")")
    closes = [i for i, o in enumerate(orth) if o == closing]
    candidates = []
    for i, o in enumerate(orth):
        if o != opening:
            continue
        # only the closings within reach: a scan of all of them is quadratic in "((((...))))"
        for j in closes[bisect_right(closes, i + 1) : bisect_right(closes, i + 1 + MAX_INSIDE)]:
            candidates.append((0, i + 1, j))
    definitions: dict[tuple[int, ...], str] = {}
    seen_long: set[str] = set()
    for long_candidate, short_candidate in filter_matches(candidates, doc):
        if short_candidate.start < long_candidate.start and _plain_word(short_candidate.text):
            continue
        short, long = find_abbreviation(long_candidate, short_candidate)
        key = tuple(orth[short.start : short.end])
        if long is None or long.text in seen_long or key in definitions:
            continue
        seen_long.add(long.text)
        definitions[key] = long.text
    return tuple(sorted(_uses(orth, definitions)))


def _plain_word(text: str) -> bool:
    """A lower-case word before a long parenthesis is a word, not a short form that the
    parenthesis spells out: "glioma (grade I, II, III or glioblastoma)" is not glioblastoma,
    though its letters are there in order."""
    return text.isalpha() and text.islower()


def _uses(orth: list[int], definitions: dict[tuple[int, ...], str]) -> Iterator[Abbreviation]:
    """Every occurrence of every short form: one pass over the tokens per short-form length
    (at most ``MAX_INSIDE`` of them), not one pass per definition."""
    sizes: dict[int, dict[tuple[int, ...], str]] = {}
    for key, long_form in definitions.items():
        sizes.setdefault(len(key), {})[key] = long_form
    for size, keys in sizes.items():
        for start in range(len(orth) - size + 1):
            long_form = keys.get(tuple(orth[start : start + size]))
            if long_form is not None:
                yield Abbreviation(start, start + size, long_form)


class AbbreviationComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cnlp_abbreviations = find_abbreviations(doc)
        return doc


@Language.factory("cnlp_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationComponent:
    return AbbreviationComponent()
