"""Documents in, extractions out: the one place that wires the stages together.

    Pipeline(settings).extract(documents) -> Iterator[Extraction]

Models and indexes (spaCy, actor list, gazetteer) load once, lazily, per Pipeline.
Documents flow through spaCy in batches (`nlp.pipe`); a cheap pre-filter keeps
paragraphs that cannot hold a claim away from the parser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cached_property

from warledger.actors import ActorIndex
from warledger.claims.model import Extraction
from warledger.config import Settings
from warledger.documents.model import Document
from warledger.places import Gazetteer

log = logging.getLogger(__name__)


class Pipeline:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    @cached_property
    def nlp(self):
        from warledger.sentences.nlp import load_nlp

        return load_nlp(self.settings.spacy_model)

    @cached_property
    def actors(self) -> ActorIndex:
        return ActorIndex.load(self.settings)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.open(self.settings)

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extract every document; non-English documents yield an empty extraction."""
        from warledger.claims.extract import DocumentExtractor

        extractor = DocumentExtractor(self.nlp, self.actors, self.gazetteer)
        yield from extractor.run(documents, batch_size=self.settings.batch_size)

    def extract_one(self, document: Document) -> Extraction:
        return next(iter(self.extract([document])))
