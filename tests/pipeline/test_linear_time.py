"""The places that were quadratic, each checked for what bounds its work now (issue 10, item 4).

Speed itself is measured by ``benchmarks/fuzz.py`` and the scaling table it prints, not
asserted here; these tests pin the bounds and that the bounded code gives the same result.
"""

from __future__ import annotations

import random
import re

from criteria_nlp.grammar.lexer import default_tables
from criteria_nlp.pipeline import default_nlp
from criteria_nlp.pipeline.abbreviations import MAX_INSIDE, find_abbreviations
from criteria_nlp.pipeline.tokenizer import SYMBOL_PIECE, middles
from criteria_nlp.segmentation import SENTENCE_WINDOW, _windows
from criteria_nlp.spans import Span


def test_the_middle_of_a_long_symbol_run_is_one_token_and_every_offset_is_kept():
    text = "ANC " + "%" * 5000 + "(" * 3000 + " and =" + "=" * 4000 + "<=5"
    doc = default_nlp().make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    held = middles(text)
    assert [text[a:b] for a, b in held] == ["%" * (5000 - SYMBOL_PIECE) + "(" * (3000 - SYMBOL_PIECE),
                                           "=" * (4003 - 2 * SYMBOL_PIECE)]
    assert [(a, b) for a, b in held] == [(t.idx, t.idx + len(t)) for t in doc if len(t) > SYMBOL_PIECE]
    assert len(doc) < 6 * SYMBOL_PIECE  # not one token per character
    assert [t.text for t in doc][-3:] == ["<", "=", "5"] or [t.text for t in doc][-2:] == ["<=", "5"]


def test_letters_digits_and_ordinary_text_are_never_held():
    assert middles("1" * 500 + " " + "x" * 500 + " " + "1a" * 300) == []
    assert middles("test:WBC=3.0×109/L,Neutrophils=1.5×109/L,Hb=100g/L,Platelet=80×109/L; -------- and more") == []


def test_a_held_symbol_run_is_reported_not_skipped():
    from criteria_nlp.api import parse_text

    text = "ANC > 1500 " + "-" * 500 + " and platelets > 100000"
    (criterion,) = parse_text(text).criteria
    assert [u.text for u in criterion.unparsed] == ["-" * (500 - 2 * SYMBOL_PIECE)]


def _quadratic_abbreviations(doc):
    """The former algorithm: every opening against every closing, every position per form."""
    from scispacy.abbreviation import filter_matches, find_abbreviation
    from spacy.attrs import ORTH

    from criteria_nlp.pipeline.abbreviations import _plain_word

    orth = doc.to_array([ORTH]).tolist()
    opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
    candidates = [(0, i + 1, j) for i, o in enumerate(orth) if o == opening
                  for j, c in enumerate(orth) if c == closing and i + 1 < j <= i + 1 + MAX_INSIDE]
    definitions, seen = {}, set()
    for long_candidate, short_candidate in filter_matches(candidates, doc):
        if short_candidate.start < long_candidate.start and _plain_word(short_candidate.text):
            continue
        short, long = find_abbreviation(long_candidate, short_candidate)
        key = tuple(orth[short.start : short.end])
        if long is None or long.text in seen or key in definitions:
            continue
        seen.add(long.text)
        definitions[key] = long.text
    return sorted((start, start + len(key), form) for key, form in definitions.items()
                  for start in range(len(orth) - len(key) + 1) if tuple(orth[start : start + len(key)]) == key)


def test_abbreviations_found_by_index_are_those_a_full_scan_finds():
    rng = random.Random(7)
    words = ["upper", "limit", "of", "normal", "(", ")", "ULN", "ECOG", "Eastern", "Cooperative",
             "Oncology", "Group", "(", "ULN", ")", "x", "AST", "aspartate", "aminotransferase"]
    nlp = default_nlp()
    for _ in range(20):
        text = " ".join(rng.choice(words) for _ in range(300))
        text += " upper limit of normal (ULN) and Eastern Cooperative Oncology Group (ECOG) ULN ECOG"
        doc = nlp.make_doc(text)
        assert [tuple(a) for a in find_abbreviations(doc)] == _quadratic_abbreviations(doc)


def test_a_long_paragraph_reaches_the_sentence_splitter_in_bounded_windows():
    text = " ".join(f"Patients with condition {i} are excluded." for i in range(2000))
    windows = _windows(text, Span(0, len(text)))
    assert all(w.end - w.start <= SENTENCE_WINDOW for w in windows)
    assert windows[0].start == 0 and windows[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(windows, windows[1:]))
    assert all(text[w.end - 2 : w.end] == ". " for w in windows[:-1])  # cut at sentence ends


def test_maximal_munch_tries_only_ends_some_form_can_reach():
    tables = default_tables()
    assert "%" in tables.prefixes and "%%" not in tables.prefixes
    tokens, _ = tables.scan("%" * 50 + "≥1,500/mm3", 0)
    assert [t.type for t in tokens][-3:] == ["CMP", "NUMBER", "UNIT"]


def test_join_words_are_found_from_the_start_of_whitespace_as_before():
    from criteria_nlp.segment_rules import _join_pattern

    words = {"and": "and", "or": "or", "and/or": "or"}
    bounded = _join_pattern(words)
    unbounded = re.compile(r"\s+(and/or|and|or)\s+", re.IGNORECASE)
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(["a", " ", "\n", "and", "or", "and/or", "x:", ";"]) for _ in range(40))
        assert [m.span() for m in bounded.finditer(text)] == [m.span() for m in unbounded.finditer(text)]
    assert bounded.search("A:" + "\n" * 50_000 + "B") is None


def test_a_unit_in_pieces_is_found_by_trying_only_ends_some_spelling_can_reach(monkeypatch):
    tables = default_tables()

    def brute(text, start, after, stop):  # the former loop: every end, longest first
        for end in range(stop, after, -1):
            if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                continue
            code = tables.spaced_unit(text[start:end])
            if code is not None:
                return end, code
        return None

    rng = random.Random(3)
    pieces = ["ml", " / ", "min", "/", "1.73", " m2", "kg", " ", "%", "mg", "dl", "L", "x"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(6))
        for after in range(1, min(len(text), 6)):
            assert tables.longest_spaced_unit(text, 0, after, len(text)) == brute(text, 0, after, len(text)), text
    calls = []
    monkeypatch.setattr(type(tables), "spaced_unit", lambda self, t: calls.append(t))
    tables.longest_spaced_unit("%" * 24, 0, 1, 24)
    assert len(calls) <= 1  # "%%" begins no unit spelling: the search stops there


def test_underscores_are_a_symbol_run_and_very_long_tokens_are_words_without_a_scan():
    from criteria_nlp.api import parse_text

    assert middles("x" + "_" * 100) == [(1 + SYMBOL_PIECE, 101 - SYMBOL_PIECE)]
    text = "ANC > 1500 " + "x1" * 200 + " and age > 18 years"
    (criterion,) = parse_text(text).criteria
    assert [u.text for u in criterion.unparsed] == ["x1" * 200]
