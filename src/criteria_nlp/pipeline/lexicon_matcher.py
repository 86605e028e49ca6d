"""spaCy component: marks lexicon phrases (variables, concepts, units, cues) in ``doc.spans``.

Matches are kept in the span group ``cnlp_lexicon``: the label is the grammar terminal and
``kb_id_`` its payload (canonical name, UCUM code, comparator, anchor). Longest match wins.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import Lexicon, default_lexicon

GROUP = "cnlp_lexicon"
_PRIORITY = {"VAR": 0, "REF": 1, "CMP": 1, "CMPPOST": 1, "ANCHOR": 2, "UNIT": 3, "QUAL": 4, "CONCEPT": 5}


def lexicon_patterns(lexicon: Lexicon) -> dict[tuple[str, str], list[str]]:
    """Every surface form keyed by (terminal, payload)."""
    patterns: dict[tuple[str, str], list[str]] = {}
    for entry in lexicon.variables.values():
        patterns.setdefault(("VAR", entry.name), []).extend(entry.synonyms)
    for entry in lexicon.concepts.values():
        patterns.setdefault(("CONCEPT", entry.name), []).extend(entry.synonyms)
    for alias, code in lexicon.case_free_units().items():
        patterns.setdefault(("UNIT", code), []).append(alias)
    for phrase in lexicon.phrases:
        patterns.setdefault((phrase.terminal, phrase.value or ""), []).append(phrase.text)
    return patterns


class LexiconMatcher:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}
        for (terminal, payload), forms in lexicon_patterns(lexicon).items():
            key = f"{terminal}\t{payload}"
            self.keys[nlp.vocab.strings.add(key)] = (terminal, payload)
            self.matcher.add(key, list(nlp.tokenizer.pipe(dict.fromkeys(forms))))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            terminal, payload = self.keys[match_id]
            spans.append((end - start, -_PRIORITY.get(terminal, 5), Span(doc, start, end, label=terminal, kb_id=payload)))
        spans.sort(key=lambda item: item[:2], reverse=True)
        doc.spans[GROUP] = filter_spans([span for *_, span in spans])
        return doc


@Language.factory("cnlp_lexicon_matcher")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, default_lexicon())
