"""Reader for the Leaf Clinical Trials corpus (LCT; Dobbins et al., Sci Data 9:490, 2022;
uw-bionlp/leaf-corpora, MIT): brat folders of ``NCT*.txt`` criteria texts and ``.ann``
annotations.

LCT is event annotation, not entity pairs as in Chia: a threshold is a variable event (its
trigger an ``Age``, ``Observation``, ... span) whose role argument (``Numeric-Filter``,
``Dose``, ``Duration``, ...) names an ``Eq-Comparison`` event, whose own arguments are the
spans ``Operator``, ``Value``, ``Unit``, ``Per`` and ``Temporal-Unit``; the annotators
normalised each operator span with an ``Eq-Operator-Value`` attribute. So
``E18 Age:T27 Numeric-Filter:E19`` + ``E19 Eq-Comparison:T34 Operator:T19 Value:T28`` +
``A3 Eq-Operator-Value T19 GTEQ`` reads "age >= 18". Repeated roles carry a number
(``Value2``) that means nothing, so it is dropped.

``read_trial`` keeps the file's characters exactly (offsets index the ``.txt`` as written)
and never raises on a bad annotation line: it skips it and says why in ``problems``. A file
that is not UTF-8 is an ``InputError`` naming it. ``thresholds`` and ``entity_mentions`` turn
a trial into the typed gold records the scorer (``lct_score.py``) reads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..errors import InputError
from ..spans import Span

ENTITY_TYPES = ("Condition", "Drug", "Procedure", "Observation")

_ID = re.compile(r"([TERAMN]\d+|\*|#\d*)\t")
_ENTITY = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_EVENT = re.compile(r"(E\d+)\t(\S+):(T\d+)((?: \S+:[TE]\d+)*) *")
_ATTRIBUTE = re.compile(r"(A\d+)\t(\S+) ([TE]\d+)(?: (\S+))? *")
_ROLE_NUMBER = re.compile(r"\d+$")


class Operator(str, Enum):
    """The normalised operators of ``Eq-Operator-Value``."""

    EQ = "EQ"
    LT = "LT"
    LTEQ = "LTEQ"
    GT = "GT"
    GTEQ = "GTEQ"
    BETWEEN = "BETWEEN"
    PLUS_MINUS = "PLUS-MINUS"


_OPERATORS = {o.value for o in Operator}


@dataclass(frozen=True, slots=True)
class Mention:
    """A text-bound annotation; discontinuous when it has several fragments."""

    id: str
    type: str
    fragments: tuple[Span, ...]
    text: str

    @property
    def span(self) -> Span:
        return Span.covering(self.fragments)

    def overlaps(self, span: Span) -> bool:
        return any(f.overlaps(span) for f in self.fragments)


@dataclass(frozen=True, slots=True)
class Event:
    """``args`` are ``(role, target id)`` in file order, roles without their number."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]

    def targets(self, role: str) -> list[str]:
        return [target for r, target in self.args if r == role]


@dataclass(frozen=True, slots=True)
class Threshold:
    """One comparison a variable event points at through ``role``.

    ``line`` is the 0-based index, in the text split on ``\\n``, of the line where the
    comparison starts. ``values`` are in text order, one per span (LCT sometimes links
    ``Value`` and ``Value2`` to the same span). ``operators`` are the normalised operator
    spans in text order (``None`` where a span lacks its attribute).
    """

    trial: str
    line: int
    role: str
    variable: Mention
    name: Mention | None
    comparison: Mention
    operators: tuple[Operator | None, ...]
    values: tuple[Mention, ...]
    units: tuple[str, ...]
    per: tuple[str, ...]
    temporal_units: tuple[str, ...]
    observation_type: str | None

    @property
    def operator(self) -> Operator | None:
        """The comparison's one operator: what all its operator spans say ("less than or
        equal to (<=)" is LTEQ written twice), or ``BETWEEN`` when one of several spans says
        so ("between 18 and 65"); none when missing or mixed ("= <1")."""
        distinct = set(self.operators)
        if len(distinct) == 1:
            return self.operators[0]
        return Operator.BETWEEN if Operator.BETWEEN in distinct else None

    @property
    def unit(self) -> str | None:
        """Unit spans then Per spans joined by "/": ``mg`` + ``dL`` is ``mg/dL``."""
        return "/".join(self.units + self.per) or None


@dataclass(frozen=True, slots=True)
class LCTTrial:
    """One ``.txt``/``.ann`` pair. ``problems`` lists skipped annotation lines as
    ``"line N: reason"`` and dropped event arguments."""

    id: str
    path: Path
    text: str
    mentions: Mapping[str, Mention]
    events: Mapping[str, Event]
    attributes: Mapping[str, Mapping[str, str | None]]
    problems: tuple[str, ...] = ()
    line_starts: tuple[int, ...] = (0,)

    def line_of(self, offset: int) -> int:
        """The 0-based line (text split on ``\\n``) holding ``offset``."""
        return bisect_right(self.line_starts, offset) - 1

    def line_text(self, line: int) -> str:
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return self.text[self.line_starts[line]:end]


def find_trials(folder: str | Path) -> list[Path]:
    """The ``.txt`` of every ``.ann`` under ``folder`` (recursively), by trial id."""
    anns = sorted(Path(folder).rglob("*.ann"), key=lambda p: (p.stem, str(p)))
    return [ann.with_suffix(".txt") for ann in anns]


def read_trial(txt_path: str | Path) -> LCTTrial:
    """Read a ``.txt`` and the ``.ann`` beside it."""
    txt_path = Path(txt_path)
    text = _read(txt_path)
    problems: list[tuple[int, str]] = []
    mentions: dict[str, Mention] = {}
    raw_events: dict[str, tuple[int, str, str, list[tuple[str, str]]]] = {}
    attributes: dict[str, dict[str, str | None]] = {}
    for number, line in enumerate(_read(txt_path.with_suffix(".ann")).split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        head = _ID.match(line)
        kind = head.group(1)[0] if head else ""
        if kind == "T":
            mention, reason = _mention(line, text)
            if mention is not None and mention.id in mentions:
                mention, reason = None, f"duplicate id {mention.id}"
            if mention is None:
                problems.append((number, reason))
            else:
                mentions[mention.id] = mention
        elif kind == "E":
            m = _EVENT.fullmatch(line)
            if m is None:
                problems.append((number, "malformed event"))
                continue
            if m.group(1) in raw_events:
                problems.append((number, f"duplicate id {m.group(1)}"))
                continue
            args = [(_ROLE_NUMBER.sub("", role), target)
                    for role, target in (a.split(":") for a in m.group(4).split())]
            raw_events[m.group(1)] = (number, m.group(2), m.group(3), args)
        elif kind == "A":
            m = _ATTRIBUTE.fullmatch(line)
            if m is None:
                problems.append((number, "malformed attribute"))
            elif m.group(2) == "Eq-Operator-Value" and m.group(4) not in _OPERATORS:
                problems.append((number, f"unknown operator {m.group(4)!r}"))
            else:
                attributes.setdefault(m.group(3), {})[m.group(2)] = m.group(4)
        elif head is None:
            problems.append((number, "stray line"))
        # R (relations), * (equivalences), M, N and # (notes) are not needed here.

    events: dict[str, Event] = {}
    known = mentions.keys() | {e for e, (_, _, trigger, _) in raw_events.items() if trigger in mentions}
    for event_id, (number, event_type, trigger, args) in raw_events.items():
        if event_id not in known:
            problems.append((number, f"event {event_id} has unknown trigger {trigger}"))
            continue
        missing = [target for _, target in args if target not in known]
        if missing:
            problems.append((number, f"event {event_id} drops arguments to unknown {missing}"))
        kept = tuple((role, target) for role, target in args if target in known)
        events[event_id] = Event(event_id, event_type, trigger, kept)
    starts = (0, *(m.end() for m in re.finditer("\n", text)))
    reports = tuple(f"line {number}: {reason}" for number, reason in sorted(problems))
    return LCTTrial(txt_path.stem, txt_path, text, mentions, events, attributes, reports, starts)


def _read(path: Path) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", source=str(path)) from err
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path)) from err


def _mention(line: str, text: str) -> tuple[Mention | None, str]:
    m = _ENTITY.fullmatch(line)
    if m is None:
        return None, "malformed entity"
    fragments = []
    for piece in m.group(3).split(";"):
        start, end = (int(n) for n in piece.split())
        if not start < end <= len(text):
            return None, f"span {piece!r} is empty or ends past the text ({len(text)} characters)"
        fragments.append(Span(start, end))
    if " ".join(f.text(text) for f in fragments) != m.group(4):
        return None, f"span text differs from {m.group(4)!r}"
    return Mention(m.group(1), m.group(2), tuple(fragments), m.group(4)), ""


def entity_mentions(trial: LCTTrial) -> list[Mention]:
    """The Condition, Drug, Procedure and Observation spans (not their ``-Name`` parts)."""
    return [m for m in trial.mentions.values() if m.type in ENTITY_TYPES]


def thresholds(trial: LCTTrial) -> list[Threshold]:
    """Every (variable event, role, Eq-Comparison event) link whose comparison has at
    least one value, whatever the role; in file order."""
    out = []
    for event in trial.events.values():
        for role, target in event.args:
            comparison = trial.events.get(target)
            if comparison is None or comparison.type != "Eq-Comparison":
                continue
            values = _unique_spans(_spans(trial, comparison, "Value"))
            if not values:
                continue
            name = next(iter(_spans(trial, event, "Name")), None)
            trigger = trial.mentions[comparison.trigger]
            out.append(Threshold(
                trial=trial.id,
                line=trial.line_of(trigger.span.start),
                role=role,
                variable=trial.mentions[event.trigger],
                name=name,
                comparison=trigger,
                operators=tuple(_operator(trial, m) for m in _spans(trial, comparison, "Operator")),
                values=values,
                units=tuple(m.text for m in _spans(trial, comparison, "Unit")),
                per=tuple(m.text for m in _spans(trial, comparison, "Per")),
                temporal_units=tuple(m.text for m in _spans(trial, comparison, "Temporal-Unit")),
                observation_type=trial.attributes.get(event.id, {}).get("Observation-Type-Value"),
            ))
    return out


def _spans(trial: LCTTrial, event: Event, role: str) -> list[Mention]:
    """The spans an event's ``role`` arguments name, in text order."""
    found = [trial.mentions[t] for t in event.targets(role) if t in trial.mentions]
    return sorted(found, key=lambda m: m.span.start)


def _unique_spans(mentions: list[Mention]) -> tuple[Mention, ...]:
    seen: set[tuple[Span, ...]] = set()
    out = []
    for m in mentions:
        if m.fragments not in seen:
            seen.add(m.fragments)
            out.append(m)
    return tuple(out)


def _operator(trial: LCTTrial, span: Mention) -> Operator | None:
    value = trial.attributes.get(span.id, {}).get("Eq-Operator-Value")
    return None if value is None else Operator(value)
