"""Plain-text files, and the one helper every reader uses to build its Documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from warledger.config import Settings
from warledger.documents.language import resolve_language
from warledger.documents.model import Document, make_document
from warledger.errors import EmptyDocument
from warledger.sources.decode import decode_bytes, read_file_bytes
from warledger.sources.overrides import Overrides


def build_document(
    text: str,
    *,
    source: str,
    overrides: Overrides | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: date | None = None,
    author: str | None = None,
    language: str | None = None,
    meta: dict | None = None,
) -> Document:
    """A Document from text and metadata, with the caller's overrides applied.

    `language` is what the input declares; it is checked against the text.
    Raises EmptyDocument when there is no text.
    """
    if not text.strip():
        raise EmptyDocument("no text left after cleaning", source=source)
    picked = (overrides or Overrides()).pick(published=published, url=url, title=title, publisher=publisher)
    return make_document(
        text,
        source=source,
        author=author,
        language=resolve_language(text, language),
        meta=meta,
        **picked,
    )


def text_document(
    raw: bytes, source: str, overrides: Overrides | None = None, charset: str | None = None
) -> Document:
    """A plain-text document; the text is kept as written so offsets match the file."""
    return build_document(decode_bytes(raw, source, charset), source=source, overrides=overrides)


def read_text(path: str | Path, settings: Settings, overrides: Overrides | None = None) -> Document:
    path = Path(path)
    return text_document(read_file_bytes(path, settings), str(path), overrides)
