#!/usr/bin/env python3
"""How much of Chia's Measurement vocabulary does the variable lexicon cover?

Reads every ``*.ann`` file (brat standoff) in a Chia folder, takes the text of
each ``Measurement`` entity, normalises it and compares it with the names and
synonyms in ``src/criteria_nlp/data/variables.tsv``.

Prints:
  * the number of Measurement mentions,
  * the fraction whose normalised text equals a name or synonym,
  * the fraction that contain a name or synonym as a whole-word substring,
  * the most frequent texts that match neither way.

Standard library only, so it runs before the package is installed:

    python benchmarks/lexicon_coverage.py [--corpus DIR] [--lexicon TSV]
"""
from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpora" / "chia" / "chia_without_scope"
DEFAULT_LEXICON = REPO_ROOT / "src" / "criteria_nlp" / "data" / "variables.tsv"

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u2032"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
# "(BMI)" / "[ANC]" asides: removed when preceded by space or start and followed
# by space, punctuation or the end ("serum 25(OH)D" keeps its parentheses).
_ASIDE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[a-z]))\s*[(\[][^()\[\]]*[)\]](?=$|[\s,;:.])")
# generic head nouns that do not change the variable ("creatinine level")
_TRAILING = re.compile(r"\s+(?:levels?|values?|concentrations?|measurements?|results?|tests?|testing|scores?)$")


def normalise(text: str) -> str:
    """Lower-case, unify Unicode variants, drop bracketed asides, squeeze spaces."""
    s = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES).lower()
    s = s.replace("®", "").replace("™", "")
    prev = None
    while prev != s:
        prev, s = s, _ASIDE.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip(" \t\n.,;:*")
    return s


def strip_generic(s: str) -> str:
    return _TRAILING.sub("", s)


def read_lexicon(path: Path) -> dict[str, str]:
    """Surface form -> variable name; warns about a form listed under two names."""
    forms: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = row["name"]
            for form in [name, *row["synonyms"].split("|")]:
                form = normalise(form)
                if not form:
                    continue
                if form in forms and forms[form] != name:
                    print(f"warning: {form!r} listed under {forms[form]!r} and {name!r}", file=sys.stderr)
                forms.setdefault(form, name)
    return forms


def measurement_texts(corpus: Path) -> list[str]:
    texts = []
    for ann in sorted(corpus.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[0].startswith("T") and parts[1].split(" ", 1)[0] == "Measurement":
                texts.append(parts[-1])
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of brat .ann files (default: %(default)s)")
    ap.add_argument("--lexicon", type=Path, default=DEFAULT_LEXICON, help="variables.tsv (default: %(default)s)")
    ap.add_argument("--top", type=int, default=30, help="how many uncovered texts to list (default: %(default)s)")
    ap.add_argument("--by-variable", action="store_true", help="also list mention counts per variable (exact matches)")
    args = ap.parse_args(argv)

    if not args.corpus.is_dir():
        ap.error(f"corpus folder not found: {args.corpus}")
    forms = read_lexicon(args.lexicon)
    texts = [normalise(t) for t in measurement_texts(args.corpus)]
    if not texts:
        ap.error(f"no Measurement entities in {args.corpus}")

    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    contains_re = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")

    exact = contained = 0
    per_variable: collections.Counter[str] = collections.Counter()
    uncovered: collections.Counter[str] = collections.Counter()
    for t in texts:
        var = forms.get(t) or forms.get(strip_generic(t))
        if var:
            exact += 1
            contained += 1
            per_variable[var] += 1
        elif contains_re.search(t):
            contained += 1
        else:
            uncovered[t] += 1

    n = len(texts)
    print(f"corpus: {args.corpus}")
    print(f"lexicon: {args.lexicon} ({len(forms)} surface forms)")
    print(f"Measurement mentions: {n}")
    print(f"exact match (name or synonym): {exact}/{n} = {exact / n:.3f}")
    print(f"contains a name or synonym (whole word): {contained}/{n} = {contained / n:.3f}")
    print(f"top {args.top} uncovered texts:")
    for text, count in uncovered.most_common(args.top):
        print(f"  {count:4d}  {text}")
    if args.by_variable:
        print("mentions per variable (exact matches):")
        for var, count in per_variable.most_common():
            print(f"  {count:4d}  {var}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
