"""How many words no logic node and no unparsed fragment accounts for, on the coverage
corpora (``corpora/coverage/*.jsonl``: every Chia criteria file and every LCT dev trial).

    python benchmarks/coverage.py [--show N]

The test suite asserts the count is zero (``tests/bench/test_coverage.py``); this prints
the words and their criteria when it is not, most frequent first.
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from criteria_nlp.bench.coverage import silent_in
from criteria_nlp.ingest import from_text

CORPORA = Path(__file__).resolve().parents[1] / "corpora" / "coverage"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    found = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    trials = 0
    started = time.perf_counter()
    for path in sorted(CORPORA.glob("*.jsonl")):
        documents = [from_text(r["text"], id=r["id"]) for r in map(json.loads, path.open(encoding="utf-8"))]
        trials += len(documents)
        for silent in silent_in(documents):
            found[silent.word.lower()] += 1
            examples[silent.word.lower()].append(f"{silent.trial} {silent.criterion} [{silent.span.start}:{silent.span.end}]")
    print(f"{trials} trials, {sum(found.values())} silent words "
          f"({len(found)} distinct) in {time.perf_counter() - started:.1f} s")
    for word, n in found.most_common(args.show):
        print(f"{n:6d} {word!r}  e.g. {examples[word][0]}")


if __name__ == "__main__":
    main()
