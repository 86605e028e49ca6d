"""Batch parsing with worker processes: records stream in, JSONL streams out, in input order.

A record that fails (bad input, or a bug hit by one text) is reported with its source and
reason and the run goes on; the summary counts ok and failed records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .errors import CriteriaNLPError, InputError
from .ingest import Document, read_path
from .serialize import trial_to_json

CHUNK = 64


@dataclass(slots=True)
class BatchSummary:
    ok: int = 0
    failures: list[str] = field(default_factory=list)


def _parse_chunk(documents: list[Document]) -> list[tuple[bool, str]]:
    """Runs in a worker: (True, json line) or (False, 'source: reason') per document.

    The spaCy stage streams the chunk through ``nlp.pipe``; should that fail, each document
    is parsed on its own so one bad record never loses the others."""
    from .api import parse_document
    from .assemble import assemble_trial
    from .pipeline import default_nlp, make_doc

    nlp = default_nlp()
    try:
        docs = list(nlp.pipe(make_doc(nlp, d.text) for d in documents))
    except Exception:  # noqa: BLE001
        docs = [None] * len(documents)
    out = []
    for document, doc in zip(documents, docs):
        try:
            trial = assemble_trial(document, doc) if doc is not None else parse_document(document)
            out.append((True, json.dumps(trial_to_json(trial), ensure_ascii=False)))
        except CriteriaNLPError as err:
            out.append((False, f"{document.source or document.id}: {err}"))
        except Exception as err:  # noqa: BLE001  (one bad record must not lose the others)
            out.append((False, f"{document.source or document.id}: internal error: {type(err).__name__}: {err}"))
    return out


def _chunks(records: Iterable[Document | InputError]) -> Iterator[list[Document | InputError]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def run_batch(input: Path, out: Path, *, workers: int = 1, errors_path: Path | None = None) -> BatchSummary:
    summary = BatchSummary()
    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        sink = out.open("w", encoding="utf-8")
    except OSError as err:
        raise CriteriaNLPError(f"cannot write {out}: {err.strerror or err}") from err
    error_sink = errors_path.open("w", encoding="utf-8") if errors_path else None
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        with sink, Progress(*columns, transient=True) as progress:
            task = progress.add_task("parsing", total=None)

            def results() -> Iterator[list[Document | InputError | tuple[bool, str]]]:
                chunks = _chunks(read_path(input))
                if pool is None:
                    for chunk in chunks:
                        yield _merge(chunk, _parse_chunk([r for r in chunk if isinstance(r, Document)]))
                    return
                pending = []
                for chunk in chunks:
                    docs = [r for r in chunk if isinstance(r, Document)]
                    pending.append((chunk, pool.submit(_parse_chunk, docs)))
                    if len(pending) >= workers * 4:
                        chunk0, future = pending.pop(0)
                        yield _merge(chunk0, future.result())
                for chunk0, future in pending:
                    yield _merge(chunk0, future.result())

            for merged in results():
                for ok, line in merged:
                    if ok:
                        sink.write(line + "\n")
                        summary.ok += 1
                    else:
                        summary.failures.append(line)
                        if error_sink:
                            error_sink.write(json.dumps({"error": line}, ensure_ascii=False) + "\n")
                    progress.advance(task)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if error_sink:
            error_sink.close()
    return summary


def _merge(chunk: list[Document | InputError], parsed: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Put input errors back in their place between the parsed documents."""
    results = iter(parsed)
    return [(False, str(r)) if isinstance(r, InputError) else next(results) for r in chunk]
