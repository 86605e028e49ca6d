"""From a processed Doc to a Trial: criteria with their logic, and the whole-trial tree."""

from __future__ import annotations

from spacy.tokens import Doc

from .ingest import Document
from .logic import (
    AtLeast, Criterion, Fragment, Node, Not, Section, Trial, conjoin, disjoin,
)
from .segmentation import Segment
from .spans import Span


def _unparsed(text: str, span: Span) -> tuple[Fragment, ...]:
    return (Fragment(span, span.text(text)),)


def criterion_from_segment(text: str, segment: Segment) -> Criterion:
    parts = tuple(criterion_from_segment(text, part) for part in segment.parts)
    logic = _combine(segment, [p.logic for p in parts]) if parts else None
    unparsed = () if parts else _unparsed(text, segment.span)
    return Criterion(segment.id, segment.section, segment.span, segment.span.text(text), logic,
                     unparsed, parts, segment.header)


def _combine(segment: Segment, logics: list[Node | None]) -> Node | None:
    if any(logic is None for logic in logics):
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
    criteria = tuple(criterion_from_segment(text, s) for s in doc._.cnlp_segments)
    return Trial(document.id, text, criteria, document.structured, trial_logic(text, criteria))
