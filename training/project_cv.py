"""Cross-validated figures for the whole parser on LCT dev: each half of the dev trials is
parsed with the entity model trained without it (the fold models of ``entities.py cv``),
and both halves are written as one batch file that the LCT scorers read.

    python project_cv.py RUN_DIR OUT.jsonl [--lct DIR]

RUN_DIR is a ``cv`` run (e.g. ``runs/cv-chia-w48``, holding ``test-a/model/model-best`` and
``test-b/model/model-best``). Score OUT.jsonl with the shared tools, e.g.
``python ../../shared/lct-dev/tools/lct_entities.py --batch-output OUT.jsonl`` and
``project_adapter.py --batch-output OUT.jsonl`` then ``score_thresholds.py``. The shipped
model is trained on every dev trial, so figures measured with it on the dev half say
nothing about unseen trials; these do.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy

from criteria_nlp.assemble import assemble_trial
from criteria_nlp.ingest import from_text
from criteria_nlp.pipeline import build_nlp, make_doc
from criteria_nlp.serialize import trial_to_json

LCT = Path(__file__).resolve().parents[2] / "shared" / "lct-dev" / "data" / "lct" / "leaf_clinical_trials" / "dev"
FOLDS = ("a", "b")  # as in entities.py: alternate trials in NCT-id order


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--lct", type=Path, default=LCT)
    args = ap.parse_args()
    paths = sorted(args.lct.glob("NCT*.txt"), key=lambda p: p.stem)
    with args.out.open("w", encoding="utf-8") as out:
        for i, fold in enumerate(FOLDS):
            nlp = build_nlp(entities=True)
            nlp.get_pipe("cnlp_entities").ner = spacy.load(args.run / f"test-{fold}" / "model" / "model-best").get_pipe("ner")
            documents = [from_text(p.open(encoding="utf-8", newline="").read(), id=p.stem) for p in paths[i :: len(FOLDS)]]
            for document, doc in zip(documents, nlp.pipe(make_doc(nlp, d.text) for d in documents)):
                out.write(json.dumps(trial_to_json(assemble_trial(document, doc)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
