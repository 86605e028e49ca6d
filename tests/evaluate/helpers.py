"""Hand-built trees and records for the evaluation tests: no parser, no files."""

from __future__ import annotations

import datetime as dt

from criteria_nlp.logic import (
    Anchor, Comparator, Compare, Concept, Criterion, Domain, Reference, Relation, Section, Variable,
    Window,
)
from criteria_nlp.patients import patient_from_json
from criteria_nlp.spans import Span

AS_OF = dt.date(2026, 1, 15)
NOWHERE = Span(0, 0)


def compare(name: str, comparator: str, value: float, unit: str | None = None, *, code: str | None = None,
            reference: str | None = None, window: Window | None = None) -> Compare:
    return Compare(Variable(name, NOWHERE, code), Comparator(comparator), value, NOWHERE, unit,
                   Reference(reference) if reference else None, window)


def concept(domain: str, name: str, *, window: Window | None = None, code: str | None = None) -> Concept:
    return Concept(Domain(domain), name, NOWHERE, code, None, window)


def window(days: float, relation: str = "before", anchor: str = "enrollment", unit: str = "d") -> Window:
    return Window(days, unit, Relation(relation), Anchor(anchor))


def criterion(logic, section: str = "inclusion", id: str = "c-1", unparsed=()) -> Criterion:
    return Criterion(id, Section(section), NOWHERE, "", logic, tuple(unparsed))


def record(**fields):
    """A native record dated AS_OF; keyword arguments replace or add top-level fields."""
    raw = {"id": "t", "birth_date": "1970-02-01", "sex": "female", "as_of": AS_OF.isoformat(), **fields}
    return patient_from_json(raw)


def lab(value, unit=None, *, code=None, name=None, low=None, high=None, date="2026-01-10") -> dict:
    out = {"value": value, "date": date}
    if unit is not None:
        out["unit"] = unit
    if code:
        out["code"] = code
    if name:
        out["name"] = name
    if low is not None or high is not None:
        out["reference_range"] = {k: v for k, v in (("low", low), ("high", high)) if v is not None}
    return out
