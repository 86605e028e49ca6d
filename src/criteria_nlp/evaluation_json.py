"""Evaluation results as JSON: the one place where result dataclasses become dicts.

A criterion's ``status`` is "met" / "not met" / "unknown"; every atom carries the node's
span, the facts it used (as recorded) and the values it compared (converted).
"""

from __future__ import annotations

from typing import Any

from .evaluate import CriterionResult, Evidence, Fact, Truth, TrialResult
from .logic import Compare
from .serialize import node_to_json, span_to_json

STATUS = {Truth.TRUE: "met", Truth.FALSE: "not met", Truth.UNKNOWN: "unknown"}


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def fact_to_json(fact: Fact) -> dict[str, Any]:
    limits = fact.reference_range
    return _clean({
        "kind": fact.kind,
        "index": fact.index,
        "name": fact.name,
        "code": fact.code,
        "value": fact.value,
        "unit": fact.unit,
        "date": fact.date.isoformat() if fact.date else None,
        "end": fact.end.isoformat() if fact.end else None,
        "reference_range": _clean({"low": limits.low, "high": limits.high}) if limits else None,
        "status": fact.status,
    })


def evidence_to_json(evidence: Evidence) -> dict[str, Any]:
    node = evidence.node
    out: dict[str, Any] = {
        "node": node_to_json(node),
        "span": span_to_json(node.span),
        "truth": evidence.truth.value,
        "reason": evidence.reason,
        "facts": [fact_to_json(f) for f in evidence.facts],
    }
    if isinstance(node, Compare) and evidence.value is not None:
        out["compared"] = _clean({"value": evidence.value, "threshold": evidence.threshold,
                                  "unit": evidence.unit, "reference_limit": evidence.reference_limit})
    return out


def criterion_result_to_json(result: CriterionResult) -> dict[str, Any]:
    criterion = result.criterion
    return {
        "id": criterion.id,
        "section": criterion.section.value,
        "span": span_to_json(criterion.span),
        "text": criterion.text,
        "status": STATUS[result.truth],
        "evidence": [evidence_to_json(e) for e in result.evidence],
        "unparsed": [{"span": span_to_json(f.span), "text": f.text} for f in result.unparsed],
    }


def trial_result_to_json(result: TrialResult) -> dict[str, Any]:
    return _clean({
        "trial": result.trial_id,
        "patient": result.patient_id,
        "source": result.patient_source,
        "as_of": result.as_of.isoformat(),
        "verdict": result.verdict.value,
        "deciding": list(result.deciding),
        "criteria": [criterion_result_to_json(c) for c in result.criteria],
    })
