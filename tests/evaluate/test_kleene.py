"""Kleene truth tables for every connective, and short-circuiting that never reads UNKNOWN as FALSE."""

from __future__ import annotations

import itertools

import pytest

from criteria_nlp.evaluate import Evaluator, Truth
from criteria_nlp.logic import And, AtLeast, Implies, Not, Or

from .helpers import NOWHERE, concept, record

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
ORDER = {F: 0, U: 1, T: 2}
ATOM = {T: concept("other", "yes"), F: concept("other", "no"), U: concept("other", "never recorded")}


@pytest.fixture(scope="module")
def evaluator():
    # a yes/no finding is true or false; a finding nobody recorded stays unknown even closed-world
    patient = record(observations=[{"name": "yes", "value": True}, {"name": "no", "value": False}])
    return Evaluator(patient)


def run(evaluator, node):
    evidence = []
    return evaluator.node(node, evidence), evidence


def kleene_and(values):
    return min(values, key=ORDER.get)


def kleene_or(values):
    return max(values, key=ORDER.get)


def test_atoms_have_the_intended_truth(evaluator):
    for truth, atom in ATOM.items():
        assert run(evaluator, atom)[0] is truth


@pytest.mark.parametrize("values", list(itertools.product((T, F, U), repeat=2)) + list(itertools.product((T, F, U), repeat=3)),
                         ids=lambda v: "".join(t.value[0] for t in v))
def test_and_or_tables(evaluator, values):
    args = tuple(ATOM[v] for v in values)
    assert run(evaluator, And(args, NOWHERE))[0] is kleene_and(values)
    assert run(evaluator, Or(args, NOWHERE))[0] is kleene_or(values)


@pytest.mark.parametrize("value,expected", [(T, F), (F, T), (U, U)])
def test_not_table(evaluator, value, expected):
    assert run(evaluator, Not(ATOM[value], NOWHERE))[0] is expected


@pytest.mark.parametrize("condition,then", list(itertools.product((T, F, U), repeat=2)))
def test_implies_table(evaluator, condition, then):
    expected = kleene_or([~condition, then])
    assert run(evaluator, Implies(ATOM[condition], ATOM[then], NOWHERE))[0] is expected


@pytest.mark.parametrize("k", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("values", list(itertools.product((T, F, U), repeat=3)),
                         ids=lambda v: "".join(t.value[0] for t in v))
def test_atleast_table(evaluator, k, values):
    true, unknown = values.count(T), values.count(U)
    expected = T if true >= k else F if true + unknown < k else U
    assert run(evaluator, AtLeast(k, tuple(ATOM[v] for v in values), NOWHERE))[0] is expected


@pytest.mark.parametrize("node,truth,atoms_read", [
    (And((ATOM[F], ATOM[T]), NOWHERE), F, 1),
    (Or((ATOM[T], ATOM[F]), NOWHERE), T, 1),
    (Implies(ATOM[F], ATOM[U], NOWHERE), T, 1),
    (AtLeast(1, (ATOM[T], ATOM[U], ATOM[U]), NOWHERE), T, 1),
    (AtLeast(2, (ATOM[F], ATOM[F], ATOM[T]), NOWHERE), F, 2),
    # an UNKNOWN decides nothing: the evaluator must read on and let the FALSE decide
    (And((ATOM[U], ATOM[F]), NOWHERE), F, 2),
    (Or((ATOM[U], ATOM[T]), NOWHERE), T, 2),
    (Implies(ATOM[U], ATOM[T], NOWHERE), T, 2),
], ids=["and-false-first", "or-true-first", "implies-false-if", "atleast-reached", "atleast-out-of-reach",
        "and-unknown-then-false", "or-unknown-then-true", "implies-unknown-then-true"])
def test_short_circuit_reads_only_what_decides(evaluator, node, truth, atoms_read):
    result, evidence = run(evaluator, node)
    assert result is truth
    assert len(evidence) == atoms_read


def test_unknown_is_never_read_as_false(evaluator):
    # json-logic-py's failure: not(and(unknown, true)) must be unknown, not true
    assert run(evaluator, Not(And((ATOM[U], ATOM[T]), NOWHERE), NOWHERE))[0] is U
