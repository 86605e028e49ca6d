"""spaCy component: open-vocabulary entity mentions (conditions, drugs, procedures,
observations) from a small trained NER, so concepts the hand-written lexicon lacks are still
found with their span and domain.

The NER (trained by ``training/entities.py``, shipped as ``criteria_nlp/models/entities``)
runs on the Doc this project's tokenizer made, never on a re-tokenized text: its tok2vec
reads the token attributes of our Doc directly. ``doc._.cnlp_entities`` holds one
``EntityMatch`` per mention in text order; plain integers and a label string. (The NER pipe
also leaves its spans in ``doc.ents``; nothing else in the pipeline sets or reads them.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.pipeline import TrainablePipe
from thinc.api import Config

from ..resources import entity_model_file

EXTENSION = "cnlp_entities"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=())

LABELS = ("CONDITION", "DRUG", "PROCEDURE", "OBSERVATION")


class EntityMatch(NamedTuple):
    start: int
    end: int
    start_char: int
    end_char: int
    label: str


def load_ner(nlp: Language, config_text: str, ner_weights: bytes) -> TrainablePipe:
    """The trained ``ner`` pipe, built on ``nlp``'s own vocabulary from the model's config
    and the pipe's bytes. No second Language is made (that was a fifth of start-up), no
    file paths are used, so it loads from any importlib.resources location, zipped or not;
    no vocabulary is shipped."""
    settings = dict(Config().from_str(config_text)["components"]["ner"])
    factory = settings.pop("factory")
    ner = nlp.create_pipe(factory, name="ner", config=settings, validate=False)
    return ner.from_bytes(ner_weights, exclude=["vocab"])


def packaged_ner(nlp: Language) -> TrainablePipe:
    """The shipped NER (inference only)."""
    return load_ner(
        nlp,
        entity_model_file("config.cfg").read_text(encoding="utf-8"),
        entity_model_file("model.bin").read_bytes(),
    )


class EntityRecognizer:
    """Runs a trained ``ner`` pipe on our Docs and turns ``doc.ents`` into ``EntityMatch``es."""

    def __init__(self, nlp: Language, ner: TrainablePipe) -> None:
        self.ner = ner
        unknown = set(self.ner.labels) - set(LABELS)
        if unknown:
            raise ValueError(f"entity model has labels outside {LABELS}: {sorted(unknown)}")
        # the NER writes label hashes; our vocab must know their strings
        self.labels = {nlp.vocab.strings.add(label): label for label in self.ner.labels}

    def __call__(self, doc: Doc) -> Doc:
        return self._record(self.ner(doc))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in self.ner.pipe(docs, batch_size=batch_size):
            yield self._record(doc)

    def _record(self, doc: Doc) -> Doc:
        doc._.cnlp_entities = tuple(
            EntityMatch(ent.start, ent.end, ent.start_char, ent.end_char, self.labels[ent.label])
            for ent in doc.ents
        )
        return doc


@Language.factory("cnlp_entities")
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, packaged_ner(nlp))
