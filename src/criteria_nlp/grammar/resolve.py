"""After the grammar: what a threshold with no variable of its own refers to.

A rule can build "<= 75" without knowing whose value it bounds. Within one criterion the
waiting thresholds take the variables of their neighbours ("aged >= 18 and <= 75"), the unit
of the bound after them ("under 18 or over 50 years"), age for a bound in years, the concept
before them ("prednisone < 10 mg"), and finally the words written in front of them ("Stenosis
of more than 50%"). What is still waiting then is reported as unparsed text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TypeVar

from .. import units
from ..logic import And, Comparator, Compare, Concept, Domain, Implies, Node, Not, Or, Relation, Variable, atoms, conjoin, disjoin, named_as, walk, with_children
from ..spans import Span
from .lexer import LEAD_GAP, SITE_LEAD, Stream, Tables, is_modifier
from .thresholds import Bound, Pending, Range, Thresholds, unit_of


def resolve(elements: list, thresholds: Thresholds, apart: frozenset[int] = frozenset(),
            barred: frozenset[int] = frozenset()) -> list:
    """The elements of one parse with their waiting thresholds settled. An element folded
    into its neighbour (a duration or dose into its concept, a stage into its condition)
    leaves None in its place, so the connectives between elements keep their positions.

    Order: a duration word ("of less than 1-year duration") joins the concept before it; a
    bound takes the variables of the threshold before it, else after it ("under 18 or over
    50 years of age"), and the unit of the bound after it; a bound said to be an age is the
    age; a bound next to a concept is how long it lasted or how much of it, else an amount
    of it ("weight loss of >5 kg"). A bound in years that none of this claims is settled
    in ``finish``, once the words in front of it are known. ``apart`` holds the positions
    of elements a written connective ("," "and" "or") separates from the one before: a
    bound never describes a concept across one ("Patients > 18 years, scheduled for a
    procedure"). ``barred`` holds those an "unless" or "except" no rule read stands
    before: not even a duration crosses it ("brain metastases unless treated and stable
    for >= 4 weeks")."""
    out: list = list(elements)
    for i in range(1, len(out)):
        if isinstance(out[i], Pending) and out[i].of_duration and isinstance(out[i - 1], Concept) and i not in barred:
            attach = thresholds.lasting_between if isinstance(out[i].limit, Range) else thresholds.attach
            _fold(out, i - 1, i, attach(out[i - 1], out[i]))
    for i in range(2, len(out)):
        # "diabetes for more than 1 year and less than 10 years": the second length of time
        # bounds the same duration (it was taken for an age)
        lasted, pending = out[i - 2], out[i]
        if (out[i - 1] is None and isinstance(lasted, Concept) and lasted.duration is not None
                and isinstance(pending, Pending) and units.is_time(unit_of(pending.limit)) and i not in barred):
            second = thresholds.attach(replace(lasted, duration=None, window=None), replace(pending, of_duration=True))
            if second is not None and second.duration is not None:
                out[i] = replace(second, span=pending.span)
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        neighbour: list[Variable] = []
        written: set[str | None] = set()  # the units a neighbour named only by words was compared in
        for i in order:
            element = out[i]
            waiting = _pendings(element)
            if waiting:
                if neighbour and all(thresholds.fits(neighbour, p) and _same_measure(p, neighbour, written, thresholds)
                                     for p in waiting):
                    out[i] = _settled(element, neighbour, thresholds)
            elif element is not None:
                found = _mentioned_last(element, out, i, order.step, thresholds) or variables_of(element)
                if found:
                    neighbour, written = found, {c.unit for c in _compares(element)}
    for i in range(1, len(out)):
        # "muscle mass index (AMMI) (<7 kg/m^2 in men; <5.7 kg/m^2 in women)": limits per
        # population right after an observation are values of it
        measured = _measured_by(out[i - 1])
        if measured is not None and i not in apart and _population_limits(out[i]):
            out[i] = _settled(out[i], [measured], thresholds)
    for i in range(len(out) - 1):
        # "under 18 or over 50 years": a bare bound takes the unit of the bound written right after it
        here, after = out[i], out[i + 1]
        if (isinstance(here, Pending) and isinstance(after, Pending) and isinstance(here.limit, Bound)
                and after.span.start - here.span.end <= _JOINED):
            amount = here.limit.amount
            if amount.unit is None and amount.reference is None and unit_of(after.limit):
                out[i] = replace(here, limit=replace(here.limit, amount=replace(amount, unit=unit_of(after.limit))))
    for i, element in enumerate(out):
        if isinstance(element, Pending) and element.aged:
            out[i] = thresholds.settle([thresholds.age(element.span)], element)
    for i in range(len(out)):
        if not isinstance(out[i], Pending):
            continue
        before = (i - 1 if i and i not in apart and isinstance(out[i - 1], Concept)
                  and out[i - 1].domain is not Domain.DEMOGRAPHIC else None)
        if before is not None and _fold(out, before, i, thresholds.attach(out[before], out[i])):
            continue
        if (i + 1 < len(out) and i + 1 not in apart and isinstance(out[i + 1], Concept)
                and _fold(out, i + 1, i, thresholds.attach(out[i + 1], out[i]))):
            continue
        # "weight loss of >5 kg": the amount belongs to the concept, or to what words after it
        # name of it ("PDA diameter > 1.5 mm"), which ``finish`` knows; an amount in a unit
        # after concepts side by side, to one of them ("Uncontrolled Diabetes [hemoglobin A1c,
        # (HbA1c) >7.5%]"; a bare number there is as often a name's: "IL-17", "cT1-2")
        concept = out[before] if before is not None else (
            _ending_concept(out[i - 1]) if i and i not in apart and unit_of(out[i].limit) else None)
        scale = _scale_before(out, i, apart, thresholds) if concept is not None else None
        if scale is not None:
            out[i] = replace(out[i], fallback=scale)
        elif concept is not None and not units.is_period(unit_of(out[i].limit)):
            out[i] = replace(out[i], fallback=named_as(concept))
        elif i and _second_bound(out[i - 1], out[i]):
            # "Stenosis of more than 50% and less than 70%": the second bound bounds the same amount
            out[i] = replace(out[i], fallback=out[i - 1].fallback)
    for i in range(1, len(out)):
        # "Stenosis of more than 50% and less than 70%": bounds written with comparators,
        # joined after the concept in one chunk of their own, are amounts of it as one bound
        # would be; so are the bounds that open such a group ("carotid stenosis <70% ... or
        # diagnosed with angiography")
        group, concept = out[i], out[i - 1]
        bounds = _bare_bounds(group)
        if (bounds and isinstance(concept, Concept) and i not in apart
                and concept.domain is not Domain.DEMOGRAPHIC
                and all(isinstance(b.limit, Bound) and b.limit.comparator is not Comparator.EQ
                        and not units.is_period(unit_of(b.limit)) for b in bounds)):
            named = named_as(concept)
            out[i] = replace(group, args=tuple(replace(a, fallback=named) if a in bounds else a for a in group.args))
    for i, element in enumerate(out):
        if isinstance(element, (Compare, And, Or)) and thresholds.is_stage(element):
            for j in (i + 1, i - 1):
                if 0 <= j < len(out) and isinstance(out[j], Concept) and out[j].domain is Domain.CONDITION:
                    _fold(out, j, i, thresholds.stage_of(out[j], element))
                    break
    return out


def _scale_before(out: list, i: int, apart: frozenset[int], thresholds: Thresholds) -> Variable | None:
    """A scale named before the concepts a bare number follows, that the number can be a
    score of ("mRS before the autoimmune encephalitis > 3", "Kellgren-Lawrence score at
    X-ray evaluation > 3"): a condition or a procedure has no score of its own."""
    pending = out[i]
    if not isinstance(pending.limit, Bound) or pending.limit.amount.unit is not None or pending.limit.amount.reference is not None:
        return None
    j = i - 1
    while j >= 0 and j + 1 not in apart and isinstance(out[j], Concept) and out[j].domain in _SCORELESS:
        j -= 1
    named = out[j] if 0 <= j < i - 1 and j + 1 not in apart else None
    if not isinstance(named, Concept) or named.domain is not Domain.OBSERVATION or named.qualifiers:
        return None
    variable = named_as(named)
    if not _is_scale(variable, thresholds) or not thresholds.agrees(variable, pending.limit):
        return None
    return variable


def _is_scale(variable: Variable, thresholds: Thresholds) -> bool:
    entry = thresholds.lexicon.variable(variable.name)
    return entry is not None and entry.is_scale


_SCORELESS = frozenset({Domain.CONDITION, Domain.PROCEDURE})
_SITED = frozenset({Domain.CONDITION, Domain.PROCEDURE})  # what a body site after it can narrow


def _mentioned_last(element, out: list, i: int, step: int, thresholds: Thresholds) -> list[Variable]:
    """The lexicon variable a group ends by naming without a bound, right before the bound
    after it ("ECOG performance status: <= 2 and the Hematopoietic Cell Transplant-Co-morbidity
    Index (HCT-I): <=3"): that bound is this variable's, not the one bounded earlier."""
    last = element.args[-1] if isinstance(element, And) and step == 1 else None
    after = out[i + 1] if i + 1 < len(out) else None
    if (isinstance(last, Concept) and last.domain is Domain.OBSERVATION and not last.qualifiers
            and isinstance(after, Pending) and after.span.start - last.span.end <= _NAMED_GAP
            and thresholds.lexicon.variable(last.name) is not None):
        return [named_as(last)]
    return []


_NAMED_GAP = 12  # characters between a variable's name and its bound: " (HCT-I): "


def _ending_concept(element) -> Concept | None:
    """The concept of a group ending in concepts that an amount after it measures: its last
    observation ("Background noise level during music therapy must be 55dB or less"), else
    its last concept if that names no population."""
    if not isinstance(element, (And, Or)) or not isinstance(element.args[-1], Concept):
        return None
    ending: list[Concept] = []
    for arg in reversed(element.args):
        if not isinstance(arg, Concept):
            break
        ending.append(arg)
    measured = next((c for c in ending if c.domain is Domain.OBSERVATION), ending[0])
    return measured if measured.domain is not Domain.DEMOGRAPHIC else None


def _second_bound(first, second: Pending) -> bool:
    """Whether a bound, only a connective after one that describes a concept, bounds the
    same amount from its other side."""
    if not (isinstance(first, Pending) and first.fallback is not None and second.fallback is None
            and isinstance(first.limit, Bound) and isinstance(second.limit, Bound)
            and second.span.start - first.span.end <= _JOINED):
        return False
    comparators = {first.limit.comparator, second.limit.comparator}
    return Comparator.EQ not in comparators and not units.is_period(unit_of(second.limit))


def _bare_bounds(element) -> list[Pending]:
    """The bounds still without a variable that open a group."""
    if not isinstance(element, (And, Or)):
        return []
    opening: list[Pending] = []
    for arg in element.args:
        if not isinstance(arg, Pending):
            break
        opening.append(arg)
    return opening


def _same_measure(pending: Pending, neighbour: list[Variable], written: set[str | None], thresholds: Thresholds) -> bool:
    """A variable the lexicon does not know has no usual unit to check a bound against; a
    bound takes it only in a unit it was written with ("salivary flow (>60 sec) or acidic
    saliva pH˂5.8" leaves the pH alone)."""
    if all(thresholds.lexicon.variable(v.name) is not None for v in neighbour):
        return True
    unit = unit_of(pending.limit)
    return unit in written or (unit is not None and any(w is not None and units.same_kind(unit, w) for w in written))


def _compares(node) -> list[Compare]:
    """The compares of an element that may still hold waiting bounds, which ``logic.atoms``
    cannot walk."""
    if isinstance(node, Compare):
        return [node]
    if isinstance(node, Implies):
        return _compares(node.then)
    if isinstance(node, (And, Or, Not)):
        return [c for arg in (node.args if isinstance(node, (And, Or)) else (node.arg,)) for c in _compares(arg)]
    return []


def _pendings(element) -> list[Pending]:
    """The bounds of an element still without a variable: a bare one, one under a condition
    ("< 470 ms for women"), or a group of those ("(< 13 g/dL in men; < 12 g/dL in women)");
    none when the element is anything else."""
    if isinstance(element, Pending):
        return [element]
    parts = element.args if isinstance(element, (And, Or)) else (element,)
    thens = [then for then in map(_pending_then, parts) if then is not None]
    return thens if isinstance(element, (Implies, And, Or)) and len(thens) == len(parts) else []


def _population_limits(element) -> bool:
    """Whether an element is two or more limits each under its population's condition."""
    return (isinstance(element, (And, Or)) and len(element.args) > 1
            and all(isinstance(a, Implies) and _pending_then(a) is not None for a in element.args))


def _measured_by(element) -> Variable | None:
    """The value an observation names: by the first of its names, written where all of them
    are ("muscle mass index (AMMI)")."""
    first = element.args[0] if isinstance(element, Or) else element
    if (isinstance(first, Concept) and first.domain is Domain.OBSERVATION
            and (first is element or all(isinstance(a, Concept) and a.domain is Domain.OBSERVATION for a in element.args))):
        return named_as(first, element.span)
    return None


def _pending_then(node: Node) -> Pending | None:
    """A condition's consequence while it is still a bare bound: a Pending stands where a
    Node will, until its variable is settled."""
    then: object = node.then if isinstance(node, Implies) else None
    return then if isinstance(then, Pending) else None


def _settled(element, variables: list[Variable], thresholds: Thresholds):
    pending = _pending_then(element)
    if pending is not None:
        return replace(element, then=thresholds.settle(variables, pending))
    if isinstance(element, (And, Or)):
        return replace(element, args=tuple(_settled(a, variables, thresholds) for a in element.args))
    return thresholds.settle(variables, element)


def windows_over_lists(node, text: str, future_words: frozenset[str] = frozenset()):
    """"MI, stroke or unstable angina within 6 months": a window written after a plain list
    of concepts bounds every item, not the last one only, and so it does where the text
    goes on after the window ("A, B or C within 4 weeks, or need for surgery during the
    study") once "or"/"and" has closed the list; an item amid commas keeps its window
    ("unstable angina, MI within 6 months, heart failure"). The list is the run of items
    before the window joined by written commas, "and" or "or" alone (not side by side:
    "heparin prior to CPB"; not across "such as"), none with a window of its own; a
    window in a parenthesis stays the last item's ("acute disease or recently diagnosed
    chronic disease (< 2 months)"), unlike one after a short form ("anticoagulants or
    NSAIDs (NSAID) within 48 hours"), and so does a plan ("pregnant or planning to become
    pregnant within 6 months": ``future_words``)."""
    if isinstance(node, Not):
        return replace(node, arg=windows_over_lists(node.arg, text, future_words))
    if not isinstance(node, (And, Or)):
        return node
    args = list(windows_over_lists(a, text, future_words) for a in node.args)
    own = [isinstance(a, Concept) and a.window is not None for a in args]
    for last in range(len(args) - 1, 0, -1):
        timed = args[last]
        if (not own[last] or not isinstance(timed, Concept) or timed.window is None or timed.span.text(text).endswith(")")
                or any(q in future_words for q in timed.qualifiers)):
            continue
        if last < len(args) - 1 and not _CLOSING.search(text[args[last - 1].span.end:timed.span.start]):
            continue  # "unstable angina, MI within 6 months, heart failure": the window is the item's own
        first = last
        while (first and _LISTING.fullmatch(text[args[first - 1].span.end:args[first].span.start])
               and isinstance(args[first - 1], Concept) and not own[first - 1] and args[first - 1].window is None
               and args[first - 1].domain is not Domain.DEMOGRAPHIC):
            first -= 1
        args[first:last] = [replace(a, window=timed.window) for a in args[first:last]]
    if own and own[0] and _WINDOW_THEN_COLON.match(args[0].span.text(text)):
        # "Use of the following drugs within 2 weeks: lithium, nicotine, warfarin": a window
        # written before the colon of a list bounds every item of it
        after = 1
        while (after < len(args) and _LISTING.fullmatch(_SHORT_FORM.sub("", text[args[after - 1].span.end:args[after].span.start]))
               and isinstance(args[after], Concept) and not own[after] and args[after].domain is not Domain.DEMOGRAPHIC):
            after += 1
        args[1:after] = [replace(a, window=args[0].window) for a in args[1:after]]
    return replace(node, args=tuple(args))


_WINDOW_THEN_COLON = re.compile(r"[^:()]+:\s*\S")  # "within 2 weeks: lithium", "within two weeks of randomization: MAOIs"
_SHORT_FORM = re.compile(r"^\s*\([^()]{1,15}\)")  # "myocardial infarction (MI), stroke"


# "... >= 12 at screening", "... (at screening", "18 to 85 years inclusive at screening", "at the time of enrollment"
_CHECKED_AT = re.compile(r"\s*(?:inclusive\s*)?\(?\s*at\s+(?:the\s+(?:time|day)\s+of\s+(?:the\s+)?)?", re.IGNORECASE)


def checked_at(node: Node, anchors: list[Span], text: str) -> tuple[Node, list[Span], list[Span]]:
    """"QMG score >= 12 at screening", "IgG < 6 g/L (at screening)", "Age 18 or older at the
    time of enrollment": the time criteria are checked at, written right after an atom, is
    part of what that atom says; its span takes the words in rather than report them, which
    would leave a met criterion unknown. Returns the logic, the anchors no atom took and the
    stretches of text the atoms took in."""
    left: list[Span] = []
    taken: list[Span] = []
    for anchor in anchors:
        before = [a for a in atoms(node) if a.span.end <= anchor.start
                  and _CHECKED_AT.fullmatch(text, a.span.end, anchor.start)]
        if not before:
            left.append(anchor)
            continue
        end = anchor.end + (text[anchor.end:anchor.end + 1] == ")" and "(" in text[before[-1].span.end:anchor.start])
        taken.append(Span(before[-1].span.end, end))
        node = _widened(node, before[-1], end)
    return node, left, taken


def repeats_merged(node: Node) -> Node:
    """"an investigational drug or therapy" (the lexicon names an investigational therapy an
    investigational drug), "No smokers or smokers ...": the same atom twice in a row under one
    connective says it once; one node spans both writings of it."""
    node = with_children(node, repeats_merged)
    if not isinstance(node, (And, Or)):
        return node
    args: list[Node] = []
    for arg in node.args:
        if args and _same_atom(args[-1], arg):
            args[-1] = replace(args[-1], span=Span.covering([args[-1].span, arg.span]))
            continue
        args.append(arg)
    return args[0] if len(args) == 1 else replace(node, args=tuple(args))


def _same_atom(first: Node, second: Node) -> bool:
    if isinstance(first, Concept) and isinstance(second, Concept):
        return not first.other_than and not second.other_than and replace(first, span=second.span) == second
    if isinstance(first, Compare) and isinstance(second, Compare):
        return replace(first, span=second.span, variable=replace(first.variable, span=second.variable.span)) == second
    return False


def named_ages(node: Node, text: str, within: Span, age: str) -> Node:
    """Ages bounded where the text names the age apart from the bound ("aged between ≥20
    and ≤45 years old", "≥ 12 to < 18 years of age") are named by that word: the variable's
    span is the nearest "age"/"aged"/"ages" of the criterion, not the bound's own text."""
    words = [Span(m.start(), m.end()) for m in _AGE_WORD.finditer(text, within.start, within.end)]
    if not words:
        return node

    def named(part):
        if isinstance(part, Compare) and part.variable.name == age and not _AGE_WORD.search(part.variable.span.text(text)):
            nearest = min(words, key=lambda w: max(w.start - part.span.end, part.span.start - w.end))
            if max(nearest.start - part.span.end, part.span.start - nearest.end) <= _AGE_REACH:
                return replace(part, variable=replace(part.variable, span=nearest))
        return part
    return _mapped(node, named)


def qualified_mentions(node: Node, qualifiers: list[tuple[Span, str]], text: str) -> tuple[Node, set[Span]]:
    """"abnormal ECG", "clinically significant abnormal TSH": a qualifier no rule took, right
    before an observation named without a threshold, is what to look for in it. The grammar
    cannot take it (a qualifier before a variable would steal the variable from its bound),
    so the words are joined here; returns the tree and the spans of the qualifiers used."""
    used: set[Span] = set()
    if not qualifiers:
        return node, used

    def joined(part):
        if not (isinstance(part, Concept) and part.domain is Domain.OBSERVATION and not part.qualifiers):
            return part
        start, taken = part.span.start, []
        for where, value in qualifiers[::-1]:
            if where.end <= start and not text[where.end:start].strip():
                taken.append((where, value))
                start = where.start
        if not taken:
            return part
        used.update(where for where, _ in taken)
        return replace(part, qualifiers=tuple(value for _, value in taken[::-1]), span=Span(start, part.span.end))
    return _mapped(node, joined), used


def planned_ahead(node: Node, tables: Tables) -> Node:
    """A window on something the patient plans ("planning to become pregnant within 12
    months", ``data/future_words.txt``) counts forward from enrollment: it was read as
    looking back, which every window does unless its words say "after"."""
    def ahead(part):
        if (isinstance(part, Concept) and part.window is not None and part.window.relation is Relation.BEFORE
                and any(q in tables.future_words for q in part.qualifiers)):
            return replace(part, window=replace(part.window, relation=Relation.AFTER))
        return part
    return _mapped(node, ahead)


def composed_names(node: Node, tables: Tables) -> Node:
    """"prostatic or bladder cancer", "renal insufficiency, chronic": a concept's one
    qualifier that with its name is a concept of its own in the lexicon names that concept
    ("prostate cancer", "chronic kidney disease"), which the qualifier was kept apart from
    by another word or its place. Shown but not checked, it let any cancer meet the
    criterion."""
    def entry_of(part):
        if not isinstance(part, Concept) or part.domain is Domain.DEMOGRAPHIC or len(part.qualifiers) != 1:
            return None  # "active or recent bleeding" is either: no one composed name says so
        form = tables.forms.get(f"{part.qualifiers[0]} {part.name}")
        entry = tables.concept(form[1]) if form is not None and form[0] == "CONCEPT" else None
        return entry if entry is not None and entry.name != part.name and entry.domain is part.domain else None

    def composed(part):
        entry = entry_of(part)
        return part if entry is None else replace(part, name=entry.name, code=entry.code, system=entry.system, qualifiers=())
    return _mapped(node, composed) if any(entry_of(a) is not None for a in atoms(node)) else node


def named_rates(node: Node, text: str, tables: Tables, thresholds: Thresholds) -> Node:
    """A threshold written right after the habit or measure it counts is named by it:
    "Smokers of more than 10 cigarettes a day", "Alcohol consumption (> 2 drinks per day)".
    The concept's own words are the variable's; the concept goes, since the threshold
    already requires it. A habit put in the past stays ("former smokers of > 10
    pack-years": ``data/past_words.txt``), and so does a thing counted before its own
    measure ("at least one tibial vessel of at least 40mm"): only a lexicon variable is its
    own rate."""
    kinds = {type(a) for a in atoms(node)}
    if Concept not in kinds or Compare not in kinds:
        return node

    def by_habit(part: Node) -> Node:
        if not isinstance(part, And):
            return part
        out: list[Node] = []
        for arg in part.args:
            last = out[-1] if out else None
            if isinstance(last, Concept) and _counts(last, arg, text, tables, thresholds):
                out[-1] = _named_by(arg, last.span)
            else:
                out.append(arg)
        return part if len(out) == len(part.args) else conjoin(out, part.span)
    return _mapped(node, by_habit)


def _counts(concept: Concept, node, text: str, tables: Tables, thresholds: Thresholds) -> bool:
    if (concept.domain is not Domain.OBSERVATION or concept.window is not None or concept.count is not None
            or concept.duration is not None or concept.dose is not None
            or any(word in tables.past_words for q in concept.qualifiers for word in re.split(r"[\s-]+", q))):
        return False
    if not isinstance(node, (Compare, And, Or)) or not _RATE_GAP.fullmatch(text[concept.span.end:node.span.start]):
        return False
    compares = _compares(node)
    return bool(compares) and len(compares) == len(atoms(node)) and all(
        c.variable.name == f"{concept.name} frequency" or tables.rate_subjects.get(c.variable.name) == concept.name
        or (c.variable.name == concept.name and thresholds.lexicon.variable(concept.name) is not None)
        for c in compares)


def _named_by(node, span: Span):
    """``node`` with each threshold's variable written at ``span``, and the spans above it
    reaching back to it."""
    if isinstance(node, Compare):
        return replace(node, variable=replace(node.variable, span=span), span=Span.covering([span, node.span]))
    return replace(with_children(node, lambda child: _named_by(child, span)), span=Span.covering([span, node.span]))


_RATE_GAP = re.compile(r"[\s(:,-]*(?:of\s*)?\(?\s*", re.IGNORECASE)


def _mapped(node, change):
    """``node`` with ``change`` applied to every node below it, bottom up."""
    return change(with_children(node, lambda child: _mapped(child, change)))


_AND_ONLY = re.compile(r"\s*,?\s*(?:and|but)\s*", re.IGNORECASE)  # "more than 2 months and less than 5 years"
_AGE_WORD = re.compile(r"\bage[sd]?\b", re.IGNORECASE)
_AGE_REACH = 40  # characters between a bound and the word that names it an age


def _widened(node, atom, end: int):
    """``node`` with ``atom``'s span, and those of the nodes above it, reaching ``end``."""
    if node is atom or _holds(node, atom):
        node = replace(node, span=Span(node.span.start, max(node.span.end, end)))
    return node if node is atom else with_children(node, lambda child: _widened(child, atom, end))


def _holds(node, atom) -> bool:
    return any(n is atom for n in walk(node))


_Join = TypeVar("_Join")  # whatever joins the elements: the transformer's connectives
_CLOSING = re.compile(r"\b(?:or|and)\b", re.IGNORECASE)  # the conjunction that ends a written list
_LISTING = re.compile(r" *(?:,|/|(?:, *)?(?:and/or|or|and)) *", re.IGNORECASE)  # written list joins, not side by side


def _fold(out: list, keep: int, gone: int, merged) -> bool:
    """Put ``merged`` at ``keep`` and leave None at ``gone``; False when nothing merged."""
    if merged is None:
        return False
    out[keep], out[gone] = merged, None
    return True


def joined(elements: list, connectives: list[_Join]) -> tuple[list, list[_Join]]:
    """Elements without the ones folded away (None), and the connectives between the rest."""
    kept: list = []
    joins: list[_Join] = []
    for i, element in enumerate(elements):
        if element is None:
            continue
        if kept:
            joins.append(connectives[i - 1])
        kept.append(element)
    return kept, joins


@dataclass(frozen=True, slots=True)
class Chunks:
    """Results of separately parsed chunks of one criterion, read as "and"."""

    items: tuple


_TRANSPARENT = {"OF", "LPAR", "RPAR"}
_AFTER_AGE = {"", "and", "or", "who", "with", "without", "at", "in", "on"}  # words that can follow a bare age
_MODIFIERS = 3  # words before a concept read as its qualifiers
_SITE_JOIN = re.compile(r"|\s*(?:,|/|and|or|and/or)?\s*", re.IGNORECASE)  # between site words
_SITE_END = re.compile(r"\s*(?:$|[,;.:()\]]|(?:and|or|with|without|within|who|that|which|due|for|in|on|at|during|"
                       r"except|from|after|before|since|prior|requiring|resulting|including|such)\b)", re.IGNORECASE)
_SITE_JOINS = frozenset({"and", "or"})  # inside a written site ("head and neck")
_SITE_NOUNS = frozenset({"site", "sites"})  # "the injection site": a place named by what happens there
_SITE_NAME_WORDS = 3
_ALTERNATIVE_GAP = re.compile(r"\s*(?:,\s*(?:(?:and/or|or|and)\s+)?|(?:and/or|or|and)\s+)", re.IGNORECASE)
_MEASURE_NAME_WORDS = 5
_JOINED = len(" and/or ")  # the widest gap between two bounds with only a connective between
_NOT_COUNTED = ("ing", "ed")  # "greater than 5 impacting activities": a verb follows, no counted noun


def _report_join(text: str, start: int, end: int, leftovers: list[Span]) -> None:
    """The words that joined a part no rule could read to the one before it go with that
    part ("NSAIDs including <unread>"); a plain list join ("," "or" "and") says nothing."""
    gap = text[start:end]
    if gap.strip(" ,;/()") and not _LISTING.fullmatch(gap):
        lead = len(gap) - len(gap.lstrip(" ,;/("))
        trail = len(gap) - len(gap.rstrip(" ,;/("))
        leftovers.append(Span(start + lead, end - trail))


def _modified(concept: Concept, subjects: Subjects, sited: bool = True) -> Node:
    """Words no rule read, written right before a concept, narrow it ("ipsilateral
    acetabular fracture", "primary liver transplantation"): its qualifiers, shown, not
    checked, rather than unparsed words beside it. Modifiers listed before them are
    alternatives that share the concept ("cluster or hemiplegic migraine")."""
    concept = replace(concept, qualifiers=tuple(dict.fromkeys(concept.qualifiers)))  # "serious illnesses (e.g., serious ..."
    head = subjects.head(concept.span)
    inner = subjects.modifiers(concept.span, head) if head is not None else []
    # "the following drugs within 2 weeks: lithium": words before a colon the concept's span
    # took in are the list's head, not the item's modifiers
    listed = head is not None and ":" in subjects.text[concept.span.start:head]
    words = (subjects.modifiers(concept.span) if not listed else []) + inner
    site = subjects.site_after(subjects.name_span(concept)) if sited and concept.domain in _SITED else None
    if site is not None:
        where = " ".join(site.text(subjects.text).lower().split())
        concept = replace(concept, qualifiers=(*concept.qualifiers, where), span=Span.covering([concept.span, site]))
    if not words:
        return concept
    written = " ".join(" ".join(w.text(subjects.text).split()) for w in words).lower()
    modified = replace(concept, qualifiers=tuple(dict.fromkeys((written, *concept.qualifiers))),
                       span=Span.covering([*words, concept.span]))
    others = subjects.alternatives(words[0].start)
    if not others:
        return modified
    kinds = [replace(concept, qualifiers=(" ".join(w.text(subjects.text).lower().split()), *concept.qualifiers), span=w)
             for w in others]
    return disjoin([*kinds, modified], Span.covering([*others, modified.span]))


def _alternatives_of(node: Node) -> tuple[Concept, ...]:
    """The concepts a modified kind became: itself, or the alternatives sharing it."""
    return tuple(a for a in (node.args if isinstance(node, Or) else (node,)) if isinstance(a, Concept))


def _balanced(name: str) -> str:
    """A name without the closing parenthesis of one it does not open ("TICS) score"), and
    with the one it opens closed ("index (AMMI" where the bound's own parenthesis follows)."""
    if name.find(")") < name.find("(") or "(" not in name:
        name = name.replace(")", " ", 1)
    return name + ")" if name.count("(") > name.count(")") else name


def _adjacent(gap: str) -> bool:
    """Nothing but spaces, hyphens or one parenthesis (its abbreviation: "Telephone
    Interview for Cognitive Status (TICS) score") between a name and the words after it,
    or the end of the parenthesis the name stands in ("(TICS) score")."""
    gap = gap.strip(" -")
    return not gap or gap == ")" or (gap[0] == "(" and gap[-1] == ")" and gap.count("(") == 1)


def variables_of(node) -> list[Variable]:
    if isinstance(node, Compare):
        return [node.variable]
    if isinstance(node, Implies):  # "QTc > 470 ms for women": the threshold's variable
        return variables_of(node.then)
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
    no code, so evaluation reports it unknown rather than the parser dropping the value. A
    later threshold with no words of its own takes the last name given, as thresholds
    take their neighbours' variables ("handgrip strength (<26 kg in men; <18 kg in
    women)")."""

    def __init__(self, stream: Stream, text: str, within: Span, never_qualifiers: frozenset[str] = frozenset(),
                 population_words: frozenset[str] = frozenset(), body_sites: frozenset[str] = frozenset(),
                 measure_heads: frozenset[str] = frozenset(), kind_participles: frozenset[str] = frozenset()) -> None:
        self.bounds = sorted(t.end_pos for t in stream.tokens if t.type not in _TRANSPARENT)
        self.tokens = stream.tokens
        self.words = sorted(stream.words)
        self.starts = [w.start for w in self.words]
        self.text = text
        self.within = within
        self.never_qualifiers = never_qualifiers
        self.population_words = population_words
        self.body_sites = body_sites
        self.measure_heads = measure_heads
        self.kind_participles = kind_participles
        self.last: Variable | None = None
        self.lasted: Concept | None = None  # the last thing the words in front said lasted
        self.token_starts: list[int] | None = None

    def site_after(self, span: Span) -> Span | None:
        """"radiotherapy in the head and neck region", "injuries to sacrum/buttocks": the
        words after ``span`` that say where (``data/body_sites.txt``), taken, with their
        preposition; None when the words there are not all of the body."""
        lead = SITE_LEAD.match(self.text, span.end, self.within.end)
        if lead is None:
            return None
        k = bisect_left(self.starts, lead.end())
        first = k
        end = lead.end()
        while k < len(self.words) and _SITE_JOIN.fullmatch(self.text[end:self.words[k].start]):
            word = self.words[k].text(self.text).lower()
            if not all(p in self.body_sites or p in _SITE_JOINS for p in re.split(r"[\s/-]+", word) if p):
                named = self._site_named(k)
                if named is None:
                    break
                k = named
            end = self.words[k].end
            k += 1
        if k == first or self.words[first].start != lead.end() or not _SITE_END.match(self.text, end, self.within.end):
            return None  # "in left atrium", "on pelvic imaging": the site words name only part of a name
        lead_words = bisect_left(self.starts, lead.start())  # "involving", "affecting": read with the site
        del self.words[lead_words:k], self.starts[lead_words:k]
        return Span(lead.start() + len(lead.group(0)) - len(lead.group(0).lstrip()), end)  # from the preposition

    def name_span(self, concept: Concept) -> Span:
        """Where a concept's words end when its span also covers a window written after
        them ("surgery on the face within the past 6 months"): the site follows the name."""
        if concept.window is None:
            return concept.span
        name = next((t for t in self.tokens if concept.span.start <= t.start_pos < concept.span.end
                     and t.type == "CONCEPT"), None)
        return concept.span if name is None else Span(concept.span.start, name.end_pos or name.start_pos)

    def _site_named(self, k: int) -> int | None:
        """Where "<words> site" ends when word ``k`` starts it, within three words written
        side by side ("at the injection site", "at the catheter insertion site"); else None."""
        for j in range(k, min(k + _SITE_NAME_WORDS, len(self.words))):
            if j > k and self.text[self.words[j - 1].end:self.words[j].start] != " ":
                return None
            if self.words[j].text(self.text).lower() in _SITE_NOUNS:
                return j if j > k else None
        return None

    def head(self, span: Span) -> int | None:
        """Where the words of the concept spanning ``span`` start, when words its rule took
        in stand before them with unread words between ("Prior ipsilateral leg injury",
        "Pathologic confirmation of lung adenocarcinoma", a window written first: "< 3
        months since start of vaginal estrogen treatment"); else None."""
        first = next((t for t in self.tokens if span.start <= t.start_pos < span.end), None)
        if first is None or first.type in ("CONCEPT", "REACTION", "FAMILY", "RISK", "TREATED"):
            return None
        name = next((t for t in self.tokens if first.start_pos < t.start_pos < span.end and t.type == "CONCEPT"), None)
        if name is None:
            return None
        if first.type == "QUAL":
            before = max((t.end_pos for t in self.tokens if first.start_pos <= t.start_pos < name.start_pos), default=first.end_pos)
            if not self.text[before:name.start_pos].strip():
                return None  # "severe lung disease": nothing unread between
        return name.start_pos

    def after_population(self, span: Span) -> bool:
        """Whether ``span`` comes right after a word naming people and is not followed by
        what it counts: "patients <18" is an age, "patients > 2 prior lines" is not."""
        head = self.text[max(self.within.start, span.start - 24):span.start]
        words = head.split()
        tail = self.text[span.end:self.within.end].split(maxsplit=1)
        follows = tail[0].strip(",;.").lower() if tail else ""
        return (bool(words) and head[-1:].isspace() and words[-1].lower() in self.population_words
                and (not follows or follows in _AFTER_AGE or not follows[0].isalnum()))

    def before(self, span: Span) -> Span | None:
        """The words between the last token before ``span`` and ``span``, taken: found by
        bisection, so a criterion of many bounds stays linear."""
        at = bisect_right(self.bounds, span.start)
        edge = self.bounds[at - 1] if at else self.within.start
        opened = self.text.rfind("(", edge, span.start)
        if (opened > edge and self.text[opened - 1].isspace() and ")" not in self.text[opened:span.start]
                and self.text[opened + 1:span.start].strip()):
            edge = opened  # "high school (grades 6-12)": the bound's parenthesis holds its name
        low, high = bisect_left(self.starts, edge), bisect_left(self.starts, span.start)
        while high > low and self.words[high - 1].end > span.start:
            high -= 1
        return self._take(low, high)

    def inside(self, span: Span, limit: Span) -> Span | None:
        """The words a threshold's own extent holds before its number: a negation takes in
        what it negates ("not engaged in exercise programs for at least one year")."""
        return self._take(bisect_left(self.starts, span.start), bisect_left(self.starts, limit.start))

    def after_of(self, span: Span) -> Span | None:
        """The words joined to ``span`` by "of" and nothing else ("at least 12 years of
        education"), taken."""
        starts = self._token_starts()
        at = bisect_left(starts, span.end)
        if at == len(starts) or not any(t.start_pos == starts[at] and t.type == "OF" for t in self.tokens):
            return None
        low = bisect_left(self.starts, span.end)
        if low < len(self.starts) and self.starts[low] < starts[at]:
            return None
        stop = starts[at + 1] if at + 1 < len(starts) else self.within.end
        return self._take(low, bisect_left(self.starts, stop))

    def counted(self, span: Span) -> Span | None:
        """The words written right after a bare count, up to the next token or filler ("at
        least one antenatal clinical visit)", "at least 4 sites with"), taken: what it counts."""
        low = bisect_left(self.starts, span.end)
        if (low == len(self.starts) or not self.text[span.end:self.starts[low]].isspace()
                or not self.text[self.starts[low]].isalpha()
                or self.words[low].text(self.text).lower().endswith(_NOT_COUNTED)):
            return None
        starts = self._token_starts()
        at = bisect_left(starts, span.end)
        stop = starts[at] if at < len(starts) else self.within.end
        high = low + 1
        while (high < len(self.words) and self.words[high].end <= stop
               and not self.text[self.words[high - 1].end:self.words[high].start].strip(" -")):
            high += 1
        return self._take(low, high) if self.words[high - 1].end <= stop else None

    def _token_starts(self) -> list[int]:
        """Where the tokens start, in order: asked for rarely, so read once when first asked."""
        if self.token_starts is None:
            self.token_starts = sorted(t.start_pos for t in self.tokens)
        return self.token_starts

    def modifiers(self, span: Span, head: int | None = None) -> list[Span]:
        """The words written right before ``span`` with nothing but spaces or hyphens
        between them ("ipsilateral acetabular fracture"; "neck and shoulder surgery" has
        "shoulder"), at most ``_MODIFIERS``, taken; a word that changes what a criterion
        means ("except", "other") or says what someone does ("requiring") is never one
        (``lexer.is_modifier``), and stays reported. ``head``: where the concept's own
        words start when its span took in a word before them ("Prior ipsilateral leg
        injury")."""
        edge = span.start if head is None else head
        high = bisect_right(self.starts, edge)
        low = high
        while (low > 0 and high - low < _MODIFIERS and self.words[low - 1].end <= edge
               and not self.text[self.words[low - 1].end:edge].strip(" -")
               and is_modifier(self.words[low - 1].text(self.text), self.never_qualifiers, self.kind_participles)):
            low -= 1
            edge = self.words[low].start
        taken = self.words[low:high]
        del self.words[low:high], self.starts[low:high]
        return taken

    def alternatives(self, edge: int) -> list[Span]:
        """Single modifier words listed with "or" right before ``edge`` ("guttate, inverse,
        or" before "drug-induced psoriasis"), taken. A list with no "or" is of stacked
        modifiers, and a first word that closes a phrase of unread words ("swallowing
        medication, or any gastrointestinal disorder") is no modifier of what follows."""
        k, right, either = bisect_right(self.starts, edge), edge, False
        while k > 0 and self.words[k - 1].end <= right:
            gap = _ALTERNATIVE_GAP.fullmatch(self.text[self.words[k - 1].end:right])
            word = self.words[k - 1].text(self.text)
            if gap is None or " " in word.strip() or not is_modifier(word, self.never_qualifiers, self.kind_participles):
                break
            either = either or "or" in gap.group(0).lower()
            k -= 1
            right = self.words[k].start
        high = bisect_right(self.starts, edge)
        if not either or k == high or (k and not self.text[self.words[k - 1].end:self.words[k].start].strip()):
            return []  # no "or", or the first word ends a phrase of words before it ("vaginal intercourse, or")
        taken = self.words[k:high]
        del self.words[k:high], self.starts[k:high]
        return taken

    def _take(self, low: int, high: int) -> Span | None:
        if high <= low:
            return None
        subject = Span.covering(self.words[low:high])
        del self.words[low:high], self.starts[low:high]
        return subject


def _count(limit: Bound | Range, text: str) -> bool:
    """Whether a bound could count things: a whole number written without decimals ("2.0 V"
    is a measure), with no unit or reference, and a comparator, as "Grade 0 finger" and "12
    channel ECG" have none."""
    if not isinstance(limit, Bound) or limit.comparator is Comparator.EQ:
        return False
    amount = limit.amount
    return (amount.unit is None and amount.reference is None and float(amount.value).is_integer()
            and "." not in amount.span.text(text))


def _named_apart(args: list, subjects: Subjects) -> list:
    """"Anxiety score of 8 or more", "PDA diameter > 2 mm": a concept whose words are part
    of the name of a threshold beside it names what is measured; it is no criterion of its
    own (the patient need not have an anxiety disorder), nor is one whose words start the
    name ("Cohen-Mansfield Agitation Inventory score"). A concept that is the whole name
    ("Renal insufficiency (> 265 umol/l)") stays: it is what the threshold says of it,
    unless it is a drug whose own words name a level ("basal insulin ≥ 20 uU/ml"): a
    drug's level is no sign of taking it ("nicotine strength" of what one uses is)."""
    if not any(isinstance(a, Concept) for a in args):
        return args
    compares = [a for a in args if isinstance(a, Compare) and _short(subjects, a.variable.span)]
    names = [a.variable.span for a in compares if _measure_word(subjects, a.variable.span)]
    levels = [a.variable.span for a in compares if a.unit is not None and not units.is_dose(a.unit)]
    leading = [a.span for a in args if isinstance(a, Concept) and any(a.span.start <= n.start < a.span.end < n.end for n in names)]
    return [_named_from(a, leading, subjects.text) if isinstance(a, Compare) else a for a in args
            if not (isinstance(a, Concept) and (
                a.span in leading or any(n.contains(a.span) and n.end > a.span.end for n in names)
                or (a.domain is Domain.DRUG and any(a.span.contains(n) for n in levels))))]


def _named_from(compare: Compare, leading: list[Span], text: str) -> Compare:
    """"full-mouth bleeding score < 25%", "Cohen-Mansfield Agitation Inventory score": the
    words a concept took in before a measure's name start that name."""
    name = compare.variable
    start = next((s for s in leading if s.start < name.span.start < s.end < name.span.end), None)
    if start is None or name.code is not None:
        return compare
    span = Span(start.start, name.span.end)
    return replace(compare, variable=Variable(" ".join(_balanced(span.text(text)).lower().split()), span),
                   span=Span.covering([span, compare.span]))


def _denied_beside(args: list, leftovers: list[Span]) -> list:
    """A concept and-ed with its own denial asks for what no one can be. Denial first
    ("Inability to follow the protocol and comply with follow-up requirements"): what the
    text asks is the denial, whose scope the second verb fell out of; the bare concept's
    words are reported. Concept first ("Breastfeeding women unwilling to stop
    breastfeeding"): it is who the criterion is about, and the denial of it is of some act
    no rule read; that denial's words are reported."""
    denied = {_bare(a.arg): a.span.start for a in args if isinstance(a, Not) and isinstance(a.arg, Concept)}
    if not denied:
        return args
    stated = {_bare(a): a.span.start for a in args if isinstance(a, Concept)}
    dropped = [a for a in args
               if (isinstance(a, Concept) and denied.get(_bare(a), a.span.start) < a.span.start)
               or (isinstance(a, Not) and isinstance(a.arg, Concept) and stated.get(_bare(a.arg), a.span.start) < a.span.start)]
    if not dropped or len(dropped) == len(args):
        return args
    leftovers.extend(a.span for a in dropped)
    return [a for a in args if not any(a is d for d in dropped)]


def _bare(concept: Concept) -> tuple:
    """What a concept says, without the text it came from, to compare two mentions of it."""
    return (concept.domain, concept.name, concept.code, concept.system, concept.qualifiers, concept.window, concept.count,
            concept.duration, concept.dose)


def _short(subjects: Subjects, name: Span) -> bool:
    """A name of a few words; a long one took in the words of a whole clause."""
    return 0 < len(subjects.text[name.start:name.end].split()) <= _MEASURE_NAME_WORDS


def _lasted_again(lasted: Concept, item: Pending, text: str, thresholds: Thresholds) -> Concept | None:
    """"Episode duration more than 2 months and less than 5 years": a length of time right
    after "and" that follows how long something lasted bounds the same length (alone it
    was taken for the age)."""
    if not _AND_ONLY.fullmatch(text[lasted.span.end:item.span.start]):
        return None
    again = thresholds.attach(replace(lasted, duration=None, window=None), replace(item, negated=False, of_duration=True))
    if again is None or again.duration is None or not units.is_period(again.duration.unit):
        return None
    again = replace(again, span=item.span)
    return Not(again, item.span) if item.negated else again


def _measure_word(subjects: Subjects, name: Span) -> bool:
    """Whether a (short) name ends in a word of what measures ("score", "index", "scale")."""
    return subjects.text[name.start:name.end].split()[-1].lower().rstrip("s") in subjects.measure_heads


def finish(item, leftovers: list[Span], subjects: Subjects, thresholds: Thresholds) -> Node | None:
    """Give thresholds without a variable the words before them: minutes to years are how
    long that thing lasted ("Reside at the facility at least 2 weeks"); anything else,
    seconds included ("Time up and go test <= 12 seconds"), is a value of it. A length of
    time with no words before it lasts what "of" joins to it ("at least 12 years of
    education"); else a bound in years is the age ("≥ 18 years"), unless the text says it
    lasted ("for at least one year"). Anything else is reported unparsed."""
    if isinstance(item, Pending):
        counted = subjects.counted(item.span) if _count(item.limit, subjects.text) else None
        if counted is not None and isinstance(item.limit, Bound):
            name = " ".join(counted.text(subjects.text).lower().split())
            span = Span.covering([item.span, counted])
            subjects.last = Variable(name, counted)  # "at least one tibial vessel of at least 40mm"
            concept = replace(thresholds.counted(Concept(Domain.OBSERVATION, name, counted), item.limit),
                              span=span, window=item.window)
            return Not(concept, span) if item.negated else concept
        if item.of_duration and isinstance(item.limit, Range):  # "stand ... for 15-20 minutes": only a concept lasts so
            leftovers.append(item.span)
            return None
        subject = subjects.before(item.span) or (subjects.inside(item.span, item.limit.span) if item.of_duration else None)
        if (subject is not None and item.fallback is not None and _is_scale(item.fallback, thresholds)
                and not _adjacent(subjects.text[item.fallback.span.end:subject.start])):
            # "pain ratings greater than 4" after a pain scale: the scale's score; the words
            # in front, apart from the scale's name, are reported
            leftovers.append(subject)
            return thresholds.settle([item.fallback], item)
        if subject is None and units.is_time(unit_of(item.limit)) and not item.aged:
            subject = subjects.after_of(item.span)
            item = item if subject is None else replace(item, of_duration=True)
        if subject is None and not item.aged and subjects.lasted is not None:
            again = _lasted_again(subjects.lasted, item, subjects.text, thresholds)
            if again is not None:
                return again
        if subject is None:
            if item.fallback is not None:  # or a name written after that concept, nearer the bound
                last = subjects.last
                nearer = last is not None and last.span.start > item.fallback.span.end and thresholds.fits([last], item)
                return thresholds.settle([last if nearer and last is not None else item.fallback], item)
            if unit_of(item.limit) == thresholds.lexicon.age.unit and (item.aged or not item.of_duration):
                return thresholds.settle([thresholds.age(item.span)], item)
            if unit_of(item.limit) is None and subjects.after_population(item.span) and thresholds.ages(item.limit):
                return thresholds.settle([thresholds.age(item.span)], item)
            if subjects.last is not None and thresholds.fits([subjects.last], item):
                return thresholds.settle([subjects.last], item)
            leftovers.append(item.span)
            return None
        if item.fallback is not None and _adjacent(subjects.text[item.fallback.span.end:subject.start]):
            subject = Span.covering([item.fallback.span, subject])  # "PDA diameter": the concept's own measure
        name = " ".join(_balanced(subject.text(subjects.text)).lower().split())
        span = Span.covering([subject, item.span])
        lasting = thresholds.attach(Concept(Domain.OBSERVATION, name, subject), replace(item, negated=False))
        if lasting is not None and lasting.duration is not None and units.is_period(lasting.duration.unit):
            lasting = replace(lasting, span=span)
            subjects.lasted = lasting
            return Not(lasting, span) if item.negated else lasting
        subjects.last = Variable(name, subject)
        return thresholds.settle([subjects.last], replace(item, span=span))
    if isinstance(item, Concept) and item.domain is not Domain.DEMOGRAPHIC and item.other_than:
        # the kinds that do not count first, as written inside the span; the words after
        # the whole are none of the concept's place ("... other than carcinoma of the cervix")
        kinds = [k for c in item.other_than for k in _alternatives_of(_modified(c, subjects))]
        return _modified(replace(item, other_than=tuple(kinds)), subjects, sited=False)
    if isinstance(item, Concept) and item.domain is not Domain.DEMOGRAPHIC:
        return _modified(item, subjects)
    if isinstance(item, (Compare, Concept)):
        return item
    if isinstance(item, Not):
        arg = finish(item.arg, leftovers, subjects, thresholds)
        if arg is None:  # "other than", "no": the negation's words go with what it lost
            leftovers.append(item.span)
            return None
        return replace(item, arg=arg)
    if isinstance(item, Implies):
        condition, then = finish(item.if_, leftovers, subjects, thresholds), finish(item.then, leftovers, subjects, thresholds)
        if condition is None or then is None:  # the condition's words go unparsed
            leftovers.append(item.span)
            return then if condition is None else None
        return replace(item, if_=condition, then=then)
    if isinstance(item, Chunks):
        first, *rest = item.items
        if (isinstance(first, Implies) and rest and first.if_.span.start < first.then.span.start
                and not LEAD_GAP.sub("", subjects.text[subjects.within.start:first.span.start])):
            # "Women must be postmenopausal (...), or surgically sterile": a condition written
            # first is asked of all the criterion goes on to say, past words no rule read
            then = And((first.then, *rest), Span.covering([first.then.span, *(i.span for i in rest)]))
            return finish(replace(first, then=then, span=Span.covering([first.span, then.span])),
                          leftovers, subjects, thresholds)
        item = And(item.items, Span.covering([i.span for i in item.items]))
    if isinstance(item, (And, Or)):
        done = [finish(x, leftovers, subjects, thresholds) for x in item.args]
        for before, lost, result in zip(item.args, item.args[1:], done[1:]):
            if result is None:
                _report_join(subjects.text, before.span.end, lost.span.start, leftovers)
        args = [a for a in done if a is not None]
        args = _denied_beside(_named_apart(args, subjects), leftovers) if isinstance(item, And) else args
        if not args:
            return None
        return (conjoin if isinstance(item, And) else disjoin)(args, item.span if len(args) > 1 else None)
    if hasattr(item, "span"):  # a piece no rule turned into logic: its text is reported
        leftovers.append(item.span)
    return None
