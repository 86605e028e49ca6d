"""Scores parsed trials against the LCT gold of ``lct.py``, by the matching rules of the
corpus's official scorer (lct-dev ``tools/score_thresholds.py`` and ``lct_entities.py``),
restated here because they define the benchmark; the differences are listed at the end.

Gold thresholds
    Numeric-Filter thresholds with operator GT, GTEQ, LT, LTEQ, EQ or BETWEEN whose values
    are all numbers ("50,000" is 50000, "7,8" is 7.8; number words and Roman numerals are not
    numbers here). A BETWEEN needs exactly two values (low, high); any other operator is
    scored on its first value, and its further values ("< 140/90") are its *extras*. On one
    line, thresholds with the same operator and values are one *key* ("AST and ALT <= 2.5 x
    ULN": one key, two variables).

Predictions
    Every ``compare`` of every criterion's logic (a parent without logic: its parts'), on the
    line where its span starts, with its comparator as written: a compare under ``not`` is
    not flipped, as LCT annotates the text as it stands. ``!=`` is not scored. Equal
    (operator, value) on a line are one key.

Matching, per line, one to one; first with equal values, then with values equal up to a
    factor of 10^3, 10^6, 10^9 or 10^12 ("1.5 x 10^9/L" written out or folded in):
    1. same operator and values;
    2. a BETWEEN (lo, hi) of either side and two unmatched bounds of the other: GT|GTEQ lo
       and LT|LTEQ hi ("age 18-65" is one gold BETWEEN and two compares).
    A prediction left unmatched that names no gold key of its line is *absorbed* (neither
    right nor wrong) when it goes the way of a gold key's operator and its value is one of
    that key's extras: "BP < 140/90" is one gold key, and dbp < 90 is no error.
    Precision = matched predictions / (matched + unabsorbed unmatched predictions);
    recall = matched gold keys / gold keys.

Variable-aware (the figure that matters to users): a pairing also needs the compare's
    variable span to overlap the variable (event trigger) span of one of the key's gold
    thresholds. Age exception: a gold Age whose trigger is no age word (LCT marks "old" or
    "years" in "18 years or older") also pairs with a compare whose variable name holds one
    ("age", "ages", "aged"; not "stage", "dosage"). A prediction right on operator and values
    but wrong on the variable is an error, never absorbed.

Units, on matched gold keys with a unit: right when a unit of a matched compare folds to
    the same key (``unit_key``) as a gold candidate: the Unit and Per texts joined by "/",
    each Unit alone and with each Per (annotators sometimes mark a unit twice), and the first
    Temporal-Unit ("years" of an age). A compare's unit is its UCUM code (``ucum_key``), or
    ULN/LLN for a multiple of a reference limit.

Entities: a gold Condition, Drug, Procedure or Observation mention (its fragments: spans
    may be discontinuous) is *found* when a concept span or a compare's variable span
    overlaps it, *typed* when one of those is a concept of its domain (or, for an
    Observation, a compare's variable). Concept precision: concepts overlapping any gold
    mention of any type, over all concepts.

Deliberate differences from the official scorer:
    - no lenient figures (those excuse errors with gold of other roles): strict and
      variable-aware only; recall by variable type, but no precision by type and no
      Observation sub-types;
    - an operator written twice alike is that operator (``lct.Threshold.operator``):
      "less than or equal to (<=) 1" scores as LTEQ, where the official gold drops it;
    - units fold word by word on both sides of "/" (``unit_key``), so "kilometres/week" is
      km/wk, "microns" um and "inches" [in_i]; the official aliases only whole unit strings; UCUM codes fold
      directly, not via a plain spelling;
    - a value is a number only when written as one (not "inf" or "nan", which Python's
      float() would read); there is no option to read number words or Roman numerals;
    - a concept is counted once for concept precision; the official counts a part's
      concepts again under its parent;
    - the project's trials are parsed in process (``Trial`` objects), not read from the JSON
      of ``criteria-nlp batch``: same text, same offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .compare import criterion_logic
from .lct import ENTITY_TYPES, LCTTrial, Operator, entity_mentions, thresholds
from ..logic import Comparator, Compare, Concept, Trial, atoms
from ..spans import Span

SCORED = frozenset({Operator.GT, Operator.GTEQ, Operator.LT, Operator.LTEQ, Operator.EQ, Operator.BETWEEN})
_LOWER = frozenset({Operator.GT, Operator.GTEQ})
_UPPER = frozenset({Operator.LT, Operator.LTEQ})
_FROM_COMPARATOR = {Comparator.LT: Operator.LT, Comparator.LE: Operator.LTEQ, Comparator.GT: Operator.GT,
                    Comparator.GE: Operator.GTEQ, Comparator.EQ: Operator.EQ}
_DOMAIN = {"Condition": "condition", "Drug": "drug", "Procedure": "procedure", "Observation": "observation"}
_SCALES = (1e3, 1e6, 1e9, 1e12)
AGE_WORD = re.compile(r"(?<![a-z])age[sd]?(?![a-z])", re.IGNORECASE)


# ---- numbers --------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_NUMBER = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+))(?:(?:[x×*]10\^?|e)([+-]?\d+))?", re.IGNORECASE)


def number(text: str) -> float | None:
    """A gold value as a number, or ``None`` when it is none ("two", "III", "normal")."""
    t = text.strip().replace("\u2212", "-").replace(" ", "")
    if _THOUSANDS.fullmatch(t):
        t = t.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(t):
        t = t.replace(",", ".")
    m = _NUMBER.fullmatch(t)
    if m is None:
        return None
    return float(m.group(1)) * 10 ** int(m.group(2) or 0)


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _scaled(a: float, b: float) -> bool:
    """Equal, or equal up to 10^3..10^12 with the same sign."""
    if _equal(a, b):
        return True
    if a == 0 or b == 0 or (a > 0) != (b > 0):
        return False
    ratio = max(abs(a), abs(b)) / min(abs(a), abs(b))
    return any(abs(ratio - s) <= 1e-6 * s for s in _SCALES)


# ---- units ----------------------------------------------------------------------------------

_WHOLE = {  # spellings that are one unit only as a whole
    "y/o": "year", "yo": "year", "yearsold": "year", "yearsofage": "year", "bpm": "beat/min",
    "kg/sqm": "kg/m2", "kgm2": "kg/m2",
}
_REFERENCE = re.compile(
    r"(?:x|times)?(?:the)?(?:institutional)?(?:uln|upperlimits?(?:of)?(?:the)?normal(?:range|value)?|"
    r"uppernormallimit|normalupperlimit|upperlimitnormal|upperlimit|normal|maximumnormalvalue|"
    r"highestreferencevalue)")
_LOWER_REFERENCE = re.compile(r"(?:x|times)?(?:the)?(?:lln|lowerlimits?(?:of)?(?:the)?normal)")
_WORD = {
    "year": ("years", "year", "yrs", "yr", "y"),
    "month": ("months", "month", "mo", "mos", "mths", "mth"),
    "week": ("weeks", "week", "wk", "wks"),
    "day": ("days", "day", "d"),
    "hour": ("hours", "hour", "hrs", "hr", "h"),
    "min": ("minutes", "minute", "mins", "min"),
    "s": ("seconds", "second", "secs", "sec", "s"),
    "ms": ("milliseconds", "msec", "ms"),
    "kg": ("kilograms", "kilogram", "kgs", "kg"),
    "g": ("grams", "gram", "gm", "gr", "g"),
    "ug": ("micrograms", "microgram", "mcg", "ug"),
    "lb": ("pounds", "pound", "lbs", "lb"),
    "in": ("inches", "inch", "in"),
    "ml": ("milliliters", "millilitres", "ml"),
    "ul": ("ul", "mm3", "cumm", "cmm", "mcl"),
    "um": ("microns", "micron", "micrometers", "micrometres", "um"),
    "km": ("kilometers", "kilometres", "km"),
    "m2": ("m2", "m-2", "sqm"),
    "mmhg": ("mmhg", "mmofhg"),
    "cmh2o": ("cmh2o", "cmofh2o"),
    "c": ("°c", "degreesc", "degreescelsius", "celsius", "c", "cel"),
    "deg": ("degrees", "degree", "°", "deg"),
    "%": ("%", "percent", "pct"),
    "beat": ("beats", "beat"),
    "breath": ("breaths", "breath"),
}
_ALIAS = {spelling: key for key, spellings in _WORD.items() for spelling in spellings}
_UCUM_TIME = {"a": "year", "mo": "month", "wk": "week", "d": "day", "h": "hour"}
_MULTIPLIER = re.compile(r"^(?:[x×*]?10(?:\*\*|\*|e)?(?:3|6|9|12)(?=/|$|[a-z]))")


def unit_key(text: str | None) -> str:
    """A written unit folded to a comparable key ("" for none): case, spaces, Unicode
    forms (µ, ², ℃), a leading x10^9 and the words cells/count do not count, and each
    "/"-separated word goes to one spelling ("mg/dl" = "mg/dL", "beats/minute" = "bpm")."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).lower().replace("μ", "u").replace("\u2212", "-")
    s = re.sub(r"[\s_^]+", "", s).strip(".")
    s = _MULTIPLIER.sub("", s)
    s = re.sub(r"cells?|counts?", "", s).strip("/")
    if s in _WHOLE:
        return _WHOLE[s]
    if _REFERENCE.fullmatch(s):
        return "uln"
    if _LOWER_REFERENCE.fullmatch(s):
        return "lln"
    return "/".join(_ALIAS.get(word, word) for word in s.split("/"))


def ucum_key(code: str | None, reference: str | None = None) -> str:
    """A compare's unit as a key comparable with ``unit_key``: brackets and braces of
    UCUM dropped (mm[Hg], {beats}/min), its time codes (a, mo, wk, d, h) read as words."""
    if reference is not None:
        return reference.lower()
    if not code:
        return ""
    s = re.sub(r"\[([a-z]+)_[a-z]+\]", r"\1", code, flags=re.IGNORECASE)  # [lb_av] -> lb
    s = re.sub(r"[\[\]{}]", "", s)
    words = [_UCUM_TIME.get(word, word) for word in s.split("/")]
    return unit_key("/".join(words))


# ---- keys -----------------------------------------------------------------------------------

@dataclass(slots=True)
class GoldKey:
    """The gold thresholds of one line with one (operator, values)."""

    operator: Operator
    values: tuple[float, ...]
    variable_type: str  # Age, Observation or Other: the first threshold's
    extras: set[float] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    variables: list[tuple[tuple[Span, ...], bool]] = field(default_factory=list)  # fragments, age by name
    texts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PredictedKey:
    """The compares of one line with one (operator, values)."""

    operator: Operator
    values: tuple[float, ...]
    units: set[str] = field(default_factory=set)
    spans: set[Span] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # variable names


Key = GoldKey | PredictedKey
Lines = dict[int, dict[tuple[Operator, tuple[float, ...]], Key]]


def gold_keys(trial: LCTTrial) -> Lines:
    """The scored gold thresholds of a trial, as keys per line."""
    lines: Lines = {}
    for t in thresholds(trial):
        if t.role != "Numeric-Filter" or t.operator not in SCORED:
            continue
        numbers = [number(v.text) for v in t.values]
        if None in numbers or (t.operator is Operator.BETWEEN and len(numbers) != 2):
            continue
        values = tuple(sorted(numbers)) if t.operator is Operator.BETWEEN else (numbers[0],)
        vtype = t.variable.type if t.variable.type in ("Age", "Observation") else "Other"
        key = lines.setdefault(t.line, {}).setdefault(
            (t.operator, values), GoldKey(t.operator, values, vtype))
        if t.operator is not Operator.BETWEEN:
            key.extras.update(numbers[1:])
        key.units.update(_unit_candidates(t.units, t.per, t.temporal_units) - {""})
        age_by_name = t.variable.type == "Age" and not AGE_WORD.search(t.variable.text)
        key.variables.append((t.variable.fragments, age_by_name))
        key.texts.append(t.name.text if t.name else t.variable.text)
    return lines


def _unit_candidates(units: tuple[str, ...], per: tuple[str, ...], temporal: tuple[str, ...]) -> set[str]:
    found = {"/".join(units + per)} if units or per else set()
    if len(units) >= 2:
        found.update(units)
        found.update(f"{u}/{p}" for u in units for p in per)
    if temporal:
        found.add(temporal[0])
    return {unit_key(u) for u in found}


def predicted_keys(gold: LCTTrial, parsed: Trial) -> Lines:
    """The compares of a parsed trial as keys per line of the gold text."""
    if parsed.text != gold.text:
        raise ValueError(f"{gold.id}: the parsed text is not the corpus text; offsets would not align")
    lines: Lines = {}
    for criterion in parsed.criteria:
        logic = criterion_logic(criterion)
        for atom in atoms(logic) if logic is not None else ():
            if not isinstance(atom, Compare) or atom.comparator not in _FROM_COMPARATOR:
                continue
            operator = _FROM_COMPARATOR[atom.comparator]
            key = lines.setdefault(gold.line_of(atom.span.start), {}).setdefault(
                (operator, (atom.value,)), PredictedKey(operator, (atom.value,)))
            key.units.add(ucum_key(atom.unit, atom.reference.value if atom.reference else None))
            key.spans.add(atom.variable.span)
            key.names.add(atom.variable.name)
    return lines


# ---- matching -------------------------------------------------------------------------------

Compatible = Callable[[GoldKey, PredictedKey], bool]


def same_variable(gold: GoldKey, predicted: PredictedKey) -> bool:
    """Variable-aware pairing: overlapping variable spans, or the age exception."""
    for fragments, age_by_name in gold.variables:
        if any(f.overlaps(s) for f in fragments for s in predicted.spans):
            return True
        if age_by_name and any(AGE_WORD.search(n) for n in predicted.names):
            return True
    return False


def _any_variable(gold: GoldKey, predicted: PredictedKey) -> bool:
    return True


def match_line(golds: list[GoldKey], preds: list[PredictedKey],
               compatible: Compatible = _any_variable) -> list[tuple[int, int, bool]]:
    """One-to-one links (gold index, prediction index, values only scaled-equal)."""
    links: list[tuple[int, int, bool]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()

    def link(gi: int, pi: int, scaled: bool) -> None:
        links.append((gi, pi, scaled))
        used_gold.add(gi)
        used_pred.add(pi)

    for equal in (_equal, _scaled):
        scaled = equal is _scaled
        for gi, g in enumerate(golds):
            if gi in used_gold:
                continue
            pi = next((pi for pi, p in enumerate(preds) if pi not in used_pred and p.operator is g.operator
                       and len(p.values) == len(g.values) and all(map(equal, p.values, g.values))
                       and compatible(g, p)), None)
            if pi is not None:
                link(gi, pi, scaled)
        for gi, g in enumerate(golds):  # a gold range and two predicted bounds
            if gi not in used_gold and g.operator is Operator.BETWEEN:
                free = [(pi, p) for pi, p in enumerate(preds) if pi not in used_pred and compatible(g, p)]
                for pi in _bounds(g.values, free, equal):
                    link(gi, pi, scaled)
        for pi, p in enumerate(preds):  # a predicted range and two gold bounds
            if pi not in used_pred and p.operator is Operator.BETWEEN:
                free = [(gi, g) for gi, g in enumerate(golds) if gi not in used_gold and compatible(g, p)]
                for gi in _bounds(p.values, free, equal):
                    link(gi, pi, scaled)
    return links


def _bounds(bounds: tuple[float, ...], candidates: list[tuple[int, Key]],
            equal: Callable[[float, float], bool]) -> tuple[int, ...]:
    """Indices of a lower and an upper bound equal to (low, high), or none."""
    low = next((i for i, k in candidates if k.operator in _LOWER and equal(k.values[0], bounds[0])), None)
    high = next((i for i, k in candidates if k.operator in _UPPER and equal(k.values[0], bounds[1])), None)
    return () if low is None or high is None else (low, high)


def _absorbed(pred: PredictedKey, golds: list[GoldKey]) -> bool:
    if pred.operator is Operator.BETWEEN:
        return False
    return any((pred.operator is g.operator or {pred.operator, g.operator} <= _LOWER
                or {pred.operator, g.operator} <= _UPPER)
               and any(_scaled(pred.values[0], e) for e in g.extras) for g in golds)


# ---- scoring --------------------------------------------------------------------------------

def score_thresholds(pairs: Iterable[tuple[LCTTrial, Trial]], compatible: Compatible = _any_variable,
                     errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """P/R/F1, recall per variable type and unit accuracy; ``errors``, when given, collects
    every missed key, false positive and (variable-aware) right value on the wrong variable."""
    n = Counter()
    by_type: dict[str, Counter] = {}
    for gold, parsed in pairs:
        all_gold, all_pred = gold_keys(gold), predicted_keys(gold, parsed)
        for line in sorted(all_gold.keys() | all_pred.keys()):
            golds = list(all_gold.get(line, {}).values())
            preds = list(all_pred.get(line, {}).values())
            links = match_line(golds, preds, compatible)
            n["gold"] += len(golds)
            n["scaled_matches"] += len({gi for gi, _, scaled in links if scaled})
            for gi, g in enumerate(golds):
                linked = [preds[pi] for i, pi, _ in links if i == gi]
                counts = by_type.setdefault(g.variable_type, Counter())
                counts["gold"] += 1
                if not linked:
                    _note(errors, "missed", gold, line, gold=g)
                    continue
                n["tp_gold"] += 1
                counts["tp_gold"] += 1
                if g.units:
                    n["with_unit"] += 1
                    n["unit_right"] += any(u in g.units for p in linked for u in p.units)
            for pi, p in enumerate(preds):
                if any(i == pi for _, i, _ in links):
                    n["tp_pred"] += 1
                elif compatible is not _any_variable and match_line(golds, [p]):
                    n["fp"] += 1
                    _note(errors, "wrong_variable", gold, line, pred=p)
                elif _absorbed(p, golds):
                    n["absorbed"] += 1
                else:
                    n["fp"] += 1
                    _note(errors, "spurious", gold, line, pred=p)
    return {**_prf(n["tp_pred"], n["fp"], n["tp_gold"], n["gold"]),
            "unit_accuracy": n["unit_right"] / n["with_unit"] if n["with_unit"] else None,
            "units_right": n["unit_right"], "with_unit": n["with_unit"],
            "absorbed": n["absorbed"], "scaled_matches": n["scaled_matches"],
            "recall_by_type": {t: {"recall": c["tp_gold"] / c["gold"], "tp_gold": c["tp_gold"], "gold": c["gold"]}
                               for t, c in sorted(by_type.items())}}


def _prf(tp_pred: int, fp: int, tp_gold: int, gold: int) -> dict[str, Any]:
    precision = tp_pred / (tp_pred + fp) if tp_pred + fp else 0.0
    recall = tp_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp_pred": tp_pred, "fp": fp,
            "tp_gold": tp_gold, "gold": gold}


def _note(errors: list[dict[str, Any]] | None, kind: str, trial: LCTTrial, line: int, *,
          gold: GoldKey | None = None, pred: PredictedKey | None = None) -> None:
    if errors is None:
        return
    key = gold or pred
    row = {"kind": kind, "trial": trial.id, "line": line, "text": trial.line_text(line),
           "operator": key.operator.value, "values": list(key.values)}
    if gold is not None:
        row.update(variables=gold.texts, units=sorted(gold.units))
    if pred is not None:
        row.update(variables=sorted(pred.names), units=sorted(pred.units))
    errors.append(row)


def score_entities(pairs: Iterable[tuple[LCTTrial, Trial]]) -> dict[str, Any]:
    """Found and typed recall of gold entity mentions, per type and overall; concept precision."""
    n = {t: Counter() for t in ENTITY_TYPES}
    concepts = Counter()
    for gold, parsed in pairs:
        nodes: list[tuple[str | None, Span]] = []  # (concept domain or None for a compare variable, span)
        for criterion in parsed.criteria:
            logic = criterion_logic(criterion)
            for atom in atoms(logic) if logic is not None else ():
                if isinstance(atom, Concept):
                    nodes.append((atom.domain.value, atom.span))
                else:
                    nodes.append((None, atom.variable.span))
        for mention in entity_mentions(gold):
            hits = [domain for domain, span in nodes if mention.overlaps(span)]
            want = _DOMAIN[mention.type]
            n[mention.type]["gold"] += 1
            n[mention.type]["found"] += bool(hits)
            n[mention.type]["typed"] += any(d == want or (d is None and want == "observation") for d in hits)
        everything = list(gold.mentions.values())
        for domain, span in nodes:
            if domain is not None:
                concepts["all"] += 1
                concepts["in_gold"] += any(m.overlaps(span) for m in everything)
    out: dict[str, Any] = {}
    for name, c in [*n.items(), ("all", sum(n.values(), Counter()))]:
        out[name] = {"gold": c["gold"], "found": c["found"], "typed": c["typed"],
                     "found_recall": c["found"] / c["gold"] if c["gold"] else None,
                     "typed_recall": c["typed"] / c["gold"] if c["gold"] else None}
    out["concept_precision"] = concepts["in_gold"] / concepts["all"] if concepts["all"] else None
    out["concepts"] = concepts["all"]
    return out
