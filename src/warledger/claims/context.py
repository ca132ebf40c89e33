"""DocContext: what every claim extractor needs to know about the document it reads.

One is built per document by `claims.extract.DocumentExtractor`. Extractors
(casualties, control, events) get sentences (spaCy `Span`s) and ask the context for
the things that are resolved once per document: actors, places, dates, who said it
and how sure they were.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span

from warledger.actors import ActorIndex, ResolvedActor
from warledger.dates import TimeMention, find_time_expressions
from warledger.documents.model import Document
from warledger.places import Gazetteer
from warledger.types import Evidence, Place, When


@dataclass
class DocContext:
    document: Document
    doc: Doc
    actors: ActorIndex
    gazetteer: Gazetteer
    _ids: Counter = field(default_factory=Counter)

    # ---- identity -------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        self._ids[prefix] += 1
        return f"{prefix}{self._ids[prefix]}"

    @property
    def published(self) -> date | None:
        return self.document.published

    # ---- evidence -------------------------------------------------------------
    def evidence(self, start: int, end: int, sent: Span) -> Evidence:
        """Evidence from character offsets inside the document (never text.find)."""
        return Evidence(start=start, end=end, sentence=sent.text.strip(), sentence_start=sent.start_char)

    # ---- actors ---------------------------------------------------------------
    @cached_property
    def actor_mentions(self) -> list[tuple[int, int, ResolvedActor]]:
        """Every occurrence of a known actor alias in the text, in order."""
        return self.actors.find(self.document.text)

    def resolve_actor(self, text: str) -> ResolvedActor | None:
        return self.actors.resolve(text, country=self.main_country)

    # ---- places ---------------------------------------------------------------
    @cached_property
    def countries(self) -> list[str]:
        """Countries the document is about, most mentioned first (from GPE entities)."""
        counts: Counter = Counter()
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "LOC", "NORP"):
                p = self.gazetteer.resolve(ent.text)
                if p and p.country:
                    counts[p.country] += 2 if p.precision == "country" else 1
        return [c for c, _ in counts.most_common()]

    @property
    def main_country(self) -> str | None:
        return self.countries[0] if self.countries else None

    def resolve_place(self, name: str) -> Place | None:
        return self.gazetteer.resolve(name, countries=self.countries)

    # ---- time -----------------------------------------------------------------
    @cached_property
    def time_mentions(self) -> list[TimeMention]:
        return find_time_expressions(self.document.text, self.published)

    def times_in(self, start: int, end: int) -> list[TimeMention]:
        return [t for t in self.time_mentions if t.start >= start and t.end <= end]

    def publication_day(self) -> When | None:
        from warledger.types import Precision

        return When(self.published, self.published, Precision.DAY) if self.published else None
