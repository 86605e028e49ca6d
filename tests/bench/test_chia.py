from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from criteria_nlp.bench.chia import (
    CriterionLine,
    Entity,
    OrGroup,
    Relation,
    build_trial,
    iter_trials,
    read_brat,
    value_pairs,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "chia"
INC = FIXTURES / "NCT00000001_inc.txt"
EXC = FIXTURES / "NCT00000001_exc.txt"

# Offsets below are counted by hand from the fixture texts:
#   inc (CRLF): "Age 18 to 65 years\r\nHbA1c < 7.5 %\r\nBMI =30 kg/m2\r\n"
#   exc (LF):   "Pregnancy\n\n  Creatinine > 2 mg/dL  \n"
TRIAL_TEXT = (
    "Inclusion Criteria:\n"
    "Age 18 to 65 years\nHbA1c < 7.5 %\nBMI =30 kg/m2\n"
    "\n\nExclusion Criteria:\n"
    "Pregnancy\n\n  Creatinine > 2 mg/dL  \n"
)


def test_fixture_kept_its_crlf():
    assert INC.read_bytes().count(b"\r\n") == 3


def test_read_brat_keeps_raw_crlf_offsets():
    doc = read_brat(INC)
    assert doc.text.startswith("Age 18 to 65 years\r\nHbA1c")
    assert doc.entities["T3"] == Entity("T3", "Measurement", ((20, 25),), "HbA1c")
    assert doc.text[20:25] == "HbA1c"
    assert doc.entities["T5"].fragments == ((35, 38),)


def test_read_brat_trims_end_one_late_on_cr():
    t6 = read_brat(INC).entities["T6"]
    assert t6.fragments == ((39, 48),)
    assert (t6.start, t6.end) == (39, 48)


def test_read_brat_discontinuous_span():
    t7 = read_brat(INC).entities["T7"]
    assert t7.fragments == ((20, 25), (35, 38))
    assert (t7.start, t7.end, t7.text) == (20, 38, "HbA1c BMI")


def test_read_brat_relations_or_groups_and_problems():
    doc = read_brat(INC)
    assert doc.relations == (
        Relation("R1", "has_value", "T1", "T2"),
        Relation("R2", "has_value", "T3", "T4"),
        Relation("R3", "has_value", "T5", "T6"),
    )
    assert doc.or_groups == (OrGroup(("T3", "T5")),)
    assert "T9" not in doc.entities
    assert doc.problems == (
        "line 12: malformed entity",
        "line 13: relation R4 refers to unknown ['T99']",
    )


def test_read_brat_continuation_and_stray_lines():
    doc = read_brat(EXC)
    assert doc.entities["T1"].text == "Pregnancy"
    assert doc.entities["T4"] == Entity(
        "T4", "Condition", ((0, 23),), "Pregnancy\n  Creatinine"
    )
    assert doc.problems == ("line 2: stray line",)
    assert [r.id for r in doc.relations] == ["R1", "R2"]


def test_read_brat_without_ann():
    doc = read_brat(FIXTURES / "NCT00000002_inc.txt")
    assert doc.text == "Age >= 18\rWeight > 50 kg"
    assert (doc.entities, doc.relations, doc.or_groups, doc.problems) == ({}, (), (), ())


def test_build_trial_text_offsets_and_lines():
    trial = build_trial(INC, EXC)
    assert trial.id == "NCT00000001"
    assert trial.text == TRIAL_TEXT
    assert (trial.inc_offset, trial.exc_offset) == (20, 89)
    assert trial.lines == (
        CriterionLine("inclusion", 20, 38, "Age 18 to 65 years"),
        CriterionLine("inclusion", 39, 52, "HbA1c < 7.5 %"),
        CriterionLine("inclusion", 53, 66, "BMI =30 kg/m2"),
        CriterionLine("exclusion", 89, 98, "Pregnancy"),
        CriterionLine("exclusion", 102, 122, "Creatinine > 2 mg/dL"),
    )
    for line in trial.lines:
        assert trial.text[line.start : line.end] == line.text


def test_entity_span_remaps_after_crlf():
    trial = build_trial(INC, EXC)
    inc = trial.inclusion.entities
    assert trial.entity_span("inclusion", inc["T1"]) == (20, 23)
    assert trial.entity_span("inclusion", inc["T3"]) == (39, 44)  # after one CRLF
    assert trial.entity_span("inclusion", inc["T6"]) == (57, 66)  # after two CRLFs
    assert trial.entity_span("exclusion", trial.exclusion.entities["T3"]) == (113, 122)
    t7 = trial.trial_entity("inclusion", inc["T7"])
    assert t7 == Entity("T7", "Measurement", ((39, 44), (53, 56)), "HbA1c BMI")
    t4 = trial.trial_entity("exclusion", trial.exclusion.entities["T4"])
    assert t4.text == "Pregnancy\n\n  Creatinine"
    with pytest.raises(ValueError):
        trial.entity_span("scope", inc["T1"])


def test_value_pairs():
    pairs = list(value_pairs(build_trial(INC, EXC)))
    got = [
        (p.section, p.subject.text, p.subject.fragments, p.value.text, p.value.fragments)
        for p in pairs
    ]
    assert got == [
        ("inclusion", "Age", ((20, 23),), "18 to 65 years", ((24, 38),)),
        ("inclusion", "HbA1c", ((39, 44),), "< 7.5 %", ((45, 52),)),
        ("inclusion", "BMI", ((53, 56),), "=30 kg/m2", ((57, 66),)),
        ("exclusion", "Creatinine", ((102, 112),), "> 2 mg/dL", ((113, 122),)),
    ]
    lines = build_trial(INC, EXC).lines
    assert [p.line for p in pairs] == [lines[0], lines[1], lines[2], lines[4]]
    assert [p.subject.id for p in pairs] == ["T1", "T3", "T5", "T2"]


def test_missing_sections():
    only_inc = build_trial(FIXTURES / "NCT00000002_inc.txt", None)
    assert only_inc.text == "Inclusion Criteria:\nAge >= 18\nWeight > 50 kg"  # lone \r -> \n
    assert (only_inc.inc_offset, only_inc.exc_offset, only_inc.exclusion) == (20, -1, None)
    assert [(ln.start, ln.end) for ln in only_inc.lines] == [(20, 29), (30, 44)]
    assert list(value_pairs(only_inc)) == []

    only_exc = build_trial(None, EXC)
    assert only_exc.text == "Exclusion Criteria:\nPregnancy\n\n  Creatinine > 2 mg/dL  \n"
    assert (only_exc.inc_offset, only_exc.exc_offset) == (-1, 20)
    assert only_exc.entity_span("exclusion", only_exc.exclusion.entities["T2"]) == (33, 43)
    with pytest.raises(ValueError):
        only_exc.entity_span("inclusion", only_exc.exclusion.entities["T2"])
    with pytest.raises(ValueError):
        build_trial(None, None)


def test_iter_trials_pairs_and_sorts():
    trials = list(iter_trials(FIXTURES))
    assert [t.id for t in trials] == ["NCT00000001", "NCT00000002"]
    assert trials[0].text == TRIAL_TEXT
    assert trials[1].exclusion is None


# Bad data: the reader's contract is to skip a bad annotation line and list it with its
# reason in ``problems``, keep everything else, and raise only for a file it cannot read.

TEXT = "Age >= 18\nHbA1c < 7\n"  # 20 characters


def _brat(folder: Path, ann: str, text: str = TEXT, newline: str = "\n") -> Path:
    txt = folder / "NCT09999999_inc.txt"
    txt.write_bytes(text.encode("utf-8"))
    txt.with_suffix(".ann").write_bytes(ann.replace("\n", newline).encode("utf-8"))
    return txt


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("T2\tValue 4 x\tx", "malformed entity"),
        ("T2\tValue\t>= 18", "malformed entity"),
        ("T2\tValue 9 4\t>= 18", "empty or inverted span '9 4'"),
        ("T2\tValue 4 25\t>= 18", "span '4 25' ends past the text (20 characters)"),
        ("T2\tValue 30 35\t>= 18", "span '30 35' ends past the text (20 characters)"),
        ("T2\tValue 4 9;15 40\t>= 18", "span '15 40' ends past the text (20 characters)"),
        ("T1\tPerson 0 3\tAge", "duplicate id T1"),
        ("R1\tHas_value Arg1:T1", "malformed relation"),
        ("R1\tHas_value Arg1:T1 Arg1:T1", "malformed relation"),
        ("R1\tHas_value Arg1:T1 Arg2:T7", "relation R1 refers to unknown ['T7']"),
        ("*\tOR", "malformed equivalence"),
        ("*\tOR T1 T8", "OR group refers to unknown ['T8']"),
        ("*\tSAME T1 T1", "unsupported equivalence 'SAME'"),
        ("no tab, no id", "stray line"),
    ],
)
def test_a_bad_annotation_line_is_skipped_and_reported(tmp_path, line, reason):
    """One bad line costs that annotation only, and says why."""
    doc = read_brat(_brat(tmp_path, f"T1\tPerson 0 3\tAge\n{line}\n"))
    assert doc.problems == (f"line 2: {reason}",)
    assert doc.entities["T1"] == Entity("T1", "Person", ((0, 3),), "Age")
    assert "T2" not in doc.entities and doc.relations == () and doc.or_groups == ()


def test_a_crlf_ann_reads_like_an_lf_one(tmp_path):
    ann = "T1\tPerson 0 3\tAge\nT2\tValue 4 9\t>= 18\nR1\tHas_value Arg1:T1 Arg2:T2\t\n"
    lf = read_brat(_brat(tmp_path, ann))
    crlf = read_brat(_brat(tmp_path, ann, newline="\r\n"))
    assert (crlf.entities, crlf.relations, crlf.problems) == (lf.entities, lf.relations, ())
    assert crlf.entities["T2"].text == ">= 18"


def test_a_missing_txt_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "NCT09999999_inc.ann").write_text("T1\tPerson 0 3\tAge\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="NCT09999999_inc.txt"):
        build_trial(tmp_path / "NCT09999999_inc.txt", None)


def test_a_file_that_is_not_utf8_is_an_error_naming_the_file(tmp_path):
    txt = tmp_path / "NCT09999999_inc.txt"
    txt.write_bytes(b"Age \xff 18\n")
    with pytest.raises(ValueError, match=r"NCT09999999_inc\.txt: not UTF-8 text \(byte 4\)"):
        read_brat(txt)


ANN_PIECES = ["T1", "T2", "R1", "*", "#1", "A1", "\t", " ", "\n", "\r\n", "Value", "Has_value", "OR",
              "Arg1:T1", "Arg2:T2", "0", "3", "9", "25", ";", ":", "x"]


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(alphabet="ab1 \r\n", max_size=12),
    ann=st.lists(st.sampled_from(ANN_PIECES), max_size=30).map("".join),
)
def test_any_annotation_file_reads_into_consistent_offsets(tmp_path_factory, text, ann):
    """Whatever the .ann holds, kept entities lie inside the text, kept relations and OR
    groups point at kept entities, and the trial builds: no IndexError anywhere."""
    doc = read_brat(_brat(tmp_path_factory.mktemp("brat"), ann, text))
    assert all(0 <= s < e <= len(doc.text) for entity in doc.entities.values() for s, e in entity.fragments)
    assert all({r.arg1, r.arg2} <= set(doc.entities) for r in doc.relations)
    assert all(set(group.ids) <= set(doc.entities) for group in doc.or_groups)
    trial = build_trial(doc.path, None)
    for entity in doc.entities.values():
        start, end = trial.entity_span("inclusion", entity)
        assert 0 <= start < end <= len(trial.text)
    list(value_pairs(trial))
