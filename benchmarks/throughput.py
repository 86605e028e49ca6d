"""Throughput on the Chia trials, in both modes: ``full`` (with the trained entity
recognizer, the default) and ``fast`` (rules only, ``--fast`` on the command line).

Three stages, each timed over every trial twice (the best run is reported) in a fresh
subprocess of its own, so its peak resident memory (``ru_maxrss``) is its own:

* ``segmenter``: ``Segmenter()(text)`` alone;
* ``pipeline``: ``default_nlp(fast=...).pipe``: every component it builds at the time (scispaCy
  tokenizer, segmenter, abbreviation detector and whatever else was added; the names are
  reported);
* ``end-to-end``: ``api.parse_many`` on Documents (whatever the grammar stage does today).

For the two spaCy stages a third, untimed pass runs under ``tracemalloc`` for the peak of
Python allocations. Import + pipeline build time is measured in fresh interpreters with
``from criteria_nlp.pipeline import default_nlp; default_nlp()``.

Usage: ``python benchmarks/throughput.py [--corpus DIR] [--json OUT] [--mode full|fast|both]
[--profile STAGE] [--batch]``
(``--profile`` runs one stage under cProfile and prints where the time goes; ``--batch``
times ``criteria-nlp batch`` with 1 and 2 workers on the Chia trials and on 10,000 cycled
from them, each against scispaCy's tokenizer alone on the same texts; run it with another
installation's interpreter to time that one).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpora" / "chia" / "chia_without_scope"
STAGES = ("segmenter", "pipeline", "end-to-end")
BUDGETS = {"segmenter": 2000.0, "pipeline": 2000.0, "end-to-end": 500.0}  # trials/s
BUILD_BUDGET_S = 2.0
PEAK_BUDGET_MB = 500.0
RUNS = 2
BUILD_RUNS = 3
BATCH_SIZE = 64  # what api.parse_many uses
IMPORT_SNIPPET = (
    "import time; t=time.perf_counter(); from criteria_nlp.pipeline import default_nlp; "
    "default_nlp(); print(time.perf_counter()-t)"
)


def _package() -> dict:
    """Where the measured ``criteria_nlp`` came from (the installed copy, not ``src/``)."""
    import criteria_nlp

    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    return {"path": str(Path(criteria_nlp.__file__).parent), "repo_head": head or None}


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _load(corpus: Path) -> list:
    """The Documents of every trial (Chia trial text under its section headers)."""
    from criteria_nlp.bench import chia
    from criteria_nlp.ingest import from_text

    return [from_text(trial.text, id=trial.id) for trial in chia.iter_trials(corpus)]


def _runner(stage: str, fast: bool):
    """A function running ``stage`` over the documents (built outside the timing)."""
    if stage == "segmenter":
        from criteria_nlp.segmentation import Segmenter

        segmenter = Segmenter()

        def run(documents: list) -> int:
            return sum(len(segmenter(d.text)) for d in documents)

    elif stage == "pipeline":
        from criteria_nlp.pipeline import default_nlp, make_doc

        nlp = default_nlp(fast=fast)

        def run(documents: list) -> int:
            docs = nlp.pipe((make_doc(nlp, d.text) for d in documents), batch_size=BATCH_SIZE)
            return sum(len(doc._.cnlp_segments) for doc in docs)

    elif stage == "end-to-end":
        from criteria_nlp.api import parse_many
        from criteria_nlp.pipeline import default_nlp

        default_nlp(fast=fast)

        def run(documents: list) -> int:
            return sum(len(trial.criteria) for trial in parse_many(documents, batch_size=BATCH_SIZE, fast=fast))

    else:
        raise ValueError(f"unknown stage {stage!r}")
    return run


def _screen(documents: list, fast: bool) -> tuple[list, list[str]]:
    """Documents that parse alone, and ``"id: error"`` for those that raise.

    ``parse_many`` stops at the first document that raises, so the end-to-end stage is
    timed on the documents that parse (and says how many it left out)."""
    from criteria_nlp.api import parse_many

    kept, failed = [], []
    for document in documents:
        try:
            list(parse_many([document], fast=fast))
        except Exception as err:  # noqa: BLE001  (any bug of the grammar stage)
            failed.append(f"{document.id}: {type(err).__name__}: {' '.join(str(err).split())[:200]}")
        else:
            kept.append(document)
    return kept, failed


def _worker(stage: str, corpus: Path, fast: bool) -> dict:
    """One stage in this (fresh) process: timings, peak RSS, tracemalloc peak."""
    documents = _load(corpus)
    run = _runner(stage, fast)
    failed: list[str] = []
    if stage == "end-to-end":
        documents, failed = _screen(documents, fast)
    components = None
    if stage != "segmenter":
        from criteria_nlp.pipeline import default_nlp

        components = default_nlp(fast=fast).pipe_names
    rss_before = _maxrss_mb()
    seconds = []
    criteria = 0
    for _ in range(RUNS):
        gc.collect()
        started = time.perf_counter()
        criteria = run(documents)
        seconds.append(time.perf_counter() - started)
    rss_peak = _maxrss_mb()
    traced = None
    if stage != "segmenter":
        gc.collect()
        tracemalloc.start()
        run(documents)
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    best = min(seconds)
    return {
        "stage": stage,
        "mode": "fast" if fast else "full",
        "components": components,
        "trials": len(documents),
        "criteria": criteria,
        "seconds": [round(s, 4) for s in seconds],
        "trials_per_s": len(documents) / best,
        "maxrss_mb_before_runs": round(rss_before, 1),
        "maxrss_mb": round(rss_peak, 1),
        "tracemalloc_peak_mb": None if traced is None else round(traced, 1),
        "failed_documents": len(failed),
        "failures": failed[:5],
    }


def _run_stage(stage: str, corpus: Path, fast: bool) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", stage, "--corpus", str(corpus),
               *(["--fast-worker"] if fast else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _import_build_times() -> list[float]:
    times = []
    for _ in range(BUILD_RUNS):
        done = subprocess.run(
            [sys.executable, "-c", IMPORT_SNIPPET], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"import + build failed:\n{done.stderr}")
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return times


def _profile(stage: str, corpus: Path, top: int, fast: bool) -> None:
    documents = _load(corpus)
    run = _runner(stage, fast)
    if stage == "end-to-end":
        documents, failed = _screen(documents, fast)
        print(f"({len(failed)} trials that raise are left out)")
    run(documents)  # warm: lazy imports and caches out of the profile
    profiler = cProfile.Profile()
    profiler.enable()
    run(documents)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        print(f"=== {stage}: top {top} by {order}")
        print(out.getvalue())


BATCH_TRIALS = (1000, 10_000)  # the Chia trials, then ten times as many, cycled
BATCH_WORKERS = (1, 2)


def _tokenizer_floor(texts: list[str]) -> float:
    """Trials/s of scispaCy's rule tokenizer alone on the same texts (best of ``RUNS``): what
    no pipeline built on it can beat. Its whitespace special cases are dropped, as the
    pipeline does (with them spaCy stops caching tokens at a text's first newline)."""
    import warnings

    import spacy
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k.strip()}
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        for text in texts:
            nlp.tokenizer(text)
        best = min(best, time.perf_counter() - started)
    return len(texts) / best


def _batch(corpus: Path, sizes: tuple[int, ...], modes: tuple[str, ...]) -> list[dict]:
    """``criteria-nlp batch`` (the copy beside this interpreter) on the Chia trials and on
    10,000 made by cycling them, with 1 and 2 workers, in each mode: wall time of the whole
    command, start-up included, and its ratio to the tokenizer floor."""
    import tempfile

    from criteria_nlp.bench import chia

    trials = [(t.id, t.text) for t in chia.iter_trials(corpus)]
    cli = str(Path(sys.executable).parent / "criteria-nlp")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            chosen = [(f"{i}-{trials[i % len(trials)][0]}", trials[i % len(trials)][1]) for i in range(count)]
            source = Path(folder) / f"trials-{count}.jsonl"
            source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in chosen), encoding="utf-8")
            floor = _tokenizer_floor([t for _, t in chosen])
            for mode, workers in ((m, w) for m in modes for w in BATCH_WORKERS):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run([cli, "batch", str(source), "--out", str(Path(folder) / "out.jsonl"),
                                "--workers", str(workers), *(["--fast"] if mode == "fast" else [])],
                               check=True, capture_output=True)
                rate = count / (time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                rows.append({"mode": mode, "trials": count, "workers": workers, "trials_per_s": round(rate, 1),
                             "trials_per_cpu_s": round(count / cpu, 1),
                             "tokenizer_floor_trials_per_s": round(floor, 1),
                             "ratio_to_floor": round(rate / floor, 3)})
                print(f"batch {mode:<4} {count:>6} trials, {workers} worker(s): {rate:8.1f} trials/s "
                      f"({count / cpu:8.1f} per CPU second, workers included); tokenizer alone "
                      f"{floor:8.1f}/s; ratio {rate / floor:.3f}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="Chia brat folder")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    parser.add_argument("--profile", choices=STAGES, help="profile one stage with cProfile instead")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile to print")
    parser.add_argument("--mode", choices=("full", "fast", "both"), default="both",
                        help="with the entity recognizer (full), rules only (fast), or both")
    parser.add_argument("--worker", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--fast-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--batch", action="store_true", help="only the criteria-nlp batch figures")
    parser.add_argument("--trials", type=int, nargs="+", default=list(BATCH_TRIALS), help="batch sizes for --batch")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    modes = ("full", "fast") if args.mode == "both" else (args.mode,)
    if args.batch:
        rows = _batch(corpus, tuple(args.trials), modes)
        if args.json:
            args.json.write_text(json.dumps({"batch": rows}, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.worker:
        print(json.dumps(_worker(args.worker, corpus, args.fast_worker)))
        return 0
    if args.profile:
        _profile(args.profile, corpus, args.top, modes[-1] == "fast")
        return 0

    stages = [_run_stage(stage, corpus, mode == "fast") for mode in modes for stage in STAGES
              if mode == "full" or stage != "segmenter"]  # the segmenter has no mode
    build = _import_build_times()
    report = {
        "corpus": str(corpus),
        "python": sys.version.split()[0],
        "package": _package(),
        "stages": stages,
        "import_build_s": {"runs": [round(t, 3) for t in build], "best": round(min(build), 3)},
        "budgets": {
            "trials_per_s": BUDGETS,
            "import_build_s": BUILD_BUDGET_S,
            "peak_mb": PEAK_BUDGET_MB,
        },
    }
    trials = stages[0]["trials"]
    print(f"Throughput on {trials} Chia trials, one worker (best of {RUNS} runs, each stage in a fresh process)")
    print(f"{'stage/mode':<17} {'trials/s':>9} {'budget':>8} {'runs (s)':>16} {'maxrss MB':>10} "
          f"{'tracemalloc MB':>15}  verdict")
    verdicts = []
    for stage in stages:
        name = stage["stage"]
        rate_ok = stage["trials_per_s"] >= BUDGETS[name]
        peak_ok = stage["maxrss_mb"] <= PEAK_BUDGET_MB
        ok = rate_ok and peak_ok
        verdicts.append(ok)
        traced = "-" if stage["tracemalloc_peak_mb"] is None else f"{stage['tracemalloc_peak_mb']:.1f}"
        runs = " / ".join(f"{s:.3f}" for s in stage["seconds"])
        why = [] if ok else (["rate"] if not rate_ok else []) + (["memory"] if not peak_ok else [])
        label = name if name == "segmenter" else f"{name}/{stage['mode']}"
        print(f"{label:<17} {stage['trials_per_s']:>9,.0f} {BUDGETS[name]:>8,.0f} {runs:>16} "
              f"{stage['maxrss_mb']:>10.1f} {traced:>15}  {'ok' if ok else 'OVER BUDGET: ' + ', '.join(why)}")
        if stage["failed_documents"]:
            verdicts.append(False)
            print(f"{'':<12} {stage['failed_documents']} of {trials} trials raise, so this row is over the other "
                  f"{stage['trials']}; first:")
            for failure in stage["failures"][:3]:
                print(f"{'':<14}{failure}")
    build_ok = min(build) <= BUILD_BUDGET_S
    verdicts.append(build_ok)
    runs = ", ".join(f"{t:.2f}" for t in build)
    for mode in modes:
        names = next((s["components"] for s in stages if s["components"] and s["mode"] == mode), None)
        if names:
            print(f"pipeline components ({mode}): tokenizer, {', '.join(names)}")
    print(f"import + pipeline build: best {min(build):.2f} s (runs {runs}; budget {BUILD_BUDGET_S:.0f} s)  "
          f"{'ok' if build_ok else 'OVER BUDGET'}")
    print(f"peak memory budget {PEAK_BUDGET_MB:.0f} MB per process (ru_maxrss)")
    report["all_within_budget"] = all(verdicts)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
