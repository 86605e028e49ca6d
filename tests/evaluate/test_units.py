"""UCUM codes onto the one pint registry: design.md section 3 conversions, round trips, errors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from criteria_nlp import units
from criteria_nlp.tables import read_table
from criteria_nlp.units import UnitError, convert

CREATININE, BILIRUBIN, HEMOGLOBIN, GLUCOSE = 113.12, 584.66, 16114, 180.16


@pytest.mark.parametrize("value,source,target,expected,molar_mass", [
    (1.5, "10*9/L", "10*3/uL", 1.5, None),
    (1.5, "10*9/L", "/nL", 1.5, None),
    (1500, "/uL", "10*9/L", 1.5, None),
    (1500, "/mm3", "/uL", 1500, None),
    (100000, "/mm3", "10*9/L", 100, None),
    (45, "%", "1", 0.45, None),
    (9, "g/dL", "g/L", 90, None),
    (1.0, "mg/dL", "umol/L", 88.4017, CREATININE),
    (1.0, "mg/dL", "umol/L", 17.1039, BILIRUBIN),
    (9, "g/dL", "mmol/L", 5.5852, HEMOGLOBIN),
    (100, "mg/dL", "mmol/L", 5.5506, GLUCOSE),
    (60, "mL/min/{1.73_m2}", "mL/min", 60, None),
    (1, "a", "mo", 12, None),
    (2, "wk", "d", 14, None),
    (48, "h", "d", 2, None),
    (120, "mm[Hg]", "kPa", 15.9987, None),
    (37, "Cel", "[degF]", 98.6, None),
    (1, "mg/(24.h)", "ug/h", 41.6667, None),
    (5, "m[IU]/mL", "[IU]/L", 5, None),
])
def test_clinical_conversions(value, source, target, expected, molar_mass):
    assert convert(value, source, target, molar_mass) == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("code", ["mg/dZ", "10*9/", "((mg)", "mg/dL)", "1.73m2", "cells/uL", "x10^9/L"])
def test_unknown_units_are_a_clear_error(code):
    with pytest.raises(UnitError, match=re.escape(f"unknown unit {code!r}")):
        units.parse(code)


def test_mass_to_molar_needs_the_molar_mass():
    with pytest.raises(UnitError, match="molar mass"):
        convert(1, "mg/dL", "mmol/L")
    with pytest.raises(UnitError, match="cannot convert"):
        convert(1, "mg/dL", "U/L")


def test_international_units_never_turn_into_enzyme_units():
    with pytest.raises(UnitError):
        convert(1, "[IU]/L", "U/L")


def test_percent_is_not_a_bare_number():
    assert units.is_unitless(None) and units.is_unitless("{score}") and units.is_unitless("1")
    assert not units.is_unitless("%")


def test_one_registry_and_cached_parsing():
    assert units.registry() is units.registry()
    assert units.parse("10*9/L") is units.parse("10*9/L")
    assert units.conversion("/uL", "10*9/L") is units.conversion("/uL", "10*9/L")


def test_analytes_are_keyed_by_loinc_code_and_name():
    assert units.analyte("14682-9").molar_mass == CREATININE
    assert units.analyte(name="Haemoglobin").molar_mass == HEMOGLOBIN
    assert units.analyte("1975-2").name == "total bilirubin"
    assert units.analyte("0000-0") is None


def test_every_unit_of_the_variable_lexicon_parses():
    header = ("name", "code", "unit", "kind", "low", "high", "synonyms")
    for row in read_table("variables.tsv", header):
        if row["unit"]:
            units.parse(row["unit"])


PAIRS = [
    ("10*9/L", "/uL", None), ("10*3/uL", "/mm3", None), ("mg/dL", "g/L", None), ("umol/L", "mmol/L", None),
    ("%", "1", None), ("a", "mo", None), ("wk", "h", None), ("Cel", "[degF]", None),
    ("g/dL", "mmol/L", HEMOGLOBIN), ("mg/dL", "umol/L", CREATININE), ("umol/L", "mg/dL", BILIRUBIN),
    ("mmol/L", "mg/dL", GLUCOSE), ("mL/min/{1.73_m2}", "L/h", None),
]


@given(st.sampled_from(PAIRS), st.floats(min_value=1e-6, max_value=1e7, allow_nan=False))
def test_conversion_round_trips(pair, value):
    source, target, molar_mass = pair
    there = convert(value, source, target, molar_mass)
    assert convert(there, target, source, molar_mass) == pytest.approx(value, rel=1e-9, abs=1e-9)
