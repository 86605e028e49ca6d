"""Split criteria text into sections, criteria and parts, keeping exact character offsets.

Registry text already carries its structure in lines, bullets and numbering, so this works
on lines first and calls the (slow) sentence splitter only for long unstructured paragraphs.
It is a pure function of the text and the rules; ``pipeline.segmenter`` wraps it for spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .logic import Section
from .segment_rules import SegmentRules, default_rules
from .spans import Span
from .tables import read_table

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_NAMED_NUMBER = re.compile(r"^(?:\(?\d{1,2}[.)])?[^\d]*[^\W\d_][^\d]*\d")  # a word before the first number (after any "1)")
_LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # between parts, not in "100,000" or "1,5"
_SYMBOLS = {"bullet", "dash", "star", "circle"}  # marker kinds (data/segmentation.json) that are not numbers


@dataclass(frozen=True, slots=True)
class Segment:
    """One criterion (or part of one): ``span`` excludes its bullet and outer whitespace."""

    id: str
    section: Section
    span: Span
    header: Span | None = None
    join: str = "and"
    k: int | None = None
    parts: tuple[Segment, ...] = ()


@dataclass(slots=True)
class _Item:
    section: Section
    marker: str | None
    indent: int
    span: Span
    children: list[_Item] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        if start == end:
            break
        body = match.group().rstrip("\r\n")
        out.append((start, start + len(body)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


SENTENCE_WINDOW = 2000  # characters handed to pysbd at once
_SENTENCE_END = re.compile(r"[.;!?]\s")


def _windows(text: str, span: Span) -> list[Span]:
    """A paragraph cut into pieces of at most ``SENTENCE_WINDOW`` characters for pysbd, whose
    abbreviation rules rewrite the whole text once per hit (quadratic in a long paragraph).
    A cut falls after the last sentence end in the window's second half, else after its
    last space."""
    out, start = [], span.start
    while span.end - start > SENTENCE_WINDOW:
        limit = start + SENTENCE_WINDOW
        half = start + SENTENCE_WINDOW // 2
        ends = [m.end() for m in _SENTENCE_END.finditer(text, half, limit)]
        space = text.rfind(" ", half, limit)
        cut = ends[-1] if ends else (space + 1 if space >= 0 else limit)
        out.append(Span(start, cut))
        start = cut
    out.append(Span(start, span.end))
    return out


class Segmenter:
    """Holds compiled rules; call it on a text to get its top-level segments."""

    def __init__(self, rules: SegmentRules | None = None) -> None:
        self.rules = rules or default_rules()
        alternatives = "|".join(re.escape(w) for w in sorted(self.rules.join_words, key=len, reverse=True))
        self.trailing_join = re.compile(rf"(?:^|\s)({alternatives})[\s,;]*$", re.IGNORECASE)

    def __call__(self, text: str) -> list[Segment]:
        items = self._items(text)
        counters = {Section.INCLUSION: 0, Section.EXCLUSION: 0}
        segments = []
        for item in items:
            counters[item.section] += 1
            prefix = "inc" if item.section is Section.INCLUSION else "exc"
            segments.append(self._build(text, item, f"{prefix}-{counters[item.section]}"))
        return segments

    def _match_header(self, line: str) -> tuple[Section, int] | None:
        if not self.rules.header_cue.search(line):
            return None
        for rule in self.rules.headers:
            match = rule.pattern.match(line)
            if match:
                groups = match.groupdict()
                for name in ("rest", "rest2"):
                    if groups.get(name):
                        return rule.section, match.start(name)
                return rule.section, len(line)
        return None

    def _match_marker(self, line: str) -> tuple[str | None, int]:
        """The line's marker and its length. A bullet followed by a number ("-  (1) adults",
        "-  2. Left atrium size < 50mm") carries both: the bullet sets the kind, and the
        number is a marker too, not words of the criterion."""
        kind, end = self._first_marker(line)
        if kind in _SYMBOLS:
            numbered, more = self._first_marker(line[end:])
            if numbered is not None and numbered not in _SYMBOLS:
                end += more
        return kind, end

    def _first_marker(self, line: str) -> tuple[str | None, int]:
        for rule in self.rules.markers:
            match = rule.pattern.match(line)
            if match and match.end() < len(line):
                return rule.kind, match.end()
        return None, 0

    def _lone_lines(self, text: str) -> set[int]:
        """Starts of lines that are the only content line of their section: only such a
        paragraph is split into sentences; a long line in a list is one long criterion."""
        groups: list[list[int]] = [[]]
        for line_start, line_end in _lines(text):
            start, end = _strip(text, line_start, line_end)
            if start == end:
                continue
            header = self._match_header(text[start:end])
            if header is not None:
                groups.append([])
                start, end = _strip(text, start + header[1], end)
                if start >= end:
                    continue
            groups[-1].append(start)
        return {group[0] for group in groups if len(group) == 1}

    def _items(self, text: str) -> list[_Item]:
        lone = self._lone_lines(text)
        section = Section.INCLUSION
        items: list[_Item] = []
        parent: _Item | None = None
        for line_start, line_end in _lines(text):
            start, end = _strip(text, line_start, line_end)
            if start == end:
                continue
            line = text[start:end]
            header = self._match_header(line)
            if header is not None:
                section, rest = header
                parent = None
                if start + rest >= end:
                    continue
                start = start + rest
                line = text[start:end]
            indent = len(text[line_start:start].expandtabs(4))
            marker, marker_len = self._match_marker(line)
            span = Span(*_strip(text, start + marker_len, end))
            marked = self._match_header(span.text(text)) if header is None and marker is not None else None
            if marked is not None:  # "-  Exclusion Criteria": a header written as an item
                section, rest = marked
                parent = None
                span = Span(*_strip(text, span.start + rest, end))
                if span.start >= span.end:
                    continue
            if self.rules.placeholder.match(span.text(text)):
                continue  # "None", "N/A": the section has no criteria, and this line is none
            if (
                parent is not None
                and parent.section is section
                and (marker != parent.marker or indent > parent.indent)
                and (marker is not None or indent > parent.indent)
            ):
                parent.children.extend(_Item(section, marker, indent, s) for s in self._split_run_on(text, span, False))
                continue
            last = items[-1] if items else None
            if last is not None and self._continues(text, last, marker, span, section):
                target = last.children[-1] if last.children else last
                target.span = target.span.cover(span)
                continue
            for piece in self._split_run_on(text, span, start in lone):
                items.append(_Item(section, marker, indent, piece))
            parent = items[-1] if text[span.end - 1] == ":" else None
        return items

    @staticmethod
    def _continues(text: str, last: _Item, marker: str | None, span: Span, section: Section) -> bool:
        """A wrapped line inside a marked list: no marker of its own, starts lower-case, and
        the previous item is not closed. Unmarked lists (one criterion per line) never wrap."""
        if marker is not None or last.marker is None or last.section is not section:
            return False
        previous = last.children[-1].span if last.children else last.span
        return text[span.start].islower() and text[previous.end - 1] not in ".:;"

    def _split_run_on(self, text: str, span: Span, paragraph: bool) -> list[Span]:
        """Criteria run together on one line: "1. A 2. B 3. C", or one long paragraph."""
        body = span.text(text)
        numbers = [m for m in self.rules.run_on_number.finditer(body)]
        run: list[re.Match[str]] = []
        for match in numbers:
            expected = int(run[-1].group(1)) + 1 if run else None
            if expected is None or int(match.group(1)) == expected:
                run.append(match)
        if len(run) >= 2 and (run[0].start() > 0 or int(run[0].group(1)) in (1, 2)):
            cuts = [m.start() for m in run if m.start() > 0]
            if cuts:
                bounds = [0, *cuts, len(body)]
                pieces = []
                for a, b in zip(bounds, bounds[1:]):
                    s, e = _strip(body, a, b)
                    marker = self.rules.run_on_number.match(body, s)
                    if marker is not None and s > 0:
                        s = marker.end()
                    if s < e:
                        pieces.append(Span(span.start + s, span.start + e))
                return pieces
        if paragraph and len(body) >= self.rules.sentence_split_min_chars:
            return self._sentence_spans(text, span)
        return [span]

    def _sentence_spans(self, text: str, span: Span) -> list[Span]:
        """pysbd keeps per-call state on its segmenter, so each paragraph gets its own
        (rare: only lone unstructured paragraphs come here)."""
        import pysbd

        pieces = []
        for window in _windows(text, span):
            sentences = pysbd.Segmenter(language="en", clean=False, char_span=True)
            for sentence in sentences.segment(window.text(text)):
                s, e = _strip(text, window.start + sentence.start, window.start + sentence.end)
                if s < e:
                    pieces.append(Span(s, e))
        return pieces or [span]

    def _build(self, text: str, item: _Item, ident: str) -> Segment:
        if item.children:
            header = Span(*_strip(text, item.span.start, item.span.end - 1))
            join, k = self._join_for(header.text(text), item.section)
            parts = tuple(
                Segment(f"{ident}.{i}", item.section, child.span)
                for i, child in enumerate(item.children, 1)
            )
            if self.rules.cue_in(header.text(text)) is None:
                join = self._trailing_join(text, parts) or join
            return Segment(ident, item.section, item.span.cover(parts[-1].span), header, join, k, parts)
        inline = self._inline_parts(text, item.span, item.section)
        if inline is None:
            return Segment(ident, item.section, item.span)
        header, join, k, spans = inline
        parts = tuple(Segment(f"{ident}.{i}", item.section, s) for i, s in enumerate(spans, 1))
        return Segment(ident, item.section, item.span, header, join, k, parts)

    def _trailing_join(self, text: str, parts: tuple[Segment, ...]) -> str | None:
        """"1. stage T2, or / 2. Gleason score 7, or / 3. PSA 20": a join word ending every
        part but the last joins them all."""
        words = set()
        for part in parts[:-1]:
            match = self.trailing_join.search(part.span.text(text))
            if match is None:
                return None
            words.add(self.rules.join_words[match.group(1).lower()])
        return words.pop() if len(words) == 1 else None

    def _join_for(self, header: str, section: Section) -> tuple[str, int | None]:
        """The header's own cue ("any of the following"), else the section's reading: the
        parts of an inclusion criterion must all hold, while each part of an exclusion
        criterion ("Resident exclusion criteria: - comatose - severe cognitive impairment")
        excludes on its own."""
        found = self.rules.cue_in(header)
        if found is not None:
            return found[0].join, found[0].k(header)
        return ("or" if section is Section.EXCLUSION else "and"), None

    def _inline_parts(self, text: str, span: Span, section: Section) -> tuple[Span, str, int | None, list[Span]] | None:
        """"Adequate liver function: A; B; and C" -> header, join, count and parts A, B, C;
        "at least two of the following: A, B, C" counts its parts, joined as they are written."""
        body = span.text(text)
        colon = body.find(":")
        if colon <= 0 or len(body[:colon].split()) > self.rules.parent_header_max_words:
            return None
        header = Span(*_strip(text, span.start, span.start + colon))
        rest_start = span.start + colon + 1
        rest = text[rest_start : span.end]
        join, k = self._join_for(header.text(text), section)
        counted = join == "atleast" and k is not None
        separator = self.rules.part_separator
        listed = rest.rstrip().rstrip(separator)  # a separator that closes the list joins nothing
        if counted and separator not in listed:
            # "at least two of the following: diabetes, hypertension, obesity": the count
            # says the list is one of parts, however they are joined
            cuts = sorted([(m.start(), m.end()) for m in self.rules.join_pattern.finditer(listed)]
                          + [(m.start(), m.end()) for m in _LIST_COMMA.finditer(listed)])
            bounds = [0, *(x for cut in cuts for x in cut), len(listed)]
            pieces = list(zip(bounds[::2], bounds[1::2]))
        elif separator in rest:
            pieces, offset = [], 0
            for chunk in rest.split(separator):
                pieces.append((offset, offset + len(chunk)))
                offset += len(chunk) + len(separator)
        else:
            tails = _comparator_tails()
            joins = [m for m in self.rules.join_pattern.finditer(rest)
                     if not tails.match(f"{m.group(1)} {rest[m.end():]}".lower())]
            if not joins or len({m.group(1).lower() for m in joins}) != 1:
                return None
            bounds = [0]
            for m in joins:
                bounds.extend((m.start(), m.end()))
            bounds.append(len(rest))
            pieces = list(zip(bounds[::2], bounds[1::2]))
            join = self.rules.join_words[joins[0].group(1).lower()]
        spans: list[Span] = []
        for a, b in pieces:
            s, e = _strip(text, rest_start + a, rest_start + b)
            lead = self.rules.join_pattern.match(" " + text[s:e] + " ")
            if lead is not None and lead.start() == 0 and spans:
                join = join if counted else self.rules.join_words[lead.group(1).lower()]
                s, e = _strip(text, s + lead.end() - 1, e)
            if s < e:
                spans.append(Span(s, e))
        if counted:
            return (header, join, k, spans) if k is not None and len(spans) >= k else None
        if len(spans) < 2 or not all(_NAMED_NUMBER.search(s.text(text)) for s in spans):
            # "Age: >=40 and <=80 years", "Grade 2 or 3": a part that names nothing before its
            # number is a bound of the header's variable, which the grammar reads whole
            return None
        return header, join, None, spans


@cache
def _comparator_tails() -> re.Pattern[str]:
    """Comparator phrases that begin with a join word ("21 and above", "18 or older", from
    comparators.tsv): there the word bounds a number and joins no parts."""
    phrases = [row["phrase"] for row in read_table("comparators.tsv", ("phrase", "comparator", "position", "reads", "note"))
               if row["phrase"].split(" ", 1)[0] in ("and", "or")]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?!\w)")


@cache
def default_segmenter() -> Segmenter:
    return Segmenter()
