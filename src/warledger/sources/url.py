"""URLs: fetched through the transport seam, then read as HTML, text or a feed."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from warledger.config import Settings
from warledger.documents.model import Document
from warledger.errors import InputError
from warledger.sources.feeds import feed_documents
from warledger.sources.html import html_document
from warledger.sources.overrides import Overrides
from warledger.sources.sniff import Kind, kind_of_bytes
from warledger.sources.text import text_document
from warledger.sources.transport import FEED_TYPES, HTML_TYPES, TEXT_TYPES, Fetcher, Transport, as_transport

ReadResult = Document | InputError


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_url(
    url: str,
    settings: Settings,
    overrides: Overrides | None = None,
    *,
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
    transport: Transport | httpx.BaseTransport | None = None,
) -> Iterator[ReadResult]:
    """Documents from a URL: one for a page, one per item for a feed.

    Raises an InputError (FetchError, BlockedAddress, TooLarge...) when the URL
    cannot be read; per-item problems of a feed are yielded.
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings, as_transport(transport))
    try:
        fetched = fetcher.fetch(url)
        kind = _kind(fetched.content_type, fetched.body)
        if kind is Kind.FEED:
            yield from feed_documents(fetched.body, url, overrides, fetch_links=fetch_links, fetcher=fetcher)
        elif kind is Kind.HTML:
            yield html_document(fetched.body, url, overrides, url=fetched.url, charset=fetched.charset)
        else:
            doc = text_document(fetched.body, url, overrides, fetched.charset)
            yield doc if doc.url else doc.with_(url=fetched.url)
    finally:
        if own:
            fetcher.close()


def _kind(content_type: str | None, body: bytes) -> Kind:
    if content_type in HTML_TYPES:
        return Kind.HTML
    if content_type in FEED_TYPES:
        return Kind.FEED  # XML that is no feed is reported as such
    if content_type in TEXT_TYPES:
        return Kind.TEXT
    sniffed = kind_of_bytes(body[:4096])  # the server sent no type
    return sniffed if sniffed in (Kind.FEED, Kind.HTML) else Kind.TEXT
