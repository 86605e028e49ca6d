"""Shared fixtures: corpus paths and one session-wide parsed reference trial."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
CHIA = ROOT.parent / "shared" / "corpora" / "chia"


def pytest_configure(config):
    """Start-up caches go to a directory of this test session, not the user's."""
    if "CRITERIA_NLP_CACHE" not in os.environ:
        config._criteria_nlp_cache = tempfile.mkdtemp(prefix="criteria-nlp-cache-")
        os.environ["CRITERIA_NLP_CACHE"] = config._criteria_nlp_cache


def pytest_unconfigure(config):
    folder = getattr(config, "_criteria_nlp_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def read_exact(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_cases(relative: str) -> list[dict]:
    return json.loads((CORPORA / relative).read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="session")
def reference_text() -> str:
    return read_exact(CORPORA / "NCT00846833" / "criteria.txt")


@pytest.fixture(scope="session")
def reference_trial():
    from criteria_nlp.api import parse_reference

    return parse_reference()
