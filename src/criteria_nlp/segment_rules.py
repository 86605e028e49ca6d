"""Typed, validated view of ``data/segmentation.json``: unknown or missing keys, bad
patterns and unknown joins are a RuleError naming the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .errors import RuleError
from .logic import Section
from .resources import load_json

_KEYS = {"_doc", "number_words", "header_cue", "run_on_number", "parent_header_max_words", "section_headers", "markers", "parent_cues", "inline_part_separator",
         "inline_join_words", "sentence_split_min_chars", "placeholder"}
_JOINS = {"and", "or", "atleast"}
_ENTRY_KEYS = {"section_headers": {"section", "pattern"}, "markers": {"kind", "pattern"},
               "parent_cues": {"join", "pattern"}}


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
    placeholder: re.Pattern[str]  # an item that says its section has no criteria ("None", "N/A")

    def cue_in(self, header: str) -> tuple[ParentCue, re.Match[str]] | None:
        """The first parent cue ``header`` holds, with where it stands in it."""
        for cue in self.parent_cues:
            match = cue.pattern.search(header)
            if match is not None:
                return cue, match
        return None


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as err:
        raise RuleError(f"segmentation.json: bad pattern in {where}: {err}") from err


def _check_counts(cue: ParentCue) -> None:
    """Every spelled-out alternative of a cue's k group must be a known number word."""
    group = re.search(r"\(\?P<k>([^)]*)\)", cue.pattern.pattern)
    if group is None:
        return
    for alternative in group.group(1).split("|"):
        if alternative.isalpha() and alternative.lower() not in cue.numbers:
            raise RuleError(f"segmentation.json: parent cue counts {alternative!r}, which number_words does not define")


def _join_pattern(words: dict[str, str]) -> re.Pattern[str]:
    r"""The join words between whitespace, longest first ("and/or" before "and"). A match
    starts only where whitespace starts, as the leftmost one does anyway: tried inside a run
    of 9,000 newlines, ``\s+`` would rescan the rest of the run from every position."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\s)\s+({alternatives})\s+", re.IGNORECASE)


def _check_entries(raw: dict) -> None:
    """Each entry of a rule list is an object with exactly its keys."""
    for key, fields in _ENTRY_KEYS.items():
        if not isinstance(raw[key], list):
            raise RuleError(f"segmentation.json: {key} must be a list")
        for number, entry in enumerate(raw[key], 1):
            if not isinstance(entry, dict) or set(entry) != fields:
                got = sorted(entry) if isinstance(entry, dict) else entry
                raise RuleError(f"segmentation.json: {key} entry {number} must have keys {sorted(fields)}, got {got!r}")


def _check_join_words(words: dict) -> None:
    """Inline join words are looked up lower-case and join parts with 'and' or 'or'."""
    if not isinstance(words, dict) or not words:
        raise RuleError("segmentation.json: inline_join_words must be a non-empty object")
    for word, join in words.items():
        if word != word.lower() or not word.strip() or join not in ("and", "or"):
            raise RuleError(f"segmentation.json: inline_join_words: {word!r} -> {join!r} "
                            "must map a lower-case word to 'and' or 'or'")


def rules_from_dict(raw: dict) -> SegmentRules:
    unknown, missing = set(raw) - _KEYS, _KEYS - {"_doc"} - set(raw)
    if unknown:
        raise RuleError(f"segmentation.json: unknown keys {sorted(unknown)}")
    if missing:
        raise RuleError(f"segmentation.json: missing keys {sorted(missing)}")
    _check_entries(raw)
    _check_join_words(raw["inline_join_words"])
    if not isinstance(raw["inline_part_separator"], str) or not raw["inline_part_separator"]:
        raise RuleError("segmentation.json: inline_part_separator must be a non-empty string")
    sections = {section.value for section in Section}
    for header in raw["section_headers"]:
        if header["section"] not in sections:
            raise RuleError(f"segmentation.json: section_headers: unknown section {header['section']!r} "
                            f"(one of {', '.join(sorted(sections))})")
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
            placeholder=_compile(raw["placeholder"], "placeholder"),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        raise RuleError(f"segmentation.json: {err!r}") from err
    bad = {c.join for c in cues} - _JOINS
    if bad:
        raise RuleError(f"segmentation.json: unknown joins {sorted(bad)}")
    if rules.run_on_number.groups < 1:
        raise RuleError("segmentation.json: run_on_number needs a group for the number")
    if rules.parent_header_max_words < 1 or rules.sentence_split_min_chars < 1:
        raise RuleError("segmentation.json: parent_header_max_words and sentence_split_min_chars must be positive")
    return rules


@cache
def default_rules() -> SegmentRules:
    return rules_from_dict(load_json("segmentation.json"))
