"""Ingest runs: inputs in, documents with their claims stored in the ledger.

    result = ingest(["reports/", "feed.xml"], settings)   # -> RunResult

Stages, in order, for each batch of ``settings.batch_size`` documents:

1. ``sources.iter_documents`` reads the inputs; a failed input arrives as an ErrorRecord.
2. Documents already stored (or seen earlier in this run) count as duplicates, unread.
3. ``Pipeline.extract`` runs over the batch; if it fails, the batch is retried one
   document at a time so that only the failing document is lost.
4. The syndication index links near-copies (``copy_of``); it is rebuilt from the
   ledger's stored signatures when the run starts.
5. Each document is written with its claims and actors in one transaction, so a
   killed run leaves no half-written document and a re-run picks up where it stopped.
   A document that another process stored first counts as a duplicate.

Errors go to ``ingest_errors`` and the RunResult; ``strict=True`` raises the first.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from warledger.claims.model import Extraction
from warledger.config import Settings
from warledger.documents.model import Document
from warledger.errors import ErrorRecord, ExtractionError, InputError, WarledgerError
from warledger.pipeline import Pipeline
from warledger.store import Ledger

log = logging.getLogger(__name__)

# What `progress` hears after each input or document: one of these, and the running totals.
INGESTED, DUPLICATE, FAILED = "ingested", "duplicate", "failed"


@dataclass(slots=True)
class RunResult:
    run_id: str | None = None
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    claims: int = 0
    status: str = "running"  # running | finished | failed | interrupted
    errors: list[ErrorRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.status == "finished"

    def to_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "claims": self.claims,
            "errors": [
                {
                    "stage": e.stage,
                    "code": e.code,
                    "message": e.message,
                    "source": e.source,
                    "doc_id": e.doc_id,
                }
                for e in self.errors
            ],
        }


Progress = Callable[[str, RunResult], None]


def ingest(
    inputs: Iterable[str],
    settings: Settings,
    *,
    ledger: Ledger | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    pipeline: Pipeline | None = None,
    **source_options,
) -> RunResult:
    """Read, extract and store every input; see the module docstring for the stages.

    ``source_options`` go to ``sources.iter_documents`` (published, url, title,
    publisher, text_column, fetch_links, transport). ``pipeline`` replaces the
    default ``Pipeline(settings)``, for tests and other extractors.
    """
    own_ledger = ledger is None
    ledger = ledger or Ledger.open(settings, write=True)
    try:
        run = _Run(settings, ledger, pipeline or Pipeline(settings), progress, strict)
        return run.run(inputs, source_options)
    finally:
        if own_ledger:
            ledger.close()


def settings_digest(settings: Settings) -> str:
    """Hash of the settings that shape extraction; where the ledger lives is left out."""
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in ("db", "cache_dir")}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def error_from_record(record: ErrorRecord) -> WarledgerError:
    """The exception an ErrorRecord stands for (matched on its code), for strict runs."""
    pending, by_code = [WarledgerError], {}
    while pending:
        cls = pending.pop()
        by_code.setdefault(cls.code, cls)
        pending.extend(cls.__subclasses__())
    cls = by_code.get(record.code, InputError)
    return cls(record.message, source=record.source, doc_id=record.doc_id)


def _as_extraction_error(exc: BaseException, doc: Document) -> ExtractionError:
    if isinstance(exc, ExtractionError):
        exc.context.setdefault("doc_id", doc.id)
        return exc
    err = ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", doc_id=doc.id, source=doc.source)
    err.__cause__ = exc
    return err


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _Syndication:
    """The near-copy index, seeded from the signatures the ledger already holds."""

    def __init__(self, ledger: Ledger):
        from warledger.documents.syndication import SyndicationIndex, minhash_signature

        self._sign = minhash_signature
        self.index = SyndicationIndex()
        stored = ledger.signatures()
        try:
            unsigned = [s.id for s in stored if s.signature is None]
            for s in stored:
                if s.signature is not None:
                    self.index.add_signature(s.id, s.signature)
        except ValueError as exc:
            # Signatures made with other MinHash parameters: hash the stored texts again.
            log.warning("stored signatures unusable (%s); rebuilding the syndication index from texts", exc)
            self.index = SyndicationIndex()
            unsigned = [s.id for s in stored]
        # Rows stored without a signature (by other tools) are hashed from their text.
        texts = ledger.texts(unsigned)
        for s in stored:
            if s.id in texts:
                self.index.add_text(s.id, texts[s.id])
        log.debug("syndication index rebuilt from %d stored documents", len(stored))

    def link(self, doc: Document) -> tuple[Document, bytes]:
        """The document with ``copy_of`` set when it copies an earlier one, and its signature."""
        copy_of = self.index.add(doc)
        if copy_of and not doc.copy_of:
            doc = doc.with_(copy_of=copy_of)
        return doc, self._sign(doc.text)


class _Run:
    def __init__(
        self, settings: Settings, ledger: Ledger, pipeline: Pipeline, progress: Progress | None, strict: bool
    ):
        self.settings = settings
        self.ledger = ledger
        self.pipeline = pipeline
        self.progress = progress
        self.strict = strict
        self.result = RunResult()
        self.seen: set[str] = set()
        self.extractors: set[str] = set(getattr(pipeline, "extractor_names", ()) or ())
        self._links = None  # actor affiliations for reconciliation, built on first use

    def run(self, inputs: Iterable[str], source_options: dict) -> RunResult:
        from warledger.sources import iter_documents

        r = self.result
        r.run_id = self.ledger.start_run(
            settings_digest=settings_digest(self.settings), extractors=self.extractors
        )
        try:
            self.syndication = _Syndication(self.ledger)
            items = iter_documents(list(inputs), self.settings, **source_options)
            for batch in _batches(items, max(1, self.settings.batch_size)):
                docs = []
                for item in batch:
                    if isinstance(item, ErrorRecord):
                        self._fail(item)
                    else:
                        docs.append(item)
                self._store_batch(docs)
            r.status = "finished"
        except KeyboardInterrupt:
            r.status = "interrupted"
            raise
        except BaseException:
            r.status = "failed"
            raise
        finally:
            self._finish()
        return r

    def _finish(self) -> None:
        r = self.result
        try:
            self.ledger.finish_run(
                r.run_id,
                status=r.status,
                ingested=r.ingested,
                duplicates=r.duplicates,
                failed=r.failed,
                claims=r.claims,
                extractors=self.extractors,
            )
        except WarledgerError:
            if r.status == "finished":
                raise
            log.exception("could not record the end of run %s", r.run_id)  # keep the first error

    def _tell(self, event: str) -> None:
        if self.progress:
            self.progress(event, self.result)

    def _fail(self, record: ErrorRecord, exc: BaseException | None = None) -> None:
        self.result.failed += 1
        self.result.errors.append(record)
        self.ledger.record_error(self.result.run_id, record)
        self._tell(FAILED)
        if self.strict:
            if isinstance(exc, WarledgerError):
                raise exc
            raise error_from_record(record) from exc

    def _store_batch(self, docs: list[Document]) -> None:
        fresh = []
        stored = self.ledger.stored_ids(d.id for d in docs) if docs else set()
        for d in docs:
            if d.id in self.seen or d.id in stored:
                self.result.duplicates += 1
                self._tell(DUPLICATE)
            else:
                self.seen.add(d.id)
                fresh.append(d)
        for doc, outcome in self._extract(fresh):
            if isinstance(outcome, BaseException):
                err = _as_extraction_error(outcome, doc)
                self._fail(ErrorRecord.from_exception("extract", err), err)
            else:
                self._store(outcome)

    def _reconcile(self, doc: Document) -> None:
        """Fold the new document's claims into the reconciled items it touches. The document
        is stored either way; `warledger reconcile` catches up on any left behind."""
        if not self.settings.reconcile_on_ingest:
            return
        from warledger.reconcile import reconcile_document
        from warledger.reconcile.actors import ActorLinks

        if self._links is None:
            index = getattr(self.pipeline, "actors", None)
            if index is None or not hasattr(index, "affiliations"):
                from warledger.actors import ActorIndex

                index = ActorIndex.load(self.settings)
            self._links = ActorLinks(index)
        try:
            reconcile_document(self.ledger, doc.id, actors=self._links)
        except WarledgerError as exc:
            self.ledger.record_error(
                self.result.run_id, ErrorRecord.from_exception("reconcile", exc, doc.source)
            )

    def _extract(self, docs: list[Document]) -> Iterator[tuple[Document, Extraction | Exception]]:
        if not docs:
            return
        try:
            extractions = list(self.pipeline.extract(docs))
            if len(extractions) != len(docs):
                raise ExtractionError(
                    f"pipeline returned {len(extractions)} extractions for {len(docs)} documents"
                )
        except Exception:
            log.warning(
                "batch extraction failed; retrying its %d documents one by one", len(docs), exc_info=True
            )
            for doc in docs:
                try:
                    yield doc, next(iter(self.pipeline.extract([doc])))
                except Exception as exc:
                    yield doc, exc
            return
        yield from zip(docs, extractions, strict=True)

    def _store(self, extraction: Extraction) -> None:
        doc = extraction.document
        local_ids = [c.id for c in extraction.claims()]
        if len(set(local_ids)) != len(local_ids):
            err = ExtractionError("two claims share an id", doc_id=doc.id, source=doc.source)
            self._fail(ErrorRecord.from_exception("extract", err), err)
            return
        extraction.document, signature = self.syndication.link(doc)
        if self.ledger.add_extraction(extraction, run_id=self.result.run_id, minhash=signature):
            self.result.ingested += 1
            self.result.claims += len(local_ids)
            self.extractors.update(c.extractor for c in extraction.claims())
            self._reconcile(doc)
            self._tell(INGESTED)
        else:
            self.result.duplicates += 1
            self._tell(DUPLICATE)
