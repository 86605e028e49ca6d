import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from criteria_nlp.bench import lct
from criteria_nlp.bench.lct import Operator
from criteria_nlp.bench.lct_score import (
    GoldKey, PredictedKey, match_line, number, same_variable, score_entities, score_thresholds, ucum_key,
    unit_key,
)
from criteria_nlp.cli import app
from criteria_nlp.errors import InputError
from criteria_nlp.logic import (
    And, Comparator, Compare, Concept, Criterion, Domain, Node, Section, Trial, Variable,
)
from criteria_nlp.spans import Span

FIXTURES = Path(__file__).parent.parent / "fixtures" / "lct"
ONE = FIXTURES / "dev" / "NCT00000001.txt"
TWO = FIXTURES / "dev" / "NCT00000002.txt"

# Offsets counted by hand from the fixture texts:
#   NCT00000001: line 1 "- Age 18-65 years" starts at 20, line 2 "- Hemoglobin >= 9 g/dL" at 38,
#   line 3 "- Blood pressure < 140/90 mmHg" at 61, line 5 "- Heart or kidney failure" at 112,
#   line 6 "- Prior cisplatin" at 138.
#   NCT00000002: line 1 "- 18 years or older" starts at 20, line 2 "- ECOG at most (<=) 2" at 40.


# ---- reader ---------------------------------------------------------------------------------

def test_find_trials_pairs_ann_with_txt_recursively():
    assert lct.find_trials(FIXTURES) == [ONE, TWO]


def test_read_trial_skips_and_reports_bad_lines():
    trial = lct.read_trial(ONE)
    assert trial.problems == (
        "line 37: malformed entity",
        "line 38: span '150 999' is empty or ends past the text (156 characters)",
        "line 39: event E10 has unknown trigger T99",
        "line 40: unknown operator 'ABOUT'",
        "line 41: stray line",
    )
    assert "T23" not in trial.mentions and "T24" not in trial.mentions and "E10" not in trial.events
    assert trial.attributes["T4"] == {"Eq-Operator-Value": "BETWEEN"}  # the bad A5 did not overwrite it


def test_read_trial_discontinuous_mention():
    t20 = lct.read_trial(ONE).mentions["T20"]
    assert t20.fragments == (Span(114, 119), Span(130, 137))
    assert t20.text == "Heart failure" and t20.span == Span(114, 137)
    assert t20.overlaps(Span(130, 131)) and not t20.overlaps(Span(120, 129))


def test_event_roles_lose_their_number():
    e2 = lct.read_trial(ONE).events["E2"]
    assert e2.args == (("Value", "T3"), ("Operator", "T4"), ("Value", "T5"), ("Temporal-Unit", "T6"))


def test_thresholds_of_a_trial():
    trial = lct.read_trial(ONE)
    age, hemoglobin, pressure = lct.thresholds(trial)
    assert (age.line, age.role, age.operator) == (1, "Numeric-Filter", Operator.BETWEEN)
    assert [v.text for v in age.values] == ["18", "65"] and age.temporal_units == ("years",)
    assert (age.variable.type, age.variable.text, age.variable.fragments) == ("Age", "Age", (Span(22, 25),))
    assert age.unit is None
    assert (hemoglobin.line, hemoglobin.operator, hemoglobin.unit) == (2, Operator.GTEQ, "g/dL")
    assert hemoglobin.name.text == "Hemoglobin" and hemoglobin.observation_type == "lab"
    assert (pressure.line, pressure.operator) == (3, Operator.LT)
    assert [v.text for v in pressure.values] == ["140", "90"] and pressure.name is None
    assert trial.line_text(3) == "- Blood pressure < 140/90 mmHg"


def test_one_value_linked_twice_counts_once_and_a_repeated_operator_is_that_operator():
    older, ecog = lct.thresholds(lct.read_trial(TWO))
    assert [v.text for v in older.values] == ["18"]
    assert (older.variable.text, older.operator) == ("older", Operator.GTEQ)
    assert ecog.operators == (Operator.LTEQ, Operator.LTEQ) and ecog.operator is Operator.LTEQ


def test_entity_mentions_leave_out_name_spans():
    assert [m.id for m in lct.entity_mentions(lct.read_trial(ONE))] == ["T7", "T14", "T20", "T21", "T22"]


def test_bad_files_are_input_errors_naming_the_file(tmp_path):
    (tmp_path / "NCT1.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "NCT1.ann").write_text("")
    with pytest.raises(InputError, match="NCT1.txt: not UTF-8"):
        lct.read_trial(tmp_path / "NCT1.txt")
    (tmp_path / "NCT2.ann").write_text("")
    with pytest.raises(InputError, match="NCT2.txt: cannot read"):
        lct.read_trial(tmp_path / "NCT2.txt")


# ---- numbers, units, matching ---------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("50,000", 50000.0), ("7,8", 7.8), ("1.5x10^9", 1.5e9), ("-2", -2.0), (".5", 0.5),
    ("two", None), ("III", None), ("inf", None),
])
def test_number(text, value):
    assert number(text) == value


@pytest.mark.parametrize("written, code, reference", [
    ("mg/dl", "mg/dL", None), ("beats/minute", "{beats}/min", None), ("bpm", "{beats}/min", None),
    ("cells/mm3", "/uL", None), ("x 10^9/L", "10*9/L", None), ("years", "a", None),
    ("kilometres/week", "km/wk", None), ("pounds", "[lb_av]", None), ("mm Hg", "mm[Hg]", None),
    ("mL/min/1.73 m²", "mL/min/{1.73_m2}", None), ("times upper limit of normal", None, "ULN"),
    ("µmol/L", "umol/L", None), ("degrees C", "Cel", None),
])
def test_written_units_fold_like_their_ucum_code(written, code, reference):
    assert unit_key(written) == ucum_key(code, reference)


@pytest.mark.parametrize("written, code", [("mg/dL", "mmol/L"), ("D", "[diop]"), ("mm", "mm2")])
def test_different_units_stay_different(written, code):
    assert unit_key(written) != ucum_key(code)


def test_a_predicted_range_matches_two_gold_bounds():
    golds = [GoldKey(Operator.GTEQ, (18.0,), "Age"), GoldKey(Operator.LT, (65.0,), "Age")]
    assert match_line(golds, [PredictedKey(Operator.BETWEEN, (18.0, 65.0))]) == [(0, 0, False), (1, 0, False)]
    assert match_line(golds, [PredictedKey(Operator.BETWEEN, (18.0, 70.0))]) == []


def test_values_match_up_to_a_power_of_ten_cubed_only_second():
    golds = [GoldKey(Operator.GTEQ, (1.5,), "Observation")]
    assert match_line(golds, [PredictedKey(Operator.GTEQ, (1.5e9,))]) == [(0, 0, True)]
    assert match_line(golds, [PredictedKey(Operator.GTEQ, (15.0,))]) == []


# ---- scoring hand-made trials ---------------------------------------------------------------

def _compare(name: str, variable: tuple[int, int], comparator: Comparator, value: float,
             span: tuple[int, int], unit: str | None = None) -> Compare:
    return Compare(Variable(name, Span(*variable)), comparator, value, Span(*span), unit)


def _trial(gold: lct.LCTTrial, *nodes: Node) -> Trial:
    criteria = tuple(Criterion(f"inc-{i}", Section.INCLUSION, n.span, "", n) for i, n in enumerate(nodes, 1))
    return Trial(gold.id, gold.text, criteria)


def _one(hemoglobin: Compare) -> tuple[lct.LCTTrial, Trial]:
    gold = lct.read_trial(ONE)
    age = And((_compare("age", (22, 25), Comparator.GE, 18, (22, 37), "a"),
               _compare("age", (22, 25), Comparator.LE, 65, (22, 37), "a")), Span(22, 37))
    systolic = _compare("systolic blood pressure", (63, 77), Comparator.LT, 140, (63, 91), "mm[Hg]")
    diastolic = _compare("diastolic blood pressure", (63, 77), Comparator.LT, 90, (63, 91), "mm[Hg]")
    return gold, _trial(gold, age, hemoglobin, systolic, diastolic)


RIGHT = _compare("hemoglobin", (40, 50), Comparator.GE, 9, (40, 60), "g/dL")
WRONG_OPERATOR = _compare("hemoglobin", (40, 50), Comparator.GT, 9, (40, 60), "g/dL")
WRONG_VARIABLE = _compare("hemoglobin", (56, 60), Comparator.GE, 9, (51, 60), "g/dL")


def test_right_prediction_scores_one_and_the_second_number_of_a_pressure_is_absorbed():
    for compatible in ({}, {"compatible": same_variable}):
        errors = []
        s = score_thresholds([_one(RIGHT)], errors=errors, **compatible)
        assert (s["tp_pred"], s["fp"], s["tp_gold"], s["gold"], s["absorbed"]) == (4, 0, 3, 3, 1)
        assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)
        assert (s["units_right"], s["with_unit"]) == (3, 3)
        assert errors == []


def test_wrong_operator_is_a_miss_and_a_false_positive():
    errors = []
    s = score_thresholds([_one(WRONG_OPERATOR)], errors=errors)
    assert (s["tp_pred"], s["fp"], s["tp_gold"], s["gold"]) == (3, 1, 2, 3)
    assert s["precision"] == 0.75 and s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert [(e["kind"], e["line"], e["operator"], e["values"]) for e in errors] == [
        ("missed", 2, "GTEQ", [9.0]), ("spurious", 2, "GT", [9.0])]
    assert s["recall_by_type"]["Observation"] == {"recall": 0.5, "tp_gold": 1, "gold": 2}


def test_wrong_variable_counts_only_when_variables_are_required():
    strict = score_thresholds([_one(WRONG_VARIABLE)])
    assert (strict["tp_pred"], strict["fp"], strict["tp_gold"]) == (4, 0, 3)
    errors = []
    aware = score_thresholds([_one(WRONG_VARIABLE)], same_variable, errors)
    assert (aware["tp_pred"], aware["fp"], aware["tp_gold"], aware["gold"]) == (3, 1, 2, 3)
    assert {e["kind"] for e in errors} == {"missed", "wrong_variable"}


def test_age_without_an_age_word_pairs_with_a_variable_named_age():
    gold = lct.read_trial(TWO)
    for name, matched in (("age", 1), ("weight", 0)):
        parsed = _trial(gold, _compare(name, (22, 30), Comparator.GE, 18, (22, 39), "a"))
        s = score_thresholds([(gold, parsed)], same_variable)
        assert (s["tp_gold"], s["gold"], s["fp"]) == (matched, 2, 1 - matched)


def test_a_trial_whose_text_is_not_the_corpus_text_is_refused():
    gold = lct.read_trial(TWO)
    with pytest.raises(ValueError, match="offsets would not align"):
        score_thresholds([(gold, Trial(gold.id, gold.text + " ", ()))])


def test_entities_found_typed_and_concept_precision():
    gold = lct.read_trial(ONE)
    parsed = _trial(
        gold,
        Concept(Domain.CONDITION, "kidney", Span(120, 129)),  # inside "Heart ... failure" but on no fragment
        Concept(Domain.CONDITION, "cisplatin", Span(146, 155)),  # a drug read as a condition
        Concept(Domain.OTHER, "inclusion", Span(0, 9)),  # on no gold mention
        RIGHT,
    )
    e = score_entities([(gold, parsed)])
    assert {t: (e[t]["gold"], e[t]["found"], e[t]["typed"]) for t in ("Condition", "Drug", "Observation", "all")} == {
        "Condition": (2, 1, 1), "Drug": (1, 1, 0), "Observation": (2, 1, 1), "all": (5, 3, 2)}
    assert e["Procedure"]["found_recall"] is None
    assert (e["concepts"], e["concept_precision"]) == (3, pytest.approx(2 / 3))


def test_a_trial_that_fails_to_parse_is_scored_empty_and_reported(monkeypatch):
    from criteria_nlp import api, pipeline
    from criteria_nlp.bench.run import lct_bench

    def broken_chunk(documents, fast=False):
        raise RuntimeError("chunk")
        yield

    def parse_document(document, fast=False):
        if document.id == "NCT00000002":
            raise RuntimeError("boom")
        return Trial(document.id, document.text, ())

    monkeypatch.setattr(pipeline, "default_nlp", lambda fast=False: None)
    monkeypatch.setattr(api, "parse_many", broken_chunk)
    monkeypatch.setattr(api, "parse_document", parse_document)
    result = lct_bench(FIXTURES)
    assert (result["failed"], result["failures"]) == (1, [{"trial": "NCT00000002", "error": "RuntimeError: boom"}])
    assert (result["strict"]["tp_gold"], result["strict"]["gold"], result["entities"]["all"]["found"]) == (0, 5, 0)


# ---- command line ---------------------------------------------------------------------------

runner = CliRunner()


def test_bench_lct_prints_the_table_and_writes_json(tmp_path):
    out = tmp_path / "lct.json"
    result = runner.invoke(app, ["bench", "--lct", str(FIXTURES), "--fast", "--json", str(out)])
    assert result.exit_code == 0, result.output
    for label in ("LCT: 2 trials, rules only", "strict", "variable-aware", "Observation", "MIT licence",
                  "5 annotation lines skipped in 1 trials"):
        assert label in result.output
    assert "sem-trial" not in result.output  # --lct alone runs no gold benchmark
    lct_result = json.loads(out.read_text())["lct"]
    assert (lct_result["trials"], lct_result["fast"], lct_result["strict"]["gold"]) == (2, True, 5)
    assert lct_result["entities"]["all"]["gold"] == 6
    assert len(lct_result["annotation_problems"]["NCT00000001"]) == 5


def test_bench_lct_without_lct_files_is_one_error_line(tmp_path):
    (tmp_path / "notes.txt").write_text("no annotations here\n")
    result = runner.invoke(app, ["bench", "--lct", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert "no LCT trials" in result.output
