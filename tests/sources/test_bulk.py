import json
from datetime import date

import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import ARTICLE_HTML, REPORT, REPORT_FR

from warledger.documents.model import Document
from warledger.errors import DecodeError, EmptyDocument, InputError, TooLarge, UnsupportedSource
from warledger.sources import Overrides, read_csv, read_jsonl


def _split(results):
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    return docs, errors


def test_jsonl_text_and_html_records(settings, write):
    lines = [
        json.dumps(
            {
                "text": REPORT,
                "url": "https://courier.example/1",
                "title": "Seven killed",
                "publisher": "Courier",
                "published": "2024-03-12",
                "desk": "world",
            }
        ),
        json.dumps({"html": ARTICLE_HTML, "url": "https://courier.example/2"}),
        json.dumps({"text": REPORT_FR, "published": "Tue, 12 Mar 2024 09:00:00 GMT"}),
    ]
    docs, errors = _split(list(read_jsonl(write("batch.jsonl", "\n".join(lines) + "\n"), settings)))
    assert errors == []
    first, second, third = docs
    assert (first.url, first.title, first.publisher, first.published) == (
        "https://courier.example/1",
        "Seven killed",
        "Courier",
        date(2024, 3, 12),
    )
    assert first.meta == {"desk": "world", "line": 1}
    assert first.text == REPORT
    assert "killed at least seven civilians" in second.text and "Sport" not in second.text
    assert second.title == "Rockets hit Dorvany bus station" and second.published == date(2024, 3, 12)
    assert third.language != "en" and third.published == date(2024, 3, 12)


@pytest.mark.parametrize(
    ("bad_line", "error", "reason"),
    [
        ('{"text": "Two soldiers were killed", ', DecodeError, "invalid JSON"),
        ('["a list", "not an object"]', DecodeError, "not a JSON object"),
        ('{"title": "no text at all"}', EmptyDocument, "no text"),
        ('{"text": 42}', DecodeError, "must be a string"),
    ],
    ids=["invalid-json", "not-object", "no-text", "wrong-type"],
)
def test_bad_jsonl_line_is_an_error_and_the_rest_goes_on(settings, write, bad_line, error, reason):
    good = json.dumps({"text": REPORT})
    other = json.dumps(
        {"text": "Army units said they repelled an attack near Kessel on Friday and lost two men."}
    )
    path = write("batch.jsonl", "\n".join([good, bad_line, "", other]) + "\n")
    docs, errors = _split(list(read_jsonl(path, settings)))
    assert len(docs) == 2
    (err,) = errors
    assert isinstance(err, error)
    assert err.context == {"source": str(path), "line": 2}
    assert reason in err.message and "line 2" in err.message


def test_jsonl_line_over_the_cap(settings, write):
    path = write(
        "big.jsonl", json.dumps({"text": "x " * settings.max_bytes}) + "\n" + json.dumps({"text": REPORT})
    )
    docs, errors = _split(list(read_jsonl(path, settings)))
    assert len(docs) == 1 and isinstance(errors[0], TooLarge)


def test_jsonl_line_not_utf8(settings, write):
    path = write(
        "latin.jsonl", '{"text": "café"}'.encode("latin-1") + b"\n" + json.dumps({"text": REPORT}).encode()
    )
    docs, errors = _split(list(read_jsonl(path, settings)))
    assert len(docs) == 1 and isinstance(errors[0], DecodeError) and errors[0].context["line"] == 1


def test_explicit_options_win_over_record_metadata(settings, write):
    path = write("one.jsonl", json.dumps({"text": REPORT, "published": "2024-03-12", "title": "From record"}))
    (doc,) = read_jsonl(path, settings, Overrides(published=date(2024, 1, 1)))
    assert doc.published == date(2024, 1, 1) and doc.title == "From record"


CSV_TEXT = (
    "id,title,published,body,url\n"
    '1,Seven killed,2024-03-12,"Shelling in the river town of Dorvany killed at least seven civilians on Tuesday, '
    'officials said.",https://courier.example/1\n'
    "2,Empty row,2024-03-12,,https://courier.example/2\n"
    '3,Bridge taken,2024-03-13,"A local militia said on Wednesday it had taken the Kessel bridge after two days '
    'of fighting.",\n'
)


def test_csv_with_a_named_text_column(settings, write):
    path = write("reports.csv", CSV_TEXT)
    docs, errors = _split(list(read_csv(path, settings, text_column="body")))
    assert [d.title for d in docs] == ["Seven killed", "Bridge taken"]
    assert docs[0].published == date(2024, 3, 12) and docs[0].url == "https://courier.example/1"
    assert docs[0].meta == {"id": "1", "line": 2}
    assert docs[1].url is None
    (err,) = errors
    assert isinstance(err, EmptyDocument) and err.context == {"source": str(path), "line": 3}


def test_csv_default_text_column_and_cp1252(settings, write):
    content = 'text,publisher\n"“Nine killed at the café”, officials said on Monday in Dorvany.",Courier\n'
    (doc,) = read_csv(write("legacy.csv", content.encode("cp1252")), settings)
    assert doc.text.startswith("“Nine killed at the café”") and doc.publisher == "Courier"


def test_csv_without_the_text_column(settings, write):
    path = write("reports.csv", CSV_TEXT)
    with pytest.raises(UnsupportedSource, match="no column 'text'") as info:
        list(read_csv(path, settings))
    assert info.value.context["source"] == str(path)


@pytest.mark.parametrize(
    ("content", "error"), [(b"", EmptyDocument), (b"PK\x03\x04\x00\x00binary", DecodeError)]
)
def test_bad_bulk_files(settings, write, content, error):
    for name, reader in (("bad.jsonl", read_jsonl), ("bad.csv", read_csv)):
        with pytest.raises(error):
            list(reader(write(name, content), settings))
