import io
import json

import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, REPORT, RSS_FEED

from warledger.documents.model import Document
from warledger.errors import EmptyDocument, InputError, TooLarge, UnsupportedSource
from warledger.sources import read_directory, read_path, read_stdin


@pytest.fixture
def corpus(write, tmp_path):
    write("corpus/a-bulletin.txt", REPORT)
    write("corpus/b-page.html", ARTICLE_HTML)
    write(
        "corpus/nested/c-batch.jsonl",
        json.dumps({"text": "Two medics were killed near Osk on Sunday, aid workers said."}),
    )
    write("corpus/nested/d-rows.csv", 'text\n"Rebels said they shot down a drone over Kessel on Monday."\n')
    write("corpus/nested/deeper/e-wire.rss", RSS_FEED)
    write("corpus/f-page.story", ARTICLE_HTML)  # unknown extension: sniffed as HTML
    write("corpus/g-empty.txt", b"")
    write("corpus/h-photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write("corpus/.hidden/notes.txt", REPORT)
    write("corpus/.DS_Store", b"\x00\x00\x00\x01Bud1")
    return tmp_path / "corpus"


def test_directory_is_read_recursively_and_sniffed(settings, corpus):
    results = list(read_directory(corpus, settings))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    sources = [d.source.removeprefix(str(corpus) + "/") for d in docs]
    assert sources == [
        "a-bulletin.txt",
        "b-page.html",
        "f-page.story",
        "nested/c-batch.jsonl",
        "nested/d-rows.csv",
        "nested/deeper/e-wire.rss",
        "nested/deeper/e-wire.rss",
    ]
    assert docs[2].title == "Rockets hit Dorvany bus station"
    assert {(type(e), e.context["source"].removeprefix(str(corpus) + "/")) for e in errors} == {
        (EmptyDocument, "g-empty.txt"),
        (UnsupportedSource, "h-photo.png"),
    }


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("report", REPORT, None),
        ("page", ARTICLE_HTML, "Rockets hit Dorvany bus station"),
        ("feed", RSS_FEED, "Seven killed in Dorvany shelling"),
    ],
)
def test_files_without_extension_are_sniffed(settings, write, name, content, title):
    first = next(iter(read_path(write(name, content), settings)))
    assert first.title == title


def test_missing_path(settings, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_path(tmp_path / "missing.txt", settings))


@pytest.mark.parametrize(
    ("data", "expected"),
    [(REPORT.encode(), REPORT), (ARTICLE_HTML.encode(), "Shelling in the river town")],
    ids=["text", "html"],
)
def test_stdin(settings, data, expected):
    (doc,) = read_stdin(settings, stream=io.BytesIO(data))
    assert expected in doc.text and doc.source == "<stdin>"


@pytest.mark.parametrize(
    ("data", "error"), [(b"", EmptyDocument), (b"\x00\x01binary", UnsupportedSource)], ids=["empty", "binary"]
)
def test_bad_stdin(settings, data, error):
    with pytest.raises(error):
        list(read_stdin(settings, stream=io.BytesIO(data)))


def test_stdin_over_the_cap(settings):
    with pytest.raises(TooLarge):
        list(read_stdin(settings, stream=io.BytesIO(b"a" * (settings.max_bytes + 5))))
