from __future__ import annotations

import pytest

from criteria_nlp.logic import Section
from criteria_nlp.segmentation import Segmenter, default_segmenter

from .conftest import CORPORA, load_cases


def _flatten(segments):
    for segment in segments:
        yield segment
        yield from _flatten(segment.parts)


def _expected_rows():
    rows = []
    for line in (CORPORA / "NCT00846833" / "segments.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ident, section, text = line.split("\t")
            rows.append((ident, section, text))
    return rows


def test_reference_trial_has_13_inclusion_and_8_exclusion_criteria(reference_text):
    segments = default_segmenter()(reference_text)
    sections = [s.section for s in segments]
    assert sections.count(Section.INCLUSION) == 13
    assert sections.count(Section.EXCLUSION) == 8


def test_reference_trial_every_criterion_text_and_offsets(reference_text):
    segments = {s.id: s for s in _flatten(default_segmenter()(reference_text))}
    expected = _expected_rows()
    assert sorted(segments) == sorted(ident for ident, _, _ in expected)
    for ident, section, text in expected:
        segment = segments[ident]
        assert segment.section.value == section, ident
        assert reference_text[segment.span.start : segment.span.end] == text, ident
        # the offsets point at the one place this text stands in the input
        assert reference_text.find(text) == segment.span.start, ident


def test_reference_parents_join_their_parts(reference_text):
    segments = {s.id: s for s in default_segmenter()(reference_text)}
    assert [len(segments[i].parts) for i in ("inc-9", "inc-10", "inc-11")] == [3, 3, 2]
    assert [segments[i].join for i in ("inc-9", "inc-10", "inc-11")] == ["and", "and", "or"]
    header = segments["inc-9"].header
    assert reference_text[header.start : header.end] == "Adequate bone marrow function"


@pytest.mark.parametrize("case", load_cases("segmentation/cases.json"), ids=lambda c: c["id"])
def test_segmentation_cases(case):
    text = case["text"]
    segments = Segmenter()(text)
    got = []
    for s in segments:
        row = [s.section.value, s.span.text(text)]
        if s.parts:
            row += [s.join, [p.span.text(text) for p in s.parts]]
        got.append(row)
    assert got == case["expected"]


@pytest.mark.parametrize("text", ["", "   \n\n", "Inclusion Criteria:\n\nExclusion Criteria:\n"])
def test_empty_or_header_only_text_gives_no_criteria(text):
    assert Segmenter()(text) == []


@pytest.mark.parametrize("placeholder", ["None", "N/A", "NA", "Not applicable.", "No exclusion criteria", "-", "There are no exclusion criteria",
                                         "This observational study does not have any specific exclusion criteria."])
def test_a_placeholder_for_an_empty_section_is_no_criterion(placeholder):
    """A section that says it has no criteria has none: read as a criterion, "None" was an
    unparsed exclusion, which left every patient's verdict unknown."""
    text = f"Inclusion Criteria:\n- Age >= 18\nExclusion Criteria:\n- {placeholder}\n"
    assert [s.span.text(text) for s in Segmenter()(text)] == ["Age >= 18"]
    inline = f"Inclusion Criteria:\n- Age >= 18\nExclusion Criteria: {placeholder}\n"
    assert [s.span.text(inline) for s in Segmenter()(inline)] == ["Age >= 18"]
    # a criterion that merely starts like one stays
    assert len(Segmenter()("Exclusion Criteria:\n- None of the above treatments\n")) == 1


def test_a_section_header_written_as_an_item_opens_its_section():
    text = "Inclusion Criteria\n  -  COPD related hospitalization\n  -  Exclusion Criteria\n  -  Inability to walk\n"
    assert [(s.id, s.span.text(text)) for s in Segmenter()(text)] == [
        ("inc-1", "COPD related hospitalization"), ("exc-1", "Inability to walk")]


def test_ids_number_each_section_separately():
    text = "Inclusion Criteria:\n- a1 x\n- a2 y\nExclusion Criteria:\n- b1 z\n"
    assert [s.id for s in Segmenter()(text)] == ["inc-1", "inc-2", "exc-1"]


def test_long_unstructured_paragraph_is_split_into_sentences():
    sentence = "Patients must have histologically confirmed disease and adequate organ function. "
    text = "Inclusion Criteria:\n" + sentence * 6
    segments = Segmenter()(text)
    assert len(segments) == 6
    assert all(s.span.text(text) == sentence.strip() for s in segments)


def test_at_least_k_of_the_following_reads_spelled_and_digit_counts():
    for words, k in (("five", 5), ("2", 2)):
        text = f"Inclusion Criteria:\n- At least {words} of the following:\n   a. A1 x\n   b. B2 y\n"
        [segment] = Segmenter()(text)
        assert (segment.join, segment.k, len(segment.parts)) == ("atleast", k, 2)


def test_at_least_k_of_the_following_on_one_line_counts_the_listed_parts():
    text = "Inclusion Criteria:\n- At least two of the following: diabetes, hypertension, or obesity\n"
    [segment] = Segmenter()(text)
    assert (segment.join, segment.k) == ("atleast", 2)
    assert [p.span.text(text) for p in segment.parts] == ["diabetes", "hypertension", "obesity"]


def test_counted_parts_keep_their_numbers_whole_and_a_closing_semicolon_ends_the_list():
    text = ("Inclusion Criteria:\n- At least two of the following: platelets < 100,000/uL, ANC < 1,500/uL, "
            "hemoglobin < 9 g/dL;\n")
    [segment] = Segmenter()(text)
    assert segment.k == 2
    assert [p.span.text(text) for p in segment.parts] == ["platelets < 100,000/uL", "ANC < 1,500/uL", "hemoglobin < 9 g/dL"]


def test_bounds_of_the_headers_variable_stay_one_criterion_while_named_thresholds_split():
    whole = "Inclusion Criteria:\n- Age: >=40 and <=80 years of age at Screening\n"
    assert Segmenter()(whole)[0].parts == ()
    listed = "Inclusion Criteria:\n- Kidneys: creatinine < 1.5 mg/dL and eGFR > 60 mL/min\n"
    [segment] = Segmenter()(listed)
    assert [p.span.text(listed) for p in segment.parts] == ["creatinine < 1.5 mg/dL", "eGFR > 60 mL/min"]


def test_a_count_larger_than_the_list_leaves_the_line_whole():
    text = "Inclusion Criteria:\n- At least three of the following: diabetes or obesity\n"
    [segment] = Segmenter()(text)
    assert segment.parts == ()


def test_a_count_word_the_rules_do_not_define_is_a_rule_error():
    import json

    import pytest

    from criteria_nlp.errors import RuleError
    from criteria_nlp.resources import data_file
    from criteria_nlp.segment_rules import rules_from_dict

    raw = json.loads(data_file("segmentation.json").read_text(encoding="utf-8"))
    raw["number_words"] = {"two": 2}
    with pytest.raises(RuleError, match="number_words"):
        rules_from_dict(raw)


def test_parts_without_a_cue_all_hold_in_inclusion_and_each_excludes_in_exclusion():
    text = ("Inclusion Criteria:\n- Adequate organ function:\n  - ANC >= 1500/uL\n  - Platelets >= 100,000/uL\n"
            "Exclusion Criteria:\n- Resident exclusion criteria:\n  - Comatose\n  - Severe cognitive impairment\n")
    segments = default_segmenter()(text)
    assert [(s.section, s.join, len(s.parts)) for s in segments] == [
        (Section.INCLUSION, "and", 2), (Section.EXCLUSION, "or", 2)]
