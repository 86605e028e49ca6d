from __future__ import annotations

import json

from typer.testing import CliRunner

from criteria_nlp.cli import app

runner = CliRunner()


def test_parse_without_argument_prints_the_reference_trial_json():
    result = runner.invoke(app, ["parse"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema"] == "criteria-logic/1" and payload["id"] == "NCT00846833"
    assert len(payload["criteria"]) == 21


def test_parse_text_format_lists_criteria():
    result = runner.invoke(app, ["parse", "--format", "text"])
    assert result.exit_code == 0
    assert "inc-13" in result.stdout and "exc-8" in result.stdout


def test_parse_stdin():
    result = runner.invoke(app, ["parse", "-"], input="Inclusion Criteria:\n- Age >= 18 years\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["criteria"][0]["text"] == "Age >= 18 years"


def test_parse_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    for args in (["parse", str(bad)], ["parse", str(tmp_path / "missing.txt")], ["parse", "--format", "xml"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.output.startswith("error: ") and "Traceback" not in result.output
        assert result.output.count("\n") == 1


def test_parse_empty_or_blank_input_is_an_error():
    for text in ("", " \n\t\n"):
        result = runner.invoke(app, ["parse", "-"], input=text)
        assert result.exit_code == 2
        assert result.output == "error: <stdin>: no criteria text (the input is empty or only whitespace)\n"


def test_batch_reports_bad_records_and_keeps_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "NCT1.txt").write_text("Inclusion Criteria:\n- Age > 18\n")
    (folder / "NCT2.txt").write_text("Exclusion Criteria:\n- Pregnancy\n")
    (folder / "broken.json").write_text('{"studies": [')
    (folder / "junk.txt").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "2 ok, 2 failed" in result.output
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["NCT1", "NCT2"]


def test_batch_with_workers_keeps_input_order(tmp_path):
    lines = [json.dumps({"id": f"t{i}", "text": f"Inclusion Criteria:\n- Age > {i}\n"}) for i in range(150)]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert [json.loads(l)["id"] for l in out.read_text().splitlines()] == [f"t{i}" for i in range(150)]


def test_batch_missing_input():
    result = runner.invoke(app, ["batch", "/nonexistent/x", "--out", "/tmp/o.jsonl"])
    assert result.exit_code == 2 and result.output.startswith("error: ")


HALOPERIDOL = "Inclusion Criteria:\n- documented haloperidol\n"  # a drug neither the lexicon, a word form nor a diagnosis title names


def _names(logic: dict | None) -> set[str]:
    if not logic:
        return set()
    return {logic["name"]} if "name" in logic else set().union(*(_names(a) for a in logic.get("args", [])))


def test_parse_fast_leaves_out_the_entity_recognizer():
    full = json.loads(runner.invoke(app, ["parse", "-"], input=HALOPERIDOL).stdout)["criteria"][0]
    fast = json.loads(runner.invoke(app, ["parse", "-", "--fast"], input=HALOPERIDOL).stdout)["criteria"][0]
    assert "haloperidol" in _names(full["logic"])
    assert fast["logic"] is None and fast["unparsed"][0]["text"] == "documented haloperidol"


def test_batch_workers_honour_fast(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"t{i}", "text": HALOPERIDOL}) for i in range(70)))
    for flags, expect in (([], {"haloperidol"}), (["--fast"], set())):
        out = tmp_path / "out.jsonl"
        result = runner.invoke(app, ["batch", str(source), "--out", str(out), "-w", "2", *flags])
        assert result.exit_code == 0, result.output
        trials = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(trials) == 70 and all(_names(t["criteria"][0]["logic"]) == expect for t in trials)
