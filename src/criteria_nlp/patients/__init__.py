"""Patient records in: the native JSON contract and FHIR R4 Bundles, both read into the
frozen facts of ``record``; ``vocabulary`` says which record entries answer a criterion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import PatientError
from .fhir import patient_from_bundle
from .native import json_schema, patient_from_json, problem
from .record import Allergy, Condition, Medication, Observation, Patient, Procedure, ReferenceRange

__all__ = [
    "Allergy", "Condition", "Medication", "Observation", "Patient", "Procedure", "ReferenceRange",
    "json_schema", "load_patient", "patient_from_bundle", "patient_from_json", "problem", "read_patient",
]


def read_patient(raw: Any, *, source: str | None = None) -> Patient:
    """A native record or a FHIR Bundle, told apart by FHIR's ``resourceType``."""
    if isinstance(raw, dict) and "resourceType" in raw:
        return patient_from_bundle(raw, source=source)
    return patient_from_json(raw, source=source)


def load_patient(path: str | Path) -> Patient:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise PatientError(f"cannot read file: {err}", source=str(path)) from err
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise PatientError(f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}",
                           source=str(path)) from err
    except RecursionError as err:
        raise PatientError("JSON nested too deeply", source=str(path)) from err
    return read_patient(raw, source=str(path))
