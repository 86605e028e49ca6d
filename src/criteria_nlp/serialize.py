"""criteria-logic JSON (version 1): the one place where nodes become dicts and back."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from .errors import InputError
from .logic import (
    And, Anchor, AtLeast, Comparator, Compare, Concept, Criterion, Domain, Fragment, Implies,
    Limit, LintWarning, Node, Not, Or, Quantity, Reference, Relation, Section, Structured, Trial,
    Unparsed, Variable, Window,
)
from .resources import schema_file
from .spans import Span

SCHEMA = "criteria-logic/1"


def span_to_json(span: Span) -> list[int]:
    return [span.start, span.end]


def _window(window: Window) -> dict[str, Any]:
    out = {"value": json_number(window.value), "unit": window.unit, "relation": window.relation.value,
           "anchor": window.anchor.value}
    if window.start is not None:
        out["start"] = json_number(window.start)
    return out


def _limit(limit: Limit) -> dict[str, Any]:
    out: dict[str, Any] = {"comparator": limit.comparator.value, "value": json_number(limit.value)}
    if limit.unit is not None:
        out["unit"] = limit.unit
    return out


_LIMITS = ("count", "duration", "dose")


def node_to_json(node: Node) -> dict[str, Any]:
    match node:
        case And(args, span) | Or(args, span):
            return {"type": "and" if isinstance(node, And) else "or",
                    "args": [node_to_json(a) for a in args], "span": span_to_json(span)}
        case Not(arg, span):
            return {"type": "not", "arg": node_to_json(arg), "span": span_to_json(span)}
        case AtLeast(k, args, span):
            return {"type": "atleast", "k": k, "args": [node_to_json(a) for a in args],
                    "span": span_to_json(span)}
        case Implies(if_, then, span):
            return {"type": "implies", "if": node_to_json(if_), "then": node_to_json(then),
                    "span": span_to_json(span)}
        case Compare():
            out = {
                "type": "compare",
                "variable": {"name": node.variable.name, "code": node.variable.code,
                             "system": node.variable.system, "span": span_to_json(node.variable.span)},
                "comparator": node.comparator.value,
                "value": json_number(node.value),
                "unit": node.unit,
                "reference": node.reference.value if node.reference else None,
                "span": span_to_json(node.span),
            }
            if node.window:
                out["window"] = _window(node.window)
            return out
        case Unparsed(text, span):
            return {"type": "unparsed", "text": text, "span": span_to_json(span)}
        case Concept():
            out = {"type": "concept", "domain": node.domain.value, "name": node.name,
                   "code": node.code, "system": node.system, "span": span_to_json(node.span),
                   "qualifiers": list(node.qualifiers)}
            if node.window:
                out["window"] = _window(node.window)
            for name in _LIMITS:
                limit = getattr(node, name)
                if limit is not None:
                    out[name] = _limit(limit)
            if node.other_than:
                out["other_than"] = [node_to_json(c) for c in node.other_than]
            return out
    raise TypeError(f"not a logic node: {node!r}")


def criterion_to_json(criterion: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": criterion.id,
        "section": criterion.section.value,
        "span": span_to_json(criterion.span),
        "text": criterion.text,
        "logic": node_to_json(criterion.logic) if criterion.logic else None,
        "unparsed": [{"span": span_to_json(f.span), "text": f.text} for f in criterion.unparsed],
    }
    if criterion.header is not None:
        out["header"] = span_to_json(criterion.header)
    if criterion.parts:
        out["parts"] = [criterion_to_json(p) for p in criterion.parts]
    return out


def structured_to_json(structured: Structured) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("min_age", "max_age"):
        quantity = getattr(structured, name)
        if quantity is not None:
            out[name] = {"value": json_number(quantity.value), "unit": quantity.unit}
    if structured.sex is not None:
        out["sex"] = structured.sex
    if structured.healthy_volunteers is not None:
        out["healthy_volunteers"] = structured.healthy_volunteers
    return out


def significant(value: float) -> float:
    """12 significant digits, the precision the evaluator decides at and exports write
    thresholds in: conversion noise (1500/uL -> 1.5000000000000002) never flips a boundary."""
    return float(f"{value:.12g}")


def json_number(value: float) -> float | int:
    """``1.0`` is written ``1``."""
    return int(value) if float(value).is_integer() else value


def trial_to_json(trial: Trial) -> dict[str, Any]:
    out = {
        "schema": SCHEMA,
        "id": trial.id,
        "text": trial.text,
        "structured": structured_to_json(trial.structured),
        "criteria": [criterion_to_json(c) for c in trial.criteria],
        "logic": node_to_json(trial.logic) if trial.logic else None,
    }
    if trial.warnings:
        out["warnings"] = [{"code": w.code, "message": w.message, "span": span_to_json(w.span)}
                           for w in trial.warnings]
    return out


# ---- reading -----------------------------------------------------------------------------

def _span(raw: Any, where: str) -> Span:
    if not (isinstance(raw, list) and len(raw) == 2 and all(isinstance(x, int) for x in raw)):
        raise InputError(f"{where}: span must be [start, end] integers, got {raw!r}")
    try:
        return Span(raw[0], raw[1])
    except ValueError as err:
        raise InputError(f"{where}: {err}") from err


def _window_from(raw: dict | None) -> Window | None:
    if raw is None:
        return None
    start = raw.get("start")
    return Window(float(raw["value"]), raw["unit"], Relation(raw.get("relation", "before")),
                  Anchor(raw.get("anchor", "enrollment")), float(start) if start is not None else None)


def _limit_from(raw: dict | None) -> Limit | None:
    if raw is None:
        return None
    return Limit(Comparator(raw["comparator"]), float(raw["value"]), raw.get("unit"))


def node_from_json(raw: Any, where: str = "logic") -> Node:
    """Inverse of ``node_to_json``; raises InputError naming the path of a bad node."""
    if not isinstance(raw, dict) or "type" not in raw:
        raise InputError(f"{where}: expected a node object with a 'type'")
    kind = raw["type"]
    try:
        span = _span(raw.get("span"), where)
        if kind in ("and", "or"):
            args = tuple(node_from_json(a, f"{where}.args[{i}]") for i, a in enumerate(raw["args"]))
            return (And if kind == "and" else Or)(args, span)
        if kind == "not":
            return Not(node_from_json(raw["arg"], f"{where}.arg"), span)
        if kind == "atleast":
            args = tuple(node_from_json(a, f"{where}.args[{i}]") for i, a in enumerate(raw["args"]))
            return AtLeast(int(raw["k"]), args, span)
        if kind == "implies":
            return Implies(node_from_json(raw["if"], f"{where}.if"), node_from_json(raw["then"], f"{where}.then"), span)
        if kind == "compare":
            var = raw["variable"]
            variable = Variable(var["name"], _span(var["span"], f"{where}.variable"), var.get("code"), var.get("system"))
            return Compare(variable, Comparator(raw["comparator"]), float(raw["value"]), span,
                           raw.get("unit"), Reference(raw["reference"]) if raw.get("reference") else None,
                           _window_from(raw.get("window")))
        if kind == "unparsed":
            return Unparsed(raw["text"], span)
        if kind == "concept":
            other_than = tuple(node_from_json(c, f"{where}.other_than[{k}]") for k, c in enumerate(raw.get("other_than", ())))
            if not all(isinstance(c, Concept) for c in other_than):
                raise InputError(f"{where}: other_than holds concepts only")
            return Concept(Domain(raw["domain"]), raw["name"], span, raw.get("code"), raw.get("system"),
                           _window_from(raw.get("window")), tuple(raw.get("qualifiers", ())),
                           *(_limit_from(raw.get(name)) for name in _LIMITS), other_than)
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(f"{where}: bad {kind} node ({err!r})") from err
    raise InputError(f"{where}: unknown node type {kind!r}")


def criterion_from_json(raw: dict, where: str) -> Criterion:
    try:
        return Criterion(
            id=raw["id"],
            section=Section(raw["section"]),
            span=_span(raw["span"], f"{where}.span"),
            text=raw["text"],
            logic=node_from_json(raw["logic"], f"{where}.logic") if raw.get("logic") else None,
            unparsed=tuple(Fragment(_span(f["span"], f"{where}.unparsed"), f["text"]) for f in raw.get("unparsed", ())),
            parts=tuple(criterion_from_json(p, f"{where}.parts[{i}]") for i, p in enumerate(raw.get("parts", ()))),
            header=_span(raw["header"], f"{where}.header") if raw.get("header") else None,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(f"{where}: bad criterion ({err!r})") from err


@cache
def _validator():
    """The published schema's validator, with "number" meaning a finite number: Python's
    json module reads NaN and Infinity, which the JSON format (and this contract) does not
    have. Imported here: parsing never validates, so ``criteria-nlp parse`` does not pay
    for jsonschema at start-up."""
    import jsonschema

    schema = json.loads(schema_file("criteria-logic.schema.json").read_text(encoding="utf-8"))
    base = jsonschema.Draft202012Validator
    finite = base.TYPE_CHECKER.redefine(
        "number", lambda checker, value: base.TYPE_CHECKER.is_type(value, "number") and (isinstance(value, int) or math.isfinite(value)))
    return jsonschema.validators.extend(base, type_checker=finite)(schema)


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON text as every command writes it: UTF-8 characters kept, NaN and Infinity (no
    JSON numbers) refused with a ValueError rather than written."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent)


def trial_from_json(raw: Any, source: str | None = None) -> Trial:
    """Checked against the published JSON Schema first, so a bad document is one clear error
    naming where it breaks, never a KeyError from deep inside."""
    if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
        raise InputError(f"not a {SCHEMA} document", source=source)
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(raw))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "document"
        raise InputError(f"{where}: {error.message[:200]}", source=source)
    fields = raw.get("structured") or {}
    structured = Structured(
        min_age=Quantity(float(fields["min_age"]["value"]), fields["min_age"]["unit"]) if "min_age" in fields else None,
        max_age=Quantity(float(fields["max_age"]["value"]), fields["max_age"]["unit"]) if "max_age" in fields else None,
        sex=fields.get("sex"),
        healthy_volunteers=fields.get("healthy_volunteers"),
    )
    criteria = tuple(criterion_from_json(c, f"criteria[{i}]") for i, c in enumerate(raw.get("criteria", ())))
    warnings = tuple(LintWarning(w["code"], w["message"], _span(w["span"], "warnings"))
                     for w in raw.get("warnings", ()))
    logic = node_from_json(raw["logic"]) if raw.get("logic") else None
    return Trial(raw["id"], raw["text"], criteria, structured, logic, warnings)
