"""Command line: thin typer commands that delegate to the API and print one-line errors."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import CriteriaNLPError
from .bench import bench_command
from .export import export_command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clinical-trial eligibility criteria into executable logic.")


def _imported() -> None:
    """The libraries a command just imported (spaCy, Lark, pint) live as long as this
    process: moved out of the cyclic collector's reach, a collection during start-up no
    longer walks their objects (about 60 ms of a one-trial parse)."""
    gc.freeze()


def _fail(err: Exception) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code=2)


@app.command()
def parse(
    file: Annotated[Optional[str], typer.Argument(help="Criteria text, CT.gov v2 JSON or registry page; '-' for stdin; none for the reference trial NCT00846833.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, text or html (a review page).")] = "json",
    fast: Annotated[bool, typer.Option("--fast", help="Rules only, without the trained entity recognizer: several times faster; finds the lexicon's concepts and those its word forms name (\"-ectomy\", \"-mab\", \"... syndrome\").")] = False,
) -> None:
    """Parse one trial's criteria and print criteria-logic JSON, a text review or an HTML page."""
    from .. import api, ingest
    from ..render import render_trial
    from ..review import review_page
    from ..serialize import dumps, trial_to_json

    _imported()

    if format not in ("json", "text", "html"):
        _fail(CriteriaNLPError(f"unknown format {format!r} (json, text, html)"))
    try:
        if file is None:
            documents = [ingest.reference_document()]
        elif file == "-":
            documents = ingest.only_documents(ingest.read_input(sys.stdin.read(), source="<stdin>"))
        else:
            documents = ingest.only_documents(ingest.read_path(Path(file)))
        if not documents:
            raise CriteriaNLPError("input holds no trial")
        trials = [api.parse_document(d, fast=fast) for d in documents]
    except CriteriaNLPError as err:
        _fail(err)
        return
    for trial in trials:
        if format == "json":
            typer.echo(dumps(trial_to_json(trial), indent=2))
        elif format == "html":
            typer.echo(review_page(trial))
        else:
            typer.echo(render_trial(trial))


@app.command()
def batch(
    input: Annotated[Path, typer.Argument(help="Directory of .txt/.json files, a JSONL file, or CT.gov v2 JSON.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output JSONL, one criteria-logic object per trial; replaced only when the run completes.")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Also write failed records (id, source, line, error) as JSONL here.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Keep the trials an interrupted run wrote (OUT.partial, else OUT) and parse only the rest.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="Rules only, without the trained entity recognizer: several times faster; finds the lexicon's concepts and those its word forms name (\"-ectomy\", \"-mab\", \"... syndrome\").")] = False,
) -> None:
    """Parse many trials; a bad record is reported and skipped, never fatal to the run."""
    from ..batch import BatchInterrupted, run_batch

    if not input.exists():
        _fail(CriteriaNLPError(f"{input}: no such file or directory"))
    try:
        summary = run_batch(input, out, workers=workers, errors_path=errors, resume=resume, fast=fast)
    except BatchInterrupted as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=128 + err.signum) from err
    except CriteriaNLPError as err:
        _fail(err)
        return
    for failure in summary.failures:
        typer.echo(f"failed: {failure}", err=True)
    resumed = f" ({summary.resumed} kept from before)" if summary.resumed else ""
    typer.echo(f"{summary.ok + summary.resumed} ok{resumed}, {len(summary.failures)} failed -> {out}")
    raise typer.Exit(code=1 if summary.failures else 0)


@app.command()
def check(
    patient: Annotated[Path, typer.Option("--patient", "-p", help="A patient record (native JSON or FHIR R4 Bundle) or a directory of them.")],
    trial: Annotated[Optional[str], typer.Option("--trial", "-t", help="criteria-logic JSON, criteria text or CT.gov JSON; none for the reference trial NCT00846833.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    closed_world: Annotated[bool, typer.Option("--closed-world", help="Treat the record's conditions, drugs, procedures and allergies as complete: absent means no.")] = False,
) -> None:
    """Check patients against a trial: met / not met / unknown per criterion, with evidence."""
    from ..check import check as run_check
    from ..evaluate import Options

    _imported()

    try:
        output, code = run_check(trial, patient, format=format, options=Options(closed_world=closed_world))
    except CriteriaNLPError as err:
        _fail(err)
        return
    typer.echo(output)
    raise typer.Exit(code=code)


app.command("bench")(bench_command)
app.command("export")(export_command)


def main() -> None:  # pragma: no cover
    app()
