"""What ``criteria-nlp check`` does: load a trial and patients, evaluate, render the report.

The CLI only delegates here. A directory of patients is checked record by record: a bad
record is reported and the others are still checked (exit status 1); a single bad patient
file, or a trial that cannot be read, raises the error for a one-line message.
"""

from __future__ import annotations

from pathlib import Path

from .errors import CriteriaNLPError, InputError, PatientError
from .evaluate import Evaluator, Options, TrialResult
from .evaluation_json import STATUS, trial_result_to_json
from .logic import Trial
from .patients import Patient, load_patient, problem
from .render import render_node
from .serialize import dumps

FORMATS = ("text", "json")


def load_trial(spec: str | Path | None) -> Trial:
    from .api import load_trial as load  # spaCy and the grammars load only when a trial needs parsing

    return load(spec)


def load_patients(spec: str | Path) -> list[Patient | PatientError]:
    """One file (its error is raised) or every ``*.json`` of a directory (errors kept in place)."""
    path = Path(spec)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise InputError("directory holds no .json patient records", source=str(path))
        records: list[Patient | PatientError] = []
        for file in files:
            try:
                records.append(load_patient(file))
            except PatientError as err:
                records.append(err)
            except Exception as err:  # noqa: BLE001  (one record must not stop the directory)
                records.append(PatientError(f"cannot be read: {type(err).__name__}: {err}", source=str(file)))
        return records
    if not path.is_file():
        raise InputError("no such file or directory", source=str(path))
    return [load_patient(path)]


def check(trial: str | Path | None, patients: str | Path, *, format: str = "text",
          options: Options | None = None) -> tuple[str, int]:
    """The report and the exit status: 0 when every record was checked, 1 when one was bad."""
    if format not in FORMATS:
        raise CriteriaNLPError(f"unknown format {format!r} ({', '.join(FORMATS)})")
    loaded = load_trial(trial)
    results: list[TrialResult] = []
    errors: list[PatientError] = []
    for record in load_patients(patients):
        if isinstance(record, PatientError):
            errors.append(record)
            continue
        try:
            results.append(Evaluator(record, options).trial(loaded))
        except Exception as err:  # noqa: BLE001  (one record must not stop the others)
            errors.append(PatientError(f"cannot be evaluated: {type(err).__name__}: {err}", source=record.source))
    if format == "json":
        payload = {
            "trial": loaded.id,
            "results": [trial_result_to_json(r) for r in results],
            "errors": [{"source": e.source, "field": e.field, "message": problem(e)} for e in errors],
        }
        text = dumps(payload, indent=2)
    else:
        text = "\n\n".join([render_result(r) for r in results] + [f"error: {e}" for e in errors])
    return text, 1 if errors else 0


def render_result(result: TrialResult) -> str:
    """A terminal report: the verdict, then each criterion with the evidence of its atoms."""
    deciding = f" (deciding: {', '.join(result.deciding)})" if result.deciding else ""
    lines = [f"{result.trial_id} / {result.patient_id} as of {result.as_of}: {result.verdict.value}{deciding}"]
    for criterion in result.criteria:
        lines.append(f"  {STATUS[criterion.truth]:<8} {criterion.criterion.id:<8} {criterion.criterion.text}")
        for evidence in criterion.evidence:
            lines.append(f"      {evidence.truth.value:<7} {render_node(evidence.node)}: {evidence.reason}")
        for fragment in criterion.unparsed:
            lines.append(f"      unknown unparsed {fragment.text!r}")
    return "\n".join(lines)
