"""Loader for the Chia eligibility-criteria corpus (brat standoff).

A naive brat reader goes wrong on Chia: most ``.txt`` files are CRLF and the offsets count
the ``\\r``; some spans end one character late on a ``\\r``; spans can be discontinuous;
relation names vary in case; a ``\\r`` inside an entity's text was written to the ``.ann``
as a line break, so an annotation can run over several lines. ``read_brat`` keeps raw file
offsets (repaired, never raising on bad lines: each skipped line is listed with its reason in
``problems``); ``build_trial`` joins a trial's two files into one newline-normalised text
and maps offsets into it. A missing ``.txt`` is a ``FileNotFoundError`` and a file that is
not UTF-8 a ``ValueError``, both naming the file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

SECTIONS = ("inclusion", "exclusion")
_HEADERS = {"inclusion": "Inclusion Criteria:\n", "exclusion": "Exclusion Criteria:\n"}
_SECTION_GAP = "\n\n"

_ID = re.compile(r"([TRAMNE]\d+|\*|#\d*)\t")
_ENTITY = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_RELATION = re.compile(r"(R\d+)\t(\S+) (\S+:\S+) (\S+:\S+)\s*")
_EQUIV = re.compile(r"\*\t(\S+)((?: \S+)+)\s*")
_LINE_BREAK = re.compile("\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Entity:
    """A text-bound annotation; ``fragments`` are half-open ``(start, end)`` offsets."""

    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


@dataclass(frozen=True, slots=True)
class Relation:
    id: str
    type: str  # lower-cased: "Has_value" and "has_value" are the same relation
    arg1: str
    arg2: str


@dataclass(frozen=True, slots=True)
class OrGroup:
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BratDocument:
    """One ``.txt``/``.ann`` pair in raw file offsets (``text`` keeps its ``\\r``).

    ``Entity.text`` is the annotation text as written in the ``.ann``. ``problems`` lists
    the annotation lines that were skipped, as ``"line N: reason"``.
    """

    path: Path
    text: str
    entities: dict[str, Entity]
    relations: tuple[Relation, ...]
    or_groups: tuple[OrGroup, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CriterionLine:
    section: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """Raw file offset -> trial offset: drops the ``\\r`` of each ``\\r\\n``, adds the base."""

    base: int
    crlf: tuple[int, ...]  # raw positions of the '\r' of every "\r\n"

    def __call__(self, offset: int) -> int:
        return self.base + offset - bisect_right(self.crlf, offset - 1)


@dataclass(frozen=True, slots=True)
class ChiaTrial:
    """Both sections of a trial as one text.

    ``text`` is ``"Inclusion Criteria:\\n" + inc + "\\n\\nExclusion Criteria:\\n" + exc`` with
    line breaks normalised to ``\\n`` (an absent section drops its header and part; its
    document is ``None`` and its offset ``-1``). ``inclusion``/``exclusion`` keep raw file
    offsets; ``entity_span``/``trial_entity`` map an entity into ``text``.
    """

    id: str
    text: str
    lines: tuple[CriterionLine, ...]
    inclusion: BratDocument | None
    exclusion: BratDocument | None
    inc_offset: int
    exc_offset: int
    _maps: dict[str, _OffsetMap] = field(default_factory=dict, repr=False, compare=False)

    def document(self, section: str) -> BratDocument | None:
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}")
        return self.inclusion if section == "inclusion" else self.exclusion

    def entity_span(self, section: str, entity: Entity) -> tuple[int, int]:
        """``(start, end)`` of a raw-offset entity of ``section`` in the trial text."""
        moved = self.trial_entity(section, entity)
        return moved.start, moved.end

    def trial_entity(self, section: str, entity: Entity) -> Entity:
        """``entity`` with fragments in trial offsets and text taken from the trial text
        (fragments joined by one space, as brat does)."""
        if self.document(section) is None:
            raise ValueError(f"trial {self.id} has no {section} section")
        to_trial = self._maps[section]
        fragments = tuple((to_trial(s), to_trial(e)) for s, e in entity.fragments)
        text = " ".join(self.text[s:e] for s, e in fragments)
        return replace(entity, fragments=fragments, text=text)


@dataclass(frozen=True, slots=True)
class ValuePair:
    """A ``has_value`` relation ending on a Value entity, both entities in trial offsets."""

    section: str
    subject: Entity
    value: Entity
    line: CriterionLine


def read_brat(txt_path: str | Path) -> BratDocument:
    """Read a ``.txt`` and the ``.ann`` beside it (no ``.ann``: no annotations)."""
    txt_path = Path(txt_path)
    text = _read(txt_path, "utf-8", newline="")  # offsets count the '\r' of CRLF
    ann_path = txt_path.with_suffix(".ann")
    ann = _read(ann_path, "utf-8-sig", newline=None) if ann_path.exists() else ""

    entities: dict[str, Entity] = {}
    relations: list[tuple[int, Relation]] = []
    groups: list[tuple[int, tuple[str, ...]]] = []
    problems: list[tuple[int, str]] = []
    last_entity: Entity | None = None  # the entity continuation lines belong to
    pending = 0  # line breaks of its span not yet seen in its text
    for number, line in enumerate(ann.split("\n"), start=1):
        if not line.strip():
            continue
        head = _ID.match(line)
        if head is None:
            if last_entity is None or not pending:
                problems.append((number, "stray line"))
            else:  # the entity's text goes on after a line break of its span
                last_entity = replace(last_entity, text=f"{last_entity.text}\n{line}")
                entities[last_entity.id] = last_entity
                pending -= 1
            continue
        last_entity, pending = None, 0
        kind = head.group(1)[0]
        if kind == "T":
            entity, reason, breaks = _parse_entity(line, text)
            if entity is not None and entity.id in entities:
                entity, reason = None, f"duplicate id {entity.id}"
            if entity is None:
                problems.append((number, reason))
            else:
                entities[entity.id] = last_entity = entity
                pending = breaks
        elif kind == "R":
            m = _RELATION.fullmatch(line)
            args = dict(a.split(":", 1) for a in m.groups()[2:]) if m else {}
            if m is None or set(args) != {"Arg1", "Arg2"}:
                problems.append((number, "malformed relation"))
            else:
                relation = Relation(m.group(1), m.group(2).lower(), args["Arg1"], args["Arg2"])
                relations.append((number, relation))
        elif kind == "*":
            m = _EQUIV.fullmatch(line)
            if m is None:
                problems.append((number, "malformed equivalence"))
            elif m.group(1).upper() != "OR":
                problems.append((number, f"unsupported equivalence {m.group(1)!r}"))
            else:
                groups.append((number, tuple(m.group(2).split())))
        # A/M (attributes), N (normalisations), E (events), # (notes) are not modelled.

    kept_relations = []
    for number, relation in relations:
        missing = [a for a in (relation.arg1, relation.arg2) if a not in entities]
        if missing:
            problems.append((number, f"relation {relation.id} refers to unknown {missing}"))
        else:
            kept_relations.append(relation)
    or_groups = []
    for number, ids in groups:
        missing = [i for i in ids if i not in entities]
        if missing:
            problems.append((number, f"OR group refers to unknown {missing}"))
        else:
            or_groups.append(OrGroup(ids))
    reports = tuple(f"line {number}: {reason}" for number, reason in sorted(problems))
    return BratDocument(
        txt_path, text, entities, tuple(kept_relations), tuple(or_groups), reports
    )


def _read(path: Path, encoding: str, newline: str | None) -> str:
    try:
        with open(path, encoding=encoding, newline=newline) as f:
            return f.read()
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 text (byte {err.start})") from err


def _parse_entity(line: str, text: str) -> tuple[Entity | None, str, int]:
    """The entity (or ``None`` and why) and how many line breaks its raw span holds:
    brat wrote each one into the ``.ann``, so that many continuation lines may follow."""
    m = _ENTITY.fullmatch(line)
    if m is None:
        return None, "malformed entity", 0
    fragments = []
    breaks = 0
    for piece in m.group(3).split(";"):
        start, end = (int(n) for n in piece.split())
        if end > len(text):
            return None, f"span {piece!r} ends past the text ({len(text)} characters)", 0
        breaks += len(_LINE_BREAK.findall(text, start, end))
        while end > start and text[end - 1] == "\r":  # end one character late on "\r"
            end -= 1
        if start >= end:
            return None, f"empty or inverted span {piece!r}", 0
        fragments.append((start, end))
    return Entity(m.group(1), m.group(2), tuple(fragments), m.group(4)), "", breaks


def build_trial(inc_path: str | Path | None, exc_path: str | Path | None) -> ChiaTrial:
    """Join a trial's ``_inc`` and ``_exc`` files (either may be ``None``) into one text."""
    paths = {"inclusion": inc_path, "exclusion": exc_path}
    ids = {Path(p).stem.rsplit("_", 1)[0] for p in paths.values() if p is not None}
    if len(ids) != 1:
        raise ValueError(f"need section files of one trial, got {inc_path!r}, {exc_path!r}")
    docs: dict[str, BratDocument | None] = {}
    offsets = {"inclusion": -1, "exclusion": -1}
    maps: dict[str, _OffsetMap] = {}
    lines: list[CriterionLine] = []
    parts: list[str] = []
    length = 0
    for section, path in paths.items():
        doc = docs[section] = None if path is None else read_brat(path)
        if doc is None:
            continue
        if parts:
            parts.append(_SECTION_GAP)
            length += len(_SECTION_GAP)
        body = doc.text.replace("\r\n", "\n").replace("\r", "\n")
        base = offsets[section] = length + len(_HEADERS[section])
        crlf = tuple(m.start() for m in re.finditer("\r\n", doc.text))
        maps[section] = _OffsetMap(base, crlf)
        lines.extend(_criterion_lines(section, body, base))
        parts += [_HEADERS[section], body]
        length = base + len(body)
    return ChiaTrial(
        ids.pop(),
        "".join(parts),
        tuple(lines),
        docs["inclusion"],
        docs["exclusion"],
        offsets["inclusion"],
        offsets["exclusion"],
        maps,
    )


def _criterion_lines(section: str, body: str, base: int) -> Iterator[CriterionLine]:
    start = 0
    for raw in body.split("\n"):
        stripped = raw.strip()
        if stripped:
            begin = base + start + raw.index(stripped)
            yield CriterionLine(section, begin, begin + len(stripped), stripped)
        start += len(raw) + 1


def iter_trials(folder: str | Path) -> Iterator[ChiaTrial]:
    """Every trial of a Chia folder, by NCT id, pairing ``_inc.txt`` and ``_exc.txt``."""
    pairs: dict[str, dict[str, Path]] = {}
    for path in Path(folder).glob("*_???.txt"):
        trial_id, suffix = path.stem.rsplit("_", 1)
        if suffix in ("inc", "exc"):
            pairs.setdefault(trial_id, {})[suffix] = path
    for trial_id in sorted(pairs):
        yield build_trial(pairs[trial_id].get("inc"), pairs[trial_id].get("exc"))


def value_pairs(trial: ChiaTrial) -> Iterator[ValuePair]:
    """``has_value`` relations whose ``arg2`` is a Value entity, in trial offsets.

    ``line`` is the first criterion line the value overlaps; a value overlapping no line
    (whitespace only) is skipped.
    """
    for section in SECTIONS:
        doc = trial.document(section)
        if doc is None:
            continue
        lines = [line for line in trial.lines if line.section == section]
        starts = [line.start for line in lines]
        for relation in doc.relations:
            value = doc.entities[relation.arg2]
            if relation.type != "has_value" or value.type != "Value":
                continue
            value = trial.trial_entity(section, value)
            first = max(bisect_right(starts, value.start) - 1, 0)
            last = bisect_left(starts, value.end)
            line = next((ln for ln in lines[first:last] if ln.end > value.start), None)
            if line is None:
                continue
            subject = trial.trial_entity(section, doc.entities[relation.arg1])
            yield ValuePair(section, subject, value, line)
