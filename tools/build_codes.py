"""Writes the ICD-10-CM code data from the simple-icd-10-cm package (run by hand, not at run time).

    python tools/build_codes.py

1. ``src/criteria_nlp/data/icd10cm_terms.tsv.gz``: every normalised form (``terminology.term_forms``)
   of every ICD-10-CM category/subcategory title and inclusion term, with its code; a form
   carried by codes that are not all under one of them is ambiguous and left out.
2. The ICD10CM rows of ``src/criteria_nlp/data/concept_codes.tsv`` whose source starts with
   ``AUTO``: for each condition of the lexicon (``concepts.tsv``), the codes whose title or
   inclusion term equals the concept's name or one of its synonyms; a code under another
   code of the same concept is left out (the hierarchy covers it). Other rows are kept.
"""

from __future__ import annotations

import gzip
import warnings
from importlib.metadata import version
from pathlib import Path

from criteria_nlp.lexicon import default_lexicon
from criteria_nlp.logic import Domain
from criteria_nlp.terminology import ICD10CM_TERMS, broadest, term_forms

with warnings.catch_warnings():          # the package reads its data with a deprecated call
    warnings.simplefilter("ignore", DeprecationWarning)
    import simple_icd_10_cm as cm

DATA = Path(__file__).resolve().parents[1] / "src" / "criteria_nlp" / "data"
AUTO = "AUTO"


def release() -> str:
    xml = [p.name for p in (Path(cm.__file__).parent / "data").glob("icd10*tabular*.xml")]
    return f"ICD-10-CM {xml[0].split('tabular-')[1].removesuffix('.xml')} (simple-icd-10-cm {version('simple-icd-10-cm')})"


def index() -> dict[str, dict[str, str]]:
    """form -> {code: the term as ICD-10-CM writes it}."""
    found: dict[str, dict[str, str]] = {}
    for code in cm.get_all_codes(with_dots=True):
        if not cm.is_category_or_subcategory(code):
            continue
        terms = [("title", cm.get_description(code))] + [("inclusion term", t) for t in cm.get_inclusion_term(code)]
        for kind, term in terms:
            for form in term_forms(term):
                found.setdefault(form, {}).setdefault(code, f"{kind} '{term}'")
    return found


def under(code: str, other: str) -> bool:
    return code.replace(".", "").startswith(other.replace(".", ""))


def main() -> None:
    forms = index()
    unambiguous = {form: broadest(list(codes)) for form, codes in forms.items()}
    lines = [f"{form}\t{code}" for form, code in sorted(unambiguous.items()) if code]
    (DATA / ICD10CM_TERMS).write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))

    source = release()
    table = DATA / "concept_codes.tsv"
    kept, header = [], []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("name\t"):
            header.append(line)
        elif line.strip() and not line.split("\t")[4].startswith(AUTO):
            kept.append(line)
    curated: dict[str, list[str]] = {}
    for cells in (line.split("\t") for line in kept):
        if cells[2] == "ICD10CM":
            curated.setdefault(cells[0], []).append(cells[3])
    rows = []
    for name, entry in sorted(default_lexicon().concepts.items()):
        if entry.domain is not Domain.CONDITION:
            continue
        hits: dict[str, str] = {}
        for synonym in entry.synonyms:
            for form in term_forms(synonym):
                code = unambiguous.get(form)
                if code and code not in hits:
                    hits[code] = f"'{synonym}' = {forms[form][code]} of {code}"
        above = [*hits, *curated.get(name, [])]
        codes = [c for c in hits if not any(o != c and under(c, o) for o in above) and c not in curated.get(name, [])]
        for code in sorted(codes):
            rows.append(f"{name}\tcondition\tICD10CM\t{code}\t{AUTO}: {source}: {hits[code]}")
    table.write_text("\n".join(header + kept + rows) + "\n", encoding="utf-8")
    print(f"{len(lines)} ICD-10-CM terms; {len(rows)} automatic concept codes; {len(kept)} curated rows kept")


if __name__ == "__main__":
    main()
