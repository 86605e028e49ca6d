"""Start-up of ``criteria-nlp parse`` against a bare ``python -c "import spacy"``.

Both commands run ``--runs`` times each, alternating, in fresh interpreters; the figures
are the best (lowest) run, as hyperfine's minimum, on two clocks: wall time and CPU time
(user + system of the child). On a shared machine the CPU figure is the stable one: waiting
for a core is not start-up work. The parse command reads a one-criterion trial, so nearly
all of its time is start-up (imports, pipeline and grammar build, Lark and pint caches).

``--importtime`` also prints the 25 slowest imports of the parse command
(``python -X importtime``), cumulative microseconds.

Usage: ``python benchmarks/startup.py [--runs 10] [--json OUT] [--importtime]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIAL = "Inclusion Criteria:\n- Age >= 18 years\n"
TARGET_RATIO = 1.3


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _importtime(command: list[str]) -> list[tuple[int, str]]:
    done = subprocess.run(command, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line.split("|")
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:25]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--importtime", action="store_true")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "trial.txt"
        trial.write_text(TRIAL, encoding="utf-8")
        commands = {
            "import spacy": [sys.executable, "-c", "import spacy"],
            "criteria-nlp parse": [_bin("criteria-nlp"), "parse", str(trial)],
        }
        for command in commands.values():  # warm the disk cache and the Lark/pint caches
            _timed(command)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(options.runs):
            for name, command in commands.items():
                runs[name].append(_timed(command))
        slowest = _importtime(commands["criteria-nlp parse"]) if options.importtime else []
    best = {name: {"wall_s": round(min(w for w, _ in r), 3), "cpu_s": round(min(c for _, c in r), 3)}
            for name, r in runs.items()}
    report = {
        "runs": options.runs,
        **best,
        "ratio_wall": round(best["criteria-nlp parse"]["wall_s"] / best["import spacy"]["wall_s"], 2),
        "ratio_cpu": round(best["criteria-nlp parse"]["cpu_s"] / best["import spacy"]["cpu_s"], 2),
        "target_ratio": TARGET_RATIO,
    }
    print(json.dumps(report, indent=2))
    for cumulative, name in slowest:
        print(f"{cumulative:>10} us  {name}")
    if options.json:
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
