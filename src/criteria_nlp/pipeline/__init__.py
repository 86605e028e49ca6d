"""The spaCy pipeline: scispaCy's rule tokenizer and abbreviation algorithm plus our components."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from functools import cache
from types import SimpleNamespace

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from ..cache import cached
from ..errors import RuleError
from ..resources import load_json
from . import abbreviations as _abbreviations  # noqa: F401  (registers the factory)
from . import entities as _entities  # noqa: F401  (registers the factory)
from . import lexicon_matcher as _lexicon_matcher  # noqa: F401  (registers the factory)
from . import segmenter as _segmenter  # noqa: F401  (registers the factory)
from .tokenizer import RunBoundedTokenizer


TOKENIZER = "cnlp_tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER)
def tokenizer_factory() -> Callable[[Language], RunBoundedTokenizer]:
    """scispaCy's rule tokenizer with the extra infixes of ``data/tokenizer.json``, in
    bounded pieces (``tokenizer.py``). Named in the pipeline's config, so ``spacy.blank``
    builds only this one, not English's default tokenizer first; kept in the start-up cache
    as spaCy serializes it, so later processes compile each of its patterns once."""

    def create(nlp: Language) -> RunBoundedTokenizer:
        data = cached("tokenizer", lambda: _rule_tokenizer(nlp).to_bytes(exclude=["vocab"]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # a regex in scispaCy's tokenizer rules
            return RunBoundedTokenizer(Tokenizer(nlp.vocab).from_bytes(data, exclude=["vocab"]))

    return create


def _rule_tokenizer(nlp: Language) -> Tokenizer:
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    # scispaCy reads the default tokenizer's token_match, which is the language's own
    nlp.tokenizer = SimpleNamespace(token_match=nlp.Defaults.token_match)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # a regex in scispaCy's tokenizer rules
        tokenizer = combined_rule_tokenizer(nlp)
    rules = load_json("tokenizer.json")
    builtin = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile("|".join([builtin, *infix_patterns(rules)])).finditer
    # Whitespace special cases switch spaCy's tokenizer cache off for the rest of a text at
    # the first newline (spaCy issue #13950); without them the tokens are the same, 3-5x faster.
    kept = special_cases(rules)
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k.strip() and kept.search(k)}
    return tokenizer


def build_nlp(*, abbreviations: bool = True, entities: bool = False) -> Language:
    """A blank English pipeline; built once per process by ``default_nlp``.

    ``entities`` adds the trained entity recognizer (``doc._.cnlp_entities``); without it
    the pipeline is rules only, and faster.
    """
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.max_length = 2_000_000
    nlp.add_pipe("cnlp_segmenter")
    if abbreviations:
        nlp.add_pipe("cnlp_abbreviations")
    nlp.add_pipe("cnlp_lexicon_matcher")  # after the detector: it reads the text's own abbreviations
    if entities:
        nlp.add_pipe("cnlp_entities")
    return nlp


def infix_patterns(raw: dict) -> list[str]:
    """The extra infixes of ``tokenizer.json`` (its parsed content): ``infixes``, a list of
    Python regular expressions; each must compile."""
    _check_keys(raw)
    for pattern in raw["infixes"]:
        _compiled(pattern, "infix pattern")
    return raw["infixes"]


def special_cases(raw: dict) -> re.Pattern[str]:
    """Which of spaCy's special cases ``tokenizer.json`` keeps: ``special_cases``, a Python
    regular expression searched in each one's text."""
    _check_keys(raw)
    return _compiled(raw["special_cases"], "special_cases pattern")


def _check_keys(raw: dict) -> None:
    keys = sorted(raw) if isinstance(raw, dict) else raw
    if (not isinstance(raw, dict) or set(raw) - {"_doc"} != {"infixes", "special_cases"}
            or not isinstance(raw["infixes"], list)):
        raise RuleError("tokenizer.json: must hold a list 'infixes' and a pattern 'special_cases', "
                        f"nothing else but '_doc'; got {keys!r}")


def _compiled(pattern: str, what: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except (re.error, TypeError) as err:
        raise RuleError(f"tokenizer.json: bad {what} {pattern!r}: {err}") from err


def default_nlp(*, fast: bool = False) -> Language:
    """The full pipeline, or with ``fast`` the rules only (no entity recognizer): the
    lexicon's concepts and variables, and the concepts word forms name
    (``grammar/term_forms.py``), at several times the speed."""
    return _built(fast)


@cache
def _built(fast: bool) -> Language:
    """One pipeline per mode and process: ``default_nlp()`` and ``default_nlp(fast=False)``
    are one cache entry here, not two."""
    return build_nlp(entities=not fast)


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize, keeping the input string on the Doc: ``Doc.text`` is rebuilt from every
    token on each access, which costs as much as segmenting the text."""
    doc = nlp.make_doc(text)
    doc._.cnlp_text = text
    return doc
