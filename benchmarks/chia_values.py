#!/usr/bin/env python3
"""How well does the grammar turn Chia's annotated values into Compare nodes?

Gold set: every ``has_value`` relation (Chia, ``chia_without_scope``) whose Value text holds
a number together with an unambiguous comparator (a phrase or symbol of
``data/comparators.tsv`` other than a bare "=", which in Chia is often a flattened ≥/≤),
or a range ("18-75", "18 to 75", "between 18 and 75": two bounds, >= and <=). Each bound
is one gold item ``(comparator, number, unit, reference)``: the unit is read right after
the number with the lexicon's unit aliases (longest alias wins), the reference is ULN/LLN
when the value text says so ("3 x ULN", "upper limit of normal").

Every trial text is parsed with ``api.parse_many``; a Compare node anywhere in a
criterion's logic (parts included) is a candidate. Reported:

* value recall: gold bounds with a Compare whose span overlaps the Value entity and has
  the same comparator, number (|a-b| < 1e-9) and unit (light normalisation; None == None)
  and the same reference;
* compare precision: of the Compare nodes lying inside the criterion lines the gold
  pairs come from, the fraction that match some gold bound of that line by the same
  rule (a lower bound: Chia leaves some values without a has_value relation, and bare
  "=" values are not gold);
* variable-span overlap: of the matched bounds, the fraction whose Compare variable
  span overlaps the has_value subject (Arg1) entity;
* error categories of the misses, with examples; run time and trials/s.

    python benchmarks/chia_values.py [--corpus DIR] [--limit N] [--json OUT] [--show]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from criteria_nlp import api
from criteria_nlp.bench.chia import iter_trials, value_pairs
from criteria_nlp.ingest import Document
from criteria_nlp.lexicon import default_lexicon, read_comparator
from criteria_nlp.logic import Compare, atoms

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpora" / "chia" / "chia_without_scope"

# ---------------------------------------------------------------- gold derivation

# Bare "=" forms: ambiguous in Chia (a lost ≥ or ≤), so never a gold comparator.
_AMBIGUOUS = {"=", "==", "＝"}
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])")
_NEG = re.compile(r"-\s?(?=\d)")
_RANGE = re.compile(r"\s*(?:-|–|—|to|and|through|until)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_ULN = re.compile(r"\buln\b|upper limits? of (?:the )?(?:institutional )?normal|upper normal limit"
                  r"|\bnormal upper limit", re.IGNORECASE)
_LLN = re.compile(r"\blln\b|lower limits? of (?:the )?(?:institutional )?normal|lower normal limit",
                  re.IGNORECASE)
_WORDLIKE = re.compile(r"\w")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


@dataclass(frozen=True)
class Bound:
    comparator: str  # Comparator.value
    number: float
    unit: str | None  # UCUM
    reference: str | None  # "ULN" / "LLN"


class Deriver:
    """Value text -> expected bounds (or a reason why the value is not gold)."""

    def __init__(self) -> None:
        lex = default_lexicon()
        self.comparators: list[tuple[str, str, str]] = []  # (phrase, comparator, position)
        for phrase in lex.phrases:
            if phrase.terminal in ("CMP", "CMPPOST") and phrase.text not in _AMBIGUOUS:
                self.comparators.append((phrase.text, read_comparator(phrase.value)[0].value, phrase.terminal))
        self.comparators.sort(key=lambda c: -len(c[0]))
        self.units_exact = sorted(lex.units.items(), key=lambda u: -len(u[0]))
        self.units_free = lex.case_free_units()

    # -- lexical helpers
    def _comparator_at(self, low: str, i: int) -> tuple[str, str, str] | None:
        for phrase, cmp, terminal in self.comparators:
            if low.startswith(phrase, i):
                end = i + len(phrase)
                # word phrases need word boundaries on both sides
                if phrase[0].isalpha() and i > 0 and low[i - 1].isalnum():
                    continue
                if phrase[-1].isalpha() and end < len(low) and low[end].isalnum():
                    continue
                return phrase, cmp, terminal
        return None

    def _unit_at(self, text: str, i: int) -> tuple[str, int] | None:
        """Longest unit alias starting at ``i`` (after optional spaces), with its end."""
        j = i
        if text.startswith(")", j):  # "three (3) months"
            j += 1
        while j < len(text) and text[j] == " ":
            j += 1
        low = text.lower()
        best: tuple[str, int] | None = None
        for alias, code in self.units_exact:
            if text.startswith(alias, j):
                best = (code, j + len(alias))
                break
        for alias, code in self.units_free.items():
            if low.startswith(alias, j) and (best is None or j + len(alias) > best[1]):
                best = (code, j + len(alias))
        if best is None:
            return None
        end = best[1]
        if end < len(text) and _WORDLIKE.match(text[end - 1]) and _WORDLIKE.match(text[end]):
            return None  # "m" of "months" is not metres
        return best

    def derive(self, value_text: str) -> tuple[list[Bound], str]:
        text = " ".join(unicodedata.normalize("NFKC", value_text).translate(_DASHES).split())
        low = text.lower()
        if not re.search(r"\d", text):
            return [], "no number"
        if re.search(r"\d\s?/\s?\d", text):  # 140/90, 20/200, 5/10: which number is bounded?
            return [], "ratio"
        reference = "ULN" if _ULN.search(text) else ("LLN" if _LLN.search(text) else None)
        # tokenise left to right: comparators, numbers (+ unit), everything else skipped
        tokens: list[tuple] = []  # ("cmp", cmp, terminal) | ("num", value, unit, start)
        i = 0
        while i < len(text):
            found = self._comparator_at(low, i)
            if found is not None and not (found[0] in ("+", "plus") and not tokens):
                tokens.append(("cmp", found[1], found[2], found[0]))
                i += len(found[0])
                continue
            prev_is_num = bool(tokens) and tokens[-1][0] == "num"
            neg = None if prev_is_num else _NEG.match(text, i)  # "≤ -2.5", not "18-75"
            m = _NUMBER.match(text, neg.end() if neg else i)
            if m is not None and (neg or m.start() == i):
                number = float(m.group().replace(",", ""))
                unit = self._unit_at(text, m.end())
                tokens.append(("num", -number if neg else number, unit[0] if unit else None, i))
                i = unit[1] if unit else m.end()
                continue
            if text[i].isalnum():  # skip the rest of a word so "T1b" gives no number
                while i < len(text) and text[i].isalnum():
                    i += 1
            else:
                i += 1
        nums = [t for t in tokens if t[0] == "num"]
        if not nums:
            return [], "no number"
        cmps = [t for t in tokens if t[0] == "cmp"]
        # a trailing "+" (IHC "3+", dipstick "2+") is only a comparator after a unit or >= 10
        if any(t[3] in ("+", "plus") for t in cmps):
            k = next(n for n, t in enumerate(tokens) if t[0] == "cmp" and t[3] in ("+", "plus"))
            before = tokens[k - 1] if k else None
            if before is None or before[0] != "num" or (before[2] is None and before[1] < 10):
                return [], "IHC-like '+'"
        bounds: list[Bound] = []
        if not cmps:
            # a range: number, connector, number (unit from either side)
            rng = self._range(text)
            if rng is None:
                return [], "no comparator"
            lo, hi, unit = rng
            if lo >= hi:
                return [], "not a range"
            return [Bound(">=", lo, unit, reference), Bound("<=", hi, unit, reference)], "range"
        for k, tok in enumerate(tokens):
            if tok[0] != "cmp":
                continue
            if tok[2] == "CMP":
                target = tokens[k + 1] if k + 1 < len(tokens) else None
            else:
                target = tokens[k - 1] if k > 0 else None
            if target is None or target[0] != "num":
                return [], "comparator without number"
            unit = target[2]
            if unit is None:  # "> 18 and < 70 years": the last number's unit is shared
                later = [t for t in tokens[k:] if t[0] == "num" and t[2] is not None]
                unit = later[0][2] if later else None
            bounds.append(Bound(tok[1], target[1], unit, reference))
        if reference is not None:
            bounds = [Bound(b.comparator, b.number, None, b.reference) for b in bounds]
        return bounds, "comparator"

    def _range(self, text: str) -> tuple[float, float, str | None] | None:
        for m in _NUMBER.finditer(text):
            unit1 = self._unit_at(text, m.end())
            after = unit1[1] if unit1 else m.end()
            conn = _RANGE.match(text, after)
            if conn is None:
                continue
            word = conn.group().strip().lower()
            if word == "and" and not _BETWEEN.search(text[: m.start()]):
                continue
            m2 = _NUMBER.match(text, conn.end())
            if m2 is None:
                continue
            unit2 = self._unit_at(text, m2.end())
            unit = (unit2 or unit1 or (None,))[0]
            lo, hi = (float(x.group().replace(",", "")) for x in (m, m2))
            reference = _ULN.search(text) or _LLN.search(text)
            return lo, hi, None if reference else unit
        return None


# ---------------------------------------------------------------- matching


def value_text(trial, entity, max_gap: int = 25) -> str:
    """The text to derive gold from: a discontinuous Value whose gaps are short is read over
    its covering span, because Chia annotators often skipped words of the comparator
    ("less than [or equal to] 1.5 x ULN"); long gaps keep brat's joined fragment text."""
    frags = sorted(entity.fragments)
    gaps = sum(max(0, b[0] - a[1]) for a, b in zip(frags, frags[1:]))
    if len(frags) > 1 and gaps <= max_gap:
        return trial.text[entity.start : entity.end]
    return entity.text


def norm_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.replace("µ", "u").replace("μ", "u").replace(" ", "").lower()
    return u or None


def reference_of(node: Compare) -> str | None:
    return node.reference.value if node.reference is not None else None


def field_mismatch(node: Compare, bound: Bound, lenient: bool = False) -> str | None:
    """The first field where ``node`` differs from ``bound`` (None: it matches).

    ``lenient``: a gold bound without a unit ("BMI > 30", "age less than 40 or over 80
    years") accepts any unit the parser supplied from context or the variable's default."""
    if node.comparator.value != bound.comparator:
        return "wrong comparator"
    if abs(node.value - bound.number) >= 1e-9:
        return "wrong number"
    if norm_unit(node.unit) != norm_unit(bound.unit) and not (lenient and bound.unit is None):
        return "wrong unit"
    if reference_of(node) != bound.reference:
        return "missing ULN" if bound.reference else "wrong reference"
    return None


def trial_compares(trial) -> list[Compare]:
    seen: dict[tuple, Compare] = {}

    def walk(criterion) -> None:
        if criterion.logic is not None:
            for leaf in atoms(criterion.logic):
                if isinstance(leaf, Compare):
                    key = (leaf.span.start, leaf.span.end, leaf.comparator, leaf.value, leaf.unit,
                           leaf.reference, leaf.variable.span.start, leaf.variable.span.end)
                    seen.setdefault(key, leaf)
        for part in criterion.parts:
            walk(part)

    for criterion in trial.criteria:
        walk(criterion)
    return sorted(seen.values(), key=lambda c: (c.span.start, c.span.end))


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def describe(node: Compare) -> str:
    ref = f" x{node.reference.value}" if node.reference is not None else ""
    unit = f" {node.unit}" if node.unit else ""
    return f"{node.variable.name} {node.comparator.value} {node.value:g}{unit}{ref}"


def show_bound(b: Bound) -> str:
    return f"{b.comparator} {b.number:g}" + (f" {b.unit}" if b.unit else "") + (f" x{b.reference}" if b.reference else "")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N trials")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--show", action="store_true", help="print 20 random derived gold examples")
    parser.add_argument("--examples", type=int, default=3, help="examples per error category")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2

    deriver = Deriver()
    trials = []
    for trial in iter_trials(args.corpus):
        trials.append(trial)
        if args.limit is not None and len(trials) >= args.limit:
            break

    # gold items: (trial index, pair, bound)
    gold: list[tuple[int, object, Bound]] = []
    pairs_total = 0
    pairs_gold = 0
    reasons: Counter[str] = Counter()
    excluded: dict[int, list] = defaultdict(list)  # values left out of the gold set: no verdict
    derived_examples: list[tuple[str, list[Bound], str]] = []
    for index, trial in enumerate(trials):
        for pair in value_pairs(trial):
            pairs_total += 1
            text = value_text(trial, pair.value)
            bounds, reason = deriver.derive(text)
            reasons[reason if bounds else "not gold: " + reason] += 1
            derived_examples.append((text, bounds, reason))
            if bounds:
                pairs_gold += 1
                gold.extend((index, pair, b) for b in bounds)
            else:
                excluded[index].append(pair.value.fragments)

    if args.show:
        rng = random.Random(args.seed)
        kept = [e for e in derived_examples if e[1]]
        print("20 random derived gold values:")
        for text, bounds, reason in rng.sample(kept, min(20, len(kept))):
            print(f"  {text!r:45} -> {'; '.join(show_bound(b) for b in bounds)}  [{reason}]")
        dropped = [e for e in derived_examples if not e[1] and re.search(r"\d", e[0])]
        print("10 random numeric values left out of the gold set:")
        for text, _, reason in rng.sample(dropped, min(10, len(dropped))):
            print(f"  {text!r:45} [{reason}]")
        print()

    started = time.perf_counter()
    parsed, crashes = parse_all(trials)
    elapsed = time.perf_counter() - started
    compares = [trial_compares(p) if p is not None else [] for p in parsed]

    # recall + error categories
    matched = 0
    lenient_matched = 0
    var_overlap = 0
    pairs_all_matched: dict[tuple, bool] = {}
    errors: dict[str, list[dict]] = defaultdict(list)
    for index, pair, bound in gold:
        near = [c for c in compares[index] if any(overlaps(c.span.start, c.span.end, s, e)
                                                  for s, e in pair.value.fragments)]
        hits = [c for c in near if field_mismatch(c, bound) is None]
        if any(field_mismatch(c, bound, lenient=True) is None for c in near):
            lenient_matched += 1
        key = (index, pair.section, pair.value.id)
        if hits:
            matched += 1
            good = [c for c in hits if any(overlaps(c.variable.span.start, c.variable.span.end, s, e)
                                           for s, e in pair.subject.fragments)]
            if good:
                var_overlap += 1
            else:
                errors["subject not recognised as variable"].append(
                    _example(pair, bound, hits, extra=f"subject {pair.subject.text!r}"))
            pairs_all_matched.setdefault(key, True)
            continue
        pairs_all_matched[key] = False
        if parsed[index] is None:
            category = "parser crashed on the trial"
        elif not near:
            category = "no compare overlapping the value"
        else:
            # prefer the candidate with the same number: it is the node meant for this bound
            same_number = [c for c in near if abs(c.value - bound.number) < 1e-9]
            pool = same_number or near
            order = ["wrong comparator", "wrong unit", "missing ULN", "wrong reference", "wrong number"]
            category = min((field_mismatch(c, bound) for c in pool), key=order.index)
            if not same_number:
                category = "wrong number"
        errors[category].append(_example(pair, bound, near))

    # precision over the gold lines
    gold_by_line: dict[tuple[int, int, int], list[Bound]] = defaultdict(list)
    for index, pair, bound in gold:
        gold_by_line[(index, pair.line.start, pair.line.end)].append(bound)
    in_lines = 0
    correct = 0
    judged = 0
    judged_correct = 0
    for (index, l0, l1), bounds in gold_by_line.items():
        for c in compares[index]:
            if l0 <= c.span.start and c.span.end <= l1:
                in_lines += 1
                if any(field_mismatch(c, b) is None for b in bounds):
                    correct += 1
                # judged: leave out compares on values the gold set cannot judge (bare "="
                # comparators flattened in the release, values without a number), and
                # accept the unit the parser gives where the annotated value has none
                if any(overlaps(c.span.start, c.span.end, s, e) for fr in excluded[index] for s, e in fr):
                    continue
                judged += 1
                if any(field_mismatch(c, b, lenient=True) is None for b in bounds):
                    judged_correct += 1

    trials_per_s = len(trials) / elapsed if elapsed else float("inf")
    figures = {
        "corpus": str(args.corpus),
        "trials": len(trials),
        "has_value_pairs": pairs_total,
        "gold_pairs": pairs_gold,
        "gold_bounds": len(gold),
        "gold_reasons": dict(reasons.most_common()),
        "value_recall": matched / len(gold) if gold else None,
        "matched_bounds": matched,
        "value_recall_lenient_unit": lenient_matched / len(gold) if gold else None,
        "pair_recall_all_bounds": (sum(pairs_all_matched.values()) / len(pairs_all_matched)
                                   if pairs_all_matched else None),
        "compare_precision": correct / in_lines if in_lines else None,
        "compare_precision_judged": judged_correct / judged if judged else None,
        "compares_judged": judged,
        "compares_in_gold_lines": in_lines,
        "compares_matching_gold": correct,
        "variable_span_overlap": var_overlap / matched if matched else None,
        "errors": {k: len(v) for k, v in sorted(errors.items(), key=lambda kv: -len(kv[1]))},
        "parser_crashes": crashes,
        "parse_seconds": elapsed,
        "trials_per_second": trials_per_s,
    }

    print(f"trials: {len(trials)}   has_value pairs: {pairs_total}   gold pairs: {pairs_gold}   "
          f"gold bounds: {len(gold)}")
    print("value-text classes:", ", ".join(f"{k}={v}" for k, v in reasons.most_common()))
    print()
    print(f"value recall          {figures['value_recall']:.3f}  ({matched}/{len(gold)} bounds; "
          f"pairs with every bound matched: {figures['pair_recall_all_bounds']:.3f})")
    print(f"  lenient unit          {figures['value_recall_lenient_unit']:.3f}  (a gold bound without a unit "
          "accepts any parser unit)")
    if in_lines:
        print(f"compare precision     {figures['compare_precision']:.3f}  ({correct}/{in_lines} Compare "
              f"nodes inside {len(gold_by_line)} gold lines)")
    if matched:
        print(f"  judged, lenient unit  {figures['compare_precision_judged']:.3f}  ({judged_correct}/{judged}: "
              "compares on values the gold set leaves out are not judged)")
        print(f"variable-span overlap {figures['variable_span_overlap']:.3f}  ({var_overlap}/{matched} "
              "matched bounds)")
    print()
    print("errors:")
    rng = random.Random(args.seed)
    samples = {}
    for category, items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"  {category}: {len(items)}")
        chosen = rng.sample(items, min(args.examples, len(items)))
        samples[category] = chosen
        for ex in chosen:
            print(f"    line:     {ex['line']}")
            print(f"    value:    {ex['value']!r} -> expected {ex['expected']}"
                  + (f"  ({ex['extra']})" if ex.get("extra") else ""))
            print(f"    produced: {ex['produced'] or '(no Compare on the value)'}")
    print()
    if crashes:
        print(f"parser crashed on {len(crashes)} trials (counted with no Compare nodes):")
        for tid, msg in list(crashes.items())[:10]:
            print(f"  {tid}: {msg}")
    print(f"parse time {elapsed:.1f}s for {len(trials)} trials = {trials_per_s:.1f} trials/s")

    if args.json is not None:
        figures["error_examples"] = samples
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def parse_all(trials, chunk: int = 32) -> tuple[list, dict[str, str]]:
    """Parse with ``api.parse_many`` in chunks; a chunk that raises is redone one trial at a
    time so a parser crash costs only that trial (its Compare list stays empty)."""
    parsed: list = []
    crashes: dict[str, str] = {}
    for k in range(0, len(trials), chunk):
        batch = trials[k : k + chunk]
        try:
            done = list(api.parse_many((Document(t.id, t.text) for t in batch), batch_size=chunk))
        except Exception:  # noqa: BLE001 - a benchmark must survive parser bugs
            done = None
        if done is not None:
            parsed.extend(done)
            continue
        for t in batch:
            try:
                parsed.append(api.parse_document(Document(t.id, t.text)))
            except Exception as err:  # noqa: BLE001
                parsed.append(None)
                crashes[t.id] = f"{type(err).__name__}: {str(err).strip().splitlines()[-1][:200]}"
    return parsed, crashes


def _example(pair, bound: Bound, nodes: list[Compare], extra: str = "") -> dict:
    return {
        "line": pair.line.text,
        "value": pair.value.text,
        "subject": pair.subject.text,
        "expected": show_bound(bound),
        "produced": "; ".join(describe(c) for c in nodes),
        "extra": extra,
    }


if __name__ == "__main__":
    raise SystemExit(main())
