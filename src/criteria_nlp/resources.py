"""Every packaged data path, resolved through importlib.resources in this one place.

``grammars/`` lives at the repository root and is force-included into the wheel as
``criteria_nlp/grammars``; the reference trial ships as ``criteria_nlp/reference``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

PACKAGE = "criteria_nlp"
REFERENCE_TRIAL = "NCT00846833"


def package_root() -> Traversable:
    return files(PACKAGE)


def data_file(name: str) -> Traversable:
    return package_root() / "data" / name


def open_grammar(name: str, **options: Any):
    """A Lark parser for a packaged grammar; ``%import .other`` between the grammar files
    resolves inside the package, whatever form it is installed in."""
    from lark import Lark

    return Lark.open_from_package(PACKAGE, name, ("grammars",), **options)


def reference_file(name: str, trial: str = REFERENCE_TRIAL) -> Traversable:
    return package_root() / "reference" / trial / name


def entity_model_file(name: str) -> Traversable:
    """A file of the shipped entity recognizer (``criteria_nlp/models/entities/``)."""
    return package_root() / "models" / "entities" / name


def schema_file(name: str) -> Traversable:
    return package_root() / "schemas" / name


def sql_file(name: str) -> Traversable:
    """A SQL template of the OMOP exporter (``criteria_nlp/sql/*.sql``)."""
    return package_root() / "sql" / name


@cache
def load_json(resource: str) -> Any:
    """Load a packaged JSON data file once (read-only: callers must not mutate it)."""
    return json.loads(data_file(resource).read_text(encoding="utf-8"))
