"""The tokenizer in linear time: long runs of symbols are tokenized in pieces.

spaCy's tokenizer strips prefixes and suffixes one at a time from a whitespace-free run,
copying and re-searching what is left each time: quadratic in the number of affixes in a
row (16,000 '%' took 50 s). Criteria never hold long runs of symbols without a letter or
digit among them (separator lines at most), so such a run is cut every ``SYMBOL_PIECE``
characters, each piece tokenized on its own and the Docs joined without adding a character:
spans still index into the original text. Cuts keep ``SYMBOL_PIECE`` characters from the
run's ends, so a comparator written onto a number ("=====<=5") stays whole, and letters
and digits are never cut: a number or word means what it says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

SYMBOL_PIECE = 16  # characters of a symbol run tokenized in one piece
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{3 * SYMBOL_PIECE},}}")


def cuts(text: str) -> list[int]:
    """Offsets where ``text`` is split before tokenizing (none for ordinary text)."""
    out: list[int] = []
    for run in _SYMBOL_RUN.finditer(text):
        out.extend(range(run.start() + SYMBOL_PIECE, run.end() - SYMBOL_PIECE, SYMBOL_PIECE))
    return out


class RunBoundedTokenizer:
    """Wraps the pipeline's tokenizer; everything but ``__call__`` is the wrapped one's."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        points = cuts(text)
        if not points:
            return self.tokenizer(text)
        bounds = [0, *points, len(text)]
        docs = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:])]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (a copy under construction)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
