from __future__ import annotations

from html.parser import HTMLParser

from typer.testing import CliRunner

from criteria_nlp.api import parse_text
from criteria_nlp.cli import app
from criteria_nlp.review import review_page


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._kind: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self._kind = dict(attrs)["class"]

    def handle_endtag(self, tag):
        if tag == "mark":
            self._kind = None

    def handle_data(self, data):
        if self._kind:
            self.marks.append((self._kind, data))


def test_page_marks_thresholds_concepts_and_unparsed_text_in_place():
    trial = parse_text("Inclusion Criteria:\n- hemoglobin >= 9 g/dL\nExclusion Criteria:\n- HIV <b>frobnication</b>\n")
    collect = _Collect()
    collect.feed(review_page(trial))
    assert ("compare", "hemoglobin >= 9 g/dL") in collect.marks
    assert ("concept", "HIV") in collect.marks
    assert ("unparsed", "<b>frobnication</b>") in collect.marks  # escaped text, not markup


def test_parse_html_format_is_a_page_with_every_criterion():
    result = CliRunner().invoke(app, ["parse", "--format", "html"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!doctype html>")
    assert all(f">inc-{i} [" in result.stdout for i in range(1, 14))
    assert all(f">exc-{i} [" in result.stdout for i in range(1, 9))
