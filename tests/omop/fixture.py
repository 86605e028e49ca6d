"""A small OMOP vocabulary and synthetic CDMs in two layouts, loaded into DuckDB.

The vocabulary is laid out as an Athena download fills the CDM v5.4 vocabulary tables:
``concept`` (standard SNOMED, LOINC and RxNorm concepts, classification ATC concepts,
non-standard ICD-10-CM source concepts), ``concept_relationship`` ('Maps to' from ICD-10-CM to
SNOMED, 'Maps to' of every standard concept to itself), ``concept_ancestor`` (each standard
concept to itself, ATC classes to the ingredients under them, a concept to the concepts
``concept_matches.tsv`` lists as narrower) and ``concept_synonym``. Concept ids are invented
(deterministic, from 900,000,001); codes are the real codes of the project's data, except
for concepts the data names without a code (an RxNorm ingredient such as dacarbazine, a
narrower condition such as atrial fibrillation): those get a code ``FIX-<n>`` that no
vocabulary has. Gender and unit concepts keep their real OMOP ids (``omop_concepts.tsv``).

``cdm_rows`` writes patients as an ETL would:

- layout ``standard``: each row gets the standard concept of its code (through 'Maps to' for
  an ICD-10-CM code) or, without a code, of its name (a concept name, as a mapping table
  would; a name of the row's own domain first, else of any domain, the row staying in its
  table), the source concept id of its code (of a name: the concept it names), and its source
  value (the code as written, else the name); a row nothing maps keeps concept id 0. An allergy is an observation row coded
  with its substance's concept. A yes/no observation carries the answer concept
  (``omop_answers.tsv``) in ``value_as_concept_id`` and the answer in ``value_as_string``;
  other observation rows carry value concept 0.
- layout ``source``: every concept id is 0 (an ETL that mapped nothing): only the source
  value (the code, else the name) and the value string tell what the row is.

Person rows carry the gender concept in both layouts. Each person has one visit on the
assessment date and an observation period from 1900 to it (what Circe needs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from criteria_nlp.export.concepts import answers, concept_map
from criteria_nlp.export.sql import cdm_ddl
from criteria_nlp.lexicon import default_lexicon
from criteria_nlp.logic import Domain
from criteria_nlp.patients import Patient
from criteria_nlp.patients.vocabulary import _concepts, normalize, rules
from criteria_nlp.terminology import Code, is_under, lexicon_codes, system_of_uri

LAYOUTS = ("standard", "source")
_DOMAIN = {Domain.CONDITION: "Condition", Domain.DRUG: "Drug", Domain.PROCEDURE: "Procedure",
           Domain.OBSERVATION: "Observation", Domain.OTHER: "Observation", Domain.DEVICE: "Device"}
_START, _END = "1970-01-01", "2099-12-31"


@dataclass
class Vocabulary:
    concept: list[dict[str, Any]] = field(default_factory=list)
    relationship: list[dict[str, Any]] = field(default_factory=list)
    ancestor: list[dict[str, Any]] = field(default_factory=list)
    synonym: list[dict[str, Any]] = field(default_factory=list)
    by_code: dict[Code, int] = field(default_factory=dict)
    by_name: dict[tuple[str, str], int] = field(default_factory=dict)   # (domain_id, lower name)
    by_text: dict[str, int] = field(default_factory=dict)               # lower name, any domain
    maps_to: dict[int, int] = field(default_factory=dict)
    standard: set[int] = field(default_factory=set)
    _next: int = 900_000_001

    def add(self, name: str, domain: str, vocabulary: str, code: str | None, standard: str | None,
            concept_class: str = "Clinical Finding", concept_id: int | None = None) -> int:
        if code is not None and Code(vocabulary, code) in self.by_code:
            return self.by_code[Code(vocabulary, code)]
        if concept_id is None:
            concept_id, self._next = self._next, self._next + 1
        code = code or f"FIX-{concept_id}"
        self.concept.append({"concept_id": concept_id, "concept_name": name, "domain_id": domain,
                             "vocabulary_id": vocabulary, "concept_class_id": concept_class,
                             "standard_concept": standard, "concept_code": code,
                             "valid_start_date": _START, "valid_end_date": _END, "invalid_reason": None})
        self.by_code[Code(vocabulary, code)] = concept_id
        if standard == "S":
            self.standard.add(concept_id)
            self.by_name.setdefault((domain, name.lower()), concept_id)
            self.by_text.setdefault(name.lower(), concept_id)
            self.relate(concept_id, concept_id)
        if standard in ("S", "C"):
            self.descend(concept_id, concept_id, 0)
        return concept_id

    def name(self, concept_id: int, domain: str, names: tuple[str, ...]) -> None:
        """Synonyms of a concept (Athena carries many); an ETL's mapping table reads them too."""
        for synonym in names:
            self.synonym.append({"concept_id": concept_id, "concept_synonym_name": synonym,
                                 "language_concept_id": 4180186})
            self.by_name.setdefault((domain, synonym.lower()), concept_id)
            self.by_text.setdefault(synonym.lower(), concept_id)

    def relate(self, source: int, target: int) -> None:
        self.maps_to[source] = target
        for one, two, kind in ((source, target, "Maps to"), (target, source, "Mapped from")):
            if (one, two, kind) != (target, source, "Mapped from") or source != target:
                self.relationship.append({"concept_id_1": one, "concept_id_2": two, "relationship_id": kind,
                                          "valid_start_date": _START, "valid_end_date": _END,
                                          "invalid_reason": None})

    def descend(self, ancestor: int, descendant: int, levels: int) -> None:
        self.ancestor.append({"ancestor_concept_id": ancestor, "descendant_concept_id": descendant,
                              "min_levels_of_separation": levels, "max_levels_of_separation": levels})


@cache
def build_vocabulary(extra_icd10cm: tuple[str, ...] = (), extra_names: tuple[tuple[str, str], ...] = ()) -> Vocabulary:
    """The vocabulary of the project's data and of what the patients' records name (Athena has
    them all): ``extra_icd10cm``, record codes mapped to the standard concept of the nearest
    lexicon concept whose ICD-10-CM code is above them; ``extra_names``, (domain, name) of
    record entries no concept is called, each a standard concept of its own. Callers must not
    change the result (it is shared)."""
    vocab = Vocabulary()
    cmap = concept_map()
    for concept in cmap.genders.values():
        vocab.add(concept.name, "Gender", "Gender", concept.code, "S", "Gender", concept.concept_id)
    for ucum, unit in sorted(cmap.units.items()):
        vocab.add(unit.concept.name, "Unit", "UCUM", ucum, "S", "Unit", unit.concept.concept_id or None)
    for answer in answers().values():
        vocab.add(answer.name, "Meas Value", answer.code.system, answer.code.code, "S", "Qualifier Value")
    for entry in sorted(default_lexicon().variables.values(), key=lambda e: e.name):
        # a variable without a LOINC code is a concept the vocabulary has by name
        measured = vocab.add(entry.name, "Measurement", "LOINC" if entry.code else "SNOMED", entry.code, "S", "Lab Test")
        vocab.name(measured, "Measurement", entry.synonyms)
    icd_targets: list[tuple[Code, int | None]] = []
    for name, entry in sorted(default_lexicon().concepts.items()):
        domain = _DOMAIN.get(entry.domain)
        if domain is None:
            continue
        codes = [row.code for row in lexicon_codes(entry.domain, name)]
        standard = None
        for code in codes:
            if code.system in ("SNOMED", "RxNorm"):
                standard = vocab.add(name.capitalize(), domain, code.system, code.code, "S")
        for code in codes:
            if code.system == "ATC":
                atc = vocab.add(f"ATC class {code.code}", "Drug", "ATC", code.code, "C", "ATC 1st")
                _members_under(vocab, entry.domain, name, atc, "Drug", "RxNorm", "Ingredient")
            elif code.system == "ICD10CM":
                icd = vocab.add(name.capitalize(), "Condition", "ICD10CM", code.code, None, "ICD10 code")
                if standard is not None:
                    vocab.relate(icd, standard)
        if standard is None and not any(c.system == "ATC" for c in codes):
            # a concept without a code is one the vocabulary has by name (invented FIX- code)
            vocabulary = "RxNorm" if entry.domain is Domain.DRUG else "SNOMED"
            standard = vocab.add(name, domain, vocabulary, None, "S")
            for code in codes:
                if code.system == "ICD10CM":
                    vocab.relate(vocab.by_code[code], standard)
        icd_targets += [(code, standard) for code in codes if code.system == "ICD10CM"]
        if standard is not None:
            vocab.name(standard, domain, entry.synonyms)
            _members_under(vocab, entry.domain, name, standard, domain, "SNOMED", "Clinical Finding")
    for code in sorted(set(extra_icd10cm)):
        # the nearest lexicon code above it gives the standard concept it maps to
        above = sorted(((len(c.code), s) for c, s in icd_targets if is_under(code, "ICD10CM", c) and s), reverse=True)
        icd = vocab.add(f"ICD-10-CM {code}", "Condition", "ICD10CM", code, None, "ICD10 code")
        if above:
            vocab.relate(icd, above[0][1])
    for domain, name in sorted(set(extra_names)):
        if name.lower() not in vocab.by_text:
            vocab.add(name, domain, "RxNorm" if domain == "Drug" else "SNOMED", None, "S")
    return vocab


def _members_under(vocab: Vocabulary, domain: Domain, name: str, ancestor: int, domain_id: str,
                   vocabulary: str, concept_class: str) -> None:
    """The narrower terms concept_matches.tsv lists for a concept, as concepts under it."""
    row = _concepts().get((domain, normalize(name)))
    if row is None:
        return
    for member in sorted(row.spellings - {name}):
        found = vocab.by_name.get((domain_id, member))
        child = found or vocab.add(member, domain_id, vocabulary, None, "S", concept_class)
        if child != ancestor:
            vocab.descend(ancestor, child, 1)


# ---- the ETL -------------------------------------------------------------------------------

def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def cdm_rows(patients: list[Patient], vocab: Vocabulary, layout: str) -> dict[str, list[dict[str, Any]]]:
    assert layout in LAYOUTS
    rule = rules()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "person", "visit_occurrence", "observation_period", "measurement", "observation",
        "condition_occurrence", "drug_exposure", "procedure_occurrence")}
    skip = set(rule.void_statuses) | set(rule.negating_statuses)

    def codes(code: str | None, uri: str | None, name: str | None, domain: str) -> tuple[int, int, str | None]:
        """(concept id, source concept id, source value) of one record entry."""
        source_value = code or name
        if layout == "source":
            return 0, 0, source_value
        source = 0
        if code:
            system = system_of_uri(uri)
            candidates = [Code(system, code)] if system else [c for c in vocab.by_code if c.code == code]
            source = next((vocab.by_code[c] for c in candidates if c in vocab.by_code), 0)
        if source:
            return vocab.maps_to.get(source, 0), source, source_value
        text = (name or "").lower()
        target = vocab.by_name.get((domain, text), vocab.by_text.get(text, 0))
        return target, target, source_value       # a name is the source concept it names

    def add(table: str, row: dict[str, Any]) -> None:
        key = table.removesuffix("_occurrence").removesuffix("_exposure") + ("_occurrence_id" if table.endswith("_occurrence") else "_exposure_id" if table.endswith("_exposure") else "_id")
        row[key] = len(tables[table]) + 1
        tables[table].append(row)

    for pid, patient in enumerate(patients, 1):
        birth = patient.birth_date or dt.date(1900, 1, 1)
        gender = concept_map().gender(patient.sex or "")
        add("person", {"person_id": pid, "gender_concept_id": gender.concept_id if gender else 0,
                       "year_of_birth": birth.year, "month_of_birth": birth.month, "day_of_birth": birth.day,
                       "race_concept_id": 0, "ethnicity_concept_id": 0, "person_source_value": patient.id,
                       "gender_source_value": patient.sex})
        add("visit_occurrence", {"person_id": pid, "visit_concept_id": 9202, "visit_start_date": _iso(patient.as_of),
                                 "visit_end_date": _iso(patient.as_of), "visit_type_concept_id": 32817})
        add("observation_period", {"person_id": pid, "observation_period_start_date": "1900-01-01",
                                   "observation_period_end_date": _iso(patient.as_of), "period_type_concept_id": 32817})
        for obs in patient.observations:
            if obs.status in skip or obs.date is None:
                continue
            numeric = isinstance(obs.value, (int, float)) and not isinstance(obs.value, bool)
            if numeric:
                concept, source, value = codes(obs.code, "http://loinc.org" if obs.code else None, obs.name, "Measurement")
                unit = vocab.by_code.get(Code("UCUM", obs.unit or "")) if layout == "standard" else None
                rr = obs.reference_range
                add("measurement", {"person_id": pid, "measurement_concept_id": concept,
                                    "measurement_source_concept_id": source, "measurement_source_value": value,
                                    "measurement_date": _iso(obs.date), "measurement_type_concept_id": 32817,
                                    "value_as_number": obs.value, "unit_concept_id": unit or 0,
                                    "unit_source_value": obs.unit, "range_low": rr.low if rr else None,
                                    "range_high": rr.high if rr else None})
            else:
                concept, source, value = codes(obs.code, None, obs.name, "Observation")
                answer = {True: answers()["yes"], False: answers()["no"]}.get(obs.value) if isinstance(obs.value, bool) else None
                add("observation", {"person_id": pid, "observation_concept_id": concept,
                                    "observation_source_concept_id": source, "observation_source_value": value,
                                    "observation_date": _iso(obs.date), "observation_type_concept_id": 32817,
                                    "value_as_concept_id": vocab.by_code[answer.code] if answer and layout == "standard" else 0,
                                    "value_as_string": answer.name if answer else None})
        for cond in patient.conditions:
            if cond.status in skip or cond.onset is None:
                continue
            still = cond.status is None or cond.status in rule.ongoing_statuses
            concept, source, value = codes(cond.code, cond.system, cond.name, "Condition")
            add("condition_occurrence", {"person_id": pid, "condition_concept_id": concept,
                                         "condition_source_concept_id": source, "condition_source_value": value,
                                         "condition_start_date": _iso(cond.onset),
                                         "condition_end_date": None if still else _iso(cond.onset),
                                         "condition_type_concept_id": 32817})
        for med in patient.medications:
            if med.status in skip or med.start is None:
                continue
            still = med.status is None or med.status in rule.ongoing_statuses
            concept, source, value = codes(med.code, None, med.name, "Drug")
            add("drug_exposure", {"person_id": pid, "drug_concept_id": concept, "drug_source_concept_id": source,
                                  "drug_source_value": value, "drug_exposure_start_date": _iso(med.start),
                                  "drug_exposure_end_date": _iso(med.end or (patient.as_of if still else med.start)),
                                  "drug_type_concept_id": 32817})
        for proc in patient.procedures:
            if proc.status in skip or proc.date is None:
                continue
            concept, source, value = codes(proc.code, None, proc.name, "Procedure")
            add("procedure_occurrence", {"person_id": pid, "procedure_concept_id": concept,
                                         "procedure_source_concept_id": source, "procedure_source_value": value,
                                         "procedure_date": _iso(proc.date), "procedure_type_concept_id": 32817})
        for allergy in patient.allergies:
            if allergy.status in skip:
                continue
            concept, source, value = codes(allergy.code, None, allergy.name, "Drug")
            add("observation", {"person_id": pid, "observation_concept_id": concept,
                                "observation_source_concept_id": source, "observation_source_value": value,
                                "observation_date": _iso(patient.as_of), "observation_type_concept_id": 32817,
                                "value_as_concept_id": 0, "value_as_string": None})
    return tables


_LIST_DOMAIN = {"conditions": "Condition", "medications": "Drug", "procedures": "Procedure",
                "observations": "Observation", "allergies": "Drug"}


def record_vocabulary(patients: list[Patient]) -> Vocabulary:
    """The vocabulary with every ICD-10-CM code the patients' conditions carry and every name
    their records use (numeric observations are named by the lexicon's variables)."""
    icd = tuple(sorted({c.code for p in patients for c in p.conditions
                        if c.code and system_of_uri(c.system) == "ICD10CM"}))
    names = {(_LIST_DOMAIN[kind], entry.name) for p in patients for kind in _LIST_DOMAIN
             for entry in getattr(p, kind) if entry.name and not entry.code}
    return build_vocabulary(icd, tuple(sorted(names)))


def database(patients: list[Patient], layout: str, vocab: Vocabulary | None = None):
    """An in-memory DuckDB with the CDM and vocabulary tables filled; person_id = list index + 1."""
    import duckdb

    vocab = vocab or record_vocabulary(patients)
    con = duckdb.connect()
    for statement in cdm_ddl().split(";"):
        if statement.strip():
            con.execute(statement)
    tables = cdm_rows(patients, vocab, layout)
    tables.update(concept=vocab.concept, concept_relationship=vocab.relationship,
                  concept_ancestor=vocab.ancestor, concept_synonym=vocab.synonym)
    for table, rows in tables.items():
        if rows:        # one statement per table: DuckDB's executemany runs a statement per row
            columns = list(dict.fromkeys(c for row in rows for c in row))
            full = [{c: row.get(c) for c in columns} for row in rows]
            con.execute(f"INSERT INTO {table} BY NAME SELECT unnest($rows, recursive := true)", {"rows": full})
    return con
