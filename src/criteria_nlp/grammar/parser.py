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
from lark.parsers.lalr_analysis import Shift as _SHIFT
from lark.lexer import Lexer
from spacy.tokens import Doc

from ..lexicon import default_lexicon
from ..logic import And, Compare, Concept, Fragment, Implies, Node, Not, Or, conjoin, disjoin
from ..resources import grammar_file
from ..spans import Span
from .lexer import DocIndex, Stream, token_stream
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
    """LALR with the Transformer applied while parsing: no intermediate tree is built, and
    node positions come from the tokens, which carry their character offsets."""
    root = grammar_file("criterion.lark")
    return Lark(
        root.read_text(encoding="utf-8"),
        parser="lalr",
        lexer=_Given,
        transformer=ToLogic(default_lexicon()),
        import_paths=[str(root.parent) if hasattr(root, "parent") else "."],
        source_path=str(root),
        maybe_placeholders=False,
    )


@dataclass(frozen=True, slots=True)
class Parsed:
    logic: Node | None
    unparsed: tuple[Fragment, ...]


class _Recognizer:
    """Runs the LALR automaton on token types alone (stacks of ints, no trees) to decide
    which tokens the parse can take: cheap enough to try every token and back out."""

    def __init__(self, parser: Lark) -> None:
        table = parser.parser.parser.parser.parse_table
        self.states = table.states
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def step(self, stack: list[int], kind: str) -> list[int] | None:
        stack = list(stack)
        while True:
            action = self.states[stack[-1]].get(kind)
            if action is None:
                return None
            what, arg = action
            if what is _SHIFT:
                stack.append(arg)
                return stack
            if arg.expansion:
                del stack[-len(arg.expansion):]
            stack.append(self.states[stack[-1]][arg.origin.name][1])
            if kind == "$END" and stack[-1] == self.end:
                return stack

    def select(self, tokens: list[Token]) -> tuple[list[Token], list[Token]]:
        """Skip what cannot be taken; close the parse at the last point where it could.

        When a token does not fit right after a connective ("metastatic or <concept>"),
        the connective is the likelier stray: it is dropped instead of the content token.
        """
        stack, kept, dropped, before = [self.start], [], [], []
        closing = 0
        for token in tokens:
            moved = self.step(stack, token.type)
            if moved is None and kept and kept[-1].type in _WEAK and len(kept) > closing:
                retry = self.step(before[-1], token.type)
                if retry is not None:
                    dropped.append(kept.pop())
                    stack = before.pop()
                    moved = retry
            if moved is None:
                dropped.append(token)
                continue
            before.append(stack)
            stack = moved
            kept.append(token)
            if self.step(stack, "$END") is not None:
                closing = len(kept)
        return kept[:closing], dropped + kept[closing:]


_ANCHORS = {"VAR", "CONCEPT", "NUMBER", "CMP", "CMPPOST", "REACTION"}
_WEAK = {"AND", "OR", "COMMA", "SEMI", "OF", "SLASH", "DASH", "TO"}


@cache
def recognizer() -> _Recognizer:
    return _Recognizer(criterion_parser())


def parse_tokens(tokens: list[Token]) -> tuple[object | None, list[Token]]:
    """Parse what the grammar can take; returns the transformed result and the tokens left out.

    A criterion with nothing to build an atom from (no variable, concept or number) is not
    handed to Lark at all."""
    if not any(token.type in _ANCHORS for token in tokens):
        return None, list(tokens)
    kept, dropped = recognizer().select(tokens[:MAX_TOKENS])
    dropped += tokens[MAX_TOKENS:]
    if not kept:
        return None, dropped
    return criterion_parser().parse(kept), dropped


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


def parse_criterion(doc: Doc | DocIndex, span: Span) -> Parsed:
    """A transform failure on one criterion leaves that criterion unparsed, never the trial."""
    index = doc if isinstance(doc, DocIndex) else DocIndex.of(doc)
    stream: Stream = token_stream(index, span)
    try:
        result, dropped = parse_tokens(stream.tokens)
    except (VisitError, LookupError, ValueError, TypeError):
        return Parsed(None, (Fragment(span, span.text(index.text)),))
    leftovers: list[Span] = [Span(t.start_pos, t.end_pos) for t in dropped if t.type not in _SILENT]
    logic = _finish(result, leftovers) if result is not None else None
    return Parsed(logic, _merge(leftovers + stream.words, index.text, span))


_SILENT = {"AND", "OR", "COMMA", "SEMI", "SLASH", "LPAR", "RPAR", "OF", "DASH", "TO", "BEFORE"}
