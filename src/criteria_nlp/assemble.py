"""From a processed Doc to a Trial: criteria with their logic, and the whole-trial tree."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from .ingest import Document
from .logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Fragment, Implies, Node, Not, Or, Section, Trial, Unparsed, conjoin,
    disjoin,
)
from .grammar.lexer import EACH, DocIndex, default_tables
from .grammar.parser import parse_criterion
from .lint import lint_criteria
from .segment_rules import default_rules
from .segmentation import Segment
from .spans import Span


def criterion_from_segment(doc: DocIndex, segment: Segment) -> Criterion:
    """Leaves go through the grammar; a parent combines its parts with its own connective.

    A criterion with no logic at all is reported unparsed as a whole.
    """
    text = doc.text
    unparsed: tuple[Fragment, ...]
    parts = tuple(criterion_from_segment(doc, part) for part in segment.parts)
    if parts:
        logic, unparsed = _combine(segment, [p.logic for p in parts], parts), ()
        stated = _stated_before_parts(text, segment, parts)
        if stated is not None:  # "Women ... must use contraception. Acceptable forms include:"
            parsed = parse_criterion(doc, stated, segment.section is Section.EXCLUSION)
            unparsed = parsed.unparsed if parsed.logic is not None else (Fragment(stated, stated.text(text)),)
            if parsed.logic is not None:
                logic = conjoin([parsed.logic, logic], segment.span) if logic is not None else parsed.logic
        unparsed = unparsed + _header_words(text, segment, stated)
        if logic is not None and not logic.span.contains(segment.span):
            logic = replace(logic, span=segment.span)  # the header's words belong to the parent
    else:
        parsed = parse_criterion(doc, segment.span, segment.section is Section.EXCLUSION)
        logic, unparsed = _chosen_among(parsed.logic, parsed.unparsed, segment.span, text)
        logic = _disjoint_bounds(logic)
        if segment.section is Section.EXCLUSION:
            logic = _conditions_that_exclude(_each_excludes(logic, text))
    if logic is None:
        unparsed = (Fragment(segment.span, segment.span.text(text)),)
    return Criterion(segment.id, segment.section, segment.span, segment.span.text(text), logic,
                     unparsed, parts, segment.header)


def _disjoint_bounds(logic: Node | None) -> Node | None:
    """"< 18 years of age and > 70 years of age": an upper bound written before a lower bound
    of one variable, the only two bounds of it, that no value meets together are the two
    ends it may lie at, either of them; read with "and", no patient could meet the
    criterion. A range written from its high end ("77 to 20 letters") starts with its
    lower bound and stays one range."""
    if isinstance(logic, Not):
        return replace(logic, arg=_disjoint_bounds(logic.arg))
    if isinstance(logic, Or):
        return replace(logic, args=tuple(_disjoint_bounds(a) for a in logic.args))
    if not isinstance(logic, And):
        return logic
    args = [_disjoint_bounds(a) for a in logic.args]
    for upper in args:
        lower = next((b for b in args if _apart(upper, b)), None)
        if lower is not None and sum(isinstance(a, Compare) and a.variable.name == upper.variable.name for a in args) == 2:
            either = Or((upper, lower), upper.span.cover(lower.span))
            rest = [a for a in args if a is not upper and a is not lower]
            return replace(logic, args=(*rest, either)) if rest else either
    return replace(logic, args=tuple(args))


def _apart(upper: Node, lower: Node) -> bool:
    """Whether ``upper`` bounds a variable from above below where ``lower`` bounds it from below."""
    if not (isinstance(upper, Compare) and isinstance(lower, Compare)
            and (upper.variable.name, upper.unit, upper.reference, upper.window)
            == (lower.variable.name, lower.unit, lower.reference, lower.window)
            and upper.comparator in _BELOW and lower.comparator in _ABOVE and upper.span.start < lower.span.start):
        return False
    both_closed = upper.comparator is Comparator.LE and lower.comparator is Comparator.GE
    return upper.value < lower.value if both_closed else upper.value <= lower.value


_BELOW = (Comparator.LT, Comparator.LE)
_ABOVE = (Comparator.GT, Comparator.GE)


def _chosen_among(logic: Node | None, unparsed: tuple[Fragment, ...], span: Span,
                  text: str) -> tuple[Node | None, tuple[Fragment, ...]]:
    """"One of the following: asthma, COPD, bronchiectasis" on one line asks for any of the
    items, as the same words heading a bulleted list do (segmentation's parent cues); "at
    least two of the following: ..." for two of them. The items are a plain list after the
    cue, and the cue's words are read, not reported."""
    if not isinstance(logic, And) or not all(_listed(arg, text) for arg in logic.args):
        return logic, unparsed
    found = default_rules().cue_in(text[span.start:logic.args[0].span.start])
    if found is None or found[0].join not in ("or", "atleast"):
        return logic, unparsed
    cue, match = found
    gaps = [text[a.span.end:b.span.start] for a, b in zip(logic.args, logic.args[1:])]
    if not all(_LIST_GAP.fullmatch(gap) for gap in gaps):
        return logic, unparsed
    k = cue.k(match.group()) if cue.join == "atleast" else None
    chosen: Node = AtLeast(k, logic.args, logic.span) if k else Or(logic.args, logic.span)
    read = Span(span.start + match.start(), span.start + match.end())
    return chosen, tuple(f for f in unparsed if not read.contains(f.span))


def _conditions_that_exclude(logic: Node | None) -> Node | None:
    """"For females, pregnancy or breast-feeding", "ALT > 5 x ULN if liver metastases": in
    an exclusion criterion what excludes is the condition and what it leads to together.
    Read as IF-THEN, the criterion would hold for everyone the condition leaves out and
    exclude every male. Applies to the criterion's own conditional and to those it lists,
    at any depth of and/or; several listed conditionals are cases, each excluding on its own."""
    def together(node: Node) -> Node:
        if isinstance(node, Implies):
            return And((node.if_, node.then), node.span)
        if isinstance(node, And) and sum(isinstance(a, Implies) for a in node.args) > 1:
            # "Hemoglobin < 11.5 g/dL for females and < 12.5 g/dL for men": each case excludes
            cases = [together(a) for a in node.args if isinstance(a, Implies)]
            either = Or(tuple(cases), Span.covering([c.span for c in cases]))
            rest = [together(a) for a in node.args if not isinstance(a, Implies)]
            return replace(node, args=(*rest, either)) if rest else either
        if isinstance(node, (And, Or)):  # "chronic diarrhea ... or a hematocrit > 48 % (women) and > 53 % (men)"
            return replace(node, args=tuple(together(a) for a in node.args))
        return node
    return together(logic) if logic is not None else None


def _each_excludes(logic: Node | None, text: str, nested: bool = False) -> Node | None:
    """"History of stroke, myocardial infarction and heart failure": in an exclusion
    criterion a list of concepts (or of alternatives among them: "seizure/epilepsy")
    excludes each of them, so its "and" is an "or". Only a
    plain list: concepts set apart by commas, semicolons, slashes or "and" alone, or by a
    comma and then words no rule read, which are reported ("acute infection, cancer,
    inflammatory rheumatic / connective tissue diseases"), unless "both" opens it. A list
    of three or more written with commas is one inside an alternative too ("prednisone >
    10 mg/day, and/or any dose of azathioprine, methotrexate, ... and abatacept").
    Thresholds are items when commas or semicolons alone set the list apart ("GFR < 50
    ml/min, pregnancy, breast-feeding"); with "and" two limits may be one case together
    ("ALT > 3 x ULN and bilirubin > 2 x ULN")."""
    if isinstance(logic, Or):
        return replace(logic, args=tuple(_each_excludes(a, text, nested=True) for a in logic.args))
    if not isinstance(logic, And):
        return logic
    parts = _set_apart_by_semicolons(logic, text)
    if len(parts) > 1:
        return disjoin([_each_excludes(part, text, nested) for part in parts], logic.span)
    if not all(_listed(arg, text) or k and _inability(arg, text) for k, arg in enumerate(logic.args)):
        return _alternatives_listed(logic, text)
    if _bounded_twice(logic.args):
        return logic
    if nested and (len(logic.args) < 3 or "," not in text[logic.args[0].span.end:logic.args[1].span.start]):
        return logic
    if _BOTH.search(text, logic.span.start, logic.args[1].span.start):
        return logic  # "treatment with both ACEIs and ARBs": the two together
    # items that share words ("Allergy to porphyrins and analogues": both start at "Allergy")
    # are one list already
    gaps = [text[a.span.end:b.span.start] for a, b in zip(logic.args, logic.args[1:]) if b.span.start > a.span.end]
    if any(isinstance(arg, Compare) for arg in logic.args):  # "hyperkalemia (> 5.5 mEq/L)" is one item
        listed = len(gaps) == len(logic.args) - 1 and all(_ITEM_GAP.fullmatch(gap) for gap in gaps)
    else:
        listed = all(_LIST_GAP.fullmatch(gap) or _unread_item(gap) or _unread_tail(gap) for gap in gaps)
    return Or(logic.args, logic.span) if listed else logic


def _set_apart_by_semicolons(logic: And, text: str) -> list[Node]:
    """"eGFR < 60 and glucose > 135 mg/dl; past history of acute renal failure, dialysis":
    in an exclusion criterion what a semicolon sets apart excludes on its own; what "and"
    joins within a part stays together. Not a semicolon inside parentheses, nor parts that
    only deny ("...; patients with treated brain metastases are eligible"), which are
    exceptions to the part before them."""
    parts: list[list[Node]] = [[logic.args[0]]]
    for before, arg in zip(logic.args, logic.args[1:]):
        semicolon = text.find(";", before.span.end, arg.span.start)
        if semicolon >= 0 and text.count("(", logic.span.start, semicolon) <= text.count(")", logic.span.start, semicolon):
            parts.append([arg])
        else:
            parts[-1].append(arg)
    joined = [conjoin(part, Span.covering([a.span for a in part])) for part in parts]
    return [logic] if any(isinstance(part, Not) for part in joined) else joined


def _alternatives_listed(logic: And, text: str) -> Node:
    """"systemic, rheumatic or inflammatory disease of the knee or chondrocalcinosis,
    hemochromatosis, ..., and synovial chondromatosis": a list that goes on with commas
    after alternatives joined by "or" is one list, each item of which excludes; the "or"
    had bound only the first items, and the rest were all required together. Three items
    at least, each a concept or concepts joined by "or", set apart by "and" or commas, a
    comma (semicolon, slash) among them."""
    items = tuple(item for a in logic.args for item in (a.args if isinstance(a, Or) else (a,)))
    gaps = [text[a.span.end:b.span.start] for a, b in zip(logic.args, logic.args[1:])]
    if not (len(items) >= 3 and any(isinstance(a, Or) for a in logic.args)
            and all(isinstance(a, Concept) or isinstance(a, Or) and all(isinstance(b, Concept) for b in a.args)
                    for a in logic.args)
            and all(_LIST_GAP.fullmatch(gap) or _unread_tail(gap) for gap in gaps)
            and any(_ITEM_GAP.match(gap) or "/" in gap or _unread_tail(gap) for gap in gaps)  # "Asthma and allergy to aspirin or ...": both
            and not _BOTH.search(text, logic.span.start, logic.args[1].span.start)):
        return logic
    return Or(items, logic.span)


def _bounded_twice(args: tuple[Node, ...]) -> bool:
    """"diabetes for more than 1 year and less than 10 years": one thing bounded from
    both sides, not two things that each exclude."""
    bounded: list[object] = [(a.domain, a.name) for a in args if isinstance(a, Concept) and (a.duration or a.count or a.dose)]
    bounded += [a.variable for a in args if isinstance(a, Compare)]
    return len(set(bounded)) < len(bounded)


def _listed(node: Node, text: str) -> bool:
    """A list item: a concept, or concepts with a slash between them ("seizure/epilepsy")
    or examples after them ("pancreaticobiliary diseases, especially choledocholithiasis");
    a list of its own ("A, B or C and D") is not one item of a plain list."""
    if isinstance(node, Or):
        return all(isinstance(a, Concept) for a in node.args) and all(
            _SLASH.fullmatch(text[a.span.end:b.span.start]) or _examples(text[a.span.end:b.span.start])
            for a, b in zip(node.args, node.args[1:]))
    return isinstance(node, (Concept, Compare))


def _inability(node: Node, text: str) -> bool:
    """An inability or refusal of one concept after other items ("Pregnancy, lactation,
    inability to provide consent") is an item of its own; a plain denial ("Women of
    childbearing potential, not using contraception") says what the item before lacks, and
    items after an inability may go on with what it is of ("Inability to tolerate lying
    supine, relatively motionless")."""
    if not (isinstance(node, Not) and isinstance(node.arg, Concept)):
        return False
    words = _WORD.findall(text[node.span.start:node.arg.span.start].lower())
    forms = default_tables().forms
    return any(forms.get(" ".join(words[:k])) == ("NEG", EACH) for k in range(1, len(words) + 1))


def _examples(gap: str) -> bool:
    """Whether the words between two concepts are a cue of examples, as "including" is."""
    return " ".join(_WORD_OR_DOT.findall(gap.lower())) in default_tables().example_cues


def _unread_item(gap: str) -> bool:
    """A comma, then only content words: an item no rule read. A function word there
    ("thyroid dysfunction, with serum TSH ...", "..., which lower the seizure threshold")
    opens a clause about the concept before it, not another item."""
    if not _ITEM_GAP.match(gap):
        return False
    tables = default_tables()
    return all(not tables.is_filler(word) for word in _WORD.findall(gap) if word.lower() not in ("and", "or"))


def _unread_tail(gap: str) -> bool:
    """Words no rule read after an item, then a comma: "Chest pain or shortness of breath
    with activity (such as climbing stairs), peripheral edema, ...": the words (reported)
    are the item's own, and the comma sets the next item apart. Not past a connective
    ("..., and", "or"), which may join what follows to them, nor from inside a
    parenthesis."""
    head, comma, rest = gap.rpartition(",")
    return (bool(comma) and not rest.strip() and bool(_WORD.search(head)) and not _JOINS.search(head) and ";" not in head
            and head.count("(") == head.count(")"))  # not inside a parenthesis: "from other causes (i.e., B12 deficiency"


_JOINS = re.compile(r"\b(?:and|or|nor|but)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:[,;/]|,?\s*and(?:/or)?)\s*", re.IGNORECASE)
_ITEM_GAP = re.compile(r"\s*[,;]\s*")  # matched at its start: a comma opens the gap; whole: commas alone part it
_WORD_OR_DOT = re.compile(r"[a-z.]+")
_SLASH = re.compile(r"\s*/\s*")
_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _stated_before_parts(text: str, segment: Segment, parts: tuple[Criterion, ...]) -> Span | None:
    """A parent's own criterion, when its text before the parts is more than a label: the
    sentences before the last one, which leads into the list ("Acceptable forms of
    contraception include the following:"). A label ("Adequate liver function:") is
    spelled out by its parts and states nothing of its own."""
    lead = Span(segment.span.start, parts[0].span.start)
    boundary = max((m.end() for m in _SENTENCE_END.finditer(text, lead.start, lead.end)), default=None)
    if boundary is None:
        return None
    stated = Span(lead.start, boundary)
    return stated if stated.text(text).strip() else None


_SENTENCE_END = re.compile(r"[.;](?=\s+\S)")


def _header_words(text: str, segment: Segment, stated: Span | None) -> tuple[Fragment, ...]:
    """What a parent's header says besides its cue ("At least two of the following within
    6 months:", "Known hypersensitivity to any of the following medications:"): no rule
    reads it into the parts, so it is reported, never dropped. A header that is all cue
    ("Adequate bone marrow function:", "Any of the following:") is spelled out by its parts."""
    header = segment.header
    if header is None:
        return ()
    found = default_rules().cue_in(header.text(text))
    if found is None:
        return ()
    cue = found[1]
    tables = default_tables()
    out: list[Fragment] = []
    for start, end in ((header.start, header.start + cue.start()), (header.start + cue.end(), header.end)):
        if stated is not None:
            start = max(start, stated.end)
        piece = text[start:end] if start < end else ""
        if not any(not tables.is_filler(word) for word in _WORD.findall(piece)):
            continue
        begin = start + len(piece) - len(piece.lstrip(_HEADER_EDGE))
        stop = end - (len(piece) - len(piece.rstrip(_HEADER_EDGE)))
        out.append(Fragment(Span(begin, stop), text[begin:stop]))
    return tuple(out)


_HEADER_EDGE = " ,;:-()\n\t"


def _combine(segment: Segment, logics: list[Node | None], parts: tuple[Criterion, ...]) -> Node | None:
    """A part no rule understood keeps its place as an ``unparsed`` leaf."""
    if all(logic is None for logic in logics):
        return None
    logics = [logic if logic is not None else Unparsed(part.text, part.span)
              for logic, part in zip(logics, parts)]
    if segment.join == "atleast" and segment.k:
        return AtLeast(segment.k, tuple(logics), segment.span)
    join = disjoin if segment.join == "or" else conjoin
    return join(list(logics), segment.span)


def trial_logic(text: str, criteria: tuple[Criterion, ...]) -> Node | None:
    """Inclusion criteria and-ed, exclusion criteria or-ed under one ``not``; a criterion
    no rule understood is there as an ``unparsed`` leaf, so the tree never claims more
    than the text allows."""
    def logic(criterion: Criterion) -> Node:
        return criterion.logic or Unparsed(criterion.text, criterion.span)

    inclusion = [logic(c) for c in criteria if c.section is Section.INCLUSION]
    exclusion = [logic(c) for c in criteria if c.section is Section.EXCLUSION]
    args: list[Node] = list(inclusion)
    if exclusion:
        excluded = disjoin(exclusion)
        args.append(Not(excluded, excluded.span))
    return conjoin(args, Span(0, len(text))) if args else None


def assemble_trial(document: Document, doc: Doc) -> Trial:
    text = document.text
    index = DocIndex.of(doc, text)
    criteria = tuple(criterion_from_segment(index, s) for s in doc._.cnlp_segments)
    return Trial(document.id, text, criteria, document.structured, trial_logic(text, criteria),
                 lint_criteria(criteria))
