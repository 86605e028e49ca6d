"""Batch parsing with worker processes: records stream in, JSONL streams out, in input order.

Nothing is lost and nothing aborts the run:

* a record that fails (bad input, or a bug hit by one text) is reported with its id, source
  and line, and the run goes on; the summary counts ok and failed records;
* output goes to ``OUT.partial`` beside ``OUT`` and replaces ``OUT`` only when the run
  completes, so a failed or killed run never truncates an earlier output, and an output
  that is one of the inputs is refused;
* an interrupted run (Ctrl-C, SIGTERM, a kill) leaves ``OUT.partial``; ``--resume``
  keeps its complete lines and parses only the records whose ids are not among them;
* workers die with the parent: each watches a pipe only the parent holds open, and the
  operating system closes it however the parent ends.

The pipeline is built once in the parent before the workers fork, so on Linux they inherit
it instead of each building their own; elsewhere (spawn) each worker builds it.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .errors import CriteriaNLPError, InputError
from .ingest import INPUT_SUFFIXES, Document, read_path

CHUNK = 64  # documents per worker task (and per nlp.pipe call)
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: bounds memory on any input size
PARTIAL = ".partial"  # suffix of the output being written

Result = tuple[bool, Any]  # (True, JSON line as UTF-8 bytes) or (False, error record dict)


@dataclass(slots=True)
class BatchSummary:
    ok: int = 0
    resumed: int = 0  # trials already in the output, kept by --resume
    failures: list[str] = field(default_factory=list)


class BatchInterrupted(CriteriaNLPError):
    """The run was stopped by a signal; what was written is kept for ``--resume``."""

    def __init__(self, message: str, signum: int) -> None:
        super().__init__(message)
        self.signum = signum


class _Stop(KeyboardInterrupt):
    """Raised in the parent by SIGTERM, so it unwinds like Ctrl-C through every cleanup."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# ---- one record -----------------------------------------------------------------------------

def error_record(message: str, *, id: str | None, source: str | None, line: int | None) -> dict:
    """The JSON record of a failed input, as ``--errors`` writes it."""
    return {"id": id, "source": source, "line": line, "error": message}


def _failure(record: InputError | Document, message: str) -> Result:
    return False, error_record(message, id=record.id, source=record.source, line=record.line)


def _parse_chunk(documents: list[Document], fast: bool = False) -> list[Result]:
    """Runs in a worker: a JSON line or an error record per document.

    The spaCy stage streams the chunk through ``nlp.pipe``; should that fail, each document
    is parsed on its own so one bad record never loses the others."""
    from .api import parse_document
    from .assemble import assemble_trial
    from .pipeline import default_nlp, make_doc
    from .serialize import dumps, trial_to_json

    nlp = default_nlp(fast=fast)
    try:
        docs = list(nlp.pipe(make_doc(nlp, d.text) for d in documents))
    except Exception:  # noqa: BLE001
        docs = [None] * len(documents)
    out: list[Result] = []
    for document, doc in zip(documents, docs):
        try:
            trial = assemble_trial(document, doc) if doc is not None else parse_document(document, fast=fast)
            out.append((True, dumps(trial_to_json(trial)).encode("utf-8")))
        except CriteriaNLPError as err:
            out.append(_failure(document, err.message))
        except Exception as err:  # noqa: BLE001  (one bad record must not lose the others)
            out.append(_failure(document, f"internal error: {type(err).__name__}: {err}"))
    return out


def _chunks(records: Iterable[Document | InputError]) -> Iterator[list[Document | InputError]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _merge(chunk: list[Document | InputError], parsed: list[Result]) -> list[Result]:
    """Put input errors back in their place between the parsed documents."""
    results = iter(parsed)
    return [_failure(r, r.message) if isinstance(r, InputError) else next(results) for r in chunk]


def _documents(chunk: list[Document | InputError]) -> list[Document]:
    return [r for r in chunk if isinstance(r, Document)]


# ---- workers --------------------------------------------------------------------------------

def _worker_start(lifeline: Any, parent_end: Any) -> None:
    """In each worker: close the inherited parent's end of the lifeline, leave Ctrl-C to the
    parent, and exit as soon as the lifeline breaks (the parent is gone or gave up)."""
    parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    threading.Thread(target=_die_with_parent, args=(lifeline,), daemon=True).start()


def _die_with_parent(lifeline: Any) -> None:
    try:
        lifeline.recv()  # nothing is ever sent: this returns only when the pipe breaks
    except (EOFError, OSError):
        pass
    os._exit(1)


def _context() -> multiprocessing.context.BaseContext:
    """fork where the platform has it (workers inherit the built pipeline), else the default."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class _Pool:
    """A process pool whose workers exit with the parent, however it ends."""

    def __init__(self, workers: int) -> None:
        context = _context()
        self.lifeline, self.parent_end = context.Pipe(duplex=False)
        self.executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                                            initargs=(self.lifeline, self.parent_end))

    def submit(self, function: Callable, *args: Any) -> Future:
        return self.executor.submit(function, *args)

    def close(self, *, wait: bool) -> None:
        if wait:
            self.executor.shutdown(wait=True)
        self.parent_end.close()  # every worker still running exits now
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.lifeline.close()


def _build_before_fork(fast: bool) -> None:
    """Build the pipeline, grammar, lexer tables and the ICD-10-CM titles the lexer reads
    diagnoses by in the parent, then move everything built so far out of the collector's
    reach: forked workers share those pages instead of copying them when a collection
    touches their reference counts."""
    from .grammar.lexer import default_tables
    from .grammar.parser import driver
    from .pipeline import default_nlp
    from .terminology import is_diagnosis_title

    default_nlp(fast=fast)
    driver()
    default_tables()
    is_diagnosis_title("")  # loads the titles once, for every worker
    gc.freeze()


def _in_order(chunks: Iterator[list[Document | InputError]], workers: int, fast: bool) -> Iterator[list[Result]]:
    """Parsed chunks in input order; with several workers at most ``IN_FLIGHT_PER_WORKER``
    chunks per worker are pending. A worker that dies (killed, out of memory, a crash in
    native code) breaks the pool: its pending chunks are parsed again one document at a time
    in fresh pools, so only the document that kills a worker is lost (reported failed)."""
    if workers == 1:
        for chunk in chunks:
            yield _merge(chunk, _parse_chunk(_documents(chunk), fast))
        return
    _build_before_fork(fast)
    pool = _Pool(workers)
    try:
        pending: deque[tuple[list, Future]] = deque()
        for chunk in chunks:
            pending.append((chunk, pool.submit(_parse_chunk, _documents(chunk), fast)))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER or (pending and pending[0][1].done()):
                chunk0, future = pending.popleft()
                pool = yield from _collect(chunk0, future, pending, pool, workers, fast)
        while pending:
            chunk0, future = pending.popleft()
            pool = yield from _collect(chunk0, future, pending, pool, workers, fast)
        pool.close(wait=True)
    finally:
        pool.close(wait=False)
        gc.unfreeze()


def _collect(chunk: list, future: Future, pending: deque, pool: _Pool, workers: int, fast: bool):
    """Yield one chunk's results; after a broken pool, recover and resubmit what is pending.
    A task that failed as a whole (a result that cannot be sent back) is retried one
    document at a time."""
    try:
        yield _merge(chunk, future.result())
        return pool
    except BrokenProcessPool:
        pass
    except Exception:  # noqa: BLE001
        yield _merge(chunk, _one_by_one(_documents(chunk), fast))
        return pool
    pool.close(wait=False)
    for chunk0 in [chunk, *(c for c, _ in pending)]:
        yield _merge(chunk0, _one_by_one(_documents(chunk0), fast))
    pending.clear()
    return _Pool(workers)


def _one_by_one(documents: list[Document], fast: bool) -> list[Result]:
    """Each document alone in a one-worker pool: one whose worker dies is reported failed."""
    out: list[Result] = []
    pool = _Pool(1)
    try:
        for document in documents:
            try:
                out.extend(pool.submit(_parse_chunk, [document], fast).result())
            except BrokenProcessPool:
                out.append(_failure(document, "internal error: the worker process died on this record"))
                pool.close(wait=False)
                pool = _Pool(1)
            except Exception as err:  # noqa: BLE001
                out.append(_failure(document, f"internal error: {type(err).__name__}: {err}"))
    finally:
        pool.close(wait=False)
    return out


# ---- output ---------------------------------------------------------------------------------

def partial_path(path: Path) -> Path:
    return path.with_name(path.name + PARTIAL)


def check_paths(input: Path, out: Path, errors: Path | None) -> None:
    """Refuse an output that is an input (or the other output): writing it would destroy
    what is being read."""
    source = input.resolve()
    targets = [("--out", out)] + ([("--errors", errors)] if errors is not None else [])
    for option, path in targets:
        target = path.resolve()
        inside = input.is_dir() and target.is_relative_to(source) and target.suffix.lower() in INPUT_SUFFIXES
        if target == source or inside:
            raise CriteriaNLPError(f"{option} {path}: is an input file of {input}; write the output elsewhere")
    if errors is not None and errors.resolve() == out.resolve():
        raise CriteriaNLPError(f"--errors {errors}: is the same file as --out")


def _done_lines(path: Path) -> tuple[int, Counter]:
    """The byte length of the complete, well-formed JSON lines at the start of ``path`` and
    the ids they hold (a killed run leaves at most a torn last line)."""
    kept, ids = 0, Counter()
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                break
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                break
            ids[record["id"]] += 1
            kept += len(line)
    return kept, ids


def _open_output(out: Path, resume: bool) -> tuple[BinaryIO, Counter]:
    """The partial output file, open for appending, and the ids it already holds.

    Resuming keeps the complete lines of ``OUT.partial`` (an interrupted run), or else of
    ``OUT`` (a finished run whose input has grown)."""
    partial = partial_path(out)
    done: Counter = Counter()
    try:
        if resume and partial.exists():
            kept, done = _done_lines(partial)
            sink = partial.open("r+b")
            sink.truncate(kept)
            sink.seek(kept)
            return sink, done
        sink = partial.open("wb")
        if resume and out.exists():
            kept, done = _done_lines(out)
            with out.open("rb") as previous:
                sink.write(previous.read(kept))
        return sink, done
    except OSError as err:
        raise CriteriaNLPError(f"cannot write {partial}: {err.strerror or err}") from err


def _skip_done(records: Iterable[Document | InputError], done: Counter, summary: BatchSummary):
    """Leave out documents whose ids the output already holds (as often as it holds them)."""
    for record in records:
        if isinstance(record, Document) and done[record.id] > 0:
            done[record.id] -= 1
            summary.resumed += 1
            continue
        yield record


def printable(text: str) -> str:
    """A message safe for any UTF-8 terminal or file: an undecodable input byte (kept as a
    lone surrogate) shows as a replacement character."""
    return text.encode("utf-8", "replace").decode("utf-8")


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM unwinds the parent like Ctrl-C, so the cleanup below always runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _Stop(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_batch(input: Path, out: Path, *, workers: int = 1, errors_path: Path | None = None,
              resume: bool = False, fast: bool = False) -> BatchSummary:
    """``fast``: rules only, without the trained entity recognizer (see ``default_nlp``)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    check_paths(input, out, errors_path)
    summary = BatchSummary()
    sink, done = _open_output(out, resume)
    error_sink = None
    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(stderr=True)  # stdout is for the summary; no bar when not a terminal
    try:
        with _signals_interrupt(), sink, Progress(*columns, console=console, transient=True,
                                                    disable=not console.is_terminal) as progress:
            if errors_path is not None:
                error_sink = partial_path(errors_path).open("w", encoding="utf-8")
            task = progress.add_task("parsing", total=None)
            records = _skip_done(read_path(input), done, summary)
            with closing(_in_order(_chunks(records), workers, fast)) as parsed:
                for merged in parsed:
                    _write(merged, sink, error_sink, summary)
                    progress.advance(task, len(merged))
    except KeyboardInterrupt as err:
        signum = err.signum if isinstance(err, _Stop) else signal.SIGINT
        raise BatchInterrupted(
            f"interrupted: {summary.resumed + summary.ok} trials kept in {partial_path(out)}; "
            "run the same command with --resume to finish", signum) from None
    except OSError as err:
        raise CriteriaNLPError(f"cannot write {err.filename or partial_path(out)}: {err.strerror or err}") from err
    finally:
        if error_sink:
            error_sink.close()
    os.replace(partial_path(out), out)
    if errors_path is not None:
        os.replace(partial_path(errors_path), errors_path)
    return summary


def _write(results: list[Result], sink: BinaryIO, error_sink: TextIO | None, summary: BatchSummary) -> None:
    from .serialize import dumps

    for ok, payload in results:
        if ok:
            sink.write(payload + b"\n")
            summary.ok += 1
            continue
        record = {key: printable(v) if isinstance(v, str) else v for key, v in payload.items()}
        summary.failures.append(_describe(record))
        if error_sink is not None:
            error_sink.write(dumps(record) + "\n")
    sink.flush()


def _describe(record: dict) -> str:
    where = record["source"] or ""
    if record["line"]:
        where += f":{record['line']}"
    if record["id"]:
        where += f" [{record['id']}]" if where else record["id"]
    return f"{where}: {record['error']}" if where else record["error"]
