"""The error catalogue: one exception family, each carrying the fields a caller needs."""

from __future__ import annotations


class CriteriaNLPError(Exception):
    """Base class; ``str(err)`` is one line fit for a terminal."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(CriteriaNLPError):
    """Input that cannot become a trial document: unreadable, binary, empty, wrong shape, too
    big. Carries the record's ``id`` when one can be known and its ``line`` in a JSONL file,
    so a batch's error records say which trial failed, not only where."""

    code = "E100"

    def __init__(self, message: str, *, source: str | None = None, id: str | None = None,
                 line: int | None = None) -> None:
        where = f"{source}:{line}" if source and line else source
        super().__init__(message, source=f"{where} [{id}]" if where and id else where or id)
        self.source = source
        self.id = id
        self.line = line


class RuleError(CriteriaNLPError):
    """A packaged rule, lexicon or grammar file that does not validate."""

    code = "E200"


class PatientError(CriteriaNLPError):
    """A patient record that does not fit the patient contract; names the field."""

    code = "E300"

    def __init__(self, message: str, *, field: str | None = None, source: str | None = None) -> None:
        self.field = field
        super().__init__(f"{field}: {message}" if field else message, source=source)


class ExportError(CriteriaNLPError):
    """A target format that cannot express a construct of the tree."""

    code = "E400"
