"""The spaCy pipeline: scispaCy's rule tokenizer and abbreviation algorithm plus our components."""

from __future__ import annotations

import re
import warnings
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_json
from . import abbreviations as _abbreviations  # noqa: F401  (registers the factory)
from . import lexicon_matcher as _lexicon_matcher  # noqa: F401  (registers the factory)
from . import segmenter as _segmenter  # noqa: F401  (registers the factory)
from .tokenizer import RunBoundedTokenizer


def build_nlp(*, abbreviations: bool = True) -> Language:
    """A blank English pipeline; built once per process by ``default_nlp``."""
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    nlp = spacy.blank("en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # a regex in scispaCy's tokenizer rules
        nlp.tokenizer = combined_rule_tokenizer(nlp)
    extra = load_json("tokenizer.json")["infixes"]
    builtin = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join([builtin, *extra])).finditer
    # Whitespace special cases switch spaCy's tokenizer cache off for the rest of a text at
    # the first newline (spaCy issue #13950); without them the tokens are the same, 3-5x faster.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k.strip()}
    nlp.tokenizer = RunBoundedTokenizer(nlp.tokenizer)
    nlp.max_length = 2_000_000
    nlp.add_pipe("cnlp_segmenter")
    if abbreviations:
        nlp.add_pipe("cnlp_abbreviations")
    nlp.add_pipe("cnlp_lexicon_matcher")  # after the detector: it reads the text's own abbreviations
    return nlp


@cache
def default_nlp() -> Language:
    return build_nlp()


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize, keeping the input string on the Doc: ``Doc.text`` is rebuilt from every
    token on each access, which costs as much as segmenting the text."""
    doc = nlp.make_doc(text)
    doc._.cnlp_text = text
    return doc
