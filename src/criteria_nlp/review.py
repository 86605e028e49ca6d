"""A self-contained HTML page for reviewing one parsed trial: every criterion with its
thresholds, concepts and unparsed text marked in place, and the logic it became."""

from __future__ import annotations

from html import escape
from string import Template

from .logic import Compare, Concept, Criterion, Section, Trial, walk
from .render import render_node
from .resources import package_root
from .spans import Span


def _template() -> Template:
    return Template((package_root() / "templates" / "review.html").read_text(encoding="utf-8"))


def _marks(criterion: Criterion) -> list[tuple[Span, str]]:
    """Spans to highlight in the criterion, outermost first; unparsed text wins."""
    marks: list[tuple[Span, str]] = [(f.span, "unparsed") for f in criterion.unparsed]
    if criterion.logic is not None and not criterion.parts:
        for node in walk(criterion.logic):
            if isinstance(node, Compare):
                marks.append((node.span, "compare"))
            elif isinstance(node, Concept):
                marks.append((node.span, "concept"))
    return marks


def _highlight(text: str, span: Span, marks: list[tuple[Span, str]]) -> str:
    """The criterion text with non-overlapping marks (earlier and longer first)."""
    chosen: list[tuple[Span, str]] = []
    for mark, kind in sorted(marks, key=lambda m: (m[1] != "unparsed", m[0].start, -len(m[0]))):
        if span.contains(mark) and not any(mark.overlaps(other) for other, _ in chosen):
            chosen.append((mark, kind))
    out, position = [], span.start
    for mark, kind in sorted(chosen):
        out.append(escape(text[position : mark.start]))
        out.append(f'<mark class="{kind}">{escape(mark.text(text))}</mark>')
        position = mark.end
    out.append(escape(text[position : span.end]))
    return "".join(out)


def _criterion(trial: Trial, criterion: Criterion) -> str:
    logic = escape(render_node(criterion.logic)) if criterion.logic is not None else "not parsed"
    parts = "".join(_criterion(trial, part) for part in criterion.parts)
    return (
        f'<div class="criterion {criterion.section.value}">'
        f'<span class="id">{escape(criterion.id)} [{criterion.span.start}:{criterion.span.end}]</span> '
        f"{_highlight(trial.text, criterion.span, _marks(criterion))}"
        f'<div class="logic">{logic}</div>'
        + (f'<div class="parts">{parts}</div>' if parts else "")
        + "</div>"
    )


def review_page(trial: Trial) -> str:
    sections = []
    for section in Section:
        items = [c for c in trial.criteria if c.section is section]
        if items:
            sections.append(f"<h2>{section.value.title()} criteria ({len(items)})</h2>"
                            + "".join(_criterion(trial, c) for c in items))
    parsed = sum(c.logic is not None for c in trial.criteria)
    warnings = "".join(f'<p class="warning">{escape(w.code)}: {escape(w.message)}</p>' for w in trial.warnings)
    return _template().substitute(
        title=escape(f"{trial.id}: eligibility criteria"),
        summary=escape(f"{parsed} of {len(trial.criteria)} criteria have logic"),
        warnings=warnings,
        body="".join(sections),
    )
