"""Turn user input into Documents: plain text, CT.gov API v2 JSON, registry pages, batches.

Every reader either returns Documents or raises ``InputError`` with one line that says what
was wrong; batch readers yield the error in place of the record so one bad record never
loses the others.
"""

from __future__ import annotations

import json
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


@dataclass(frozen=True, slots=True)
class Document:
    """One trial's criteria text (all spans index into ``text``) and its registry fields."""

    id: str
    text: str
    structured: Structured = field(default_factory=Structured)
    source: str | None = None


def check_text(text: str, source: str | None = None) -> str:
    """Reject input that is not criteria text at all, with a reason a user can act on."""
    if len(text) > MAX_CHARS:
        raise InputError(
            f"text has {len(text):,} characters; the limit is {MAX_CHARS:,} per trial "
            "(split the input into one trial per record)",
            source=source,
        )
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if "\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise InputError("input looks like binary data, not criteria text", source=source)
    return text


def from_text(text: str, *, id: str | None = None, source: str | None = None) -> Document:
    check_text(text, source)
    if _PAGE_START.search(text) and _PAGE_END.search(text):
        return from_registry_page(text, source=source)
    match = _NCT.search(text[:2000])
    return Document(id or (match.group() if match else "trial"), text, Structured(), source)


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
    return {
        "min_age": Quantity(float(low), unit) if low else None,
        "max_age": Quantity(float(high), unit) if high else None,
    }


def _page_volunteers(value: str | None) -> bool | None:
    if not value:
        return None
    return not value.lower().startswith("no")


def _ctgov_age(value: object, field_name: str, source: str | None) -> Quantity | None:
    if value in (None, "", "N/A"):
        return None
    match = _AGE.match(str(value))
    if match is None:
        raise InputError(f"{field_name}: cannot read age {value!r}", source=source)
    return Quantity(float(match.group(1)), _time_unit(match.group(2)))


def _time_unit(word: str) -> str:
    """The UCUM code of a registry's time word ("Years"), from the unit lexicon."""
    from .lexicon import default_lexicon

    return default_lexicon().case_free_units()[word.lower()]

def from_ctgov_study(study: object, *, source: str | None = None) -> Document:
    """One ClinicalTrials.gov API v2 study object."""
    if not isinstance(study, dict):
        raise InputError(f"expected a study object, got {type(study).__name__}", source=source)
    protocol = study.get("protocolSection")
    if not isinstance(protocol, dict):
        raise InputError("study has no protocolSection object", source=source)
    ident = protocol.get("identificationModule") or {}
    nct = ident.get("nctId") if isinstance(ident, dict) else None
    eligibility = protocol.get("eligibilityModule")
    where = f"{source}#{nct}" if source and nct else (nct or source)
    if not isinstance(eligibility, dict):
        raise InputError("study has no eligibilityModule", source=where)
    text = eligibility.get("eligibilityCriteria", "")
    if not isinstance(text, str):
        raise InputError("eligibilityCriteria is not a string", source=where)
    check_text(text, where)
    sex = eligibility.get("sex")
    healthy = eligibility.get("healthyVolunteers")
    structured = Structured(
        min_age=_ctgov_age(eligibility.get("minimumAge"), "minimumAge", where),
        max_age=_ctgov_age(eligibility.get("maximumAge"), "maximumAge", where),
        sex=_SEXES.get(str(sex).upper()) if sex else None,
        healthy_volunteers=healthy if isinstance(healthy, bool) else None,
    )
    return Document(nct or "trial", text, structured, source)


def ctgov_studies(payload: object, *, source: str | None = None) -> Iterator[Document | InputError]:
    """A study, a list of studies, or a ``{"studies": [...]}`` page."""
    if isinstance(payload, dict) and "studies" in payload:
        payload = payload["studies"]
    studies = payload if isinstance(payload, list) else [payload]
    for i, study in enumerate(studies):
        try:
            yield from_ctgov_study(study, source=source if len(studies) == 1 else f"{source}[{i}]")
        except InputError as err:
            yield err


def read_text_file(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", source=str(path)) from err
    if b"\x00" in raw[:4096]:
        raise InputError("input looks like binary data, not criteria text", source=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", source=str(path)) from err


def _json(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}", source=source) from err


def read_input(text: str, *, source: str, id: str | None = None) -> Iterator[Document | InputError]:
    """Sniff one input's format: JSON (CT.gov v2), JSONL, registry page or plain text."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError:
            if stripped.startswith("{") and "\n{" in stripped:
                yield from _jsonl(text, source)
                return
            payload = _json(text, source)
        yield from ctgov_studies(payload, source=source)
        return
    yield from_text(text, id=id, source=source)


def _jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _json(line, where)
            if isinstance(record, dict) and "protocolSection" not in record and "text" in record:
                if not isinstance(record["text"], str):
                    raise InputError("'text' is not a string", source=where)
                yield from_text(record["text"], id=str(record.get("id") or f"line-{number}"), source=where)
            else:
                yield from ctgov_studies(record, source=where)
        except InputError as err:
            yield err


def read_path(path: str | Path) -> Iterator[Document | InputError]:
    """A file or a directory of .txt/.json/.jsonl files; errors come back as records."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".json", ".jsonl") and p.is_file())
        if not files:
            yield InputError("directory holds no .txt, .json or .jsonl files", source=str(path))
        for file in files:
            yield from read_path(file)
        return
    try:
        text = read_text_file(path)
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl(text, str(path))
        else:
            yield from read_input(text, source=str(path), id=path.stem if path.suffix.lower() == ".txt" else None)
    except InputError as err:
        yield err


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
