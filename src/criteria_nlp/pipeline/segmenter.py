"""spaCy component: writes the criteria segments of a Doc to ``doc._.cnlp_segments``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..segmentation import Segmenter

if not Doc.has_extension("cnlp_segments"):
    Doc.set_extension("cnlp_segments", default=None)
if not Doc.has_extension("cnlp_text"):
    Doc.set_extension("cnlp_text", default=None)


class SegmenterComponent:
    def __init__(self) -> None:
        self.segmenter = Segmenter()

    def __call__(self, doc: Doc) -> Doc:
        doc._.cnlp_segments = tuple(self.segmenter(doc._.cnlp_text or doc.text))
        return doc


@Language.factory("cnlp_segmenter")
def make_segmenter(nlp: Language, name: str) -> SegmenterComponent:
    return SegmenterComponent()
