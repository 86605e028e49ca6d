"""Concepts named by the form of their words: "cordectomy" is a procedure and "rituximab" a
drug by their endings, "CAR-T cell therapy" a procedure by its head noun. This reads words
that neither the lexicon nor the entity recognizer claimed, so it is the rules-only mode's
open vocabulary and the trained mode's last resort; the forms are ``data/term_forms.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from lark import Token
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import RuleError
from ..lexicon import open_concept
from ..logic import Domain
from ..spans import Span
from ..tables import read_table

_DOMAINS = frozenset({Domain.CONDITION, Domain.PROCEDURE, Domain.DRUG})
_PLACES = ("suffix", "head", "never")
_STEM = 3  # letters a suffixed word has before its suffix: "April" is no "-pril" drug
_MODIFIERS = 4  # words before a head that still name its kind
_BOUNDS = frozenset({"CMP", "CMPPOST", "NUMBER", "BETWEEN", "FROM"})
_GAP = re.compile(r"\s*(?:\(e?s\))?\s*[:(]?\s*")
_SHARE_GAP = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)  # "80% of the total ..."
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
# a word of what someone did or a state ("received", "requiring", "impaired"), lower case
PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")
# what someone did or how: "received", "requiring", "previously" never name a kind; nor does a
# stage ("IIIb disease", "IIA disease"): the stage rules read it
_NOT_A_KIND = re.compile(rf"(?:{PARTICIPLE.pattern}|[a-z]{{2,}}ly|(?:i{{1,3}}|iv|vi{{0,3}})[a-c]|i{{2,3}}|vi{{1,3}})")


@dataclass(frozen=True, slots=True)
class TermForms:
    suffixes: dict[str, Domain]
    heads: dict[str, Domain]
    never: frozenset[str]

    def domain(self, word: str) -> tuple[Domain, bool] | None:
        """The domain a word names, and whether it names it alone (a suffix) or only as the
        head after other words."""
        word = word.lower()
        if word in self.heads:
            return self.heads[word], False
        if word in self.never:
            return None
        for size in range(min(len(word) - _STEM, 9), 2, -1):
            domain = self.suffixes.get(word[-size:])
            if domain is not None:
                return domain, True
        return None


def load_term_forms(text: str | None = None) -> TermForms:
    """``data/term_forms.tsv`` (or ``text`` in its format)."""
    tables: dict[str, dict[str, Domain]] = {"suffix": {}, "head": {}}
    never: set[str] = set()
    for row in read_table("term_forms.tsv", ("form", "place", "domain"), text=text):
        form, place, written = row["form"], row["place"], row["domain"]
        if form != form.lower() or " " in form:
            raise RuleError(f"term_forms.tsv: {form!r} is not one lower-case word")
        if place not in _PLACES:
            raise RuleError(f"term_forms.tsv: {form!r}: place {place!r} is not one of {list(_PLACES)}")
        if form in never or any(form in table for table in tables.values()):
            raise RuleError(f"term_forms.tsv: {form!r} is listed twice")
        if place == "never":
            if written:
                raise RuleError(f"term_forms.tsv: {form!r}: a never row names no domain, got {written!r}")
            never.add(form)
            continue
        domain = next((d for d in _DOMAINS if d.value == written), None)
        if domain is None:
            raise RuleError(f"term_forms.tsv: {form!r}: domain {written!r} is not one of "
                            f"{sorted(d.value for d in _DOMAINS)}")
        tables[place][form] = domain
    return TermForms(tables["suffix"], tables["head"], frozenset(never))


def named_by_form(tokens: list[Token], words: list[Span], text: str, forms: TermForms,
                  never_kinds: frozenset[str]) -> tuple[list[Token], list[Span]]:
    """Runs of adjacent unread words that end in a word of known form become concepts of
    its domain, named by the whole run ("fragile X syndrome"); the words leave ``words``.
    A head noun alone ("therapy") names nothing in particular and stays a word; a word of
    known form with another word right after it only names that word's kind ("Pitt
    bacteraemia score", "total lesion area")."""
    if not words:
        return tokens, words
    found: list[Token] = []
    kept: list[Span] = []
    starts = [t.start_pos for t in tokens]
    run: list[Span] = []
    for i, word in enumerate(words):
        if run and not _adjacent(text, run[-1], word):
            kept.extend(run)
            run = []
        piece = text[word.start:word.end]
        form = forms.domain(piece) if _WORD.fullmatch(piece) else None
        following = words[i + 1] if i + 1 < len(words) else None
        if form is None or (following is not None and _adjacent(text, word, following)
                            and _may_modify(text[following.start:following.end], forms, never_kinds)):
            if _may_modify(piece, forms, never_kinds):
                run.append(word)
            else:
                kept.extend(run)
                kept.append(word)
                run = []
            continue
        domain, alone = form
        modifiers = run[-_MODIFIERS:]
        kept.extend(run[:len(run) - len(modifiers)])
        run = []
        if not (alone or modifiers) or _compared(tokens, starts, text, word, modifiers[0] if modifiers else word):
            kept.extend(modifiers)
            kept.append(word)
            continue
        start = modifiers[0].start if modifiers else word.start
        found.append(Token("CONCEPT", open_concept(domain, text[start:word.end]), start_pos=start, end_pos=word.end))
    kept.extend(run)
    if not found:
        return tokens, words
    return sorted(tokens + found, key=lambda t: t.start_pos), sorted(kept, key=lambda s: s.start)


def _may_modify(piece: str, forms: TermForms, never_kinds: frozenset[str]) -> bool:
    """Whether a word can say what kind of thing the head after it is: not a function word
    ("against meningococcal disease", "a two-vessel disease"; spaCy's English stop words)."""
    lower = piece.lower()
    return bool(_WORD.fullmatch(piece)) and not (_NOT_A_KIND.fullmatch(lower) or lower in never_kinds
                                                  or lower in forms.never or _function_word(piece))


def _function_word(piece: str) -> bool:
    """A capital letter alone is a name's letter ("MHC class I deficiency"), not a word."""
    return piece.lower() in STOP_WORDS and not (len(piece) == 1 and piece.isupper())


def _compared(tokens: list[Token], starts: list[int], text: str, word: Span, first: Span) -> bool:
    """Whether a bound follows the words, "of" allowed between: "Index lesion(s) greater
    than 0.5 cm3", "Hand in Tetraplegia of 0-5" measure what these words name, which the
    threshold rules read; or a share comes right before them ("less than 80% of the total
    interventions": a share of them, not the interventions)."""
    before = bisect_left(starts, first.start)
    if (before >= 2 and tokens[before - 1].type == "OF" and tokens[before - 2].type == "UNIT"
            and tokens[before - 2].value == "%" and _SHARE_GAP.fullmatch(text, tokens[before - 1].end_pos, first.start)):
        return True
    k = bisect_left(starts, word.end)
    if k < len(tokens) and tokens[k].type == "OF" and _GAP.fullmatch(text[word.end:starts[k]]):
        word, k = Span(tokens[k].start_pos, tokens[k].end_pos), k + 1
    return k < len(tokens) and tokens[k].type in _BOUNDS and bool(_GAP.fullmatch(text[word.end:starts[k]]))


def _adjacent(text: str, before: Span, after: Span) -> bool:
    gap = text[before.end:after.start]
    return gap in (" ", "-") or (not gap.strip() and "\n" not in gap)
