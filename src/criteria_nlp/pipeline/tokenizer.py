"""The tokenizer in linear time: the middle of a long run of symbols is one token.

spaCy's tokenizer strips prefixes and suffixes one at a time from a whitespace-free run,
copying and re-searching what is left each time: quadratic in the number of affixes in a
row (16,000 '%' took 50 s). Criteria never hold long runs of symbols without a letter or
digit among them (separator lines at most). The ``SYMBOL_PIECE`` characters at each end of
such a run are tokenized as usual, so a comparator written onto a number ("=====<=5") stays
whole; the middle becomes a single token, so later stages see a handful of tokens, not one
per character, and the Docs are joined without adding a character: spans still index into
the original text. Letters and digits are never in a middle: a number or word means what it
says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

SYMBOL_PIECE = 16  # characters of a symbol run tokenized in one piece
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{3 * SYMBOL_PIECE},}}")  # "_" is a word character to \w


def middles(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` kept as one token each (none for ordinary text)."""
    return [(run.start() + SYMBOL_PIECE, run.end() - SYMBOL_PIECE) for run in _SYMBOL_RUN.finditer(text)]


class RunBoundedTokenizer:
    """Wraps the pipeline's tokenizer; everything but ``__call__`` is the wrapped one's."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        held = middles(text)
        if not held:
            return self.tokenizer(text)
        docs, at = [], 0
        for start, end in held:
            docs.append(self.tokenizer(text[at:start]))
            docs.append(Doc(self.tokenizer.vocab, words=[text[start:end]], spaces=[False]))
            at = end
        docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs([doc for doc in docs if len(doc)], ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (a copy under construction)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
