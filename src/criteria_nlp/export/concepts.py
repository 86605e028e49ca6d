"""The OMOP concept map (``data/omop_concepts.tsv``): LOINC codes and names to concept ids.

Loaded once and validated: an unknown column, kind or a duplicate key is a ``RuleError``.
Both OMOP adapters (Circe JSON and SQL) look concepts up here and nowhere else. What a
node may be called (its synonyms, member terms, other LOINC codes of the same analyte)
comes from the project lexicon that the evaluator uses (``evaluate.variable_keys`` and
``evaluate.concept_query``), and unit conversions from ``criteria_nlp.units``, so the
exports and the evaluator read a record the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from ..errors import RuleError
from ..logic import Compare, Concept
from ..resources import data_file
from ..terminology import Code

if TYPE_CHECKING:
    from ..patients.vocabulary import Entry

FILE = "omop_concepts.tsv"
COLUMNS = ("kind", "key", "concept_id", "concept_name", "domain_id", "vocabulary_id",
           "concept_code", "source")
KINDS = ("loinc", "name", "gender", "unit")


@dataclass(frozen=True, slots=True)
class OmopConcept:
    concept_id: int
    name: str
    domain: str
    vocabulary: str
    code: str
    source: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """A concept set as the vocabulary gives it: its standard concepts (before descendants) and
    its source concepts (its codes, the codes under them, every concept mapping into the set)."""

    standard: tuple[OmopConcept, ...] = ()
    source: tuple[OmopConcept, ...] = ()


@dataclass(frozen=True, slots=True)
class OmopUnit:
    ucum: str
    concept: OmopConcept      # concept_id 0: recognised as a unit_source_value only


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """What a record row answering a node may carry: normalised names and codes, the codes
    whose system is known, and the names as written (lower case)."""

    names: tuple[str, ...]
    codes: tuple[str, ...]
    typed: tuple[Code, ...] = ()
    spellings: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.codes, *self.names)))

    @property
    def texts(self) -> tuple[str, ...]:
        """Every lower-case text a concept name or source value may equal."""
        return tuple(sorted({*self.names, *self.spellings}))


def match_keys(entry: "Entry") -> MatchKeys:
    return MatchKeys(tuple(sorted(entry.names)), tuple(sorted(entry.codes)), tuple(sorted(entry.typed)),
                     tuple(sorted(entry.spellings)))


@dataclass(frozen=True, slots=True)
class OmopTable:
    """The columns of one OMOP CDM v5.4 event table that the exporters read."""

    name: str
    circe: str            # the Circe criteria type over this table
    concept: str
    source: str           # the source value column
    source_concept: str
    start: str
    end: str | None
    id: str
    circe_source: str       # the Circe filter on the source concept column
    ongoing: bool = False   # a row without an end date lasts until the index date


TABLES: Mapping[str, OmopTable] = MappingProxyType({
    "Condition": OmopTable("condition_occurrence", "ConditionOccurrence", "condition_concept_id",
                           "condition_source_value", "condition_source_concept_id", "condition_start_date", "condition_end_date",
                           "condition_occurrence_id", "ConditionSourceConcept", ongoing=True),
    "Drug": OmopTable("drug_exposure", "DrugExposure", "drug_concept_id", "drug_source_value",
                      "drug_source_concept_id", "drug_exposure_start_date", "drug_exposure_end_date", "drug_exposure_id",
                      "DrugSourceConcept"),
    "Procedure": OmopTable("procedure_occurrence", "ProcedureOccurrence", "procedure_concept_id",
                           "procedure_source_value", "procedure_source_concept_id", "procedure_date", "procedure_end_date",
                           "procedure_occurrence_id", "ProcedureSourceConcept"),
    "Observation": OmopTable("observation", "Observation", "observation_concept_id",
                             "observation_source_value", "observation_source_concept_id", "observation_date", None, "observation_id",
                             "ObservationSourceConcept"),
    "Measurement": OmopTable("measurement", "Measurement", "measurement_concept_id",
                             "measurement_source_value", "measurement_source_concept_id", "measurement_date", None, "measurement_id",
                             "MeasurementSourceConcept"),
    "Device": OmopTable("device_exposure", "DeviceExposure", "device_concept_id",
                        "device_source_value", "device_source_concept_id", "device_exposure_start_date",
                        "device_exposure_end_date", "device_exposure_id", "DeviceSourceConcept"),
})

# Where the evaluator looks for a concept (data/evaluation.json "domains") -> OMOP domains: the
# evaluator's observations are OMOP's observation and measurement rows; an allergy is an
# observation row.
LIST_DOMAINS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "conditions": ("Condition",), "medications": ("Drug",), "procedures": ("Procedure",),
    "observations": ("Observation", "Measurement"), "allergies": ("Observation",)})


@dataclass(frozen=True)
class ConceptMap:
    loinc: Mapping[str, OmopConcept]
    names: Mapping[str, OmopConcept]
    genders: Mapping[str, OmopConcept]
    units: Mapping[str, OmopUnit]

    def concepts(self, keys: MatchKeys) -> tuple[OmopConcept, ...]:
        """The mapped OMOP concepts of every code and name in ``keys`` (by id, in key order)."""
        found = [self.loinc[c] for c in keys.codes if c in self.loinc]
        found += [self.names[n] for n in keys.names if n in self.names]
        return tuple({c.concept_id: c for c in found}.values())

    def gender(self, sex: str) -> OmopConcept | None:
        return self.genders.get(sex)

    def conversions(self, ucum: str, molar_mass: float | None = None) -> tuple[tuple[OmopUnit, float], ...]:
        """Every listed unit convertible to ``ucum``, with its factor (``conversions_among``)."""
        return conversions_among(tuple(self.units.values()), ucum, molar_mass)

    def compare_domain(self, node: Compare) -> str:
        mapped = self.concepts(compare_keys(node))
        return "Observation" if mapped and all(c.domain == "Observation" for c in mapped) else "Measurement"


def conversions_among(units: tuple[OmopUnit, ...], ucum: str,
                      molar_mass: float | None = None) -> tuple[tuple[OmopUnit, float], ...]:
    """Every unit of ``units`` convertible to ``ucum`` (through ``molar_mass`` for mass <->
    molar concentrations), with the factor that takes a value into ``ucum``."""
    return tuple(found for unit in units if (found := _conversion(unit, ucum, molar_mass)) is not None)


@lru_cache(maxsize=4096)
def _conversion(unit: OmopUnit, ucum: str, molar_mass: float | None) -> tuple[OmopUnit, float] | None:
    from ..units import UnitError, conversion

    try:
        convert = conversion(unit.ucum, ucum, molar_mass)
    except (UnitError, ArithmeticError):  # units.conversion raises ZeroDivisionError for
        return None                       # e.g. kg -> g/dL with a molar mass
    return (unit, float(f"{convert.scale:.12g}")) if convert.offset == 0 else None


def compare_keys(node: Compare) -> MatchKeys:
    """Every name and code an observation answering this threshold's variable may carry."""
    from ..patients.vocabulary import variable_keys

    return match_keys(variable_keys(node.variable.name, node.variable.code))


@dataclass(frozen=True, slots=True)
class ConceptLookup:
    keys: MatchKeys
    lists: tuple[str, ...]            # evaluator record lists (conditions, medications, ...)
    allergy: MatchKeys | None         # "hypersensitivity to X": what an allergy to X is called


def concept_lookup(node: Concept) -> ConceptLookup:
    from ..patients.vocabulary import concept_query

    query = concept_query(node.domain, node.name, node.code, node.system)
    allergy = match_keys(query.allergy) if query.allergy is not None else None
    return ConceptLookup(match_keys(query.match), tuple(query.lists), allergy)


def searches(node: Concept) -> list[tuple[str, MatchKeys, str]]:
    """(OMOP domain, keys, concept set name) of every table the evaluator's record lists for a
    concept name, the allergy lists with what an allergy to the substance is called."""
    lookup = concept_lookup(node)
    found = [(domain, lookup.keys, node.name) for name in lookup.lists for domain in LIST_DOMAINS.get(name, ())]
    if lookup.allergy is not None:
        found += [(domain, lookup.allergy, f"{node.name} (allergy)") for domain in LIST_DOMAINS["allergies"]]
    return list(dict.fromkeys(found))


def excepted_searches(node: Concept, table: OmopTable) -> list[tuple[Concept, MatchKeys]]:
    """The kinds ``node`` excepts ("other than basal cell carcinoma") that ``table`` holds,
    each with the keys of its rows there: what the table's rows of the concept leave out."""
    return [(other, keys) for other in node.other_than for domain, keys, _ in searches(other) if TABLES[domain] is table]


def is_closed(node: Concept) -> bool:
    """Whether every list the concept is looked up in is complete (closed world): its absence
    is then false, not unknown."""
    from ..patients.vocabulary import rules

    lookup = concept_lookup(node)
    lists = {name for name in lookup.lists if name in LIST_DOMAINS} | ({"allergies"} if lookup.allergy else set())
    return bool(lists) and lists <= rules().closed_world_lists


def molar_mass(node: Compare) -> float | None:
    from ..patients.vocabulary import normalize
    from ..units import analyte

    found = analyte(node.variable.code, normalize(node.variable.name))
    return found.molar_mass if found else None


def _parse(text: str) -> ConceptMap:
    tables: dict[str, dict] = {kind: {} for kind in KINDS}
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise RuleError(f"{FILE}:{number}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise RuleError(f"{FILE}:{number}: expected {len(COLUMNS)} tab-separated cells, got {len(cells)}")
        row = dict(zip(COLUMNS, cells))
        kind, key = row["kind"], row["key"]
        if kind not in KINDS:
            raise RuleError(f"{FILE}:{number}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if not key or not row["source"]:
            raise RuleError(f"{FILE}:{number}: key and source are required")
        if kind == "name" and key != key.lower():
            raise RuleError(f"{FILE}:{number}: name keys are lower case")
        try:
            concept = OmopConcept(int(row["concept_id"]), row["concept_name"], row["domain_id"],
                                  row["vocabulary_id"], row["concept_code"], row["source"])
        except ValueError:
            raise RuleError(f"{FILE}:{number}: concept_id must be an integer") from None
        if key in tables[kind]:
            raise RuleError(f"{FILE}:{number}: duplicate {kind} key {key!r}")
        if kind != "unit" and concept.concept_id <= 0:
            raise RuleError(f"{FILE}:{number}: only unit rows may have concept_id 0")
        tables[kind][key] = OmopUnit(key, concept) if kind == "unit" else concept
    if not header_seen:
        raise RuleError(f"{FILE}: no header line")
    return ConceptMap(*(MappingProxyType(tables[kind]) for kind in KINDS))


@cache
def concept_map() -> ConceptMap:
    return _parse(data_file(FILE).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Answer:
    """A yes/no answer an observation row may carry (``data/omop_answers.tsv``)."""

    code: Code
    name: str
    strings: tuple[str, ...]

    @property
    def keys(self) -> MatchKeys:
        """The answer as a concept set found by its code only."""
        return MatchKeys((), (), (self.code,))


ANSWER_COLUMNS = ("answer", "vocabulary_id", "concept_code", "concept_name", "value_strings", "source")


@cache
def answers() -> Mapping[str, Answer]:
    from ..tables import read_table, split_list
    from ..terminology import valid

    found: dict[str, Answer] = {}
    for row in read_table("omop_answers.tsv", ANSWER_COLUMNS):
        code = Code(row["vocabulary_id"], row["concept_code"])
        strings = split_list(row["value_strings"])
        if row["answer"] not in ("yes", "no") or row["answer"] in found:
            raise RuleError(f"omop_answers.tsv: answer {row['answer']!r} must be yes or no, once each")
        if not valid(code) or not row["source"]:
            raise RuleError(f"omop_answers.tsv: {row['answer']}: {code.system} {code.code!r} is not a valid code with a source")
        if not strings or any(s != s.lower() for s in strings):
            raise RuleError(f"omop_answers.tsv: {row['answer']}: value strings are lower case")
        found[row["answer"]] = Answer(code, row["concept_name"], strings)
    if set(found) != {"yes", "no"}:
        raise RuleError("omop_answers.tsv: needs a yes and a no row")
    return MappingProxyType(found)
