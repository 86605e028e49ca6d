"""Character spans: the one offset type every result carries, never a live spaCy object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` character offsets into the trial text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Symmetric: true when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def covering(cls, spans: "list[Span] | tuple[Span, ...]") -> Span:
        return cls(min(s.start for s in spans), max(s.end for s in spans))
