"""Start-up caches change nothing but speed, and no cache directory is ever needed."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from criteria_nlp import cache
from criteria_nlp.lexicon import load_lexicon
import spacy

from criteria_nlp.pipeline import _rule_tokenizer, default_nlp
from criteria_nlp.pipeline.lexicon_matcher import _keywords, lexicon_patterns
from criteria_nlp.serialize import trial_to_json
from criteria_nlp.units import _facts_of, _known_facts


def test_cached_entries_equal_what_they_stand_for(reference_trial):
    assert sorted(p.name.rsplit("-", 1)[0] for p in cache.cache_dir().iterdir()) == [
        "criterion-grammar", "lexicon", "lexicon-pattern-keywords", "tokenizer", "unit-facts"]
    assert _stored("lexicon") == load_lexicon()
    assert _stored("lexicon-pattern-keywords") == _keywords(default_nlp(), lexicon_patterns(load_lexicon()))
    built = _rule_tokenizer(spacy.blank("en"))
    texts = [reference_trial.text, "ANC≥1,500/mm3, Hgb>=9g/dL; AST/ALT ≤ 2.5 x ULN (e.g. 40 U/L)."]
    assert all([(t.text, t.whitespace_) for t in built(text)]
               == [(t.text, t.whitespace_) for t in default_nlp().tokenizer(text)] for text in texts)
    facts = _stored("unit-facts")
    assert facts == _known_facts() and all(facts[code] == _facts_of(code) for code in facts)


def _stored(name: str):
    with cache.path(name, ".pickle").open("rb") as handle:
        return pickle.load(handle)


def test_a_damaged_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    cache.cache_dir.cache_clear()
    try:
        where = cache.path("probe", ".pickle")
        where.write_bytes(b"not a pickle")
        assert cache.cached("probe", lambda: {"built": 1}) == {"built": 1}
        assert cache.cached("probe", lambda: {"built": 2}) == {"built": 1}  # stored, read back
    finally:
        cache.cache_dir.cache_clear()


def test_parse_without_a_usable_cache_directory_gives_the_same_trial(tmp_path, reference_trial):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    environment = {**os.environ, cache.ENVIRONMENT: str(blocker / "cache")}  # cannot be created
    done = subprocess.run([str(Path(sys.executable).parent / "criteria-nlp"), "parse"],
                          env=environment, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout) == trial_to_json(reference_trial)
    assert not (blocker.parent / "cache").exists()
