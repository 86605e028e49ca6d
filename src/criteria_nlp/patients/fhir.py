"""FHIR R4 Bundles into the native patient record, parsed with fhir.resources' R4B models.

fhir.resources 8.x defaults to R5; its ``R4B`` subpackage reads R4-shaped JSON for every
resource used here. The Bundle is first validated as FHIR (a malformed Bundle is a
``PatientError`` with the FHIR path), then each resource is mapped onto the native JSON
shape, which goes through the same validation as a native record: one model, one set of
checks. Errors found at that stage name the Bundle entry the fact came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from ..errors import PatientError
from ..lexicon import LOINC
from ..units import UnitError, convert
from .native import patient_from_json, problem
from .record import Patient

UCUM = "http://unitsofmeasure.org"
_NATIVE_PATH = re.compile(r"^(observations|conditions|medications|procedures|allergies)\[(\d+)\]")


def patient_from_bundle(raw: Any, *, source: str | None = None) -> Patient:
    """Patient, Observation, Condition, MedicationStatement/Request, Procedure, AllergyIntolerance.

    ``as_of`` is the Bundle's ``timestamp`` (the day the record was assembled), else today.
    """
    from fhir.resources.R4B.bundle import Bundle

    if not isinstance(raw, dict) or raw.get("resourceType") != "Bundle":
        kind = raw.get("resourceType") if isinstance(raw, dict) else type(raw).__name__
        raise PatientError(f"expected a FHIR Bundle, got {kind!r}", field="resourceType", source=source)
    try:
        bundle = Bundle.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        raise PatientError(f"not a valid FHIR R4 Bundle: {first['msg']}",
                           field=_fhir_path(first["loc"]) or "Bundle", source=source) from err
    except (KeyError, TypeError, ValueError) as err:  # e.g. an unknown resourceType inside
        raise PatientError(f"not a valid FHIR R4 Bundle: {err}", field="Bundle", source=source) from err
    try:
        native, origin = _native(bundle)
    except PatientError as err:
        raise PatientError(problem(err), field=err.field, source=source) from err
    try:
        return patient_from_json(native, source=source)
    except PatientError as err:
        raise _from_entry(err, origin, source) from err


def _fhir_path(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{item}]" if isinstance(item, int) else f".{item}" for item in loc).lstrip(".")


def _from_entry(err: PatientError, origin: dict[str, str], source: str | None) -> PatientError:
    """``observations[2].unit`` -> ``entry[5](Observation).unit``: point at the Bundle."""
    field = err.field or ""
    match = _NATIVE_PATH.match(field)
    if match and match.group() in origin:
        field = origin[match.group()] + field[match.end():]
    return PatientError(problem(err), field=field or None, source=source)


def _native(bundle: Any) -> tuple[dict[str, Any], dict[str, str]]:
    record: dict[str, Any] = {"observations": [], "conditions": [], "medications": [],
                              "procedures": [], "allergies": []}
    origin: dict[str, str] = {}
    entries = [(i, e.resource) for i, e in enumerate(bundle.entry or ()) if e.resource is not None]
    medications = {f"Medication/{r.id}": r for _, r in entries if r.get_resource_type() == "Medication"}
    patients = []
    for index, resource in entries:
        kind = resource.get_resource_type()
        where = f"entry[{index}]({kind})"
        if kind == "Patient":
            patients.append(resource)
            continue
        mapper = _MAPPERS.get(kind)
        if mapper is None:
            continue
        target, fact = mapper(resource, medications, where)
        origin[f"{target}[{len(record[target])}]"] = where
        record[target].append(_compact(fact))
    if len(patients) != 1:
        raise PatientError(f"a Bundle must hold exactly one Patient, found {len(patients)}", field="entry")
    patient = patients[0]
    record["id"] = patient.id or bundle.id or "patient"
    record["birth_date"] = _date(patient.birthDate)
    record["sex"] = patient.gender
    record["as_of"] = _date(bundle.timestamp) or dt.date.today().isoformat()
    return _compact(record), origin


def _compact(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _date(value: Any) -> str | None:
    """FHIR dates may be partial ("1970", "1970-02"): they count from the period's first day."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    parts = str(value).split("T")[0].split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _period_start(period: Any) -> Any:
    return period.start if period is not None else None


def _coding(concept: Any, prefer: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(name, code, system) of a CodeableConcept, preferring a coding from ``prefer``."""
    if concept is None:
        return None, None, None
    codings = list(concept.coding or ())
    preferred = [c for c in codings if c.system == prefer] or codings
    coding = preferred[0] if preferred else None
    name = concept.text or (coding.display if coding else None)
    return name, coding.code if coding else None, coding.system if coding else None


def _status(concept: Any) -> str | None:
    return _coding(concept)[1]


def _quantity_unit(quantity: Any) -> str | None:
    if quantity is None:
        return None
    if quantity.code and (quantity.system in (None, UCUM)):
        return quantity.code
    return quantity.unit


def _number(value: Any) -> float | None:
    return float(value) if value is not None else None


def _observation(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, _ = _coding(resource.code, LOINC)
    unit = None
    if resource.valueQuantity is not None:
        value: Any = _number(resource.valueQuantity.value)
        unit = _quantity_unit(resource.valueQuantity)
    elif resource.valueBoolean is not None:
        value = resource.valueBoolean
    elif resource.valueInteger is not None:
        value = float(resource.valueInteger)
    else:
        value = None
    limits = None
    if resource.referenceRange:
        first = resource.referenceRange[0]
        limits = _compact({"low": _limit(first.low, unit, f"{where}.referenceRange[0].low"),
                           "high": _limit(first.high, unit, f"{where}.referenceRange[0].high")})
    effective = (resource.effectiveDateTime or _period_start(resource.effectivePeriod)
                 or resource.effectiveInstant or resource.issued)
    return "observations", {"name": name, "code": code, "value": value, "unit": unit,
                            "reference_range": limits or None, "date": _date(effective),
                            "status": resource.status}


def _limit(quantity: Any, unit: str | None, where: str) -> float | None:
    """A range limit in the value's unit (converted when the lab wrote it in another)."""
    if quantity is None or quantity.value is None:
        return None
    own = _quantity_unit(quantity)
    if own is None or unit is None or own == unit:
        return float(quantity.value)
    try:
        return convert(float(quantity.value), own, unit)
    except UnitError as err:
        raise PatientError(err.message, field=where) from err


def _condition(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, system = _coding(resource.code)
    verification = _status(resource.verificationStatus)
    status = verification if verification in ("refuted", "entered-in-error") else _status(resource.clinicalStatus)
    onset = resource.onsetDateTime or _period_start(resource.onsetPeriod)
    return "conditions", {"name": name, "code": code, "system": system, "onset": _date(onset), "status": status}


def _medication_concept(resource: Any, medications: dict) -> Any:
    if resource.medicationCodeableConcept is not None:
        return resource.medicationCodeableConcept
    reference = resource.medicationReference.reference if resource.medicationReference else None
    medication = medications.get(reference)
    return medication.code if medication is not None else None


def _medication_statement(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, _ = _coding(_medication_concept(resource, medications))
    period = resource.effectivePeriod
    start = resource.effectiveDateTime or _period_start(period)
    end = (period.end if period is not None else None) or resource.effectiveDateTime
    return "medications", {"name": name, "code": code, "start": _date(start), "end": _date(end),
                           "status": resource.status}


def _medication_request(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, _ = _coding(_medication_concept(resource, medications))
    bounds = None
    for dosage in resource.dosageInstruction or ():
        repeat = dosage.timing.repeat if dosage.timing is not None else None
        if repeat is not None and repeat.boundsPeriod is not None:
            bounds = repeat.boundsPeriod
            break
    start = _period_start(bounds) or resource.authoredOn
    end = bounds.end if bounds is not None else None
    return "medications", {"name": name, "code": code, "start": _date(start), "end": _date(end),
                           "status": resource.status}


def _procedure(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, _ = _coding(resource.code)
    performed = resource.performedDateTime or _period_start(resource.performedPeriod)
    return "procedures", {"name": name, "code": code, "date": _date(performed), "status": resource.status}


def _allergy(resource: Any, medications: dict, where: str) -> tuple[str, dict[str, Any]]:
    name, code, _ = _coding(resource.code)
    verification = _status(resource.verificationStatus)
    status = verification if verification in ("refuted", "entered-in-error") else _status(resource.clinicalStatus)
    return "allergies", {"name": name, "code": code, "status": status}


_MAPPERS = {
    "Observation": _observation,
    "Condition": _condition,
    "MedicationStatement": _medication_statement,
    "MedicationRequest": _medication_request,
    "Procedure": _procedure,
    "AllergyIntolerance": _allergy,
}
