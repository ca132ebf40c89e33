from datetime import date

import httpx
import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, ATOM_FEED, RSS_FEED

from warledger.documents.model import Document
from warledger.errors import FetchError, InputError, UnsupportedSource
from warledger.sources import Fetcher, fake_transport, read_feed


def test_rss_items_become_documents(settings, write):
    path = write("wire.rss", RSS_FEED)
    first, second = read_feed(path, settings)
    assert first.title == "Seven killed in Dorvany shelling"
    assert first.url == "https://wire.example/dorvany-shelling"
    assert first.published == date(2024, 3, 12)
    assert first.publisher == "Frontline Wire"
    assert first.source == str(path)
    assert first.text.startswith("Shelling in the river town") and "<p>" not in first.text
    assert second.published == date(2024, 3, 13) and "Kessel bridge" in second.text


def test_atom_content_beats_summary(settings, write):
    (doc,) = read_feed(write("relief.atom", ATOM_FEED), settings)
    assert "2,000 families" in doc.text and doc.publisher == "Relief Bulletin"
    assert doc.url == "https://relief.example/osk" and doc.published == date(2024, 4, 2)


@pytest.mark.parametrize(
    "content",
    [
        "Just a plain line of text about shelling.",
        "<html><body><p>A page, not a feed.</p></body></html>",
        "<broken",
    ],
    ids=["plain", "html", "broken-xml"],
)
def test_not_a_feed(settings, write, content):
    path = write("news.xml", content)
    with pytest.raises(UnsupportedSource, match="not an RSS or Atom feed") as info:
        list(read_feed(path, settings))
    assert info.value.context["source"] == str(path)


def test_item_without_text_is_an_error_and_others_go_on(settings, write):
    feed = RSS_FEED.replace(
        "<description>A local militia", "<description></description><comments>A local militia"
    ).replace("army units.</description>", "army units.</comments>")
    results = list(read_feed(write("wire.rss", feed), settings))
    assert isinstance(results[0], Document)
    assert isinstance(results[1], InputError) and "item 2" in results[1].message


def test_fetch_links_reads_the_linked_page(settings, write):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/dorvany-shelling":
            return httpx.Response(200, html=ARTICLE_HTML)
        return httpx.Response(404)

    with Fetcher(settings, fake_transport(handler)) as fetcher:
        results = list(read_feed(write("wire.rss", RSS_FEED), settings, fetch_links=True, fetcher=fetcher))
    page, link_error, summary = results
    assert isinstance(page, Document) and "Rescue teams" in page.text
    assert (
        page.title == "Rockets hit Dorvany bus station"
        and page.url == "https://wire.example/dorvany-shelling"
    )
    # the page's date beats the item's; both are metadata
    assert page.published == date(2024, 3, 12)
    assert isinstance(link_error, FetchError) and "404" in link_error.message
    assert link_error.context["source"] == "https://wire.example/kessel-bridge"
    assert isinstance(summary, Document) and "Kessel bridge" in summary.text
