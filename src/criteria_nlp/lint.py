"""Warnings a reviewer should see: contradictory ranges and implausible thresholds.

Lint never changes the tree; it points at the text (each warning carries a span).
"""

from __future__ import annotations

from collections.abc import Iterator

from .lexicon import Lexicon, default_lexicon
from .logic import And, Comparator, Compare, Criterion, LintWarning, Node, walk

def _conjuncts(node: Node) -> Iterator[list[Compare]]:
    """Compares that must hold together: the direct compare children of each ``and``."""
    for inner in walk(node):
        if isinstance(inner, And):
            yield [a for a in inner.args if isinstance(a, Compare)]


def contradictions(node: Node) -> Iterator[LintWarning]:
    for group in _conjuncts(node):
        for low in group:
            for high in group:
                if (
                    low.comparator.from_below
                    and high.comparator.from_above
                    and low.variable.name == high.variable.name
                    and (low.unit, low.reference) == (high.unit, high.reference)
                    and (low.value > high.value or (low.value == high.value and
                         (low.comparator is Comparator.GT or high.comparator is Comparator.LT)))
                ):
                    yield LintWarning(
                        "W101",
                        f"contradictory range for {low.variable.name}: {low.comparator.value} {low.value:g} "
                        f"and {high.comparator.value} {high.value:g} cannot both hold",
                        low.span.cover(high.span),
                    )


def implausible(node: Node, lexicon: Lexicon) -> Iterator[LintWarning]:
    for compare in (n for n in walk(node) if isinstance(n, Compare)):
        entry = lexicon.variable(compare.variable.name)
        if entry is None or compare.reference is not None or compare.unit != entry.unit:
            continue
        if (entry.low is not None and compare.value < entry.low) or (entry.high is not None and compare.value > entry.high):
            yield LintWarning(
                "W102",
                f"implausible threshold: {compare.variable.name} {compare.value:g} {compare.unit or ''} is outside "
                f"{_bound(entry.low)}-{_bound(entry.high)} {entry.unit or ''}".rstrip(),
                compare.span,
            )


def _bound(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def lint_criteria(criteria: tuple[Criterion, ...], lexicon: Lexicon | None = None) -> tuple[LintWarning, ...]:
    lexicon = lexicon or default_lexicon()
    warnings: list[LintWarning] = []
    for criterion in criteria:
        if criterion.logic is not None:
            warnings.extend(contradictions(criterion.logic))
            warnings.extend(implausible(criterion.logic, lexicon))
    return tuple(dict.fromkeys(warnings))
