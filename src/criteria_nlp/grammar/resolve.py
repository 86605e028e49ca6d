"""After the grammar: what a threshold with no variable of its own refers to.

A rule can build "<= 75" without knowing whose value it bounds. Within one criterion the
waiting thresholds take the variables of their neighbours ("aged >= 18 and <= 75"), the unit
of the bound after them ("under 18 or over 50 years"), age for a bound in years, the concept
before them ("prednisone < 10 mg"), and finally the words written in front of them ("Stenosis
of more than 50%"). What is still waiting then is reported as unparsed text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..logic import And, Compare, Concept, Implies, Node, Not, Or, Variable, conjoin, disjoin
from ..spans import Span
from .lexer import Stream
from .thresholds import Bound, Pending, Thresholds, unit_of


def resolve(elements: list, thresholds: Thresholds) -> list:
    """Give each bare threshold the variables of the threshold before it, else of the
    one after it ("under 18 or over 50 years of age"), else age for a bound in years."""
    out = list(elements)
    for i in range(1, len(out)):
        if isinstance(out[i], Pending) and out[i].of_duration and isinstance(out[i - 1], Concept):
            lasting = Variable(f"{out[i - 1].name} duration", out[i - 1].span)
            out[i] = thresholds.settle([lasting], out[i])
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        neighbour: list[Variable] = []
        for i in order:
            element = out[i]
            if isinstance(element, Pending):
                if neighbour and thresholds.fits(neighbour, element):
                    out[i] = thresholds.settle(neighbour, element)
            else:
                neighbour = variables_of(element) or neighbour
    for i in range(len(out) - 1):
        # "under 18 or over 50 years": a bare bound takes the unit of the bound after it
        here, after = out[i], out[i + 1]
        if isinstance(here, Pending) and isinstance(after, Pending) and isinstance(here.limit, Bound):
            amount = here.limit.amount
            if amount.unit is None and amount.reference is None and unit_of(after.limit):
                out[i] = replace(here, limit=replace(here.limit, amount=replace(amount, unit=unit_of(after.limit))))
    for i, element in enumerate(out):
        if isinstance(element, Pending) and not element.of_duration and unit_of(element.limit) == "a":
            out[i] = thresholds.settle([thresholds.age(element.span)], element)
    for i in range(1, len(out)):
        if isinstance(out[i], Pending) and isinstance(out[i - 1], Concept):
            # "prednisone <10 mg", "weight loss of >5 kg": the amount belongs to the concept
            concept = out[i - 1]
            named = Variable(concept.name, concept.span, concept.code, concept.system)
            out[i] = thresholds.settle([named], out[i])
    return out


@dataclass(frozen=True, slots=True)
class Chunks:
    """Results of separately parsed chunks of one criterion, read as "and"."""

    items: tuple


_TRANSPARENT = {"OF", "LPAR", "RPAR"}


def variables_of(node) -> list[Variable]:
    if isinstance(node, Compare):
        return [node.variable]
    if isinstance(node, (And, Or)):
        seen: dict[str, Variable] = {}
        for arg in node.args:
            for variable in variables_of(arg):
                seen.setdefault(variable.name, variable)
        return list(seen.values())
    return []


class Subjects:
    """Names a threshold that found no lexicon variable after the words in front of it
    ("Stenosis of more than 50%", "LIC > 7 mg/g"): the variable is then that text, with
    no code, so evaluation reports it unknown rather than the parser dropping the value."""

    def __init__(self, stream: Stream, text: str, within: Span) -> None:
        self.bounds = sorted(t.end_pos for t in stream.tokens if t.type not in _TRANSPARENT)
        self.words = sorted(stream.words)
        self.text = text
        self.within = within

    def before(self, span: Span) -> Span | None:
        edge = max((end for end in self.bounds if end <= span.start), default=self.within.start)
        words = [w for w in self.words if edge <= w.start and w.end <= span.start]
        if not words:
            return None
        subject = Span.covering(words)
        self.words[:] = [w for w in self.words if not subject.contains(w)]
        return subject


def finish(item, leftovers: list[Span], subjects: Subjects, thresholds: Thresholds) -> Node | None:
    """Give thresholds without a variable the words before them, else report them unparsed."""
    if isinstance(item, Pending):
        subject = subjects.before(item.span)
        if subject is None:
            leftovers.append(item.span)
            return None
        name = " ".join(subject.text(subjects.text).lower().split())
        return thresholds.settle([Variable(name, subject)], replace(item, span=Span.covering([subject, item.span])))
    if isinstance(item, (Compare, Concept)):
        return item
    if isinstance(item, Not):
        arg = finish(item.arg, leftovers, subjects, thresholds)
        return replace(item, arg=arg) if arg is not None else None
    if isinstance(item, Implies):
        condition, then = finish(item.if_, leftovers, subjects, thresholds), finish(item.then, leftovers, subjects, thresholds)
        if condition is None or then is None:
            return then if condition is None else None
        return replace(item, if_=condition, then=then)
    if isinstance(item, Chunks):
        item = And(item.items, Span.covering([i.span for i in item.items]))
    if isinstance(item, (And, Or)):
        args = [a for a in (finish(x, leftovers, subjects, thresholds) for x in item.args) if a is not None]
        if not args:
            return None
        return (conjoin if isinstance(item, And) else disjoin)(args, item.span if len(args) > 1 else None)
    return None
