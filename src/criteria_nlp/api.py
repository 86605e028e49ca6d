"""The Python API: documents in, typed trials out. The CLI only delegates here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .assemble import assemble_trial
from .errors import InputError
from .ingest import Document, from_text, reference_document
from .logic import Trial
from .pipeline import default_nlp, make_doc


def parse_document(document: Document) -> Trial:
    nlp = default_nlp()
    return assemble_trial(document, nlp(make_doc(nlp, document.text)))


def parse_text(text: str, *, id: str | None = None) -> Trial:
    return parse_document(from_text(text, id=id))


def parse_reference() -> Trial:
    return parse_document(reference_document())


def parse_many(records: Iterable[Document | InputError], *, batch_size: int = 64) -> Iterator[Trial | InputError]:
    """Stream trials through ``nlp.pipe``; an input error stays in place as a record."""
    nlp = default_nlp()
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
