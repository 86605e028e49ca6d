"""``criteria-nlp bench``: accuracy against the gold encodings and throughput.

Registered in cli/__init__.py as ``app.command("bench")(bench_command)``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import CriteriaNLPError


def default_gold_dir() -> Path:
    corpora = Path.cwd() / "corpora"
    if not corpora.is_dir():
        raise CriteriaNLPError("no corpora/ directory here: pass --gold DIR")
    return corpora


def bench_command(
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Directory searched for gold.json files (default: ./corpora).")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the full results as JSON here.")] = None,
    patients: Annotated[int, typer.Option("--patients", min=0, help="Generated patients per trial for semantic agreement (0: skip).")] = 10_000,
    chia: Annotated[Optional[Path], typer.Option("--chia", help="A Chia brat folder: report has_value coverage.")] = None,
    throughput: Annotated[bool, typer.Option("--throughput/--no-throughput", help="Measure parse speed (~3 s).")] = True,
) -> None:
    """Accuracy against gold files (P/R/F1, exact criteria, semantic agreement) and throughput."""
    from ..bench.run import format_table, run_bench

    try:
        gold_dir = gold if gold is not None else default_gold_dir()
        result = run_bench(gold_dir, chia=chia, throughput=throughput, patients=patients)
        if not result["trials"]:
            raise CriteriaNLPError(f"{gold_dir}: no gold.json found: pass --gold DIR")
    except CriteriaNLPError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(format_table(result))
    if json_out is not None:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"results -> {json_out}")
