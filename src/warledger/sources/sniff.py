"""What kind of input a file is: by extension first, then by its first bytes."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from warledger.sources.decode import looks_binary


class Kind(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    CSV = "csv"
    FEED = "feed"
    BINARY = "binary"


EXTENSIONS = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".csv": Kind.CSV,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    ".xml": Kind.FEED,
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|p|div|article)[\s>]", re.IGNORECASE)
_JSON_OBJECT = re.compile(rb"\{\s*\"")


def kind_of_path(path: Path, head: bytes) -> Kind:
    return EXTENSIONS.get(path.suffix.lower()) or kind_of_bytes(head)


def kind_of_bytes(head: bytes) -> Kind:
    if looks_binary(head):
        return Kind.BINARY
    start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_ROOT.search(start[:1024]) and (start.startswith(b"<?xml") or start.startswith(b"<")):
        return Kind.FEED
    if start.startswith(b"<") and _HTML_START.search(start[:1024]):
        return Kind.HTML
    first_line = start.split(b"\n", 1)[0]
    if _JSON_OBJECT.match(first_line) and first_line.rstrip().endswith(b"}"):
        return Kind.JSONL
    return Kind.TEXT
