import io
import json
import sys
from datetime import date

import httpx
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, REPORT, RSS_FEED

from warledger.documents.model import Document
from warledger.errors import ErrorRecord
from warledger.sources import fake_transport, iter_documents


def _handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/feed":
        return httpx.Response(200, content=RSS_FEED.encode(), headers={"Content-Type": "application/rss+xml"})
    if request.url.path == "/slow":
        raise httpx.ReadTimeout("slow")
    if request.url.path == "/dorvany-shelling":
        return httpx.Response(200, html=ARTICLE_HTML)
    return httpx.Response(404)


def test_a_batch_never_stops(settings, write, tmp_path):
    good = write("good.txt", REPORT)
    jsonl = write("batch.jsonl", json.dumps({"text": REPORT}) + "\n{oops\n")
    inputs = [
        str(tmp_path / "missing.txt"),
        str(write("empty.txt", b"")),
        str(write("blob.bin", b"\x00\x01\x02")),
        str(write("huge.txt", "word " * settings.max_bytes)),
        "https://courier.example/slow",
        "https://courier.example/gone",
        "http://127.0.0.1:9/admin",
        str(good),
        str(jsonl),
        "https://wire.example/feed",
    ]
    results = list(iter_documents(inputs, settings, transport=fake_transport(_handler)))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ErrorRecord)]
    assert [d.source for d in docs] == [
        str(good),
        str(jsonl),
        "https://wire.example/feed",
        "https://wire.example/feed",
    ]
    assert all(e.stage == "read" for e in errors)
    by_source = {e.source: e for e in errors}
    assert by_source[str(tmp_path / "missing.txt")].code == "WL-E200"
    assert by_source[str(tmp_path / "empty.txt")].code == "WL-E206"
    assert by_source[str(tmp_path / "blob.bin")].code == "WL-E203"
    assert by_source[str(tmp_path / "huge.txt")].code == "WL-E205"
    assert "timed out" in by_source["https://courier.example/slow"].message
    assert "HTTP 404" in by_source["https://courier.example/gone"].message
    assert by_source["http://127.0.0.1:9/admin"].code == "WL-E202"
    assert "line 2" in by_source[str(jsonl)].message
    assert len(errors) == 8


def test_published_precedence(settings, write):
    html = write("page.html", ARTICLE_HTML)
    text = write("plain.txt", REPORT)
    (from_meta,) = iter_documents([str(html)], settings)
    (explicit,) = iter_documents([str(html)], settings, published=date(2024, 3, 20))
    (nothing,) = iter_documents([str(text)], settings)
    assert from_meta.published == date(2024, 3, 12)
    assert explicit.published == date(2024, 3, 20)
    assert nothing.published is None


def test_explicit_metadata_options(settings, write):
    (doc,) = iter_documents(
        [str(write("plain.txt", REPORT))],
        settings,
        url="https://courier.example/x",
        title="Dorvany",
        publisher="Valley Courier",
    )
    assert (doc.url, doc.title, doc.publisher) == ("https://courier.example/x", "Dorvany", "Valley Courier")


def test_text_column_and_fetch_links_are_passed_on(settings, write):
    csv_path = write("rows.csv", 'body\n"Rebels said they shot down a drone over Kessel on Monday."\n')
    (row,) = iter_documents([str(csv_path)], settings, text_column="body")
    assert row.text.startswith("Rebels said")
    results = list(
        iter_documents(
            ["https://wire.example/feed"], settings, fetch_links=True, transport=fake_transport(_handler)
        )
    )
    assert "Rescue teams" in results[0].text  # the linked page, not the summary
    assert isinstance(results[1], ErrorRecord) and results[1].source == "https://wire.example/kessel-bridge"


def test_stdin_dash(settings, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    (doc,) = iter_documents(["-"], settings, published=date(2024, 3, 12))
    assert doc.text == REPORT and doc.published == date(2024, 3, 12)


def test_directory_input(settings, write, tmp_path):
    write("dir/one.txt", REPORT)
    write("dir/two.html", ARTICLE_HTML)
    results = list(iter_documents([str(tmp_path / "dir")], settings))
    assert all(isinstance(r, Document) for r in results) and len(results) == 2


def test_unexpected_failures_are_recorded(settings, write, monkeypatch):
    import warledger.sources.html as html_source

    def explode(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(html_source, "extract_html", explode)
    results = list(
        iter_documents([str(write("page.html", ARTICLE_HTML)), str(write("ok.txt", REPORT))], settings)
    )
    assert isinstance(results[0], ErrorRecord) and results[0].code == "WL-E999"
    assert isinstance(results[1], Document)
