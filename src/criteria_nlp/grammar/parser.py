"""Build the Lark parser once and turn one criterion's token stream into logic.

Lark compiles the grammar and its LALR table; a small driver walks that table itself so it
can skip a token the grammar cannot place, repair a stray connective, or close the parse and
start a new chunk. Skipped tokens, thresholds left without a variable, and content words no
token covered come back as unparsed fragments with their offsets. (lark-cython was measured
first: it does not accept a custom lexer, which this design needs.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import cast
from functools import cache, lru_cache

from lark import Lark, Token
from lark.parsers.lalr_analysis import Shift as _SHIFT
from lark.lexer import Lexer
from spacy.tokens import Doc

from .. import cache as startup_cache
from ..lexicon import default_lexicon
from ..logic import And, Anchor, Compare, Concept, Fragment, Node, Not, Or, conjoin, disjoin
from ..resources import open_grammar
from ..spans import Span
from .lexer import DEPTH, QUALIFIES, DocIndex, Stream, default_tables, token_stream
from .resolve import (
    Chunks, Subjects, checked_at, composed_names, finish, named_ages, named_rates, planned_ahead, qualified_mentions, resolve,
    repeats_merged, windows_over_lists,
)
from .thresholds import Thresholds
from .transformer import THAT_IS, Connective, ToLogic

MAX_TOKENS = 400


class _Given(Lexer):
    """Lark custom lexer: the tokens were made by the spaCy stage; hand them over."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, data, *args):
        yield from data


@cache
def criterion_parser() -> Lark:
    """The grammar compiled once: its LALR table and the Transformer's callbacks (one per
    rule) are what the driver below runs; node positions come from the tokens."""
    compiled = startup_cache.path("criterion-grammar", ".lark")  # Lark checks its own digest too
    return open_grammar(
        "criterion.lark",
        parser="lalr",
        lexer=_Given,
        transformer=ToLogic(default_lexicon()),
        maybe_placeholders=False,
        cache=str(compiled) if compiled is not None else False,
    )


def _transformer() -> ToLogic:
    return cast(ToLogic, criterion_parser().options.transformer)


def _thresholds() -> Thresholds:
    """The rules the grammar's own Transformer settles bounds with."""
    return _transformer().thresholds


@dataclass(frozen=True, slots=True)
class Parsed:
    logic: Node | None
    unparsed: tuple[Fragment, ...]


class _Driver:
    """Drives Lark's LALR table directly so a token that does not fit can be skipped.

    Planning runs the automaton on token types alone (state stacks of a few ints, copied
    per step so a failed step leaves no trace) and records the shifts and reductions of
    what it keeps; building replays them with the Transformer's callbacks. A plan depends
    only on the type sequence, so it is cached."""

    def __init__(self, parser: Lark) -> None:
        lalr = parser.parser.parser.parser
        # plain-str keys: Lark keys some entries by Token, whose __eq__ runs in Python
        self.states = {state: {str(k): v for k, v in actions.items()} for state, actions in lalr.parse_table.states.items()}
        self.start = lalr.parse_table.start_states["start"]
        self.end = lalr.parse_table.end_states["start"]
        self.callbacks = lalr.callbacks
        # plans name rules by number: a plan of ints and None holds no object the garbage
        # collector must walk, and the plan cache holds tens of thousands of them
        self.rule_ids: dict = {}
        self.calls: list = []

    def step(self, stack: list[int], kind: str) -> list[int] | None:
        """The state stack after a token of type ``kind`` ("$END": end of input), or None
        when it cannot be taken here. A copy: a failed step leaves no trace."""
        action = self.states[stack[-1]].get(kind)
        if action is None:
            return None
        if action[0] is _SHIFT:
            return stack + [action[1]]
        stack = list(stack)
        while True:
            action = self.states[stack[-1]].get(kind)
            if action is None:
                return None
            what, rule = action
            if what is _SHIFT:
                stack.append(rule)
                return stack
            size = len(rule.expansion)
            if size:
                del stack[-size:]
            stack.append(self.states[stack[-1]][rule.origin.name][1])
            if kind == "$END" and stack[-1] == self.end:
                return stack

    @lru_cache(maxsize=4096)
    def _can_close(self, stack: tuple[int, ...]) -> bool:
        return self.step(list(stack), "$END") is not None

    def parse(self, tokens: list[Token]) -> tuple[object | None, list[Token]]:
        """Plan on token types (cached: criteria repeat their shapes), then build each chunk
        by replaying the planned shifts and reductions with the Transformer's callbacks.
        Chunks are and-ed, as elements side by side are, after bare thresholds take their
        neighbours' variables."""
        results: list = []
        dropped: list[Token] = []
        shifted: list[list[int]] = []
        for ops, lost in self.plan(tuple(t.type for t in tokens)):
            dropped.extend(tokens[i] for i in lost)
            if ops:
                results.append(self._build(ops, tokens))
                shifted.append([argument for rule, argument in ops if rule is None])
        if not results:
            return None, dropped
        if len(results) == 1:
            return _transformer().admitted(results[0]), dropped
        # a separator the chunks were split at keeps a bound from describing the next chunk
        between = {k: {t.type for t in tokens[max(shifted[k - 1]) + 1 : min(shifted[k])]}
                   for k in range(1, len(shifted)) if shifted[k - 1] and shifted[k]}
        barred = frozenset(k for k, kinds in between.items() if kinds & _BARS)
        apart = barred | frozenset(k for k, kinds in between.items() if kinds & _SEPARATORS)
        settled = _verdicts_settled(resolve(results, _thresholds(), apart, barred))
        cues, examples = _example_chunks(tokens, shifted)
        if examples:
            settled = _with_examples(settled, examples)
            dropped = [t for t in dropped if id(t) not in cues]
        return Chunks(tuple(r for r in settled if r is not None)), dropped

    def _build(self, ops: tuple, tokens: list[Token]):
        values: list = []
        for rule, argument in ops:
            if rule is None:
                values.append(tokens[argument])
                continue
            children = values[-argument:] if argument else []
            if argument:
                del values[-argument:]
            values.append(self.calls[rule](children))
        return values[-1]

    def _record(self, kinds: tuple[str, ...], fed: tuple[int, ...]) -> tuple:
        """The shifts (None, token index) and reductions (rule, size) that parse ``fed``."""
        stack, ops = [self.start], []
        for index in (*fed, None):
            kind = "$END" if index is None else kinds[index]
            while True:
                what, rule = self.states[stack[-1]][kind]
                if what is _SHIFT:
                    stack.append(rule)
                    ops.append((None, index))
                    break
                size = len(rule.expansion)
                if size:
                    del stack[-size:]
                stack.append(self.states[stack[-1]][rule.origin.name][1])
                ops.append((self._rule_id(rule), size))
                if index is None and stack[-1] == self.end:
                    return tuple(ops)
        return tuple(ops)

    def _rule_id(self, rule) -> int:
        number = self.rule_ids.get(rule)
        if number is None:
            number = self.rule_ids[rule] = len(self.calls)
            self.calls.append(self.callbacks[rule])
        return number

    @lru_cache(maxsize=32768)
    def plan(self, kinds: tuple[str, ...]) -> tuple[tuple[tuple, tuple[int, ...]], ...]:
        """Chunks as (shift/reduce operations that build it, indices left out for good). When a token does not fit
        and the parse could have closed earlier, close it there and start afresh: LALR
        prefers to shift, so a later token that cannot follow is better served by a new
        start than by being dropped."""
        chunks = []
        position = 0
        while position < len(kinds):
            fed, resume, lost = self._plan_chunk(kinds, position)
            chunks.append((self._record(kinds, fed) if fed else (), tuple(lost)))
            position = resume
        return tuple(chunks)

    def _plan_chunk(self, kinds: tuple[str, ...], position: int) -> tuple[tuple[int, ...], int, list[int]]:
        """One chunk from ``position``: (indices that build it, where the next chunk
        starts, indices left out for good).

        When a token does not fit right after a connective ("metastatic or <concept>"),
        the connective is the likelier stray: it is dropped instead of the content token."""
        stack = [self.start]
        kept: list[int] = []
        dropped: list[int] = []
        before: list[list[int]] = []
        closing = 0
        examples = kinds[max(position - 2, 0):position] == ("LPAR", "INCLUDING")
        depth = 0
        for index in range(position, len(kinds)):
            kind = kinds[index]
            if examples:
                depth += DEPTH.get(kind, 0)
                if depth < 0:
                    examples = False
                    if kept and closing == len(kept):
                        # the parenthesis of examples closes: what follows is not one of them
                        return tuple(kept), index + 1, [*dropped, index]
            if (kind == "VAR" and kept and closing == len(kept) and kinds[kept[-1]] in _VALUE_ENDS
                    and kinds[index + 1:index + 2] in (("CMP",), ("BETWEEN",))):
                # "biopsy > 6 months with liver stiffness >= 10 kPa", "over 18 years weighing
                # between 65 and 85 Kg": a variable followed by a comparator or "between"
                # starts the next threshold; it is not the bound's before it
                return tuple(kept), index, dropped
            moved = self.step(stack, kind)
            if moved is None and kept and kinds[kept[-1]] in _WEAK and len(kept) > closing:
                retry = self.step(before[-1], kind)
                if retry is not None:
                    dropped.append(kept.pop())
                    stack = before.pop()
                    moved = retry
            if (moved is None and kind == "INCLUDING" and kept and kept[-1] == index - 1
                    and kinds[index - 1] == "LPAR" and closing == len(kept) - 1 and closing):
                # "MI within 6 months (e.g., unstable angina)": the examples start a chunk of
                # their own, which ``_example_chunks`` or-s with this one
                return tuple(kept[:closing]), index + 1, [i for i in dropped if i < index] + [index - 1, index]
            if moved is None and kind in _ANCHORS:
                if not closing and kept:
                    # leading tokens that lead nowhere ("5. ANC > 500/uL"): start after them
                    return (), kept[0] + 1, [i for i in dropped if i < kept[0]] + [kept[0]]
                if closing:
                    resume = kept[closing - 1] + 1
                    return tuple(kept[:closing]), resume, [i for i in dropped if i < resume]
            if moved is None:
                dropped.append(index)
                continue
            before.append(stack)
            stack = moved
            kept.append(index)
            if "$END" in self.states[stack[-1]] and self._can_close(tuple(stack)):
                closing = len(kept)
        if not closing:
            if len(kept) > 1 and any(kinds[i] in _ANCHORS for i in kept[1:]):
                # an opening that never led anywhere ("- (GOG) score <=2"): start after it
                return (), kept[0] + 1, [i for i in dropped if i < kept[0]] + [kept[0]]
            return (), len(kinds), sorted(dropped + kept)
        rest = kept[closing:]
        if any(kinds[i] in _ANCHORS for i in rest):
            # the parse went down a path that never closed: parse on from there as a new
            # chunk; an opening parenthesis that never closed ("coagulopathy( PT >15 s") is
            # left out
            resume = rest[0] + 1 if kinds[rest[0]] == "LPAR" else rest[0]
            return tuple(kept[:closing]), resume, [i for i in dropped if i < resume] + ([rest[0]] if resume > rest[0] else [])
        return tuple(kept[:closing]), len(kinds), sorted(dropped + rest)


def _example_chunks(tokens: list[Token], shifted: list[list[int]]) -> tuple[set[int], dict[int, tuple[int, int]]]:
    """Chunks that a parenthesis of examples the grammar could not place holds ("X within
    30 days of screening (e.g., Y or Z)"): {first chunk: (last chunk, where the parenthesis
    opens)}, and the ids of the cue tokens so read. An example is one more way to meet the
    chunk before it, never a second requirement."""
    cues: set[int] = set()
    examples: dict[int, tuple[int, int]] = {}
    for k in range(1, len(shifted)):
        if not shifted[k - 1] or not shifted[k]:
            continue
        gap = range(max(shifted[k - 1]) + 1, min(shifted[k]))
        cue = next((i for i in gap if tokens[i].type == "INCLUDING" and tokens[i].value not in (THAT_IS, QUALIFIES)
                    and i > 0 and tokens[i - 1].type == "LPAR"), None)
        if cue is None:
            continue
        close = _closing(tokens, cue - 1)
        last = k
        while last + 1 < len(shifted) and shifted[last + 1] and max(shifted[last + 1]) < close:
            last += 1
        if max(shifted[last]) < close:
            examples[k] = (last, int(tokens[cue - 1].start_pos))
            cues.add(id(tokens[cue]))
    return cues, examples


def _closing(tokens: list[Token], opening: int) -> int:
    """The index of the parenthesis that closes the one at ``opening`` (the end if none)."""
    depth = 0
    for index in range(opening, len(tokens)):
        depth += DEPTH.get(tokens[index].type, 0)
        if depth == 0:
            return index
    return len(tokens)


def _with_examples(settled: list, examples: dict[int, tuple[int, int]]) -> list:
    """Each group of example chunks or-ed with what it gives examples of: the last thing
    the chunk before names, inside its "and", "or" and "not" (an example of what is
    denied is denied too), when the parenthesis follows it closely; else the chunk as a whole
    ("medical condition, other than PBC, that ... would confound its results (e.g.,
    cancer)"). Examples are alternatives, whatever joins them."""
    out = list(settled)
    for first, (last, opening) in sorted(examples.items(), reverse=True):
        given = [arg for x in out[first:last + 1] if x is not None
                 for arg in (x.args if isinstance(x, (And, Or)) else (x,))]
        given, excepted = _transformer().apart_from_exceptions(given)
        main = out[first - 1]
        if given and main is not None:
            beside = opening - _last_named(main).span.end <= _BESIDE
            listed = _or_at_end(main, given) if beside else disjoin([main, *given])
            out[first - 1] = conjoin([listed, *excepted]) if excepted else listed
            out[first:last + 1] = [None] * (last + 1 - first)
    return out


def _last_named(node):
    while isinstance(node, (And, Or, Not)):
        node = node.args[-1] if isinstance(node, (And, Or)) else node.arg
    return node


def _or_at_end(node, given: list):
    if isinstance(node, (And, Or)):
        join = conjoin if isinstance(node, And) else disjoin
        return join([*node.args[:-1], _or_at_end(node.args[-1], given)])
    if isinstance(node, Not):
        return replace(node, arg=_or_at_end(node.arg, given), span=node.span.cover(given[-1].span))
    if isinstance(node, (Concept, Compare)) and node.window is not None:
        # "major surgery within 4 weeks (e.g., abdominal surgery)": within 4 weeks too
        given = [replace(g, window=node.window) if isinstance(g, (Concept, Compare)) and g.window is None else g
                 for g in given]
    return disjoin([node, *given])


@cache
def driver() -> _Driver:
    return _Driver(criterion_parser())


_ANCHORS = {"VAR", "CONCEPT", "NUMBER", "CMP", "WCMP", "CMPPOST", "REACTION", "NEG"}
_VALUE_ENDS = {"NUMBER", "UNIT", "REF", "CMPPOST"}
_WEAK = {"AND", "OR", "COMMA", "SEMI", "OF", "SLASH", "DASH", "TO"}
_BESIDE = 16  # characters between a concept and the parenthesis of its examples: a word at most ("contraceptive precautions (e.g.")


def _verdicts_settled(chunks: list) -> list:
    """"Prior chemotherapy; hormonal therapy is allowed": a verdict the grammar left as a
    chunk of its own settles with the chunk before it."""
    transformer = _transformer()
    chunks = [c for c in chunks if c is not None]
    settled = transformer.verdicts(chunks, [Connective("and", written=False)] * (len(chunks) - 1))[0]
    return [transformer.admitted(settled[0]), *settled[1:]] if settled else settled


def parse_tokens(tokens: list[Token], excluding: bool = False) -> tuple[object | None, list[Token]]:
    """Parse what the grammar can take; returns the transformed result and the tokens left out.

    A criterion with nothing to build an atom from (no variable, concept or number) is not
    handed to the parser at all. ``excluding``: the criterion excludes, which decides how
    an exception reads."""
    if not any(token.type in _ANCHORS for token in tokens):
        return None, list(tokens)
    transformer = _transformer()
    transformer.begin(excluding)
    result, dropped = driver().parse(tokens[:MAX_TOKENS])
    return result, dropped + tokens[MAX_TOKENS:]


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


def parse_criterion(doc: Doc | DocIndex, span: Span, excluding: bool = False) -> Parsed:
    """A failure on one criterion, whatever its kind, leaves that criterion an explicit
    unparsed record, never the trial. ``excluding``: it is an exclusion criterion."""
    index = doc if isinstance(doc, DocIndex) else DocIndex.of(doc)
    try:
        stream: Stream = token_stream(index, span)
        result, dropped = parse_tokens(stream.tokens, excluding)
        tables = default_tables()
        # a cue no rule took whose words are a filler ("Diagnosis of X": "diagnosis" anchors
        # a window elsewhere) says nothing here, and an unparsed fragment would leave X unknown
        leftovers: list[Span] = [Span(t.start_pos, t.end_pos) for t in dropped if t.type not in _SILENT
                                 and t.end_pos > t.start_pos  # a token of no text ("(with" added) has none to report
                                 and not tables.is_filler(index.text[t.start_pos:t.end_pos])
                                 and not (t.type == "ANCHOR" and t.value in _CHECK_TIMES)]
        anchors = [Span(t.start_pos, t.end_pos) for t in dropped if t.type == "ANCHOR" and t.value in _CHECK_TIMES]
        subjects = Subjects(stream, index.text, span, tables.never_qualifiers, tables.population_words, tables.body_sites,
                            tables.instrument_heads, tables.kind_participles)
        thresholds = _thresholds()
        logic = finish(result, leftovers, subjects, thresholds) if result is not None else None
        if logic is not None:
            quals = [(Span(t.start_pos, t.end_pos or t.start_pos), t.value) for t in dropped if t.type == "QUAL"]
            logic, used = qualified_mentions(logic, quals, index.text)
            leftovers = [s for s in leftovers if s not in used]
        logic = windows_over_lists(logic, index.text, tables.future_words) if logic is not None else None
        taken: list[Span] = []
        if logic is not None and anchors:
            logic, anchors, taken = checked_at(logic, anchors, index.text)
        logic = named_ages(logic, index.text, span, tables.age) if logic is not None else None
        logic = named_rates(logic, index.text, tables, thresholds) if logic is not None else None
        logic = composed_names(logic, tables) if logic is not None else None
        if logic is not None and (any(t.type == "QUAL" and t.value in tables.future_words for t in stream.tokens)
                                  or any(w.text(index.text).lower() in tables.future_words for w in stream.words)):
            logic = planned_ahead(logic, tables)  # a plan is read from a cue or written as a qualifier word
        logic = repeats_merged(logic) if logic is not None else None
        leftovers += anchors
        words = [w for w in subjects.words if not any(t.contains(w) for t in taken)]  # "at the time of screening"
        return Parsed(logic, _merge(leftovers + words, index.text, span))
    except Exception:  # noqa: BLE001  (a bug hit by one criterion must not take the trial down)
        # said, so a bug never passes for text the grammar merely did not understand
        _LOG.warning("internal error on criterion %r; reported unparsed", span.text(index.text)[:80], exc_info=True)
        return Parsed(None, (Fragment(span, span.text(index.text)),))


_LOG = logging.getLogger(__name__)
_SILENT = {"AND", "OR", "COMMA", "SEMI", "SLASH", "LPAR", "QLPAR", "RPAR", "OF", "DASH", "TO"}
_CHECK_TIMES = {Anchor.SCREENING.value, Anchor.ENROLLMENT.value}  # when criteria are checked anyway
_SEPARATORS = {"AND", "OR", "COMMA", "SEMI"}
_BARS = {"UNLESS", "EXCEPT"}  # left over, they keep even a duration from the chunk before
