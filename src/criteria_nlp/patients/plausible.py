"""Values a record cannot mean: checked before evaluation, so they never become verdicts.

The limits are data: a known variable's plausible ``low``/``high`` and its unit come from
``data/variables.tsv`` (an observation is known by its LOINC code, else by a name the
lexicon lists), the patient's age from the ``age`` row there. A value is checked in the
variable's own unit after conversion; a unit of another kind (mg for a platelet count) is
an error, while one that needs a molar mass the analyte table lacks is left to evaluation,
which reports it unknown.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from ..errors import PatientError
from ..lexicon import VariableEntry, default_lexicon
from ..units import UnitError, analyte, convert, is_unitless, same_kind
from .vocabulary import normalize

_DAYS_PER_YEAR = 365.2425  # the Gregorian calendar's mean year


@cache
def _variables() -> tuple[dict[str, VariableEntry], dict[str, VariableEntry]]:
    """Variables with plausible limits, by LOINC code and by every normalised synonym."""
    by_code: dict[str, VariableEntry] = {}
    by_name: dict[str, VariableEntry] = {}
    for entry in default_lexicon().variables.values():
        if entry.low is None and entry.high is None:
            continue
        if entry.code:
            by_code.setdefault(entry.code, entry)
        for name in entry.synonyms:
            by_name.setdefault(normalize(name), entry)
    return by_code, by_name


def known_variable(code: str | None, name: str | None) -> VariableEntry | None:
    by_code, by_name = _variables()
    if code and code in by_code:
        return by_code[code]
    return by_name.get(normalize(name)) if name else None


def check_observation(obs: Any, where: str, source: str | None) -> None:
    """A numeric value of a known variable must lie in its plausible range, in a unit of its
    kind."""
    value = obs.value
    entry = known_variable(obs.code, obs.name)
    if entry is None or isinstance(value, bool) or value is None:
        return
    unit = obs.unit
    if unit is not None and entry.unit is not None and not same_kind(unit, entry.unit):
        raise PatientError(f"{unit!r} is no unit of {entry.name} (measured in {entry.unit})",
                           field=f"{where}.unit", source=source)
    if unit is None and not is_unitless(entry.unit):
        return  # a bare number where a unit is needed: its meaning is unknown, not absurd
    try:
        found = analyte(obs.code, normalize(obs.name) if obs.name else None)
        native = value if unit == entry.unit or unit is None else convert(
            value, unit, entry.unit, found.molar_mass if found else None)
    except UnitError:
        return
    if _outside(entry, native):
        shown = f"{value:g} {unit}" if unit else f"{value:g}"
        in_unit = f" ({native:g} {entry.unit})" if unit not in (None, entry.unit) else ""
        raise PatientError(
            f"{shown}{in_unit} is not a plausible {entry.name}: outside {_limits(entry)} (variables.tsv)",
            field=f"{where}.value", source=source)


def check_age(birth: dt.date | None, as_of: dt.date, source: str | None) -> None:
    """The age the birth date gives on ``as_of`` must be a plausible age."""
    if birth is None:
        return
    entry = default_lexicon().age
    age = convert((as_of - birth).days / _DAYS_PER_YEAR, "a", entry.unit or "a")
    if _outside(entry, age):
        raise PatientError(f"{birth} gives an age of {age:.0f} {entry.unit or 'a'} on as_of {as_of}; "
                           f"a plausible age is {_limits(entry)} (variables.tsv)",
                           field="birth_date", source=source)


def check_dated(day: dt.date | None, field: str, birth: dt.date | None, as_of: dt.date,
                source: str | None, *, planned: bool = False) -> None:
    """A fact happens after birth, and a measurement or a diagnosis no later than ``as_of``,
    the day the record describes; a ``planned`` fact (a procedure or drug start) may be
    scheduled after it, as "after the first dose" windows need."""
    if day is None:
        return
    if day > as_of and not planned:
        raise PatientError(f"{day} is after as_of {as_of}", field=field, source=source)
    if birth is not None and day < birth:
        raise PatientError(f"{day} is before birth_date {birth}", field=field, source=source)


def _outside(entry: VariableEntry, value: float) -> bool:
    return (entry.low is not None and value < entry.low) or (entry.high is not None and value > entry.high)


def _limits(entry: VariableEntry) -> str:
    low = "" if entry.low is None else f"{entry.low:g}"
    high = "" if entry.high is None else f"{entry.high:g}"
    return f"{low}-{high} {entry.unit}" if entry.unit else f"{low}-{high}"
