"""compare.py (structural and semantic comparison with gold) and bench.py."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from criteria_nlp.bench.compare import (
    compare_match, compare_structure, compare_trials, semantic_compare,
)
from criteria_nlp.logic import (
    And, Comparator, Compare, Concept, Domain, Node, Not, Or, Reference, Trial, Variable, atoms,
)
from criteria_nlp.serialize import trial_from_json
from criteria_nlp.spans import Span

from ..conftest import CORPORA, read_exact

GOLD_FILES = sorted([CORPORA / "NCT00846833" / "gold.json", *(CORPORA / "gold").glob("*/gold.json")])
PATIENTS = 2_000


def load(path: Path) -> Trial:
    return trial_from_json(json.loads(read_exact(path)))


@pytest.fixture(scope="module")
def reference_gold() -> Trial:
    return load(CORPORA / "NCT00846833" / "gold.json")


def _rewrite(node: Node, change) -> Node:
    """Apply ``change`` bottom-up to every node of a tree (frozen nodes: rebuild)."""
    if isinstance(node, Not):
        node = dataclasses.replace(node, arg=_rewrite(node.arg, change))
    elif hasattr(node, "args"):
        node = dataclasses.replace(node, args=tuple(_rewrite(a, change) for a in node.args))
    return change(node)


def _mutate(trial: Trial, criterion_id: str, change) -> Trial:
    criteria = tuple(dataclasses.replace(c, logic=_rewrite(c.logic, change)) if c.id == criterion_id else c
                     for c in trial.criteria)
    return dataclasses.replace(trial, criteria=criteria)


def _criterion(trial: Trial, criterion_id: str):
    return next(c for c in trial.criteria if c.id == criterion_id)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.parent.name)
def test_gold_against_itself_is_perfect(path: Path) -> None:
    gold = load(path)
    result = compare_trials(gold, gold, patients=PATIENTS)
    structural, semantic = result.structural, result.semantic
    assert structural.gold_atoms == structural.parsed_atoms == structural.matched > 0
    assert (structural.precision, structural.recall, structural.f1) == (1.0, 1.0, 1.0)
    assert structural.position_rate == 1.0
    assert structural.exact_rate == 1.0
    assert not structural.unmatched_gold and not structural.unmatched_parsed
    assert semantic.agreement == 1.0 and semantic.trial_agreement == 1.0
    assert semantic.disagreements == 0 and semantic.example is None
    assert semantic.patients == PATIENTS


def test_changed_comparator_is_found(reference_gold: Trial) -> None:
    def change(node: Node) -> Node:
        if isinstance(node, Compare) and node.variable.name == "absolute neutrophil count":
            return dataclasses.replace(node, comparator=Comparator.GT)
        return node

    mutated = _mutate(reference_gold, "inc-9", change)
    result = compare_trials(reference_gold, mutated, patients=PATIENTS)
    structural = result.structural
    assert structural.matched == structural.gold_atoms - 1
    [gold_miss] = structural.unmatched_gold
    [parsed_extra] = structural.unmatched_parsed
    assert gold_miss.criterion == "inc-9" and parsed_extra.criterion == "inc-9"
    assert gold_miss.text.startswith("absolute neutrophil count ≥ 1.5")
    assert gold_miss.span == parsed_extra.span
    assert ">=" in gold_miss.atom and ">" in parsed_extra.atom and ">=" not in parsed_extra.atom
    assert structural.exact_criteria == structural.gold_criteria - 1
    semantic = result.semantic
    assert semantic.agreement < 1.0
    # the smallest disagreeing patient: a neutrophil count exactly at the threshold, nothing else
    assert semantic.example == [{"fact": "absolute neutrophil count [10*9/L]", "value": 1.5}]
    assert semantic.example_verdicts["inc-9"] == {"gold": "unknown", "parsed": "false"}


def test_dropped_atom_is_found(reference_gold: Trial) -> None:
    def change(node: Node) -> Node:
        if isinstance(node, And):
            kept = tuple(a for a in node.args
                         if not (isinstance(a, Compare) and a.variable.name == "alkaline phosphatase"))
            return dataclasses.replace(node, args=kept)
        return node

    mutated = _mutate(reference_gold, "inc-10", change)
    result = compare_trials(reference_gold, mutated, patients=PATIENTS)
    structural = result.structural
    [missing] = structural.unmatched_gold
    assert not structural.unmatched_parsed
    assert missing.criterion == "inc-10" and missing.text == "alkaline phosphatase ≤ 2.5 x ULN"
    assert structural.recall < 1.0 and structural.precision == 1.0
    example = result.semantic.example
    assert example is not None and len(example) == 1
    assert example[0]["fact"] == "alkaline phosphatase x ULN" and example[0]["value"] > 2.5
    assert result.semantic.example_verdicts["inc-10"] == {"gold": "false", "parsed": "unknown"}


def test_and_swapped_to_or_is_found(reference_gold: Trial) -> None:
    def change(node: Node) -> Node:
        return Or(node.args, node.span) if isinstance(node, And) else node

    mutated = _mutate(reference_gold, "inc-9", change)
    result = compare_trials(reference_gold, mutated, patients=PATIENTS)
    structural = result.structural
    assert structural.matched == structural.gold_atoms  # same atoms...
    mismatches = structural.position_mismatches       # ...in other positions
    assert len(mismatches) == 3 and {m.criterion for m in mismatches} == {"inc-9"}
    assert all(m.gold.chain == ("and",) and m.parsed.chain == ("or",) for m in mismatches)
    assert not _exact(structural, "inc-9") and structural.exact_rate < 1.0
    semantic = result.semantic
    assert semantic.agreement < 1.0 and "inc-9" in semantic.example_verdicts
    assert len(semantic.example) == 1  # one lab known and passing: or -> true, and -> unknown
    assert semantic.example_verdicts["inc-9"] == {"gold": "unknown", "parsed": "true"}


def _exact(structural, criterion_id: str) -> bool:
    return next(c for c in structural.criteria if c.gold_id == criterion_id).exact


def _compare(name: str, comparator: str, value: float, unit: str | None = None, code: str | None = None,
             reference: Reference | None = None) -> Compare:
    return Compare(Variable(name, Span(0, 1), code), Comparator(comparator), value, Span(0, 5), unit, reference)


def test_unit_equivalents_and_variable_identity() -> None:
    gold = _compare("absolute neutrophil count", ">=", 1.5, "10*9/L", "751-8")
    assert compare_match(gold, _compare("ANC", ">=", 1500, "/mm3", "751-8"))
    assert compare_match(gold, _compare("Absolute neutrophil count", ">=", 1.5, "10^3/µL"))
    assert not compare_match(gold, _compare("absolute neutrophil count", ">=", 1.5, "/uL"))
    assert not compare_match(gold, _compare("neutrophils", ">=", 1.5, "10*9/L", "26499-4"))
    egfr = _compare("egfr", ">=", 60, "mL/min/{1.73_m2}")
    assert compare_match(egfr, _compare("egfr", ">=", 0.06, "L/min/{1.73_m2}"))
    assert not compare_match(egfr, _compare("egfr", ">=", 60, "mL/min"))
    uln = _compare("total bilirubin", "<=", 1.5, reference=Reference.ULN)
    assert not compare_match(uln, _compare("total bilirubin", "<=", 1.5))


def test_semantic_compare_of_two_nodes() -> None:
    same = semantic_compare(_compare("x", ">=", 5, "a"), _compare("x", ">=", 60, "mo"))
    assert same.agreement == 1.0 and same.exhaustive
    differs = semantic_compare(_compare("x", ">=", 5), _compare("x", ">", 5))
    assert differs.example == [{"fact": "x", "value": 5.0}]
    assert differs.example_verdicts == {"node": {"gold": "true", "parsed": "false"}}
    concept = Concept(Domain.CONDITION, "melanoma", Span(0, 8))
    # a missing fact is unknown on both sides, so negation agrees there and only there
    result = semantic_compare(Not(concept, Span(0, 8)), concept)
    assert result.agreement == pytest.approx(1 / 3) and result.patients == 3


def test_reference_parse_against_gold(reference_text: str, reference_gold: Trial) -> None:
    from criteria_nlp.api import parse_text

    parsed = parse_text(reference_text, id="NCT00846833")
    assert parsed.text == reference_gold.text
    structural = compare_structure(reference_gold, parsed)
    figures = structural.summary()
    print("\nNCT00846833 parse vs gold:", json.dumps(figures))
    for atom in structural.unmatched_gold:
        print("  missing", atom.criterion, atom.span.to_list(), repr(atom.text), atom.atom)
    for atom in structural.unmatched_parsed:
        print("  extra  ", atom.criterion, atom.span.to_list(), repr(atom.text), atom.atom)
    for mismatch in structural.position_mismatches:
        print("  position", mismatch.criterion, mismatch.gold.atom, mismatch.gold.chain, mismatch.parsed.chain)
    assert not structural.unmatched_gold and not structural.unmatched_parsed, (
        f"P={structural.precision:.3f} R={structural.recall:.3f} F1={structural.f1:.3f} "
        f"exact={structural.exact_criteria}/{structural.gold_criteria}")
    assert structural.position_rate == 1.0 and structural.exact_rate == 1.0


def test_reference_parse_agrees_with_gold_on_generated_patients(reference_text: str, reference_gold: Trial) -> None:
    from criteria_nlp.api import parse_text
    from criteria_nlp.bench.compare import semantic_compare_trials

    parsed = parse_text(reference_text, id="NCT00846833")
    semantic = semantic_compare_trials(reference_gold, parsed, patients=10_000)
    assert semantic.patients >= 10_000 or semantic.exhaustive
    assert semantic.disagreements == 0, (semantic.example, semantic.example_verdicts)
    assert semantic.agreement == 1.0


def test_run_bench_on_one_gold_dir(tmp_path: Path) -> None:
    from criteria_nlp.bench.run import format_table, run_bench

    trial_dir = tmp_path / "NCT00846833"
    trial_dir.mkdir()
    shutil.copy(CORPORA / "NCT00846833" / "gold.json", trial_dir / "gold.json")  # text from gold.json
    result = run_bench(tmp_path, throughput=False, patients=300)
    [row] = result["trials"]
    assert row["trial"] == "NCT00846833" and row["text_matches_gold"] and row["error"] is None
    assert row["gold_atoms"] == sum(len(atoms(c.logic)) for c in load(trial_dir / "gold.json").criteria)
    assert 0 < row["matched"] <= row["gold_atoms"] and row["patients"] == 300
    assert result["total"]["matched"] == row["matched"]
    table = format_table(result)
    assert "NCT00846833" in table and "TOTAL" in table


def test_bench_command_without_corpora(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer
    from typer.testing import CliRunner

    from criteria_nlp.cli.bench import bench_command

    app = typer.Typer()
    app.command("bench")(bench_command)
    app.command("other")(lambda: None)  # keep "bench" a subcommand
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["bench"])
    assert result.exit_code == 2
    assert "pass --gold DIR" in result.output
