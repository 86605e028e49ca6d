"""Lexicons as validated data: variables, concepts, units, comparator and cue phrases.

Each TSV under ``data/`` has a header row; a file whose header differs, a row with the
wrong number of fields, an unknown enum value or a phrase listed under two entries is a
``RuleError`` at load time, not a surprise at parse time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from .errors import RuleError
from .logic import Comparator, Domain
from .tables import read_table

LOINC = "http://loinc.org"


class VariableKind(str, Enum):
    """What a variable measures decides how a number next to it reads: a score compares on
    its own scale, a count has no unit, a duration takes time units. ``age`` is the
    patient's age (exactly one row), computed from the birth date at evaluation."""

    AGE = "age"
    DEMOGRAPHIC = "demographic"
    DURATION = "duration"
    SCORE = "score"
    COUNT = "count"
    LAB = "lab"
    VITAL = "vital"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class VariableEntry:
    name: str
    code: str | None
    unit: str | None
    kind: VariableKind
    low: float | None
    high: float | None
    synonyms: tuple[str, ...]

    @property
    def system(self) -> str | None:
        return LOINC if self.code else None


@dataclass(frozen=True, slots=True)
class ConceptEntry:
    name: str
    domain: Domain
    code: str | None
    system: str | None
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A surface form and the grammar terminal it becomes, with the terminal's payload."""

    text: str
    terminal: str
    value: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    variables: dict[str, VariableEntry]
    concepts: dict[str, ConceptEntry]
    units: dict[str, str]
    phrases: tuple[Phrase, ...]
    unit_codes: dict[tuple[str, str], str]
    unit_by_kind: dict[tuple[VariableKind, str], str]

    def variable(self, name: str) -> VariableEntry | None:
        return self.variables.get(name)

    @property
    def age(self) -> VariableEntry:
        return next(entry for entry in self.variables.values() if entry.kind is VariableKind.AGE)

    def case_free_units(self) -> dict[str, str]:
        """Unit aliases whose lower-case form is unambiguous ("mg/dl"); "G/L" vs "g/L" is not."""
        codes: dict[str, set[str]] = {}
        for alias, code in self.units.items():
            codes.setdefault(alias.lower(), set()).add(code)
        return {alias: next(iter(c)) for alias, c in codes.items() if len(c) == 1}

    def case_bound_units(self) -> dict[str, str]:
        free = self.case_free_units()
        return {alias: code for alias, code in self.units.items() if alias.lower() not in free}


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def _float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as err:
        raise RuleError(f"{where}: not a number {value!r}") from err


def _claim(owner: dict[str, str], phrase: str, name: str, where: str) -> None:
    if owner.get(phrase, name) != name:
        raise RuleError(f"{where}: {phrase!r} is listed under both {owner[phrase]!r} and {name!r}")
    owner[phrase] = name


def load_variables() -> dict[str, VariableEntry]:
    entries: dict[str, VariableEntry] = {}
    owner: dict[str, str] = {}
    for row in read_table("variables.tsv", ("name", "code", "unit", "kind", "low", "high", "synonyms")):
        name = normalize(row["name"])
        synonyms = tuple(dict.fromkeys([name, *(normalize(s) for s in row["synonyms"].split("|") if s.strip())]))
        for synonym in synonyms:
            _claim(owner, synonym, name, "variables.tsv")
        entries[name] = VariableEntry(name, row["code"] or None, row["unit"] or None, _kind(row["kind"], name),
                                      _float(row["low"], name), _float(row["high"], name), synonyms)
    ages = [entry.name for entry in entries.values() if entry.kind is VariableKind.AGE]
    if len(ages) != 1:
        raise RuleError(f"variables.tsv: exactly one variable must be of kind 'age', found {ages}")
    return entries


def _kind(value: str, where: str) -> VariableKind:
    try:
        return VariableKind(value)
    except ValueError as err:
        known = ", ".join(k.value for k in VariableKind)
        raise RuleError(f"{where}: unknown variable kind {value!r} (one of {known})") from err


def load_concepts() -> dict[str, ConceptEntry]:
    entries: dict[str, ConceptEntry] = {}
    owner: dict[str, str] = {}
    for row in read_table("concepts.tsv", ("name", "domain", "code", "system", "synonyms"), required=False):
        name = normalize(row["name"])
        try:
            domain = Domain(row["domain"])
        except ValueError as err:
            raise RuleError(f"concepts.tsv: {name}: unknown domain {row['domain']!r}") from err
        synonyms = tuple(dict.fromkeys([name, *(normalize(s) for s in row["synonyms"].split("|") if s.strip())]))
        for synonym in synonyms:
            _claim(owner, synonym, name, "concepts.tsv")
        entries[name] = ConceptEntry(name, domain, row["code"] or None, row["system"] or None, synonyms)
    return entries


def load_units() -> dict[str, str]:
    units: dict[str, str] = {}
    for row in read_table("units.tsv", ("alias", "ucum", "note")):
        alias = row["alias"].strip()
        if units.get(alias, row["ucum"]) != row["ucum"]:
            raise RuleError(f"units.tsv: {alias!r} maps to both {units[alias]!r} and {row['ucum']!r}")
        units[alias] = row["ucum"]
    return units


def load_phrases() -> tuple[Phrase, ...]:
    phrases = [Phrase(normalize(r["phrase"]), r["terminal"], r["value"] or None)
               for r in read_table("cues.tsv", ("phrase", "terminal", "value"))]
    for row in read_table("comparators.tsv", ("phrase", "comparator", "position", "note")):
        try:
            comparator = Comparator(row["comparator"])
        except ValueError as err:
            raise RuleError(f"comparators.tsv: unknown comparator {row['comparator']!r}") from err
        if row["position"] not in ("before", "after"):
            raise RuleError(f"comparators.tsv: position must be before/after, got {row['position']!r}")
        terminal = "CMP" if row["position"] == "before" else "CMPPOST"
        phrases.append(Phrase(normalize(row["phrase"]), terminal, comparator.value))
    return tuple(phrases)


def _check_disjoint(variables: dict[str, VariableEntry], concepts: dict[str, ConceptEntry]) -> None:
    """A phrase is a measurable variable or a concept, never both: the grammar would have to guess."""
    forms = {form: entry.name for entry in variables.values() for form in entry.synonyms}
    for concept in concepts.values():
        clash = next((form for form in concept.synonyms if form in forms), None)
        if clash is not None:
            raise RuleError(f"{clash!r} is both variable {forms[clash]!r} and concept {concept.name!r}")


def load_unit_codes(variables: dict[str, VariableEntry]) -> dict[tuple[str, str], str]:
    codes = {}
    for row in read_table("unit_codes.tsv", ("variable", "unit", "code")):
        if row["variable"] not in variables:
            raise RuleError(f"unit_codes.tsv: unknown variable {row['variable']!r}")
        codes[(row["variable"], row["unit"])] = row["code"]
    return codes


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, from the start-up cache when this build has stored it."""
    from .cache import cached

    return cached("lexicon", load_lexicon)


def load_lexicon() -> Lexicon:
    variables, concepts = load_variables(), load_concepts()
    _check_disjoint(variables, concepts)
    unit_by_kind = {(_kind(row["kind"], "unit_by_kind.tsv"), row["unit"]): row["reads_as"]
                    for row in read_table("unit_by_kind.tsv", ("kind", "unit", "reads_as"))}
    return Lexicon(variables, concepts, load_units(), load_phrases(), load_unit_codes(variables), unit_by_kind)
