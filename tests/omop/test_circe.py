"""The Circe export, run the way ATLAS would (circepy builds the cohort SQL, duckcdm's SqlRender
port runs it on DuckDB, tests/omop/circe.py), holds for the persons the evaluator (closed
world) finds eligible, on a CDM with standard concept ids. Two Circe limitations are shown
on purpose: its age is a difference of calendar years, and a condition without an end date
lasts one day. circepy's checks (circe-be's) find nothing critical in the reference trial."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from criteria_nlp.evaluate import Evaluator, Options, Truth, Verdict, evaluate
from criteria_nlp.export.omop import check_expression, export_omop
from criteria_nlp.export.sql import export_sql, run
from criteria_nlp.logic import Anchor, Relation, Section, Window
from criteria_nlp.patients import Patient

from ..export.helpers import (
    AGE_18, AS_OF, ATOMS, KLEENE_PATIENTS, LIMITED_NODES, LIMITED_PATIENTS, concept, corpus_patients, gold_trial,
    lab, limited, native, omop_database, one_criterion_trial, trial_of,
)
from .circe import circe_rules, circe_select, circe_warnings

CLOSED = Options(closed_world=True)


def as_circe_sees(patient: Patient) -> Patient:
    """The record as Circe reads it: born on January 1 (Circe's age is the difference of the
    calendar years), every condition over on its onset day (a condition without an end date
    ends the day after its start)."""
    birth = patient.birth_date and dt.date(patient.birth_date.year, 1, 1)
    conditions = tuple(replace(c, status="resolved") for c in patient.conditions)
    return replace(patient, birth_date=birth, conditions=conditions)


@pytest.fixture(scope="module")
def reference():
    patients = corpus_patients()
    con = omop_database(patients, "standard")
    return patients, con, export_omop(gold_trial(), vocabulary=con)


def test_reference_trial_holds_for_the_evaluators_patients_as_circe_sees_their_ages(reference):
    patients, con, result = reference
    circe = circe_select(con, result.content)
    seen = [i for i, p in enumerate(patients, 1) if evaluate(gold_trial(), as_circe_sees(p), CLOSED).verdict is Verdict.ELIGIBLE]
    actual = [i for i, p in enumerate(patients, 1) if evaluate(gold_trial(), p, CLOSED).verdict is Verdict.ELIGIBLE]
    assert circe == seen and len(circe) > 5
    # p11 is 17 and turns 18 later in the year, p13 is 75 and turns 76: Circe reads 18 and 76
    assert sorted(patients[i - 1].id for i in set(actual) ^ set(circe)) == ["p11", "p13"]


def test_circepy_checks_find_nothing_critical_in_the_reference_trial(reference):
    _, _, result = reference
    found = circe_warnings(result.content)
    assert found and not [message for severity, message in found if severity == "CRITICAL"]


def test_every_concept_set_of_the_reference_trial_is_used_and_not_empty(reference):
    """circepy's unused-concept check looks at a rule's top level only (circe-be walks its
    groups); check_expression walks them all."""
    _, _, result = reference
    import json
    expression = json.loads(result.content)
    assert check_expression(expression) == []
    assert all(cs["expression"]["items"] for cs in expression["ConceptSets"])


ALLERGY = concept("condition", "hypersensitivity to cyclophosphamide")
NODES = {**{f"atom-{i}": atom for i, atom in enumerate(ATOMS)}, **LIMITED_NODES, "allergy": ALLERGY}
PATIENTS = [*KLEENE_PATIENTS, *LIMITED_PATIENTS,
            native("allergic", allergies=[{"name": "cyclophosphamide"}]),
            native("consent-no", observations=[{"name": "informed consent", "value": False, "date": "2026-01-10"}]),
            native("anc-per-mm3", observations=[lab("751-8", "absolute neutrophil count", 1600, "/mm3")])]


def test_each_atom_holds_as_for_the_evaluator():
    """Every atom as an inclusion and as an exclusion (one Circe run; each criterion is one
    rule): a rule holds exactly when the evaluator says met (inclusion) or not met (exclusion)."""
    pairs = [(section, node) for node in NODES.values() for section in (Section.INCLUSION, Section.EXCLUSION)]
    trial = trial_of(*pairs)
    con = omop_database(PATIENTS, "standard")
    result = export_omop(trial, vocabulary=con)
    rules = circe_rules(con, result.content)
    names = [name for name in NODES for _ in (Section.INCLUSION, Section.EXCLUSION)]
    for index, ((section, node), name) in enumerate(zip(pairs, names)):
        wanted = Truth.TRUE if section is Section.INCLUSION else Truth.FALSE
        expected = [i for i, p in enumerate(PATIENTS, 1) if Evaluator(as_circe_sees(p), CLOSED).node(node, []) is wanted]
        assert rules.get(index, []) == expected, f"{name} as {section.value}"


def test_circe_age_is_a_difference_of_calendar_years():
    """Documented limitation: born 2008-06-01, the person is 17 on 2026-01-15; Circe reads 18."""
    young = [native("seventeen", birth_date="2008-06-01")]
    con = omop_database(young, "standard")
    trial = one_criterion_trial(AGE_18)
    assert Evaluator(young[0], CLOSED).node(AGE_18, []) is Truth.FALSE
    assert run(con, export_sql(trial), index_date=AS_OF) == []
    assert circe_select(con, export_omop(trial, vocabulary=con).content) == [1]


def test_a_condition_without_an_end_date_lasts_one_day_in_circe():
    """Documented limitation: an ongoing condition overlaps every later window for the
    evaluator and SQL; circe-be ends it the day after it started."""
    ongoing = [native("ongoing", conditions=[{"name": "HIV infection", "onset": "2015-03-01", "status": "active"}])]
    node = concept("condition", "hiv infection", Window(30, "d", Relation.BEFORE, Anchor.ENROLLMENT))
    con = omop_database(ongoing, "standard")
    trial = one_criterion_trial(node)
    assert Evaluator(ongoing[0], CLOSED).node(node, []) is Truth.TRUE
    assert run(con, export_sql(trial), index_date=AS_OF) == [1]
    assert circe_select(con, export_omop(trial, vocabulary=con).content) == []


def test_circe_reads_concept_ids_so_a_source_only_cdm_is_not_supported():
    """On a CDM whose ETL mapped nothing (source values only) Circe finds no row; SQL does."""
    hiv = [native("hiv", conditions=[{"name": "HIV infection", "onset": "2015-03-01", "status": "active"}])]
    trial = one_criterion_trial(concept("condition", "hiv infection"))
    con = omop_database(hiv, "source")
    assert run(con, export_sql(trial), index_date=AS_OF) == [1]
    assert circe_select(con, export_omop(trial, vocabulary=con).content) == []


def test_counts_and_durations_have_circe_forms():
    expression = export_omop(one_criterion_trial(limited("drug", "chemotherapy", count=("<=", 1),
                                                         duration=(">=", 60, "d")))).content
    assert '"Type": 1, "Count": 1' in expression          # at most one row
    assert '"CorrelatedCriteria"' in expression and '"UseIndexEnd": true' in expression
