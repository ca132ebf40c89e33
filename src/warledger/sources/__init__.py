"""Sources: inputs (files, directories, bulk files, feeds, URLs, stdin) to Documents.

    iter_documents(inputs, settings, ...) -> Iterator[Document | ErrorRecord]

Every input string may be a path, a directory, an http(s) URL or "-" for stdin.
A bad input becomes an ErrorRecord (stage "read") and the batch goes on. The single
readers below raise InputError for a bad input, and yield InputError instances for
bad records inside a good bulk file or feed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import httpx

from warledger.config import Settings
from warledger.documents.model import Document
from warledger.errors import ErrorRecord, InputError
from warledger.sources.bulk import read_csv, read_jsonl
from warledger.sources.feeds import feed_documents, read_feed
from warledger.sources.html import html_document, read_html
from warledger.sources.overrides import Overrides, parse_date
from warledger.sources.paths import read_directory, read_path, read_stdin
from warledger.sources.text import read_text, text_document
from warledger.sources.transport import Fetched, Fetcher, Transport, as_transport, fake_transport
from warledger.sources.url import is_url, read_url

__all__ = [
    "Fetched",
    "Fetcher",
    "Overrides",
    "Transport",
    "fake_transport",
    "feed_documents",
    "html_document",
    "is_url",
    "iter_documents",
    "parse_date",
    "read_csv",
    "read_directory",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "read_text",
    "read_url",
    "text_document",
]

STAGE = "read"
log = logging.getLogger(__name__)


def iter_documents(
    inputs: Iterable[str],
    settings: Settings,
    *,
    published: date | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    text_column: str = "text",
    fetch_links: bool = False,
    transport: Transport | httpx.BaseTransport | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Documents from every input, and an ErrorRecord for each input or record that failed.

    `published`, `url`, `title` and `publisher` win over what the inputs' metadata say.
    `transport` replaces the network (tests pass `fake_transport(...)` or an
    `httpx.MockTransport`).
    """
    overrides = Overrides(published=published, url=url, title=title, publisher=publisher)
    with Fetcher(settings, as_transport(transport)) as fetcher:
        for item in inputs:
            try:
                for result in _read_one(item, settings, overrides, text_column, fetch_links, fetcher):
                    yield _record(result, item) if isinstance(result, InputError) else result
            except InputError as exc:
                yield _record(exc, item)
            except Exception as exc:  # a bug or a library failure on one input must not end the batch
                log.exception("unexpected failure reading %s", item)
                yield _record(exc, item)


def _record(exc: BaseException, item: str) -> ErrorRecord:
    # the file inside a directory or the page behind a feed item is the better name
    source = exc.context.get("source") if isinstance(exc, InputError) else None
    return ErrorRecord.from_exception(STAGE, exc, source or item)


def _read_one(
    item: str, settings: Settings, overrides: Overrides, text_column: str, fetch_links: bool, fetcher: Fetcher
) -> Iterator[Document | InputError]:
    options = {"fetch_links": fetch_links, "fetcher": fetcher}
    if item == "-":
        return read_stdin(settings, overrides, **options)
    if is_url(item):
        return read_url(item, settings, overrides, **options)
    if Path(item).is_dir():
        return read_directory(item, settings, overrides, text_column=text_column, **options)
    return read_path(item, settings, overrides, text_column=text_column, **options)
