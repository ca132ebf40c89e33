from datetime import date

import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, REPORT_UK

from warledger.errors import EmptyDocument
from warledger.sources import Overrides, read_html


def test_html_main_text_and_metadata(settings, write):
    doc = read_html(write("article.html", ARTICLE_HTML), settings)
    assert "killed at least seven civilians" in doc.text
    assert "Subscribe" not in doc.text and "Sport" not in doc.text
    assert doc.title == "Rockets hit Dorvany bus station"
    assert doc.author == "Mira Holt"
    assert doc.publisher == "The Valley Courier"
    assert doc.published == date(2024, 3, 12)
    assert doc.language == "en"


def test_explicit_published_beats_metadata(settings, write):
    doc = read_html(write("article.html", ARTICLE_HTML), settings, Overrides(published=date(2024, 3, 13)))
    assert doc.published == date(2024, 3, 13)


def test_no_date_in_metadata_gives_none(settings, write):
    html = ARTICLE_HTML.replace('<meta property="article:published_time" content="2024-03-12T08:30:00Z">', "")
    assert read_html(write("undated.html", html), settings).published is None


@pytest.mark.parametrize(
    "broken",
    [
        "<html><head><title>Depot hit</title><body><p>Shells struck the fuel depot in Dorvany overnight"
        "<div>Two guards were wounded, the army said.<p>Firefighters worked until dawn",
        "<p>Shells struck the fuel depot in Dorvany overnight. Two guards were wounded, the army said.</b></i></div>",
        "<html><body><table><tr><td>Shells struck the fuel depot in Dorvany overnight, the army said.",
    ],
    ids=["unclosed", "stray-end-tags", "truncated-table"],
)
def test_broken_html_still_gives_text(settings, write, broken):
    doc = read_html(write("broken.html", broken), settings)
    assert "Shells struck the fuel depot" in doc.text
    assert "<" not in doc.text


def test_declared_non_english_page(settings, write):
    html = f'<html lang="uk"><head><title>Обстріл</title></head><body><article><p>{REPORT_UK}</p></article></body></html>'
    assert read_html(write("uk.html", html), settings).language == "uk"


def test_meta_charset_is_honoured(settings, write):
    html = (
        '<html><head><meta charset="windows-1251"><title>Обстрел</title></head>'
        "<body><p>Власти сообщили, что в результате обстрела погибли двенадцать человек.</p></body></html>"
    )
    doc = read_html(write("ru.html", html.encode("cp1251")), settings)
    assert "двенадцать" in doc.text
    assert doc.language != "en"


def test_page_without_text_is_empty(settings, write):
    path = write(
        "shell.html", "<html><head><script>var x = 1;</script></head><body><nav></nav></body></html>"
    )
    with pytest.raises(EmptyDocument) as info:
        read_html(path, settings)
    assert info.value.context["source"] == str(path)
