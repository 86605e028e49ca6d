#!/usr/bin/env python3
"""Train and evaluate criteria-nlp's entity recognizer (CONDITION, DRUG, PROCEDURE,
OBSERVATION) on Chia and the LCT dev half.

Every text is tokenized by the project's own pipeline tokenizer, so the trained entity
boundaries are the ones the runtime component sees. Commands:

  stats    how the annotations convert (label counts, spans widened to tokens, overlaps dropped)
  cv       2-fold cross-validation on LCT dev (by trial, fixed split): train on Chia (unless
           --no-chia) + one LCT half, score on the other half, both folds in parallel
  final    train on Chia + all of LCT dev with the same recipe; --ship copies the model into
           src/criteria_nlp/models/entities/
  ship     copy a trained model into the package (what ``final --ship`` does at the end)
  speed    words/s and trials/s of the component alone on LCT dev, one thread

Model selection inside a run uses a dev slice of the training side only (every 10th LCT
training trial, held out of training), so the cross-validated figures never see the test half.
See training/README.md for the label mapping, the overlap rule and the figures.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the speed figures and parallel folds rely on it

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from corpus import LABELS, Trial, chia_trials, lct_trials, resolve
from criteria_nlp.pipeline import build_nlp, make_doc
from criteria_nlp.pipeline.entities import EntityRecognizer, load_ner
from scoring import EntityScore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = HERE / "entities.cfg"
SHARED = ROOT.parent / "shared"
CHIA = SHARED / "corpora" / "chia" / "chia_without_scope"
LCT = SHARED / "lct-dev" / "data" / "lct" / "leaf_clinical_trials" / "dev"
SHIPPED = ROOT / "src" / "criteria_nlp" / "models" / "entities"
FOLDS = ("a", "b")
DEV_EVERY = 10  # every 10th LCT training trial is the run's dev slice


def tokenizer():
    """The project's pipeline (tokenizer and all); only ``make_doc`` is used for data."""
    return build_nlp(abbreviations=False)


def lct_folds(trials: list[Trial]) -> dict[str, list[Trial]]:
    """Fixed split by trial: alternate trials in NCT-id order."""
    ordered = sorted(trials, key=lambda t: t.id)
    return {fold: ordered[i :: len(FOLDS)] for i, fold in enumerate(FOLDS)}


def split_dev(trials: list[Trial]) -> tuple[list[Trial], list[Trial]]:
    dev = trials[::DEV_EVERY]
    return [t for t in trials if t not in dev], dev


def write_docbin(nlp, trials: list[Trial], path: Path, copies: int = 1) -> None:
    docs = DocBin(store_user_data=False)
    for trial in trials:
        doc = nlp.make_doc(trial.text)
        doc.ents = resolve(doc, trial.mentions, Counter())
        for _ in range(copies):
            docs.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(path)


def write_training_data(nlp, chia, train_lct, dev, run: Path, lct_weight: int) -> None:
    """``run/train/`` (every DocBin in it is training data) and ``run/dev.spacy``."""
    write_docbin(nlp, chia, run / "train" / "chia.spacy")
    write_docbin(nlp, train_lct, run / "train" / "lct.spacy", copies=lct_weight)
    write_docbin(nlp, dev, run / "dev.spacy")


def train_command(train: Path, dev: Path, out: Path, overrides: list[str]) -> list[str]:
    sets = []
    for item in overrides:
        key, _, value = item.partition("=")
        sets += [f"--{key}", value]
    return [
        sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out),
        "--paths.train", str(train), "--paths.dev", str(dev), *sets,
    ]


def run_training(jobs: list[tuple[Path, Path, Path]], overrides: list[str]) -> None:
    """Train one model per job, all at once (one thread each), logs beside each model."""
    procs = []
    for train, dev, out in jobs:
        out.mkdir(parents=True, exist_ok=True)
        log = open(out / "train.log", "w")
        procs.append((subprocess.Popen(train_command(train, dev, out, overrides), stdout=log, stderr=subprocess.STDOUT), out))
    for proc, out in procs:
        if proc.wait() != 0:
            raise SystemExit(f"training failed, see {out / 'train.log'}")


def predict(recognizer: EntityRecognizer, nlp, trials: list[Trial]) -> list[list[tuple[int, int, str]]]:
    docs = recognizer.pipe(nlp.make_doc(t.text) for t in trials)
    return [[(m.start_char, m.end_char, m.label) for m in doc._.cnlp_entities] for doc in docs]


def recognizer_from(nlp, model_dir: Path) -> EntityRecognizer:
    return EntityRecognizer(nlp, spacy.load(model_dir).get_pipe("ner"))


def load_trials(with_chia: bool) -> tuple[list[Trial], list[Trial]]:
    chia = list(chia_trials(CHIA)) if with_chia else []
    return chia, list(lct_trials(LCT))


def cmd_stats(args) -> None:
    nlp = tokenizer()
    chia, lct = load_trials(True)
    for name, trials in (("chia", chia), ("lct dev", lct)):
        stats: Counter = Counter()
        labels: Counter = Counter()
        for trial in trials:
            doc = nlp.make_doc(trial.text)
            spans = resolve(doc, trial.mentions, stats)
            labels.update(s.label_ for s in spans)
        mentions = sum(len(t.mentions) for t in trials)
        print(f"{name}: {len(trials)} trials, {mentions} mentions; {dict(stats)}; kept by label {dict(labels)}")


def cmd_cv(args) -> None:
    out = Path(args.out)
    nlp = tokenizer()
    chia, lct = load_trials(not args.no_chia)
    folds = lct_folds(lct)
    runs = {test: out / f"test-{test}" for test in FOLDS}
    if not args.score_only:
        for test, run in runs.items():
            train_lct = [t for fold in FOLDS if fold != test for t in folds[fold]]
            write_training_data(nlp, chia, *split_dev(train_lct), run, args.lct_weight)
        run_training([(run / "train", run / "dev.spacy", run / "model") for run in runs.values()], args.set)
    pooled = EntityScore()
    report = {"command": " ".join(sys.argv), "folds": {}}
    for test, run in runs.items():
        recognizer = recognizer_from(nlp, run / "model" / "model-best")
        score = EntityScore()
        for trial, predicted in zip(folds[test], predict(recognizer, nlp, folds[test])):
            score.add(trial, predicted)
            pooled.add(trial, predicted)
        report["folds"][test] = score.figures()
        print(f"test on LCT half {test} ({len(folds[test])} trials):\n{score.table()}\n")
    report["pooled"] = {label: pooled.figures((label,)) for label in LABELS}
    report["pooled"]["all"] = pooled.figures()
    print(f"both halves pooled (the cross-validated estimate):\n{pooled.table()}")
    (out / "cv.json").write_text(json.dumps(report, indent=1))
    (out / "cv.md").write_text(pooled.table() + "\n")


def cmd_final(args) -> None:
    out = Path(args.out)
    nlp = tokenizer()
    chia, lct = load_trials(not args.no_chia)
    train_lct, dev = split_dev(sorted(lct, key=lambda t: t.id))
    write_training_data(nlp, chia, train_lct, dev, out, args.lct_weight)
    run_training([(out / "train", out / "dev.spacy", out / "model")], args.set)
    if args.ship:
        ship(out / "model" / "model-best", SHIPPED)


def ship(model_dir: Path, dest: Path) -> None:
    """Config and weights as two files the package loads through importlib.resources."""
    model = spacy.load(model_dir)
    config = model.config.copy()
    config["paths"] = {"train": None, "dev": None}
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "config.cfg").write_text(config.to_str(), encoding="utf-8")
    (dest / "model.bin").write_bytes(model.get_pipe("ner").to_bytes(exclude=["vocab"]))
    # the round trip the package will do
    load_ner(spacy.blank("en"), (dest / "config.cfg").read_text(encoding="utf-8"), (dest / "model.bin").read_bytes())
    print(f"shipped {model_dir} -> {dest} ({(dest / 'model.bin').stat().st_size / 1e6:.2f} MB)")


def cmd_ship(args) -> None:
    ship(Path(args.model), SHIPPED)


def cmd_speed(args) -> None:
    nlp = tokenizer()
    _, lct = load_trials(False)
    if args.model:
        recognizer = recognizer_from(nlp, Path(args.model))
    else:
        from criteria_nlp.pipeline.entities import packaged_ner

        recognizer = EntityRecognizer(nlp, packaged_ner(nlp))
    docs = [nlp.make_doc(t.text) for t in lct]
    words = sum(1 for doc in docs for token in doc if not token.is_space)

    def best_of(run) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        return best

    took = best_of(lambda: list(recognizer.pipe(docs)))
    print(f"component: {len(docs)} trials, {words} words: {words / took:,.0f} words/s, {len(docs) / took:,.0f} trials/s (best of {args.repeat})")
    if args.pipeline:
        for entities in (False, True):
            pipeline = build_nlp(entities=entities)
            took = best_of(lambda: list(pipeline.pipe(make_doc(pipeline, t.text) for t in lct)))
            print(f"whole spaCy pipeline, entities={entities}: {len(lct) / took:,.0f} trials/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("stats", help="annotation conversion counts").set_defaults(run=cmd_stats)
    for name, run, help_text in (("cv", cmd_cv, "2-fold cross-validation on LCT dev"), ("final", cmd_final, "train the model to ship")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--out", required=True, help="run folder (DocBins, models, logs, figures)")
        p.add_argument("--no-chia", action="store_true", help="train on LCT only")
        p.add_argument("--lct-weight", type=int, default=1, help="copies of each LCT training trial")
        p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="config override, e.g. components.ner.model.tok2vec.width=64")
        p.set_defaults(run=run)
    sub.choices["cv"].add_argument("--score-only", action="store_true", help="score the models already in --out")
    sub.choices["final"].add_argument("--ship", action="store_true", help="copy the model into the package")
    p = sub.add_parser("ship", help="copy a trained model into the package")
    p.add_argument("--model", required=True, help="a trained model folder, e.g. RUN/model/model-best")
    p.set_defaults(run=cmd_ship)
    p = sub.add_parser("speed", help="component speed on LCT dev, one thread")
    p.add_argument("--model", help="a trained model folder (default: the shipped model)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--pipeline", action="store_true", help="also the whole spaCy pipeline with and without it")
    p.set_defaults(run=cmd_speed)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
