from pathlib import Path

import pytest

from criteria_nlp.bench import lct
from criteria_nlp.bench.lct import Operator
from criteria_nlp.errors import InputError
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
