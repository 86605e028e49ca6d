"""Typed, validated view of ``data/segmentation.json``: unknown keys are an error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .errors import RuleError
from .logic import Section
from .resources import load_json

_KEYS = {"_doc", "number_words", "header_cue", "run_on_number", "parent_header_max_words", "section_headers", "markers", "parent_cues", "inline_part_separator",
         "inline_join_words", "sentence_split_min_chars"}
_JOINS = {"and", "or", "atleast"}


@dataclass(frozen=True, slots=True)
class HeaderRule:
    section: Section
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class MarkerRule:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ParentCue:
    join: str
    pattern: re.Pattern[str]
    numbers: dict[str, int]

    def k(self, text: str) -> int | None:
        match = self.pattern.search(text)
        if match is None or "k" not in match.groupdict():
            return None
        word = match.group("k").lower()
        return self.numbers[word] if word in self.numbers else int(word)


@dataclass(frozen=True, slots=True)
class SegmentRules:
    header_cue: re.Pattern[str]
    headers: tuple[HeaderRule, ...]
    markers: tuple[MarkerRule, ...]
    parent_cues: tuple[ParentCue, ...]
    part_separator: str
    join_words: dict[str, str]
    join_pattern: re.Pattern[str]
    run_on_number: re.Pattern[str]
    parent_header_max_words: int
    sentence_split_min_chars: int


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise RuleError(f"bad pattern in {where}: {err}") from err


def _check_counts(cue: ParentCue) -> None:
    """Every spelled-out alternative of a cue's k group must be a known number word."""
    group = re.search(r"\(\?P<k>([^)]*)\)", cue.pattern.pattern)
    if group is None:
        return
    for alternative in group.group(1).split("|"):
        if alternative.isalpha() and alternative.lower() not in cue.numbers:
            raise RuleError(f"parent cue counts {alternative!r}, which number_words does not define")


def _join_pattern(words: dict[str, str]) -> re.Pattern[str]:
    """The join words between whitespace, longest first ("and/or" before "and"). A match
    starts only where whitespace starts, as the leftmost one does anyway: tried inside a run
    of 9,000 newlines, ``\s+`` would rescan the rest of the run from every position."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\s)\s+({alternatives})\s+", re.IGNORECASE)


def rules_from_dict(raw: dict) -> SegmentRules:
    unknown = set(raw) - _KEYS
    if unknown:
        raise RuleError(f"segmentation rules: unknown keys {sorted(unknown)}")
    try:
        headers = tuple(
            HeaderRule(Section(h["section"]), _compile(h["pattern"], "section_headers"))
            for h in raw["section_headers"]
        )
        markers = tuple(MarkerRule(m["kind"], _compile(m["pattern"], "markers")) for m in raw["markers"])
        numbers = {str(w).lower(): int(n) for w, n in raw["number_words"].items()}
        cues = tuple(ParentCue(c["join"], _compile(c["pattern"], "parent_cues"), numbers) for c in raw["parent_cues"])
        for cue in cues:
            _check_counts(cue)
        rules = SegmentRules(
            header_cue=_compile(raw["header_cue"], "header_cue"),
            headers=headers,
            markers=markers,
            parent_cues=cues,
            part_separator=raw["inline_part_separator"],
            join_words=dict(raw["inline_join_words"]),
            join_pattern=_join_pattern(raw["inline_join_words"]),
            run_on_number=_compile(raw["run_on_number"], "run_on_number"),
            parent_header_max_words=int(raw["parent_header_max_words"]),
            sentence_split_min_chars=int(raw["sentence_split_min_chars"]),
        )
    except (KeyError, ValueError, TypeError) as err:
        raise RuleError(f"segmentation rules: {err!r}") from err
    bad = {c.join for c in cues} - _JOINS
    if bad:
        raise RuleError(f"segmentation rules: unknown joins {sorted(bad)}")
    return rules


@cache
def default_rules() -> SegmentRules:
    return rules_from_dict(load_json("segmentation.json"))
