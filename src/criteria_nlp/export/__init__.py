"""Exports of a trial's logic tree, one adapter module per format.

``FORMATS`` maps a format name to a function ``trial -> ExportResult``; each adapter
lists what it cannot express in ``ExportResult.unsupported`` (never dropping a node
silently) and raises ``ExportError`` only when the format refuses the trial as a whole.
Adapters are imported on first use, so asking for JSON Logic does not load FHIR models.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from types import MappingProxyType

from ..errors import ExportError
from ..logic import Trial
from .base import ExportResult, Unsupported

__all__ = ["FORMATS", "SUFFIXES", "ExportError", "ExportResult", "Unsupported", "export"]

_ADAPTERS = {
    "fhir": ("fhir", "export_fhir_r5"),
    "fhir-r4": ("fhir", "export_fhir_r4"),
    "omop": ("omop", "export_omop"),
    "sql": ("sql", "export_sql"),
    "sql-postgres": ("sql", "export_sql_postgres"),
    "jsonlogic": ("jsonlogic", "export_jsonlogic"),
    "cql": ("cql", "export_cql"),
}

# File name suffix of each format's document.
SUFFIXES: Mapping[str, str] = MappingProxyType({
    "fhir": ".json", "fhir-r4": ".json", "omop": ".json", "sql": ".sql", "sql-postgres": ".sql", "jsonlogic": ".json", "cql": ".cql",
})


def _adapter(module: str, function: str) -> Callable[[Trial], ExportResult]:
    def run(trial: Trial) -> ExportResult:
        return getattr(import_module(f".{module}", __name__), function)(trial)

    run.__name__ = function
    run.__doc__ = f"Export a trial with criteria_nlp.export.{module}.{function}."
    return run


FORMATS: Mapping[str, Callable[[Trial], ExportResult]] = MappingProxyType(
    {name: _adapter(module, function) for name, (module, function) in _ADAPTERS.items()})


def export(trial: Trial, format: str) -> ExportResult:
    """Export ``trial`` in ``format`` (a key of ``FORMATS``)."""
    try:
        adapter = FORMATS[format]
    except KeyError:
        raise ExportError(f"unknown export format {format!r} ({', '.join(sorted(FORMATS))})") from None
    return adapter(trial)
