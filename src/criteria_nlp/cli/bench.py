"""``criteria-nlp bench``: accuracy against the gold encodings and throughput; with ``--lct``
against a Leaf Clinical Trials brat folder.

Registered in cli/__init__.py as ``app.command("bench")(bench_command)``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import CriteriaNLPError


def default_gold_dir() -> Path:
    corpora = Path.cwd() / "corpora"
    if not corpora.is_dir():
        raise CriteriaNLPError("no corpora/ directory here: pass --gold DIR")
    return corpora


def bench_command(
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Directory searched for gold.json files (default: ./corpora; with --lct: none).")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the full results as JSON here.")] = None,
    patients: Annotated[int, typer.Option("--patients", min=0, help="Generated patients per trial for semantic agreement (0: skip).")] = 10_000,
    chia: Annotated[Optional[Path], typer.Option("--chia", help="A Chia brat folder: report has_value coverage.")] = None,
    throughput: Annotated[bool, typer.Option("--throughput/--no-throughput", help="Measure parse speed (~3 s).")] = True,
    lct: Annotated[Optional[Path], typer.Option("--lct", help="A Leaf Clinical Trials brat folder (NCT*.txt/.ann): thresholds, units and entities against its annotations.")] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Parse with the rules only, without the entity recognizer.")] = False,
) -> None:
    """Accuracy against gold files (P/R/F1, exact criteria, semantic agreement) and throughput;
    with --lct, against an LCT corpus folder."""
    from ..bench.run import format_lct_table, format_table, lct_bench, run_bench

    result: dict[str, Any] = {}
    tables = []
    try:
        if lct is None or gold is not None or chia is not None:
            gold_dir = gold if gold is not None else default_gold_dir()
            result = run_bench(gold_dir, chia=chia, throughput=throughput, patients=patients, fast=fast)
            if not result["trials"]:
                raise CriteriaNLPError(f"{gold_dir}: no gold.json found: pass --gold DIR")
            tables.append(format_table(result))
        if lct is not None:
            result["lct"] = lct_bench(lct, fast=fast)
            tables.append(format_lct_table(result["lct"]))
    except CriteriaNLPError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo("\n\n".join(tables))
    if json_out is not None:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"results -> {json_out}")
