"""RSS and Atom feeds: each item becomes a document, from its content or summary,
or from the page it links to when `fetch_links` is on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser

from warledger.config import Settings
from warledger.documents.html import fragment_text
from warledger.documents.model import Document
from warledger.errors import EmptyDocument, InputError, UnsupportedSource
from warledger.sources.decode import read_file_bytes
from warledger.sources.html import html_document
from warledger.sources.overrides import Overrides, parse_date
from warledger.sources.text import build_document, text_document
from warledger.sources.transport import HTML_TYPES, TEXT_TYPES, Fetcher

ReadResult = Document | InputError


def read_feed(
    path: str | Path,
    settings: Settings,
    overrides: Overrides | None = None,
    *,
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    path = Path(path)
    yield from feed_documents(
        read_file_bytes(path, settings), str(path), overrides, fetch_links=fetch_links, fetcher=fetcher
    )


def feed_documents(
    raw: bytes,
    source: str,
    overrides: Overrides | None = None,
    *,
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    """Documents of a feed's items. Raises UnsupportedSource when `raw` is not a feed."""
    # Always bytes: given a str, feedparser would open it as a URL or a file name.
    parsed = feedparser.parse(raw)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom structure"
        raise UnsupportedSource(f"not an RSS or Atom feed: {reason}", source=source)
    feed = parsed.feed
    feed_language = feed.get("language")
    publisher = feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        item = {
            "url": entry.get("link") or None,
            "title": entry.get("title") or None,
            "publisher": publisher,
            "published": parse_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            "author": entry.get("author") or None,
            "language": feed_language,
        }
        if fetch_links and item["url"]:
            try:
                yield _linked_document(item, source, overrides, fetcher)
                continue
            except InputError as exc:
                # the item still has its summary: report the link, keep the item
                yield exc
        try:
            yield _item_document(entry, item, source, number, overrides)
        except InputError as exc:
            yield exc


def _item_document(entry, item: dict, source: str, number: int, overrides: Overrides | None) -> Document:
    # full content beats the summary when the feed carries both
    bodies = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    text = next((t for t in (fragment_text(b) for b in bodies if b) if t.strip()), "")
    if not text:
        raise EmptyDocument(f"item {number}: no summary or content", source=source, item=number)
    return build_document(text, source=source, overrides=overrides, meta={"feed_item": number}, **item)


def _linked_document(
    item: dict, source: str, overrides: Overrides | None, fetcher: Fetcher | None
) -> Document:
    if fetcher is None:
        raise InputError("fetch_links needs a fetcher", source=item["url"])
    fetched = fetcher.fetch(item["url"], accept=HTML_TYPES | TEXT_TYPES)
    if fetched.content_type in TEXT_TYPES:
        doc = text_document(fetched.body, fetched.url, overrides, fetched.charset)
        return doc.with_(**{k: v for k, v in item.items() if k != "language" and getattr(doc, k) is None})
    doc = html_document(
        fetched.body, fetched.url, overrides, url=fetched.url, charset=fetched.charset, fallback=item
    )
    return doc.with_(meta={**doc.meta, "feed": source})
