"""Chia and LCT brat files as trial texts with four-label entity spans.

The two corpora annotate with different type systems; ``CHIA_LABELS`` and ``LCT_LABELS``
say which of their types become which of our four labels (a type not listed is left
unlabelled). ``resolve`` turns the (often nested) annotation into the flat, token-aligned,
non-overlapping spans a spaCy NER learns from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from criteria_nlp.bench.chia import SECTIONS, iter_trials, read_brat

LABELS = ("CONDITION", "DRUG", "PROCEDURE", "OBSERVATION")

# LCT has no Device type: implants, stents, IUDs and pacemakers are Procedure there, so a
# Chia Device is a PROCEDURE. LCT's Observation holds lab tests, vital signs, scores and
# behaviours (BMI, HbA1c, ECOG, smoking), which Chia splits into Measurement and Observation.
CHIA_LABELS = {
    "Condition": "CONDITION",
    "Drug": "DRUG",
    "Procedure": "PROCEDURE",
    "Device": "PROCEDURE",
    "Measurement": "OBSERVATION",
    "Observation": "OBSERVATION",
}
# The "-Name" sub-spans repeat (most of) their parent entity; the scorer ignores them.
LCT_LABELS = {
    "Condition": "CONDITION",
    "Drug": "DRUG",
    "Procedure": "PROCEDURE",
    "Observation": "OBSERVATION",
}
_PRIORITY = {label: rank for rank, label in enumerate(LABELS)}


@dataclass(frozen=True, slots=True)
class Mention:
    """One annotated entity: covering ``[start, end)`` in the trial text and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Trial:
    id: str
    source: str  # "chia" or "lct"
    text: str
    mentions: tuple[Mention, ...]
    annotated: tuple[tuple[int, int], ...] = ()  # every text-bound annotation, any type


def chia_trials(folder: str | Path) -> Iterator[Trial]:
    """Chia trials as one newline-normalised text each (inclusion then exclusion).

    A discontinuous entity ("breast [or ovarian] cancer") becomes its covering span.
    """
    for trial in iter_trials(folder):
        mentions = []
        for section in SECTIONS:
            document = trial.document(section)
            if document is None:
                continue
            for entity in document.entities.values():
                label = CHIA_LABELS.get(entity.type)
                if label is not None:
                    start, end = trial.entity_span(section, entity)
                    mentions.append(Mention(start, end, label))
        yield Trial(trial.id, "chia", trial.text, tuple(sorted(mentions, key=_order)))


def lct_trials(folder: str | Path) -> Iterator[Trial]:
    """LCT trials exactly as published (the scorer indexes this text)."""
    for path in sorted(Path(folder).glob("NCT*.txt")):
        document = read_brat(path)
        mentions = [
            Mention(entity.start, entity.end, LCT_LABELS[entity.type])
            for entity in document.entities.values()
            if entity.type in LCT_LABELS
        ]
        annotated = tuple(sorted((e.start, e.end) for e in document.entities.values()))
        yield Trial(path.stem, "lct", document.text, tuple(sorted(mentions, key=_order)), annotated)


def _order(mention: Mention) -> tuple[int, int, str]:
    return mention.start, mention.end, mention.label


def resolve(doc: Doc, mentions: tuple[Mention, ...], stats: Counter) -> list:
    """Token-aligned, non-overlapping entity spans for ``doc``.

    Each mention is widened to whole tokens (``alignment_mode="expand"``). Overlap rule:
    the span covering more characters wins; on equal length the label earlier in
    ``LABELS`` wins, then the earlier start; a span overlapping one already kept is
    dropped. ``stats`` counts mentions kept, widened, dropped and unalignable.
    """
    candidates = []
    for mention in dict.fromkeys(mentions):  # the same span and label annotated twice
        span = doc.char_span(mention.start, mention.end, mention.label, alignment_mode="expand")
        if span is None:
            stats["unalignable"] += 1
            continue
        if (span.start_char, span.end_char) != (mention.start, mention.end):
            stats["widened to token boundaries"] += 1
        candidates.append(span)
    candidates.sort(key=lambda s: (s.start_char - s.end_char, _PRIORITY[s.label_], s.start))
    taken = bytearray(len(doc))
    kept = []
    for span in candidates:
        if any(taken[span.start : span.end]):
            stats["dropped: overlaps a longer span"] += 1
            continue
        taken[span.start : span.end] = b"\x01" * len(span)
        kept.append(span)
    stats["kept"] += len(kept)
    return sorted(kept, key=lambda s: s.start)
