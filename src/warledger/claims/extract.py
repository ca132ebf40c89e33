"""DocumentExtractor: documents → paragraphs → (pre-filter) → spaCy → claims.

Documents flow through spaCy in batches with `nlp.pipe`; paragraphs with no cue word
and no digit never reach the parser.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from importlib import resources

import yaml

from warledger.claims.casualties import CasualtyExtractor
from warledger.claims.context import DocContext, Paragraph, split_paragraphs
from warledger.claims.lexicon import alt, load_lexicons
from warledger.claims.model import Extraction
from warledger.documents.model import Document
from warledger.types import ActorMention

log = logging.getLogger(__name__)


def _cue_regex() -> re.Pattern:
    path = resources.files("warledger") / "data" / "lexicons" / "en" / "prefilter.yaml"
    stems = yaml.safe_load(path.read_text("utf-8"))["stems"]
    return re.compile(r"\d|\b" + alt(stems), re.I)


class DocumentExtractor:
    def __init__(self, nlp, actors, gazetteer, *, prefilter: bool = True):
        self.nlp = nlp
        self.actors = actors
        self.gazetteer = gazetteer
        self.lex = load_lexicons()
        # prefilter=False parses every paragraph (the baseline the benchmark compares with)
        self.cues = _cue_regex() if prefilter else re.compile(r"\S")
        self.casualties = CasualtyExtractor(self.lex)

    @cached_property
    def _optional_extractors(self):
        """Control and event extractors, when their modules are present."""
        out = []
        try:
            from warledger.claims.control import ControlExtractor

            out.append(("control", ControlExtractor(self.lex)))
        except ImportError:
            pass
        try:
            from warledger.claims.events import EventExtractor

            out.append(("events", EventExtractor(self.lex)))
        except ImportError:
            pass
        return out

    def _contexts(self, documents: Iterable[Document], batch_size: int) -> Iterator[DocContext]:
        """Parse the cue-bearing paragraphs of each document, batching across documents."""
        pending: list[tuple[Document, list[Paragraph]]] = []
        queue: list[Paragraph] = []

        def flush():
            for para, sdoc in zip(
                queue, self.nlp.pipe([p.text for p in queue], batch_size=batch_size), strict=True
            ):
                para.doc = sdoc
            for doc, paras in pending:
                yield DocContext(doc, paras, self.actors, self.gazetteer, self.lex)
            pending.clear()
            queue.clear()

        for doc in documents:
            paras = split_paragraphs(doc.text) if (doc.language or "en") == "en" else []
            wanted = [p for p in paras if self.cues.search(p.text)]
            pending.append((doc, paras))
            queue.extend(wanted)
            if len(queue) >= batch_size * 4 or len(pending) >= batch_size:
                yield from flush()
        yield from flush()

    def run(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Extraction]:
        for ctx in self._contexts(documents, batch_size):
            yield self.extract(ctx)

    def extract(self, ctx: DocContext) -> Extraction:
        ex = Extraction(ctx.document)
        if not ctx.sentences:
            return ex
        try:
            ex.casualties = self.casualties.extract(ctx)
        except Exception:  # noqa: BLE001 - the same isolation as the other extractors below
            log.exception(
                "casualty extractor failed on document %s (%s)", ctx.document.id, ctx.document.source
            )
            ex.casualties = []
        ctx.casualties = ex.casualties
        for name, extractor in self._optional_extractors:
            # control runs before events, which read ctx.casualties and ctx.control. One
            # extractor failing on a document costs that document's items of its kind, not
            # the document: the failure is logged with the document it happened on.
            try:
                setattr(ex, name, extractor.extract(ctx))
            except Exception:  # noqa: BLE001 - a rule bug on odd text must not lose the casualties
                log.exception(
                    "%s extractor failed on document %s (%s)", name, ctx.document.id, ctx.document.source
                )
                setattr(ex, name, [])
            setattr(ctx, name, getattr(ex, name))
        ex.actors = self._actors_used(ctx, ex)
        return ex

    def _actors_used(self, ctx: DocContext, ex: Extraction) -> list[ActorMention]:
        names: dict[str, ActorMention] = {}
        for claim in ex.claims():
            for attr in ("perpetrator", "actor", "from_actor", "actor1", "actor2"):
                name = getattr(claim, attr, None)
                if name:
                    names.setdefault(name, None)
            victims = getattr(claim, "victims", None)
            if victims is not None and victims.actor:
                names.setdefault(victims.actor, None)
            for s in claim.sources:
                names.setdefault(s, None)
        out = []
        for name in names:
            r = self.actors.resolve(name)
            out.append(ActorMention(name, bool(r and r.known)))
        return out
