"""Reading the packaged TSV tables: a wrong header or row is a RuleError at load time."""

from __future__ import annotations

from .errors import RuleError
from .resources import data_file


def read_table(name: str, header: tuple[str, ...], *, required: bool = True) -> list[dict[str, str]]:
    """Rows of ``data/<name>`` as dicts; '#' lines are comments, the first other line the header.

    A missing optional table reads as no rows, so a lexicon still being written never breaks
    the code that merely benefits from it.
    """
    resource = data_file(name)
    if not resource.is_file():
        if required:
            raise RuleError(f"data file {name} is missing from the package")
        return []
    lines = [line for line in resource.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != header:
        raise RuleError(f"{name}: header must be {list(header)}, got {lines[0].split(chr(9)) if lines else None}")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        fields += [""] * (len(header) - len(fields))
        if len(fields) != len(header):
            raise RuleError(f"{name}: row {number} has {len(fields)} fields, expected {len(header)}")
        rows.append({key: value.strip() for key, value in zip(header, fields)})
    return rows


def split_list(value: str) -> tuple[str, ...]:
    """A '|'-separated cell."""
    return tuple(item.strip() for item in value.split("|") if item.strip())
