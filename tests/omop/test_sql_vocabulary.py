"""The SQL export resolves concepts through the OMOP vocabulary tables and selects the
evaluator's eligible patients on CDMs of both layouts (standard concept ids, or source values
only); its PostgreSQL form parses with PostgreSQL's own parser and selects the same persons."""

from __future__ import annotations

import re

import pytest

from criteria_nlp.evaluate import Options, Verdict, evaluate
from criteria_nlp.export.sql import export_sql, export_sql_postgres, run
from criteria_nlp.logic import Section

from ..export.helpers import AS_OF, concept, corpus_patients, gold_trial, native, omop_database, one_criterion_trial

CLOSED = Options(closed_world=True)
ICD = "http://hl7.org/fhir/sid/icd-10-cm"


def _eligible(trial, patients):
    return [i for i, p in enumerate(patients, 1) if evaluate(trial, p, CLOSED).verdict is Verdict.ELIGIBLE]


@pytest.mark.parametrize("layout", ["standard", "source"])
def test_reference_trial_on_both_layouts(layout):
    patients = corpus_patients()
    expected = _eligible(gold_trial(), patients)
    assert len(expected) > 5
    assert run(omop_database(patients, layout), export_sql(gold_trial()), index_date=AS_OF) == expected


MELANOMA = concept("condition", "malignant melanoma")
CHEMO = concept("drug", "chemotherapy")
IL2_ALLERGY = concept("condition", "hypersensitivity to interleukin-2")
HIERARCHY_PATIENTS = [
    native("icd-child", conditions=[{"code": "C43.9", "system": ICD, "onset": "2024-01-01", "status": "active"}]),
    native("icd-other", conditions=[{"code": "C44.9", "system": ICD, "onset": "2024-01-01", "status": "active"}]),
    native("snomed", conditions=[{"code": "372244006", "system": "http://snomed.info/sct", "onset": "2024-01-01"}]),
    native("by-name", conditions=[{"name": "Acral melanoma", "onset": "2024-01-01"}]),
    native("ingredient", medications=[{"name": "dacarbazine", "start": "2025-01-01", "end": "2025-02-01"}]),
    native("hyphen", medications=[{"name": "interleukin-2", "start": "2025-01-01", "end": "2025-02-01"}],
           allergies=[{"name": "interleukin-2"}]),
]


@pytest.mark.parametrize("layout", ["standard", "source"])
@pytest.mark.parametrize("node, expected", [
    (MELANOMA, [1, 3, 4]),        # C43.9 is under C43; C44.9 is not melanoma
    (CHEMO, [5]),                  # dacarbazine is under ATC L01 (concept_ancestor) or named as a member
    (IL2_ALLERGY, [6]),            # 'interleukin-2' as written, hyphen and all
], ids=["icd-hierarchy", "atc-descendant", "hyphenated-name"])
def test_concepts_resolve_through_the_vocabulary(layout, node, expected):
    trial = one_criterion_trial(node)
    assert _eligible(trial, HIERARCHY_PATIENTS) == expected
    assert run(omop_database(HIERARCHY_PATIENTS, layout), export_sql(trial), index_date=AS_OF) == expected


def test_a_standard_cdm_is_matched_on_concept_ids_not_on_source_text():
    """Rows mapped to a standard concept are found by id even when the source value says nothing."""
    con = omop_database(HIERARCHY_PATIENTS, "standard")
    con.execute("UPDATE condition_occurrence SET condition_source_value = 'x', condition_source_concept_id = 0")
    assert run(con, export_sql(one_criterion_trial(MELANOMA)), index_date=AS_OF) == [1, 3, 4]
    con.execute("UPDATE condition_occurrence SET condition_concept_id = 0")
    assert run(con, export_sql(one_criterion_trial(MELANOMA)), index_date=AS_OF) == []


def _positional(text: str) -> tuple[str, list[str]]:
    """psycopg's %(name)s placeholders as PostgreSQL's $n, with the names in order."""
    names: list[str] = []

    def number(match: re.Match) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    return re.sub(r"%\((\w+)\)s", number, text), names


@pytest.mark.parametrize("trial", [gold_trial(), one_criterion_trial(CHEMO, Section.EXCLUSION)], ids=["reference", "exclusion"])
def test_the_postgres_form_parses_with_postgresqls_parser_and_selects_the_same_persons(trial):
    import pglast

    result = export_sql_postgres(trial)
    body = "\n".join(line for line in result.content.splitlines() if not line.startswith("--"))
    positional, names = _positional(body)
    (statement,) = pglast.parse_sql(positional)
    assert type(statement.stmt).__name__ == "SelectStmt"
    assert "%(index_date)s" in body and "$" not in body
    with pytest.raises(pglast.parser.ParseError):
        pglast.parse_sql(positional.replace("SELECT", "SELEC", 1))
    # DuckDB reads this PostgreSQL text too: the transpiled query selects the same persons
    patients = corpus_patients()
    con = omop_database(patients, "source")
    duck = re.sub(r"%\((\w+)\)s", r"$\1", body)
    values = {**result.parameters, "index_date": AS_OF}
    got = [row[0] for row in con.execute(duck, {n: values[n] for n in set(names)}).fetchall()]
    assert got == run(con, export_sql(trial), index_date=AS_OF)
