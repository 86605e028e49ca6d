"""From a processed Doc to a Trial: criteria with their logic, and the whole-trial tree."""

from __future__ import annotations

from spacy.tokens import Doc

from .ingest import Document
from .logic import (
    AtLeast, Criterion, Fragment, Node, Not, Section, Trial, conjoin, disjoin,
)
from .grammar.lexer import DocIndex
from .grammar.parser import parse_criterion
from .lint import lint_criteria
from .segmentation import Segment
from .spans import Span


def criterion_from_segment(doc: DocIndex, segment: Segment) -> Criterion:
    """Leaves go through the grammar; a parent combines its parts with its own connective.

    A criterion with no logic at all is reported unparsed as a whole.
    """
    text = doc.text
    parts = tuple(criterion_from_segment(doc, part) for part in segment.parts)
    if parts:
        logic, unparsed = _combine(segment, [p.logic for p in parts]), ()
    else:
        parsed = parse_criterion(doc, segment.span)
        logic, unparsed = parsed.logic, parsed.unparsed
    if logic is None:
        unparsed = (Fragment(segment.span, segment.span.text(text)),)
    return Criterion(segment.id, segment.section, segment.span, segment.span.text(text), logic,
                     unparsed, parts, segment.header)


def _combine(segment: Segment, logics: list[Node | None]) -> Node | None:
    logics = [logic for logic in logics if logic is not None]
    if not logics:
        return None
    if segment.join == "atleast" and segment.k:
        return AtLeast(segment.k, tuple(logics), segment.span)
    join = disjoin if segment.join == "or" else conjoin
    return join(list(logics), segment.span)


def trial_logic(text: str, criteria: tuple[Criterion, ...]) -> Node | None:
    """Inclusion criteria and-ed, exclusion criteria or-ed under one ``not``."""
    inclusion = [c.logic for c in criteria if c.section is Section.INCLUSION and c.logic]
    exclusion = [c.logic for c in criteria if c.section is Section.EXCLUSION and c.logic]
    args: list[Node] = list(inclusion)
    if exclusion:
        excluded = disjoin(exclusion)
        args.append(Not(excluded, excluded.span))
    return conjoin(args, Span(0, len(text))) if args else None


def assemble_trial(document: Document, doc: Doc) -> Trial:
    text = document.text
    index = DocIndex.of(doc, text)
    criteria = tuple(criterion_from_segment(index, s) for s in doc._.cnlp_segments)
    return Trial(document.id, text, criteria, document.structured, trial_logic(text, criteria),
                 lint_criteria(criteria))
