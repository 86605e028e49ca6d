"""Start-up caches: what every process would otherwise rebuild from the packaged data.

The compiled grammar (Lark's own cache file), the loaded lexicon, the lexer's lookup tables
and the unit facts the parser asks pint for are kept in a user cache directory, so
``criteria-nlp parse`` starts close to a bare ``import spacy``. Every file is keyed by a
fingerprint of the installed package (its code and data) and of the libraries that shape
what is cached, so a changed rule, grammar or library never reads a stale entry.

A cache is an optimisation only: a directory that cannot be created or written (a
read-only home), a missing or damaged file, all mean building from source as before.
``CRITERIA_NLP_CACHE`` names the directory; ``off`` switches caching off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from .resources import package_root

ENVIRONMENT = "CRITERIA_NLP_CACHE"
OFF = "off"
LIBRARIES = ("spacy", "scispacy", "lark", "pint")  # their versions shape what is cached
DIGEST_CHARS = 24
T = TypeVar("T")


@cache
def cache_dir() -> Path | None:
    """The cache directory, created if need be; None when caching is off or impossible."""
    configured = os.environ.get(ENVIRONMENT)
    if configured == OFF:
        return None
    if configured:
        folder = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = Path(base) / "criteria-nlp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.R_OK | os.X_OK) else None


@cache
def fingerprint() -> str | None:
    """A digest of every file of the installed package and of the library versions; None
    when the package is not plain files (a zip), which switches caching off."""
    root = Path(str(package_root()))
    if not root.is_dir():
        return None
    digest = hashlib.sha256(repr((sys.version_info[:2], [_version(name) for name in LIBRARIES])).encode())
    for file in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(str(file.relative_to(root)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:DIGEST_CHARS]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def path(name: str, suffix: str) -> Path | None:
    """Where the cache file ``name`` of this package build lives (None: no caching)."""
    folder, build = cache_dir(), fingerprint()
    if folder is None or build is None:
        return None
    where = folder / f"{name}-{build}{suffix}"
    if not where.exists():  # the first run of this build: entries of earlier ones are stale
        _drop_earlier(where)
    return where


def cached(name: str, build: Callable[[], T]) -> T:
    """``build()``, or what an earlier process of the same build stored for it."""
    where = path(name, ".pickle")
    if where is None:
        return build()
    try:
        with where.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001  (missing, unreadable or damaged: build it)
        pass
    value = build()
    _store(where, value)
    return value


def _store(where: Path, value: Any) -> None:
    """Write atomically (a concurrent reader sees the old file or the new one, never half of
    one) and drop the entries of earlier builds."""
    try:
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, where)
    except Exception:  # noqa: BLE001  (a cache that cannot be written is no cache)
        Path(temporary).unlink(missing_ok=True)


def _drop_earlier(where: Path) -> None:
    """Remove the entries of the same name that other builds stored."""
    stem = where.name.rsplit("-", 1)[0]
    earlier = re.compile(rf"{re.escape(stem)}-[0-9a-f]{{{DIGEST_CHARS}}}{re.escape(where.suffix)}")
    try:
        for old in where.parent.iterdir():
            if old != where and earlier.fullmatch(old.name):
                old.unlink(missing_ok=True)
    except OSError:
        pass
