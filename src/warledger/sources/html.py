"""HTML files and pages: main text and metadata through documents.html's cascade."""

from __future__ import annotations

from pathlib import Path

from warledger.config import Settings
from warledger.documents.html import extract_html
from warledger.documents.model import Document
from warledger.sources.decode import declared_html_charset, decode_bytes, read_file_bytes
from warledger.sources.overrides import Overrides
from warledger.sources.text import build_document


def html_document(
    raw: bytes,
    source: str,
    overrides: Overrides | None = None,
    *,
    url: str | None = None,
    charset: str | None = None,
    fallback: dict | None = None,
) -> Document:
    """A Document from an HTML page.

    `charset` is the HTTP header's; the page's own meta charset comes next.
    `fallback` holds metadata from elsewhere (a feed item) for fields the page lacks.
    """
    html = decode_bytes(raw, source, charset or declared_html_charset(raw))
    content = extract_html(html, url=url)
    fallback = fallback or {}
    return build_document(
        content.text,
        source=source,
        overrides=overrides,
        url=url or content.url or fallback.get("url"),
        title=content.title or fallback.get("title"),
        publisher=content.sitename or fallback.get("publisher"),
        published=content.published or fallback.get("published"),
        author=content.author or fallback.get("author"),
        language=content.language or fallback.get("language"),
        meta={"html_stage": content.stage},
    )


def read_html(path: str | Path, settings: Settings, overrides: Overrides | None = None) -> Document:
    path = Path(path)
    return html_document(read_file_bytes(path, settings), str(path), overrides)
