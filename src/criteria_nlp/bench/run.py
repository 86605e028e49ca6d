"""Accuracy against gold encodings, optional Chia value coverage, throughput, and the LCT
benchmark (``lct_bench``: parse a Leaf Clinical Trials folder, score it with ``lct_score``).

``run_bench`` finds every directory holding a ``gold.json`` (criteria-logic/1) under the
given directories, parses the directory's ``criteria.txt`` (or, without one, the text inside
``gold.json``), and compares the result with the gold trial (``compare.py``): atoms gold /
parsed / matched, precision, recall, F1, connective-position agreement, per-criterion exact
match rate and semantic agreement on generated patients. Totals are micro-averaged.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .compare import compare_trials, prf
from ..errors import CriteriaNLPError
from ..ingest import Document
from ..logic import Compare, Trial, atoms
from ..serialize import trial_from_json


def _read_exact(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def find_gold(gold_dirs: Path | str | Iterable[Path | str]) -> list[Path]:
    """Every directory (the given ones included) that holds a gold.json, sorted, no repeats."""
    if isinstance(gold_dirs, (str, Path)):
        gold_dirs = [gold_dirs]
    found: set[Path] = set()
    for root in map(Path, gold_dirs):
        if not root.is_dir():
            raise CriteriaNLPError(f"{root}: not a directory")
        found.update(p.parent.resolve() for p in root.rglob("gold.json"))
    return sorted(found, key=lambda p: (p.name, str(p)))


def load_gold(directory: Path) -> tuple[Trial, Document]:
    """The gold trial of ``directory`` and the document to parse for it."""
    gold = trial_from_json(json.loads(_read_exact(directory / "gold.json")), source=str(directory))
    text_file = directory / "criteria.txt"
    text = _read_exact(text_file) if text_file.is_file() else gold.text
    return gold, Document(gold.id, text, gold.structured, str(directory))


def _parse(document: Document, fast: bool = False) -> Trial:
    from ..api import parse_document

    return parse_document(document, fast=fast)


def _totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("gold_atoms", "parsed_atoms", "matched", "position_agree", "gold_criteria",
            "exact_criteria", "patients")
    total: dict[str, Any] = {key: sum(r[key] for r in rows) for key in keys}
    total["precision"], total["recall"], total["f1"] = prf(total["matched"], total["gold_atoms"],
                                                          total["parsed_atoms"])
    total["position_rate"] = total["position_agree"] / total["matched"] if total["matched"] else 1.0
    total["exact_rate"] = total["exact_criteria"] / total["gold_criteria"] if total["gold_criteria"] else 1.0
    patients = total["patients"]
    for key in ("semantic_agreement", "trial_agreement", "criterion_agreement"):
        total[key] = (sum(r[key] * r["patients"] for r in rows) / patients) if patients else None
    total["trials"] = len(rows)
    return total


def _throughput(documents: list[Document], seconds: float, fast: bool = False) -> dict[str, Any]:
    """Parse every document over and over for about ``seconds``."""
    if not documents:
        return {"trials": 0, "seconds": 0.0, "trials_per_s": 0.0, "criteria_per_s": 0.0}
    criteria = 0
    trials = 0
    start = time.perf_counter()
    while True:
        for document in documents:
            criteria += len(_parse(document, fast).criteria)
            trials += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return {"trials": trials, "seconds": round(elapsed, 3), "trials_per_s": trials / elapsed,
            "criteria_per_s": criteria / elapsed}


def chia_coverage(folder: Path | str, limit: int | None = 200, fast: bool = False) -> dict[str, Any]:
    """Share of Chia ``has_value`` Value entities that a parsed ``compare`` span overlaps
    (a recall-style figure: Chia annotates no comparator direction), and parse speed."""
    from . import chia

    trials = []
    for number, trial in enumerate(chia.iter_trials(folder)):
        if limit is not None and number >= limit:
            break
        trials.append(trial)
    documents = [Document(t.id, t.text) for t in trials]
    parsed: list[Trial | None] = []
    failures: list[dict[str, str]] = []
    start = time.perf_counter()
    for document in documents:
        try:
            parsed.append(_parse(document, fast))
        except Exception as err:  # a parser bug on one trial must not end the benchmark
            parsed.append(None)
            failures.append({"trial": document.id, "error": f"{type(err).__name__}: {err}"[:300]})
    elapsed = time.perf_counter() - start
    values = covered = missed_by_failure = 0
    for source, result in zip(trials, parsed):
        if result is None:
            missed_by_failure += sum(1 for _ in chia.value_pairs(source))
            continue
        spans = [a.span for c in result.criteria if c.logic is not None
                 for a in atoms(c.logic) if isinstance(a, Compare)]
        for pair in chia.value_pairs(source):
            values += 1
            start_v, end_v = pair.value.start, pair.value.end
            if any(s.start < end_v and start_v < s.end for s in spans):
                covered += 1
    values += missed_by_failure
    return {"folder": str(folder), "trials": len(trials), "failed": len(failures), "failures": failures,
            "values": values, "covered": covered,
            "value_recall": covered / values if values else None,
            "trials_per_s": len(trials) / elapsed if elapsed else None}


def run_bench(gold_dirs: Path | str | Iterable[Path | str], chia: Path | str | None = None,
              throughput: bool = True, *, patients: int = 10_000, seed: int = 0,
              seconds: float = 3.0, chia_limit: int | None = 200, fast: bool = False) -> dict[str, Any]:
    """Accuracy per gold trial and in total (micro-averaged), optional Chia value coverage,
    and throughput (trials/s over about ``seconds`` of repeated parsing of the gold texts)."""
    rows: list[dict[str, Any]] = []
    documents: list[Document] = []
    for directory in find_gold(gold_dirs):
        gold, document = load_gold(directory)
        error = None
        try:
            parsed = _parse(document, fast)
            documents.append(document)
        except Exception as err:  # scored as an empty parse, reported, never fatal
            error = f"{type(err).__name__}: {err}"[:300]
            parsed = Trial(gold.id, document.text, ())
        result = compare_trials(gold, parsed, patients=patients, seed=seed)
        structural, semantic = result.structural, result.semantic
        row = structural.summary()
        row["dir"] = str(directory)
        row["error"] = error
        row["text_matches_gold"] = parsed.text == gold.text
        if semantic is not None:
            rates = list(semantic.criterion_agreement.values())
            row.update(patients=semantic.patients, exhaustive=semantic.exhaustive,
                       semantic_agreement=semantic.agreement,
                       trial_agreement=semantic.trial_agreement,
                       criterion_agreement=sum(rates) / len(rates) if rates else 1.0,
                       example=semantic.example, example_verdicts=semantic.example_verdicts)
        else:
            row.update(patients=0, exhaustive=False, semantic_agreement=0.0, trial_agreement=0.0,
                       criterion_agreement=0.0, example=None, example_verdicts=None)
        row["unmatched_gold"] = [a.to_dict() for a in structural.unmatched_gold]
        row["unmatched_parsed"] = [a.to_dict() for a in structural.unmatched_parsed]
        row["position_mismatches"] = [m.to_dict() for m in structural.position_mismatches]
        rows.append(row)
    out: dict[str, Any] = {"trials": rows, "total": _totals(rows)}
    if chia is not None:
        out["chia"] = chia_coverage(chia, chia_limit, fast)
    if throughput:
        out["throughput"] = _throughput(documents, seconds, fast)
    return out


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of ``run_bench`` output."""
    header = ("trial", "gold", "pars", "match", "P", "R", "F1", "pos", "exact", "sem", "sem-trial", "sem-crit")
    lines = ["{:<12} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6} {:>9} {:>8}".format(*header)]

    def line(name: str, r: dict[str, Any]) -> str:
        def pct(x: float | None) -> str:
            return "-" if x is None else f"{x:.3f}"
        exact = f"{r['exact_criteria']}/{r['gold_criteria']}"
        return "{:<12} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6} {:>9} {:>8}".format(
            name, r["gold_atoms"], r["parsed_atoms"], r["matched"], pct(r["precision"]), pct(r["recall"]),
            pct(r["f1"]), pct(r["position_rate"]), exact, pct(r["semantic_agreement"]),
            pct(r["trial_agreement"]), pct(r["criterion_agreement"]))

    for row in result["trials"]:
        lines.append(line(row["trial"], row))
    lines.append("-" * len(lines[0]))
    lines.append(line("TOTAL", result["total"]))
    patients = {r["patients"] for r in result["trials"]}
    lines.append("sem = share of generated patients on which the trial and every criterion agree; "
                 "sem-trial = same trial verdict; sem-crit = mean per-criterion agreement "
                 f"(patients per trial: {', '.join(str(p) for p in sorted(patients))})")
    if "chia" in result:
        c = result["chia"]
        recall = "-" if c["value_recall"] is None else f"{c['value_recall']:.3f}"
        lines.append(f"chia: {c['trials']} trials ({c['failed']} failed to parse), {c['covered']}/{c['values']} "
                     f"has_value values under a parsed compare (recall {recall})")
    if "throughput" in result:
        t = result["throughput"]
        lines.append(f"throughput: {t['trials_per_s']:.1f} trials/s, {t['criteria_per_s']:.0f} criteria/s "
                     f"({t['trials']} parses in {t['seconds']} s)")
    return "\n".join(lines)


def lct_bench(folder: Path | str, *, fast: bool = False) -> dict[str, Any]:
    """Parse every trial of an LCT brat folder and score it (``lct_score``): thresholds
    strict and variable-aware, units, entities, and ``errors`` (each variable-aware miss and
    false positive with its line); trials/s over the parsing alone, the pipeline built
    beforehand. A trial that fails to parse is scored as an empty parse and reported."""
    from . import lct, lct_score
    from ..pipeline import default_nlp

    if not Path(folder).is_dir():
        raise CriteriaNLPError(f"{folder}: not a directory")
    paths = lct.find_trials(folder)
    if not paths:
        raise CriteriaNLPError(f"{folder}: no LCT trials here (.ann files with their .txt)")
    gold = [lct.read_trial(p) for p in paths]
    documents = [Document(t.id, t.text, source=str(t.path)) for t in gold]
    default_nlp(fast=fast)
    start = time.perf_counter()
    parsed, failures = _parse_each(documents, fast)
    elapsed = time.perf_counter() - start
    pairs = list(zip(gold, parsed))
    errors: list[dict[str, Any]] = []
    return {"folder": str(folder), "trials": len(gold), "fast": fast, "failed": len(failures),
            "failures": failures, "trials_per_s": len(gold) / elapsed,
            "strict": lct_score.score_thresholds(pairs),
            "variable_aware": lct_score.score_thresholds(pairs, lct_score.same_variable, errors),
            "entities": lct_score.score_entities(pairs),
            "annotation_problems": {t.id: list(t.problems) for t in gold if t.problems},
            "errors": errors}


def _parse_each(documents: list[Document], fast: bool) -> tuple[list[Trial], list[dict[str, str]]]:
    """Parse through ``nlp.pipe`` in chunks; a chunk that fails is parsed one by one, and a
    document that fails alone becomes an empty trial."""
    from ..api import parse_many

    trials: list[Trial] = []
    failures: list[dict[str, str]] = []
    for begin in range(0, len(documents), 64):
        chunk = documents[begin:begin + 64]
        try:
            parsed = list(parse_many(chunk, fast=fast))  # the whole chunk or nothing
        except Exception:  # noqa: BLE001  (one bad text must not end the benchmark)
            parsed = [_parse_alone(document, fast, failures) for document in chunk]
        trials.extend(parsed)
    return trials, failures


def _parse_alone(document: Document, fast: bool, failures: list[dict[str, str]]) -> Trial:
    from ..api import parse_document

    try:
        return parse_document(document, fast=fast)
    except Exception as err:  # noqa: BLE001
        failures.append({"trial": document.id, "error": f"{type(err).__name__}: {err}"[:300]})
        return Trial(document.id, document.text, ())


def format_lct_table(result: dict[str, Any]) -> str:
    """A plain-text table of ``lct_bench`` output."""
    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    mode = "rules only (--fast)" if result["fast"] else "full pipeline"
    lines = [f"LCT: {result['trials']} trials, {mode}, {result['trials_per_s']:.1f} trials/s "
             f"({result['failed']} failed to parse)",
             f"{'thresholds':<16} {'P':>6} {'R':>6} {'F1':>6} {'units':>6}   matched pred / fp / matched gold / gold"]
    for name, key in (("strict", "strict"), ("variable-aware", "variable_aware")):
        s = result[key]
        lines.append(f"{name:<16} {pct(s['precision']):>6} {pct(s['recall']):>6} {pct(s['f1']):>6} "
                     f"{pct(s['unit_accuracy']):>6}   {s['tp_pred']} / {s['fp']} / {s['tp_gold']} / {s['gold']}")
    by_type = result["variable_aware"]["recall_by_type"]
    lines.append("variable-aware recall by variable: " + ", ".join(
        f"{t} {pct(c['recall'])} ({c['tp_gold']}/{c['gold']})" for t, c in by_type.items()))
    lines.append(f"{'entities':<16} {'gold':>6} {'found':>6} {'typed':>6}")
    entities = result["entities"]
    for name in ("Condition", "Drug", "Procedure", "Observation", "all"):
        e = entities[name]
        lines.append(f"{name:<16} {e['gold']:>6} {pct(e['found_recall']):>6} {pct(e['typed_recall']):>6}")
    lines.append(f"concept precision {pct(entities['concept_precision'])} ({entities['concepts']} concepts)")
    problems = sum(len(p) for p in result["annotation_problems"].values())
    if problems:
        lines.append(f"{problems} annotation lines skipped in {len(result['annotation_problems'])} trials "
                     "(see annotation_problems in --json)")
    lines.append("LCT corpus: Leaf Clinical Trials, uw-bionlp/leaf-corpora, MIT licence")
    return "\n".join(lines)
