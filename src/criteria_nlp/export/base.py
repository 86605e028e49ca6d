"""What every exporter shares: the result type, the list of problems, and small tree helpers.

Each format module is an adapter from the same ``Trial``: it walks the criteria, builds its
own document, and records every construct it cannot express in a ``Problems`` list instead
of dropping it. Format codes (Circe operators, SQL or CQL symbols, FHIR combination codes) never appear here.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..serialize import json_number as number
from ..logic import (
    And, Anchor, AtLeast, Compare, Concept, Criterion, Domain, Implies, Node, Not, Or, Relation,
    Trial, Unparsed, Variable, Window, fragments, with_children,
)
from ..spans import Span


@dataclass(frozen=True, slots=True)
class Unsupported:
    """A construct the format could not express exactly, with the text it came from."""

    span: Span
    node_type: str
    reason: str

    def describe(self, text: str | None = None) -> str:
        """One line: ``12-40 compare: reason ("source text")``."""
        line = f"{self.span.start}-{self.span.end} {self.node_type}: {self.reason}"
        if text is not None and len(self.span):
            snippet = " ".join(self.span.text(text).split())
            if len(snippet) > 80:
                snippet = snippet[:77] + "..."
            line += f' ("{snippet}")'
        return line


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The exported document and everything in the tree it could not express.

    ``parameters`` holds the bound parameters of a parameterized document (SQL only).
    """

    content: str
    unsupported: tuple[Unsupported, ...] = ()
    parameters: Mapping[str, Any] = field(default_factory=dict)


_NODE_TYPES: dict[type, str] = {
    And: "and", Or: "or", Not: "not", AtLeast: "atleast", Implies: "implies",
    Compare: "compare", Concept: "concept", Unparsed: "unparsed",
}


def node_type(node: Node) -> str:
    """The criteria-logic ``type`` name of a node."""
    return _NODE_TYPES[type(node)]


class Problems:
    """Collects unsupported constructs once each, reported in text order."""

    def __init__(self) -> None:
        self._items: dict[tuple[Span, str, str], None] = {}

    def add(self, span: Span, kind: str, reason: str) -> None:
        self._items.setdefault((span, kind, reason), None)

    def node(self, node: Node, reason: str) -> None:
        self.add(node.span, node_type(node), reason)

    def freeze(self) -> tuple[Unsupported, ...]:
        ordered = sorted(enumerate(self._items), key=lambda item: (item[1][0], item[0]))
        return tuple(Unsupported(span, kind, reason) for _, (span, kind, reason) in ordered)


def criteria_of(trial: Trial, problems: Problems) -> tuple[Criterion, ...]:
    """Top-level criteria in text order; reports text that has no logic.

    The criteria-logic contract makes the trial ``and(inclusion..., not(or(exclusion...)))``,
    so exporters work criterion by criterion. An unparsed fragment makes its criterion
    unknown (design section 3); a criterion without logic is unknown as a whole.
    """
    for criterion in trial.criteria:
        for fragment in fragments(criterion):
            problems.add(fragment.span, "unparsed", "text was not parsed: it is unknown")
        if criterion.logic is None:
            problems.add(criterion.span, "criterion", "criterion has no logic: it is unknown")
    return tuple(_plans_unknown(c, problems) for c in trial.criteria)


def _plans_unknown(criterion: Criterion, problems: Problems) -> Criterion:
    """A planned concept ("planning to become pregnant") is unknown to the evaluator, as no
    record holds a plan; exports stand an ``unparsed`` leaf in its place, so they agree. One
    left to someone's judgement ("cardiac disease that would interfere with the study") is
    unknown where the record holds it: exports join it with an ``unparsed`` leaf, which
    three-valued AND makes false without it and unknown with it."""
    from ..patients.vocabulary import rules

    future = rules().future_qualifiers

    def change(node: Node) -> Node:
        if isinstance(node, Concept) and future.intersection(node.qualifiers):
            problems.node(node, "a plan is in no record: it is unknown")
            return Unparsed(written(node), node.span)
        judged = rules().judged(node.qualifiers) if isinstance(node, Concept) else None
        if judged is not None:
            problems.node(node, f"left to judgement ({judged!r}): unknown where the record holds it")
            return And((node, Unparsed(written(node), node.span)), node.span)
        return with_children(node, change)

    def written(node: Node) -> str:
        start = node.span.start - criterion.span.start
        return criterion.text[start:start + len(node.span)]

    return criterion if criterion.logic is None else replace(criterion, logic=change(criterion.logic))


def qualifier_problems(concept: Concept, problems: Problems, where: str, handled: Collection[str] = ()) -> None:
    """Qualifiers narrow a concept in words; the count, duration and dose bounds, a
    window's near edge ("near edge") and the kinds it excepts ("other than") are reported
    unless the format expresses them (``handled``): nothing is dropped silently."""
    for qualifier in concept.qualifiers:
        problems.node(concept, f"qualifier {qualifier!r} is not expressible {where}; exported without it")
    for name in ("count", "duration", "dose"):
        if name not in handled and getattr(concept, name) is not None:
            problems.node(concept, f"the {name} bound is not expressible {where}; exported without it")
    if concept.window is not None and concept.window.start is not None and "near edge" not in handled:
        problems.node(concept, f"the window's near edge is not expressible {where}; the whole window is used")
    if concept.other_than and "other than" not in handled:
        kinds = " or ".join(repr(c.name) for c in concept.other_than)
        problems.node(concept, f"the kinds it excepts record by record ({kinds}) are not expressible {where}; "
                               "exported without them")


def implies_as_or(node: Implies) -> Or:
    """``if a then b`` is ``(not a) or b``, in Kleene logic as in Boolean logic."""
    return Or((Not(node.if_, node.if_.span), node.then), node.span)


# ---- variables ---------------------------------------------------------------------------

UCUM = "http://unitsofmeasure.org"


def is_age(node: Compare) -> bool:
    from ..patients.vocabulary import normalize, rules

    rule = rules()
    return node.variable.code in rule.age_codes or normalize(node.variable.name) in rule.age_names


def sex_of(node: Concept) -> str | None:
    """``"female"``/``"male"`` for a demographic concept that names a sex, else None."""
    from ..patients.vocabulary import normalize, rules

    if node.domain is not Domain.DEMOGRAPHIC:
        return None
    sexes = {rules().sexes.get(word) for word in normalize(node.name).split()} - {None}
    return sexes.pop() if len(sexes) == 1 else None


def age_group_of(node: Concept) -> Compare | None:
    """A demographic concept naming an age group ("adults") as the age bound the evaluator
    reads it as (``age_groups`` of data/evaluation.json), else None."""
    from ..patients.vocabulary import normalize, rules

    if node.domain is not Domain.DEMOGRAPHIC:
        return None
    group = rules().age_groups.get(normalize(node.name))
    if group is None:
        return None
    return Compare(Variable("age", node.span), group.comparator, group.value, node.span, group.unit)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


# ---- windows -----------------------------------------------------------------------------

def window_days(window: Window) -> int | None:
    """The window length in whole days (floor of the UCUM length), None for unknown units.

    Date-granular formats include events dated on or after ``anchor - days``; the floor
    makes that exactly the events within the UCUM length of the anchor.
    """
    from ..units import convert, is_time

    if not is_time(window.unit):
        return None
    return int(math.floor(convert(window.value, window.unit, "d") + 1e-9))


# The assessment (index) date of every exporter stands for these anchors; a window anchored
# at the first dose needs the first-dose date as a separate input.
INDEX_ANCHORS = frozenset({Anchor.ENROLLMENT, Anchor.SCREENING, Anchor.NOW})


def window_phrase(window: Window) -> str:
    """``"within 30 d before enrollment"``."""
    side = {Relation.BEFORE: "before", Relation.AFTER: "after", Relation.WITHIN: "of"}[window.relation]
    return f"within {number(window.value)} {window.unit} {side} {window.anchor.value}"


# ---- output ------------------------------------------------------------------------------

def dump_json(document: Any, width: int = 100) -> str:
    """Indented JSON whose small objects and arrays stay on one line (easy to review and diff)."""
    return _dump(document, 0, width) + "\n"


def _dump(value: Any, indent: int, width: int) -> str:
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or not value or indent + len(flat) <= width:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dump(v, indent + 2, width)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _dump(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def lookback_days() -> int:
    """How old a value may be when a threshold has no window of its own (the evaluator's
    rule, ``data/evaluation.json``): executable exports apply the same look-back."""
    from ..patients.vocabulary import rules

    return rules().lookback_days
