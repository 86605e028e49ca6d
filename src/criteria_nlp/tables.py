"""Reading the packaged TSV tables: a wrong header or row is a RuleError at load time."""

from __future__ import annotations

from .errors import RuleError
from .resources import data_file


def read_table(name: str, header: tuple[str, ...], *, required: bool = True,
               text: str | None = None) -> list[dict[str, str]]:
    """Rows of ``data/<name>``, or of ``text`` read as that file (what tests feed a loader).

    A missing optional table reads as no rows, so a lexicon still being written never breaks
    the code that merely benefits from it.
    """
    if text is None:
        resource = data_file(name)
        if not resource.is_file():
            if required:
                raise RuleError(f"data file {name} is missing from the package")
            return []
        text = resource.read_text(encoding="utf-8")
    return parse_table(text, name, header)


def parse_table(text: str, name: str, header: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV text as dicts; '#' lines are comments, the first other line the header.

    Every row has exactly the header's fields and a non-empty first field (the row's key);
    errors name ``name`` and the line.
    """
    lines = [(number, line) for number, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines or tuple(lines[0][1].split("\t")) != header:
        got = lines[0][1].split("\t") if lines else None
        raise RuleError(f"{name}: header must be {list(header)}, got {got}")
    rows = []
    for number, line in lines[1:]:
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != len(header):
            raise RuleError(f"{name}: line {number} has {len(fields)} fields, expected {len(header)}")
        if not fields[0]:
            raise RuleError(f"{name}: line {number} has an empty {header[0]!r}")
        rows.append(dict(zip(header, fields)))
    return rows


def split_list(value: str) -> tuple[str, ...]:
    """A '|'-separated cell."""
    return tuple(item.strip() for item in value.split("|") if item.strip())


def read_entries(name: str, text: str | None) -> list[tuple[int, str]]:
    """The entries of a one-entry-a-line data file (``text`` in its format, else the packaged
    file), with their line numbers: spaces collapsed, blank and '#' lines left out, none twice."""
    if text is None:
        text = data_file(name).read_text(encoding="utf-8")
    entries: list[tuple[int, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        entry = " ".join(line.split())
        if not entry or line.startswith("#"):
            continue
        if entry in seen:
            raise RuleError(f"{name}: line {number}: {entry!r} is listed twice")
        seen.add(entry)
        entries.append((number, entry))
    return entries


def read_phrases(name: str, text: str | None) -> list[tuple[int, str]]:
    """The entries of a one-phrase-a-line data file, each checked to be lower-case."""
    entries = read_entries(name, text)
    for number, phrase in entries:
        if phrase != phrase.lower():
            raise RuleError(f"{name}: line {number}: {phrase!r} is not lower-case")
    return entries


def read_words(name: str, text: str | None) -> list[tuple[int, str]]:
    """The entries of a one-word-a-line data file, each checked to be one lower-case word."""
    entries = read_entries(name, text)
    for number, word in entries:
        if len(word.split()) != 1 or word != word.lower():
            raise RuleError(f"{name}: line {number}: {word!r} is not one lower-case word")
    return entries
