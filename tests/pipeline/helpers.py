"""What a component may leave on a Doc: plain values, never live spaCy objects."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from enum import Enum


def plain(value: object) -> bool:
    """Only ints, strings, enums, None, tuples (NamedTuples too) and dataclasses of them."""
    if isinstance(value, tuple):
        return all(plain(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return all(plain(getattr(value, field.name)) for field in fields(value))
    return value is None or isinstance(value, (int, str, Enum))
