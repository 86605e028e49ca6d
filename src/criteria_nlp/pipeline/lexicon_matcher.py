"""spaCy component: marks lexicon phrases (variables, concepts, units, cues) on the Doc.

``doc._.cnlp_lexicon`` holds one ``LexiconMatch`` per phrase (token and character offsets,
the grammar terminal and its payload: canonical name, UCUM code, comparator, anchor),
longest match first, then by terminal priority; plain integers, so later stages never
build spaCy Span objects for them.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from typing import NamedTuple

from spacy.tokens import Doc

from ..cache import cached
from ..lexicon import Lexicon, default_lexicon

EXTENSION = "cnlp_lexicon"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=())


class LexiconMatch(NamedTuple):
    start: int
    end: int
    start_char: int
    end_char: int
    terminal: str
    payload: str


_PHRASE = "cnlp_lexicon_phrase"  # the one match key of every lexicon phrase
_PRIORITY = {"VAR": 0, "REF": 1, "CMP": 1, "CMPPOST": 1, "ANCHOR": 2, "UNIT": 3, "QUAL": 4, "CONCEPT": 5}


def lexicon_patterns(lexicon: Lexicon) -> dict[tuple[str, str], list[str]]:
    """Every surface form keyed by (terminal, payload)."""
    patterns: dict[tuple[str, str], list[str]] = {}
    for entry in lexicon.variables.values():
        patterns.setdefault(("VAR", entry.name), []).extend(entry.synonyms)
    for concept in lexicon.concepts.values():
        patterns.setdefault(("CONCEPT", concept.name), []).extend(concept.synonyms)
    for alias, code in lexicon.case_free_units().items():
        patterns.setdefault(("UNIT", code), []).append(alias)
    for phrase in lexicon.phrases:
        patterns.setdefault((phrase.terminal, phrase.value or ""), []).append(phrase.text)
    return patterns


def _keywords(nlp: Language, patterns: dict[tuple[str, str], list[str]]) -> list[list[tuple[int, ...]]]:
    """Each pattern's distinct forms as the PhraseMatcher stores them: the LOWER hashes of
    the tokens the pipeline's tokenizer makes. Kept in the start-up cache, since
    tokenizing 8,000 forms and making Docs of them is a quarter of start-up, while hashes
    go straight into the matcher."""
    return [[tuple(t.lower for t in doc) for doc in nlp.tokenizer.pipe(dict.fromkeys(forms))]
            for forms in patterns.values()]


class LexiconMatcher:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        # One match key for every phrase, and the phrases' token hashes to tell which: a key
        # per (terminal, payload) made a lexeme and a matcher rule each, a tenth of start-up.
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.readings: dict[tuple[int, ...], list[tuple[str, str]]] = {}
        # long forms a trial may abbreviate its own way ("Mini Mental Status (MMS)")
        self.named: dict[str, tuple[str, str]] = {}
        patterns = lexicon_patterns(lexicon)
        keywords = cached("lexicon-pattern-keywords", lambda: _keywords(nlp, patterns))
        for ((terminal, payload), forms), hashes in zip(patterns.items(), keywords):
            if terminal in ("VAR", "CONCEPT"):
                self.named.update((form, (terminal, payload)) for form in forms)
            for form in hashes:
                readings = self.readings.setdefault(form, [])
                if (terminal, payload) not in readings:
                    readings.append((terminal, payload))
        self.matcher.add(_PHRASE, [list(form) for form in self.readings if form])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        defined, foreign = self._abbreviated(doc)
        matches = self.matcher(doc)
        lowers = doc.to_array(LOWER).tolist() if matches else []
        for _, start, end in matches:
            for terminal, payload in self.readings.get(tuple(lowers[start:end]), ()):
                if (start, end) in foreign and terminal in ("VAR", "CONCEPT"):
                    continue
                found.append((end - start, -_PRIORITY.get(terminal, 5), -start, start, end, terminal, payload))
        found.extend(defined)
        found.sort(reverse=True)
        taken: set[int] = set()
        kept = []
        offsets = doc.to_array([IDX, LENGTH]).tolist() if found else []
        for _, _, _, start, end, terminal, payload in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                last_start, last_length = offsets[end - 1]
                kept.append(LexiconMatch(start, end, offsets[start][0], last_start + last_length, terminal, payload))
        doc._.cnlp_lexicon = tuple(sorted(kept))
        return doc


    def _abbreviated(self, doc: Doc) -> tuple[list[tuple], set[tuple[int, int]]]:
        """Short forms the text defines itself, wherever they occur, take the lexicon entry
        of their long form (the abbreviation component runs before). A short form the text
        defines as something the lexicon does not know ("probing depth (PS)") keeps no
        meaning the lexicon gives those letters elsewhere (PS: performance status): its
        token spans come back as the second value."""
        out, foreign = [], set()
        for short in doc._.get("cnlp_abbreviations") or ():
            hit = self.named.get(" ".join(short.long_form.lower().split()))
            if hit is not None:
                out.append((short.end - short.start, -_PRIORITY.get(hit[0], 5), -short.start,
                            short.start, short.end, *hit))
            else:
                foreign.add((short.start, short.end))
        return out, foreign


@Language.factory("cnlp_lexicon_matcher")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, default_lexicon())
