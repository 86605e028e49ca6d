"""Every data loader fed bad data: a RuleError that names the file and the problem.

Each case is (loader, bad input, file named, fragment of the problem). The bad inputs are
small hand-written texts (TSV, pint definitions, fillers) or the packaged JSON rules with
one thing broken; the packaged files themselves are never touched. ``test_valid_input_loads``
runs each loader on the valid input the bad cases start from, so a case fails for the fault
it names, not for a broken base.
"""

from __future__ import annotations

import copy

import pint
import pytest

from criteria_nlp import lexicon, units
from criteria_nlp.errors import RuleError
from criteria_nlp.grammar import lexer
from criteria_nlp.grammar.term_forms import load_term_forms
from criteria_nlp.patients import vocabulary
from criteria_nlp.pipeline import infix_patterns, special_cases
from criteria_nlp.resources import load_json
from criteria_nlp.segment_rules import SegmentRules, rules_from_dict
from criteria_nlp.tables import parse_table


def tsv(*rows: str) -> str:
    """Rows written with '|' for the tab, so that cases stay readable."""
    return "\n".join(row.replace(" | ", "\t") for row in rows) + "\n"


VARIABLE_HEADER = "name | code | unit | kind | low | high | synonyms"
AGE = "age | 30525-0 | a | age | 0 | 120 | aged"
HEMOGLOBIN = "hemoglobin | 718-7 | g/dL | lab | 0 | 25 | hb|haemoglobin"
KNOWN = lexicon.load_variables(tsv(VARIABLE_HEADER, AGE, HEMOGLOBIN))
CONCEPT_HEADER = "name | domain | code | system | synonyms"
PREGNANCY = "pregnancy | condition |  |  | pregnant"
PREGNANT = lexicon.load_concepts(tsv(CONCEPT_HEADER, PREGNANCY))
CUES = tsv("phrase | terminal | value", "uln | REF | ULN")
COMPARATORS = tsv("phrase | comparator | position | reads | note", "at least | >= | before |  | words")


def _variables_with(*rows: str) -> dict:
    return lexicon.load_variables(tsv(VARIABLE_HEADER, *rows))


def _concepts_beside_variables(*rows: str) -> dict:
    concepts = lexicon.load_concepts(tsv(CONCEPT_HEADER, *rows))
    lexicon._check_disjoint(KNOWN, concepts)
    return concepts


def _registry(text: str) -> pint.UnitRegistry:
    """An empty registry keeps each case cheap; the names the cases use are their own."""
    return units.load_registry(text, pint.UnitRegistry(None, on_redefinition="raise"))


def _changed(name: str, change) -> dict:
    raw = copy.deepcopy(load_json(name))
    change(raw)
    return raw


def _evaluation(change) -> vocabulary.Rules:
    return vocabulary.rules_from_dict(_changed("evaluation.json", change))


def _segmentation(change) -> SegmentRules:
    return rules_from_dict(_changed("segmentation.json", change))


def _letters(*rows: str) -> dict:
    return lexer.load_scale_letters({"child-pugh class": None}, tsv("variable | letter | value", *rows))


def _short_names(*rows: str) -> dict:
    return lexer.load_scale_short_names({"child-pugh class": None}, tsv("word | variable", *rows))


GOOD = [
    pytest.param(lambda: parse_table(tsv("a | b", "1 | 2"), "x.tsv", ("a", "b")), id="table"),
    pytest.param(lambda: _concepts_beside_variables(PREGNANCY), id="variables+concepts"),
    pytest.param(lambda: lexicon.load_units(tsv("alias | ucum | note", "mg/dl | mg/dL | ")), id="units.tsv"),
    pytest.param(lambda: lexicon.load_phrases(CUES, COMPARATORS), id="cues+comparators"),
    pytest.param(lambda: lexicon.load_pairs(KNOWN, tsv("unit | first | second", "mm[Hg] | age | hemoglobin")),
                 id="pairs.tsv"),
    pytest.param(lambda: lexicon.load_unit_codes(KNOWN, tsv("variable | unit | code", "hemoglobin | mmol/L | 59260-0")),
                 id="unit_codes.tsv"),
    pytest.param(lambda: lexicon.load_unit_by_kind(tsv("kind | unit | reads_as", "age | m | mo")), id="unit_by_kind.tsv"),
    pytest.param(lambda: lexicon.load_stage_scales(PREGNANT, tsv("condition | scale", "pregnancy | trimester")),
                 id="stage_scales.tsv"),
    pytest.param(lambda: lexicon.load_kinds_across(PREGNANT, tsv("concept | domains | kinds", "pregnancy | drug | ")),
                 id="kinds_across_domains.tsv"),
    pytest.param(lambda: units.load_ucum(tsv("kind | ucum | pint", "atom | % | percent", "prefix | u | micro")),
                 id="ucum.tsv"),
    pytest.param(lambda: units.load_analytes(tsv("analyte | molar_mass | loinc | names", "glucose | 180.16 | 2345-7 | sugar")),
                 id="analytes.tsv"),
    pytest.param(lambda: _registry("lump = [lumps] = lp\n@alias lump = chunk\nbig_lump = 10 * lump\n"), id="units.txt"),
    pytest.param(lambda: _evaluation(lambda raw: None), id="evaluation.json"),
    pytest.param(lambda: _segmentation(lambda raw: None), id="segmentation.json"),
    pytest.param(lambda: lexer.load_number_pattern(tsv("terminal | pattern", r"NUMBER | \d+")), id="shapes.tsv"),
    pytest.param(lambda: _letters("child-pugh class | B | 2"), id="scale_letters.tsv"),
    pytest.param(lambda: _short_names("child | child-pugh class"), id="scale_short_names.tsv"),
    pytest.param(lambda: lexer.load_filler_words("# comment\nthe\nand/or\n"), id="fillers.txt"),
    pytest.param(lambda: lexer.load_generic_mentions("# comment\ndisease\nmedical  problem\n"), id="generic_mentions.txt"),
    pytest.param(lambda: lexer.load_never_qualifiers("# comment\nrequire\ngiven\n"), id="never_qualifiers.txt"),
    pytest.param(lambda: lexer.load_never_diagnoses("# comment\ndeath\nfalling\n"), id="never_diagnoses.txt"),
    pytest.param(lambda: lexer.load_kind_participles("# comment\nliving\nunderlying\n"), id="kind_participles.txt"),
    pytest.param(lambda: lexer.load_population_words("# comment\npatients\nwomen\n"), id="population_words.txt"),
    pytest.param(lambda: lexer.load_study_groups("# comment\ngroup\ncohort\n"), id="study_groups.txt"),
    pytest.param(lambda: lexer.load_numbered_groups("# comment\npart\nphase\n"), id="numbered_groups.txt"),
    pytest.param(lambda: lexer.load_uncarried_qualifiers("# comment\nsevere\nclinically significant\n"),
                 id="uncarried_qualifiers.txt"),
    pytest.param(lambda: lexer.load_instrument_words("# comment\nscale\nquestionnaire\n"), id="instrument_words.txt"),
    pytest.param(lambda: lexer.load_change_words("# comment\nreduction\nincrease\n"), id="change_words.txt"),
    pytest.param(lambda: lexer.load_rate_subjects(lexicon.default_lexicon(), tsv("variable | of", "pack-years | smoking")),
                 id="rate_subjects.tsv"),
    pytest.param(lambda: lexer.load_concept_objects(lexicon.default_lexicon(), tsv("concept | word", "informed consent | participation")),
                 id="concept_objects.tsv"),
    pytest.param(lambda: lexer.load_study_participation(lexicon.default_lexicon(), tsv(
        "role | word", "concept | participation in another clinical trial", "act | enrolled", "head | trial")),
                 id="study_participation.tsv"),
    pytest.param(lambda: lexer.load_past_words("# comment\nformer\nex\n"), id="past_words.txt"),
    pytest.param(lambda: lexicon.load_future_words("# comment\nplanned\n"), id="future_words.txt"),
    pytest.param(lambda: lexer.load_body_sites("# comment\nneck\nknee\n"), id="body_sites.txt"),
    pytest.param(lambda: lexer.load_languages("# comment\ndanish\nthai\n"), id="languages.txt"),
    pytest.param(lambda: lexer.load_language_words(tsv("place | word", "before | fluent", "after | speaking")),
                 id="language_words.tsv"),
    pytest.param(lambda: lexer.load_test_results(lexicon.default_lexicon(), tsv("test | detects", "pregnancy test | pregnancy")),
                 id="test_results.tsv"),
    pytest.param(lambda: lexer.load_subgroups(lexicon.default_lexicon(), "# comment\nchildbearing potential\nfemale\n"),
                 id="subgroups.txt"),
    pytest.param(lambda: lexer.load_asking_phrases("# comment\nmust\nneed to\n"), id="asking_phrases.txt"),
    pytest.param(lambda: lexer.load_judgement_pattern(tsv("role | words", "lead | in the opinion of", "judge | investigator",
                                                          "own | at", "opinion | discretion")), id="judgement_phrases.tsv"),
    pytest.param(lambda: lexicon.load_judged_words("# comment\ninterfere\n"), id="judged_words.txt"),
    pytest.param(lambda: lexer.load_standard_pattern(tsv("role | words", "lead | according to", "head | criteria", "vague | the")),
                 id="standard_phrases.tsv"),
    pytest.param(lambda: lexer.load_generic_conditions(frozenset({"condition", "therapy"}), "# comment\ncondition\n"),
                 id="generic_conditions.txt"),
    pytest.param(lambda: load_term_forms(tsv("form | place | domain", "ectomy | suffix | procedure", "syndrome | head | condition",
                                             "diploma | never | ")).suffixes, id="term_forms.tsv"),
    pytest.param(lambda: vocabulary.load_concept_matches(
        tsv("name | domain | synonyms | members | codes", "chemotherapy | drug | chemo | cisplatin | ")), id="concept_matches.tsv"),
    pytest.param(lambda: infix_patterns({"_doc": "", "infixes": ["(?<=[0-9])~(?=[0-9])"], "special_cases": r"\."}),
                 id="tokenizer.json"),
    pytest.param(lambda: special_cases({"infixes": [], "special_cases": r"\."}), id="tokenizer.json special_cases"),
]


@pytest.mark.parametrize("load", GOOD)
def test_valid_input_loads(load):
    """The base every bad case departs from is itself valid (and not empty)."""
    assert load()


def test_a_crlf_table_reads_like_an_lf_one():
    lf = tsv("# note", "a | b", "1 | 2")
    assert parse_table(lf.replace("\n", "\r\n"), "x.tsv", ("a", "b")) == parse_table(lf, "x.tsv", ("a", "b")) == [
        {"a": "1", "b": "2"}]


BAD = [
    # tables.parse_table, behind every TSV loader
    (lambda: parse_table(tsv("a | c", "1 | 2"), "x.tsv", ("a", "b")), "x.tsv", "header must be ['a', 'b']"),
    (lambda: parse_table("# only comments\n", "x.tsv", ("a", "b")), "x.tsv", "header must be"),
    (lambda: parse_table(tsv("a | b", "1 | 2 | 3"), "x.tsv", ("a", "b")), "x.tsv", "line 2 has 3 fields, expected 2"),
    (lambda: parse_table(tsv("a | b", "1"), "x.tsv", ("a", "b")), "x.tsv", "line 2 has 1 fields, expected 2"),
    (lambda: parse_table(tsv("# a comment", "a | b", "1 | 2", "3"), "x.tsv", ("a", "b")), "x.tsv", "line 4 has 1 fields"),
    (lambda: parse_table(tsv("a | b", " | 2"), "x.tsv", ("a", "b")), "x.tsv", "line 2 has an empty 'a'"),
    # variables.tsv
    (lambda: lexicon.load_variables(tsv("name | code | unit", AGE)), "variables.tsv", "header must be"),
    (lambda: _variables_with(AGE, "weight | 29463-7 | kg | mass | 0 | 300 | "), "variables.tsv",
     "unknown variable kind 'mass'"),
    (lambda: _variables_with(HEMOGLOBIN), "variables.tsv", "exactly one variable must be of kind 'age'"),
    (lambda: _variables_with(AGE, "age at onset |  | a | age | 0 | 120 | "), "variables.tsv",
     "exactly one variable must be of kind 'age'"),
    (lambda: _variables_with(AGE, "hemoglobin |  | g/dL | lab | ten | 25 | "), "variables.tsv", "not a number 'ten'"),
    (lambda: _variables_with(AGE, "hemoglobin |  | g/dL | lab | 0 | inf | "), "variables.tsv", "not a finite number 'inf'"),
    (lambda: _variables_with(AGE, "hemoglobin |  | g/dL | lab | 25 | 0 | "), "variables.tsv", "low 25 is above high 0"),
    (lambda: _variables_with(AGE, HEMOGLOBIN, "Hemoglobin |  | g/L | lab | 0 | 250 | "), "variables.tsv",
     "hemoglobin: listed twice"),
    (lambda: _variables_with(AGE, HEMOGLOBIN, "hematocrit |  | % | lab | 0 | 100 | hb"), "variables.tsv",
     "'hb' is listed under both 'hemoglobin' and 'hematocrit'"),
    # concepts.tsv, and concepts against variables
    (lambda: lexicon.load_concepts(tsv(CONCEPT_HEADER, "pregnancy | illness |  |  | ")), "concepts.tsv",
     "unknown domain 'illness'"),
    (lambda: lexicon.load_concepts(tsv(CONCEPT_HEADER, "pregnancy | condition |  |  | ", "Pregnancy | condition |  |  | ")),
     "concepts.tsv", "pregnancy: listed twice"),
    (lambda: lexicon.load_concepts(tsv(CONCEPT_HEADER, "pregnancy | condition |  |  | gravid",
                                       "gravidity | observation |  |  | gravid")),
     "concepts.tsv", "'gravid' is listed under both 'pregnancy' and 'gravidity'"),
    (lambda: _concepts_beside_variables("anemia | condition |  |  | low hemoglobin|haemoglobin"), "concepts.tsv",
     "'haemoglobin' is both variable 'hemoglobin' and concept 'anemia'"),
    # units.tsv
    (lambda: lexicon.load_units(tsv("alias | ucum | note", "mg/dl | mg/dL | ", "mg/dl | mg/dL | again")), "units.tsv",
     "'mg/dl' is listed twice"),
    (lambda: lexicon.load_units(tsv("alias | ucum | note", "mg/dl |  | no code")), "units.tsv", "'mg/dl' has no UCUM code"),
    # cues.tsv and comparators.tsv
    (lambda: lexicon.load_phrases(tsv("phrase | terminal | value", "uln | REF | ULN", "ULN | REF | ULN"), COMPARATORS),
     "cues.tsv", "phrase 'uln' is listed twice"),
    (lambda: lexicon.load_phrases(tsv("phrase | terminal | value", "uln |  | ULN"), COMPARATORS), "cues.tsv",
     "'uln' has no terminal"),
    (lambda: lexicon.load_phrases(tsv("phrase | terminal | value", "at least | QUAL | "), COMPARATORS), "comparators.tsv",
     "phrase 'at least' is listed twice"),
    (lambda: lexicon.load_phrases(CUES, tsv("phrase | comparator | position | reads | note", "at least | => | before |  | ")),
     "comparators.tsv", "unknown comparator '=>'"),
    (lambda: lexicon.load_phrases(CUES, tsv("phrase | comparator | position | reads | note", "at least | >= | inside |  | ")),
     "comparators.tsv", "position must be before/after, got 'inside'"),
    (lambda: lexicon.load_phrases(CUES, tsv("phrase | comparator | position | reads | note", "at least | >= | before | weight | ")),
     "comparators.tsv", "reads must be empty or 'age', got 'weight'"),
    # pairs.tsv, unit_codes.tsv, unit_by_kind.tsv
    (lambda: lexicon.load_pairs(KNOWN, tsv("unit | first | second", "mm[Hg] | systolic blood pressure | age")), "pairs.tsv",
     "unknown variable 'systolic blood pressure'"),
    (lambda: lexicon.load_pairs(KNOWN, tsv("unit | first | second", "mm[Hg] | age | hemoglobin", "mm[Hg] | hemoglobin | age")),
     "pairs.tsv", "unit 'mm[Hg]' is listed twice"),
    (lambda: lexicon.load_unit_codes(KNOWN, tsv("variable | unit | code", "hba1c | mmol/mol | 59261-8")), "unit_codes.tsv",
     "unknown variable 'hba1c'"),
    (lambda: lexicon.load_unit_codes(KNOWN, tsv("variable | unit | code", "hemoglobin | mmol/L | 1-1", "hemoglobin | mmol/L | 2-2")),
     "unit_codes.tsv", "'hemoglobin' in 'mmol/L' is listed twice"),
    (lambda: lexicon.load_stage_scales(PREGNANT, tsv("condition | scale", "parkinson disease | hoehn and yahr stage")),
     "stage_scales.tsv", "unknown concept 'parkinson disease'"),
    (lambda: lexicon.load_stage_scales(PREGNANT, tsv("condition | scale", "pregnancy | trimester", "pregnancy | week")),
     "stage_scales.tsv", "'pregnancy' is listed twice"),
    (lambda: lexicon.load_kinds_across(PREGNANT, tsv("concept | domains | kinds", "substance abuse | drug | ")),
     "kinds_across_domains.tsv", "unknown concept 'substance abuse'"),
    (lambda: lexicon.load_kinds_across(PREGNANT, tsv("concept | domains | kinds", "pregnancy | drug | smoking")),
     "kinds_across_domains.tsv", "unknown concept 'smoking'"),
    (lambda: lexicon.load_kinds_across(PREGNANT, tsv("concept | domains | kinds", "pregnancy | substance | ")),
     "kinds_across_domains.tsv", "'substance' is not a valid Domain"),
    (lambda: lexicon.load_kinds_across(PREGNANT, tsv("concept | domains | kinds", "pregnancy | drug | ", "pregnancy | device | ")),
     "kinds_across_domains.tsv", "'pregnancy' is listed twice"),
    (lambda: lexicon.load_unit_by_kind(tsv("kind | unit | reads_as", "weight | m | mo")), "unit_by_kind.tsv",
     "unknown variable kind 'weight'"),
    (lambda: lexicon.load_unit_by_kind(tsv("kind | unit | reads_as", "age | m | mo", "age | m | min")), "unit_by_kind.tsv",
     "'m' after 'age' is listed twice"),
    # ucum.tsv, analytes.tsv, units.txt
    (lambda: units.load_ucum(tsv("kind | ucum | pint", "suffix | % | percent")), "ucum.tsv", "unknown kind 'suffix'"),
    (lambda: units.load_ucum(tsv("kind | ucum | pint", "atom | % | percent", "atom | % | permille")), "ucum.tsv",
     "atom '%' is listed twice"),
    (lambda: units.load_analytes(tsv("analyte | molar_mass | loinc | names", "glucose | heavy | 2345-7 | ")), "analytes.tsv",
     "glucose: bad molar mass 'heavy'"),
    (lambda: units.load_analytes(tsv("analyte | molar_mass | loinc | names", "glucose | -180 | 2345-7 | ")), "analytes.tsv",
     "glucose: bad molar mass '-180'"),
    (lambda: units.load_analytes(tsv("analyte | molar_mass | loinc | names", "glucose | 180.16 | 2345-7 | ",
                                     "fructose | 180.16 | 2345-7 | ")), "analytes.tsv",
     "'2345-7' names both 'glucose' and 'fructose'"),
    (lambda: _registry("lump = [lumps]\nbig_lump = 10 * lumpp\n"), "units.txt", "line 2: 'big_lump = 10 * lumpp'"),
    (lambda: _registry("lump = [lumps]\nlump = [chunks]\n"), "units.txt", "line 2: 'lump = [chunks]'"),
    (lambda: _registry("lump = \n"), "units.txt", "line 1: not a unit definition"),
    (lambda: _registry("@defaults\n"), "units.txt", "line 1: not a unit definition or @alias line"),
    (lambda: _registry("lump = [lumps]\n@alias lumpy = chunk\n"), "units.txt", "line 2: '@alias lumpy = chunk': no unit to alias"),
    # evaluation.json
    (lambda: _evaluation(lambda raw: raw.update(lookback=90)), "evaluation.json", "unknown keys ['lookback']"),
    (lambda: _evaluation(lambda raw: raw.pop("sexes")), "evaluation.json", "missing keys ['sexes']"),
    (lambda: _evaluation(lambda raw: raw["domains"].update(disease=["conditions"])), "evaluation.json",
     "unknown domain 'disease'"),
    (lambda: _evaluation(lambda raw: raw["domains"].pop("device")), "evaluation.json", "missing ['device']"),
    (lambda: _evaluation(lambda raw: raw["domains"].update(drug=["drugs"])), "evaluation.json",
     "domains.drug: unknown record lists ['drugs']"),
    (lambda: _evaluation(lambda raw: raw.update(closed_world_lists=["conditions", "labs"])), "evaluation.json",
     "closed_world_lists: unknown record lists ['labs']"),
    (lambda: _evaluation(lambda raw: raw.update(negating_statuses="refuted")), "evaluation.json",
     "negating_statuses must be a list of non-empty strings"),
    (lambda: _evaluation(lambda raw: raw["sexes"].update(female="female")), "evaluation.json",
     "sexes.female must be a list of non-empty strings"),
    (lambda: _evaluation(lambda raw: raw.update(lookback_days="90")), "evaluation.json",
     "lookback_days must be a whole number of days"),
    (lambda: _evaluation(lambda raw: raw.update(lookback_days=-30)), "evaluation.json",
     "lookback_days must be a whole number of days"),
    (lambda: _evaluation(lambda raw: raw["age_groups"].update(adult=["=>", 18, "a"])), "evaluation.json",
     "age_groups.adult must be [comparator, number, UCUM unit of time]"),
    (lambda: _evaluation(lambda raw: raw["age_groups"].update(adult=[">=", 18, "kg"])), "evaluation.json",
     "age_groups.adult must be [comparator, number, UCUM unit of time]"),
    # segmentation.json
    (lambda: _segmentation(lambda raw: raw.update(header_cues="x")), "segmentation.json", "unknown keys ['header_cues']"),
    (lambda: _segmentation(lambda raw: raw.pop("markers")), "segmentation.json", "missing keys ['markers']"),
    (lambda: _segmentation(lambda raw: raw.update(header_cue="inclu(")), "segmentation.json", "bad pattern in header_cue"),
    (lambda: _segmentation(lambda raw: raw["section_headers"][0].update(section="screening")), "segmentation.json",
     "unknown section 'screening'"),
    (lambda: _segmentation(lambda raw: raw["markers"][0].update(level=1)), "segmentation.json",
     "markers entry 1 must have keys ['kind', 'pattern']"),
    (lambda: _segmentation(lambda raw: raw["parent_cues"][0].update(join="xor")), "segmentation.json",
     "unknown joins ['xor']"),
    (lambda: _segmentation(lambda raw: raw["inline_join_words"].update(And="and")), "segmentation.json",
     "'And' -> 'and' must map a lower-case word"),
    (lambda: _segmentation(lambda raw: raw["inline_join_words"].update(plus="and/or")), "segmentation.json",
     "'plus' -> 'and/or' must map a lower-case word to 'and' or 'or'"),
    (lambda: _segmentation(lambda raw: raw.update(run_on_number=r"\d+[.)]\s+")), "segmentation.json",
     "run_on_number needs a group"),
    (lambda: _segmentation(lambda raw: raw.update(sentence_split_min_chars="many")), "segmentation.json",
     "invalid literal for int()"),
    # shapes.tsv, scale_letters.tsv, fillers.txt
    (lambda: lexer.load_number_pattern(tsv("terminal | pattern", r"DATE | \d{4}")), "shapes.tsv",
     "unknown terminal 'DATE'"),
    (lambda: lexer.load_number_pattern(tsv("terminal | pattern")), "shapes.tsv", "no NUMBER pattern"),
    (lambda: lexer.load_number_pattern(tsv("terminal | pattern", r"NUMBER | \d+(")), "shapes.tsv", "bad NUMBER pattern"),
    (lambda: lexer.load_number_pattern(tsv("terminal | pattern", r"NUMBER | \d*")), "shapes.tsv",
     "matches the empty string"),
    (lambda: _letters("child pugh | B | 2"), "scale_letters.tsv", "unknown variable 'child pugh'"),
    (lambda: _short_names("child | child pugh"), "scale_short_names.tsv", "unknown variable 'child pugh'"),
    (lambda: _short_names("Child | child-pugh class"), "scale_short_names.tsv", "'Child' is not one lower-case word"),
    (lambda: _short_names("child | child-pugh class", "child | child-pugh class"), "scale_short_names.tsv",
     "'child' is listed twice"),
    (lambda: _letters("child-pugh class | B | two"), "scale_letters.tsv", "value 'two' is not a number"),
    (lambda: _letters("child-pugh class | class B | 2"), "scale_letters.tsv", "the letter must be one word"),
    (lambda: _letters("child-pugh class | B | 2", "child-pugh class | B | 3"), "scale_letters.tsv", "B is listed twice"),
    (lambda: lexer.load_filler_words("the\nin order\n"), "fillers.txt", "line 2: 'in order' is not one lower-case word"),
    (lambda: lexer.load_filler_words("the\nNot\n"), "fillers.txt", "line 2: 'Not' is not one lower-case word"),
    (lambda: lexer.load_filler_words("the\nwithout\n"), "fillers.txt", "'without' changes what a criterion means"),
    (lambda: lexer.load_filler_words("the\nof\nthe\n"), "fillers.txt", "line 3: 'the' is listed twice"),
    (lambda: lexer.load_generic_mentions("disease\nDisorder\n"), "generic_mentions.txt", "line 2: 'Disorder' is not lower-case"),
    (lambda: lexer.load_generic_mentions("disease\ndisease\n"), "generic_mentions.txt", "line 2: 'disease' is listed twice"),
    (lambda: lexer.load_never_qualifiers("require\nRequire\n"), "never_qualifiers.txt", "line 2: 'Require' is not one lower-case word"),
    (lambda: lexer.load_never_qualifiers("give up\n"), "never_qualifiers.txt", "line 1: 'give up' is not one lower-case word"),
    (lambda: lexer.load_never_qualifiers("take\ntake\n"), "never_qualifiers.txt", "line 2: 'take' is listed twice"),
    (lambda: lexer.load_never_diagnoses("death\nDeath\n"), "never_diagnoses.txt", "line 2: 'Death' is not one lower-case word"),
    (lambda: lexer.load_kind_participles("living\nalive\n"), "kind_participles.txt", "line 2: 'alive' does not end in -ing"),
    (lambda: lexer.load_kind_participles("living donor\n"), "kind_participles.txt", "line 1: 'living donor' is not one lower-case word"),
    (lambda: lexer.load_population_words("patients\nPatients\n"), "population_words.txt", "line 2: 'Patients' is not one lower-case word"),
    (lambda: lexer.load_study_groups("group\ncontrol group\n"), "study_groups.txt", "line 2: 'control group' is not one lower-case word"),
    (lambda: lexer.load_numbered_groups("part\nPart\n"), "numbered_groups.txt", "line 2: 'Part' is not one lower-case word"),
    (lambda: lexer.load_uncarried_qualifiers("severe\nSevere\n"), "uncarried_qualifiers.txt", "line 2: 'Severe' is not lower-case"),
    (lambda: lexer.load_instrument_words("scale\nrating scale\n"), "instrument_words.txt", "line 2: 'rating scale' is not one lower-case word"),
    (lambda: lexer.load_change_words("reduction\nreduction\n"), "change_words.txt", "line 2: 'reduction' is listed twice"),
    (lambda: lexer.load_past_words("former\nFormer\n"), "past_words.txt", "line 2: 'Former' is not one lower-case word"),
    (lambda: lexicon.load_future_words("planned\nplanned\n"), "future_words.txt", "line 2: 'planned' is listed twice"),
    (lambda: lexer.load_body_sites("head and neck\n"), "body_sites.txt", "line 1: 'head and neck' is not one lower-case word"),
    (lambda: lexer.load_languages("danish\nThai\n"), "languages.txt", "line 2: 'Thai' is not one lower-case word"),
    (lambda: lexer.load_language_words(tsv("place | word", "middle | fluent")), "language_words.tsv",
     "place 'middle' is not one of before, after"),
    (lambda: lexer.load_language_words(tsv("place | word", "before | Fluent")), "language_words.tsv",
     "'Fluent' is not one lower-case word"),
    (lambda: lexer.load_test_results(lexicon.default_lexicon(), tsv("test | detects", "pregnancy tests | pregnancy")),
     "test_results.tsv", "unknown variable 'pregnancy tests'"),
    (lambda: lexer.load_test_results(lexicon.default_lexicon(), tsv("test | detects", "pregnancy test | pregnant")),
     "test_results.tsv", "unknown concept 'pregnant'"),
    (lambda: lexer.load_subgroups(lexicon.default_lexicon(), "childbearing potential\nwomen of childbearing potential\n"),
     "subgroups.txt", "line 2: unknown concept 'women of childbearing potential'"),
    (lambda: lexer.load_subgroups(lexicon.default_lexicon(), "female\nfemale\n"), "subgroups.txt", "line 2: 'female' is listed twice"),
    (lambda: lexer.load_asking_phrases("must\nNeed to\n"), "asking_phrases.txt", "line 2: 'Need to' is not lower-case"),
    (lambda: lexer.load_judgement_pattern(tsv("role | words", "lead | in the opinion of", "judge | investigator", "own | at",
                                              "opinion | discretion", "who | sponsor")), "judgement_phrases.tsv", "unknown role 'who'"),
    (lambda: lexer.load_judgement_pattern(tsv("role | words", "lead | in the opinion of", "judge | Investigator", "own | at",
                                              "opinion | discretion")), "judgement_phrases.tsv", "'Investigator' is not lower-case"),
    (lambda: lexer.load_judgement_pattern(tsv("role | words", "lead | in the opinion of", "judge | investigator")),
     "judgement_phrases.tsv", "every role needs words"),
    (lambda: lexicon.load_judged_words("interfere with\n"), "judged_words.txt", "line 1: 'interfere with' is not one lower-case word"),
    (lambda: lexer.load_standard_pattern(tsv("role | words", "lead | according to", "head | criteria", "vague | the", "name | who")),
     "standard_phrases.tsv", "unknown role 'name'"),
    (lambda: lexer.load_standard_pattern(tsv("role | words", "lead | according to", "head | criteria")), "standard_phrases.tsv",
     "every role needs words"),
    (lambda: lexer.load_generic_conditions(frozenset({"condition"}), "condition\nailment\n"), "generic_conditions.txt",
     "line 2: 'ailment' is not in generic_mentions.txt"),
    (lambda: lexer.load_rate_subjects(lexicon.default_lexicon(), tsv("variable | of", "packs | smoking")), "rate_subjects.tsv",
     "unknown variable 'packs'"),
    (lambda: lexer.load_rate_subjects(lexicon.default_lexicon(), tsv("variable | of", "pack-years | smoker")), "rate_subjects.tsv",
     "unknown concept 'smoker'"),
    (lambda: lexer.load_rate_subjects(lexicon.default_lexicon(), tsv("variable | of", "pack-years | smoking", "pack-years | smoking")),
     "rate_subjects.tsv", "'pack-years' is listed twice"),
    (lambda: lexer.load_concept_objects(lexicon.default_lexicon(), tsv("concept | word", "consent form | participation")),
     "concept_objects.tsv", "unknown concept 'consent form'"),
    (lambda: lexer.load_concept_objects(lexicon.default_lexicon(), tsv("concept | word", "informed consent | to participate")),
     "concept_objects.tsv", "'to participate' is not one lower-case word"),
    (lambda: lexer.load_study_participation(lexicon.default_lexicon(), tsv(
        "role | word", "concept | participation in another clinical trial", "verb | enrolled", "head | trial")),
     "study_participation.tsv", "unknown role 'verb'"),
    (lambda: lexer.load_study_participation(lexicon.default_lexicon(), tsv(
        "role | word", "concept | participation in a trial", "act | enrolled", "head | trial")),
     "study_participation.tsv", "one lexicon concept needed"),
    (lambda: lexer.load_study_participation(lexicon.default_lexicon(), tsv(
        "role | word", "concept | participation in another clinical trial", "act | Enrolled", "head | trial")),
     "study_participation.tsv", "'Enrolled' is not one lower-case word"),
    (lambda: lexer.load_study_participation(lexicon.default_lexicon(), tsv(
        "role | word", "concept | participation in another clinical trial", "head | trial")),
     "study_participation.tsv", "an act and a head are needed"),
    (lambda: load_term_forms(tsv("form | place | domain", "Ectomy | suffix | procedure")), "term_forms.tsv",
     "'Ectomy' is not one lower-case word"),
    (lambda: load_term_forms(tsv("form | place | domain", "ectomy | prefix | procedure")), "term_forms.tsv",
     "place 'prefix' is not one of"),
    (lambda: load_term_forms(tsv("form | place | domain", "ectomy | suffix | observation")), "term_forms.tsv",
     "domain 'observation' is not one of"),
    (lambda: load_term_forms(tsv("form | place | domain", "diploma | never | condition")), "term_forms.tsv",
     "a never row names no domain"),
    (lambda: load_term_forms(tsv("form | place | domain", "mab | suffix | drug", "mab | head | drug")), "term_forms.tsv",
     "'mab' is listed twice"),
    # concept_matches.tsv, tokenizer.json
    (lambda: vocabulary.load_concept_matches(tsv("name | domain | synonyms | members | codes", "chemo | drugs |  |  | ")),
     "concept_matches.tsv", "unknown domain 'drugs'"),
    (lambda: vocabulary.load_concept_matches(tsv("name | domain | synonyms | members | codes",
                                                 "chemotherapy | drug | chemo |  | ", "chemo | drug |  |  | ")),
     "concept_matches.tsv", "'chemo' is listed twice under drug"),
    (lambda: infix_patterns({"infixes": ["(?<=[0-9])~("], "special_cases": "x"}), "tokenizer.json", "bad infix pattern"),
    (lambda: infix_patterns({"infixes": [], "special_cases": "", "suffixes": []}), "tokenizer.json", "nothing else but '_doc'"),
    (lambda: infix_patterns({"infixes": []}), "tokenizer.json", "a pattern 'special_cases'"),
    (lambda: special_cases({"infixes": [], "special_cases": "(n't"}), "tokenizer.json", "bad special_cases pattern"),
]


@pytest.mark.parametrize(("load", "file", "problem"), BAD, ids=[f"{file}: {problem}" for _, file, problem in BAD])
def test_bad_data_is_a_rule_error_naming_file_and_problem(load, file, problem):
    """Bad rules must stop the load with one readable line, never a traceback or a silent pass."""
    with pytest.raises(RuleError) as caught:
        load()
    message = str(caught.value)
    assert file in message and problem in message, message
    assert "\n" not in message


@pytest.mark.parametrize("text, judged", [
    ("at the investigator's discretion", "at the investigator's discretion"),
    ("in the investigators opinion, unable", "in the investigators opinion"),
    ("as determined by the investigator or sponsor.", "as determined by the investigator or sponsor"),
    ("physician assessment of frailty", None),  # no possessive mark, no "in"/"at": a procedure's name
    ("as determined by MRI", None),  # who determines is no person
    ("per protocol", None),
])
def test_the_judgement_pattern_needs_someone_who_judges(text, judged):
    pattern, _ = lexer.load_judgement_pattern()
    found = pattern.search(text)
    assert (found.group() if found else None) == judged
