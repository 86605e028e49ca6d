"""Atoms against hand-built records: observations, units, ULN, windows, age, concepts, criteria."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from criteria_nlp.evaluate import Evaluator, Options, SiteRange, Truth, Verdict
from criteria_nlp.logic import And, Anchor, Fragment, Not, Or, Trial
from criteria_nlp.patients import Observation, Patient, ReferenceRange

from .helpers import AS_OF, NOWHERE, compare, concept, criterion, lab, record, window

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def truth(patient, node, **options):
    evidence = []
    return Evaluator(patient, Options(**options)).node(node, evidence)


def evidence_of(patient, node, **options):
    evidence = []
    Evaluator(patient, Options(**options)).node(node, evidence)
    return evidence[0]


# ---- observations and units

def test_observation_found_by_code_and_converted():
    patient = record(observations=[lab(1500, "/uL", code="751-8")])
    assert truth(patient, compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8")) is T
    assert truth(patient, compare("absolute neutrophil count", ">", 1.5, "10*9/L", code="751-8")) is F
    ev = evidence_of(patient, compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8"))
    assert (ev.value, ev.threshold, ev.unit) == (1.5, 1.5, "10*9/L")
    assert ev.facts[0].value == 1500 and ev.facts[0].unit == "/uL" and ev.facts[0].kind == "observations"


def test_observation_found_by_name_synonym_and_molar_loinc():
    patient = record(observations=[lab(5.0, "mmol/L", name="Hgb")])
    assert truth(patient, compare("hemoglobin", ">=", 9, "g/dL", code="718-7")) is F  # 8.06 g/dL
    patient = record(observations=[lab(80, "umol/L", code="14682-9")])
    assert truth(patient, compare("serum creatinine", "<=", 1.5, "mg/dL", code="2160-0")) is T  # 0.90 mg/dL


def test_most_recent_value_within_the_look_back_is_used():
    patient = record(observations=[lab(0.9, "10*9/L", code="751-8", date="2026-01-01"),
                                   lab(2.0, "10*9/L", code="751-8", date="2026-01-12"),
                                   lab(3.0, "10*9/L", code="751-8", date="2025-09-01")])
    node = compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8")
    assert evidence_of(patient, node).facts[0].value == 2.0
    old = record(observations=[lab(3.0, "10*9/L", code="751-8", date="2025-09-01")])
    assert truth(old, node) is U
    assert truth(old, node, lookback_days=180) is T


def test_compare_window_replaces_the_look_back():
    patient = record(observations=[lab(3.0, "10*9/L", code="751-8", date="2025-12-20")])  # 26 days before
    node = compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8", window=window(14))
    assert truth(patient, node) is U
    assert truth(patient, compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8",
                                  window=window(1, unit="mo"))) is T


def test_missing_value_and_incomparable_units_are_unknown():
    patient = record(observations=[lab(45, "%", code="10230-1"), lab(1, code="89247-1")])
    assert truth(patient, compare("platelet count", ">=", 100, "10*9/L", code="777-3")) is U
    assert truth(patient, compare("left ventricular ejection fraction", ">=", 40, "mL", code="10230-1")) is U
    assert truth(patient, compare("left ventricular ejection fraction", ">=", 40, None, code="10230-1")) is U
    assert truth(patient, compare("ecog performance status", "<=", 1, None, code="89247-1")) is T
    assert truth(patient, compare("ecog performance status", "<=", 1, "{score}", code="89247-1")) is T


def test_a_yes_no_finding_is_not_a_number():
    patient = record(observations=[{"name": "hemoglobin", "value": True, "date": "2026-01-10"}])
    assert truth(patient, compare("hemoglobin", ">=", 9, "g/dL")) is U


# ---- ULN / LLN

def test_uln_threshold_is_a_multiple_of_the_observations_own_upper_limit():
    at = record(observations=[lab(100, "U/L", code="1920-8", low=10, high=40)])
    above = record(observations=[lab(101, "U/L", code="1920-8", low=10, high=40)])
    node = compare("aspartate aminotransferase", "<=", 2.5, code="1920-8", reference="ULN")
    assert truth(at, node) is T
    assert truth(above, node) is F
    ev = evidence_of(at, node)
    assert (ev.reference_limit, ev.threshold, ev.unit) == (40, 100, "U/L")


def test_lln_and_missing_range():
    patient = record(observations=[lab(1.0, "10*9/L", code="751-8", low=1.8)])
    assert truth(patient, compare("absolute neutrophil count", ">=", 0.5, code="751-8", reference="LLN")) is T
    assert truth(patient, compare("absolute neutrophil count", "<=", 2, code="751-8", reference="ULN")) is U


def test_site_default_range_fills_a_missing_range_in_the_observations_unit():
    patient = record(observations=[lab(50, "umol/L", code="14631-6")])
    node = compare("total bilirubin", "<=", 1.5, code="1975-2", reference="ULN")
    assert truth(patient, node) is U
    site = {"1975-2": SiteRange(0.1, 1.2, "mg/dL")}  # 1.2 mg/dL = 20.5 umol/L; 1.5 x = 30.8
    assert truth(patient, node, reference_ranges=site) is F


# ---- age

@pytest.mark.parametrize("birth,years", [("2008-06-01", 17), ("2008-01-15", 18), ("2008-01-16", 17),
                                         ("1950-06-01", 75), ("1949-12-01", 76)])
def test_age_in_completed_years(birth, years):
    patient = record(birth_date=birth)
    assert evidence_of(patient, compare("age", ">=", 0, "a", code="30525-0")).value == years


def test_age_in_months_and_without_birth_date():
    patient = record(birth_date="2025-06-20")
    assert evidence_of(patient, compare("age", ">=", 6, "mo")).value == 6
    patient = record(birth_date=None)
    assert truth(patient, compare("age", ">=", 18, "a")) is U


# ---- concepts

def test_concept_matches_by_name_synonym_member_and_code():
    patient = record(conditions=[{"name": "Metastatic melanoma"}, {"code": "86406008"}],
                     medications=[{"name": "Dacarbazine", "start": "2025-06-01"}])
    assert truth(patient, concept("condition", "malignant melanoma")) is T
    assert truth(patient, concept("condition", "HIV infection")) is T
    assert truth(patient, concept("drug", "chemotherapy")) is T
    assert truth(patient, concept("drug", "temozolomide")) is U  # members match one way only


def test_concept_normalises_case_plurals_and_hyphens():
    patient = record(conditions=[{"name": "Pregnant"}, {"name": "Ischemic Heart-Diseases"}],
                     allergies=[{"name": "Interleukin 2"}])
    assert truth(patient, concept("condition", "pregnancy")) is T
    assert truth(patient, concept("condition", "ischemic heart disease")) is T
    assert truth(patient, concept("condition", "hypersensitivity to interleukin-2")) is T
    assert truth(patient, concept("condition", "hypersensitivity to cyclophosphamide")) is U


def test_absent_concept_is_unknown_unless_closed_world():
    patient = record(conditions=[{"name": "malignant melanoma"}])
    for node in (concept("condition", "hiv infection"), concept("drug", "chemotherapy"),
                 concept("procedure", "organ transplantation"),
                 concept("condition", "hypersensitivity to cyclophosphamide")):
        assert truth(patient, node) is U
        assert truth(patient, node, closed_world=True) is F
    # consent, donors and other findings are not part of a medical history: still unknown
    assert truth(patient, concept("other", "informed consent"), closed_world=True) is U


def test_a_drug_class_is_answered_by_its_members_on_the_medication_list():
    patient = record(medications=[{"name": "Tacrolimus", "start": "2025-06-01"}])
    assert truth(patient, concept("drug", "immunosuppressive therapy")) is T
    assert truth(patient, concept("drug", "thrombolytic therapy")) is U


def test_kinds_a_concept_excepts_are_set_apart_record_by_record():
    """"Immunosuppressive therapy other than tacrolimus": a patient on tacrolimus and
    sirolimus has one, which "immunosuppressive therapy and not tacrolimus" would deny; on
    tacrolimus alone the record holds none."""
    node = dataclasses.replace(concept("drug", "immunosuppressive therapy"),
                               other_than=(concept("drug", "tacrolimus"),))
    both = record(medications=[{"name": "Tacrolimus", "start": "2025-06-01"},
                               {"name": "Sirolimus", "start": "2025-07-01"}])
    assert truth(both, node) is T
    assert truth(both, And((concept("drug", "immunosuppressive therapy"), Not(concept("drug", "tacrolimus"), NOWHERE)),
                           NOWHERE)) is F
    alone = record(medications=[{"name": "Tacrolimus", "start": "2025-06-01"}])
    assert truth(alone, node) is U
    assert truth(alone, node, closed_world=True) is F
    assert "not counted" in evidence_of(alone, node).reason and "Tacrolimus" in evidence_of(alone, node).reason
    assert truth(record(medications=[{"name": "Sirolimus", "start": "2025-07-01"}]), node) is T


def test_a_planned_concept_is_unknown_whatever_the_record_holds():
    """"Planning to become pregnant": a pregnancy on record is no plan, and no record is no
    proof there is none."""
    planned = dataclasses.replace(concept("condition", "pregnancy"), qualifiers=("planned",))
    pregnant = record(conditions=[{"name": "Pregnant"}])
    assert truth(pregnant, concept("condition", "pregnancy")) is T
    assert truth(pregnant, planned) is U
    assert truth(record(), planned, closed_world=True) is U


def test_a_concept_left_to_judgement_is_unknown_when_present():
    """"Cardiac disease that would interfere with the study": a patient with cardiac disease
    may or may not be so, as the investigator judges; one without it is not."""
    written = "that would interfere with the study"
    judged = dataclasses.replace(concept("condition", "heart disease"), qualifiers=("severe", written))
    cardiac = record(conditions=[{"name": "heart disease"}])
    assert truth(cardiac, concept("condition", "heart disease")) is T
    assert truth(cardiac, judged) is U
    assert "left to judgement" in evidence_of(cardiac, judged).reason and written in evidence_of(cardiac, judged).reason
    assert truth(record(), judged, closed_world=True) is F
    opinion = dataclasses.replace(concept("condition", "heart disease"), qualifiers=("investigator's judgement",))
    assert truth(cardiac, opinion) is U
    # "interference" is no word of the list: a qualifier merely near one in spelling leaves the fact met
    assert truth(cardiac, dataclasses.replace(opinion, qualifiers=("interference",))) is T


def test_explicit_negatives_and_void_records():
    patient = record(conditions=[{"name": "hiv infection", "status": "refuted"},
                                 {"name": "pregnancy", "status": "entered-in-error"}],
                     observations=[{"name": "informed consent", "value": False}])
    assert truth(patient, concept("condition", "hiv infection")) is F
    assert truth(patient, concept("condition", "pregnancy")) is U
    assert truth(patient, concept("other", "informed consent")) is F


@pytest.mark.parametrize("day,expected", [("2025-12-15", F), ("2025-12-16", T), ("2026-01-15", T)])
def test_drug_window_boundaries(day, expected):
    patient = record(medications=[{"name": "temozolomide", "start": day, "end": day, "status": "completed"}])
    node = concept("drug", "chemotherapy", window=window(30))
    assert truth(patient, node, closed_world=True) is expected
    assert truth(patient, concept("drug", "chemotherapy"), closed_world=True) is T


def test_ongoing_drug_overlaps_the_window_and_undated_is_unknown():
    ongoing = record(medications=[{"name": "cisplatin", "start": "2025-06-01", "status": "active"}])
    undated = record(medications=[{"name": "cisplatin"}])
    stopped = record(medications=[{"name": "cisplatin", "start": "2025-06-01", "status": "stopped"}])
    node = concept("drug", "chemotherapy", window=window(30))
    assert truth(ongoing, node) is T
    assert truth(undated, node) is T  # no date and no status: taken as ongoing until as_of
    assert truth(stopped, node) is U
    assert truth(stopped, node, closed_world=True) is F


def test_first_dose_anchor_can_be_given():
    patient = record(procedures=[{"name": "organ transplant", "date": "2026-02-20"}])
    node = concept("procedure", "organ transplantation", window=window(30, "after", "first_dose"))
    assert truth(patient, node) is U  # first dose defaults to as_of: 36 days later
    assert truth(patient, node, anchors={Anchor.FIRST_DOSE: dt.date(2026, 2, 1)}) is T


def test_sex_from_a_demographic_concept():
    assert truth(record(sex="female"), concept("demographic", "women")) is T
    assert truth(record(sex="male"), concept("demographic", "female")) is F
    assert truth(record(sex=None), concept("demographic", "female")) is U


# ---- criteria and trials

def test_unparsed_fragment_keeps_a_criterion_open_but_never_makes_it_hold():
    patient = record(conditions=[{"name": "melanoma"}])
    fragment = (Fragment(NOWHERE, "who did not respond"),)
    evaluator = Evaluator(patient)
    assert evaluator.criterion(criterion(concept("condition", "melanoma"), unparsed=fragment)).truth is U
    assert evaluator.criterion(criterion(concept("condition", "measurable disease"), unparsed=fragment)).truth is U
    closed = Evaluator(patient, Options(closed_world=True))
    assert closed.criterion(criterion(concept("condition", "hiv"), unparsed=fragment)).truth is F
    assert evaluator.criterion(criterion(None, unparsed=fragment)).truth is U


def test_trial_verdicts_and_deciding_criteria():
    patient = record(conditions=[{"name": "melanoma"}], observations=[lab(1.0, "10*9/L", code="751-8")])
    melanoma = criterion(concept("condition", "melanoma"), id="inc-1")
    anc = criterion(compare("absolute neutrophil count", ">=", 1.5, "10*9/L", code="751-8"), id="inc-2")
    hiv = criterion(concept("condition", "hiv"), "exclusion", id="exc-1")
    evaluator = Evaluator(patient)
    result = evaluator.trial(Trial("T", "", (melanoma, anc, hiv)))
    assert (result.verdict, result.deciding) == (Verdict.INELIGIBLE, ("inc-2",))
    result = evaluator.trial(Trial("T", "", (melanoma, hiv)))
    assert (result.verdict, result.deciding) == (Verdict.UNDETERMINED, ("exc-1",))
    result = Evaluator(patient, Options(closed_world=True)).trial(Trial("T", "", (melanoma, hiv)))
    assert (result.verdict, result.deciding) == (Verdict.ELIGIBLE, ())


def test_hand_built_renal_or_on_the_corpus_patients(corpus_patient):
    renal = Or((compare("serum creatinine", "<=", 1.0, code="2160-0", reference="ULN"),
                compare("creatinine clearance", ">=", 60, "mL/min/{1.73_m2}", code="2164-2")), NOWHERE)
    assert truth(corpus_patient("p06"), renal) is T
    assert truth(corpus_patient("p07"), renal) is T
    assert truth(corpus_patient("p08"), renal) is F
    assert truth(corpus_patient("p03"), compare("serum creatinine", "<=", 1.0, "mg/dL", code="2160-0")) is T
    assert truth(corpus_patient("p05"), And((compare("platelet count", ">=", 100, "10*9/L", code="777-3"),
                                             compare("hemoglobin", ">=", 9, "g/dL", code="718-7")), NOWHERE)) is U
    assert truth(corpus_patient("p09"), Not(concept("drug", "chemotherapy", window=window(30)), NOWHERE)) is F


# ---- properties

def _patient(value: float, unit: str) -> Patient:
    obs = Observation("absolute neutrophil count", "751-8", value, unit, ReferenceRange(1.8, 7.7), AS_OF)
    return Patient("h", AS_OF, observations=(obs,))


@settings(max_examples=200, deadline=None)
@given(value=st.floats(0, 1e5, allow_nan=False), low=st.floats(0, 100), high=st.floats(0, 100),
       unit=st.sampled_from(["10*9/L", "/uL", "/mm3", "10*3/uL"]), comparator=st.sampled_from([">=", ">", "<=", "<"]))
def test_evaluation_is_monotone_in_the_threshold(value, low, high, unit, comparator):
    low, high = min(low, high), max(low, high)
    patient = _patient(value, unit)
    at_low = truth(patient, compare("absolute neutrophil count", comparator, low, "10*9/L", code="751-8"))
    at_high = truth(patient, compare("absolute neutrophil count", comparator, high, "10*9/L", code="751-8"))
    if comparator.startswith(">"):
        assert at_high is F or at_low is T   # holding above a higher bar implies holding above a lower one
    else:
        assert at_low is F or at_high is T


@settings(max_examples=100, deadline=None)
@given(value=st.floats(0, 1000, allow_nan=False), factor=st.floats(0, 10, allow_nan=False))
def test_uln_evaluation_is_monotone_in_the_multiple(value, factor):
    patient = _patient(value, "10*9/L")
    lower = truth(patient, compare("absolute neutrophil count", "<=", factor, code="751-8", reference="ULN"))
    higher = truth(patient, compare("absolute neutrophil count", "<=", factor + 0.5, code="751-8", reference="ULN"))
    assert lower is F or higher is T


# ---- attributes of an event: count, duration, dose; windows with a near edge

def _limited(name, domain="condition", **limits):
    from criteria_nlp.logic import Comparator, Limit

    made = {key: Limit(Comparator(c), v, u) for key, (c, v, u) in limits.items()}
    return dataclasses.replace(concept(domain, name), **made)


def test_count_of_occurrences():
    two = record(conditions=[{"name": "stroke", "onset": "2020-01-01"}, {"name": "stroke", "onset": "2024-03-01"}])
    one = record(conditions=[{"name": "stroke", "onset": "2024-03-01"}])
    at_least_two = _limited("stroke", count=(">=", 2, None))
    assert truth(two, at_least_two) is T
    assert truth(one, at_least_two) is U          # more may have gone unrecorded
    assert truth(one, at_least_two, closed_world=True) is F
    at_most_one = _limited("stroke", count=("<=", 1, None))
    assert truth(two, at_most_one) is F
    assert truth(one, at_most_one) is U
    assert truth(one, at_most_one, closed_world=True) is T


def test_duration_from_onset_to_as_of():
    patient = record(conditions=[{"name": "type 2 diabetes", "onset": "2019-06-01", "status": "active"}])
    assert truth(patient, _limited("type 2 diabetes", duration=(">", 5, "a"))) is T    # 6.6 years
    assert truth(patient, _limited("type 2 diabetes", duration=("<", 1, "a"))) is F
    undated = record(conditions=[{"name": "type 2 diabetes"}])
    assert truth(undated, _limited("type 2 diabetes", duration=(">", 5, "a"))) is U


def test_dose_is_never_decided_from_a_record_without_doses():
    patient = record(medications=[{"name": "prednisone", "start": "2025-12-01"}])
    assert truth(patient, _limited("prednisone", "drug", dose=(">", 10, "mg/d"))) is U
    assert truth(record(), _limited("prednisone", "drug", dose=(">", 10, "mg/d")), closed_world=True) is F


def test_window_with_a_near_edge():
    from criteria_nlp.logic import Relation, Window

    between = Window(48, "h", Relation.BEFORE, Anchor.ENROLLMENT, start=24)
    node = dataclasses.replace(concept("procedure", "surgery"), window=between)
    assert truth(record(procedures=[{"name": "surgery", "date": "2026-01-13"}]), node) is T   # 2 days before
    assert truth(record(procedures=[{"name": "surgery", "date": "2026-01-15"}]), node, closed_world=True) is F


def test_sex_and_age_group_concepts_read_the_record():
    woman = record(sex="female", birth_date="1990-05-01")
    child = record(sex="male", birth_date="2015-05-01")
    assert truth(woman, concept("demographic", "female")) is T
    assert truth(child, concept("demographic", "female")) is F
    assert truth(woman, concept("demographic", "adult")) is T
    assert truth(child, concept("demographic", "adult")) is F
    assert truth(child, concept("demographic", "child")) is T
    assert truth(record(birth_date=None), concept("demographic", "adult")) is U


def test_hba1c_converts_between_its_two_scales_by_its_own_equation():
    """48 mmol/mol (IFCC) is 6.5 % (NGSP), not 4.8 %: the scales are not a unit change."""
    ifcc = record(observations=[lab(48, "mmol/mol", code="59261-8")])
    assert truth(ifcc, compare("hba1c", ">=", 6.4, "%", code="4548-4")) is T
    assert truth(ifcc, compare("hba1c", ">=", 6.6, "%", code="4548-4")) is F
    ngsp = record(observations=[lab(7.0, "%", code="4548-4")])
    assert truth(ngsp, compare("hba1c", ">", 48, "mmol/mol", code="59261-8")) is T   # 7 % is 53 mmol/mol


def test_a_ratio_threshold_meets_a_percentage_record():
    """"FEV1/FVC > 0.70" is read as the ratio (unit 1), a record holds it in percent."""
    patient = record(observations=[lab(65, "%", code="19926-5")])
    assert truth(patient, compare("fev1/fvc ratio", ">", 0.7, "1", code="19926-5")) is F
    patient = record(observations=[lab(75, "%", code="19926-5")])
    assert truth(patient, compare("fev1/fvc ratio", ">", 0.7, "1", code="19926-5")) is T
