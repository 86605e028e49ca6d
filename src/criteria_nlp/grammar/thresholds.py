"""Thresholds built from the pieces a rule found: a number with its unit or reference limit,
a bound or a range, and the variables it belongs to. The lexicon decides how a number reads
next to a variable (a score on its own scale, a bare number in the variable's usual unit,
a time only for a duration), so rules and the post-parse resolution share one builder.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import units
from ..lexicon import Lexicon, VariableKind
from ..logic import (
    And, Anchor, AtLeast, Comparator, Compare, Concept, Domain, Implies, Limit, Node, Not, Or, Reference,
    Relation, Variable, Window,
    conjoin, disjoin,
)
from ..render import render_node
from ..spans import Span


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    unit: str | None
    reference: Reference | None
    span: Span


@dataclass(frozen=True, slots=True)
class Bound:
    """``age``: the comparator's own words say it bounds an age ("older than", "or younger").
    ``second``: the other number of a pair written "140/90 mmHg"."""

    comparator: Comparator
    amount: Amount
    span: Span
    age: bool = False
    second: Amount | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """Both ends inclusive, unless a comparator before the range says the low end is not
    ("BMI >27 to 45") or one before the high end says it is not ("18 to less than 65")."""

    low: Amount
    high: Amount
    span: Span
    above_low: bool = False
    below_high: bool = False


@dataclass(frozen=True, slots=True)
class Pending:
    """A threshold whose variable comes from its neighbour ("aged >= 18 and <= 75")."""

    limit: Bound | Range
    span: Span
    window: Window | None = None
    negated: bool = False
    of_duration: bool = False
    age: bool = False
    fallback: Variable | None = None  # named by this when no words stand in front of it

    @property
    def aged(self) -> bool:
        """Said to be an age: by its comparator ("or older") or an age word ("years old")."""
        return self.age or (isinstance(self.limit, Bound) and self.limit.age)


_TUMOR_STAGE = "tumor stage"  # the stage variable a bare "stage" reads as (variables.tsv)
_SCALE_MAXIMA = (10.0, 100.0)  # "4/10", "70/100": a score out of the scale's top


class Thresholds:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def compare(self, variable: Variable, comparator: Comparator, amount: Amount, span: Span) -> Compare:
        """Scales compare on their own numbers ("Karnofsky >= 70%" is 70 on its scale);
        a bare number takes the variable's default unit."""
        entry = self.lexicon.variable(variable.name)
        unit = amount.unit
        if entry is not None and unit is not None:
            unit = self.lexicon.unit_by_kind.get((entry.kind, unit), unit)
        if entry is not None and (entry.is_scale or entry.kind is VariableKind.COUNT):
            unit = None
        elif unit is None and amount.reference is None and entry is not None and _plausible(entry, amount.value):
            # a bare number takes the variable's usual unit only where it makes sense in it
            # ("platelets < 75" is 75 x 10^9/L; "WBC < 2400" is not 2400 x 10^9/L); a
            # fraction of a percentage is the ratio itself ("FEV1/FVC > 0.70" is 70%)
            unit = "1" if entry.unit == "%" and 0 < amount.value < 1 else entry.unit
        code = self.lexicon.unit_codes.get((variable.name, unit)) if unit else None
        if code is not None:  # "HbA1c > 48 mmol/mol" is the IFCC term, not the % one
            variable = replace(variable, code=code, system="http://loinc.org")
        return Compare(variable, comparator, amount.value, span, unit, amount.reference)

    def settle(self, variables: list[Variable], pending: Pending) -> Node:
        """A waiting threshold once its variable is known, keeping any window it had."""
        node = self.apply(variables, pending.limit, pending.span)
        node = set_window(node, pending.window) if pending.window else node
        return Not(node, pending.span) if pending.negated else node

    def apply(self, variables: list[Variable], limit: Bound | Range, span: Span) -> Node:
        if isinstance(limit, Bound) and limit.second is not None:
            return self.pair(variables, limit, span)
        nodes: list[Node] = []
        for variable in variables:
            if isinstance(limit, Bound):
                nodes.append(self.compare(variable, limit.comparator, limit.amount, span))
            else:
                nodes.append(self.range(variable, limit, span))
        return conjoin(nodes, span)

    def pair(self, variables: list[Variable], limit: Bound, span: Span) -> Node:
        """"BP > 140/90 mmHg" bounds systolic and diastolic pressure (``data/pairs.tsv``, by
        the pair's unit or the variable's own): above either is above the pair, below the
        pair is below both. Otherwise a pair out of 10 or 100 is a score on that scale
        ("pain > 4/10" is 4), and any other is one fraction ("visual acuity < 20/70"), unless
        the first number has a unit of its own: "> 30 mL/minute/1.73 m2" is per body surface,
        not 30/1.73."""
        second = limit.second
        units_named = [second.unit or ""] + [e.unit or "" for e in map(self.lexicon.variable, (v.name for v in variables)) if e]
        names = next((self.lexicon.pairs[u] for u in units_named if u in self.lexicon.pairs), None)
        if names is None:
            if second.value in _SCALE_MAXIMA or limit.amount.unit not in (None, second.unit):
                value = limit.amount
            else:
                value = replace(limit.amount, value=limit.amount.value / second.value, unit=None) if second.value else limit.amount
            return conjoin([self.compare(v, limit.comparator, value, span) for v in variables], span)
        unit = second.unit or self.lexicon.variable(names[1]).unit
        amounts = (replace(limit.amount, unit=unit), replace(second, unit=unit))
        where = variables[0].span if variables else limit.span
        nodes: list[Node] = [self.compare(Variable(entry.name, where, entry.code, entry.system), limit.comparator, amount, span)
                 for entry, amount in zip(map(self.lexicon.variable, names), amounts)]
        above = limit.comparator in (Comparator.GT, Comparator.GE)
        return (disjoin if above else conjoin)(nodes, span)

    def range(self, variable: Variable, limit: Range, span: Span) -> Node:
        """Both ends of a range, as written: "ECOG 0-2" is ECOG >= 0 and <= 2 even though 0
        is the scale's own floor, so the tree says what the text says."""
        return conjoin([self.compare(variable, Comparator.GT if limit.above_low else Comparator.GE, limit.low, span),
                        self.compare(variable, Comparator.LT if limit.below_high else Comparator.LE, limit.high, span)], span)

    def values(self, variable: Variable, values: list[Amount], span: Span) -> Node:
        """"ECOG 0 or 1": a run of scale values reaching the scale's end is one comparison."""
        if len(values) == 1:
            return self.compare(variable, Comparator.EQ, values[0], span)
        entry = self.lexicon.variable(variable.name)
        numbers = sorted(a.value for a in values)
        contiguous = all(b - a == 1 for a, b in zip(numbers, numbers[1:]))
        if contiguous and entry and entry.low is not None and numbers[0] <= entry.low:
            return self.compare(variable, Comparator.LE, replace(values[0], value=numbers[-1]), span)
        if contiguous and entry and entry.high is not None and numbers[-1] >= entry.high:
            return self.compare(variable, Comparator.GE, replace(values[0], value=numbers[0]), span)
        return disjoin([self.compare(variable, Comparator.EQ, a, span) for a in values], span)

    def agrees(self, variable: Variable, limit: Bound | Range) -> bool:
        """Whether a number read next to a variable can be a value of it: a unit of the
        variable's kind (as the kind reads it: "Age <1m" is a month), and a plausible number
        where it is in the variable's own unit."""
        entry = self.lexicon.variable(variable.name)
        if entry is None:
            return True
        for amount in ([limit.amount] if isinstance(limit, Bound) else [limit.low, limit.high]):
            if amount.reference is not None:
                continue
            unit = self._unit_read(entry, amount)
            if unit and entry.unit and not units.same_kind(unit, entry.unit):
                return False
            scale = entry.is_scale
            if (unit in (None, entry.unit) or scale) and not _plausible(entry, amount.value):
                return False
        return True

    def measured_in(self, variable: Variable, limit: Bound | Range) -> bool:
        """Whether the units written could measure the variable: a length of time is no
        value of a lab, nor an amount of an age ("age (>= 2.3 ng/ml)"). Only that line is
        drawn; units of one kind but odd spellings ("AST > 144 IU/L") stay values."""
        entry = self.lexicon.variable(variable.name)
        if entry is None or not entry.unit:
            return True
        amounts = [limit.amount] if isinstance(limit, Bound) else [limit.low, limit.high]
        return all(a.reference is not None or units.is_dimensionless(a.unit) or a.unit is None
                   or units.is_time(self._unit_read(entry, a)) == units.is_time(entry.unit) for a in amounts)

    def _unit_read(self, entry, amount: Amount) -> str | None:
        return self.lexicon.unit_by_kind.get((entry.kind, amount.unit), amount.unit) if amount.unit else None

    def fits(self, variables: list[Variable], pending: Pending) -> bool:
        """A length of time is no value of a lab ("BP > 90 mmHg measured more than 15
        minutes apart"): a bound in time units joins only variables measured in time; and
        "at least one" counts things rather than bounding the variable next to it."""
        if not all(self.agrees(v, pending.limit) for v in variables):
            return False
        unit = unit_of(pending.limit)
        limit = pending.limit
        if isinstance(limit, Bound) and unit is None and limit.amount.reference is None and (
                limit.amount.value, limit.comparator) in ((1, Comparator.GE), (0, Comparator.GT), (1, Comparator.GT)):
            return False  # "at least one", "more than one": a count of something, not a level
        if not units.is_time(unit):
            return True
        entries = [self.lexicon.variable(v.name) for v in variables]
        return all(e is not None and (units.is_time(e.unit) or e.kind is VariableKind.DURATION) for e in entries)

    def attach(self, concept: Concept, pending: Pending) -> Concept | None:
        """A bound next to a concept that describes the event rather than a measured value.
        A length of time is how long it has lasted when the text says so ("for more than 5
        years", "of less than 1-year duration") or bounds it from below ("Experienced user
        (>= 6 months)"), and how recent it is when it bounds it from above ("recently
        diagnosed (< 2 months)"); an amount of a drug is its dose ("prednisone > 10
        mg/day"). None when it is neither (a ranged or negated bound, a weight next to a
        condition, any bound next to a sex or age group)."""
        limit = pending.limit
        if not isinstance(limit, Bound) or pending.negated or pending.aged or limit.amount.reference is not None:
            return None
        unit = limit.amount.unit
        if unit is None or concept.domain is Domain.DEMOGRAPHIC:
            return None
        span = Span.covering([concept.span, pending.span])
        bound = Limit(limit.comparator, limit.amount.value, unit)
        if units.is_time(unit):
            recent = limit.comparator in (Comparator.LT, Comparator.LE) and not pending.of_duration
            if not units.is_period(unit) and (recent or concept.domain is Domain.OBSERVATION):
                # seconds are a value ("Timed Up and Go test < 12 seconds", "Cardiac MRI T2*
                # <10 ms"): no event is seconds old at enrollment
                return None
            if recent and concept.window is None:
                window = pending.window or Window(limit.amount.value, unit, Relation.BEFORE, Anchor.ENROLLMENT)
                return replace(concept, window=window, span=span)
            if not recent and concept.duration is None:
                return replace(concept, duration=bound, span=span)
            return None
        if concept.domain is Domain.DRUG and units.is_dose(unit) and concept.dose is None:
            return replace(concept, dose=bound, span=span)
        return None

    def lasting_between(self, concept: Concept, pending: Pending) -> Node | None:
        """"treated with lamivudine for 6 months to 5 years", "diabetes for 2-5 years": how
        long it lasted, bounded from both ends, as "for more than 1 year and less than 10
        years" reads; alone, a range in years was taken for the age."""
        limit = pending.limit
        if (not isinstance(limit, Range) or pending.negated or concept.domain is Domain.DEMOGRAPHIC
                or concept.duration is not None or limit.low.reference is not None or limit.high.reference is not None):
            return None
        high_unit = limit.high.unit
        low_unit = limit.low.unit or high_unit
        if low_unit is None or high_unit is None or not (units.is_period(low_unit) and units.is_period(high_unit)):
            return None
        span = Span.covering([concept.span, pending.span])
        low = Limit(Comparator.GT if limit.above_low else Comparator.GE, limit.low.value, low_unit)
        high = Limit(Comparator.LT if limit.below_high else Comparator.LE, limit.high.value, high_unit)
        return And((replace(concept, duration=low, span=span), replace(concept, duration=high, span=span)), span)

    def counted(self, concept: Concept, limit: Bound) -> Concept:
        """A whole number of the events or things a concept names ("at least 2 prior
        regimens", "at least 24 permanent teeth"): how many; "at least one" only asks that
        it exists."""
        amount = limit.amount
        if (limit.comparator is Comparator.GE and amount.value == 1) or (limit.comparator is Comparator.GT and amount.value == 0):
            return concept
        return replace(concept, count=Limit(limit.comparator, amount.value))

    def is_stage(self, node) -> bool:
        """A stage or grade of the disease written beside it ("stage III periodontitis"),
        not a value of a scale of its own."""
        atoms = [node] if isinstance(node, Compare) else [a for a in node.args if isinstance(a, Compare)]
        if not atoms or (not isinstance(node, Compare) and len(atoms) != len(node.args)):
            return False
        entries = [self.lexicon.variable(a.variable.name) for a in atoms]
        return all(e is not None and e.kind is VariableKind.STAGE for e in entries)

    def stage_of(self, concept: Concept, stage) -> Node:
        """The condition, qualified by its stage in words (shown, not checked). A condition
        staged on a scale of its own (``Lexicon.stage_scales``) has its stage on that scale:
        a threshold when the scale is a lexicon variable ("Stage 1-3 Parkinson's disease":
        Hoehn and Yahr 1-3), else words under the scale's name."""
        span = Span.covering([concept.span, stage.span])
        scale = self.lexicon.stage_scales.get(concept.name)
        atoms = [stage] if isinstance(stage, Compare) else list(stage.args)

        def rebuilt(new_atoms: list):
            return new_atoms[0] if isinstance(stage, Compare) else replace(stage, args=tuple(new_atoms))

        if scale is not None and all(a.variable.name == _TUMOR_STAGE for a in atoms):
            entry = self.lexicon.variable(scale)
            if entry is not None:
                return And((concept, rebuilt([self.compare(Variable(scale, a.variable.span, entry.code, entry.system),
                                                           a.comparator, Amount(a.value, None, None, a.span), a.span)
                                              for a in atoms])), span)
            stage = rebuilt([replace(a, variable=replace(a.variable, name=scale, code=None, system=None)) for a in atoms])
        return replace(concept, qualifiers=(*concept.qualifiers, render_node(stage)), span=span)

    def age(self, span: Span) -> Variable:
        entry = self.lexicon.age
        return Variable(entry.name, span, entry.code, entry.system)

    def ages(self, limit: Bound | Range) -> bool:
        """Whether every number of a bare bound could be an age in years."""
        entry = self.lexicon.age
        amounts = (limit.amount,) if isinstance(limit, Bound) else (limit.low, limit.high)
        return all(a.reference is None and (entry.low or 0) <= a.value <= (entry.high or 0) for a in amounts)


def concepts_of(node) -> list[Concept]:
    """The concepts of a concept, or of an and/or of them ("allergy to penicillin or
    cephalosporin" is one concept per agent)."""
    if isinstance(node, Concept):
        return [node]
    if isinstance(node, (And, Or)):
        return [c for arg in node.args for c in concepts_of(arg)]
    return []


def map_concepts(node, change):
    """``node`` with ``change`` applied to each of its concepts, or None when ``change``
    declines one of them or the node is not made of concepts."""
    if isinstance(node, Concept):
        return change(node)
    if isinstance(node, (And, Or)) and node.args:
        args = [map_concepts(arg, change) for arg in node.args]
        return None if any(a is None for a in args) else replace(node, args=tuple(args))
    return None


def replace_span(node, span: Span):
    return replace(node, span=span)


def set_window(node, window: Window, span: Span | None = None):
    """The window on every atom under ``node`` (a waiting threshold keeps it until settled);
    with ``span`` (the window's words) each atom's span takes those words in."""
    def widened(atom):
        return atom.span if span is None else Span.covering([atom.span, span])

    if isinstance(node, (Compare, Concept, Pending)):
        return replace(node, window=window, span=widened(node))
    if isinstance(node, Not):
        return replace(node, arg=set_window(node.arg, window, span))
    if isinstance(node, (And, Or, AtLeast)):
        return replace(node, args=tuple(set_window(a, window, span) for a in node.args))
    if isinstance(node, Implies):
        return replace(node, then=set_window(node.then, window, span))
    return node


def _plausible(entry, value: float) -> bool:
    return (entry.low is None or value >= entry.low) and (entry.high is None or value <= entry.high)


def unit_of(limit: Bound | Range) -> str | None:
    return limit.amount.unit if isinstance(limit, Bound) else limit.high.unit
