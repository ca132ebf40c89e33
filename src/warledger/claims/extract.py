"""DocumentExtractor: runs the claim extractors over batches of documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warledger.claims.model import Extraction
from warledger.documents.model import Document


class DocumentExtractor:
    def __init__(self, nlp, actors, gazetteer):
        self.nlp = nlp
        self.actors = actors
        self.gazetteer = gazetteer

    def run(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Extraction]:
        for doc in documents:
            yield Extraction(doc)
