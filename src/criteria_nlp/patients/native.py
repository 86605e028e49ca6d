"""The native patient JSON contract (design.md section 4).

Records come from outside, so they are validated by pydantic models at the boundary and
then become the frozen facts of ``record`` that the evaluator can trust: every unit parses,
every date is a real date, nothing happens after ``as_of`` that should not. A bad record
raises ``PatientError`` naming the field path, e.g. ``observations[2].unit: unknown unit
'mg/dZ'``.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StrictBool, ValidationError

from ..errors import PatientError
from ..units import UnitError, parse
from .plausible import check_age, check_dated, check_observation
from .record import Allergy, Condition, Medication, Observation, Patient, Procedure, ReferenceRange

SCHEMA_ID = "criteria-nlp/patient/1"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---- the boundary: pydantic models of the native JSON ------------------------------------

def _iso_date(value: Any) -> Any:
    """JSON has no date type: accept exactly ``YYYY-MM-DD`` strings, never numbers."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("expected a date written YYYY-MM-DD")


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
Number = Annotated[float, Strict()]
Text = Annotated[str, Strict(), Field(min_length=1)]
_STATUS = ("FHIR status code of the fact, e.g. active, resolved, completed; refuted, not-taken and "
           "not-done state that it did not happen, entered-in-error that the record is void")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class RangeIn(_Record):
    """Reference (normal) range, in the observation's unit; either end may be missing."""

    low: Number | None = None
    high: Number | None = None


class ObservationIn(_Record):
    """A lab value, vital sign, score or yes/no finding."""

    code: Text | None = Field(None, description="LOINC code")
    name: Text | None = None
    value: StrictBool | Number | None = Field(None, description="a number, or true/false for a finding")
    unit: Text | None = Field(None, description="UCUM code, e.g. 10*9/L, mg/dL, umol/L, %")
    reference_range: RangeIn | None = None
    date: Date | None = None
    status: Text | None = Field(None, description=_STATUS)


class ConditionIn(_Record):
    name: Text | None = None
    code: Text | None = None
    system: Text | None = None
    onset: Date | None = None
    status: Text | None = Field(None, description=_STATUS)


class MedicationIn(_Record):
    name: Text | None = None
    code: Text | None = None
    start: Date | None = None
    end: Date | None = None
    status: Text | None = Field(None, description=_STATUS)


class ProcedureIn(_Record):
    name: Text | None = None
    code: Text | None = None
    date: Date | None = None
    status: Text | None = Field(None, description=_STATUS)


class AllergyIn(_Record):
    name: Text | None = Field(None, description="the substance, e.g. cyclophosphamide")
    code: Text | None = None
    status: Text | None = Field(None, description=_STATUS)


class PatientIn(_Record):
    """One patient in criteria-nlp's native JSON; facts are dated relative to ``as_of``."""

    model_config = ConfigDict(title="criteria-nlp patient record")

    id: Text
    birth_date: Date | None = None
    sex: Literal["female", "male", "other", "unknown"] | None = None
    as_of: Date = Field(description="the evaluation date: enrollment, screening and 'now' all mean this day")
    observations: list[ObservationIn] = []
    conditions: list[ConditionIn] = []
    medications: list[MedicationIn] = []
    procedures: list[ProcedureIn] = []
    allergies: list[AllergyIn] = []


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (``schemas/patient.schema.json`` is this, committed)."""
    schema = PatientIn.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


# ---- reading ------------------------------------------------------------------------------

def problem(err: PatientError) -> str:
    """The error's message without its field path (``PatientError`` joins the two)."""
    return err.message.removeprefix(f"{err.field}: ") if err.field else err.message


def patient_from_json(raw: Any, *, source: str | None = None) -> Patient:
    """Validate a native record; the first problem is raised with its field path."""
    if not isinstance(raw, dict):
        raise PatientError(f"expected a patient object, got {type(raw).__name__}", source=source)
    try:
        record = PatientIn.model_validate(raw)
    except ValidationError as err:
        raise _first_error(err, source) from err
    return _build(record, source)


def _first_error(err: ValidationError, source: str | None) -> PatientError:
    errors = err.errors()
    paths = [_field_path(e["loc"], extra=e["type"] == "extra_forbidden") for e in errors]
    path = paths[0]
    # a union (value: true/false or number) reports one error per branch; the last is the
    # most specific ("Input should be a valid number")
    message = errors[max(i for i, p in enumerate(paths) if p == path)]["msg"].removeprefix("Value error, ")
    others = len(set(paths)) - 1
    if others:
        message += f" (and {others} more problem{'s' if others > 1 else ''})"
    return PatientError(message, field=path or None, source=source)


def _field_path(loc: tuple[int | str, ...], *, extra: bool = False) -> str:
    """``('observations', 2, 'unit')`` -> ``observations[2].unit``; union branch tags dropped,
    an unexpected key (``extra``) kept."""
    path, model = "", PatientIn
    for position, item in enumerate(loc):
        if isinstance(item, int):
            path += f"[{item}]"
        elif (model is not None and item in model.model_fields) or (extra and position == len(loc) - 1):
            path += f".{item}" if path else item
            model = _submodel(model.model_fields[item].annotation) if model and item in model.model_fields else None
        else:
            break
    return path


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def _unit(unit: str | None, field: str, source: str | None) -> str | None:
    if unit is None:
        return None
    try:
        parse(unit)
    except UnitError as err:
        raise PatientError(err.message, field=field, source=source) from err
    return unit


def _named(item: Any, field: str, source: str | None) -> None:
    if item.name is None and item.code is None:
        raise PatientError("needs a name or a code", field=field, source=source)


def _build(record: PatientIn, source: str | None) -> Patient:
    """The checks pydantic cannot express: known units, named facts, dates in order and
    between birth and ``as_of``, plausible ages and values (``plausible``)."""
    birth, as_of = record.birth_date, record.as_of
    if birth is not None and birth > as_of:
        raise PatientError(f"born {birth} after as_of {as_of}", field="birth_date", source=source)
    check_age(birth, as_of, source)
    observations = []
    for i, obs in enumerate(record.observations):
        where = f"observations[{i}]"
        _named(obs, where, source)
        check_dated(obs.date, f"{where}.date", birth, as_of, source)
        limits = obs.reference_range
        if limits and limits.low is not None and limits.high is not None and limits.low > limits.high:
            raise PatientError(f"low {limits.low:g} is above high {limits.high:g}",
                               field=f"{where}.reference_range", source=source)
        _unit(obs.unit, f"{where}.unit", source)
        check_observation(obs, where, source)
        observations.append(Observation(
            obs.name, obs.code, obs.value, obs.unit,
            ReferenceRange(limits.low, limits.high) if limits else None, obs.date, obs.status))
    for i, med in enumerate(record.medications):
        if med.start and med.end and med.end < med.start:
            raise PatientError(f"ends {med.end} before it starts {med.start}",
                               field=f"medications[{i}].end", source=source)
    for kind, date_field in (("conditions", "onset"), ("medications", "start"), ("procedures", "date"), ("allergies", None)):
        for i, item in enumerate(getattr(record, kind)):
            _named(item, f"{kind}[{i}]", source)
            if date_field is not None:
                check_dated(getattr(item, date_field), f"{kind}[{i}].{date_field}", birth, as_of, source,
                            planned=kind != "conditions")
    return Patient(
        id=record.id,
        as_of=record.as_of,
        birth_date=record.birth_date,
        sex=record.sex,
        observations=tuple(observations),
        conditions=tuple(Condition(c.name, c.code, c.system, c.onset, c.status) for c in record.conditions),
        medications=tuple(Medication(m.name, m.code, m.start, m.end, m.status) for m in record.medications),
        procedures=tuple(Procedure(p.name, p.code, p.date, p.status) for p in record.procedures),
        allergies=tuple(Allergy(a.name, a.code, a.status) for a in record.allergies),
        source=source,
    )
