"""Files, directories and standard input: sniff the kind, hand over to its reader."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warledger.config import Settings
from warledger.documents.model import Document
from warledger.errors import InputError, TooLarge, UnsupportedSource
from warledger.sources.bulk import read_csv, read_jsonl
from warledger.sources.decode import read_file_bytes
from warledger.sources.feeds import feed_documents
from warledger.sources.html import html_document
from warledger.sources.overrides import Overrides
from warledger.sources.sniff import Kind, kind_of_bytes, kind_of_path
from warledger.sources.text import text_document
from warledger.sources.transport import Fetcher

ReadResult = Document | InputError
STDIN_SOURCE = "<stdin>"


def read_path(
    path: str | Path,
    settings: Settings,
    overrides: Overrides | None = None,
    *,
    text_column: str = "text",
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    """Documents from one file of any kind we read; raises InputError for a bad file."""
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise InputError(
            "no such file or directory" if not path.exists() else "not a regular file", source=source
        )
    kind = kind_of_path(path, _head(path))
    if kind is Kind.JSONL:
        yield from read_jsonl(path, settings, overrides)
    elif kind is Kind.CSV:
        yield from read_csv(path, settings, overrides, text_column=text_column)
    elif kind is Kind.BINARY:
        raise UnsupportedSource("binary file, not text", source=source)
    else:
        yield from _single(kind, read_file_bytes(path, settings), source, overrides, fetch_links, fetcher)


def read_directory(
    path: str | Path,
    settings: Settings,
    overrides: Overrides | None = None,
    *,
    text_column: str = "text",
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    """Every file under `path`, recursively, in sorted order; hidden files are skipped.

    A bad file is yielded as its InputError and the walk goes on.
    """
    root = Path(path)
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in file.relative_to(root).parts):
            continue  # .git, .DS_Store, editor swap files
        try:
            yield from read_path(
                file, settings, overrides, text_column=text_column, fetch_links=fetch_links, fetcher=fetcher
            )
        except InputError as exc:
            yield exc


def read_stdin(
    settings: Settings,
    overrides: Overrides | None = None,
    *,
    stream: BinaryIO | None = None,
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[ReadResult]:
    """Documents from standard input (or `stream`): text, HTML or a feed, sniffed."""
    stream = stream if stream is not None else sys.stdin.buffer
    raw = stream.read(settings.max_bytes + 1)
    if len(raw) > settings.max_bytes:
        raise TooLarge(f"input is over the cap of {settings.max_bytes} bytes", source=STDIN_SOURCE)
    kind = kind_of_bytes(raw[:4096])
    if kind is Kind.JSONL:
        kind = Kind.TEXT  # one text on stdin; bulk files are read from paths
    if kind is Kind.BINARY:
        raise UnsupportedSource("binary input, not text", source=STDIN_SOURCE)
    yield from _single(kind, raw, STDIN_SOURCE, overrides, fetch_links, fetcher)


def _single(
    kind: Kind,
    raw: bytes,
    source: str,
    overrides: Overrides | None,
    fetch_links: bool,
    fetcher: Fetcher | None,
) -> Iterator[ReadResult]:
    if kind is Kind.FEED:
        yield from feed_documents(raw, source, overrides, fetch_links=fetch_links, fetcher=fetcher)
    elif kind is Kind.HTML:
        yield html_document(raw, source, overrides)
    else:
        yield text_document(raw, source, overrides)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
