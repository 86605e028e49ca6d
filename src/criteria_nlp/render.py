"""Human-readable text rendering of trials and logic trees, for review in a terminal."""

from __future__ import annotations

from .logic import And, AtLeast, Compare, Concept, Criterion, Implies, Node, Not, Or, Trial, Unparsed, Window


def _number(value: float) -> str:
    return f"{value:g}"


def _window(window: Window | None) -> str:
    if window is None:
        return ""
    start = f"{_number(window.start)}-" if window.start is not None else ""
    return f" [{window.relation.value} {start}{_number(window.value)} {window.unit} of {window.anchor.value}]"


def _limits(node: Concept) -> str:
    parts = []
    for word, limit in (("count", node.count), ("lasting", node.duration), ("dose", node.dose)):
        if limit is not None:
            unit = f" {limit.unit}" if limit.unit else ""
            parts.append(f"{word} {limit.comparator.value} {_number(limit.value)}{unit}")
    return " {" + "; ".join(parts) + "}" if parts else ""


def render_node(node: Node) -> str:
    match node:
        case Compare():
            if node.reference is not None:
                amount = f"{_number(node.value)} x {node.reference.value}"
            else:
                amount = _number(node.value) + (f" {node.unit}" if node.unit else "")
            return f"{node.variable.name} {node.comparator.value} {amount}{_window(node.window)}"
        case Concept():
            qualifiers = f" ({', '.join(node.qualifiers)})" if node.qualifiers else ""
            other = [render_node(c) for c in node.other_than]
            atom = f"{node.domain.value}:{node.name}{qualifiers}{_limits(node)}{_window(node.window)}"
            if not other:
                return atom
            return f"({atom} EXCEPT {other[0]})" if len(other) == 1 else f"({atom} EXCEPT ({' OR '.join(other)}))"
        case Unparsed(text):
            return f"UNPARSED {text!r}"
        case Not(arg):
            return f"NOT {render_node(arg)}"
        case And(args) | Or(args):
            word = " AND " if isinstance(node, And) else " OR "
            return "(" + word.join(render_node(a) for a in args) + ")"
        case AtLeast(k, args):
            return f"AT LEAST {k} OF (" + "; ".join(render_node(a) for a in args) + ")"
        case Implies(if_, then):
            return f"IF {render_node(if_)} THEN {render_node(then)}"
    raise TypeError(f"not a logic node: {node!r}")


def _criterion_lines(criterion: Criterion, indent: str) -> list[str]:
    lines = [f"{indent}{criterion.id} [{criterion.span.start}:{criterion.span.end}] {criterion.text}"]
    if criterion.logic is not None:
        lines.append(f"{indent}    => {render_node(criterion.logic)}")
    for fragment in criterion.unparsed:
        lines.append(f"{indent}    unparsed [{fragment.span.start}:{fragment.span.end}] {fragment.text!r}")
    for part in criterion.parts:
        lines.extend(_criterion_lines(part, indent + "    "))
    return lines


def render_trial(trial: Trial) -> str:
    lines = [f"{trial.id}: {len(trial.criteria)} criteria"]
    for criterion in trial.criteria:
        lines.extend(_criterion_lines(criterion, "  "))
    for warning in trial.warnings:
        lines.append(f"  warning {warning.code} [{warning.span.start}:{warning.span.end}] {warning.message}")
    return "\n".join(lines)
