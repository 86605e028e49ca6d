"""spaCy tokens and lexicon matches into Lark tokens that carry character offsets.

Lark's custom-lexer pattern: the grammar declares its terminals, this module decides them.
Lexicon spans become one token each; remaining tokens are looked up whole, and tokens glued
around digits or comparator symbols ("≥1,500/mm3", "ECOG<=2") are split by maximal munch
over the same lexicon. Words that play no part in the grammar are returned separately so
the caller can report the ones that matter as unparsed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from bisect import bisect_left, bisect_right

from lark import Token
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, LENGTH
from spacy.tokens import Doc

from ..lexicon import Lexicon, default_lexicon
from ..pipeline.lexicon_matcher import lexicon_patterns
from ..resources import data_file
from ..errors import RuleError
from ..tables import read_table
from ..spans import Span

_GLUE = re.compile(r"[\d<>=≥≤≧≦⩾⩽＞＜/×^]")
# a unit only counts right after what can carry one
_UNIT_AFTER = {"NUMBER", "TIMES", "UNIT"}


@dataclass(frozen=True, slots=True)
class Stream:
    """Tokens for Lark, and the content words (not fillers) that no token covers."""

    tokens: list[Token]
    words: list[Span]


@dataclass(frozen=True, slots=True)
class DocIndex:
    """Per-document lookups built once, not per criterion: ``Doc.text`` is rebuilt on each
    access and every ``doc[i]`` makes a Token object, so token offsets and flags are read
    out in one vectorised call."""

    text: str
    starts: list[int]
    ends: list[int]
    skip: list[bool]
    matches: dict[int, object]

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> DocIndex:
        text = doc.text if text is None else text
        columns = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE, IS_STOP]).tolist() if len(doc) else []
        starts = [row[0] for row in columns]
        ends = [row[0] + row[1] for row in columns]
        # a capital letter is content even where it spells a stop word ("Hepatitis A")
        skip = [bool(row[2] or row[3] or (row[4] and not (row[1] == 1 and text[row[0]].isupper())))
                for row in columns]
        return cls(text, starts, ends, skip, {m.start: m for m in doc._.cnlp_lexicon})


@cache
def _number_pattern() -> re.Pattern[str]:
    shapes = {row["terminal"]: row["pattern"] for row in read_table("shapes.tsv", ("terminal", "pattern"))}
    if "NUMBER" not in shapes:
        raise RuleError("shapes.tsv has no NUMBER pattern")
    return re.compile(shapes["NUMBER"])


class Tables:
    """Single-token lookups derived once from the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.single: dict[str, tuple[str, str]] = {}
        self.forms: dict[str, tuple[str, str]] = {}
        for (terminal, payload), forms in lexicon_patterns(lexicon).items():
            for form in forms:
                self.forms.setdefault(form.lower(), (terminal, payload))
                if " " not in form:
                    self.single.setdefault(form.lower(), (terminal, payload))
        self.exact = lexicon.case_bound_units()
        # every prefix of every form: the munch window ends where no form can go on
        self.prefixes = {form[:size] for form in (*self.single, *(u.lower() for u in self.exact))
                         for size in range(1, len(form) + 1)}
        self.number = _number_pattern()
        self.fillers = _filler_words()
        self.letters = _scale_letters()
        self.grade_letters = frozenset(letter for _, letter in self.letters)

    def _unit(self, text: str) -> tuple[str, str] | None:
        code = self.exact.get(text)
        return ("UNIT", code) if code else None

    def lookup(self, text: str) -> tuple[str, str] | None:
        return self._unit(text) or self.single.get(text.lower())

    def scan(self, text: str, offset: int) -> tuple[list[Token], list[Span]]:
        """Maximal munch over numbers and single-token lexicon forms ("≥1,500/mm3",
        "count<100,000/L"). Letters and digits nothing accounts for stay words ("T2*"); a
        number glued to letters before it is part of that word unless those letters were
        read as a lexicon form ("Age18-65"); punctuation is skipped."""
        out: list[Token] = []
        words: list[Span] = []
        i, lower = 0, text.lower()
        while i < len(text):
            best: tuple[int, str, str] | None = None
            number = self.number.match(text, i)
            glued = i and text[i - 1].isalpha() and not (out and out[-1].end_pos == offset + i)
            if number and not glued:
                best = (number.end(), "NUMBER", number.group())
            reach = i
            while reach < len(text) and lower[i : reach + 1] in self.prefixes:
                reach += 1
            for end in range(reach, i, -1):
                hit = self._unit(text[i:end])
                cuts = (i and _same_class(text[i - 1], text[i])) or (end < len(text) and _same_class(text[end - 1], text[end]))
                if hit is None and not cuts:
                    hit = self.single.get(lower[i:end])
                if hit and (best is None or end > best[0]):
                    best = (end, *hit)
                    break
            if best is None:
                if number:  # a number that belongs to the word before it ("T2", "CD4")
                    words.append(Span(offset + i, offset + number.end()))
                    i = number.end()
                    continue
                if text[i].isalnum():
                    if words and words[-1].end == offset + i:
                        words[-1] = Span(words[-1].start, offset + i + 1)
                    else:
                        words.append(Span(offset + i, offset + i + 1))
                i += 1
                continue
            end, terminal, payload = best
            out.append(_token(terminal, payload, offset + i, offset + end))
            i = end
        return out, words


def _same_class(a: str, b: str) -> bool:
    return (a.isalpha() and b.isalpha()) or (a.isdigit() and b.isdigit())


def _token(terminal: str, payload: str, start: int, end: int) -> Token:
    return Token(terminal, payload, start_pos=start, end_pos=end)


def parse_number(text: str) -> float:
    """"1,500" is fifteen hundred; "1,5" is a decimal comma."""
    if "," in text:
        head, _, tail = text.rpartition(",")
        text = text.replace(",", "") if len(tail) == 3 and "." not in tail else head.replace(",", "") + "." + tail
    return float(text)


@cache
def _scale_letters() -> dict[tuple[str, str], str]:
    rows = read_table("scale_letters.tsv", ("variable", "letter", "value"))
    return {(row["variable"], row["letter"]): row["value"] for row in rows}


@cache
def _filler_words() -> frozenset[str]:
    lines = data_file("fillers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@cache
def default_tables() -> Tables:
    return Tables(default_lexicon())


def token_stream(index: DocIndex, span: Span, tables: Tables | None = None) -> Stream:
    tables = tables or default_tables()
    text, starts, ends, matches = index.text, index.starts, index.ends, index.matches
    i = max(bisect_right(starts, span.start) - 1, 0)
    if i < len(ends) and ends[i] <= span.start:
        i += 1
    stop = bisect_left(starts, span.end)
    tokens: list[Token] = []
    words: list[Span] = []
    while i < stop:
        start, end = starts[i], ends[i]
        piece = text[start:end]
        if piece in tables.grade_letters:
            scale = next((t.value for t in reversed(tokens[-4:]) if t.type == "VAR"), None)
            grade = tables.letters.get((scale, piece))
            if grade is not None:
                tokens.append(_token("NUMBER", grade, start, end))
                i += 1
                continue
        match = matches.get(i)
        if match is not None and match.end <= stop:
            tokens.append(_token(match.terminal, match.payload, match.start_char, match.end_char))
            i = match.end
            continue
        skip = index.skip[i]
        i += 1
        hit = tables.lookup(piece)
        if hit is not None:
            tokens.append(_token(*hit, start, end))
        elif tables.number.fullmatch(piece):
            tokens.append(_token("NUMBER", piece, start, end))
        elif _GLUE.search(piece):
            found, leftover = tables.scan(piece, start)
            tokens.extend(found)
            words.extend(leftover)
        elif not (skip or piece.lower() in tables.fillers):
            words.append(Span(start, end))
    tokens = _shared_heads(tokens, words, tables, text)
    tokens = _join_hyphenated_units(_drop_restatements(_split_or_comparators(tokens, tables, text)))
    tokens = _negative_numbers(_keep_units_in_place(tokens, words, text), text)
    tokens = _finite_numbers(tokens, words)
    return Stream(*_relative_clauses(tokens, words, text, span))


_TAIL_STOP = {"SEMI", "COMMA", "LPAR", "RPAR", "INCLUDING", "UNLESS", "EXCEPT", "IF"}
_TAIL_ABORT = {"NUMBER", "CMP", "CMPPOST", "VAR", "REF", "UNIT"}


def _relative_clauses(tokens: list[Token], words: list[Span], text: str, span: Span) -> tuple[list[Token], list[Span]]:
    """"donor willing to donate", "infection who did not respond to ...": a relative clause
    after a concept qualifies it. It becomes one TAIL token carrying its text, unless it
    holds a threshold, which the grammar must see."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type != "TAIL":
            out.append(token)
            i += 1
            continue
        end = next((j for j in range(i + 1, len(tokens)) if tokens[j].type in _TAIL_STOP), len(tokens))
        inside = tokens[i + 1 : end]
        if not out or out[-1].type != "CONCEPT" or any(t.type in _TAIL_ABORT for t in inside):
            i += 1
            continue
        limit = tokens[end].start_pos if end < len(tokens) else span.end
        last = max([token.end_pos, *(t.end_pos for t in inside), *(w.end for w in words if token.end_pos <= w.start and w.end <= limit)])
        clause = Span(token.start_pos, last)
        words[:] = [w for w in words if not clause.contains(w)]
        out.append(_token("TAIL", clause.text(text), clause.start, clause.end))
        i = end
    return out, words


def _split_or_comparators(tokens: list[Token], tables: Tables, text: str) -> list[Token]:
    """"under 18 or over 50": an after-number phrase that starts with a connective and is
    followed by a number is that connective and a comparator before the number."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.type == "CMPPOST" and following is not None and following.type == "NUMBER":
            surface = text[token.start_pos : token.end_pos]
            word, _, rest = surface.partition(" ")
            joiner = tables.forms.get(word.lower())
            comparator = tables.forms.get(" ".join(rest.lower().split()))
            if joiner and joiner[0] in ("OR", "AND") and comparator and comparator[0] == "CMP":
                start = token.start_pos + len(word) + (len(rest) - len(rest.lstrip())) + 1
                out.append(_token(joiner[0], joiner[1], token.start_pos, token.start_pos + len(word)))
                out.append(_token("CMP", comparator[1], start, token.end_pos))
                continue
        out.append(token)
    return out


def _drop_restatements(tokens: list[Token]) -> list[Token]:
    """A parenthesis that only restates the token before it adds nothing to parse:
    "upper limit of normal (ULN)", "less than or equal to (=<)", "40 percent (%)",
    "TBV <4500 ml (above)", "three (3) years". One that lists the variables a broader one
    stands for ("aminotransferases (AST, ALT)") replaces it. Anything else ("platelets (or
    hemoglobin)") stays for the grammar."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "LPAR" and out and out[-1].type in _RESTATED:
            close = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].type == "RPAR"), None)
            if close is not None:
                inside = [t for t in tokens[i + 1 : close] if t.type not in _LIST_GLUE]
                inner = {t.type for t in inside}
                previous = out[-1]
                restated = inner <= {previous.type} and all(t.value == previous.value for t in inside)
                if previous.type not in ("VAR", "CONCEPT") and inner <= {previous.type}:
                    restated = True
                if restated or inner <= {"CMP", "CMPPOST"} and previous.type in ("UNIT", "NUMBER"):
                    i = close + 1
                    continue
                listed = tokens[i + 1 : close]
                if previous.type == "VAR" and inner == {"VAR"} and not any(t.type == "OR" for t in listed):
                    out[-1:] = listed
                    i = close + 1
                    continue
        out.append(token)
        i += 1
    return out


_RESTATED = {"VAR", "REF", "CMP", "UNIT", "CONCEPT", "NUMBER"}
_LIST_GLUE = {"COMMA", "SLASH", "AND", "OR"}


def _keep_units_in_place(tokens: list[Token], words: list[Span], text: str) -> list[Token]:
    """A unit-like word away from a number ("m" in "stage M1", "d" in ">14 follicles on
    day 3") is a word, not a unit: a unit follows its number with nothing but space (or a
    number restated in parentheses, "three (3) years") between them."""
    out: list[Token] = []
    for token in tokens:
        rate = (token.value.startswith("/") and len(out) >= 2 and out[-1].type == "CONCEPT"
                and out[-2].type == "NUMBER")  # "4 seizures/week": a count per time
        if token.type == "UNIT" and not rate and (
            not out or out[-1].type not in _UNIT_AFTER or text[out[-1].end_pos : token.start_pos].strip(" ()0123456789.,-")
        ):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _shared_heads(tokens: list[Token], words: list[Span], tables: Tables, text: str) -> list[Token]:
    """"hepatic or renal impairment", "cardiac, liver or kidney failure": modifiers listed
    before a concept share its head noun. A modifier becomes a concept of its own when
    modifier + head is a lexicon form of one; otherwise it stays a word."""
    concepts = [t for t in tokens if t.type == "CONCEPT" and " " in text[t.start_pos : t.end_pos]]
    if not concepts or not words:
        return tokens
    ending = {w.end: w for w in words}
    found: list[Token] = []
    for concept in concepts:
        first, _, rest = text[concept.start_pos : concept.end_pos].partition(" ")
        head = " ".join(rest.lower().split())
        left, joined = concept.start_pos, False
        while True:
            end = _skip_space_back(text, left)
            window = text[max(0, end - 8) : end].lower()
            joiner = next((j for j in (" and/or", " or", " and", ",") if window.endswith(j)), None)
            if joiner is None and not joined:
                break
            if joiner is not None:
                end = _skip_space_back(text, end - len(joiner))
            word = ending.get(end)
            hit = tables.forms.get(f"{word.text(text).lower()} {head}") if word else None
            if hit is None or hit[0] != "CONCEPT":
                break
            found.append(_token(*hit, word.start, word.end))
            left, joined = word.start, True
            if joiner is None:
                break
    if not found:
        return tokens
    taken = {(t.start_pos, t.end_pos) for t in found}
    words[:] = [w for w in words if (w.start, w.end) not in taken]
    return sorted(tokens + found, key=lambda t: t.start_pos)


def _skip_space_back(text: str, end: int) -> int:
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end


def _join_hyphenated_units(tokens: list[Token]) -> list[Token]:
    """"1-year duration", "a 6-month history": the hyphen joins a number to its unit."""
    out: list[Token] = []
    for i, token in enumerate(tokens):
        if (token.type == "DASH" and out and out[-1].type == "NUMBER" and i + 1 < len(tokens)
                and tokens[i + 1].type == "UNIT" and out[-1].end_pos == token.start_pos
                and token.end_pos == tokens[i + 1].start_pos):
            continue
        out.append(token)
    return out


def _negative_numbers(tokens: list[Token], text: str) -> list[Token]:
    """"T-score <-2.5": a dash written onto the number after a comparator is its sign."""
    out: list[Token] = []
    for token in tokens:
        if (token.type == "NUMBER" and len(out) >= 2 and out[-1].type == "DASH" and out[-2].type == "CMP"
                and out[-1].end_pos == token.start_pos):
            dash = out.pop()
            out.append(_token("NUMBER", "-" + token.value, dash.start_pos, token.end_pos))
            continue
        out.append(token)
    return out


def _finite_numbers(tokens: list[Token], words: list[Span]) -> list[Token]:
    """A number too large for a float (309 digits) would become Infinity, which is no JSON
    number and no threshold: it is reported as unparsed text instead."""
    out: list[Token] = []
    for token in tokens:
        if token.type == "NUMBER" and not math.isfinite(parse_number(token.value)):
            words.append(Span(token.start_pos, token.end_pos))
            continue
        out.append(token)
    return out
