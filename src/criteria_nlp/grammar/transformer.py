"""Lark tree into typed logic nodes: one method per rule, positions from the tokens.

Intermediate results (amounts, bounds, ranges, variable lists, thresholds still waiting for
their variable) are small frozen dataclasses private to this module; the Transformer's
result holds only ``logic`` nodes and ``Fragment``s, never a ``Tree`` or ``Token``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lark import Token, Transformer, v_args

from .. import units
from ..lexicon import Lexicon, VariableKind
from ..logic import (
    And, Anchor, AtLeast, Comparator, Compare, Concept, Domain, Implies, Node, Not, Or, Reference,
    Relation, Variable, Window, conjoin, disjoin,
)
from ..spans import Span
from .lexer import parse_number



def _span(token: Token) -> Span:
    return Span(token.start_pos, token.end_pos)


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    unit: str | None
    reference: Reference | None
    span: Span


@dataclass(frozen=True, slots=True)
class Bound:
    comparator: Comparator
    amount: Amount
    span: Span


@dataclass(frozen=True, slots=True)
class Range:
    low: Amount
    high: Amount
    span: Span


@dataclass(frozen=True, slots=True)
class Pending:
    """A threshold whose variable comes from its neighbour ("aged >= 18 and <= 75")."""

    limit: Bound | Range
    span: Span
    window: Window | None = None
    negated: bool = False
    of_duration: bool = False


@dataclass(frozen=True, slots=True)
class Connective:
    word: str


@dataclass(frozen=True, slots=True)
class Relative:
    relation: Relation
    anchor: Anchor | None
    span: Span


@dataclass(frozen=True, slots=True)
class MinimumGap:
    """"at least 4 weeks before X": X must not fall inside the window."""

    window: Window
    span: Span


def _per_concept(concept: Node, span: Span, make) -> Node:
    """A count or amount of "allergy to penicillin or cephalosporin" (a reaction with several
    agents: an and/or of concepts) applies to each agent, keeping the connective."""
    if isinstance(concept, (And, Or)):
        return type(concept)(tuple(_per_concept(arg, arg.span, make) for arg in concept.args), span)
    return make(concept)


def _cover(*spans: Span) -> Span:
    return Span.covering(list(spans))


class ToLogic(Transformer):
    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __getattr__(self, name: str):
        """Rules imported from another .lark file arrive namespaced ("quantity__ref_value")."""
        if "__" in name and not name.startswith("__"):
            return getattr(self, name.rsplit("__", 1)[-1])
        raise AttributeError(name)

    @v_args(inline=True)
    def grouped(self, left: Token, inner, right: Token):
        return inner

    # ---- quantities ------------------------------------------------------------------------
    @v_args(inline=True)
    def bare_value(self, number: Token) -> Amount:
        return Amount(parse_number(number), None, None, _span(number))

    def unit_value(self, items: list[Token]) -> Amount:
        number, units = items[0], [t for t in items[1:] if t.type == "UNIT"]
        unit = units[0].value
        if len(units) > 1 and units[1].value.startswith("/"):
            unit += units[1].value
        return Amount(parse_number(number), unit, None, _cover(_span(number), _span(items[-1])))

    def ref_value(self, items: list[Token]) -> Amount:
        number, ref = items[0], items[-1]
        return Amount(parse_number(number), None, Reference(ref.value), _cover(_span(number), _span(ref)))

    def bound_before(self, items: list) -> Bound:
        cmp, amount = items[0], items[1]
        return Bound(Comparator(cmp.value), amount, _cover(_span(cmp), _span(items[-1]) if isinstance(items[-1], Token) else amount.span))

    def bound_either(self, items: list) -> Bound:
        """"< or = 6", "<=" split in two: one comparator written in two pieces."""
        first, second, amount = items[0], items[-2], items[-1]
        pair = {Comparator(first.value), Comparator(second.value)}
        merged = {Comparator.LT: Comparator.LE, Comparator.GT: Comparator.GE}
        strict = next((c for c in pair if c in merged), None)
        comparator = merged[strict] if strict and Comparator.EQ in pair else Comparator(first.value)
        return Bound(comparator, amount, _cover(_span(first), amount.span))

    @v_args(inline=True)
    def bound_after(self, amount: Amount, cmp: Token) -> Bound:
        return Bound(Comparator(cmp.value), amount, _cover(amount.span, _span(cmp)))

    def range(self, items: list) -> Range:
        amounts = [i for i in items if isinstance(i, Amount)]
        low, high = amounts
        if low.unit is None and low.reference is None:
            low = replace(low, unit=high.unit, reference=high.reference)
        if high.unit is None and high.reference is None:
            high = replace(high, unit=low.unit, reference=low.reference)
        start = items[0].start_pos if isinstance(items[0], Token) else low.span.start
        return Range(low, high, Span(start, high.span.end))

    @v_args(inline=True)
    def range_unit_after(self, low: Amount, dash: Token, high: Amount, unit: Token) -> Range:
        low = replace(low, unit=unit.value)
        high = replace(high, unit=unit.value, span=_cover(high.span, _span(unit)))
        return Range(low, high, _cover(low.span, high.span))

    # ---- variables and thresholds ------------------------------------------------------------
    def variables(self, items: list[Token]) -> list[Variable]:
        out = []
        for token in items:
            if token.type == "VAR":
                entry = self.lexicon.variable(token.value)
                out.append(Variable(token.value, _span(token), entry.code if entry else None,
                                    entry.system if entry else None))
        return out

    def _compare(self, variable: Variable, comparator: Comparator, amount: Amount, span: Span) -> Compare:
        """Scales compare on their own numbers ("Karnofsky >= 70%" is 70 on its scale);
        a bare number takes the variable's default unit."""
        entry = self.lexicon.variable(variable.name)
        unit = amount.unit
        if entry is not None and unit is not None:
            unit = self.lexicon.unit_by_kind.get((entry.kind, unit), unit)
        if entry is not None and entry.kind in (VariableKind.SCORE, VariableKind.COUNT):
            unit = None
        elif unit is None and amount.reference is None and entry is not None and _plausible(entry, amount.value):
            # a bare number takes the variable's usual unit only where it makes sense in it
            # ("platelets < 75" is 75 x 10^9/L; "WBC < 2400" is not 2400 x 10^9/L)
            unit = entry.unit
        code = self.lexicon.unit_codes.get((variable.name, unit)) if unit else None
        if code is not None:  # "HbA1c > 48 mmol/mol" is the IFCC term, not the % one
            variable = replace(variable, code=code, system="http://loinc.org")
        return Compare(variable, comparator, amount.value, span, unit, amount.reference)

    def settle(self, variables: list[Variable], pending: Pending) -> Node:
        """A waiting threshold once its variable is known, keeping any window it had."""
        node = self._apply(variables, pending.limit, pending.span)
        node = _set_window(node, pending.window) if pending.window else node
        return Not(node, pending.span) if pending.negated else node

    def _apply(self, variables: list[Variable], limit: Bound | Range, span: Span) -> Node:
        nodes: list[Node] = []
        for variable in variables:
            if isinstance(limit, Bound):
                nodes.append(self._compare(variable, limit.comparator, limit.amount, span))
            else:
                nodes.append(self._range(variable, limit, span))
        return conjoin(nodes, span)

    def _range(self, variable: Variable, limit: Range, span: Span) -> Node:
        """Both ends of a range; on a score an end at the scale's own limit says nothing
        ("ECOG 0-2" is ECOG <= 2)."""
        entry = self.lexicon.variable(variable.name)
        scale = entry is not None and entry.kind is VariableKind.SCORE
        bounds = []
        if not (scale and entry.low is not None and limit.low.value <= entry.low):
            bounds.append(self._compare(variable, Comparator.GE, limit.low, span))
        if not (scale and entry.high is not None and limit.high.value >= entry.high):
            bounds.append(self._compare(variable, Comparator.LE, limit.high, span))
        return conjoin(bounds or [self._compare(variable, Comparator.GE, limit.low, span)], span)

    def variables_bound(self, items: list) -> Node:
        variables, bound = items[0], items[-1]
        return self._apply(variables, bound, _cover(variables[0].span, bound.span))

    def bound_variables(self, items: list) -> Node:
        """"45% or more left ventricular ejection fraction"; but "> 2 mm as measured on AP"
        is no value of alkaline phosphatase: the variable is then only mentioned."""
        bound, variables = items[0], items[-1]
        span = _cover(bound.span, variables[-1].span)
        if not all(self._agrees(v, bound) for v in variables):
            return And((self.mention(variables), Pending(bound, bound.span)), span)
        return self._apply(variables, bound, span)

    def comparator_variables(self, items: list) -> Node:
        """"over the age of 18": the comparator comes before the variable it bounds."""
        cmp, variables, amount = items[0], items[1], items[-1]
        bound = Bound(Comparator(cmp.value), amount, _cover(_span(cmp), amount.span))
        return self._apply(variables, bound, bound.span)

    def value_variables_after(self, items: list) -> Node:
        """"150 cm of height or greater"."""
        amount, variables, cmp = items[0], items[-2], items[-1]
        bound = Bound(Comparator(cmp.value), amount, _cover(amount.span, _span(cmp)))
        return self._apply(variables, bound, bound.span)

    variables_range = variables_bound
    range_variables = bound_variables

    @v_args(inline=True)
    def variables_values(self, variables: list[Variable], values: list[Amount]) -> Node:
        span = _cover(variables[0].span, values[-1].span)
        if not all(self._agrees(v, Bound(Comparator.EQ, a, a.span)) for v in variables for a in values):
            return And((self.mention(variables), *(Pending(Bound(Comparator.EQ, a, a.span), a.span) for a in values)), span)
        nodes = [self._values(v, values, span) for v in variables]
        return conjoin(nodes, span)

    def _values(self, variable: Variable, values: list[Amount], span: Span) -> Node:
        """"ECOG 0 or 1": a run of scale values reaching the scale's end is one comparison."""
        if len(values) == 1:
            return self._compare(variable, Comparator.EQ, values[0], span)
        entry = self.lexicon.variable(variable.name)
        numbers = sorted(a.value for a in values)
        contiguous = all(b - a == 1 for a, b in zip(numbers, numbers[1:]))
        if contiguous and entry and entry.low is not None and numbers[0] <= entry.low:
            return self._compare(variable, Comparator.LE, replace(values[0], value=numbers[-1]), span)
        if contiguous and entry and entry.high is not None and numbers[-1] >= entry.high:
            return self._compare(variable, Comparator.GE, replace(values[0], value=numbers[0]), span)
        return disjoin([self._compare(variable, Comparator.EQ, a, span) for a in values], span)

    def values(self, items: list) -> list[Amount]:
        return [i for i in items if isinstance(i, Amount)]

    @v_args(inline=True)
    def bare_bound(self, bound: Bound) -> Pending:
        return Pending(bound, bound.span)

    @v_args(inline=True)
    def duration_bound(self, bound: Bound, word: Token) -> Pending:
        """"(AF of) less than 1-year duration": how long the thing before has lasted."""
        return Pending(bound, _cover(bound.span, _span(word)), of_duration=True)

    @v_args(inline=True)
    def bare_range(self, limit: Range) -> Pending:
        return Pending(limit, limit.span)

    def concept(self, items: list) -> Concept:
        """Qualifiers before the concept and a relative clause after it are kept as text."""
        qualifiers = items[0] if isinstance(items[0], list) else []
        token = next(t for t in items if isinstance(t, Token) and t.type == "CONCEPT")
        tail = next((t for t in items if isinstance(t, Token) and t.type == "TAIL"), None)
        entry = self.lexicon.concepts[token.value]
        start = qualifiers[0].start_pos if qualifiers else token.start_pos
        end = tail.end_pos if tail else token.end_pos
        words = tuple(q.value for q in qualifiers) + ((tail.value,) if tail else ())
        return Concept(entry.domain, entry.name, Span(start, end), entry.code, entry.system, qualifiers=words)

    def qualifiers(self, items: list[Token]) -> list[Token]:
        return [t for t in items if t.type == "QUAL"]

    def targets(self, items: list[Token]) -> tuple[list[Token], str]:
        joins = {t.type for t in items if t.type in ("AND", "OR")}
        return [t for t in items if t.type == "CONCEPT"], "or" if "OR" in joins else "and"

    @v_args(inline=True)
    def reaction(self, head: Token, targets: tuple[list[Token], str]) -> Node:
        """"hypersensitivity to X or Y": one condition per agent, named after the pair."""
        return self._per_target(Domain.CONDITION, f"{head.value} to", head, targets)

    @v_args(inline=True)
    def family_history(self, head: Token, targets: tuple[list[Token], str]) -> Node:
        """"family history of breast or ovarian cancer" is about relatives: an observation
        per condition, never the patient's own condition."""
        return self._per_target(Domain.OBSERVATION, f"{head.value} of", head, targets)

    def _per_target(self, domain: Domain, prefix: str, head: Token, targets: tuple[list[Token], str]) -> Node:
        agents, join = targets
        nodes = [Concept(domain, f"{prefix} {self.lexicon.concepts[t.value].name}", Span(head.start_pos, t.end_pos))
                 for t in agents]
        return (disjoin if join == "or" else conjoin)(nodes)

    def counted(self, items: list) -> Node:
        """"at least one measurable lesion" asks for existence; "at least 2 prior regimens" counts."""
        bound, concept = items[0], items[-1]
        amount = bound.amount
        span = _cover(bound.span, concept.span)
        if amount.unit == "a":
            # "18 years or older at the time of the vaccination": an age, then the concept
            return And((self._apply([self._age(bound.span)], bound, bound.span), concept), span)
        if amount.unit is not None or amount.reference is not None:
            # "at least 10 mg of prednisone": an amount of the concept
            return _per_concept(concept, span, lambda c: self._apply(
                [Variable(c.name, c.span, c.code, c.system)], bound, _cover(bound.span, c.span)))
        exists = (bound.comparator is Comparator.GE and amount.value == 1) or (
            bound.comparator is Comparator.GT and amount.value == 0)
        if exists:
            return replace(concept, span=span)
        return _per_concept(concept, span, lambda c: Compare(
            Variable(f"{c.name} count", c.span), bound.comparator, amount.value, _cover(bound.span, c.span)))

    def counted_rate(self, items: list) -> Node:
        """"at least 4 seizures/week": how often the concept happens."""
        bound, concept, unit = items[0], items[-2], items[-1]
        span = _cover(bound.span, _span(unit))
        return _per_concept(concept, span, lambda c: Compare(
            Variable(f"{c.name} frequency", c.span), bound.comparator, bound.amount.value, span, unit.value))

    @v_args(inline=True)
    def including(self, main, word: Token, example):
        """"X including Y": Y is a kind of X, so either one counts."""
        return Or((main, example), _cover(main.span, example.span))

    # ---- windows -----------------------------------------------------------------------------
    def relation(self, items: list[Token]) -> Relative:
        relation = Relation.AFTER if any(t.type == "AFTER" for t in items) else Relation.BEFORE
        anchor = next((Anchor(t.value) for t in items if t.type == "ANCHOR"), None)
        return Relative(relation, anchor, Span(items[0].start_pos, items[-1].end_pos))

    def _window(self, items: list) -> tuple[Window, Span]:
        """"in the past 6 months" is anchored on now; "within 30 days" on enrollment."""
        tokens = [i for i in items if isinstance(i, Token)]
        number = next(t for t in tokens if t.type == "NUMBER")
        unit = next(t for t in tokens if t.type == "UNIT")
        within = next((t for t in tokens if t.type == "WITHIN" and t.value), None)
        relative = next((i for i in items if isinstance(i, Relative)), None)
        relation = relative.relation if relative else Relation.BEFORE
        anchor = (relative.anchor if relative else None) or (Anchor(within.value) if within else Anchor.ENROLLMENT)
        end = max(tokens[-1].end_pos, relative.span.end if relative else 0)
        return Window(parse_number(number), unit.value, relation, anchor), Span(tokens[0].start_pos, end)

    def window_within(self, items: list) -> tuple[Window, Span]:
        return self._window(items)

    window_plain = window_within

    def window_at_least(self, items: list) -> MinimumGap:
        return MinimumGap(*self._window(items))

    # ---- clauses -----------------------------------------------------------------------------
    def _with_window(self, node, window: Window | MinimumGap | tuple[Window, Span], span: Span):
        if isinstance(node, Pending) and not isinstance(window, MinimumGap):
            return replace(node, window=window[0], span=span)
        if isinstance(window, MinimumGap):
            return Not(_set_window(node, window.window), span)
        return _set_window(node, window[0])

    @v_args(inline=True)
    def windowed(self, atom, window) -> Node:
        wspan = window.span if isinstance(window, MinimumGap) else window[1]
        return self._with_window(atom, window, _cover(atom.span, wspan))

    @v_args(inline=True)
    def windowed_before(self, window, atom) -> Node:
        wspan = window.span if isinstance(window, MinimumGap) else window[1]
        return self._with_window(atom, window, _cover(wspan, atom.span))

    @v_args(inline=True)
    def prior(self, before: Token, atom):
        return atom

    def since(self, items: list):
        """"at least 4 weeks since X": X did not happen in the last 4 weeks."""
        limit = items[0]
        target = items[2] if len(items) > 2 else None
        if target is None:
            return limit
        if not isinstance(limit, Pending) or not isinstance(limit.limit, Bound):
            return And((limit, target), _cover(limit.span, target.span))
        amount = limit.limit.amount
        if not units.is_time(amount.unit):
            return And((limit, target), _cover(limit.span, target.span))
        window = Window(amount.value, amount.unit, Relation.BEFORE, Anchor.ENROLLMENT)
        return Not(_set_window(target, window), _cover(limit.span, target.span))

    @v_args(inline=True)
    def negated(self, neg: Token, clause):
        span = _cover(_span(neg), clause.span)
        if isinstance(clause, Pending):
            return replace(clause, negated=not clause.negated, span=span)
        return Not(clause, span)

    def negated_list(self, items: list):
        """"no diabetes or hypertension": the negation covers the whole or-list."""
        neg, clauses = items[0], [i for i in items[1:] if not isinstance(i, Token)]
        inner = disjoin(clauses)
        return Not(inner, _cover(_span(neg), inner.span))

    @v_args(inline=True)
    def conditional(self, then, word: Token, condition):
        return Implies(condition, then, _cover(then.span, condition.span))

    def excepting(self, items: list):
        """"any malignancy other than basal cell carcinoma": the first without the others
        ("psychiatric disorders other than major depression or anxiety")."""
        main, *excluded = [i for i in items if not isinstance(i, Token)]
        left_out = disjoin(excluded)
        return And((main, Not(left_out, left_out.span)), _cover(main.span, left_out.span))

    @v_args(inline=True)
    def exception(self, main, word: Token, alternative):
        return Or((main, alternative), _cover(main.span, alternative.span))

    @v_args(inline=True)
    def defined_by(self, main, left: Token, inner, right: Token):
        """A parenthesis after an atom: "(<5 x ULN if liver metastases)" is an alternative
        threshold under a condition; "(HR < 55 bpm)" defines the atom before it."""
        variables = _variables_of(main)
        span = _cover(main.span, _span(right))
        if isinstance(inner, Implies) and isinstance(inner.then, Pending) and variables:
            then = self._apply(variables, inner.then.limit, inner.then.span)
            return Or((main, And((inner.if_, then), inner.span)), span)
        if isinstance(main, Concept) and _all_concepts(inner):
            return Or((main, inner), span)
        if isinstance(inner, Pending):
            if variables:
                return Or((main, self._apply(variables, inner.limit, inner.span)), span)
            if isinstance(main, Concept):
                # "aged (>18)": the value of what was just named; "statins (>30 days)": an
                # amount of that concept
                entry = self.lexicon.variable(main.name)
                named = Variable(main.name, main.span, entry.code if entry else main.code,
                                 entry.system if entry else main.system)
                settled = self.settle([named], replace(inner, span=span))
                return settled if entry is not None else And((main, settled), span)
            return And((main, inner), span)
        return And((main, inner), span)

    @v_args(inline=True)
    def mention(self, variables: list[Variable]) -> Node:
        """A variable named without a threshold is an observation to look for."""
        nodes = [Concept(Domain.OBSERVATION, v.name, v.span, v.code, v.system) for v in variables]
        return disjoin(nodes) if len(nodes) > 1 else nodes[0]

    # ---- lists ---------------------------------------------------------------------------------
    def sep(self, items: list[Token]) -> Connective:
        words = [t.value for t in items if t.type in ("AND", "OR")]
        return Connective(words[-1] if words else ";" if any(t.type == "SEMI" for t in items) else ",")

    def resolve(self, elements: list) -> list:
        """Give each bare threshold the variables of the threshold before it, else of the
        one after it ("under 18 or over 50 years of age"), else age for a bound in years."""
        out = list(elements)
        for i in range(1, len(out)):
            if isinstance(out[i], Pending) and out[i].of_duration and isinstance(out[i - 1], Concept):
                lasting = Variable(f"{out[i - 1].name} duration", out[i - 1].span)
                out[i] = self.settle([lasting], out[i])
        for order in (range(len(out)), range(len(out) - 1, -1, -1)):
            neighbour: list[Variable] = []
            for i in order:
                element = out[i]
                if isinstance(element, Pending):
                    if neighbour and self._fits(neighbour, element):
                        out[i] = self.settle(neighbour, element)
                else:
                    neighbour = _variables_of(element) or neighbour
        for i in range(len(out) - 1):
            # "under 18 or over 50 years": a bare bound takes the unit of the bound after it
            here, after = out[i], out[i + 1]
            if isinstance(here, Pending) and isinstance(after, Pending) and isinstance(here.limit, Bound):
                amount = here.limit.amount
                if amount.unit is None and amount.reference is None and _unit_of(after.limit):
                    out[i] = replace(here, limit=replace(here.limit, amount=replace(amount, unit=_unit_of(after.limit))))
        for i, element in enumerate(out):
            if isinstance(element, Pending) and not element.of_duration and _unit_of(element.limit) == "a":
                out[i] = self.settle([self._age(element.span)], element)
        for i in range(1, len(out)):
            if isinstance(out[i], Pending) and isinstance(out[i - 1], Concept):
                # "prednisone <10 mg", "weight loss of >5 kg": the amount belongs to the concept
                concept = out[i - 1]
                named = Variable(concept.name, concept.span, concept.code, concept.system)
                out[i] = self.settle([named], out[i])
        return out

    def name_threshold(self, name: str, subject: Span, pending: Pending) -> Node:
        """A threshold whose variable is known only by the words that name it."""
        return self.settle([Variable(name, subject)], replace(pending, span=_cover(subject, pending.span)))

    def _agrees(self, variable: Variable, limit: Bound | Range) -> bool:
        """Whether a number read next to a variable can be a value of it: a unit of the
        variable's kind, and a plausible number where it is in the variable's own unit."""
        entry = self.lexicon.variable(variable.name)
        if entry is None:
            return True
        for amount in ([limit.amount] if isinstance(limit, Bound) else [limit.low, limit.high]):
            if amount.reference is not None:
                continue
            if amount.unit and entry.unit and not units.same_kind(amount.unit, entry.unit):
                return False
            if (amount.unit in (None, entry.unit) or entry.kind is VariableKind.SCORE) and not _plausible(entry, amount.value):
                return False
        return True

    def _fits(self, variables: list[Variable], pending: Pending) -> bool:
        """A length of time is no value of a lab ("BP > 90 mmHg measured more than 15
        minutes apart"): a bound in time units joins only variables measured in time; and
        "at least one" counts things rather than bounding the variable next to it."""
        if not all(self._agrees(v, pending.limit) for v in variables):
            return False
        unit = _unit_of(pending.limit)
        limit = pending.limit
        if isinstance(limit, Bound) and unit is None and limit.amount.reference is None and (
                limit.amount.value, limit.comparator) in ((1, Comparator.GE), (0, Comparator.GT), (1, Comparator.GT)):
            return False  # "at least one", "more than one": a count of something, not a level
        if not units.is_time(unit):
            return True
        entries = [self.lexicon.variable(v.name) for v in variables]
        return all(e is not None and (units.is_time(e.unit) or e.kind is VariableKind.DURATION) for e in entries)

    def _age(self, span: Span) -> Variable:
        entry = self.lexicon.age
        return Variable(entry.name, span, entry.code, entry.system)

    def start(self, items: list):
        """Elements and the connective before each; side by side means "and"."""
        elements, connectives = [], []
        previous_was_connective = False
        for item in items:
            if isinstance(item, Connective):
                connectives.append(item.word)
                previous_was_connective = True
                continue
            if elements and not previous_was_connective:
                connectives.append("and")
            elements.append(item)
            previous_was_connective = False
        return _join(self.resolve(elements), connectives)


def _set_window(node, window: Window):
    if isinstance(node, (Compare, Concept)):
        return replace(node, window=window)
    if isinstance(node, Not):
        return replace(node, arg=_set_window(node.arg, window))
    if isinstance(node, (And, Or, AtLeast)):
        return replace(node, args=tuple(_set_window(a, window) for a in node.args))
    if isinstance(node, Implies):
        return replace(node, then=_set_window(node.then, window))
    if isinstance(node, Pending):
        return replace(node, window=window)
    return node


def _plausible(entry, value: float) -> bool:
    return (entry.low is None or value >= entry.low) and (entry.high is None or value <= entry.high)


def _unit_of(limit: Bound | Range) -> str | None:
    return limit.amount.unit if isinstance(limit, Bound) else limit.high.unit


def _variables_of(node) -> list[Variable]:
    if isinstance(node, Compare):
        return [node.variable]
    if isinstance(node, (And, Or)):
        seen: dict[str, Variable] = {}
        for arg in node.args:
            for variable in _variables_of(arg):
                seen.setdefault(variable.name, variable)
        return list(seen.values())
    return []


def _join(elements: list, connectives: list[str]):
    """Connectives by precedence: "and" binds tighter than "or"; a bare list is "and"."""
    if len(elements) == 1:
        return elements[0]
    words = {c for c in connectives if c in ("and", "or")}
    if words == {"or"}:
        return _group(Or, elements)
    if "or" not in words:
        return _group(And, elements)
    groups, current = [], [elements[0]]
    for word, element in zip(connectives, elements[1:]):
        if word == "or":
            groups.append(current)
            current = [element]
        else:
            current.append(element)
    groups.append(current)
    return _group(Or, [_group(And, g) for g in groups])


def _group(kind, elements: list):
    return (conjoin if kind is And else disjoin)(elements)


def _all_concepts(node) -> bool:
    """A parenthesis of examples: concepts, possibly joined by and/or."""
    if isinstance(node, Concept):
        return True
    return isinstance(node, (And, Or)) and all(_all_concepts(a) for a in node.args)
