"""Accuracy against gold encodings, optional Chia value coverage, and throughput.

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


def _parse(document: Document) -> Trial:
    from ..api import parse_document

    return parse_document(document)


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


def _throughput(documents: list[Document], seconds: float) -> dict[str, Any]:
    """Parse every document over and over for about ``seconds``."""
    if not documents:
        return {"trials": 0, "seconds": 0.0, "trials_per_s": 0.0, "criteria_per_s": 0.0}
    criteria = 0
    trials = 0
    start = time.perf_counter()
    while True:
        for document in documents:
            criteria += len(_parse(document).criteria)
            trials += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return {"trials": trials, "seconds": round(elapsed, 3), "trials_per_s": trials / elapsed,
            "criteria_per_s": criteria / elapsed}


def chia_coverage(folder: Path | str, limit: int | None = 200) -> dict[str, Any]:
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
            parsed.append(_parse(document))
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
              seconds: float = 3.0, chia_limit: int | None = 200) -> dict[str, Any]:
    """Accuracy per gold trial and in total (micro-averaged), optional Chia value coverage,
    and throughput (trials/s over about ``seconds`` of repeated parsing of the gold texts)."""
    rows: list[dict[str, Any]] = []
    documents: list[Document] = []
    for directory in find_gold(gold_dirs):
        gold, document = load_gold(directory)
        error = None
        try:
            parsed = _parse(document)
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
        out["chia"] = chia_coverage(chia, chia_limit)
    if throughput:
        out["throughput"] = _throughput(documents, seconds)
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
