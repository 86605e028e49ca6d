"""Patient evaluation throughput on one core: criteria per second and patients x trial per second.

The reference trial's gold tree (corpora/NCT00846833/gold.json, 21 criteria, 35 atoms) is
checked against every synthetic patient of corpora/patients/NCT00846833 (native and FHIR),
closed-world so that every atom is read to the end. Three figures, each the best of
``--runs`` timed runs after one warm-up:

* criterion evaluations/s: one ``Evaluator`` per patient built beforehand (the patient's facts
  indexed once), then ``Evaluator.criterion`` over every criterion (budget: 10,000/s);
* patients x trial/s: ``Evaluator(patient).trial(trial)``, indexing included;
* records read + checked/s: the same, starting from the parsed JSON (validation, and for
  Bundles the FHIR models, included).

Usage: ``python benchmarks/evaluate_bench.py [--runs N] [--rounds N] [--json OUT]``
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "corpora" / "NCT00846833" / "gold.json"
PATIENTS = REPO / "corpora" / "patients" / "NCT00846833"
BUDGET_CRITERIA_PER_S = 10_000.0


def _one_core() -> int | None:
    """Pin this process to one CPU, as the budget is stated per core."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def _best(run, runs: int) -> float:
    run()  # warm: lazy imports, lexicons and unit caches out of the timing
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (best is reported)")
    parser.add_argument("--rounds", type=int, default=20, help="passes over all patients per run")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    args = parser.parse_args(argv)
    if not GOLD.is_file():
        parser.error(f"gold tree not found: {GOLD}")

    from criteria_nlp.evaluate import Evaluator, Options
    from criteria_nlp.patients import read_patient
    from criteria_nlp.serialize import trial_from_json

    core = _one_core()
    trial = trial_from_json(json.loads(GOLD.read_text(encoding="utf-8")))
    raws = [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(PATIENTS.glob("*.json"))]
    patients = [read_patient(raw, source=name) for name, raw in raws]
    options = Options(closed_world=True)
    evaluators = [Evaluator(p, options) for p in patients]
    criteria = trial.criteria

    def criterion_pass() -> None:
        for _ in range(args.rounds):
            for evaluator in evaluators:
                for criterion in criteria:
                    evaluator.criterion(criterion)

    def trial_pass() -> None:
        for _ in range(args.rounds):
            for patient in patients:
                Evaluator(patient, options).trial(trial)

    def record_pass() -> None:
        for name, raw in raws:
            Evaluator(read_patient(raw, source=name), options).trial(trial)

    evaluations = args.rounds * len(evaluators) * len(criteria)
    checks = args.rounds * len(patients)
    figures = {
        "core": core,
        "patients": len(patients),
        "criteria_per_trial": len(criteria),
        "criterion_evaluations_per_s": evaluations / _best(criterion_pass, args.runs),
        "patients_x_trial_per_s": checks / _best(trial_pass, args.runs),
        "records_read_and_checked_per_s": len(raws) / _best(record_pass, args.runs),
    }
    verdict = "within" if figures["criterion_evaluations_per_s"] >= BUDGET_CRITERIA_PER_S else "OVER"
    print(f"one core ({'cpu ' + str(core) if core is not None else 'unpinned'}), "
          f"{len(patients)} patients x {len(criteria)} criteria of {trial.id}")
    print(f"criterion evaluations/s   {figures['criterion_evaluations_per_s']:>10,.0f}   "
          f"(budget {BUDGET_CRITERIA_PER_S:,.0f}/s: {verdict} budget)")
    print(f"patients x trial/s        {figures['patients_x_trial_per_s']:>10,.0f}")
    print(f"records read + checked/s  {figures['records_read_and_checked_per_s']:>10,.0f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if verdict == "within" else 1


if __name__ == "__main__":
    raise SystemExit(main())
