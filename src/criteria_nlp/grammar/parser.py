"""Build the Lark parser once and turn one criterion's token stream into logic.

Tokens the grammar cannot place are dropped one at a time (LALR error recovery by
deletion); they, thresholds left without a variable, and content words no token covered
come back as unparsed fragments with their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from lark import Lark, Token, UnexpectedInput
from lark.exceptions import VisitError
from lark.lexer import Lexer
from spacy.tokens import Doc

from ..lexicon import default_lexicon
from ..logic import And, Compare, Concept, Fragment, Implies, Node, Not, Or, conjoin, disjoin
from ..resources import grammar_file
from ..spans import Span
from .lexer import Stream, token_stream
from .transformer import Pending, ToLogic

MAX_TOKENS = 400


class _Given(Lexer):
    """Lark custom lexer: the tokens were made by the spaCy stage; hand them over."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, data, *args):
        yield from data


@cache
def criterion_parser() -> Lark:
    root = grammar_file("criterion.lark")
    return Lark(
        root.read_text(encoding="utf-8"),
        parser="lalr",
        lexer=_Given,
        import_paths=[str(root.parent) if hasattr(root, "parent") else "."],
        source_path=str(root),
        propagate_positions=True,
        maybe_placeholders=False,
    )


@cache
def transformer() -> ToLogic:
    return ToLogic(default_lexicon())


@dataclass(frozen=True, slots=True)
class Parsed:
    logic: Node | None
    unparsed: tuple[Fragment, ...]


def parse_tokens(tokens: list[Token]) -> tuple[object | None, list[Token]]:
    """Parse, deleting the offending token on each error; returns (tree result, dropped)."""
    parser = criterion_parser()
    dropped: list[Token] = []
    tokens = list(tokens[:MAX_TOKENS])
    dropped.extend(tokens[MAX_TOKENS:])
    while tokens:
        try:
            tree = parser.parse(tokens)
        except UnexpectedInput as err:
            bad = getattr(err, "token", None)
            index = next((i for i, t in enumerate(tokens) if t is bad), len(tokens) - 1)
            dropped.append(tokens.pop(index))
            continue
        return transformer().transform(tree), dropped
    return None, dropped


def _finish(item, leftovers: list[Span]) -> Node | None:
    """Remove thresholds that never found a variable, recording them as unparsed."""
    if isinstance(item, Pending):
        leftovers.append(item.span)
        return None
    if isinstance(item, (Compare, Concept)):
        return item
    if isinstance(item, Not):
        arg = _finish(item.arg, leftovers)
        return replace(item, arg=arg) if arg is not None else None
    if isinstance(item, Implies):
        condition, then = _finish(item.if_, leftovers), _finish(item.then, leftovers)
        if condition is None or then is None:
            return then if condition is None else None
        return replace(item, if_=condition, then=then)
    if isinstance(item, (And, Or)):
        args = [a for a in (_finish(x, leftovers) for x in item.args) if a is not None]
        if not args:
            return None
        return (conjoin if isinstance(item, And) else disjoin)(args, item.span if len(args) > 1 else None)
    return None


def _merge(spans: list[Span], text: str, within: Span) -> tuple[Fragment, ...]:
    """Adjacent uncovered spans (only whitespace between) become one fragment."""
    spans = sorted(s for s in spans if within.contains(s))
    merged: list[Span] = []
    for span in spans:
        if merged and not text[merged[-1].end : span.start].strip(" ,;:()-/"):
            merged[-1] = merged[-1].cover(span)
        else:
            merged.append(span)
    return tuple(Fragment(s, s.text(text)) for s in merged)


def parse_criterion(doc: Doc, span: Span) -> Parsed:
    """A transform failure on one criterion leaves that criterion unparsed, never the trial."""
    stream: Stream = token_stream(doc, span)
    try:
        result, dropped = parse_tokens(stream.tokens)
    except VisitError:
        return Parsed(None, (Fragment(span, span.text(doc.text)),))
    leftovers: list[Span] = [Span(t.start_pos, t.end_pos) for t in dropped if t.type not in _SILENT]
    logic = _finish(result, leftovers) if result is not None else None
    content = [w for w in stream.words if not _is_filler(doc, w)]
    return Parsed(logic, _merge(leftovers + content, doc.text, span))


_SILENT = {"AND", "OR", "COMMA", "SEMI", "SLASH", "LPAR", "RPAR", "OF", "DASH", "TO", "BEFORE"}


def _is_filler(doc: Doc, span: Span) -> bool:
    token = doc.char_span(span.start, span.end, alignment_mode="expand")
    if token is None:
        return True
    return all(t.is_stop or t.is_punct or t.lower_ in _filler_words() for t in token)


@cache
def _filler_words() -> frozenset[str]:
    from ..resources import data_file

    lines = data_file("fillers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))
