"""A batch with corrupt records keeps every good one; a killed batch leaves no worker and resumes.

Builds a JSONL of ``--records`` trials (the Chia trials, cycled, each under an id of its
own) in which a share ``--corrupt`` of the lines is broken, the kinds in turn: a byte that
is not UTF-8, a lone surrogate (a JSON "\\ud800" escape), 100,000 nested brackets, empty
text, a blank line, malformed JSON, and text over the 2,000,000-character limit (at most
``HUGE`` of those, to keep the file small). Then:

1. ``criteria-nlp batch`` with ``--workers``: every good record must be in the output, in
   input order, and every corrupt one in the errors file with its line (and id where the
   line names one);
2. the same batch killed with SIGKILL once it has written a third of its output: the
   process group (parent and workers) must be gone within ``GRACE_S``; ``--resume`` must
   then finish it with output byte-identical to the uninterrupted run.

Usage: ``python benchmarks/batch_faults.py [--records 10000] [--corrupt 0.05] [--workers 2]
[--json OUT]``
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHIA = REPO.parent / "shared" / "corpora" / "chia" / "chia_without_scope"
KINDS = ("bad-byte", "surrogate", "nested", "empty", "blank", "malformed", "huge")
HUGE = 10
HUGE_CHARS = 2_000_001
GRACE_S = 10.0


def _trials() -> list[tuple[str, str]]:
    from criteria_nlp.bench import chia

    return [(trial.id, trial.text) for trial in chia.iter_trials(CHIA)]


def build(path: Path, records: int, share: float) -> tuple[list[str], dict[str, int]]:
    """Write the batch; returns the ids of the good records in order and counts per kind."""
    trials = _trials()
    every = round(1 / share)
    good, kinds = [], {kind: 0 for kind in KINDS}
    with path.open("wb") as out:
        for i in range(records):
            source_id, text = trials[i % len(trials)]
            record_id = f"{source_id}-{i}"
            if i % every != every - 1:
                good.append(record_id)
                out.write(json.dumps({"id": record_id, "text": text}).encode() + b"\n")
                continue
            kind = KINDS[(i // every) % len(KINDS)]
            if kind == "huge" and kinds["huge"] >= HUGE:
                kind = "malformed"
            kinds[kind] += 1
            out.write(_corrupt(kind, record_id, text) + b"\n")
    return good, kinds


def _corrupt(kind: str, record_id: str, text: str) -> bytes:
    head = b'{"id": "' + record_id.encode() + b'", '
    if kind == "bad-byte":
        return head + b'"text": ' + json.dumps(text[:200]).encode()[:-1] + b' \xff\xfe"}'
    if kind == "surrogate":
        return head + b'"text": "Age > 18 \\ud800"}'
    if kind == "nested":
        return head + b'"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    if kind == "empty":
        return head + b'"text": ""}'
    if kind == "blank":
        return b"   "
    if kind == "malformed":
        return head + b'"text": "unterminated'
    return head + b'"text": "' + b"x " * (HUGE_CHARS // 2 + 1) + b'"}'


def _command(source: Path, out: Path, errors: Path, workers: int, *extra: str) -> list[str]:
    return [str(Path(sys.executable).parent / "criteria-nlp"), "batch", str(source), "--out", str(out),
            "--errors", str(errors), "--workers", str(workers), *extra]


def full_run(source: Path, folder: Path, workers: int, good: list[str]) -> dict:
    out, errors = folder / "out.jsonl", folder / "errors.jsonl"
    started = time.perf_counter()
    done = subprocess.run(_command(source, out, errors, workers), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    return {
        "exit_status": done.returncode,
        "seconds": round(seconds, 1),
        "good_records": len(good),
        "good_records_kept": len(set(ids) & set(good)),
        "output_is_every_good_record_in_order": ids == good,
        "failed_records_reported": len(failed),
        "failed_with_line": sum(f["line"] is not None for f in failed),
        "failed_with_id": sum(f["id"] is not None for f in failed),
        "summary_line": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-300:],
    }


def killed_and_resumed(source: Path, folder: Path, workers: int, reference: Path) -> dict:
    out, errors = folder / "resumed.jsonl", folder / "resumed-errors.jsonl"
    partial = out.with_name(out.name + ".partial")
    target = reference.stat().st_size // 3
    parent = subprocess.Popen(_command(source, out, errors, workers), start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while parent.poll() is None and not (partial.exists() and partial.stat().st_size >= target):
        time.sleep(0.05)
    written = partial.stat().st_size if partial.exists() else 0
    parent.kill()
    parent.wait()
    untouched = not out.exists()
    killed_at = time.perf_counter()
    survivors_gone_s = None
    while time.perf_counter() - killed_at < GRACE_S:
        try:
            os.killpg(parent.pid, 0)
        except ProcessLookupError:
            survivors_gone_s = round(time.perf_counter() - killed_at, 2)
            break
        time.sleep(0.05)
    else:
        os.killpg(parent.pid, signal.SIGKILL)
    resumed = subprocess.run(_command(source, out, errors, workers, "--resume"), capture_output=True,
                             text=True, check=False)
    return {
        "bytes_written_before_kill": written,
        "no_output_replaced_by_the_killed_run": untouched,
        "workers_gone_after_s": survivors_gone_s,
        "resume_exit_status": resumed.returncode,
        "resume_summary": resumed.stdout.strip().splitlines()[-1] if resumed.stdout.strip() else resumed.stderr[-300:],
        "resumed_output_identical_to_uninterrupted": out.read_bytes() == reference.read_bytes(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--corrupt", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "batch.jsonl"
        good, kinds = build(source, options.records, options.corrupt)
        report = {"records": options.records, "corrupt_by_kind": kinds, "workers": options.workers,
                  "full_run": full_run(source, folder, options.workers, good)}
        report["killed_and_resumed"] = killed_and_resumed(source, folder, options.workers, folder / "out.jsonl")
    text = json.dumps(report, indent=2)
    print(text)
    if options.json:
        options.json.write_text(text + "\n", encoding="utf-8")
    run, resumed = report["full_run"], report["killed_and_resumed"]
    ok = (run["output_is_every_good_record_in_order"] and run["failed_records_reported"] == sum(kinds.values())
          and resumed["workers_gone_after_s"] is not None and resumed["resumed_output_identical_to_uninterrupted"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
