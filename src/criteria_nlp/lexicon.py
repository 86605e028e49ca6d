"""Lexicons as validated data: variables, concepts, units, comparator and cue phrases.

Each TSV under ``data/`` has a header row; a file whose header differs, a row with the
wrong number of fields, an unknown enum value, a key or phrase listed twice or under two
entries is a ``RuleError`` at load time, not a surprise at parse time. Each ``load_*``
reads its packaged file, or ``text`` in that file's format.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from functools import cache

from .errors import RuleError
from .logic import Comparator, Domain
from .tables import read_table, read_words, split_list

LOINC = "http://loinc.org"


class VariableKind(str, Enum):
    """What a variable measures decides how a number next to it reads: a score compares on
    its own scale, a count has no unit, a duration takes time units. ``age`` is the
    patient's age (exactly one row), computed from the birth date at evaluation; ``stage``
    a generic stage or grade that qualifies the disease written beside it."""

    AGE = "age"
    STAGE = "stage"
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

    @property
    def is_scale(self) -> bool:
        """A score or stage: compared on its own numbers, whatever unit is written."""
        return self.kind in (VariableKind.SCORE, VariableKind.STAGE)


@dataclass(frozen=True, slots=True)
class ConceptEntry:
    name: str
    domain: Domain
    code: str | None
    system: str | None
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KindsAcross:
    """What names kinds of a concept from outside its domain: every concept of ``domains``,
    and the concepts ``kinds`` names."""

    domains: frozenset[Domain]
    kinds: frozenset[str]

    def names(self, entry: ConceptEntry) -> bool:
        return entry.domain in self.domains or entry.name in self.kinds


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
    pairs: dict[str, tuple[str, str]]
    stage_scales: dict[str, str]  # condition -> the scale its stage is on (stage_scales.tsv)
    kinds_across: dict[str, KindsAcross]  # concept -> what else names its kinds (kinds_across_domains.tsv)

    def variable(self, name: str) -> VariableEntry | None:
        return self.variables.get(name)

    def concept(self, payload: str) -> ConceptEntry:
        """The entry a CONCEPT token names: a lexicon concept, or one the entity recognizer
        found outside the lexicon (``open_concept``), known only by its domain and words."""
        entry = self.concepts.get(payload)
        if entry is not None:
            return entry
        domain, _, name = payload.partition(OPEN)
        return ConceptEntry(name, Domain(domain), None, None, (name,))

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


AGE_READING = "age"
OPEN = "|"  # never in a lexicon name: synonyms are separated by it


def open_concept(domain: Domain, name: str) -> str:
    """The CONCEPT payload of a concept found outside the lexicon."""
    return f"{domain.value}{OPEN}{normalize(name)}"


def read_comparator(payload: str) -> tuple[Comparator, bool]:
    """A CMP/CMPPOST payload: the comparator, and whether the phrase says it bounds an age."""
    symbol, _, reads = payload.partition(" ")
    return Comparator(symbol), reads == AGE_READING


def normalize(text: str) -> str:
    return " ".join(text.lower().split())


def _float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError as err:
        raise RuleError(f"{where}: not a number {value!r}") from err
    if not math.isfinite(number):
        raise RuleError(f"{where}: not a finite number {value!r}")
    return number


def _claim(owner: dict[str, str], phrase: str, name: str, where: str) -> None:
    if owner.get(phrase, name) != name:
        raise RuleError(f"{where}: {phrase!r} is listed under both {owner[phrase]!r} and {name!r}")
    owner[phrase] = name


def load_variables(text: str | None = None) -> dict[str, VariableEntry]:
    entries: dict[str, VariableEntry] = {}
    owner: dict[str, str] = {}
    for row in read_table("variables.tsv", ("name", "code", "unit", "kind", "low", "high", "synonyms"), text=text):
        name = normalize(row["name"])
        where = f"variables.tsv: {name}"
        if name in entries:
            raise RuleError(f"{where}: listed twice")
        synonyms = tuple(dict.fromkeys([name, *(normalize(s) for s in row["synonyms"].split("|") if s.strip())]))
        for synonym in synonyms:
            _claim(owner, synonym, name, "variables.tsv")
        low, high = _float(row["low"], where), _float(row["high"], where)
        if low is not None and high is not None and low > high:
            raise RuleError(f"{where}: low {low:g} is above high {high:g}")
        entries[name] = VariableEntry(name, row["code"] or None, row["unit"] or None, _kind(row["kind"], where),
                                      low, high, synonyms)
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


def load_concepts(text: str | None = None) -> dict[str, ConceptEntry]:
    entries: dict[str, ConceptEntry] = {}
    owner: dict[str, str] = {}
    for row in read_table("concepts.tsv", ("name", "domain", "code", "system", "synonyms"), required=False, text=text):
        name = normalize(row["name"])
        if name in entries:
            raise RuleError(f"concepts.tsv: {name}: listed twice")
        try:
            domain = Domain(row["domain"])
        except ValueError as err:
            raise RuleError(f"concepts.tsv: {name}: unknown domain {row['domain']!r}") from err
        synonyms = tuple(dict.fromkeys([name, *(normalize(s) for s in row["synonyms"].split("|") if s.strip())]))
        for synonym in synonyms:
            _claim(owner, synonym, name, "concepts.tsv")
        entries[name] = ConceptEntry(name, domain, row["code"] or None, row["system"] or None, synonyms)
    return entries


def load_units(text: str | None = None) -> dict[str, str]:
    units: dict[str, str] = {}
    for row in read_table("units.tsv", ("alias", "ucum", "note"), text=text):
        alias = row["alias"]
        if alias in units:
            raise RuleError(f"units.tsv: {alias!r} is listed twice (as {units[alias]!r} and {row['ucum']!r})")
        if not row["ucum"]:
            raise RuleError(f"units.tsv: {alias!r} has no UCUM code")
        units[alias] = row["ucum"]
    return units


def load_phrases(cues: str | None = None, comparators: str | None = None) -> tuple[Phrase, ...]:
    """Cue and comparator phrases (``cues``/``comparators``: text of cues.tsv/comparators.tsv);
    a phrase listed twice, in one file or across both, is an error."""
    phrases: dict[str, Phrase] = {}

    def add(phrase: Phrase, where: str) -> None:
        if phrase.text in phrases:
            raise RuleError(f"{where}: phrase {phrase.text!r} is listed twice")
        phrases[phrase.text] = phrase

    for row in read_table("cues.tsv", ("phrase", "terminal", "value"), text=cues):
        if not row["terminal"]:
            raise RuleError(f"cues.tsv: {row['phrase']!r} has no terminal")
        add(Phrase(normalize(row["phrase"]), row["terminal"], row["value"] or None), "cues.tsv")
    for row in read_table("comparators.tsv", ("phrase", "comparator", "position", "reads", "note"), text=comparators):
        try:
            comparator = Comparator(row["comparator"])
        except ValueError as err:
            raise RuleError(f"comparators.tsv: unknown comparator {row['comparator']!r}") from err
        if row["position"] not in ("before", "after"):
            raise RuleError(f"comparators.tsv: position must be before/after, got {row['position']!r}")
        if row["reads"] not in ("", AGE_READING):
            raise RuleError(f"comparators.tsv: reads must be empty or {AGE_READING!r}, got {row['reads']!r}")
        terminal = "CMP" if row["position"] == "before" else "CMPPOST"
        payload = f"{comparator.value} {row['reads']}".strip()
        add(Phrase(normalize(row["phrase"]), terminal, payload), "comparators.tsv")
    return tuple(phrases.values())


def _check_disjoint(variables: dict[str, VariableEntry], concepts: dict[str, ConceptEntry]) -> None:
    """A phrase is a measurable variable or a concept, never both: the grammar would have to guess."""
    forms = {form: entry.name for entry in variables.values() for form in entry.synonyms}
    for concept in concepts.values():
        clash = next((form for form in concept.synonyms if form in forms), None)
        if clash is not None:
            raise RuleError(f"variables.tsv, concepts.tsv: {clash!r} is both variable {forms[clash]!r} "
                            f"and concept {concept.name!r}")


def load_pairs(variables: dict[str, VariableEntry], text: str | None = None) -> dict[str, tuple[str, str]]:
    pairs = {}
    for row in read_table("pairs.tsv", ("unit", "first", "second"), text=text):
        for name in (row["first"], row["second"]):
            if name not in variables:
                raise RuleError(f"pairs.tsv: unknown variable {name!r}")
        if row["unit"] in pairs:
            raise RuleError(f"pairs.tsv: unit {row['unit']!r} is listed twice")
        pairs[row["unit"]] = (row["first"], row["second"])
    return pairs


def load_stage_scales(concepts: dict[str, ConceptEntry], text: str | None = None) -> dict[str, str]:
    scales = {}
    for row in read_table("stage_scales.tsv", ("condition", "scale"), text=text):
        if row["condition"] not in concepts:
            raise RuleError(f"stage_scales.tsv: unknown concept {row['condition']!r}")
        if row["condition"] in scales:
            raise RuleError(f"stage_scales.tsv: {row['condition']!r} is listed twice")
        scales[row["condition"]] = row["scale"]
    return scales


def load_kinds_across(concepts: dict[str, ConceptEntry], text: str | None = None) -> dict[str, KindsAcross]:
    kinds = {}
    for row in read_table("kinds_across_domains.tsv", ("concept", "domains", "kinds"), text=text):
        for name in (row["concept"], *split_list(row["kinds"])):
            if name not in concepts:
                raise RuleError(f"kinds_across_domains.tsv: unknown concept {name!r}")
        try:
            domains = frozenset(Domain(d) for d in split_list(row["domains"]))
        except ValueError as error:
            raise RuleError(f"kinds_across_domains.tsv: {error}") from None
        if row["concept"] in kinds:
            raise RuleError(f"kinds_across_domains.tsv: {row['concept']!r} is listed twice")
        kinds[row["concept"]] = KindsAcross(domains, frozenset(split_list(row["kinds"])))
    return kinds


def load_unit_codes(variables: dict[str, VariableEntry], text: str | None = None) -> dict[tuple[str, str], str]:
    codes = {}
    for row in read_table("unit_codes.tsv", ("variable", "unit", "code"), text=text):
        key = (row["variable"], row["unit"])
        if row["variable"] not in variables:
            raise RuleError(f"unit_codes.tsv: unknown variable {row['variable']!r}")
        if not row["unit"] or not row["code"]:
            raise RuleError(f"unit_codes.tsv: {row['variable']!r} needs a unit and a code")
        if key in codes:
            raise RuleError(f"unit_codes.tsv: {row['variable']!r} in {row['unit']!r} is listed twice")
        codes[key] = row["code"]
    return codes


def load_unit_by_kind(text: str | None = None) -> dict[tuple[VariableKind, str], str]:
    """How a unit reads after a variable of a kind ("m" after an age is months)."""
    readings = {}
    for row in read_table("unit_by_kind.tsv", ("kind", "unit", "reads_as"), text=text):
        key = (_kind(row["kind"], "unit_by_kind.tsv"), row["unit"])
        if not row["unit"] or not row["reads_as"]:
            raise RuleError(f"unit_by_kind.tsv: {row['kind']!r} needs a unit and what it reads as")
        if key in readings:
            raise RuleError(f"unit_by_kind.tsv: {row['unit']!r} after {row['kind']!r} is listed twice")
        readings[key] = row["reads_as"]
    return readings


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, from the start-up cache when this build has stored it."""
    from .cache import cached

    return cached("lexicon", load_lexicon)


def load_lexicon() -> Lexicon:
    variables, concepts = load_variables(), load_concepts()
    _check_disjoint(variables, concepts)
    return Lexicon(variables, concepts, load_units(), load_phrases(), load_unit_codes(variables),
                   load_unit_by_kind(), load_pairs(variables), load_stage_scales(concepts),
                   load_kinds_across(concepts))


def load_judged_words(text: str | None = None) -> frozenset[str]:
    """``data/judged_words.txt`` (or ``text`` in its format): words of a qualifier that leave
    what it qualifies to someone's judgement; one lower-case word a line."""
    return frozenset(word for _, word in read_words("judged_words.txt", text))


def load_future_words(text: str | None = None) -> frozenset[str]:
    """``data/future_words.txt`` (or ``text`` in its format): qualifiers that put what they
    qualify ahead of the patient ("planned"); one lower-case word a line."""
    return frozenset(word for _, word in read_words("future_words.txt", text))
