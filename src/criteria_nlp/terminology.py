"""Codes of concepts: which code systems we know, the codes of lexicon concepts, hierarchy.

``data/code_systems.tsv`` names each system by its OMOP ``vocabulary_id`` (SNOMED, ICD10CM,
ATC, RxNorm, LOINC) with its FHIR URI, the shape of its codes and whether the code itself
carries the hierarchy (ICD-10-CM and ATC: a code's ancestors are its prefixes, so C43.9 is
under C43 and L01AX04 under L01). ``data/concept_codes.tsv`` gives lexicon concepts their
codes, each row with its source; nothing here is inferred at run time except the ICD-10-CM
look-up of an open-vocabulary condition by its exact (normalised) ICD-10-CM title or
inclusion term, read from the ``simple-icd-10-cm`` package (no network).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Mapping

from .errors import RuleError
from .logic import Domain
from .tables import read_table


@dataclass(frozen=True, slots=True)
class CodeSystem:
    vocabulary: str        # OMOP vocabulary_id
    uri: str               # FHIR system
    shape: re.Pattern[str]
    prefix_hierarchy: bool


@dataclass(frozen=True, slots=True, order=True)
class Code:
    """One code in one system; ``system`` is the OMOP vocabulary_id."""

    system: str
    code: str


@dataclass(frozen=True, slots=True)
class CodeRow:
    code: Code
    source: str


@cache
def systems() -> Mapping[str, CodeSystem]:
    found: dict[str, CodeSystem] = {}
    for row in read_table("code_systems.tsv", ("vocabulary_id", "uri", "shape", "hierarchy")):
        if row["hierarchy"] not in ("prefix", "none"):
            raise RuleError(f"code_systems.tsv: {row['vocabulary_id']}: hierarchy is 'prefix' or 'none'")
        try:
            shape = re.compile(row["shape"])
        except re.error as err:
            raise RuleError(f"code_systems.tsv: {row['vocabulary_id']}: bad shape {err}") from err
        found[row["vocabulary_id"]] = CodeSystem(row["vocabulary_id"], row["uri"], shape,
                                                 row["hierarchy"] == "prefix")
    return MappingProxyType(found)


def system_of_uri(uri: str | None) -> str | None:
    """The vocabulary_id of a FHIR system URI, or None when it is not one we know."""
    if uri is None:
        return None
    return next((s.vocabulary for s in systems().values() if s.uri == uri), None)


def valid(code: Code) -> bool:
    system = systems().get(code.system)
    return system is not None and system.shape.fullmatch(code.code) is not None


def _key(code: str) -> str:
    return code.replace(".", "").upper()


def is_under(record_code: str, record_system: str | None, concept: Code) -> bool:
    """Whether a record's code is the concept's code or, in a system whose codes carry the
    hierarchy, a descendant of it. A record code of unknown system counts when it has the
    shape of the concept's system (a medication list holds no ICD-10-CM codes)."""
    system = systems()[concept.system]
    if record_system is not None and record_system != concept.system:
        return False
    if system.shape.fullmatch(record_code) is None:
        return False
    if not system.prefix_hierarchy:
        return record_code == concept.code
    return _key(record_code).startswith(_key(concept.code))


# ---- lexicon concept codes -----------------------------------------------------------------

_COLUMNS = ("name", "domain", "system", "code", "source")


@cache
def _table() -> Mapping[tuple[Domain, str], tuple[CodeRow, ...]]:
    """data/concept_codes.tsv by (domain, concept name)."""
    from .lexicon import default_lexicon

    lexicon = default_lexicon().concepts
    rows: dict[tuple[Domain, str], list[CodeRow]] = {}
    for row in read_table("concept_codes.tsv", _COLUMNS):
        where = f"concept_codes.tsv: {row['name']!r}"
        try:
            domain = Domain(row["domain"])
        except ValueError as err:
            raise RuleError(f"{where}: unknown domain {row['domain']!r}") from err
        code = Code(row["system"], row["code"])
        if code.system not in systems():
            raise RuleError(f"{where}: unknown system {code.system!r}")
        if not valid(code):
            raise RuleError(f"{where}: {code.code!r} is not a {code.system} code")
        if not row["source"]:
            raise RuleError(f"{where}: every code needs its source")
        entry = lexicon.get(row["name"])
        if entry is None or entry.domain is not domain:
            raise RuleError(f"{where}: not a {domain.value} concept of concepts.tsv")
        listed = rows.setdefault((domain, row["name"]), [])
        if any(r.code == code for r in listed):
            raise RuleError(f"{where}: {code.system} {code.code} listed twice")
        listed.append(CodeRow(code, row["source"]))
    return MappingProxyType({key: tuple(value) for key, value in rows.items()})


def lexicon_codes(domain: Domain, name: str) -> tuple[CodeRow, ...]:
    """Codes of a lexicon concept: its concepts.tsv code and its concept_codes.tsv rows."""
    from .lexicon import default_lexicon

    found: list[CodeRow] = []
    entry = default_lexicon().concepts.get(name)
    if entry is not None and entry.domain is domain and entry.code:
        system = system_of_uri(entry.system)
        if system is not None:
            found.append(CodeRow(Code(system, entry.code), "concepts.tsv"))
    found += [r for r in _table().get((domain, name), ()) if r.code not in {f.code for f in found}]
    return tuple(found)


def concept_codes(domain: Domain, name: str, code: str | None = None, system_uri: str | None = None) -> tuple[Code, ...]:
    """Every code a concept node stands for: the node's own code, the lexicon's codes, and for
    an open-vocabulary condition its ICD-10-CM code when its name is an ICD-10-CM term."""
    found: dict[Code, None] = {}
    own = system_of_uri(system_uri)
    if code and own:
        found[Code(own, code)] = None
    rows = lexicon_codes(domain, name)
    for row in rows:
        found[row.code] = None
    if not rows and domain is Domain.CONDITION:
        icd = icd10cm_code(name)
        if icd is not None:
            found[icd] = None
    return tuple(found)


# ---- ICD-10-CM titles and inclusion terms ----------------------------------------------------

_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_TAIL = re.compile(r",? (unspecified|nos)$")


def term_forms(term: str) -> set[str]:
    """The normalised forms an ICD-10-CM term is known by: as written, and without its
    parenthesised nonessential modifiers, bracketed abbreviations and 'unspecified'/'NOS'
    tail ("Essential (primary) hypertension" is also "essential hypertension")."""
    from .patients.vocabulary import normalize

    out = set()
    for text in (term, _BRACKETS.sub(" ", term)):
        text = " ".join(text.lower().split())
        for form in (text, _TAIL.sub("", text)):
            if normalize(form):
                out.add(normalize(form))
    return out


ICD10CM_TERMS = "icd10cm_terms.tsv.gz"


@cache
def _icd10cm_index() -> Mapping[str, str]:
    """Normalised ICD-10-CM title or inclusion term -> its code (``tools/build_codes.py`` writes
    the file from simple-icd-10-cm; a term shared by unrelated codes is left out there)."""
    import gzip

    from .resources import data_file

    index: dict[str, str] = {}
    text = gzip.decompress(data_file(ICD10CM_TERMS).read_bytes()).decode("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        form, _, code = line.partition("\t")
        if not form or not valid(Code("ICD10CM", code)) or form in index:
            raise RuleError(f"{ICD10CM_TERMS}:{number}: expected a new term, a tab and an ICD-10-CM code")
        index[form] = code
    return MappingProxyType(index)


@lru_cache(maxsize=4096)
def icd10cm_code(name: str) -> Code | None:
    """The ICD-10-CM code whose title or inclusion term is ``name`` (normalised, near-exact
    forms as ``term_forms``), or None."""
    from .patients.vocabulary import normalize

    code = _icd10cm_index().get(normalize(name))
    return Code("ICD10CM", code) if code else None


_DIAGNOSIS_CHAPTERS = frozenset("ABCDEFGHIJKLMNOPQR")


@cache
def _diagnosis_titles() -> tuple[frozenset[str], frozenset[str]]:
    """The normalised titles and inclusion terms of chapters A-R, and the words they end in."""
    titles = frozenset(form for form, code in _icd10cm_index().items() if code[0] in _DIAGNOSIS_CHAPTERS)
    return titles, frozenset(form.rpartition(" ")[2] for form in titles)


def is_diagnosis_title(name: str) -> bool:
    """Whether ``name`` is the title or an inclusion term of an ICD-10-CM disease, anomaly or
    symptom (chapters A-R). Injuries, external causes and encounters (S-Z) are left out:
    their titles are events and circumstances ("exposure", "activity", "donor")."""
    from .patients.vocabulary import normalize

    return normalize(name) in _diagnosis_titles()[0]


def ends_a_diagnosis_title(word: str) -> bool:
    """Whether some disease, anomaly or symptom title ends in ``word``: most words end none,
    and are passed over before any longer name is looked up."""
    from .patients.vocabulary import normalize

    return normalize(word).rpartition(" ")[2] in _diagnosis_titles()[1]


def broadest(codes: list[str]) -> str | None:
    """The one code every other code is under (prefix), or None when they are unrelated."""
    top = min(codes, key=len)
    return top if all(_key(c).startswith(_key(top)) for c in codes) else None
