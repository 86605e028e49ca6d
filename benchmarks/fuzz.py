"""Fuzz the parser: random and mutated criteria, counting escaped exceptions and slow parses.

Every case goes through ``api.parse_text`` (the whole pipeline: segmentation, spaCy, the
grammar) and then ``serialize.dumps`` (what a command writes). An ``InputError`` is a
documented refusal (empty, binary-looking, invalid Unicode, over the size limit) and counts
as handled; any other exception escaped. A criterion the parser's safety net reported
unparsed because a pass raised is counted apart (an internal error: nothing escaped, but a
bug). Each parse is timed both on the wall clock and in
process CPU time (the CPU figure is what the 1 s bound is checked on: the development
machine is shared, and waiting for a core is not parser time).

Cases, a fixed share of each, all from one seed:

* random text over an alphabet of digits, letters, comparators, units, brackets, bullets
  and non-ASCII, 0-2,000 characters, a tenth of them with a control character, a BOM, a
  zero-width space or an unpaired surrogate;
* mutated real criteria lines (the reference trial, every text under ``corpora/`` and, when
  present, the Chia corpus): pieces inserted, spans deleted or duplicated, a character
  repeated up to 20,000 times (log-uniform), numbers of up to 400 digits, lines joined.

Usage: ``python benchmarks/fuzz.py [--cases 100000] [--workers 2] [--seed 0] [--start N] [--deadline S] [--json OUT]``
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import multiprocessing
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHIA = REPO.parent / "shared" / "corpora" / "chia" / "chia_without_scope"
LIMIT_S = 1.0
RANDOM_SHARE = 0.3  # the rest are mutated real lines
MAX_RANDOM_CHARS = 2000
MAX_REPEAT = 20_000
ALPHABET = list("0123456789abcxyzABCXYZ .,;:()[]{}<>=%/-+*^×≥≤≧≦⩾⩽＞＜µ°±²³½•·–—\t\n\r\"'\\İßﬁ\U0001f600")
RARE = ["\x00", "\x01", "\x7f", "\ufeff", "\u200b", "\ud800", "\udfff"]  # one, in a tenth of random cases
RARE_SHARE = 0.1
PIECES = ["≥", "<=", ">", "=", "x", "ULN", "(", ")", ";", ",", "or", "and", "1.5", "10^9/L", "%", "-",
          "between", "within", "days", "prior to", "no", "if", "unless", "years", "Inclusion Criteria:",
          "Exclusion Criteria:", "\n", "• ", "1.", "a)", "at least", "mg/dL", "mEq/L", "×", "/mm3",
          "history of", "allergy to", "any of the following:", "\n  - ", "(ULN)", "0001-01-01"]


def seed_lines() -> list[str]:
    """Real criteria lines: the reference trial and corpora texts, plus Chia when present."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpora").rglob("*.txt"))]
    for path in sorted((REPO / "corpora").rglob("*.json")):
        texts.extend(_strings(json.loads(path.read_text(encoding="utf-8"))))
    texts += [line.split("\t")[1] for line in (REPO / "corpora" / "grammar" / "cases.tsv")
              .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    if CHIA.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CHIA.glob("*.txt"))]
    lines = {line.strip() for text in texts for line in text.splitlines()}
    return sorted(line for line in lines if len(line) > 3)


def _strings(value) -> list[str]:
    """Every "text" string in a corpus JSON file (gold trials, test cases)."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "text" and isinstance(v, str)] + [
            s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def make_case(index: int, seed: int, lines: list[str]) -> tuple[str, str]:
    """(kind, text) of case ``index``: the same for the same seed on every machine."""
    rng = random.Random(f"{seed}:{index}")
    if rng.random() < RANDOM_SHARE:
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(MAX_RANDOM_CHARS)))
        if rng.random() < RARE_SHARE:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(RARE) + text[at:]
        return "random", text
    text = rng.choice(lines)
    kinds = []
    for _ in range(rng.randrange(1, 5)):
        kind = rng.choice(("insert", "delete", "duplicate", "repeat", "digits", "join", "swap"))
        kinds.append(kind)
        at = rng.randrange(len(text) + 1)
        if kind == "insert":
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + rng.randrange(1, 20):]
        elif kind == "duplicate":
            text = text[:at] + text[at : at + rng.randrange(1, 200)] * rng.randrange(2, 50) + text[at:]
        elif kind == "repeat":
            char = rng.choice(["%", "(", ")", "=", "<", "-", ".", ",", "x", "1", " ", "\n", "•", "≥"])
            text = text[:at] + char * _log_uniform(rng, MAX_REPEAT) + text[at:]
        elif kind == "digits":
            text = text[:at] + "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 400))) + text[at:]
        elif kind == "join":
            text = text + rng.choice([" ", "\n", "; "]) + rng.choice(lines)
        elif text:
            i, j = rng.randrange(len(text)), rng.randrange(len(text))
            chars = list(text)
            chars[i], chars[j] = chars[j], chars[i]
            text = "".join(chars)
    return "+".join(sorted(set(kinds))), text


def _log_uniform(rng: random.Random, high: int) -> int:
    """1 to ``high``, as often 10-100 as 1,000-10,000: long runs are tried, short ones mostly."""
    return int(10 ** rng.uniform(0, math.log10(high)))


def _run(args: tuple[int, int, int, list[str]]) -> dict:
    """Cases ``start`` to ``stop``: times and the cases that escaped or were slow."""
    from criteria_nlp.api import parse_text
    from criteria_nlp.errors import InputError
    from criteria_nlp.serialize import dumps, trial_to_json

    start, stop, seed, lines = args
    wall, cpu, refused, escaped, slow, internal = [], [], 0, [], [], []
    caught = _Caught()
    logging.getLogger("criteria_nlp.grammar.parser").addHandler(caught)
    for index in range(start, stop):
        kind, text = make_case(index, seed, lines)
        w0, c0 = time.perf_counter(), time.process_time()
        caught.records.clear()
        try:
            trial = parse_text(text)
        except InputError:
            refused += 1
            trial = None
        except Exception as err:  # noqa: BLE001  (what this script counts)
            escaped.append({"case": index, "kind": kind, "chars": len(text), "error": f"{type(err).__name__}: {err}"[:300]})
            trial = None
        w, c = time.perf_counter() - w0, time.process_time() - c0
        if caught.records:  # the safety net reported a criterion unparsed after a pass raised
            internal.append({"case": index, "kind": kind, "chars": len(text), "error": caught.records[0][:300]})
        wall.append(w)
        cpu.append(c)
        if c > LIMIT_S:
            slow.append({"case": index, "kind": kind, "chars": len(text), "cpu_s": round(c, 3), "wall_s": round(w, 3)})
        if trial is not None:
            try:
                dumps(trial_to_json(trial)).encode("utf-8")
            except Exception as err:  # noqa: BLE001
                escaped.append({"case": index, "kind": kind, "chars": len(text), "error": f"output: {type(err).__name__}: {err}"[:300]})
    return {"wall": wall, "cpu": cpu, "refused": refused, "escaped": escaped, "slow": slow, "internal": internal}


class _Caught(logging.Handler):
    """The parser's reports of an internal error, with the exception that caused each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        cause = f"{record.exc_info[0].__name__}: {record.exc_info[1]}" if record.exc_info and record.exc_info[1] else ""
        self.records.append(f"{record.getMessage()} {cause}".strip())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000,
                        help="cases are numbered from 0; the run stops before this index (so --start 85000 --cases 88000 runs 3,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--deadline", type=float, help="stop after this many seconds and report the cases done")
    parser.add_argument("--start", type=int, default=0, help="first case index (to split a run across machines or time)")
    options = parser.parse_args(argv)

    from criteria_nlp.api import parse_text

    parse_text("Inclusion Criteria:\n- warm-up > 1\n")  # build before forking
    lines = seed_lines()
    step = 500
    tasks = [(a, min(a + step, options.cases), options.seed, lines) for a in range(options.start, options.cases, step)]
    started = time.perf_counter()
    methods = multiprocessing.get_all_start_methods()
    parts = []
    with multiprocessing.get_context("fork" if "fork" in methods else None).Pool(options.workers) as pool:
        for part in pool.imap_unordered(_run, tasks):
            parts.append(part)
            if options.deadline and time.perf_counter() - started > options.deadline:
                pool.terminate()  # report what was done in the time given
                break
    elapsed = time.perf_counter() - started
    wall = [t for p in parts for t in p["wall"]]
    cpu = [t for p in parts for t in p["cpu"]]
    escaped = [e for p in parts for e in p["escaped"]]
    internal = [e for p in parts for e in p["internal"]]
    slow = [s for p in parts for s in p["slow"]]
    report = {
        "cases": len(wall),
        "case_range": [options.start, options.cases],
        "seed": options.seed,
        "seed_lines": len(lines),
        "chia_lines_included": CHIA.is_dir(),
        "refused_as_input_errors": sum(p["refused"] for p in parts),
        "escaped_exceptions": len(escaped),
        "internal_errors_reported_unparsed": len(internal),
        "parses_over_1s_cpu": len(slow),
        "parses_over_1s_wall": sum(t > LIMIT_S for t in wall),
        "cpu_s": {"max": round(max(cpu), 4), "p99": round(_percentile(cpu, 0.99), 4), "p50": round(_percentile(cpu, 0.5), 4)},
        "wall_s": {"max": round(max(wall), 4), "p99": round(_percentile(wall, 0.99), 4), "p50": round(_percentile(wall, 0.5), 4)},
        "elapsed_s": round(elapsed, 1),
        "workers": options.workers,
        "escaped": escaped[:20],
        "internal": internal[:20],
        "slowest": sorted(slow, key=lambda s: -s["cpu_s"])[:10],
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if options.json:
        options.json.write_text(text + "\n", encoding="utf-8")
    return 1 if escaped or slow else 0


if __name__ == "__main__":
    sys.exit(main())
