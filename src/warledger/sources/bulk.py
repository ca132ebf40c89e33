"""Bulk files: JSON Lines and CSV, many documents per file.

A bad record is yielded as an InputError naming the file and line, and the
records after it are still read. The size cap applies to each record, not to
the file: bulk files are meant to be large.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from warledger.config import Settings
from warledger.documents.html import extract_html
from warledger.documents.model import Document
from warledger.errors import DecodeError, EmptyDocument, InputError, TooLarge, UnsupportedSource
from warledger.sources.decode import guess_encoding, looks_binary
from warledger.sources.overrides import Overrides, parse_date
from warledger.sources.text import build_document

# Record fields that become Document metadata; any other field goes to Document.meta.
KNOWN_FIELDS = ("text", "html", "url", "title", "publisher", "published", "author", "language")
_SAMPLE_BYTES = 65536

ReadResult = Document | InputError


def read_jsonl(
    path: str | Path, settings: Settings, overrides: Overrides | None = None
) -> Iterator[ReadResult]:
    """One document per line: `text` or `html`, and optional url/title/publisher/published."""
    path = Path(path)
    source = str(path)
    _check_file(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    with handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield _jsonl_record(line, source, lineno, settings, overrides)
            except InputError as exc:
                yield exc


def read_csv(
    path: str | Path, settings: Settings, overrides: Overrides | None = None, text_column: str = "text"
) -> Iterator[ReadResult]:
    """One document per row, its text in `text_column`; known columns become metadata."""
    path = Path(path)
    source = str(path)
    sample = _check_file(path)
    encoding = guess_encoding(sample, partial=len(sample) == _SAMPLE_BYTES)
    try:
        handle = path.open(encoding=encoding, errors="replace", newline="")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    with handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        if text_column not in columns:
            raise UnsupportedSource(
                f"no column {text_column!r} (columns: {', '.join(columns) or 'none'}); choose one with --text-column",
                source=source,
            )
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield DecodeError(
                    f"line {reader.line_num}: bad CSV: {exc}", source=source, line=reader.line_num
                )
                continue
            try:
                yield _csv_record(row, text_column, source, reader.line_num, settings, overrides)
            except InputError as exc:
                yield exc


def _check_file(path: Path) -> bytes:
    """The file's head, after refusing missing, empty and binary files."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            sample = handle.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    if not sample.strip():
        raise EmptyDocument("empty file", source=source)
    if looks_binary(sample):
        raise DecodeError("binary file, not text", source=source)
    return sample


def _jsonl_record(
    line: bytes, source: str, lineno: int, settings: Settings, overrides: Overrides | None
) -> Document:
    where = {"source": source, "line": lineno}
    if len(line) > settings.max_bytes:
        raise TooLarge(
            f"line {lineno}: record is {len(line)} bytes, over the cap of {settings.max_bytes}", **where
        )
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DecodeError(f"line {lineno}: not UTF-8 ({exc.reason})", **where) from exc
    except json.JSONDecodeError as exc:
        raise DecodeError(f"line {lineno}: invalid JSON: {exc.msg} at column {exc.colno}", **where) from exc
    if not isinstance(record, dict):
        raise DecodeError(f"line {lineno}: not a JSON object", **where)
    return _record_document(record, source, lineno, overrides)


def _csv_record(
    row: dict, text_column: str, source: str, lineno: int, settings: Settings, overrides: Overrides | None
) -> Document:
    # DictReader puts surplus cells under the key None
    record = {k: v for k, v in row.items() if k is not None and v not in (None, "")}
    record["text"] = row.get(text_column) or ""
    if text_column != "text":
        record.pop(text_column, None)
    size = len(record["text"].encode("utf-8"))
    if size > settings.max_bytes:
        raise TooLarge(
            f"line {lineno}: text is {size} bytes, over the cap of {settings.max_bytes}",
            source=source,
            line=lineno,
        )
    return _record_document(record, source, lineno, overrides)


def _record_document(record: dict, source: str, lineno: int, overrides: Overrides | None) -> Document:
    where = {"source": source, "line": lineno}
    for key in KNOWN_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise DecodeError(f"line {lineno}: field {key!r} must be a string", **where)
    text, html = record.get("text"), record.get("html")
    found: dict = {}
    if not (text and text.strip()) and html and html.strip():
        content = extract_html(html, url=record.get("url"))
        text = content.text
        found = {
            "title": content.title,
            "publisher": content.sitename,
            "published": content.published,
            "author": content.author,
            "language": content.language,
        }
    if not (text and text.strip()):
        raise EmptyDocument(f"line {lineno}: no text (expected a non-empty 'text' or 'html' field)", **where)
    meta = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    meta["line"] = lineno
    return build_document(
        text,
        source=source,
        overrides=overrides,
        url=record.get("url"),
        title=record.get("title") or found.get("title"),
        publisher=record.get("publisher") or found.get("publisher"),
        published=parse_date(record.get("published")) or found.get("published"),
        author=record.get("author") or found.get("author"),
        language=record.get("language") or found.get("language"),
        meta=meta,
    )
