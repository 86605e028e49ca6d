"""``criteria-nlp export``: registered in cli/__init__.py as ``app.command("export")(export_command)``.

Thin like the other commands: load the trial, delegate to ``criteria_nlp.export``, write
the document, and print each unsupported construct on stderr as one warning line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import CriteriaNLPError, InputError
from ..logic import Trial

FORMAT_HELP = "fhir (R5 ResearchStudy + EvidenceVariable), fhir-r4 (R4 EvidenceVariable), omop (Circe JSON), sql (OMOP CDM, DuckDB), sql-postgres (the same for PostgreSQL), jsonlogic or cql."


def export_command(
    format: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)],
    trial: Annotated[Optional[Path], typer.Option(
        "--trial", "-t",
        help="A criteria-logic JSON file, or criteria text / CT.gov JSON to parse; "
             "default: the bundled reference trial NCT00846833.")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the export to this file instead of stdout.")] = None,
) -> None:
    """Export a trial's eligibility logic as FHIR, OMOP (Circe JSON or SQL), JSON Logic or CQL."""
    from ..export import export

    try:
        loaded = load_trial(trial)
        result = export(loaded, format)
        if out is not None:
            try:
                out.write_text(result.content, encoding="utf-8")
            except OSError as err:
                raise InputError(f"cannot write {out}: {err.strerror or err}") from None
    except CriteriaNLPError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from None
    for item in result.unsupported:
        typer.echo(f"warning: {format}: {item.describe(loaded.text)}", err=True)
    if out is None:
        typer.echo(result.content, nl=False)


def load_trial(path: Path | None) -> Trial:
    from ..api import load_trial as load

    return load(path)
