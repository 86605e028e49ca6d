"""``criteria-nlp export`` (export_command, registered by cli.py)."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from criteria_nlp.cli.export import export_command

from ..export.helpers import GOLD

app = typer.Typer()
app.command("export")(export_command)


@app.command("noop")
def _noop() -> None:  # a second command keeps "export" a subcommand, as in cli.py
    pass


runner = CliRunner()


def test_export_gold_to_stdout_with_warnings_on_stderr():
    result = runner.invoke(app, ["export", "--format", "jsonlogic", "--trial", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["trial"] == "NCT00846833"
    assert result.stderr == ""                      # the gold tree is fully expressible in JSON Logic
    result = runner.invoke(app, ["export", "--format", "cql", "--trial", str(GOLD)])
    assert result.exit_code == 0 and result.stdout.startswith("/*")
    warnings = result.stderr.splitlines()
    assert len(warnings) > 10 and all(line.startswith("warning: cql: ") for line in warnings)
    assert 'warning: cql: 24-90 concept: no code: retrieved through a placeholder value set to be bound ' \
           '("Histologically confirmed metastatic or relapsed malignant melanoma")' in warnings


def test_export_to_file(tmp_path):
    out = tmp_path / "cohort.json"
    result = runner.invoke(app, ["export", "-f", "omop", "-t", str(GOLD), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "ConceptSets" in json.loads(out.read_text(encoding="utf-8"))
    assert all(line.startswith("warning: omop: ") for line in result.stderr.splitlines())


def test_errors_are_one_line(tmp_path):
    for args in (["export", "-f", "xml", "-t", str(GOLD)], ["export", "-f", "cql", "-t", str(tmp_path / "missing.json")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""


def test_criteria_text_is_parsed_first(tmp_path):
    text = tmp_path / "criteria.txt"
    text.write_text("Inclusion Criteria:\n- Age >= 18 years\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "sql", "-t", str(text)])
    assert result.exit_code == 0, result.output
    assert "SELECT p.person_id" in result.stdout


def test_default_trial_is_the_bundled_reference_trial():
    result = runner.invoke(app, ["export", "-f", "jsonlogic"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["trial"] == "NCT00846833"
