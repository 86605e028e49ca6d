"""Entity figures in the terms of the LCT scorer (``shared/lct-dev/tools/lct_entities.py``)
plus exact-span precision, recall and F1.

Gold is every annotated mention (nested ones included, offsets as annotated); predictions
are ``(start_char, end_char, label)``. Overlap means sharing at least one character.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from corpus import LABELS, Trial

Prediction = tuple[int, int, str]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class EntityScore:
    """Accumulates counts over trials; ``table`` prints per-label and overall figures.

    found / typed recall: share of gold mentions overlapped by any prediction / by one of
    the same label (the LCT scorer's figures). precision: predictions overlapping a gold
    mention of their own label; ``annotated precision`` (the scorer's generous figure):
    predictions overlapping any text-bound annotation of the trial. exact: same
    ``[start, end)`` and label.
    """

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, trial: Trial, predictions: Iterable[Prediction]) -> None:
        predicted = set(predictions)
        gold = {(m.start, m.end, m.label) for m in trial.mentions}
        c = self.counts
        for g in gold:
            c["gold", g[2]] += 1
            hits = [p for p in predicted if _overlaps(g, p)]
            c["found", g[2]] += bool(hits)
            c["typed", g[2]] += any(p[2] == g[2] for p in hits)
            c["exact gold", g[2]] += g in predicted
        for p in predicted:
            c["pred", p[2]] += 1
            c["precise", p[2]] += any(g[2] == p[2] and _overlaps(g, p) for g in gold)
            c["annotated", p[2]] += any(_overlaps(span, p) for span in trial.annotated)
            c["exact pred", p[2]] += p in gold

    def figures(self, labels: tuple[str, ...] = LABELS) -> dict[str, float | int]:
        def total(kind: str) -> int:
            return sum(self.counts[kind, label] for label in labels)

        gold, pred = total("gold"), total("pred")
        exact_p = total("exact pred") / max(pred, 1)
        exact_r = total("exact gold") / max(gold, 1)
        return {
            "gold": gold,
            "predicted": pred,
            "found R": total("found") / max(gold, 1),
            "typed R": total("typed") / max(gold, 1),
            "precision": total("precise") / max(pred, 1),
            "annotated P": total("annotated") / max(pred, 1),
            "exact P": exact_p,
            "exact R": exact_r,
            "exact F1": 2 * exact_p * exact_r / max(exact_p + exact_r, 1e-9),
        }

    def table(self) -> str:
        head = ["label", "gold", "pred", "found R", "typed R", "P", "annot P", "exact P", "exact R", "exact F1"]
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for name, labels in [*((label, (label,)) for label in LABELS), ("all", LABELS)]:
            f = self.figures(labels)
            rows.append(
                f"| {name} | {f['gold']} | {f['predicted']} | {f['found R']:.3f} | {f['typed R']:.3f} | "
                f"{f['precision']:.3f} | {f['annotated P']:.3f} | {f['exact P']:.3f} | "
                f"{f['exact R']:.3f} | {f['exact F1']:.3f} |"
            )
        return "\n".join(rows)
