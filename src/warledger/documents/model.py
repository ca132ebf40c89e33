"""The Document: cleaned text plus metadata; its id is a hash of the normalised text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date


def normalise_text(text: str) -> str:
    """Clean text the way every document is stored.

    Deliberately light: a BOM is dropped and CR/CRLF become LF, nothing else, so
    character offsets in a plain-text file stay the offsets users (and gold files)
    see in that file. HTML and feeds are cleaned upstream by their source readers.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_id(text: str) -> str:
    """Stable id: sha256 of the whitespace-folded, lower-cased text (first 16 hex digits)."""
    folded = " ".join(text.lower().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    id: str
    text: str
    source: str | None = None  # path or URL it came from
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    author: str | None = None
    language: str | None = "en"
    copy_of: str | None = None  # id of the earlier document this one syndicates
    meta: dict = field(default_factory=dict)

    def with_(self, **changes) -> Document:
        return replace(self, **changes)

    def header_json(self) -> dict:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


def make_document(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: date | None = None,
    author: str | None = None,
    language: str | None = None,
    meta: dict | None = None,
) -> Document:
    """Build a Document from raw text: normalise, hash, detect language if not given."""
    from warledger.documents.language import detect_language

    clean = normalise_text(text)
    return Document(
        id=text_id(clean),
        text=clean,
        source=source,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
        author=author,
        language=language or detect_language(clean),
        meta=meta or {},
    )
