"""CQL: every export is translated by the HL7 CQL translator (under Node, ``tests/js``: the
official cql.g4 + fhirpath.g4 grammar, then types against the FHIR 4.0.1 model) and run by
cql-execution over FHIR R4 Bundles, where it must decide every criterion as the evaluator
does on the same Bundles read by the project's FHIR reader (closed world): true, false or
unknown (null), record statuses included."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace

import pytest

from criteria_nlp.evaluate import Evaluator, Options, Truth
from criteria_nlp.export.cql import export_cql, prelude
from criteria_nlp.export.fhir import export_fhir_r4
from criteria_nlp.logic import (
    Anchor, AtLeast, Domain, Fragment, Implies, Not, Reference, Relation, Section, Unparsed, Window,
)
from criteria_nlp.patients.fhir import patient_from_bundle
from criteria_nlp.patients.vocabulary import concept_query, normalize, rules, variable_keys
from criteria_nlp.serialize import trial_from_json
from criteria_nlp.spans import Span

from ..conftest import CORPORA
from ..js_engines import run_node
from .helpers import (
    AGE_18, ANC, AS_OF, AST_ULN, CHEMO_30D, CONSENT, FEMALE, HIV, NAMES, PATIENTS, compare, complete_records,
    concept, fhir_bundle, gold_trial, one_criterion_trial, trial_of,
)

GOLD_FILES = sorted(CORPORA.glob("**/gold.json"))
S = Span(0, 1)
WEEK_AFTER_DOSE = Window(1, "wk", Relation.AFTER, Anchor.FIRST_DOSE)
MONTHS_AROUND = Window(1.5, "mo", Relation.WITHIN, Anchor.SCREENING)

# Every construct the exporter writes: each domain with and without a window, allergies, kinds excepted,
# scales, ULN and LLN, ages in months, the first-dose anchor, at-least, implies, unparsed.
CONSTRUCTS = trial_of(
    (Section.INCLUSION, AtLeast(2, (ANC, HIV, CHEMO_30D, Not(CONSENT, S)), S)),
    (Section.INCLUSION, Implies(compare("ecog performance status", "89247-1", "<=", 1), AST_ULN, S)),
    (Section.INCLUSION, compare("nyha functional class", None, "<", 3)),
    (Section.INCLUSION, compare("hemoglobin", "718-7", ">", 0.8, reference=Reference.LLN)),
    (Section.INCLUSION, compare("age", "30525-0", ">=", 6, "mo")),
    (Section.INCLUSION, compare("serum erythropoietin", None, "<", 500, "m[IU]/mL", window=MONTHS_AROUND)),
    (Section.EXCLUSION, concept("procedure", "radiotherapy", window=WEEK_AFTER_DOSE)),
    (Section.EXCLUSION, concept("device", "pacemaker")),
    (Section.EXCLUSION, concept("observation", "pregnancy test positive", window=MONTHS_AROUND)),
    (Section.EXCLUSION, concept("condition", "hypersensitivity to cyclophosphamide")),
    (Section.EXCLUSION, replace(concept("drug", "chemotherapy"), other_than=(concept("drug", "dacarbazine"),))),
    (Section.EXCLUSION, concept("other", "participation in another trial", qualifiers=("current",))),
    (Section.EXCLUSION, FEMALE),
    (Section.INCLUSION, AGE_18),
    (Section.INCLUSION, Unparsed("something unparsed", S)),
)

# Kinds a concept excepts, record by record: dacarbazine alone is no other chemotherapy.
OTHER_CHEMOTHERAPY = replace(concept("drug", "chemotherapy"), other_than=(concept("drug", "dacarbazine"),))
EXCEPTING = trial_of((Section.INCLUSION, OTHER_CHEMOTHERAPY), (Section.EXCLUSION, OTHER_CHEMOTHERAPY))


def _excepting_records() -> list[dict]:
    def on(pid: str, *drugs: str) -> dict:
        return {"id": pid, "birth_date": "1970-02-01", "sex": "male", "as_of": AS_OF, "observations": [],
                "conditions": [], "procedures": [], "allergies": [],
                "medications": [{"name": d, "start": "2025-06-01", "end": "2025-06-10", "status": "completed"}
                                for d in drugs]}
    return [on("dacarbazine", "dacarbazine"), on("both", "dacarbazine", "cisplatin"), on("cisplatin", "cisplatin"),
            on("none"), *complete_records(EXCEPTING, 6, seed=7)]


BROKEN_SYNTAX = 'library Broken version \'1\'\ndefine "a": (1 +\ndefine "b": 2\n'
BROKEN_TYPES = ("library Typed version '1'\nusing FHIR version '4.0.1'\ncontext Patient\n"
                "define \"a\": exists [Observation] O where O.nonsense = 1\n")


def _with_r4_expressions(trial) -> str:
    """The trial's CQL export, then one define per CQL expression of its FHIR R4 export:
    those expressions must translate in the context of the library they reference."""
    variable = json.loads(export_fhir_r4(trial).content)["entry"][0]["resource"]
    expressions = [c["definitionExpression"]["expression"] for c in variable["characteristic"]
                   if "definitionExpression" in c]
    return export_cql(trial).content + "".join(f'\ndefine "R4 part {n}":\n  {e}\n' for n, e in enumerate(expressions))


def _libraries() -> dict[str, str]:
    trials = {path.parent.name: trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
              for path in GOLD_FILES}
    trials["constructs"] = CONSTRUCTS
    return {name: _with_r4_expressions(trial) for name, trial in trials.items()}


CLOSED = Options(closed_world=True)
TRUTH = {True: Truth.TRUE, False: Truth.FALSE, None: Truth.UNKNOWN}
_VALUESET = re.compile(r"^valueset \"((?:[^\"\\]|\\.)*)\": '(urn:criteria-nlp:unbound:([a-z]+):[^']*)'", re.M)
# Statuses a site may send, by record list (fhir_bundle puts them where FHIR keeps them).
STATUSES = {
    "conditions": ["active", "recurrence", "resolved", "inactive", "refuted", "entered-in-error", None],
    "medications": ["completed", "active", "on-hold", "not-taken", "entered-in-error", "intended", "stopped"],
    "procedures": ["completed", "in-progress", "not-done", "entered-in-error"],
    "observations": ["final", "amended", "preliminary", "cancelled", "entered-in-error"],
}
# Where the two may differ, and why; each must still occur, so the list stays true.
KNOWN = {
    ("NCT00846833", "fhir-02", "inc-9"): "hemoglobin 8.4 mmol/L against g/dL: the evaluator converts with the "
                                         "molar mass, UCUM (and so CQL) cannot",
    ("NCT02145026", "*", "inc-4"): "erythropoietin in m[IU]/mL: cql-execution does not compare quantities in "
                                   "UCUM arbitrary units, even in the same unit (the CQL is valid)",
    ("NCT02145026", "*", "inc-6"): "'clinically stable for at least 1 month': the duration bound has no CQL form "
                                   "yet and is reported as not expressible; the CQL reads the finding alone",
}


def valuesets(library: str) -> dict[str, list[dict]]:
    """Binds each placeholder value set to every name the evaluator accepts for its node
    (lexicon synonyms and members) in the test's name system: the test compares the logic,
    not the terminology, which a deployment binds to real value sets."""
    out = {}
    for label, url, domain in _VALUESET.findall(library):
        names = set(concept_query(Domain(domain), label, None).match.names)
        if domain == "observation":
            names |= variable_keys(label, None).names
        out[url] = [{"system": NAMES, "code": name} for name in sorted(names)]
    return out


def with_statuses(records: list[dict], seed: int) -> list[dict]:
    """Copies of the records whose facts carry statuses drawn from STATUSES."""
    rng = random.Random(seed)
    out = []
    for record in records:
        copy = json.loads(json.dumps(record))
        copy["id"] += "-s"
        for kind, choices in STATUSES.items():
            for fact in copy[kind]:
                status = rng.choice(choices)
                if status is None:
                    fact.pop("status", None)
                else:
                    fact["status"] = status
        out.append(copy)
    return out


def corpus_bundles() -> list[dict]:
    """The reference trial's FHIR patients, each text-only fact also coded by its name."""
    out = []
    for path in sorted(PATIENTS.glob("fhir-*.json")):
        bundle = json.loads(path.read_text(encoding="utf-8"))
        for entry in bundle["entry"]:
            for key in ("code", "medicationCodeableConcept"):
                concept = entry["resource"].get(key)
                if concept and concept.get("text"):
                    concept.setdefault("coding", []).append({"system": NAMES, "code": normalize(concept["text"])})
        out.append(bundle)
    return out


def _job(trial, bundles: list[dict]) -> dict:
    """Every criterion define for every Bundle; the assessment date is the records' as_of,
    and so is the first dose (the evaluator's default anchor). The library is the one
    translated above (with its R4 expressions), so Node translates it once."""
    library = _with_r4_expressions(trial)
    parameters = {"Index Date": AS_OF}
    if 'parameter "First Dose Date"' in library:
        parameters["First Dose Date"] = AS_OF
    return {"library": library, "valuesets": valuesets(library), "parameters": parameters,
            "defines": [c.id for c in trial.criteria], "bundles": bundles}


@pytest.fixture(scope="module")
def engine() -> dict:
    """One Node process: the translator's messages for every library (and two broken ones),
    and cql-execution's results for every gold trial over generated complete records with
    and without statuses (and, for the reference trial, its FHIR patients)."""
    trials, bundles = {}, {}
    for path in GOLD_FILES:
        trial = trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
        records = complete_records(trial, 8 if trial.id == "NCT00846833" else 4, seed=5)
        trials[trial.id] = trial
        bundles[trial.id] = [fhir_bundle(r) for r in records + with_statuses(records, seed=6)]
    bundles["NCT00846833"] += corpus_bundles()
    trials["excepting"], bundles["excepting"] = EXCEPTING, [fhir_bundle(r) for r in _excepting_records()]
    jobs = {name: _job(trials[name], bundles[name]) for name in trials}
    jobs["scales"] = _scale_job()
    answer = run_node("cql.mjs", {
        "translate": {**_libraries(), "broken syntax": BROKEN_SYNTAX, "broken types": BROKEN_TYPES},
        "run": jobs,
    })
    return {"translated": answer["translate"], "compared": _compare(trials, bundles, answer["run"]),
            "scales": answer["run"]["scales"]}


# ECOG as FHIR Observations carry it, and what "Scale Value" must read from it.
SCALE_ANSWERS = {
    "integer": ({"valueInteger": 1}, True),
    "quantity": ({"valueQuantity": {"value": 1}}, True),
    "string": ({"valueString": "1"}, True),
    "local code": ({"valueCodeableConcept": {"coding": [{"system": "urn:site:ecog", "code": "grade_1"}]}}, True),
    "text": ({"valueCodeableConcept": {"text": "Grade 1"}}, True),
    "grade 3": ({"valueCodeableConcept": {"coding": [{"system": "urn:site:ecog", "code": "3"}]}}, False),
    "LOINC answer": ({"valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA9623-5"}]}}, None),
    "words": ({"valueString": "restricted in strenuous activity"}, None),
}


def _scale_job() -> dict:
    """The reference trial's inc-4 (ECOG 0 or 1) over one Bundle per way of carrying ECOG."""
    bundles = []
    for name, (value, _) in SCALE_ANSWERS.items():
        record = {"id": name.replace(" ", "-"), "birth_date": "1970-02-01", "sex": "male", "as_of": AS_OF,
                  "observations": [{"code": "89247-1", "name": "ecog performance status", "value": 1,
                                    "date": "2026-01-10"}],
                  "conditions": [], "medications": [], "procedures": [], "allergies": []}
        bundle = fhir_bundle(record)
        observation = bundle["entry"][1]["resource"]
        del observation["valueInteger"]
        observation.update(value)
        bundles.append(bundle)
    job = _job(gold_trial(), bundles)
    job["defines"] = ["inc-4"]
    return job


def _compare(trials: dict, bundles: dict, results: dict) -> dict[str, dict]:
    """Per trial: how often the evaluator said true/false/unknown, and every (patient,
    criterion) where the CQL result differs from it."""
    out = {}
    for name, trial in trials.items():
        seen = {t: 0 for t in Truth}
        differ = []
        for bundle in bundles[name]:
            patient = patient_from_bundle(bundle, source=bundle["id"])
            evaluator = Evaluator(patient, CLOSED)
            for criterion in trial.criteria:
                want = evaluator.criterion(criterion).truth
                seen[want] += 1
                if TRUTH[results[name][patient.id][criterion.id]] is not want:
                    differ.append((patient.id, criterion.id))
        out[name] = {"seen": seen, "differ": differ}
    return out


@pytest.mark.parametrize("name", [p.parent.name for p in GOLD_FILES] + ["constructs"])
def test_every_export_translates_without_errors(engine, name):
    """The reference trial, every gold trial and a trial of every construct, each with the
    CQL expressions of its FHIR R4 export: no syntax error, and no semantic error against
    FHIR 4.0.1 either."""
    assert engine["translated"][name] == []


def test_r4_expressions_are_translated_too():
    assert _with_r4_expressions(gold_trial()).count('define "R4 part') == 5
    assert 'define "R4 part' in _with_r4_expressions(CONSTRUCTS)


def test_the_translator_reports_errors(engine):
    """The check can fail: a missing operand is a syntax error where it is, a property FHIR
    does not have is a semantic one."""
    translated = engine["translated"]
    assert translated["broken syntax"] == [{"kind": "CqlSyntaxException", "message": 'Syntax error at "b"', "at": "3:7"}]
    assert [e["kind"] for e in translated["broken types"]] and \
        all(e["kind"] == "CqlSemanticException" for e in translated["broken types"])


def test_reference_library_structure():
    text = export_cql(gold_trial()).content
    assert text.startswith("/*") and "library NCT00846833Eligibility version '1.0.0'" in text
    assert "using FHIR version '4.0.1'" in text and "context Patient" in text
    assert "code \"absolute neutrophil count\": '751-8' from \"LOINC\"" in text
    assert ">= 1.5 '10*9/L'" in text and ">= 9.0 'g/dL'" in text
    assert "<= 2.5 '1' * FHIRHelpers.ToQuantity(First(\"Latest aspartate aminotransferase\".referenceRange).high)" in text
    assert 'Interval["Index Date" - 30 days, "Index Date"]' in text
    assert 'AgeInYearsAt(date from "Index Date") >= 18' in text
    assert '("Scale Value"("Latest ecog performance status") <= 1)' in text        # ECOG 0 or 1


def test_statuses_are_the_evaluators():
    """Void, negating and ongoing statuses are read from data/evaluation.json."""
    text = prelude()
    rule = rules()
    for function, statuses in (("Void", rule.void_statuses), ("Negating", rule.negating_statuses),
                               ("Ongoing", rule.ongoing_statuses)):
        body = re.search(rf'define function "{function}"\(status String\):\n(.*)\n', text).group(1)
        assert set(re.findall(r"'([^']+)'", body)) == set(statuses), function
    for resource in ("Condition", "MedicationStatement", "MedicationRequest", "Procedure", "Observation",
                     "AllergyIntolerance"):
        assert re.search(rf'define function "Counts"\(\w FHIR\.{resource}\):\n  not "Void"', text), resource
        assert re.search(rf'define function "Denied"\(\w FHIR\.{resource}\):\n  (not "Void"\(.*\) and \()?"Negating"', text), resource


def test_concepts_are_kleene_like_the_evaluator_in_closed_world():
    text = export_cql(CONSTRUCTS).content
    hiv = re.search(r'exists \(\[Condition: "hiv infection"\] C where "Counts"\(C\)\)', text)
    assert hiv                                               # closed world, no window: found or not
    pregnancy = text[text.index('define "exc-9"'):text.index('define "exc-10"')]
    assert "then true" in pregnancy and "is null) then null" in pregnancy
    assert 'where "Denied"(O)) then false' in pregnancy and "else null" in pregnancy   # observations: open
    pacemaker = text[text.index('define "exc-8"'):text.index('define "exc-9"')]
    assert '[Procedure: "pacemaker"]' in pacemaker and '[Condition: "pacemaker"]' in pacemaker  # device lists
    allergy = text[text.index('define "exc-10"'):text.index('define "exc-11"')]
    assert '[AllergyIntolerance: "cyclophosphamide"] A where "Counts"(A)' in allergy
    radiotherapy = text[text.index('define "exc-7"'):text.index('define "exc-8"')]
    assert 'Interval["First Dose Date", "First Dose Date" + 7 days]' in radiotherapy and "else false" in radiotherapy


def test_scales_read_integer_string_and_coded_answers(engine):
    """Run: ECOG <= 1 holds for 1 carried as an integer, a Quantity, a string, a local code or
    a text; is false for code "3"; unknown for an answer code or words without a number."""
    assert {k.replace("-", " "): v["inc-4"] for k, v in engine["scales"].items()} == \
        {name: want for name, (_, want) in SCALE_ANSWERS.items()}
    text = prelude()
    scale = text[text.index('define function "Scale Value"'):]
    for carrier in ("FHIR.Quantity", "FHIR.integer", "FHIR.string", "FHIR.CodeableConcept"):
        assert f"when O.value is {carrier} then" in scale
    nyha = export_cql(one_criterion_trial(compare("nyha functional class", None, "<", 3))).content
    assert '("Scale Value"("Latest nyha functional class") < 3)' in nyha
    assert '"Scale Value"(O) is not null' in nyha                  # the latest result that has a number


def test_kleene_constructs_and_unknowns():
    tree = AtLeast(2, (ANC, HIV, CHEMO_30D), Span(0, 1))
    text = export_cql(trial_of((Section.INCLUSION, tree), (Section.EXCLUSION, FEMALE))).content
    assert ") is true then 1 else 0" in text and ") is false then 0 else 1" in text and "else (null as Boolean) end" in text
    assert "(Patient.gender = 'female')" in text
    result = export_cql(one_criterion_trial(AST_ULN, unparsed=(Fragment(Span(0, 4), "hand"),)))
    assert "and (null as Boolean))" in result.content
    assert any(u.node_type == "unparsed" for u in result.unsupported)


# ---- run by cql-execution ----------------------------------------------------------------

def _known(trial: str, patient: str, criterion: str) -> bool:
    return (trial, patient, criterion) in KNOWN or (trial, "*", criterion) in KNOWN


@pytest.mark.parametrize("trial", [p.parent.name for p in GOLD_FILES])
def test_cql_runs_like_the_evaluator(engine, trial):
    seen, differ = engine["compared"][trial]["seen"], engine["compared"][trial]["differ"]
    assert [d for d in differ if not _known(trial, *d)] == []
    assert seen[Truth.TRUE] >= 20 and seen[Truth.FALSE] >= 20 and seen[Truth.UNKNOWN] >= 3, seen


def test_kinds_excepted_are_set_apart_record_by_record_as_by_the_evaluator(engine):
    """A patient on dacarbazine alone has no chemotherapy other than it, with cisplatin
    beside it one: CQL decides both as the evaluator does."""
    compared = engine["compared"]["excepting"]
    assert compared["differ"] == []
    assert compared["seen"][Truth.TRUE] >= 2 and compared["seen"][Truth.FALSE] >= 2, compared["seen"]
    text = export_cql(EXCEPTING).content
    assert 'not exists ([MedicationStatement: "dacarbazine"] E where E.id = M.id)' in text


def test_known_differences_still_occur(engine):
    for trial, patient, criterion in KNOWN:
        differ = engine["compared"][trial]["differ"]
        assert any(c == criterion and patient in ("*", p) for p, c in differ), (trial, criterion)
