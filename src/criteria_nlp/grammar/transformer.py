"""Lark tree into typed logic nodes: one method per rule, positions from the tokens.

Intermediate results (amounts, bounds, ranges, thresholds still waiting for their variable:
``thresholds.py``; connectives, relations, gaps: here) are small frozen dataclasses; the
Transformer's result holds only ``logic`` nodes and ``Fragment``s, never a ``Tree`` or
``Token``. Thresholds are built by ``thresholds.Thresholds``; which variable a bare bound
belongs to is settled after the rules, in ``resolve.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from lark import Token, Transformer, v_args

from .. import units
from ..lexicon import OPEN, Lexicon, VariableKind, read_comparator
from ..logic import (
    And, Anchor, Comparator, Compare, Concept, Domain, Implies, Node, Not, Or, Reference,
    Relation, Variable, Window, conjoin, disjoin, named_as,
)
from ..spans import Span
from .lexer import EACH, EITHER_SIDE, QUALIFIES, SLASHED, default_tables, parse_number
from .resolve import joined, resolve, variables_of
from .thresholds import (
    Amount, Bound, Pending, Range, Thresholds, concepts_of, map_concepts, replace_span, set_window, unit_of,
)


def _span(token: Token) -> Span:
    return Span(token.start_pos, token.end_pos)


@dataclass(frozen=True, slots=True)
class Targets:
    """What a reaction, a risk or a family history is of: the agents in order, how they
    are joined ("and" or "or"), and the qualifiers written before each."""

    agents: tuple[Token, ...]
    join: str
    qualifiers: tuple[tuple[str, ...], ...]
    loose: tuple[Span, ...] = ()  # qualifiers of words no rule read, reported with them

    def reported(self, node: Node) -> Node:
        return And((node, *map(Unread, self.loose)), _cover(node.span, *self.loose)) if self.loose else node


@dataclass(frozen=True, slots=True)
class Connective:
    """``word``: "and", "or", "," or ";"; ``closes``: a semicolon stands in it ("; or"),
    which ends any written list before it; ``written``: False for the "and" of elements
    side by side."""

    word: str
    closes: bool = False
    written: bool = True


_SPACE = 2  # at most this many characters between two tokens hold no word
THAT_IS = "that is"  # the INCLUDING cue that defines rather than gives examples (data/cues.tsv)


@dataclass(frozen=True, slots=True)
class Unread:
    """Words a rule took but that mean nothing alone: ``finish`` reports them unparsed."""

    span: Span


class Ruling(Enum):
    """What a verdict on the study does with its clause (``Verdict.kind``)."""

    ALLOWS = "allows"  # an exception to what precedes it
    BANS = "bans"  # denied, with the alternatives listed before it
    STATES = "states"  # required, as written
    ADMITS = "admits"  # "are eligible": allows after what it excepts, states alone in an inclusion criterion


@dataclass(frozen=True, slots=True)
class Verdict:
    """A clause the text rules on: "(topical steroids are allowed)" allows it, an exception
    to the element before it; "A, B or C will be excluded" in an inclusion criterion bans
    them; "Patients with X are eligible if Y" states what is required. Settled with the
    elements around it (``ToLogic.verdicts``); an allowance with nothing before it is
    reported unparsed."""

    kind: Ruling
    node: Node
    span: Span
    word: Span  # "is allowed", "are eligible if"
    condition: Node | None = None  # "... if Y"
    since: int = 0  # where the verdict's sentence starts: an ADMITS verdict excepts only what stands before

    def of(self, listed: list) -> Node:
        """The alternatives listed, under the verdict's condition if any."""
        node = disjoin(listed) if len(listed) > 1 else listed[0]
        if self.condition is None:
            return node
        return And((node, self.condition), _cover(node.span, self.condition.span))


@dataclass(frozen=True, slots=True)
class Relative:
    relation: Relation
    anchor: Anchor | None
    span: Span


@dataclass(frozen=True, slots=True)
class MinimumGap:
    """"at least 4 weeks before X": X must not fall inside the window (and a condition must
    be present, see ``_with_window``)."""

    window: Window
    span: Span


def _per_concept(concept: Node, span: Span, make) -> Node:
    """A count or amount of "allergy to penicillin or cephalosporin" (a reaction with several
    agents: an and/or of concepts) applies to each agent, keeping the connective."""
    if isinstance(concept, (And, Or)):
        return type(concept)(tuple(_per_concept(arg, arg.span, make) for arg in concept.args), span)
    return make(concept)


def _kinds_qualified(main, examples) -> tuple:
    """"untreated medical condition (thyroid disease, diabetes, hypertension)", "active
    infection (e.g. HIV, hepatitis)": the examples are kinds of the qualified concept, so
    its qualifiers are theirs too (a treated diabetes met it before). Only examples of the
    concept's domain, and none of ``data/uncarried_qualifiers.txt`` ("any other illness
    (e.g. ...)", "severe alcohol withdrawal (e.g. history of seizures)")."""
    if not isinstance(main, Concept):
        return tuple(examples)
    uncarried = default_tables().uncarried
    carried = tuple(q for q in main.qualifiers if q not in uncarried and len(q.split()) < _CLAUSE_WORDS)
    if not carried:
        return tuple(examples)

    def qualified(example):
        if not isinstance(example, Concept) or example.domain is not main.domain:  # "(Child-Pugh C)" says how, no kind
            return example
        return replace(example, qualifiers=tuple(q for q in carried if q not in example.qualifiers) + example.qualifiers)
    return tuple(qualified(e) for e in examples)


_CLAUSE_WORDS = 3  # a qualifier this long is a relative clause, often about the words it names ("that can cause IBD")


def _window_span(window: MinimumGap | tuple[Window, Span]) -> Span:
    """The words of a window as the grammar's window rules return it."""
    return window.span if isinstance(window, MinimumGap) else window[1]


_LIST_REACH = 30  # characters at most between alternatives listed with an allowance ("topical, nasal or inhaled")
AHEAD = "ahead"  # the WITHIN payload of a window that looks forward ("in the next 6 months"; cues.tsv)


def _cover(*spans: Span) -> Span:
    return Span.covering(list(spans))


def _kinds_excepted(main, left_out, span: Span, lexicon: Lexicon, named_alike: bool = False) -> Concept | None:
    """``main`` with the concepts ``left_out`` names as kinds of it that do not count, when
    they are kinds of the same thing (a concept of its domain, or of what names its kinds
    from elsewhere: substances for an abuse, each, with no time or amount of its own to
    check); None when the exception is of another sort ("cancer other than treated with
    surgery"), which stays "and not". ``named_alike``: only kinds whose name ends in the
    concept's own head noun, where no "other than" says they are kinds ("oral steroids
    (topical and inhaled steroids are acceptable)", not "smoking unless abstinent")."""
    excluded = left_out.args if isinstance(left_out, Or) else (left_out,)
    across = lexicon.kinds_across.get(main.name) if isinstance(main, Concept) and not named_alike else None

    def kind_of_main(c: Concept) -> bool:
        if c.domain is main.domain:
            return True
        entry = lexicon.concepts.get(c.name)
        return across is not None and entry is not None and across.names(entry)

    if (not isinstance(main, Concept) or main.domain is Domain.DEMOGRAPHIC or main.other_than
            or not all(isinstance(c, Concept) and kind_of_main(c) and c.name != main.name and c.window is None
                       and c.count is None and c.duration is None and c.dose is None and not c.other_than
                       and (not named_alike or _head_noun(c.name) == _head_noun(main.name)) for c in excluded)):
        return None
    return replace(main, other_than=tuple(excluded), span=span)


def _named_as_condition(name: str) -> bool:
    """Whether a name outside the lexicon ends in a word that names a condition: a generic
    one ("problem") or one of its forms ("valvulopathy")."""
    tables = default_tables()
    last = name.rsplit(" ", 1)[-1]
    form = tables.term_forms.domain(last)
    return last in tables.generic or (form is not None and form[0] is Domain.CONDITION)


def _head_noun(name: str) -> str:
    return name.rsplit(" ", 1)[-1].removesuffix("s")


def _causes(listed: Or) -> bool:
    """Whether the examples after the first alternative are conditions and it is not: what
    can keep someone from an act, not kinds of it."""
    main, *examples = listed.args
    return (not (isinstance(main, Concept) and main.domain is Domain.CONDITION)
            and all(isinstance(e, Concept) and e.domain is Domain.CONDITION for e in examples))


def _as_written(items: list):
    """The nodes among ``items`` joined as the text joins them: any "or" makes them
    alternatives ("due to cancer or end-stage renal disease"), else all hold."""
    nodes = [i for i in items if not isinstance(i, Token)]
    if any(isinstance(i, Token) and i.type == "OR" for i in items):
        return disjoin(nodes)
    return conjoin(nodes, _cover(nodes[0].span, nodes[-1].span))


def _listed_before(candidate, listed: list, connective: Connective | None) -> bool:
    """``candidate`` is one more alternative of a verdict's list: a concept, close by, joined
    by "or"/"and" (or, further back, a comma: "A, B or C are allowed")."""
    joining = ("or", "and", ",") if len(listed) > 1 else ("or", "and")
    return (connective is not None and connective.written and connective.word in joining
            and isinstance(candidate, Concept) and isinstance(listed[0], Concept)
            and candidate.window is None and listed[0].window is None
            and listed[0].span.start - candidate.span.end <= _LIST_REACH)


def _only_concepts(node) -> bool:
    if isinstance(node, (And, Or)):
        return all(_only_concepts(a) for a in node.args)
    return isinstance(node, Concept)


def _reaching(node, end: Span):
    """``node`` with its span taken up to ``end``; an and/or takes it through its last
    argument too, so the words stay in a node when it is flattened into another."""
    if isinstance(node, (And, Or)):
        *rest, last = node.args
        return replace(node, args=(*rest, _reaching(last, end)), span=_cover(node.span, end))
    return replace(node, span=_cover(node.span, end))


class ToLogic(Transformer):
    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon
        self.thresholds = Thresholds(lexicon)
        self.linked_nodes: set[int] = set()  # ids of this parse's "X due to Y" nodes, for a denial before them
        self.excluding = False  # the criterion being parsed excludes: set by the parser per criterion
        self.left_outs: set[int] = set()  # ids of this parse's "(other than ...)" denials
        self.example_lists: set[int] = set()  # ids of this parse's "X (e.g. A, B)" alternatives
        self.exceptions: set[int] = set()  # ids of this parse's "and not" nodes of exceptions, apart from denied examples

    def begin(self, excluding: bool) -> None:
        """A new criterion: its section, and none of the last parse's marked nodes."""
        self.excluding = excluding
        self.exceptions.clear()
        self.left_outs.clear()
        self.example_lists.clear()

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
        comparator, age = read_comparator(cmp.value)
        after = read_comparator(items[-1].value)[1] if isinstance(items[-1], Token) else False
        end = _span(items[-1]) if isinstance(items[-1], Token) else amount.span
        return Bound(comparator, amount, _cover(_span(cmp), end), age or after)

    def bound_either(self, items: list) -> Bound:
        """"< or = 6", "<=" split in two: one comparator written in two pieces."""
        first, second, amount = items[0], items[-2], items[-1]
        (one, age), (two, _) = read_comparator(first.value), read_comparator(second.value)
        merged = {Comparator.LT: Comparator.LE, Comparator.GT: Comparator.GE}
        strict = next((c for c in (one, two) if c in merged), None)
        comparator = merged[strict] if strict and Comparator.EQ in (one, two) else one
        return Bound(comparator, amount, _cover(_span(first), amount.span), age)

    def bound_pair(self, items: list) -> Bound:
        """"> 140/90 mmHg": the first number takes the unit written after the second."""
        cmp, first, second = items[0], items[1], items[-1]
        first = replace(first, unit=first.unit or second.unit)
        return Bound(read_comparator(cmp.value)[0], first, _cover(_span(cmp), second.span), second=second)

    def bound_pair_after(self, items: list) -> Bound:
        """"160/110 mmHg or more"."""
        first, second, cmp = items[0], items[-2], items[-1]
        first = replace(first, unit=first.unit or second.unit)
        return Bound(read_comparator(cmp.value)[0], first, _cover(first.span, _span(cmp)), second=second)

    @v_args(inline=True)
    def bound_after(self, amount: Amount, cmp: Token) -> Bound:
        comparator, age = read_comparator(cmp.value)
        return Bound(comparator, amount, _cover(amount.span, _span(cmp)), age)

    def range(self, items: list) -> Range:
        amounts = [i for i in items if isinstance(i, Amount)]
        low, high = amounts
        if low.unit is None and low.reference is None:
            low = replace(low, unit=high.unit, reference=high.reference)
        if high.unit is None and high.reference is None:
            high = replace(high, unit=low.unit, reference=low.reference)
        start = items[0].start_pos if isinstance(items[0], Token) else low.span.start
        return Range(low, high, Span(start, high.span.end))

    def range_to_bound(self, items: list) -> Range:
        """"18 to less than 65 years", "11 to no older than 17": the comparator before the
        high end says whether it is in; one that bounds from below reads as "to"."""
        comparator, _ = read_comparator(next(i for i in items if isinstance(i, Token) and i.type == "CMP").value)
        limit = self.range([i for i in items if not (isinstance(i, Token) and i.type == "CMP")])
        return replace(limit, below_high=True) if comparator is Comparator.LT else limit

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


    def variables_bound(self, items: list) -> Node:
        """"Age 18-45 years old": an age word after the bound adds nothing to its variable; a
        length of time next to a variable that is not measured in time is no value of it, nor
        an amount of a variable measured in time; of a list, the variables it can measure take it."""
        variables = items[0]
        bound = next(i for i in reversed(items) if isinstance(i, (Bound, Range)))
        written = next((i for i in items if isinstance(i, Token) and i.type == "CMP"), None)
        if isinstance(bound, Range) and written is not None and read_comparator(written.value)[0] is Comparator.GT:
            bound = replace(bound, above_low=True)  # "BMI >27 to 45"
        end = _span(items[-1]) if isinstance(items[-1], Token) else bound.span
        known = [self.lexicon.variable(v.name) for v in variables]
        measured = [v for v in variables if self.thresholds.measured_in(v, bound)]
        if (units.is_time(unit_of(bound)) and all(e is not None for e in known) and not self.thresholds.fits(
                variables, Pending(bound, bound.span))) or not measured:
            # "HbA1c value <= 12 weeks prior to initiation": a time is no value of a lab;
            # "AMH levels age appropriate (>= 2.3 ng/ml)": a concentration is no age
            return And((self._observed(variables), Pending(bound, bound.span)), _cover(variables[0].span, end))
        span = _cover(variables[0].span, end)
        node = self.thresholds.apply(measured, bound, span)
        if len(measured) < len(variables):  # "age/weight of > 60 kg": the weight's limit
            return And((self._observed([v for v in variables if v not in measured]), node), span)
        return node

    def bound_variables(self, items: list) -> Node:
        """"45% or more left ventricular ejection fraction"; but "> 2 mm as measured on AP"
        is no value of alkaline phosphatase: the variable is then only mentioned."""
        bound, variables = items[0], items[-1]
        span = _cover(bound.span, variables[-1].span)
        if not all(self.thresholds.agrees(v, bound) for v in variables):
            return And((self._observed(variables), Pending(bound, bound.span)), span)
        return self.thresholds.apply(variables, bound, span)

    def comparator_variables(self, items: list) -> Node:
        """"over the age of 18": the comparator comes before the variable it bounds."""
        cmp, variables, amount = items[0], items[1], items[-1]
        bound = Bound(read_comparator(cmp.value)[0], amount, _cover(_span(cmp), amount.span))
        return self.thresholds.apply(variables, bound, bound.span)

    def value_comparator_variables(self, items: list) -> Node:
        """"18 <= age <= 65", "145 mmHg <= SBP <= 190 mmHg": the number before the variable
        bounds it from the other side; a unit written once serves both numbers. An "=" in
        the chain stands for the "<=" a copy lost ("7.0% = HbA1c = 11.0%"): equal to two
        numbers at once is no reading."""
        amount, cmp, variables, bound = items
        if bound.comparator is Comparator.EQ:
            bound = replace(bound, comparator=Comparator.LE)
        if amount.unit is None and amount.reference is None:
            amount = replace(amount, unit=bound.amount.unit)
        elif bound.amount.unit is None and bound.amount.reference is None:
            bound = replace(bound, amount=replace(bound.amount, unit=amount.unit))
        comparator = read_comparator(cmp.value)[0]
        comparator = Comparator.GE if comparator is Comparator.EQ else comparator.mirrored()
        first = Bound(comparator, amount, _cover(amount.span, _span(cmp)))
        return conjoin([self.thresholds.apply(variables, b, b.span) for b in (first, bound)], _cover(amount.span, bound.span))

    def value_variables_after(self, items: list) -> Node:
        """"150 cm of height or greater"."""
        amount, variables, cmp = items[0], items[-2], items[-1]
        bound = Bound(read_comparator(cmp.value)[0], amount, _cover(amount.span, _span(cmp)))
        return self.thresholds.apply(variables, bound, bound.span)

    variables_range = variables_bound
    range_variables = bound_variables

    @v_args(inline=True)
    def variables_values(self, variables: list[Variable], values: list[Amount]) -> Node:
        span = _cover(variables[0].span, values[-1].span)
        if not all(self.thresholds.agrees(v, Bound(Comparator.EQ, a, a.span)) for v in variables for a in values):
            return And((self._observed(variables), *(Pending(Bound(Comparator.EQ, a, a.span), a.span) for a in values)), span)
        nodes = [self.thresholds.values(v, values, span) for v in variables]
        return conjoin(nodes, span)

    def values(self, items: list) -> list[Amount]:
        return [i for i in items if isinstance(i, Amount)]

    @v_args(inline=True)
    def bare_bound(self, bound: Bound) -> Pending:
        return Pending(bound, bound.span)

    def lasting_bound(self, items: list) -> Pending:
        """"for at least 6 months", "lasting > 6 weeks": how long the thing before has
        lasted; but "for patients >= 40 years of age" bounds the age."""
        word, bound, aged = items[0], items[1], items[2:]
        if aged:
            return Pending(bound, _cover(bound.span, _span(aged[0])), age=True)
        return Pending(bound, _cover(_span(word), bound.span), of_duration=True)

    @v_args(inline=True)
    def lasting_range(self, word: Token, limit: Range) -> Pending:
        """"for 6 months to 5 years": how long the thing before has lasted, from both ends."""
        return Pending(limit, _cover(_span(word), limit.span), of_duration=True)

    def between_variables(self, items: list) -> Node:
        """"between age 18 and 75": the range's variable written inside it."""
        variables = items[1]
        low, high = [i for i in items if isinstance(i, Amount)]
        limit = self.range([low, high])
        return self.thresholds.apply(variables, limit, _cover(_span(items[0]), high.span))

    @v_args(inline=True)
    def duration_bound(self, bound: Bound, word: Token) -> Pending:
        """"(AF of) less than 1-year duration": how long the thing before has lasted."""
        return Pending(bound, _cover(bound.span, _span(word)), of_duration=True)

    @v_args(inline=True)
    def aged_bound(self, limit: Bound, word: Token) -> Pending:
        """"18 years old", "under 21 years of age": the age, whatever stands beside it."""
        return Pending(limit, _cover(limit.span, _span(word)), age=True)

    aged_range = aged_bound

    def aged_pair(self, items: list) -> Pending:
        """"18 and 65 years old": the ends of an age range whose "between" went unwritten."""
        return self.aged_bound(self.range(items[:3]), items[3])

    @v_args(inline=True)
    def aged_after(self, amount: Amount, word: Token, cmp: Token) -> Pending:
        """"18 years of age or older"."""
        return Pending(self.bound_after(amount, cmp), _cover(amount.span, _span(cmp)), age=True)

    @v_args(inline=True)
    def aged_value(self, amount: Amount, word: Token) -> Pending:
        """"a 6-year-old": that age exactly."""
        return Pending(Bound(Comparator.EQ, amount, amount.span), _cover(amount.span, _span(word)), age=True)

    @v_args(inline=True)
    def bare_range(self, limit: Range) -> Pending:
        return Pending(limit, limit.span)

    def concept(self, items: list) -> Concept:
        """Qualifiers before the concept and a relative clause after it are kept as text;
        "treated with" before them adds nothing but its span."""
        qualifiers = [q for i in items if isinstance(i, list) for q in i]
        token = next(t for t in items if isinstance(t, Token) and t.type == "CONCEPT")
        tail = next((t for t in items if isinstance(t, Token) and t.type == "TAIL"), None)
        entry = self.lexicon.concept(token.value)
        first = items[0] if isinstance(items[0], Token) else (qualifiers or [token])[0]
        start = min(first.start_pos, token.start_pos)
        end = max([tail.end_pos if tail else token.end_pos, *(q.end_pos for q in qualifiers)])  # "surgery during the study"
        words = tuple(q.value for q in qualifiers) + ((tail.value,) if tail else ())
        return Concept(entry.domain, entry.name, Span(start, end), entry.code, entry.system, qualifiers=words)

    def qualifiers(self, items: list[Token]) -> list[Token]:
        return [t for t in items if t.type == "QUAL"]

    def targets(self, items: list[Token]) -> Targets:
        """Agents listed by commas alone are alternatives ("allergy to phenol, antibiotics"):
        a reaction to any of them counts; only a written "and" alone asks for all. Words of
        kind before an agent ("to any other NSAID") are its qualifiers."""
        joins = {t.type for t in items if t.type in ("AND", "OR")}
        agents, qualifiers, waiting, loose = [], [], [], []
        for t, after in zip(items, items[1:] + [None]):
            if t.type == "QUAL" and after is not None and after.start_pos - t.end_pos > _SPACE:
                loose.append(_span(t))  # "to the active substance, ...": of words no rule read
            elif t.type == "QUAL":
                waiting.append(t.value)
            elif t.type == "CONCEPT":
                agents.append(t)
                qualifiers.append(tuple(waiting))
                waiting = []
        return Targets(tuple(agents), "and" if joins == {"AND"} else "or", tuple(qualifiers), tuple(loose))

    @v_args(inline=True)
    def reaction(self, head: Token, targets: Targets) -> Node:
        """"hypersensitivity to X or Y": one condition per agent, named after the pair. A
        condition in the list is no agent but an item of its own ("contraindication to MRI,
        pacemaker, claustrophobia"): nothing is allergic or contraindicated to a disease. The
        recognizer's guess of a domain outside the lexicon does not make one ("soya, eggs or
        peanuts"), unless its words do ("cardiac valvulopathy", "systemic problem")."""
        nodes: list[Node] = []
        for k, (t, words) in enumerate(zip(targets.agents, targets.qualifiers)):
            entry = self.lexicon.concept(t.value)
            if k and entry.domain is Domain.CONDITION and (OPEN not in t.value or _named_as_condition(entry.name)):
                nodes.append(Concept(entry.domain, entry.name, Span(t.start_pos, t.end_pos), entry.code, entry.system,
                                     qualifiers=words))
            else:
                nodes.append(self._per_target(Domain.CONDITION, f"{head.value} to", head,
                                              Targets((t,), targets.join, (words,))))
        return targets.reported((disjoin if targets.join == "or" else conjoin)(nodes))

    def qualified_reaction(self, items: list) -> Node:
        """"Severe allergy to penicillin", "suspected hypersensitivity to X or Y": the words
        before the reaction say which reaction, to each agent; an item of the list that is
        no agent keeps its own. Apart from the reaction ("Previously treated patients, with
        ... intolerance to"), they are reported."""
        qualifiers, head, targets = items
        node = self.reaction(head, targets)
        if head.start_pos - qualifiers[-1].end_pos > _SPACE:
            apart = Span(qualifiers[0].start_pos, qualifiers[-1].end_pos)
            return And((node, Unread(apart)), _cover(apart, node.span))
        values = tuple(q.value for q in qualifiers)
        start = qualifiers[0].start_pos
        end = max(q.end_pos for q in qualifiers)  # a judgement written after the agents is moved before
        reacted = f"{head.value} to "

        def qualified(part: Node) -> Node:  # the words of a target no rule read stay beside it
            if isinstance(part, (And, Or)):
                return replace(part, args=tuple(map(qualified, part.args)))
            if not (isinstance(part, Concept) and part.name.startswith(reacted)):
                return part
            return replace(part, qualifiers=tuple(dict.fromkeys((*values, *part.qualifiers))),
                           span=Span(min(start, part.span.start), max(end, part.span.end)))
        changed = qualified(node)
        return replace(changed, span=Span(min(start, changed.span.start), max(end, changed.span.end)))

    def reactions(self, items: list) -> Node:
        """"allergy or intolerance to X or Y": either reaction to any of the agents (once
        per reaction: "allergy or hypersensitivity" are one)."""
        heads = {i.value: i for i in reversed(items[:-1]) if i.type == "REACTION"}
        return disjoin([self.reaction(head, items[-1]) for head in reversed(heads.values())])

    @v_args(inline=True)
    def family_history(self, head: Token, targets: Targets) -> Node:
        """"family history of breast or ovarian cancer" is about relatives: an observation
        per condition, never the patient's own condition."""
        return self._per_target(Domain.OBSERVATION, f"{head.value} of", head, targets)

    risk_targets = targets

    @v_args(inline=True)
    def risk_of(self, head: Token, targets: Targets) -> Node:
        """"High risk for cardiovascular disease", "at risk of falls": the state of being
        at risk, a condition named by the cue's words and each target ("high risk for
        cardiovascular disease"), never the target itself."""
        return self._per_target(Domain.CONDITION, head.value, head, targets)

    def _per_target(self, domain: Domain, prefix: str, head: Token, targets: Targets) -> Node:
        nodes = [Concept(domain, f"{prefix} {self.lexicon.concept(t.value).name}", Span(head.start_pos, t.end_pos),
                         qualifiers=words)
                 for t, words in zip(targets.agents, targets.qualifiers)]
        return targets.reported((disjoin if targets.join == "or" else conjoin)(nodes))

    def counted(self, items: list) -> Node:
        """A bound in front of a concept says something about the event: "at least 2 prior
        regimens" counts it, "5 years of music training" is how long it lasted, "at least 10
        mg of prednisone" how much; "at least one measurable lesion" only asks that it exists.
        "18 years or older at the time of the vaccination" is an age, then the concept."""
        bound, target = items[0], items[-1]
        amount = bound.amount
        span = _cover(bound.span, target.span)
        if bound.age:
            return And((self.thresholds.apply([self.thresholds.age(bound.span)], bound, bound.span), target), span)
        # "less than 5 years of smoking" is how long it lasted, not how recent it is ("8 weeks
        # after last dose of platinum", with words between, is not)
        lasted = any(isinstance(i, Token) and i.type == "OF" and i.start_pos - bound.span.end <= _SPACE for i in items)
        pending = Pending(bound, bound.span, of_duration=lasted)
        if amount.unit is not None or amount.reference is not None:
            attached = map_concepts(target, lambda c: self.thresholds.attach(c, pending))
            if attached is not None:
                return replace_span(attached, span)
            if amount.unit == "a":
                return And((self.thresholds.apply([self.thresholds.age(bound.span)], bound, bound.span), target), span)
            named = [named_as(c) for c in concepts_of(target)]
            return self.thresholds.apply(named, bound, span)
        return replace_span(map_concepts(target, lambda c: self.thresholds.counted(c, bound)), span)

    def counted_qualified(self, items: list) -> Node:
        """"No response to more than one antiarrhythmic drug": the qualifier written before
        the count is of the concept counted."""
        qualifiers = [i for i in items if isinstance(i, Token) and i.type == "COUNTED_QUAL"]
        rest = items[len(qualifiers):]
        words = tuple(q.value for q in qualifiers)
        written = Span(qualifiers[0].start_pos, qualifiers[-1].end_pos)
        node = self.counted(rest)
        qualified = map_concepts(node, lambda c: replace(c, qualifiers=words + c.qualifiers))
        if qualified is None:  # an age or a named value: the qualifier is of nothing here
            return And((Unread(written), node), _cover(written, node.span))
        return replace_span(qualified, _cover(written, node.span))

    def counted_rate(self, items: list) -> Node:
        """"at least 4 seizures/week": how often the concept happens."""
        bound, target, unit = items[0], items[-2], items[-1]
        span = _cover(bound.span, _span(unit))
        return _per_concept(target, span, lambda c: Compare(
            Variable(f"{c.name} frequency", c.span), bound.comparator, bound.amount.value, span, unit.value))

    def including(self, items: list):
        """"X including Y": Y is a kind of X, so either one counts; so does each concept of
        a list after the word ("immune mediating medications, for example but not limited
        to azathioprine, cyclosporine, and methotrexate"). What follows the list's concepts
        is no example and stands beside it."""
        main, parts = items[0], [i for i in items[2:] if not isinstance(i, Token)]
        word = items[1]
        if word.value == QUALIFIES:  # "smoking as assessed by the questionnaire": both hold
            return And((main, *parts), _cover(main.span, parts[-1].span))
        examples = [parts[0]]
        for part in parts[1:]:
            if not _listed(part):
                break
            examples.append(part)
        rest = parts[len(examples):]
        listed = Or((main, *examples), _cover(main.span, examples[-1].span))
        return And((listed, *rest), _cover(main.span, rest[-1].span)) if rest else listed

    @v_args(inline=True)
    def optional(self, main, part: Token):
        """"chemotherapy with or without radiotherapy": what may go with the first or not
        (the lexer's one OPTIONAL token) says nothing of who is eligible."""
        return _reaching(main, _span(part))

    @v_args(inline=True)
    def optional_aside(self, main, left: Token, part: Token, right: Token):
        return _reaching(main, _span(right))

    @v_args(inline=True)
    def examples_of(self, main, left: Token, word: Token, inner, right: Token):
        """"chronic illness (e.g. diabetes, chronic infections, and blood dyscrasias)": each
        example a parenthesis gives counts, whatever joins them, never as a second
        requirement. After "i.e." the parenthesis says what the atom is instead."""
        if word.value == THAT_IS or (word.value == QUALIFIES and isinstance(inner, Pending)):
            return self.defined_by(main, left, inner, right)
        if word.value == QUALIFIES:  # "(with a detectable viral load)", "(assessed by ...)": both hold
            return And((main, inner), _cover(main.span, _span(right)))
        examples = _kinds_qualified(main, inner.args if isinstance(inner, (And, Or)) else (inner,))
        span = _cover(main.span, _span(right))
        kept, excepted = self.apart_from_exceptions(examples)
        if not excepted or not kept:
            listed = Or((main, *examples), span)
            self.example_lists.add(id(listed))
            return listed
        return And((Or((main, *kept), _cover(main.span, kept[-1].span)), *excepted), span)

    def apart_from_exceptions(self, nodes) -> tuple[list, list]:
        """"(eg, A, B; inhaled steroids will be allowed)": among examples, the "and not" of an
        exception this parse made excepts them all rather than being one more example."""
        return ([n for n in nodes if id(n) not in self.exceptions], [n for n in nodes if id(n) in self.exceptions])

    # ---- windows -----------------------------------------------------------------------------
    def relation(self, items: list[Token]) -> Relative:
        relation = (Relation.AFTER if any(t.type == "AFTER" for t in items)
                    else Relation.WITHIN if any(t.value == EITHER_SIDE for t in items) else Relation.BEFORE)
        anchor = next((Anchor(t.value) for t in items if t.type == "ANCHOR"), None)
        return Relative(relation, anchor, Span(items[0].start_pos, items[-1].end_pos))

    def _window(self, items: list) -> tuple[Window, Span]:
        """"in the past 6 months" is anchored on now; "within 30 days" on enrollment, and "in
        the next 6 months" looks forward from it; "in the past year" is one year."""
        tokens = [i for i in items if isinstance(i, Token)]
        number = next((t for t in tokens if t.type == "NUMBER"), None)
        unit = next(t for t in tokens if t.type == "UNIT")
        within = next((t for t in tokens if t.type == "WITHIN" and t.value), None)
        ahead = within is not None and within.value == AHEAD  # "in the next 6 months"
        relative = next((i for i in items if isinstance(i, Relative)), None)
        relation = relative.relation if relative else Relation.AFTER if ahead else Relation.BEFORE
        anchor = (relative.anchor if relative else None) or (
            Anchor(within.value) if within is not None and not ahead else Anchor.ENROLLMENT)
        end = max(tokens[-1].end_pos, relative.span.end if relative else 0)
        value = parse_number(number) if number is not None else 1.0
        return Window(value, unit.value, relation, anchor), Span(tokens[0].start_pos, end)

    def window_within(self, items: list) -> tuple[Window, Span]:
        return self._window(items)

    window_plain = window_within

    def window_between(self, items: list) -> tuple[Window, Span]:
        """"within 24-48 hours of admission": no nearer than the first number."""
        window, span = self._window(items)
        near = next(t for t in items if isinstance(t, Token) and t.type == "NUMBER")
        far = [t for t in items if isinstance(t, Token) and t.type == "NUMBER"][-1]
        return replace(window, value=parse_number(far), start=parse_number(near)), span

    def window_at_least(self, items: list) -> MinimumGap | tuple[Window, Span]:
        """"at least 4 weeks before X" keeps X out of the window; "less than 4 weeks before
        X" puts it inside."""
        comparator = read_comparator(items[0].value)[0]
        if comparator in (Comparator.LT, Comparator.LE):
            return self._window(items)
        return MinimumGap(*self._window(items))

    # ---- clauses -----------------------------------------------------------------------------
    def _with_window(self, node, window: Window | MinimumGap | tuple[Window, Span], span: Span):
        if isinstance(node, Pending) and not isinstance(window, MinimumGap):
            return replace(node, window=window[0], span=span)
        if isinstance(window, MinimumGap):
            recent = Not(set_window(node, window.window, window.span), span)
            if isinstance(node, Concept) and node.domain is Domain.CONDITION:
                # "diagnosed at least 12 weeks prior": a condition lasts, so the words also
                # say the patient has it; only its onset must be older than the window
                return And((node, recent), span)
            return recent
        return replace(set_window(node, window[0], window[1]), span=span)  # nodes span their window's words

    @v_args(inline=True)
    def windowed(self, atom, window) -> Node:
        return self._with_window(atom, window, _cover(atom.span, _window_span(window)))

    @v_args(inline=True)
    def windowed_aside(self, atom, left: Token, window, right: Token) -> Node:
        """"stroke (within 30 days)": a window in parentheses after what it times."""
        return self._with_window(atom, window, _cover(atom.span, _span(right)))

    @v_args(inline=True)
    def windowed_before(self, window, atom) -> Node:
        return self._with_window(atom, window, _cover(_window_span(window), atom.span))

    @v_args(inline=True)
    def prior(self, before: Token, atom):
        """"Prior treatment with topotecan": the word says the event is past, which a
        record's facts are anyway; the atom takes the word into its span (and so does its
        first part, should later stages take a compound atom apart)."""
        if isinstance(atom, (And, Or)):
            first = self.prior(before, atom.args[0])
            return replace(atom, args=(first, *atom.args[1:]), span=_cover(_span(before), atom.span))
        return replace(atom, span=_cover(_span(before), atom.span))

    @v_args(inline=True)
    def prior_windowed(self, before: Token, atom, window) -> Node:
        """"prior treatment with X within 1 year of enrollment": the window says when."""
        return self.prior(before, self.windowed(atom, window))

    def since(self, items: list):
        """"at least 4 weeks since X": X did not happen in the last 4 weeks; "< 3 months since
        start of X": it did."""
        limit = items[0]
        target = items[2] if len(items) > 2 else None
        if target is None:  # "... since" with nothing after: the word stays in the span
            return replace(limit, span=_cover(limit.span, _span(items[1])))
        span = _cover(limit.span, target.span)
        if isinstance(limit, Concept) and isinstance(target, Pending):
            # "stroke since less than 2 months": how recent or how long, as any bound in time
            attached = self.thresholds.attach(limit, target)
            if attached is not None:
                return replace(attached, span=span)
        if not isinstance(limit, Pending) or not isinstance(limit.limit, Bound):
            return And((limit, target), span)
        amount = limit.limit.amount
        if not units.is_time(amount.unit):
            return And((limit, target), _cover(limit.span, target.span))
        window = Window(amount.value, amount.unit, Relation.BEFORE, Anchor.ENROLLMENT)
        if limit.limit.comparator in (Comparator.LT, Comparator.LE):
            return set_window(target, window, limit.span)
        return Not(set_window(target, window), _cover(limit.span, target.span))

    def since_any(self, items: list):
        """"at least 4 weeks since last surgery or radiation therapy": none of them in the
        last 4 weeks ("prior", "last" say nothing more)."""
        limit, targets = items[0], [i for i in items[2:] if not isinstance(i, Token)]
        return self.since([limit, items[1], disjoin(targets)])

    @v_args(inline=True)
    def negated(self, neg: Token, clause):
        """An inability has a cause, never denied with it: "unable to answer the questions
        due to a cognitive impairment" is the inability and the impairment; "no surgery
        due to scoliosis" denies the two together."""
        span = _cover(_span(neg), clause.span)
        if isinstance(clause, Pending):
            return replace(clause, negated=not clause.negated, span=span)
        if neg.value == EACH:
            return replace(self._denied(neg, clause, True), span=span)
        return Not(clause, span)

    @v_args(inline=True)
    def negated_after(self, clause, word: Token):
        """"pneumonia not suspected", "tuberculosis ruled out", "HIV negative"."""
        return self.negated(word, clause)

    def negated_list(self, items: list):
        """"no diabetes or hypertension": the negation covers the whole or-list. An inability
        or a refusal is of each alternative apart: "unable to consent or communicate in
        English" is met by either one."""
        neg, clauses = items[0], [i for i in items[1:] if not isinstance(i, Token)]
        inner = disjoin(clauses)
        span = _cover(_span(neg), inner.span)
        if neg.value == EACH:  # an alternative with its own denial keeps it: "... or with inability to"
            return Or(tuple(c if isinstance(c, Not) else self._denied(neg, c, k == 0) for k, c in enumerate(clauses)), span)
        return Not(inner, span)

    def linked(self, items: list):
        """"orchitis secondary to mumps", "bacteremia related to a peripheral or central
        catheter": what the link names is part of this one item, so an outer list of
        alternatives never offers the cause alone."""
        link = next(k for k, i in enumerate(items) if isinstance(i, Token) and i.type == "LINK")
        main, cause = items[0], _as_written(items[link + 1:])
        node = And((main, cause), _cover(main.span, cause.span))
        self.linked_nodes.add(id(node))
        return node

    def _denied(self, neg: Token, clause, first: bool):
        """One alternative of an inability, its cause kept apart ("... or participate in our
        intervention due to cognitive impairment")."""
        where = _cover(_span(neg), clause.span) if first else clause.span
        if isinstance(clause, And) and id(clause) in self.linked_nodes:
            main, cause = clause.args
            return And((Not(main, _cover(_span(neg), main.span) if first else main.span), cause), where)
        if isinstance(clause, Or) and id(clause) in self.example_lists and _causes(clause):
            # "Inability to provide informed consent (e.g. cognitive disability, language
            # barrier)": conditions given as examples of an inability are its causes
            main, *causes = clause.args
            return Or((Not(main, _cover(_span(neg), main.span) if first else main.span), *causes), where)
        return Not(clause, where)

    @v_args(inline=True)
    def conditional(self, then, word: Token, condition):
        return Implies(condition, then, _cover(then.span, condition.span))

    def leading_conditional(self, items: list):
        """"If female, a negative pregnancy test", "For patients with diabetes, HbA1c < 8%":
        the condition written first scopes all that follows its comma; and-ed, the two
        made every patient meet the condition."""
        word = items[0]
        comma = next(k for k, i in enumerate(items) if isinstance(i, Token) and i.type == "COMMA")
        then = items[-1]
        return Implies(_as_written(items[1:comma]), then, _cover(_span(word), then.span))

    def excepting(self, items: list):
        """"any malignancy other than basal cell carcinoma": the first without the others,
        set apart record by record when they are kinds of it (``_kinds_excepted``), else
        "and not" ("any surgery other than for cancer")."""
        main, *excluded = [i for i in items if not isinstance(i, Token)]
        word = next(i for i in items if isinstance(i, Token) and i.type == "EXCEPT")
        left_out = disjoin(excluded)
        span = _cover(main.span, left_out.span)
        # not across words no rule read: "liver disease caused by an etiology other than HCV"
        # excepts a cause, not a kind
        kinds = _kinds_excepted(main.arg if isinstance(main, Not) else main, left_out, span, self.lexicon) \
            if word.start_pos - main.span.end <= _SPACE else None
        if kinds is not None:
            return Not(kinds, span) if isinstance(main, Not) else kinds
        if isinstance(main, Not):  # "no prior chemotherapy except hormonal therapy": the exception is inside the denial
            return Not(And((main.arg, Not(left_out, _cover(_span(word), left_out.span))), span), span)
        return And((main, Not(left_out, _cover(_span(word), left_out.span))), span)

    def left_out(self, items: list):
        """"(other than skin cancer)" after what it narrows: the parenthesis stands side by
        side with it, so "and not" is what it adds (``defined_by`` makes it the concept's
        own exception when it can)."""
        word, excluded = items[0], disjoin([i for i in items if not isinstance(i, Token)])
        denied = Not(excluded, _cover(_span(word), excluded.span))
        self.left_outs.add(id(denied))
        return denied

    @v_args(inline=True)
    def exception(self, main, word: Token, alternative):
        return self.excepted(main, alternative)

    @v_args(inline=True)
    def allowed(self, clause, word: Token):
        if isinstance(clause, Not):  # "no other investigational agents allowed": a ban, as written
            return replace(clause, span=_cover(clause.span, _span(word)))
        return Verdict(Ruling.ALLOWS, clause, _cover(clause.span, _span(word)), _span(word))

    @v_args(inline=True)
    def allowed_if(self, clause, word: Token, cue: Token, condition):
        """"isolated bilirubin > 1.5 x ULN is acceptable if direct bilirubin < 35%": what
        passes is the two together."""
        return Verdict(Ruling.ALLOWS, clause, _cover(clause.span, condition.span), _cover(_span(word), _span(cue)), condition)

    @v_args(inline=True)
    def eligible(self, clause, word: Token):
        """"Patients with measurable disease are eligible": alone, what an inclusion
        criterion requires; after something else, another way in ("Patients with DLBCL will
        be eligible if ..." after the requirements of other lymphomas), and after what an
        exclusion criterion excludes, an exception to it."""
        return Verdict(Ruling.ADMITS, clause, _cover(clause.span, _span(word)), _span(word), since=int(word.value or 0))

    @v_args(inline=True)
    def eligible_if(self, clause, word: Token, cue: Token, condition):
        """"A female subject is eligible if she is not pregnant": in an inclusion criterion,
        what those it names must meet; in an exclusion one, the two together pass."""
        if not self.excluding:
            return Implies(clause, condition, _cover(clause.span, condition.span))
        return Verdict(Ruling.ADMITS, clause, _cover(clause.span, condition.span), _cover(_span(word), _span(cue)), condition,
                       int(word.value or 0))

    @v_args(inline=True)
    def ineligible(self, clause, word: Token):
        """"Concomitant radiotherapy is not allowed", "... will be excluded": an inclusion
        criterion bans it (and the alternatives listed with it); an exclusion criterion
        only says again what it excludes."""
        return Verdict(Ruling.STATES if self.excluding else Ruling.BANS, clause, _cover(clause.span, _span(word)), _span(word))

    @v_args(inline=True)
    def ineligible_unless(self, clause, word: Token, cue: Token, alternative):
        """"AFP > 100 ng/mL are excluded, unless stable": the exception of what is banned."""
        if isinstance(clause, Pending):
            return Verdict(Ruling.STATES, clause, _cover(clause.span, _span(word)), _span(word))
        stated = replace(clause, span=_cover(clause.span, _span(word)))
        return self.excepted(stated if self.excluding else Not(clause, stated.span), alternative)

    def ineligible_if(self, items: list):
        """"Patients will be excluded if they have X or if they have Y": either excludes."""
        clause = _as_written(items[2:])
        span = _cover(_span(items[0]), clause.span)
        return replace(clause, span=span) if self.excluding else Not(clause, span)

    def excepted(self, main, alternative, through: Span | None = None) -> Node:
        """"Brain metastases unless treated", "(topical steroids are allowed)": an exclusion
        criterion excludes only without the exception, so "and not"; an inclusion criterion
        is met by either. Read as "or" in an exclusion, it would exclude every patient the
        exception lets in."""
        named = concepts_of(alternative)
        if (named and _only_concepts(alternative) and all(not c.qualifiers for c in named)
                and {c.name for c in named} <= {c.name for c in concepts_of(main)}):
            # "any invasive malignancy, unless it has been treated with curative intent": the
            # exception names nothing but what it excepts from (unqualified: "the malignancy"),
            # so what narrows it went unread; "treated brain metastases" narrows them itself
            return And((main, Unread(_cover(alternative.span, through or alternative.span))),
                       _cover(main.span, alternative.span, through or alternative.span))
        if through is not None:  # the allowance's words ("are allowed") go with it, wherever it is flattened into
            alternative = replace(alternative, span=_cover(alternative.span, through))
        span = _cover(main.span, alternative.span)
        if self.excluding:
            kinds = _kinds_excepted(main, alternative, span, self.lexicon, named_alike=True)
            if kinds is not None:  # "systemic steroids (topical steroids are allowed)": record by record
                return kinds
            # "unless a negative pregnancy test": not denied twice
            denied = alternative.arg if isinstance(alternative, Not) else Not(alternative, alternative.span)
            self.exceptions.add(id(denied))
            return And((main, denied), span)
        return Or((main, alternative), span)

    @v_args(inline=True)
    def qualified_after(self, main, left: Token, qualifiers: list[Token], right: Token):
        """"Obsessive compulsive disorder (current)", "brain metastases (untreated or
        symptomatic)": a parenthesis of qualifiers alone qualifies the concept before it
        (the lexer marks such a one QLPAR); after anything else its words are reported."""
        span = _cover(main.span, _span(right))
        if isinstance(main, Concept):
            named = tuple(q.value for q in qualifiers if q.value not in main.qualifiers)
            return replace(main, qualifiers=main.qualifiers + named, span=span)
        return And((main, Unread(_cover(_span(left), _span(right)))), span)

    @v_args(inline=True)
    def defined_by_windowed(self, main, left: Token, inner, right: Token, window):
        """"Cardiovascular events (myocardial infarction or stroke) within 6 months": a
        window after the parenthesis times what it defines and all it names."""
        node = self.defined_by(main, left, inner, right)
        return self._with_window(node, window, _cover(node.span, _window_span(window)))

    @v_args(inline=True)
    def examples_of_windowed(self, main, left: Token, word: Token, inner, right: Token, window):
        """"Cardiac events (e.g. myocardial infarction, stroke) within the past 6 months"."""
        node = self.examples_of(main, left, word, inner, right)
        return self._with_window(node, window, _cover(node.span, _window_span(window)))

    @v_args(inline=True)
    def defined_by(self, main, left: Token, inner, right: Token):
        """A parenthesis after an atom: "(<5 x ULN if liver metastases)" is an alternative
        threshold under a condition; "(HR < 55 bpm)" defines the atom before it."""
        span = _cover(main.span, _span(right))
        if isinstance(inner, Verdict) and inner.kind in (Ruling.ALLOWS, Ruling.ADMITS):
            return self.excepted(main, inner.of([inner.node]), _cover(inner.span, _span(right)))
        if isinstance(inner, Not) and id(inner) in self.left_outs:  # "malignancy (other than skin cancer)"
            kinds = _kinds_excepted(main, inner.arg, span, self.lexicon)
            if kinds is not None:
                return kinds
        variables = variables_of(main)
        pairs = inner.args if isinstance(inner, (And, Or)) else (inner,)
        if len(pairs) > 1 and all(_population_limit(p) is not None for p in pairs):
            # "hemoglobin (<13 g/dL in men; <12 g/dL in women)", "(<40 mg/dL for men or
            # <50 mg/dL for women)": one limit per population, of the value just named
            named = variables or ([self._measured(main)] if isinstance(main, Concept)
                                  and main.domain is Domain.OBSERVATION else [])
            if named:
                settled = [self._population_settled(p, named) for p in pairs]
                return (disjoin if isinstance(inner, Or) else conjoin)(settled, span)
        if isinstance(main, (Pending, Compare)) and _population(inner):
            # "> 27.5 kg/m2 (South Asian)", "Hemoglobin < 13 g/dL (men)": the limit for that
            # population, as "for Asians"
            return Implies(inner, main, span)
        if isinstance(inner, Implies) and isinstance(inner.then, Pending) and variables:
            then = self.thresholds.apply(variables, inner.then.limit, inner.then.span)
            return Or((main, And((inner.if_, then), inner.span)), span)
        if isinstance(main, Concept) and _all_concepts(inner):
            # examples in a parenthesis are alternatives, whatever joins them
            return Or((main, *_kinds_qualified(main, inner.args if isinstance(inner, And) else (inner,))), span)
        if isinstance(inner, Pending):
            if variables and all(self.thresholds.measured_in(v, inner.limit) for v in variables):
                return Or((main, self.thresholds.apply(variables, inner.limit, inner.span)), span)
            if isinstance(main, Concept) and main.domain is Domain.DEMOGRAPHIC and (
                    units.is_time(unit_of(inner.limit)) or unit_of(inner.limit) is None and self.thresholds.ages(inner.limit)):
                # "Older adults (≥ 65 years)", "adult (21+)": the age of that group
                return And((main, self.thresholds.settle([self.thresholds.age(inner.span)], inner)), span)
            attached = self.thresholds.attach(main, inner) if isinstance(main, Concept) else None
            if attached is not None:  # "recently diagnosed chronic disease (< 2 months)"
                return replace(attached, span=span)
            if inner.span.start > left.end_pos and isinstance(main, Concept):
                # "depression (EPDS score >= 10)": words inside may name the value; they are
                # the words in front of the bound when thresholds are finished, and if they
                # are only fillers ("(must be 5 ng/mL or greater)") the concept names it
                named = named_as(main)
                return And((main, replace(inner, fallback=named)), span)
            if isinstance(main, Concept) and self.thresholds.measured_in(self._measured(main), inner.limit):
                # "aged (>18)": the value of what was just named; "statins (>30 days)": an
                # amount of that concept
                settled = self.thresholds.settle([self._measured(main)], replace(inner, span=span))
                return settled if self.lexicon.variable(main.name) is not None else And((main, settled), span)
            return And((main, inner), span)
        return And((main, inner), span)

    def _population_settled(self, pair: Node, named: list[Variable]) -> Node:
        limit = _population_limit(pair)
        if isinstance(pair, Implies):
            return replace(pair, then=self.thresholds.settle(named, limit))
        return replace(pair, args=tuple(self.thresholds.settle(named, a) if a is limit else a for a in pair.args))

    def _measured(self, concept: Concept) -> Variable:
        """The value a concept names, with the lexicon variable's code where there is one."""
        entry = self.lexicon.variable(concept.name)
        return Variable(concept.name, concept.span, entry.code if entry else concept.code,
                        entry.system if entry else concept.system)

    def mention(self, items: list) -> Node:
        return self._observed(items[-1], items[0].value if len(items) > 1 else None)

    def _observed(self, variables: list[Variable], shared: str | None = None) -> Node:
        """A variable named without a threshold is an observation to look for; but a stage
        or grade with none named says nothing ("cleavage stage embryo", "any stage of
        life"), and its words are reported. ``shared``: the qualifier of the list they are in."""
        words = (shared,) if shared else ()
        nodes = [Unread(v.span) if self._stage(v) else Concept(Domain.OBSERVATION, v.name, v.span, v.code, v.system,
                                                                qualifiers=words) for v in variables]
        return disjoin(nodes) if len(nodes) > 1 else nodes[0]

    def _stage(self, variable: Variable) -> bool:
        entry = self.lexicon.variable(variable.name)
        return entry is not None and entry.kind is VariableKind.STAGE

    # ---- lists ---------------------------------------------------------------------------------
    def sep(self, items: list[Token]) -> Connective:
        words = [t.value for t in items if t.type in ("AND", "OR")]
        semicolon = any(t.type == "SEMI" for t in items)
        return Connective(words[-1] if words else ";" if semicolon else ",", semicolon)

    def start(self, items: list):
        """Elements and the connective before each; side by side means "and"."""
        self.linked_nodes.clear()
        elements, connectives = [], []
        previous_was_connective = False
        for item in items:
            if isinstance(item, Connective):
                connectives.append(item)
                previous_was_connective = True
                continue
            if elements and not previous_was_connective:
                connectives.append(Connective("and", written=False))
            elements.append(item)
            previous_was_connective = False
        elements, connectives = self.verdicts(elements, connectives)
        apart = frozenset(k for k, connective in enumerate(connectives, 1) if connective.written)
        kept, joins = _slashed(*joined(resolve(elements, self.thresholds, apart), connectives))
        return _join(*_populations_first(*_written_lists(*self._shared_bounds(kept, joins))))

    def verdicts(self, elements: list, connectives: list[Connective]) -> tuple[list, list[Connective]]:
        """Verdicts settle with the elements before them. An allowance or a ban takes in the
        alternatives listed with it, written close by and ending in "or" or "and" ("topical
        or inhaled steroids are allowed"); an allowance then excepts the element before it,
        whatever joins them, and allowances side by side are one ("(A is permitted; B is
        allowed)"). One with nothing before it stays for the chunk before, or is reported.
        A bare bound waits for its variable as any other: a ban negates it, any other verdict
        leaves its cue reported."""
        out: list = []
        joins: list[Connective] = []
        for k, element in enumerate(elements):
            before = connectives[k - 1] if k else None
            if not isinstance(element, Verdict):
                joins += [before] if before is not None else []
                out.append(element)
                continue
            if isinstance(element.node, Pending):
                bare = self._bare(element)
                joins += ([before] if before is not None else []) + [Connective("and", written=False)] * (len(bare) - 1)
                out.extend(bare)
                continue
            listed = [element.node]
            while element.kind in (Ruling.ALLOWS, Ruling.BANS) and out and _listed_before(out[-1], listed, before):
                listed.insert(0, out.pop())
                before = joins.pop() if joins else None
            if element.kind == Ruling.ADMITS:
                # "Patients who received adjuvant therapy for lung cancer are eligible if ...": what
                # the verdict's own sentence names before it is who it admits; what an earlier
                # sentence names is what it may be an exception to
                inner: list[str] = []  # the connectives written between the pulled elements
                while (out and not isinstance(out[-1], (Pending, Unread, Verdict))
                       and out[-1].span.start >= element.since):
                    listed.insert(0, out.pop())
                    inner.insert(0, before.word if before is not None else "and")
                    before = joins.pop() if joins else None
                listed = [_join(listed, inner)] if len(listed) > 1 else listed
                if not out and not self.excluding:
                    out.append(replace_span(element.of(listed), _cover(listed[0].span, element.span)))
                    continue
            node = element.of(listed)
            allows = element.kind in (Ruling.ALLOWS, Ruling.ADMITS)
            if allows and out and isinstance(out[-1], Verdict) and out[-1].kind == element.kind:
                out[-1] = Verdict(element.kind, disjoin([out[-1].of([out[-1].node]), node]),
                                  _cover(out[-1].span, element.span), element.word, since=out[-1].since)
            elif allows and out and not isinstance(out[-1], (Pending, Unread, Verdict)):
                out[-1] = self.excepted(out[-1], node, element.span)
            else:
                joins += [before] if out and before is not None else []
                out.append(Verdict(element.kind, node, _cover(node.span, element.span), element.word, since=element.since)
                           if allows
                           else (Not if element.kind == Ruling.BANS else replace_span)(node, _cover(node.span, element.span)))
        return out, joins

    def admitted(self, verdict) -> object:
        """A verdict left with nothing before it in the whole criterion: "are eligible"
        alone states what an inclusion criterion requires; an allowance stays, reported."""
        if isinstance(verdict, Verdict) and verdict.kind == Ruling.ADMITS and not self.excluding:
            return replace_span(verdict.of([verdict.node]), verdict.span)
        return verdict

    @staticmethod
    def _bare(verdict: Verdict) -> list:
        """A verdict on a bound still without its variable, as elements side by side."""
        if verdict.kind == Ruling.BANS and isinstance(verdict.node, Pending) and verdict.condition is None:
            return [replace(verdict.node, negated=not verdict.node.negated, span=verdict.span)]
        parts = [verdict.node, Unread(verdict.word)]
        return parts + [verdict.condition] if verdict.condition is not None else parts

    def _shared_bounds(self, elements: list, connectives: list[Connective]) -> tuple[list, list[Connective]]:
        """"ALT or AST > 3 x ULN": a variable named just before a written "or"/"and" and a
        variable compared right after it ("B > x", not "> x B") shares its bound (either one
        above, or both), where the bound can be a value of it; otherwise "ALT" would stand
        alone, met by any measured ALT. Two names of one variable ("heart rate or pulse")
        are one."""
        out, joins = [elements[0]], []
        for connective, element in zip(connectives, elements[1:]):
            named = out[-1]
            if (connective.written and connective.word in ("or", "and") and isinstance(element, Compare)
                    and element.window is None and element.variable.span.start <= element.span.start
                    and isinstance(named, Concept) and named.domain is Domain.OBSERVATION and not named.qualifiers
                    and self.lexicon.variable(named.name) is not None):
                variable = named_as(named)
                amount = Amount(element.value, element.unit, element.reference, element.span)
                if self.thresholds.fits([variable], Pending(Bound(element.comparator, amount, element.span), element.span)):
                    span = _cover(named.span, element.span)
                    shared = self.thresholds.compare(variable, element.comparator, amount, span)
                    out[-1] = (replace(element, span=span) if variable.name == element.variable.name
                               else (disjoin if connective.word == "or" else conjoin)([shared, element]))
                    continue
            out.append(element)
            joins.append(connective)
        return out, joins


def _populations_first(elements: list, connectives: list[str], written: list[bool]) -> tuple[list, list[str]]:
    """"Men or women aged 18-60": a list of populations is one element, so the age applies
    to both ("or" between them binds before the "and" after). No one is both a man and a
    woman, so "male and female patients" lists who may take part: "or" too. Populations
    right beside each other describe one person ("Caucasian males", "adult women"): "and"."""
    out, joins = [elements[0]], []
    for word, said, element in zip(connectives, written, elements[1:]):
        beside = not said and element.span.start - out[-1].span.end <= 1
        if not beside and word in ("or", "and") and _population(out[-1]) and _population(element):
            out[-1] = disjoin([out[-1], element])
            continue
        out.append(element)
        joins.append(word)
    return out, joins


def _slashed(elements: list, connectives: list[Connective]) -> tuple[list, list[Connective]]:
    """"limb ischemia/limb thrombotic events": concepts with a slash between them are one
    alternative, before any other connective joins them to the rest."""
    out, joins = [elements[0]], []
    for connective, element in zip(connectives, elements[1:]):
        if connective.word == SLASHED and isinstance(element, Concept) and _all_concepts(out[-1]):
            out[-1] = disjoin([out[-1], element])
            continue
        out.append(element)
        joins.append(connective if connective.word != SLASHED else Connective("or"))
    return out, joins


def _written_lists(elements: list, connectives: list[Connective]) -> tuple[list, list[str], list[bool]]:
    """"drug abuse of depressants, opioids, cocaine, or amphetamine": concepts set apart by
    commas up to an "or" are one list of alternatives, so what stands before the list
    ("drug abuse") goes with each of them rather than with the first ones only. The list
    goes on over later commas and "or"s ("cardiac, liver or kidney failure, major surgery,
    stroke or myocardial infarction") up to a semicolon. A denial side by side with the
    list's last item goes with that item alone ("pregnancy, lactation, or women of
    childbearing potential unwilling to use contraception"; other words there say how the
    whole list is found: "... or bipolar disorder as diagnosed by the SCID"); a population side by side
    before two items joined by "or" is who both are about ("female patients who are
    pregnant or breast-feeding"). Returns the connectives' words, and whether each was
    written."""
    out, joins, written = [elements[0]], [], []
    listing = False  # out[-1] is such a list, which a comma or "or" goes on
    beside = False  # the connective before out[-1] was no word: the two stood side by side
    for connective, element in zip(connectives, elements[1:]):
        word = connective.word
        if listing and word in (",", "or") and not connective.closes and _item(element):
            out[-1] = disjoin([out[-1], element])
            continue
        if listing and not connective.written and isinstance(element, Not) and isinstance(out[-1], Or):
            *items, last = out[-1].args
            out[-1] = Or((*items, conjoin([last, element])), _cover(out[-1].span, element.span))
            continue
        start = len(out) - 1
        while start > 0 and joins[start - 1] == "," and _item(out[start - 1]):
            start -= 1
        if (word == "or" and start == len(out) - 1 and start > 0 and beside and _population(out[start - 1])
                and _item(element) and _item(out[-1])):
            who = start - 1
            begin = who
            while begin > 0 and joins[begin - 1] == "," and _item(out[begin - 1]):
                begin -= 1
            if begin < who:  # "pregnancy, women breastfeeding or ...": the women are one item
                listed = disjoin([*out[begin:who], conjoin([out[who], out[-1]]), element])
                del out[begin:], joins[begin:], written[begin:]
                out.append(listed)
            else:
                out[-1] = disjoin([out[-1], element])
            listing = True
            continue
        listing = word == "or" and start < len(out) - 1 and _item(element) and _item(out[-1])
        negated = (word == "or" and start <= 1 and len(out) > 1 and joins[0] == "," and isinstance(out[0], Not)
                   and not isinstance(out[1], Not)  # "no" opens the list, and only the first item says it
                   and _listed(out[0].arg) and _listed(element) and _listed(out[-1]))
        if negated:
            # "No chemotherapy, radiotherapy, or immunotherapy": the "no" denies every item
            first = out[0]
            out[:], joins[:], written[:] = [Not(disjoin([first.arg, *out[1:], element]), _cover(first.span, element.span))], [], []
            continue
        if listing:
            listed = disjoin([*out[start:], element])
            del out[start:], joins[start:], written[start:]
            out.append(listed)
            continue
        out.append(element)
        joins.append(word)
        written.append(connective.written)
        beside = not connective.written
    return out, joins, written


def _listed(node) -> bool:
    """An item of a written list: a concept, or alternatives among concepts ("metal in the
    body including pacemakers, stents or ..."), not a population ("pregnancy, women
    breastfeeding or ...": the women are who, not one of the alternatives)."""
    if isinstance(node, Or):
        return all(_listed(arg) for arg in node.args)
    return isinstance(node, Concept) and node.domain is not Domain.DEMOGRAPHIC


def _item(node) -> bool:
    """An item of a list of alternatives, where one may be denied ("pregnancy, lactation,
    or unwillingness to use contraception")."""
    return _listed(node.arg) if isinstance(node, Not) else _listed(node)


def _population(node) -> bool:
    if isinstance(node, Or):
        return all(_population(a) for a in node.args)
    return isinstance(node, Concept) and node.domain is Domain.DEMOGRAPHIC


def _join(elements: list, connectives: list[str]):
    """Connectives by precedence: "and" binds tighter than "or"; a bare list is "and". Two
    bounds of one variable on either side joined by "or" are one range left out ("under 40
    or over 60 years of age who require spinal anesthesia"): grouped first, they take what
    follows together."""
    words = {c for c in connectives if c in ("and", "or")}
    if len(elements) == 1 or words == {"or"}:
        return elements[0] if len(elements) == 1 else _group(Or, elements)
    elements, connectives = _outside_ranges(elements, connectives)
    words = {c for c in connectives if c in ("and", "or")}
    if len(elements) == 1:
        return elements[0]
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


def _outside_ranges(elements: list, connectives: list[str]) -> tuple[list, list[str]]:
    out, joins = [elements[0]], []
    for word, element in zip(connectives, elements[1:]):
        last = out[-1]
        if word == "or" and _sides(last, element):
            out[-1] = Or((last, element), _cover(last.span, element.span))
            continue
        out.append(element)
        joins.append(word)
    return out, joins


def _sides(first, second) -> bool:
    """Whether two bounds of one thing lie on either side: compares of one variable, or a
    bound still waiting for its variable beside one, in its unit or with none ("under 40 or
    over 60 years of age")."""
    one, other = _bound_of(first), _bound_of(second)
    if one is None or other is None:
        return False
    (name, unit, comparator), (other_name, other_unit, other_comparator) = one, other
    return ((name is None or other_name is None or name == other_name)
            and (unit is None or other_unit is None or unit == other_unit)
            and (comparator.from_below and other_comparator.from_above
                 or comparator.from_above and other_comparator.from_below))


def _bound_of(node) -> tuple[str | None, str | None, Comparator] | None:
    if isinstance(node, Compare):
        return node.variable.name, node.unit, node.comparator
    if isinstance(node, Pending) and isinstance(node.limit, Bound) and not node.negated:
        return None, node.limit.amount.unit, node.limit.comparator
    return None


def _group(kind, elements: list):
    if kind is Or and len(elements) > 1:
        # "QTc > 470 ms for women or > 450 ms for men": one of the populations with its
        # limit. Under "or", "if a woman then ..." would hold for every man and make the
        # whole "or" true, which no criterion means.
        elements = [And((e.if_, e.then), e.span) if _for_population(e) else e for e in elements]
    return (conjoin if kind is And else disjoin)(elements)


def _population_limit(node) -> Pending | None:
    """The waiting limit of one population's pair, written "if" ("<13 g/dL in men") or, under
    "or", already the population and its limit (see ``_group``)."""
    if _for_population(node):
        then: object = node.then
        return then if isinstance(then, Pending) else None
    if isinstance(node, And) and len(node.args) == 2 and _population(node.args[0]) and isinstance(node.args[1], Pending):
        pending: object = node.args[1]
        return pending if isinstance(pending, Pending) else None
    return None


def _for_population(node) -> bool:
    return isinstance(node, Implies) and _population(node.if_)


def _all_concepts(node) -> bool:
    """A parenthesis of examples: concepts, possibly joined by and/or."""
    if isinstance(node, Concept):
        return True
    return isinstance(node, (And, Or)) and all(_all_concepts(a) for a in node.args)
