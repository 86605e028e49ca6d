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
from criteria_nlp.pipeline.tokenizer import SYMBOL_PIECE, cuts
from criteria_nlp.segmentation import SENTENCE_WINDOW, _windows
from criteria_nlp.spans import Span


def test_a_long_run_of_symbols_is_tokenized_in_bounded_pieces_keeping_every_offset():
    text = "ANC " + "%" * 5000 + "(" * 3000 + " and =" + "=" * 4000 + "<=5"
    bounds = [0, *cuts(text), len(text)]
    runs = [run for a, b in zip(bounds, bounds[1:]) for run in re.findall(r"[^\w\s]+", text[a:b])]
    assert max(map(len, runs)) <= 2 * SYMBOL_PIECE
    doc = default_nlp().make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    symbol_runs = [m.span() for m in re.finditer(r"[^\w\s]+", text)]
    assert all(start + SYMBOL_PIECE <= cut <= end - SYMBOL_PIECE  # "<=" at a run's end stays whole
               for cut in cuts(text) for start, end in symbol_runs if start <= cut <= end)


def test_letters_digits_and_ordinary_text_are_never_cut():
    assert cuts("1" * 500 + " " + "x" * 500 + " " + "1a" * 300) == []
    assert cuts("test:WBC=3.0×109/L,Neutrophils=1.5×109/L,Hb=100g/L,Platelet=80×109/L; -------- and more") == []


def _quadratic_abbreviations(doc):
    """The former algorithm: every opening against every closing, every position per form."""
    from scispacy.abbreviation import filter_matches, find_abbreviation
    from spacy.attrs import ORTH

    orth = doc.to_array([ORTH]).tolist()
    opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
    candidates = [(0, i + 1, j) for i, o in enumerate(orth) if o == opening
                  for j, c in enumerate(orth) if c == closing and i + 1 < j <= i + 1 + MAX_INSIDE]
    definitions, seen = {}, set()
    for long_candidate, short_candidate in filter_matches(candidates, doc):
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
