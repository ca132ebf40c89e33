"""HTML to main text and metadata, as a cascade of fallbacks.

    1. trafilatura's extractor: main text without navigation or boilerplate,
       with title, author, date and site name from meta tags and JSON-LD.
    2. trafilatura's baseline: all paragraph-like text of the page, for pages
       the extractor judges too thin (short bulletins, odd markup).
    3. a plain tag stripper (standard library), for markup lxml cannot parse.

Each stage runs only when the one before gave no text. A stage that raises is
logged and the cascade goes on, so broken HTML degrades instead of failing.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

log = logging.getLogger(__name__)

# htmldate's extensive search guesses dates from body text and copyright lines;
# a wrong publication date is worse than none, so only metadata is used.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head".split())
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.IGNORECASE)
_MARKUP = re.compile(r"<[a-zA-Z/!]")
_MAX_TITLE = 500
_TITLE = re.compile(r"<title[^>]*>([^<]*)</title>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlContent:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None  # as the page declares it (<html lang>), not detected
    stage: str = "trafilatura"  # which cascade stage gave the text


def extract_html(html: str, url: str | None = None) -> HtmlContent:
    """Main text and metadata of an HTML page; text is "" when nothing is left."""
    language = _declared_language(html)
    meta = _metadata(html, url)
    text, stage = _main_text(html, url)
    title = _clean_title(meta.get("title")) or _regex_title(html)
    return HtmlContent(
        text=text,
        title=title,
        author=meta.get("author"),
        published=_iso_date(meta.get("date")),
        sitename=meta.get("sitename"),
        url=meta.get("url") or url,
        language=language,
        stage=stage,
    )


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary): tags dropped, blocks on their own lines."""
    parser = _Stripper()
    parser.feed(fragment)
    parser.close()
    return parser.text()


def _main_text(html: str, url: str | None) -> tuple[str, str]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=False, date_extraction_params=_DATE_PARAMS
        )
        if doc is not None and (doc.text or "").strip():
            return doc.text.strip(), "trafilatura"
    except Exception as exc:  # a third-party parser on hostile input: log, fall back
        log.warning("trafilatura extraction failed on %s: %s", url or "<html>", exc)
    try:
        _, text, _ = trafilatura.baseline(html)
        if text.strip():
            return text.strip(), "baseline"
    except Exception as exc:
        log.warning("trafilatura baseline failed on %s: %s", url or "<html>", exc)
    return fragment_text(html), "strip"


def _metadata(html: str, url: str | None) -> dict:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url, date_config=_DATE_PARAMS, extensive=False)
    except Exception as exc:
        log.warning("metadata extraction failed on %s: %s", url or "<html>", exc)
        return {}
    if meta is None:
        return {}
    return {k: getattr(meta, k, None) or None for k in ("title", "author", "date", "sitename", "url")}


def _iso_date(value: str | None) -> date | None:
    # trafilatura normalises dates to YYYY-MM-DD
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _declared_language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).lower() if match else None


def _clean_title(title: str | None) -> str | None:
    # an unclosed <title> makes parsers swallow the page into the title
    if not title or _MARKUP.search(title) or len(title) > _MAX_TITLE:
        return None
    return title


def _regex_title(html: str) -> str | None:
    match = _TITLE.search(html[:65536])
    if not match:
        return None
    title = " ".join(fragment_text(match.group(1)).split())
    return title or None


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self._parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._parts).split("\n"))
        return "\n".join(line for line in lines if line)
