"""The patient as the evaluator sees it: frozen facts that every reader (native JSON, FHIR
Bundle) produces after validation, so evaluation never re-checks a unit or a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReferenceRange:
    """The lab's own normal range, in the observation's unit."""

    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    name: str | None
    code: str | None
    value: float | bool | None
    unit: str | None
    reference_range: ReferenceRange | None
    date: dt.date | None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    name: str | None
    code: str | None
    system: str | None
    onset: dt.date | None
    status: str | None


@dataclass(frozen=True, slots=True)
class Medication:
    name: str | None
    code: str | None
    start: dt.date | None
    end: dt.date | None
    status: str | None


@dataclass(frozen=True, slots=True)
class Procedure:
    name: str | None
    code: str | None
    date: dt.date | None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Allergy:
    name: str | None
    code: str | None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Patient:
    id: str
    as_of: dt.date
    birth_date: dt.date | None = None
    sex: str | None = None
    observations: tuple[Observation, ...] = ()
    conditions: tuple[Condition, ...] = ()
    medications: tuple[Medication, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    allergies: tuple[Allergy, ...] = ()
    source: str | None = None
