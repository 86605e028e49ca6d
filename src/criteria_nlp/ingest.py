"""Turn user input into Documents: plain text, CT.gov API v2 JSON, registry pages, batches.

Every reader either returns Documents or raises ``InputError`` with one line that says what
was wrong; batch readers yield the error in place of the record so one bad record never
loses the others.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .logic import Quantity, Structured
from .resources import REFERENCE_TRIAL, reference_file

MAX_CHARS = 2_000_000
_NCT = re.compile(r"\bNCT\d{8}\b")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\b", re.IGNORECASE)
_PAGE_AGES = re.compile(
    r"^(?:(?P<lo>\d+)\s*(?:\+|to\s+(?P<hi>\d+)))?(?:up to\s+(?P<upto>\d+))?\s*(?P<unit>year|month|week|day)s?\s+old$",
    re.IGNORECASE,
)
_PAGE_START = re.compile(r"^Inclusion criteria\s*$", re.MULTILINE | re.IGNORECASE)
_PAGE_END = re.compile(r"^(?:Trial design|Trial contacts and locations)\s*$", re.MULTILINE)
_SEXES = {"ALL": "ALL", "FEMALE": "FEMALE", "MALE": "MALE", "BOTH": "ALL"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_RECORD_ID = re.compile(r'"id"\s*:\s*"([^"\\]{1,200})"')
INPUT_SUFFIXES = (".txt", ".json", ".jsonl")


@dataclass(frozen=True, slots=True)
class Document:
    """One trial's criteria text (all spans index into ``text``) and its registry fields."""

    id: str
    text: str
    structured: Structured = field(default_factory=Structured)
    source: str | None = None
    line: int | None = None  # its line in a JSONL file


def check_text(text: str, source: str | None = None, *, id: str | None = None, line: int | None = None) -> str:
    """Reject input that is not criteria text at all, with a reason a user can act on."""
    where = {"source": source, "id": id, "line": line}
    if not text.strip():
        raise InputError("no criteria text (the input is empty or only whitespace)", **where)
    if len(text) > MAX_CHARS:
        raise InputError(
            f"text has {len(text):,} characters; the limit is {MAX_CHARS:,} per trial "
            "(split the input into one trial per record)",
            **where,
        )
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise InputError("input looks like binary data, not criteria text", **where)
    check_unicode(text, "text", **where)
    return text


def check_unicode(value: str, what: str, **where) -> str:
    """A lone surrogate (a JSON "\\ud800" escape, or an undecodable byte kept by the
    surrogateescape reader) is no character: it cannot be written as UTF-8 output."""
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise InputError(f"{what} is not valid Unicode: an undecodable byte or lone surrogate "
                         f"(U+{ord(bad.group()):04X}) at character {bad.start()}", **where)
    return value


def from_text(text: str, *, id: str | None = None, source: str | None = None, line: int | None = None) -> Document:
    check_text(text, source, id=id, line=line)
    if _PAGE_START.search(text) and _PAGE_END.search(text):
        return from_registry_page(text, source=source)
    match = _NCT.search(text[:2000])
    return Document(id or (match.group() if match else "trial"), text, Structured(), source, line)


def from_registry_page(page: str, *, source: str | None = None) -> Document:
    """A registry web page saved as text: criteria block plus sex, ages and volunteers."""
    start = _PAGE_START.search(page)
    if start is None:
        raise InputError("registry page has no 'Inclusion criteria' block", source=source)
    end = _PAGE_END.search(page, start.start())
    text = page[start.start() : end.start() if end else len(page)].rstrip() + "\n"
    fields = _page_fields(page)
    ids = _NCT.search(page)
    structured = Structured(
        sex=_SEXES.get(fields.get("sex", "").upper()),
        healthy_volunteers=_page_volunteers(fields.get("volunteers")),
        **_page_ages(fields.get("ages", "")),
    )
    return Document(ids.group() if ids else "trial", text, structured, source)


def _page_fields(page: str) -> dict[str, str]:
    """Registry pages put a field's label on one line and its value on the next non-blank one."""
    lines = [line.strip() for line in page.splitlines()]
    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        key = line.lower()
        if key in ("sex", "ages", "volunteers") and key not in fields:
            value = next((v for v in lines[i + 1 : i + 4] if v), "")
            fields[key] = value
    return fields


def _page_ages(value: str) -> dict[str, Quantity | None]:
    match = _PAGE_AGES.match(value.strip())
    if match is None:
        return {}
    unit = _time_unit(match.group("unit"))
    low, high = match.group("lo"), match.group("hi") or match.group("upto")
    if not all(math.isfinite(float(v)) for v in (low, high) if v):
        return {}
    return {
        "min_age": Quantity(float(low), unit) if low else None,
        "max_age": Quantity(float(high), unit) if high else None,
    }


def _page_volunteers(value: str | None) -> bool | None:
    if not value:
        return None
    return not value.lower().startswith("no")


def _ctgov_age(value: object, field_name: str, where: dict) -> Quantity | None:
    if value in (None, "", "N/A"):
        return None
    match = _AGE.match(str(value))
    if match is None or not math.isfinite(float(match.group(1))):
        raise InputError(f"{field_name}: cannot read age {str(value)[:80]!r}", **where)
    return Quantity(float(match.group(1)), _time_unit(match.group(2)))


def _time_unit(word: str) -> str:
    """The UCUM code of a registry's time word ("Years"), from the unit lexicon."""
    from .lexicon import default_lexicon

    return default_lexicon().case_free_units()[word.lower()]

def from_ctgov_study(study: object, *, source: str | None = None, id: str | None = None,
                     line: int | None = None) -> Document:
    """One ClinicalTrials.gov API v2 study object; ``id`` names it when it has no nctId
    (a file's stem)."""
    where = {"source": source, "id": id, "line": line}
    if not isinstance(study, dict):
        raise InputError(f"expected a study object, got {type(study).__name__}", **where)
    protocol = study.get("protocolSection")
    if not isinstance(protocol, dict):
        raise InputError("study has no protocolSection object", **where)
    ident = protocol.get("identificationModule") or {}
    nct = ident.get("nctId") if isinstance(ident, dict) else None
    if isinstance(nct, str) and nct:
        where["id"] = check_unicode(nct, "nctId", **where)
    eligibility = protocol.get("eligibilityModule")
    if not isinstance(eligibility, dict):
        raise InputError("study has no eligibilityModule", **where)
    text = eligibility.get("eligibilityCriteria", "")
    if not isinstance(text, str):
        raise InputError("eligibilityCriteria is not a string", **where)
    check_text(text, **where)
    sex = eligibility.get("sex")
    healthy = eligibility.get("healthyVolunteers")
    structured = Structured(
        min_age=_ctgov_age(eligibility.get("minimumAge"), "minimumAge", where),
        max_age=_ctgov_age(eligibility.get("maximumAge"), "maximumAge", where),
        sex=_SEXES.get(str(sex).upper()) if sex else None,
        healthy_volunteers=healthy if isinstance(healthy, bool) else None,
    )
    return Document(where["id"] or "trial", text, structured, source, line)


def ctgov_studies(payload: object, *, source: str | None = None, id: str | None = None,
                  line: int | None = None) -> Iterator[Document | InputError]:
    """A study, a list of studies, or a ``{"studies": [...]}`` page."""
    if isinstance(payload, dict) and "studies" in payload:
        payload = payload["studies"]
    studies = payload if isinstance(payload, list) else [payload]
    for i, study in enumerate(studies):
        try:
            if len(studies) == 1:
                yield from_ctgov_study(study, source=source, id=id, line=line)
            else:
                yield from_ctgov_study(study, source=f"{source}[{i}]", line=line)
        except InputError as err:
            yield err


def read_text_file(path: Path, *, id: str | None = None) -> str:
    """The file's text. A byte that is not UTF-8 is kept as a lone surrogate
    (surrogateescape) so that, in a file of many records, only the record holding it fails
    (``check_text``), not the whole file."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path), id=id) from err
    if b"\x00" in raw[:4096] and path.suffix.lower() != ".jsonl":
        raise InputError("input looks like binary data, not criteria text", source=str(path), id=id)
    return raw.decode("utf-8-sig", errors="surrogateescape")


def _json(text: str, **where) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}", **where) from err
    except RecursionError as err:
        raise InputError("JSON nested too deeply", **where) from err


def read_input(text: str, *, source: str, id: str | None = None) -> Iterator[Document | InputError]:
    """Sniff one input's format: JSON (CT.gov v2), JSONL, registry page or plain text;
    ``id`` names a record that carries none of its own (a file's stem)."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            payload = _json(text, source=source, id=id)
        except InputError:
            if stripped.startswith("{") and "\n{" in stripped:
                yield from _jsonl(text, source)
                return
            raise
        yield from ctgov_studies(payload, source=source, id=id)
        return
    yield from_text(text, id=id, source=source)


def _jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    """One record per line. A blank line is a failed record, not a trial; trailing blank
    lines at the end of the file are not records."""
    for number, line in enumerate(text.rstrip().splitlines(), 1):
        where = {"source": source, "line": number, "id": _line_id(line)}
        try:
            if not line.strip():
                raise InputError("blank line: no record", **where)
            record = _json(line, **where)
            if isinstance(record, dict) and "protocolSection" not in record and "text" in record:
                where["id"] = str(record.get("id") or f"line-{number}")
                check_unicode(where["id"], "'id'", **where)
                if not isinstance(record["text"], str):
                    raise InputError("'text' is not a string", **where)
                yield from_text(record["text"], **where)
            else:
                yield from ctgov_studies(record, **where)
        except InputError as err:
            yield err


def _line_id(line: str) -> str | None:
    """The id a JSONL line names ("id" or an NCT number), read before it is parsed, so
    that a line that does not parse is still reported under its trial's id."""
    match = _RECORD_ID.search(line[:4096]) or _NCT.search(line[:4096])
    if match is None or _SURROGATE.search(match.group()):
        return None
    return match.group(1) if match.re is _RECORD_ID else match.group()


def read_path(path: str | Path) -> Iterator[Document | InputError]:
    """A file or a directory of .txt/.json/.jsonl files; errors come back as records."""
    path = Path(path)
    if path.is_dir():
        yield from _read_directory(path)
        return
    stem = path.stem if path.suffix.lower() != ".jsonl" else None
    try:
        text = read_text_file(path, id=stem)
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl(text, str(path))
        else:
            yield from read_input(text, source=str(path), id=stem)
    except InputError as err:
        yield err


def _read_directory(root: Path) -> Iterator[Document | InputError]:
    """Every input file under ``root`` in path order. A symbolic link is followed only when it
    resolves inside ``root``; one that leads out of the tree (or nowhere) is reported as
    skipped. Linked directories are not descended: a target inside the tree is read where
    it is."""
    inside = root.resolve()
    entries: dict[Path, bool] = {}  # path -> followed (False: a link reported as skipped)
    for folder, directories, names in os.walk(root):
        for name in [*directories, *names]:
            entry = Path(folder, name)
            wanted = name in directories or entry.suffix.lower() in INPUT_SUFFIXES
            if wanted and entry.is_symlink() and not _resolves_inside(entry, inside):
                entries[entry] = False
            elif name in names and entry.suffix.lower() in INPUT_SUFFIXES and entry.is_file():
                entries[entry] = True
    if not any(entries.values()):
        yield InputError("directory holds no .txt, .json or .jsonl files", source=str(root))
    for entry in sorted(entries):
        if entries[entry]:
            yield from read_path(entry)
        else:
            yield InputError("skipped: a symbolic link that leads outside the input directory",
                             source=str(entry))


def _resolves_inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def only_documents(records: Iterable[Document | InputError]) -> list[Document]:
    """Strict reading for single-trial commands: the first error is raised."""
    out = []
    for record in records:
        if isinstance(record, InputError):
            raise record
        out.append(record)
    return out


def reference_document() -> Document:
    """The bundled reference trial NCT00846833 (registry-page criteria block)."""
    text = reference_file("criteria.txt").read_text(encoding="utf-8")
    meta = json.loads(reference_file("trial.json").read_text(encoding="utf-8"))
    fields = meta["structured"]
    structured = Structured(
        min_age=Quantity(**fields["min_age"]),
        max_age=Quantity(**fields["max_age"]),
        sex=fields["sex"],
        healthy_volunteers=fields["healthy_volunteers"],
    )
    return Document(REFERENCE_TRIAL, text, structured, "bundled reference trial")
