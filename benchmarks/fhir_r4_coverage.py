#!/usr/bin/env python3
"""How many real trials export to valid FHIR R4, and how much of each stays structured?

Trials: the reference trial and the six gold trials (their hand-made gold trees under
``corpora/``), and the first ``--lct N`` trials (sorted by file name) of the LCT dev half
(``../shared/lct-dev/data/lct/leaf_clinical_trials/dev/*.txt``), parsed by the pipeline.

For each trial: whether ``export --format fhir-r4`` gives a Bundle that validates as R4
(fhirclient's 4.0.1 models, strict), how many EvidenceVariable characteristics are
structured (a code or a contained Group) or carried as CQL (definitionExpression), and how
many constructs are reported. "Before" is the rule of the former R4 export (a Group, only
when every criterion with logic is a plain conjunction of atoms and negated atoms; anything
else refused the whole trial), applied to the same trees.

    python benchmarks/fhir_r4_coverage.py [--lct 14] [--lct-dir DIR]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from fhirclient.models.bundle import Bundle

from criteria_nlp.api import parse_text
from criteria_nlp.errors import ExportError
from criteria_nlp.export.fhir import export_fhir_r4
from criteria_nlp.logic import And, Compare, Concept, Node, Not, Or, Section
from criteria_nlp.serialize import trial_from_json

ROOT = Path(__file__).resolve().parent.parent
LCT = ROOT.parent / "shared" / "lct-dev" / "data" / "lct" / "leaf_clinical_trials" / "dev"


def plain_conjunction(node: Node, negated: bool) -> bool:
    """The former R4 Group rule: atoms and negated atoms under "and" (``not(or)`` counts)."""
    match node:
        case Compare() | Concept():
            return True
        case Not(arg):
            return plain_conjunction(arg, not negated)
        case And(args) if not negated:
            return all(plain_conjunction(a, False) for a in args)
        case Or(args) if negated:
            return all(plain_conjunction(a, True) for a in args)
    return False


def trials(lct: int, lct_dir: Path):
    for path in sorted(ROOT.glob("corpora/**/gold.json")):
        yield "gold", trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
    for path in sorted(lct_dir.glob("*.txt"))[:lct]:
        yield "lct", parse_text(path.read_text(encoding="utf-8"), id=path.stem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lct", type=int, default=14, help="how many LCT dev trials (default 14)")
    parser.add_argument("--lct-dir", type=Path, default=LCT)
    args = parser.parse_args()
    before = after = total = 0
    print(f"{'trial':<14}{'source':<7}{'before':<8}{'after':<7}{'structured':>11}{'cql':>5}{'reported':>10}")
    for source, trial in trials(args.lct, args.lct_dir):
        total += 1
        old = all(plain_conjunction(c.logic, c.section is Section.EXCLUSION)
                  for c in trial.criteria if c.logic is not None)
        try:
            result = export_fhir_r4(trial)
            bundle = json.loads(result.content)
            Bundle(bundle, strict=True)
            ok = True
        except ExportError:
            ok = False
        before += old
        after += ok
        if ok:
            characteristics = bundle["entry"][0]["resource"]["characteristic"]
            cql = sum("definitionExpression" in c for c in characteristics)
            print(f"{trial.id:<14}{source:<7}{'valid' if old else 'refused':<8}{'valid':<7}"
                  f"{len(characteristics) - cql:>11}{cql:>5}{len(result.unsupported):>10}")
        else:
            print(f"{trial.id:<14}{source:<7}{'valid' if old else 'refused':<8}{'FAILED':<7}")
    print(f"valid R4: before {before}/{total}, after {after}/{total}")


if __name__ == "__main__":
    main()
