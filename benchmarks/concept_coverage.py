"""How much of the Chia corpus the concept lexicon (src/criteria_nlp/data/concepts.tsv) covers.

Counts the Condition/Drug/Procedure/Observation/Device entity mentions of the Chia brat
files and reports the fraction whose normalised text (lower-cased, whitespace collapsed,
surrounding ``.,;:`` stripped) equals a concept name or synonym, the fraction that contains
one as a whole-word substring, and the most frequent texts that contain none.

Standard library only; run from anywhere:

    python benchmarks/concept_coverage.py [--corpus DIR] [--lexicon FILE] [--top N]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpora" / "chia" / "chia_without_scope"
DEFAULT_LEXICON = REPO_ROOT / "src" / "criteria_nlp" / "data" / "concepts.tsv"
TYPES = ("Condition", "Drug", "Procedure", "Observation", "Device")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip().strip(".,;:").strip()


def read_mentions(corpus: Path) -> list[tuple[str, str]]:
    """(entity type, normalised text) for every mention of the wanted types."""
    mentions = []
    for ann in sorted(corpus.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            etype = fields[1].split(" ", 1)[0]
            if etype in TYPES:
                mentions.append((etype, normalise(fields[-1])))
    return mentions


def read_terms(lexicon: Path) -> set[str]:
    terms: set[str] = set()
    with lexicon.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        expected = ["name", "domain", "code", "system", "synonyms"]
        if reader.fieldnames != expected:
            sys.exit(f"error: {lexicon}: header {reader.fieldnames} != {expected}")
        for row in reader:
            terms.add(normalise(row["name"]))
            terms.update(normalise(s) for s in row["synonyms"].split("|") if s.strip())
    terms.discard("")
    return terms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="directory of Chia brat .ann files (default: %(default)s)")
    parser.add_argument("--lexicon", type=Path, default=DEFAULT_LEXICON,
                        help="concept lexicon TSV (default: %(default)s)")
    parser.add_argument("--top", type=int, default=30, help="uncovered texts to list")
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        print(f"error: corpus directory not found: {args.corpus}", file=sys.stderr)
        return 2
    mentions = read_mentions(args.corpus)
    if not mentions:
        print(f"error: no mentions found under {args.corpus}", file=sys.stderr)
        return 2
    terms = read_terms(args.lexicon)
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    contains_cache: dict[str, bool] = {}
    by_type = collections.Counter()
    exact_by_type = collections.Counter()
    contains_by_type = collections.Counter()
    uncovered = collections.Counter()
    for etype, text in mentions:
        by_type[etype] += 1
        if text in terms:
            exact_by_type[etype] += 1
        if text not in contains_cache:
            contains_cache[text] = pattern.search(text) is not None
        if contains_cache[text]:
            contains_by_type[etype] += 1
        else:
            uncovered[text] += 1

    total = sum(by_type.values())
    exact = sum(exact_by_type.values())
    contains = sum(contains_by_type.values())
    print(f"lexicon: {args.lexicon} ({len(terms)} distinct names/synonyms)")
    print(f"corpus:  {args.corpus} ({len(list(args.corpus.glob('*.ann')))} .ann files)")
    print()
    print(f"{'type':<12} {'mentions':>8} {'exact':>7} {'contains':>9}")
    for etype in TYPES:
        n = by_type[etype]
        if n:
            print(f"{etype:<12} {n:>8} {exact_by_type[etype] / n:>7.1%} "
                  f"{contains_by_type[etype] / n:>9.1%}")
    print(f"{'all':<12} {total:>8} {exact / total:>7.1%} {contains / total:>9.1%}")
    print()
    print(f"exact match (text == a name or synonym):        {exact}/{total} = {exact / total:.1%}")
    print(f"contains a name or synonym as a whole word:      {contains}/{total} = {contains / total:.1%}")
    print()
    print(f"{args.top} most frequent uncovered texts (no whole-word match):")
    for text, n in uncovered.most_common(args.top):
        print(f"{n:>5}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
