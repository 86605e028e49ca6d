"""Typed, immutable logic nodes of the criteria-logic contract (design.md section 2).

Nodes are frozen so rewrites go through ``dataclasses.replace``; serialization lives in
``serialize.py`` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Union

from .spans import Span


class Comparator(str, Enum):
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    EQ = "=="
    NE = "!="

    def negated(self) -> Comparator:
        return _NEGATE[self]

    def holds(self, left: float, right: float) -> bool:
        return _HOLDS[self](left, right)

    def mirrored(self) -> Comparator:
        """The comparator with its sides swapped: "18 <= age" is "age >= 18"."""
        return _MIRROR.get(self, self)

    @property
    def from_below(self) -> bool:
        """A lower bound: "> 18", ">= 18"."""
        return self in (Comparator.GT, Comparator.GE)

    @property
    def from_above(self) -> bool:
        """An upper bound: "< 65", "<= 65"."""
        return self in (Comparator.LT, Comparator.LE)


_NEGATE = {
    Comparator.LT: Comparator.GE,
    Comparator.LE: Comparator.GT,
    Comparator.GT: Comparator.LE,
    Comparator.GE: Comparator.LT,
    Comparator.EQ: Comparator.NE,
    Comparator.NE: Comparator.EQ,
}
_MIRROR = {Comparator.LT: Comparator.GT, Comparator.LE: Comparator.GE, Comparator.GT: Comparator.LT, Comparator.GE: Comparator.LE}
_HOLDS = {
    Comparator.LT: lambda a, b: a < b,
    Comparator.LE: lambda a, b: a <= b,
    Comparator.GT: lambda a, b: a > b,
    Comparator.GE: lambda a, b: a >= b,
    Comparator.EQ: lambda a, b: a == b,
    Comparator.NE: lambda a, b: a != b,
}


class Section(str, Enum):
    INCLUSION = "inclusion"
    EXCLUSION = "exclusion"


class Domain(str, Enum):
    CONDITION = "condition"
    DRUG = "drug"
    PROCEDURE = "procedure"
    OBSERVATION = "observation"
    DEVICE = "device"
    DEMOGRAPHIC = "demographic"
    OTHER = "other"


class Reference(str, Enum):
    """A compare value that is a multiple of the patient's own reference limit."""

    ULN = "ULN"
    LLN = "LLN"


class Relation(str, Enum):
    BEFORE = "before"
    AFTER = "after"
    WITHIN = "within"


class Anchor(str, Enum):
    ENROLLMENT = "enrollment"
    FIRST_DOSE = "first_dose"
    SCREENING = "screening"
    NOW = "now"
    ADMISSION = "admission"
    DIAGNOSIS = "diagnosis"
    SURGERY = "surgery"


@dataclass(frozen=True, slots=True)
class Window:
    """The event lies within ``value`` ``unit`` before/after/around the anchor; with
    ``start`` ("within 24-48 hours"), no nearer than ``start`` units to it."""

    value: float
    unit: str
    relation: Relation = Relation.BEFORE
    anchor: Anchor = Anchor.ENROLLMENT
    start: float | None = None


@dataclass(frozen=True, slots=True)
class Limit:
    """A bound on an attribute of an event rather than a measured value: how often it
    happened ("at least 2 relapses"), how long it has lasted ("for more than 6 weeks"),
    how much of a drug ("prednisone > 10 mg/day")."""

    comparator: Comparator
    value: float
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    span: Span
    code: str | None = None
    system: str | None = None


def named_as(concept: "Concept", span: Span | None = None) -> Variable:
    """The value a concept's name stands for ("weight loss of > 5 kg"), written at its own
    span unless another is given."""
    return Variable(concept.name, span or concept.span, concept.code, concept.system)


@dataclass(frozen=True, slots=True)
class Compare:
    variable: Variable
    comparator: Comparator
    value: float
    span: Span
    unit: str | None = None
    reference: Reference | None = None
    window: Window | None = None


@dataclass(frozen=True, slots=True)
class Concept:
    """``other_than``: kinds of it that do not count ("any malignancy other than basal cell
    carcinoma"), decided record by record: a patient with both a melanoma and a basal cell
    carcinoma has a malignancy other than it, which "malignancy and not basal cell
    carcinoma" would deny. They are part of this atom, not children of the tree."""

    domain: Domain
    name: str
    span: Span
    code: str | None = None
    system: str | None = None
    window: Window | None = None
    qualifiers: tuple[str, ...] = ()
    count: Limit | None = None
    duration: Limit | None = None
    dose: Limit | None = None
    other_than: tuple["Concept", ...] = ()


@dataclass(frozen=True, slots=True)
class And:
    args: tuple[Node, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Or:
    args: tuple[Node, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Not:
    arg: Node
    span: Span


@dataclass(frozen=True, slots=True)
class AtLeast:
    k: int
    args: tuple[Node, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Implies:
    if_: Node
    then: Node
    span: Span


@dataclass(frozen=True, slots=True)
class Unparsed:
    """Text that stands in the tree where logic should be: a part or criterion no rule
    understood. It evaluates to unknown in its own position (an "or" with it can still be
    true, an "and" with it can still be false)."""

    text: str
    span: Span


Node = Union[And, Or, Not, AtLeast, Implies, Compare, Concept, Unparsed]
ATOMS = (Compare, Concept)
LEAVES = (Compare, Concept, Unparsed)


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, LEAVES):
        return ()
    if isinstance(node, Not):
        return (node.arg,)
    if isinstance(node, Implies):
        return (node.if_, node.then)
    return node.args


def with_children(node: Node, change: Callable[[Node], Node]) -> Node:
    """``node`` with ``change`` applied to each of its ``children``."""
    if isinstance(node, LEAVES):
        return node
    if isinstance(node, Not):
        return replace(node, arg=change(node.arg))
    if isinstance(node, Implies):
        return replace(node, if_=change(node.if_), then=change(node.then))
    return replace(node, args=tuple(change(a) for a in node.args))


def walk(node: Node) -> Iterator[Node]:
    """Every node, parents before children."""
    yield node
    for child in children(node):
        yield from walk(child)


def atoms(node: Node) -> list[Compare | Concept]:
    """Leaves in document order of the tree walk."""
    return [n for n in walk(node) if isinstance(n, ATOMS)]


def conjoin(args: "list[Node]", span: Span | None = None) -> Node:
    """An ``and`` that does not wrap a single argument."""
    return _join(And, args, span)


def disjoin(args: "list[Node]", span: Span | None = None) -> Node:
    return _join(Or, args, span)


def _join(kind: type, args: "list[Node]", span: Span | None) -> Node:
    if not args:
        raise ValueError("cannot join zero nodes")
    if len(args) == 1:
        return args[0]
    flat: list[Node] = []
    for arg in args:
        flat.extend(arg.args if isinstance(arg, kind) else (arg,))
    return kind(tuple(flat), span or Span.covering([a.span for a in flat]))


@dataclass(frozen=True, slots=True)
class Fragment:
    """Text of a criterion that no grammar rule understood."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    section: Section
    span: Span
    text: str
    logic: Node | None = None
    unparsed: tuple[Fragment, ...] = ()
    parts: tuple[Criterion, ...] = ()
    header: Span | None = None


def fragments(criterion: Criterion) -> tuple[Fragment, ...]:
    """Every fragment left unparsed in a criterion and its parts, for reporting."""
    return criterion.unparsed + tuple(f for part in criterion.parts for f in fragments(part))


def loose_fragments(criterion: Criterion) -> tuple[Fragment, ...]:
    """Fragments left beside parsed logic. A part with no logic at all is not one of them:
    it stands in its parent's tree as an ``unparsed`` leaf, evaluated in its position."""
    own = criterion.unparsed if criterion.logic is not None and not criterion.parts else ()
    return own + tuple(f for part in criterion.parts for f in loose_fragments(part))


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Structured:
    """Registry fields that exist outside the free text (CT.gov eligibility module)."""

    min_age: Quantity | None = None
    max_age: Quantity | None = None
    sex: str | None = None
    healthy_volunteers: bool | None = None


@dataclass(frozen=True, slots=True)
class LintWarning:
    code: str
    message: str
    span: Span


@dataclass(frozen=True, slots=True)
class Trial:
    id: str
    text: str
    criteria: tuple[Criterion, ...]
    structured: Structured = field(default_factory=Structured)
    logic: Node | None = None
    warnings: tuple[LintWarning, ...] = ()
