"""Nothing silently dropped: every word of a criterion that is not a filler lies inside a
logic node or an unparsed fragment.

A word is "accounted for" when its characters overlap the span of some node of the
criterion's tree (atoms, the variable of a threshold, and the and/or/not/if nodes whose
connective words it may be) or a fragment the criterion reports as unparsed. Fillers are
``data/fillers.txt`` (never a negation, a quantity, a time or a condition word).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..assemble import assemble_trial
from ..grammar.lexer import default_tables, everyone_of, opening_article
from ..ingest import Document
from ..logic import Compare, Criterion, Trial, walk
from ..pipeline import default_nlp, make_doc
from ..spans import Span


@dataclass(frozen=True, slots=True)
class Silent:
    """A word no node and no unparsed fragment accounts for."""

    trial: str
    criterion: str
    span: Span
    word: str


def _covered(criterion: Criterion) -> list[Span]:
    spans = [f.span for f in criterion.unparsed]
    if criterion.logic is not None:
        for node in walk(criterion.logic):
            spans.append(node.span)
            if isinstance(node, Compare):
                spans.append(node.variable.span)
    for part in criterion.parts:
        spans.extend(_covered(part))
    return spans


def silent_words(trial: Trial, words: Iterable[Span]) -> Iterator[Silent]:
    """The words (character spans of the trial text) that no criterion accounts for."""
    tables = default_tables()
    by_start = sorted(words)
    for criterion in trial.criteria:
        covered = _covered(criterion)
        for word in by_start:
            if not criterion.span.contains(word):
                continue
            text = word.text(trial.text)
            if (not any(ch.isalnum() for ch in text) or tables.is_filler(text)
                    or opening_article(text, trial.text, word.start, criterion.span)
                    or everyone_of(text, trial.text, word.end, tables)):
                continue
            if not any(word.overlaps(span) for span in covered):
                yield Silent(trial.id, criterion.id, word, text)


def silent_in(documents: Iterable[Document]) -> Iterator[Silent]:
    """Parse the documents (streamed through ``nlp.pipe``) and yield their silent words;
    spaCy's tokens are the words."""
    nlp = default_nlp()
    documents = list(documents)
    for document, doc in zip(documents, nlp.pipe(make_doc(nlp, d.text) for d in documents)):
        trial = assemble_trial(document, doc)
        yield from silent_words(trial, [Span(t.idx, t.idx + len(t)) for t in doc])
