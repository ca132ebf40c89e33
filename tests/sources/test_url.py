from datetime import date

import httpx
import pytest
from source_fixtures import settings_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, REPORT, RSS_FEED

from warledger.errors import FetchError, TooLarge, UnsupportedSource
from warledger.sources import Fetcher, fake_transport, read_url

URL = "https://courier.example/dorvany"


def _read(settings, handler, url=URL, **kwargs):
    return list(read_url(url, settings, transport=fake_transport(handler), **kwargs))


def test_html_page(settings):
    (doc,) = _read(settings, lambda request: httpx.Response(200, html=ARTICLE_HTML))
    assert doc.url == URL and doc.source == URL
    assert doc.title == "Rockets hit Dorvany bus station" and doc.published == date(2024, 3, 12)
    assert "seven civilians" in doc.text


def test_plain_text_page(settings):
    (doc,) = _read(settings, lambda request: httpx.Response(200, text=REPORT))
    assert doc.text == REPORT and doc.url == URL


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", None])
def test_feed_url(settings, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    docs = _read(settings, lambda request: httpx.Response(200, content=RSS_FEED.encode(), headers=headers))
    assert [d.title for d in docs] == [
        "Seven killed in Dorvany shelling",
        "Militia says it holds the Kessel bridge",
    ]


def test_charset_from_the_header(settings):
    text = "Власти сообщили, что в результате обстрела погибли двенадцать человек."
    response = httpx.Response(
        200, content=text.encode("koi8-r"), headers={"Content-Type": "text/plain; charset=koi8-r"}
    )
    (doc,) = _read(settings, lambda request: response)
    assert doc.text == text


def test_redirects_are_followed_by_hand(settings):
    seen = []

    def handler(request):
        seen.append(str(request.url))
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/dorvany"})
        return httpx.Response(200, html=ARTICLE_HTML)

    (doc,) = _read(settings, handler, url="https://courier.example/old")
    assert seen == ["https://courier.example/old", URL]
    assert doc.url == URL and doc.source == "https://courier.example/old"


def test_too_many_redirects(settings):
    def handler(request):
        return httpx.Response(302, headers={"Location": f"/hop{len(request.url.path)}"})

    with pytest.raises(FetchError, match="more than 3 redirects") as info:
        _read(settings, handler)
    assert info.value.context["source"] == URL


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_http_errors(settings, status):
    with pytest.raises(FetchError, match=f"HTTP {status}") as info:
        _read(settings, lambda request: httpx.Response(status, text="oops"))
    assert info.value.context["source"] == URL


@pytest.mark.parametrize(
    "exc", [httpx.ConnectTimeout("slow"), httpx.ReadTimeout("slow")], ids=["connect-timeout", "read-timeout"]
)
def test_timeouts(settings, exc):
    def handler(request):
        raise exc

    with pytest.raises(FetchError, match="timed out"):
        _read(settings, handler)


def test_connection_error(settings):
    def handler(request):
        raise httpx.ConnectError("refused")

    with pytest.raises(FetchError, match="ConnectError"):
        _read(settings, handler)


def test_timeouts_come_from_settings(settings):
    timeout = Fetcher(settings).client.timeout
    assert timeout.connect == timeout.read == settings.fetch_timeout


def test_wrong_content_type(settings):
    with pytest.raises(UnsupportedSource, match="image/png"):
        _read(
            settings,
            lambda request: httpx.Response(200, content=b"\x89PNG", headers={"Content-Type": "image/png"}),
        )


def test_declared_length_over_the_cap(settings):
    response = httpx.Response(
        200, content=b"x", headers={"Content-Type": "text/plain", "Content-Length": "999999999"}
    )
    with pytest.raises(TooLarge):
        _read(settings, lambda request: response)


def test_streamed_body_over_the_cap(settings):
    def chunks():
        for _ in range(100):
            yield b"word " * 1000  # 5 kB each, 500 kB in all, no Content-Length

    with pytest.raises(TooLarge, match="over the cap"):
        _read(
            settings,
            lambda request: httpx.Response(200, content=chunks(), headers={"Content-Type": "text/plain"}),
        )


def test_non_http_url_is_refused(settings):
    with pytest.raises(UnsupportedSource, match="only http and https"):
        Fetcher(settings).check_url("file:///etc/passwd", source="file:///etc/passwd")


def test_redirect_to_a_non_http_scheme_is_refused(settings):
    response = httpx.Response(302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(UnsupportedSource, match="only http and https"):
        _read(settings, lambda request: response)
