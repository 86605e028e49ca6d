"""Compare a parsed Trial with a gold Trial: structurally (atoms, positions) and semantically.

Structural comparison
    Criteria are aligned one-to-one by the largest character overlap within the same section
    (top-level criteria only: a parent's logic already covers its parts). Inside an aligned
    pair every gold atom is matched to at most one parsed atom:

    * ``compare`` atoms match when the variable is the same (same LOINC code when both carry
      one, else the same normalised name), the comparator is the same, the reference (ULN/LLN)
      is the same and the value is the same in base units (``units.canonical``, the package's
      one pint registry; an unreadable unit must be equal as a string);
    * ``concept`` atoms match when domain and normalised name are equal (or both codes are),
      or, as a fallback, when the domain is the same and the spans overlap.

    For every matched pair the chain of connectives from the criterion root down to the atom
    (``and``, ``or``, ``not``, ``atleast``, ``implies.if``, ``implies.then``) is compared:
    "position agreement". Directly repeated ``and``/``or`` links are collapsed first
    (``and(and(a, b), c)`` puts ``a`` at the same position as ``and(a, b, c)``: associativity).
    A criterion is an exact match when every gold atom is matched, no parsed atom is extra and
    every matched pair agrees in position.

Semantic comparison
    Patients are generated over a finite grid built from the atoms of both trees: for every
    numeric fact (variable x canonical unit, or variable x ULN/LLN ratio) a value below, at and
    between and above every threshold, or missing; for every concept present, absent or
    missing. Both trees are evaluated with three-valued Kleene logic (a missing fact is
    UNKNOWN; an unparsed fragment makes its criterion at most UNKNOWN; a "x ULN" compare reads
    the drawn value as the ratio to the patient's ULN). When the grid holds at most ``patients``
    points it is enumerated completely, else ``patients`` points are drawn with a seeded
    generator. The smallest disagreeing patient is the disagreeing one with the fewest known
    facts, then shrunk greedily by forgetting facts while the disagreement stays.

Why not ``evaluate.py``: the patient evaluator works on dated patient records (windows,
reference ranges, vocabulary matching of names and codes) one ``Evaluator`` per patient; here
the facts are abstract grid points shared by both trees, and 10,000 patients per trial must
cost milliseconds. The private vectorised ``_kleene`` below follows the same semantics
(Kleene and/or/not/atleast/implies; an unparsed fragment caps its criterion at UNKNOWN; a trial
without criteria is UNKNOWN) and exists only for this comparison.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

import numpy as np

from ..logic import (
    And, AtLeast, Compare, Concept, Criterion, Implies, Node, Not, Or, Section, Trial, Unparsed,
    loose_fragments,
)
from ..render import render_node
from ..spans import Span
from ..units import canonical

Atom = Union[Compare, Concept]

FALSE, UNKNOWN, TRUE = 0, 1, 2
VERDICTS = {FALSE: "false", UNKNOWN: "unknown", TRUE: "true"}


# ---- normalisation -------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9%]+")


def normalise_name(name: str) -> str:
    """Case, accents and punctuation do not count: "Left-ventricular EF" ~ "left ventricular ef"."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", text.lower()).strip()


def _round(value: float) -> float:
    return float(f"{value:.12g}")


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def compare_quantity(atom: Compare) -> tuple[str, float]:
    """The atom's fact kind ("xULN", "xLLN" or its unit's base units) and threshold in it."""
    if atom.reference is not None:
        return "x" + atom.reference.value, _round(atom.value)
    kind, value = canonical(atom.value, atom.unit)
    return kind, _round(value)


def same_variable(a: Compare, b: Compare) -> bool:
    if a.variable.code and b.variable.code:
        return a.variable.code == b.variable.code
    return normalise_name(a.variable.name) == normalise_name(b.variable.name)


def compare_match(gold: Compare, parsed: Compare) -> bool:
    if not same_variable(gold, parsed) or gold.comparator != parsed.comparator:
        return False
    if gold.reference != parsed.reference:
        return False
    gold_kind, gold_value = compare_quantity(gold)
    parsed_kind, parsed_value = compare_quantity(parsed)
    return gold_kind == parsed_kind and _same_value(gold_value, parsed_value)


def concept_match(gold: Concept, parsed: Concept, *, fallback: bool = False) -> bool:
    if gold.domain != parsed.domain:
        return False
    if fallback:
        return gold.span.overlaps(parsed.span)
    if gold.code and parsed.code and gold.code == parsed.code and gold.system == parsed.system:
        return True
    return normalise_name(gold.name) == normalise_name(parsed.name)


def atom_match(gold: Atom, parsed: Atom, *, fallback: bool = False) -> bool:
    if isinstance(gold, Compare) and isinstance(parsed, Compare):
        return not fallback and compare_match(gold, parsed)
    if isinstance(gold, Concept) and isinstance(parsed, Concept):
        return concept_match(gold, parsed, fallback=fallback)
    return False


# ---- positions -----------------------------------------------------------------------------

def walk(node: Node | None, chain: tuple[str, ...] = ()) -> Iterator[tuple[Atom, tuple[str, ...]]]:
    """Atoms in tree order with the connective chain from ``node`` down to each."""
    if node is None:
        return
    if isinstance(node, (Compare, Concept)):
        yield node, chain
        for kind in node.other_than if isinstance(node, Concept) else ():  # "other than X": X is found too
            yield kind, chain + ("except",)
    elif isinstance(node, Unparsed):
        return
    elif isinstance(node, Not):
        yield from walk(node.arg, chain + ("not",))
    elif isinstance(node, Implies):
        yield from walk(node.if_, chain + ("implies.if",))
        yield from walk(node.then, chain + ("implies.then",))
    else:
        kind = {And: "and", Or: "or", AtLeast: "atleast"}[type(node)]
        if isinstance(node, AtLeast):
            kind = f"atleast{node.k}"
        for arg in node.args:
            yield from walk(arg, chain + (kind,))


def collapse(chain: Sequence[str]) -> tuple[str, ...]:
    """Drop directly repeated ``and``/``or`` links (associativity)."""
    out: list[str] = []
    for link in chain:
        if out and link == out[-1] and link in ("and", "or"):
            continue
        out.append(link)
    return tuple(out)


def criterion_logic(criterion: Criterion) -> Node | None:
    """A criterion's logic; a parent without logic stands for the conjunction of its parts."""
    if criterion.logic is not None or not criterion.parts:
        return criterion.logic
    parts = [criterion_logic(p) for p in criterion.parts]
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(tuple(parts), Span.covering([p.span for p in parts]))


def criterion_partial(criterion: Criterion) -> bool:
    """True when text was left beside parsed logic in the criterion or its parts."""
    return bool(loose_fragments(criterion))


# ---- structural comparison -----------------------------------------------------------------

def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align_criteria(gold: Trial, parsed: Trial) -> list[tuple[Criterion | None, Criterion | None]]:
    """One-to-one alignment by largest overlap in the same section; gold order, extras last."""
    candidates = []
    for gi, g in enumerate(gold.criteria):
        for pi, p in enumerate(parsed.criteria):
            if g.section == p.section:
                size = _overlap(g.span, p.span)
                if size > 0:
                    candidates.append((-size, gi, pi))
    candidates.sort()
    gold_to_parsed: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in gold_to_parsed and pi not in taken:
            gold_to_parsed[gi] = pi
            taken.add(pi)
    pairs: list[tuple[Criterion | None, Criterion | None]] = [
        (g, parsed.criteria[gold_to_parsed[gi]] if gi in gold_to_parsed else None)
        for gi, g in enumerate(gold.criteria)
    ]
    pairs += [(None, p) for pi, p in enumerate(parsed.criteria) if pi not in taken]
    return pairs


@dataclass(frozen=True, slots=True)
class AtomReport:
    """One atom in a report: where it is, what it says, and its connective chain."""

    criterion: str | None
    span: Span
    text: str
    atom: str
    chain: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "span": self.span.to_list(), "text": self.text,
                "atom": self.atom, "chain": "/".join(self.chain)}


@dataclass(frozen=True, slots=True)
class PositionMismatch:
    criterion: str | None
    gold: AtomReport
    parsed: AtomReport

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "gold": self.gold.to_dict(), "parsed": self.parsed.to_dict()}


@dataclass(slots=True)
class CriterionComparison:
    gold_id: str | None
    parsed_id: str | None
    section: Section
    gold_atoms: int
    parsed_atoms: int
    matched: int
    position_agree: int
    matches: list[tuple[Atom, Atom]] = field(default_factory=list)
    unmatched_gold: list[AtomReport] = field(default_factory=list)
    unmatched_parsed: list[AtomReport] = field(default_factory=list)
    position_mismatches: list[PositionMismatch] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return (self.gold_id is not None and self.parsed_id is not None
                and self.matched == self.gold_atoms == self.parsed_atoms
                and self.position_agree == self.matched)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold_id, "parsed": self.parsed_id, "section": self.section.value,
                "gold_atoms": self.gold_atoms, "parsed_atoms": self.parsed_atoms,
                "matched": self.matched, "position_agree": self.position_agree, "exact": self.exact,
                "unmatched_gold": [a.to_dict() for a in self.unmatched_gold],
                "unmatched_parsed": [a.to_dict() for a in self.unmatched_parsed],
                "position_mismatches": [m.to_dict() for m in self.position_mismatches]}


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


def prf(matched: int, gold: int, parsed: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side scores 1.0 only when both sides are empty."""
    precision = _ratio(matched, parsed, 1.0 if gold == 0 else 0.0)
    recall = _ratio(matched, gold, 1.0 if parsed == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(slots=True)
class StructuralComparison:
    trial_id: str
    criteria: list[CriterionComparison]

    @property
    def gold_atoms(self) -> int:
        return sum(c.gold_atoms for c in self.criteria)

    @property
    def parsed_atoms(self) -> int:
        return sum(c.parsed_atoms for c in self.criteria)

    @property
    def matched(self) -> int:
        return sum(c.matched for c in self.criteria)

    @property
    def position_agree(self) -> int:
        return sum(c.position_agree for c in self.criteria)

    @property
    def gold_criteria(self) -> int:
        return sum(1 for c in self.criteria if c.gold_id is not None)

    @property
    def exact_criteria(self) -> int:
        return sum(1 for c in self.criteria if c.exact)

    @property
    def precision(self) -> float:
        return prf(self.matched, self.gold_atoms, self.parsed_atoms)[0]

    @property
    def recall(self) -> float:
        return prf(self.matched, self.gold_atoms, self.parsed_atoms)[1]

    @property
    def f1(self) -> float:
        return prf(self.matched, self.gold_atoms, self.parsed_atoms)[2]

    @property
    def position_rate(self) -> float:
        return _ratio(self.position_agree, self.matched, 1.0)

    @property
    def exact_rate(self) -> float:
        return _ratio(self.exact_criteria, self.gold_criteria, 1.0)

    @property
    def matches(self) -> list[tuple[Atom, Atom]]:
        return [pair for c in self.criteria for pair in c.matches]

    @property
    def unmatched_gold(self) -> list[AtomReport]:
        return [a for c in self.criteria for a in c.unmatched_gold]

    @property
    def unmatched_parsed(self) -> list[AtomReport]:
        return [a for c in self.criteria for a in c.unmatched_parsed]

    @property
    def position_mismatches(self) -> list[PositionMismatch]:
        return [m for c in self.criteria for m in c.position_mismatches]

    def summary(self) -> dict[str, Any]:
        return {"trial": self.trial_id, "gold_atoms": self.gold_atoms,
                "parsed_atoms": self.parsed_atoms, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "position_agree": self.position_agree, "position_rate": self.position_rate,
                "gold_criteria": self.gold_criteria, "exact_criteria": self.exact_criteria,
                "exact_rate": self.exact_rate}

    def to_dict(self) -> dict[str, Any]:
        out = self.summary()
        out["unmatched_gold"] = [a.to_dict() for a in self.unmatched_gold]
        out["unmatched_parsed"] = [a.to_dict() for a in self.unmatched_parsed]
        out["position_mismatches"] = [m.to_dict() for m in self.position_mismatches]
        out["criteria"] = [c.to_dict() for c in self.criteria]
        return out


def _report(criterion: Criterion | None, atom: Atom, chain: tuple[str, ...], text: str) -> AtomReport:
    return AtomReport(criterion.id if criterion else None, atom.span, atom.span.text(text),
                      render_node(atom), chain)


def match_atoms(gold: Sequence[tuple[Atom, tuple[str, ...]]],
                parsed: Sequence[tuple[Atom, tuple[str, ...]]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: strict matches first, then the concept span fallback;
    among candidates prefer the same position, then the larger span overlap."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    matched_gold: set[int] = set()
    for fallback in (False, True):
        for gi, (g, g_chain) in enumerate(gold):
            if gi in matched_gold:
                continue
            best: tuple | None = None
            for pi, (p, p_chain) in enumerate(parsed):
                if pi in used or not atom_match(g, p, fallback=fallback):
                    continue
                key = (collapse(g_chain) != collapse(p_chain), -_overlap(g.span, p.span), pi)
                if best is None or key < best:
                    best = key
            if best is not None:
                pairs.append((gi, best[2]))
                used.add(best[2])
                matched_gold.add(gi)
    return sorted(pairs)


def compare_criterion(gold: Criterion | None, parsed: Criterion | None, *,
                      gold_text: str = "", parsed_text: str = "") -> CriterionComparison:
    gold_atoms = list(walk(criterion_logic(gold))) if gold else []
    parsed_atoms = list(walk(criterion_logic(parsed))) if parsed else []
    section = (gold or parsed).section  # type: ignore[union-attr]
    pairs = match_atoms(gold_atoms, parsed_atoms)
    result = CriterionComparison(gold.id if gold else None, parsed.id if parsed else None, section,
                                 len(gold_atoms), len(parsed_atoms), len(pairs), 0)
    name = gold.id if gold else (parsed.id if parsed else None)
    for gi, pi in pairs:
        (g, g_chain), (p, p_chain) = gold_atoms[gi], parsed_atoms[pi]
        result.matches.append((g, p))
        if collapse(g_chain) == collapse(p_chain):
            result.position_agree += 1
        else:
            result.position_mismatches.append(PositionMismatch(
                name, _report(gold, g, g_chain, gold_text), _report(parsed, p, p_chain, parsed_text)))
    matched_gold = {gi for gi, _ in pairs}
    matched_parsed = {pi for _, pi in pairs}
    result.unmatched_gold = [_report(gold, a, c, gold_text)
                             for i, (a, c) in enumerate(gold_atoms) if i not in matched_gold]
    result.unmatched_parsed = [_report(parsed, a, c, parsed_text)
                               for i, (a, c) in enumerate(parsed_atoms) if i not in matched_parsed]
    return result


def compare_structure(gold: Trial, parsed: Trial) -> StructuralComparison:
    criteria = [compare_criterion(g, p, gold_text=gold.text, parsed_text=parsed.text)
                for g, p in align_criteria(gold, parsed)]
    return StructuralComparison(gold.id, criteria)


# ---- semantic comparison: facts, grid, Kleene evaluation -----------------------------------

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)


def _tokens(atom: Atom) -> list[tuple]:
    if isinstance(atom, Compare):
        out = [("var-name", normalise_name(atom.variable.name))]
        if atom.variable.code:
            out.append(("var-code", atom.variable.code))
        return out
    out = [("concept", atom.domain.value, normalise_name(atom.name))]
    if atom.code:
        out.append(("concept-code", atom.domain.value, atom.system, atom.code))
    return out


@dataclass(slots=True)
class _Fact:
    label: str
    per_unit: float  # base units per unit of the label: grid values are in base units
    numeric: bool
    values: list[float | str]  # the last grid point is "missing"


class _Facts:
    """The finite grid of patient facts spanned by a set of atoms."""

    def __init__(self, atoms: Iterable[Atom], same: Iterable[tuple[Atom, Atom]] = ()) -> None:
        atoms = list(atoms)
        self.uf = _UnionFind()
        for atom in atoms:
            tokens = _tokens(atom)
            for token in tokens[1:]:
                self.uf.union(tokens[0], token)
        for a, b in same:
            if isinstance(a, Compare) == isinstance(b, Compare):
                self.uf.union(_tokens(a)[0], _tokens(b)[0])
        thresholds: dict[tuple, set[float]] = {}
        labels: dict[tuple, tuple[str, float]] = {}
        for atom in atoms:
            key = self.key(atom)
            if isinstance(atom, Compare):
                value = compare_quantity(atom)[1]
                thresholds.setdefault(key, set()).add(value)
                # facts are described in the unit the first atom was written in
                unit = f" x {atom.reference.value}" if atom.reference else (f" [{atom.unit}]" if atom.unit else "")
                per_unit = 1.0 if atom.reference else canonical(1.0, atom.unit)[1]
                labels.setdefault(key, (atom.variable.name + unit, per_unit))
            else:
                thresholds.setdefault(key, set())
                labels.setdefault(key, (f"{atom.domain.value}:{atom.name}", 1.0))
        self.keys = sorted(thresholds, key=repr)
        self.index = {key: i for i, key in enumerate(self.keys)}
        self.facts: list[_Fact] = []
        for key in self.keys:
            if key[0] == "num":
                self.facts.append(_Fact(*labels[key], True, _grid(sorted(thresholds[key])) + ["missing"]))
            else:
                self.facts.append(_Fact(*labels[key], False, ["present", "absent", "missing"]))
        self.sizes = np.array([len(f.values) for f in self.facts], dtype=np.int64)

    def key(self, atom: Atom) -> tuple:
        root = self.uf.find(_tokens(atom)[0])
        if isinstance(atom, Compare):
            return ("num", root, compare_quantity(atom)[0])
        return ("concept", root)

    def table(self, atom: Atom) -> np.ndarray:
        """The atom's verdict for every grid point of its fact."""
        fact = self.facts[self.index[self.key(atom)]]
        if not fact.numeric:
            return np.array([TRUE, FALSE, UNKNOWN], dtype=np.int8)
        threshold = compare_quantity(atom)[1]
        verdicts = [TRUE if atom.comparator.holds(v, threshold) else FALSE for v in fact.values[:-1]]
        return np.array(verdicts + [UNKNOWN], dtype=np.int8)

    def grid_size(self) -> int:
        return math.prod(int(s) for s in self.sizes)

    def patients(self, limit: int, seed: int) -> tuple[np.ndarray, bool]:
        """``(rows, exhaustive)``: every grid point when there are at most ``limit``."""
        if not self.keys:
            return np.zeros((1, 0), dtype=np.int64), True
        if self.grid_size() <= limit:
            rows = np.array(list(itertools.product(*(range(int(s)) for s in self.sizes))), dtype=np.int64)
            return rows, True
        rng = np.random.default_rng(seed)
        return rng.integers(0, self.sizes, size=(limit, len(self.sizes))), False

    def describe(self, row: np.ndarray) -> list[dict[str, Any]]:
        out = []
        for i, fact in enumerate(self.facts):
            value = fact.values[int(row[i])]
            if value != "missing":
                shown = _round(value / fact.per_unit) if fact.numeric else value
                out.append({"fact": fact.label, "value": shown})
        return out


def _grid(thresholds: list[float]) -> list[float]:
    """Below, at, between and above every threshold."""
    low, high = thresholds[0], thresholds[-1]
    values = [_round(low - max(abs(low) * 0.5, 0.5))]
    for a, b in zip(thresholds, thresholds[1:]):
        values += [a, _round((a + b) / 2)]
    values += [high, _round(high + max(abs(high) * 0.5, 0.5))]
    return values


def _kleene(node: Node | None, facts: _Facts, rows: np.ndarray) -> np.ndarray:
    """Vectorised three-valued evaluation (FALSE=0 < UNKNOWN=1 < TRUE=2) over patient rows."""
    if node is None or isinstance(node, Unparsed):
        return np.full(len(rows), UNKNOWN, dtype=np.int8)
    if isinstance(node, (Compare, Concept)):
        return facts.table(node)[rows[:, facts.index[facts.key(node)]]]
    if isinstance(node, Not):
        return (TRUE - _kleene(node.arg, facts, rows)).astype(np.int8)
    if isinstance(node, Implies):
        return np.maximum(TRUE - _kleene(node.if_, facts, rows), _kleene(node.then, facts, rows)).astype(np.int8)
    values = np.stack([_kleene(arg, facts, rows) for arg in node.args])
    if isinstance(node, And):
        return values.min(axis=0)
    if isinstance(node, Or):
        return values.max(axis=0)
    true = (values == TRUE).sum(axis=0)
    maybe = true + (values == UNKNOWN).sum(axis=0)
    return np.where(true >= node.k, TRUE, np.where(maybe < node.k, FALSE, UNKNOWN)).astype(np.int8)


@dataclass(frozen=True, slots=True)
class _Side:
    """One criterion as evaluated: section, logic, and whether text was left unparsed."""

    name: str
    section: Section
    logic: Node | None
    partial: bool = False

    def verdict(self, facts: _Facts, rows: np.ndarray) -> np.ndarray:
        out = _kleene(self.logic, facts, rows)
        return np.minimum(out, UNKNOWN) if self.partial else out


def _trial_verdict(sides: Sequence[_Side], verdicts: Sequence[np.ndarray], n: int) -> np.ndarray:
    inclusion = np.full(n, TRUE, dtype=np.int8)
    exclusion = np.full(n, FALSE, dtype=np.int8)
    for side, verdict in zip(sides, verdicts):
        if side.section == Section.INCLUSION:
            inclusion = np.minimum(inclusion, verdict)
        else:
            exclusion = np.maximum(exclusion, verdict)
    if not sides:  # as evaluate.py: a trial without criteria is undetermined
        return np.full(n, UNKNOWN, dtype=np.int8)
    return np.minimum(inclusion, TRUE - exclusion).astype(np.int8)


@dataclass(slots=True)
class SemanticComparison:
    patients: int
    exhaustive: bool
    agreement: float            # share of patients on which the trial and every criterion agree
    trial_agreement: float      # share of patients with the same trial verdict
    criterion_agreement: dict[str, float]
    disagreements: int
    example: list[dict[str, Any]] | None = None        # smallest disagreeing patient
    example_verdicts: dict[str, dict[str, str]] | None = None  # where it disagrees: gold/parsed

    def to_dict(self) -> dict[str, Any]:
        return {"patients": self.patients, "exhaustive": self.exhaustive,
                "agreement": self.agreement, "trial_agreement": self.trial_agreement,
                "criterion_agreement": self.criterion_agreement, "disagreements": self.disagreements,
                "example": self.example, "example_verdicts": self.example_verdicts}


def _run_semantics(pairs: Sequence[tuple[str, _Side | None, _Side | None]], *, trial_level: bool,
                   patients: int, seed: int, same: Iterable[tuple[Atom, Atom]]) -> SemanticComparison:
    gold_sides = [g for _, g, _ in pairs if g is not None]
    parsed_sides = [p for _, _, p in pairs if p is not None]
    all_atoms = [a for side in gold_sides + parsed_sides for a, _ in walk(side.logic)]
    facts = _Facts(all_atoms, same)
    rows, exhaustive = facts.patients(max(1, patients), seed)

    def evaluate(rows: np.ndarray) -> tuple[list[tuple[str, np.ndarray, np.ndarray]], np.ndarray]:
        n = len(rows)
        unknown = np.full(n, UNKNOWN, dtype=np.int8)
        gold_v: dict[int, np.ndarray] = {}
        parsed_v: dict[int, np.ndarray] = {}
        results = []
        for name, g, p in pairs:
            gv = g.verdict(facts, rows) if g is not None else unknown
            pv = p.verdict(facts, rows) if p is not None else unknown
            if g is not None:
                gold_v[id(g)] = gv
            if p is not None:
                parsed_v[id(p)] = pv
            results.append((name, gv, pv))
        disagree = np.zeros(n, dtype=bool)
        for _, gv, pv in results:
            disagree |= gv != pv
        if trial_level:
            gt = _trial_verdict(gold_sides, [gold_v[id(s)] for s in gold_sides], n)
            pt = _trial_verdict(parsed_sides, [parsed_v[id(s)] for s in parsed_sides], n)
            results.append(("trial", gt, pt))
            disagree |= gt != pt
        return results, disagree

    results, disagree = evaluate(rows)
    n = len(rows)
    trial_row = results[-1] if trial_level else (results[0] if results else None)
    trial_agreement = float((trial_row[1] == trial_row[2]).mean()) if trial_row else 1.0
    criterion_agreement = {name: float((gv == pv).mean()) for name, gv, pv in results if name != "trial"}
    out = SemanticComparison(n, exhaustive, float((~disagree).mean()), trial_agreement,
                             criterion_agreement, int(disagree.sum()))
    if disagree.any():
        candidates = rows[disagree]
        known = (candidates != facts.sizes - 1).sum(axis=1)
        row = candidates[int(np.argmin(known))].copy()
        for i in range(len(row)):  # forget facts while the disagreement stays
            if row[i] == facts.sizes[i] - 1:
                continue
            trial = row.copy()
            trial[i] = facts.sizes[i] - 1
            if evaluate(trial[None, :])[1][0]:
                row = trial
        final, _ = evaluate(row[None, :])
        out.example = facts.describe(row)
        out.example_verdicts = {name: {"gold": VERDICTS[int(gv[0])], "parsed": VERDICTS[int(pv[0])]}
                                for name, gv, pv in final if gv[0] != pv[0]}
    return out


def semantic_compare(gold: Node | None, parsed: Node | None, *, patients: int = 10_000,
                     seed: int = 0, same: Iterable[tuple[Atom, Atom]] = ()) -> SemanticComparison:
    """Agreement of two logic nodes on generated patients (a None node is always UNKNOWN).

    ``same`` lists atom pairs (e.g. structurally matched ones) that must read the same fact.
    """
    pair = ("node", _Side("gold", Section.INCLUSION, gold), _Side("parsed", Section.INCLUSION, parsed))
    return _run_semantics([pair], trial_level=False, patients=patients, seed=seed, same=same)


def semantic_compare_trials(gold: Trial, parsed: Trial, *, patients: int = 10_000, seed: int = 0,
                            structural: StructuralComparison | None = None) -> SemanticComparison:
    """Per aligned criterion and whole-trial verdict agreement (inclusion all true, no exclusion
    true). A criterion missing on one side counts as UNKNOWN there for the per-criterion
    verdict; the trial verdict of each side uses only that side's criteria. Structurally
    matched atoms (``structural``, computed when not given) read the same patient fact."""
    structural = structural or compare_structure(gold, parsed)
    pairs = []
    for g, p in align_criteria(gold, parsed):
        name = g.id if g is not None else f"parsed:{p.id}"  # type: ignore[union-attr]
        pairs.append((name,
                      _Side(g.id, g.section, criterion_logic(g), criterion_partial(g)) if g else None,
                      _Side(p.id, p.section, criterion_logic(p), criterion_partial(p)) if p else None))
    return _run_semantics(pairs, trial_level=True, patients=patients, seed=seed, same=structural.matches)


# ---- both at once --------------------------------------------------------------------------

@dataclass(slots=True)
class TrialComparison:
    structural: StructuralComparison
    semantic: SemanticComparison | None

    def to_dict(self) -> dict[str, Any]:
        out = self.structural.to_dict()
        out["semantic"] = self.semantic.to_dict() if self.semantic else None
        return out


def compare_trials(gold: Trial, parsed: Trial, *, patients: int = 10_000, seed: int = 0) -> TrialComparison:
    structural = compare_structure(gold, parsed)
    semantic = (semantic_compare_trials(gold, parsed, patients=patients, seed=seed, structural=structural)
                if patients > 0 else None)
    return TrialComparison(structural, semantic)
