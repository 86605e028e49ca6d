"""The SQL export runs on DuckDB over OMOP CDM v5.4 rows and selects exactly the persons the
evaluator (criteria_nlp.evaluate, closed world) finds eligible."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_nlp.evaluate import Evaluator, Options, Truth, Verdict, evaluate
from criteria_nlp.export import ExportError
from criteria_nlp.export.sql import cdm_ddl, export_sql, parameters_from_sql, run
from criteria_nlp.logic import And, AtLeast, Fragment, Implies, Not, Or, Section
from criteria_nlp.spans import Span

from .helpers import (
    AS_OF, ATOMS, KLEENE_PATIENTS, LIMITED_NODES, LIMITED_PATIENTS, corpus_patients, gold_trial, omop_database,
    one_criterion_trial,
)

CLOSED = Options(closed_world=True)


@pytest.fixture(scope="module")
def corpus():
    patients = corpus_patients()
    return patients, omop_database(patients)


@pytest.fixture(scope="module")
def kleene_db():
    return omop_database(KLEENE_PATIENTS)


def test_reference_trial_selects_the_evaluators_eligible_patients(corpus):
    patients, con = corpus
    trial = gold_trial()
    expected = {i for i, p in enumerate(patients, 1) if evaluate(trial, p, CLOSED).verdict is Verdict.ELIGIBLE}
    assert run(con, export_sql(trial), index_date=AS_OF) == sorted(expected)
    assert expected, "the corpus should hold eligible patients"
    assert len(expected) < len(patients)


def test_the_exported_file_runs_as_text(corpus):
    """The file alone is enough: its header carries the bound constants."""
    patients, con = corpus
    result = export_sql(gold_trial())
    assert parameters_from_sql(result.content) == dict(result.parameters)
    assert run(con, result.content, index_date=AS_OF) == run(con, result, index_date=AS_OF)


def _tree(depth: int):
    atoms = st.sampled_from(ATOMS)
    if depth == 0:
        return atoms
    sub = _tree(depth - 1)
    return st.one_of(
        atoms,
        st.lists(sub, min_size=2, max_size=3).map(lambda xs: And(tuple(xs), Span(0, 1))),
        st.lists(sub, min_size=2, max_size=3).map(lambda xs: Or(tuple(xs), Span(0, 1))),
        sub.map(lambda x: Not(x, Span(0, 1))),
        st.tuples(sub, sub).map(lambda ab: Implies(ab[0], ab[1], Span(0, 1))),
        st.tuples(st.integers(1, 3), st.lists(sub, min_size=3, max_size=3)).map(
            lambda kx: AtLeast(kx[0], tuple(kx[1]), Span(0, 1))),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=_tree(2), section=st.sampled_from([Section.INCLUSION, Section.EXCLUSION]))
def test_sql_is_kleene_like_the_evaluator(kleene_db, tree, section):
    """Unknown (no value, no reference range, open-world absence) is NULL: a person is returned
    exactly when the evaluator says the criterion is met (inclusion) or not met (exclusion)."""
    trial = one_criterion_trial(tree, section)
    wanted = Truth.TRUE if section is Section.INCLUSION else Truth.FALSE
    expected = [i for i, p in enumerate(KLEENE_PATIENTS, 1)
                if Evaluator(p, CLOSED).node(tree, []) is wanted]
    assert run(kleene_db, export_sql(trial), index_date=AS_OF) == expected


def test_unparsed_text_makes_a_criterion_unknown(kleene_db):
    from .helpers import ANC
    met = one_criterion_trial(ANC)
    assert run(kleene_db, export_sql(met), index_date=AS_OF) == [1]
    partly = one_criterion_trial(ANC, unparsed=(Fragment(Span(0, 4), "hand"),))
    result = export_sql(partly)
    assert run(kleene_db, result, index_date=AS_OF) == []
    assert any(u.node_type == "unparsed" for u in result.unsupported)
    empty = one_criterion_trial(None, Section.EXCLUSION)
    assert run(kleene_db, export_sql(empty), index_date=AS_OF) == []


def test_values_are_bound_never_formatted_into_the_query():
    from .helpers import ANC
    hostile = "x'); DROP TABLE person; --\n*/ DELETE FROM measurement; /*"
    result = export_sql(one_criterion_trial(ANC, text=hostile))
    executable = "\n".join(line.split("--", 1)[0] for line in result.content.splitlines())
    assert "1.5" not in executable and "751-8" not in executable and "DROP" not in executable
    assert "DELETE" not in executable and "3013650" not in executable
    assert 1.5 in result.parameters.values() and "751-8" in result.parameters.values()
    con = omop_database(KLEENE_PATIENTS)
    run(con, result, index_date=AS_OF)
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == len(KLEENE_PATIENTS)


def test_schema_prefix_and_templates():
    assert "CREATE TABLE cdm.person" in cdm_ddl("cdm")
    assert "FROM cdm.measurement" in export_sql(gold_trial(), cdm_schema="cdm").content
    with pytest.raises(ExportError):
        export_sql(gold_trial(), cdm_schema="x; DROP")
    assert not re.search(r"@[a-z_]+", export_sql(gold_trial()).content.split("SELECT", 1)[1])


def test_first_dose_windows_need_the_first_dose_date(kleene_db):
    from criteria_nlp.logic import Anchor, Relation, Window

    from .helpers import concept
    node = concept("drug", "chemotherapy", Window(2, "wk", Relation.AFTER, Anchor.FIRST_DOSE))
    result = export_sql(one_criterion_trial(node))
    with pytest.raises(ExportError, match="first_dose_date"):
        run(kleene_db, result, index_date=AS_OF)
    assert run(kleene_db, result, index_date=AS_OF, first_dose_date="2025-12-25") == [2]


@pytest.mark.parametrize("layout", ["standard", "source"])
def test_a_recorded_no_in_the_observation_table_is_false(layout):
    """An observation recorded as "no" (value concept No, or value string "No" where nothing is
    mapped) is FALSE, as for the evaluator; a "yes" is TRUE; no row at all is unknown."""
    from .helpers import CONSENT, native
    consent = {"name": "informed consent", "date": "2026-01-12"}
    patients = [native("no", observations=[{**consent, "value": False}]),
                native("yes", observations=[{**consent, "value": True}]),
                native("none"),
                native("no-then-yes", observations=[{**consent, "value": False}, {**consent, "value": True}])]
    con = omop_database(patients, layout)
    truths = [Evaluator(p, CLOSED).node(CONSENT, []) for p in patients]
    assert truths == [Truth.FALSE, Truth.TRUE, Truth.UNKNOWN, Truth.TRUE]
    assert run(con, export_sql(one_criterion_trial(CONSENT, Section.EXCLUSION)), index_date=AS_OF) == [1]
    assert run(con, export_sql(one_criterion_trial(CONSENT)), index_date=AS_OF) == [2, 4]


# ---- counts, durations, doses, near edges, age groups, other anchors ----------------------

@pytest.mark.parametrize("section", [Section.INCLUSION, Section.EXCLUSION])
@pytest.mark.parametrize("key", list(LIMITED_NODES))
def test_counts_durations_doses_and_near_edges_as_the_evaluator(key, section):
    """Each bound in Kleene logic: a person is returned exactly when the evaluator (closed
    world) says the criterion is met (inclusion) or not met (exclusion)."""
    from criteria_nlp.logic import Anchor
    node = LIMITED_NODES[key]
    patients = list(LIMITED_PATIENTS)
    surgery = "2025-12-31"
    options = Options(closed_world=True, anchors={Anchor.SURGERY: date.fromisoformat(surgery)})
    wanted = Truth.TRUE if section is Section.INCLUSION else Truth.FALSE
    expected = [i for i, p in enumerate(patients, 1) if Evaluator(p, options).node(node, []) is wanted]
    result = export_sql(one_criterion_trial(node, section))
    assert run(omop_database(patients), result, index_date=AS_OF, anchors={Anchor.SURGERY: surgery}) == expected
    if key == "dose":
        assert any("dose" in u.reason for u in result.unsupported)
    else:
        assert not any("bound" in u.reason or "near edge" in u.reason for u in result.unsupported)


def test_the_bounds_decide_something():
    """The cases above are not all alike: each bound tells some patients apart."""
    patients = list(LIMITED_PATIENTS)
    from criteria_nlp.logic import Anchor
    options = Options(closed_world=True, anchors={Anchor.SURGERY: date(2025, 12, 31)})
    for key, node in LIMITED_NODES.items():
        truths = {Evaluator(p, options).node(node, []) for p in patients}
        assert len(truths) > 1, key


def test_a_window_at_another_anchor_needs_its_date(kleene_db):
    from criteria_nlp.logic import Anchor
    result = export_sql(one_criterion_trial(LIMITED_NODES["surgery-anchor"]))
    with pytest.raises(ExportError, match="surgery_date"):
        run(kleene_db, result, index_date=AS_OF)
    assert "$surgery_date" in result.content and run(kleene_db, result, index_date=AS_OF,
                                                     anchors={Anchor.SURGERY: "2025-12-01"}) == [4]
