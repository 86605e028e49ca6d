"""The Python API: documents in, typed trials out. The CLI only delegates here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from .assemble import assemble_trial
from .errors import InputError
from .ingest import Document, from_text, only_documents, read_input, read_text_file, reference_document
from .logic import Trial
from .pipeline import default_nlp, make_doc
from .serialize import SCHEMA, trial_from_json


def parse_document(document: Document, *, fast: bool = False) -> Trial:
    """``fast``: rules only, without the trained entity recognizer (see ``default_nlp``)."""
    nlp = default_nlp(fast=fast)
    return assemble_trial(document, nlp(make_doc(nlp, document.text)))


def parse_text(text: str, *, id: str | None = None, fast: bool = False) -> Trial:
    return parse_document(from_text(text, id=id), fast=fast)


def parse_reference() -> Trial:
    return parse_document(reference_document())


def load_trial(spec: str | Path | None) -> Trial:
    """The trial a command works on: a criteria-logic JSON file as is; criteria text, a
    registry page or CT.gov JSON through the parser; nothing: the reference trial."""
    if spec is None:
        return parse_reference()
    path = Path(spec)
    text = read_text_file(path)
    if text.lstrip().startswith("{"):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError:
            raw = None
        if isinstance(raw, dict) and raw.get("schema") == SCHEMA:
            return trial_from_json(raw, source=str(path))
    stem = path.stem if path.suffix.lower() == ".txt" else None
    documents = only_documents(read_input(text, source=str(path), id=stem))
    if len(documents) != 1:
        raise InputError(f"holds {len(documents)} trials; expected one", source=str(path))
    return parse_document(documents[0])


def parse_many(records: Iterable[Document | InputError], *, batch_size: int = 64,
               fast: bool = False) -> Iterator[Trial | InputError]:
    """Stream trials through ``nlp.pipe``; an input error stays in place as a record."""
    nlp = default_nlp(fast=fast)
    buffer: list[Document] = []

    def flush() -> Iterator[Trial]:
        docs: Iterable[Doc] = nlp.pipe((make_doc(nlp, d.text) for d in buffer), batch_size=batch_size)
        for document, doc in zip(buffer, docs):
            yield assemble_trial(document, doc)
        buffer.clear()

    for record in records:
        if isinstance(record, InputError):
            yield from flush()
            yield record
            continue
        buffer.append(record)
        if len(buffer) >= batch_size:
            yield from flush()
    yield from flush()
