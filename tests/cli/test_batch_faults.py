"""Batch robustness: nothing lost, nothing aborted, outputs never destroyed (issue 10)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from criteria_nlp import batch
from criteria_nlp.cli import app

runner = CliRunner()
GOOD = "Inclusion Criteria:\n- Age > {}\n"


def _jsonl(path, count, start=0):
    path.write_text("".join(json.dumps({"id": f"t{i}", "text": GOOD.format(i)}) + "\n"
                            for i in range(start, start + count)))
    return path


def _ids(path):
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


# ---- item 1: the output never destroys an input or an earlier output -------------------------

def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    source = _jsonl(tmp_path / "x.jsonl", 3)
    before = source.read_bytes()
    for args in (["--out", str(source)], ["--out", str(tmp_path / "o.jsonl"), "--errors", str(source)],
                 ["--out", str(tmp_path / "." / "x.jsonl")]):
        result = runner.invoke(app, ["batch", str(source), *args])
        assert result.exit_code == 2, args
        assert result.output.startswith("error: --") and "is an input file" in result.output
        assert result.output.count("\n") == 1
    assert source.read_bytes() == before


def test_an_output_inside_an_input_directory_is_refused(tmp_path):
    (tmp_path / "NCT1.txt").write_text(GOOD.format(1))
    result = runner.invoke(app, ["batch", str(tmp_path), "--out", str(tmp_path / "NCT1.txt")])
    assert result.exit_code == 2 and "is an input file" in result.output
    result = runner.invoke(app, ["batch", str(tmp_path), "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2 and "is an input file" in result.output


def test_a_failed_run_leaves_an_existing_output_untouched(tmp_path, monkeypatch):
    source = _jsonl(tmp_path / "in.jsonl", 3 * batch.CHUNK)
    out = tmp_path / "out.jsonl"
    out.write_text("earlier results\n")
    calls = []
    original = batch._parse_chunk

    def interrupted_on_the_second_chunk(documents, fast):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(documents, fast)

    monkeypatch.setattr(batch, "_parse_chunk", interrupted_on_the_second_chunk)
    result = runner.invoke(app, ["batch", str(source), "--out", str(out)])
    assert result.exit_code == 128 + signal.SIGINT
    assert result.output.startswith("error: interrupted: 64 trials kept in") and "--resume" in result.output
    assert result.output.count("\n") == 1
    assert out.read_text() == "earlier results\n"
    assert _ids(batch.partial_path(out)) == [f"t{i}" for i in range(batch.CHUNK)]


# ---- item 2 and 6: one bad record is reported (id, source, line); the others are kept ---------

def test_bad_records_are_reported_with_id_source_and_line_and_good_ones_kept(tmp_path):
    lines = [
        json.dumps({"id": "good-1", "text": GOOD.format(1)}).encode(),
        b'{"id": "bad-byte", "text": "Age > 18 \xff\xfe"}',
        b'{"id": "surrogate", "text": "Age > 18 \\ud800"}',
        b'{"id": "nested", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        json.dumps({"id": "brackets", "text": "(" * 20_000 + ")" * 20_000}).encode(),
        b"",
        json.dumps({"id": "empty", "text": "  \n "}).encode(),
        b'{"id": "malformed", "text": ',
        json.dumps({"id": "good-2", "text": GOOD.format(2)}).encode(),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--errors", str(errors)])
    assert result.exit_code == 1
    assert _ids(out) == ["good-1", "brackets", "good-2"]
    failed = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(f["id"], f["line"]) for f in failed] == [
        ("bad-byte", 2), ("surrogate", 3), ("nested", 4), (None, 6), ("empty", 7), ("malformed", 8)]
    assert all(f["source"] == str(source) for f in failed)
    reasons = [f["error"] for f in failed]
    assert "not valid Unicode" in reasons[0] and "U+DCFF" in reasons[0]
    assert "not valid Unicode" in reasons[1] and "U+D800" in reasons[1]
    assert reasons[2] == "JSON nested too deeply"
    assert reasons[3] == "blank line: no record"
    assert reasons[4].startswith("no criteria text")
    assert reasons[5].startswith("malformed JSON")
    assert "3 ok, 6 failed" in result.output


def test_error_records_of_files_carry_the_file_stem_or_the_nct_id(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "NCT5.txt").write_text("")
    (folder / "page.json").write_text(json.dumps(
        {"protocolSection": {"identificationModule": {"nctId": "NCT09000009"}}}))
    errors = tmp_path / "errors.jsonl"
    runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "o.jsonl"), "--errors", str(errors)])
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(f["id"], f["source"]) for f in failed] == [
        ("NCT5", str(folder / "NCT5.txt")), ("NCT09000009", str(folder / "page.json"))]


# ---- item 8: --resume; workers end with the parent -------------------------------------------

def test_resume_keeps_complete_lines_and_parses_only_the_rest(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    kept = [json.dumps({"id": f"t{i}", "kept": True}) for i in range(3)]
    batch.partial_path(out).write_text("\n".join(kept) + '\n{"id": "t3", "te')  # a torn last line
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert "6 ok (3 kept from before)" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == [f"t{i}" for i in range(6)]
    assert [r.get("kept", False) for r in lines] == [True] * 3 + [False] * 3
    assert not batch.partial_path(out).exists()


def test_resume_after_a_complete_run_adds_only_new_records(tmp_path):
    source = _jsonl(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", str(source), "--out", str(out)]).exit_code == 0
    first = out.read_text()
    _jsonl(source, 3)
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--resume"])
    assert "3 ok (2 kept from before)" in result.output
    assert out.read_text().startswith(first) and _ids(out) == ["t0", "t1", "t2"]


def test_a_record_that_kills_its_worker_costs_only_that_record(tmp_path, monkeypatch):
    source = _jsonl(tmp_path / "in.jsonl", 3 * batch.CHUNK)
    monkeypatch.setattr(batch, "_parse_chunk", _dies_on_t70)  # before the fork: workers inherit it
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--errors", str(errors), "-w", "2"])
    assert result.exit_code == 1, result.output
    assert _ids(out) == [f"t{i}" for i in range(3 * batch.CHUNK) if i != 70]
    [failed] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert failed["id"] == "t70" and "worker process died" in failed["error"]


_PARSE_CHUNK = batch._parse_chunk


def _dies_on_t70(documents, fast):
    """A worker killed by one record, as by a crash in native code or the OOM killer."""
    if any(d.id == "t70" for d in documents):
        os._exit(9)
    return _PARSE_CHUNK(documents, fast)


def test_a_worker_exits_when_its_lifeline_to_the_parent_breaks():
    context = batch._context()
    lifeline, parent_end = context.Pipe(duplex=False)
    worker = context.Process(target=_sleep_as_worker, args=(lifeline, parent_end))
    worker.start()
    lifeline.close()
    parent_end.close()  # what the OS does when the parent dies, however it dies
    worker.join(timeout=30)
    assert worker.exitcode == 1


def _sleep_as_worker(lifeline, parent_end):
    batch._worker_start(lifeline, parent_end)
    time.sleep(60)


def test_sigterm_stops_the_batch_like_ctrl_c_and_keeps_what_was_written(tmp_path, monkeypatch):
    source = _jsonl(tmp_path / "in.jsonl", 3 * batch.CHUNK)
    out = tmp_path / "out.jsonl"
    calls = []
    original = batch._parse_chunk

    def terminated_on_the_second_chunk(documents, fast):
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        return original(documents, fast)

    monkeypatch.setattr(batch, "_parse_chunk", terminated_on_the_second_chunk)
    result = runner.invoke(app, ["batch", str(source), "--out", str(out)])
    assert result.exit_code == 128 + signal.SIGTERM
    assert result.output.startswith("error: interrupted: 64 trials kept in")
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is the batch's only
    assert not out.exists() and len(_ids(batch.partial_path(out))) == batch.CHUNK


def test_workers_of_a_parent_killed_with_sigkill_exit(tmp_path):
    """No handler runs on SIGKILL: only the operating system, closing the parent's end of
    the lifeline, can tell the workers (busy for a minute) to go."""
    script = ("import time\nfrom criteria_nlp import batch\npool = batch._Pool(2)\n"
              "futures = [pool.submit(time.sleep, 60) for _ in range(2)]\nprint('ready', flush=True)\n"
              "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, stdout=subprocess.PIPE)
    assert parent.stdout.readline() == b"ready\n"
    parent.kill()
    parent.wait(timeout=30)
    for _ in range(300):  # the whole process group (parent and workers) is gone
        try:
            os.killpg(parent.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(parent.pid, signal.SIGKILL)
        pytest.fail("a worker outlived its parent")


# ---- item 9: symbolic links out of the input tree ---------------------------------------------

def test_symlinks_leading_out_of_the_input_directory_are_skipped_and_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD.format(99))
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "NCT1.txt").write_text(GOOD.format(1))
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "inner.txt").symlink_to(folder / "NCT1.txt")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--errors", str(errors)])
    assert _ids(out) == ["NCT1", "inner"]
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    assert sorted(f["source"] for f in failed) == [str(folder / "link.txt"), str(folder / "linked-dir")]
    assert all(f["error"].startswith("skipped: a symbolic link") for f in failed)
    assert result.exit_code == 1
