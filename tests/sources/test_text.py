from datetime import date

import pytest
from source_fixtures import settings_fixture, write_fixture  # noqa: F401 (fixtures, by name)
from source_samples import REPORT, REPORT_FR, REPORT_UK

from warledger.errors import DecodeError, EmptyDocument, InputError
from warledger.sources import Overrides, read_text


def test_text_file_keeps_the_file_offsets(settings, write):
    path = write("dorvany.txt", REPORT)
    doc = read_text(path, settings)
    assert doc.text == REPORT
    start = REPORT.index("seven civilians")
    assert doc.text[start : start + len("seven civilians")] == "seven civilians"
    assert doc.source == str(path)
    assert doc.language == "en"
    assert doc.published is None


def test_crlf_and_bom_are_the_only_changes(settings, write):
    doc = read_text(write("crlf.txt", "\ufeff" + REPORT.replace("\n", "\r\n")), settings)
    assert doc.text == REPORT


def test_cp1252_file_is_read(settings, write):
    text = "Officials said the “ceasefire” collapsed at the café on Monday; nine people were killed."
    doc = read_text(write("legacy.txt", text.encode("cp1252")), settings)
    assert doc.text == text


@pytest.mark.parametrize("text", [REPORT_FR, REPORT_UK], ids=["french", "ukrainian"])
def test_non_english_text_is_marked_not_english(settings, write, text):
    assert read_text(write("foreign.txt", text), settings).language != "en"


def test_overrides_set_metadata(settings, write):
    overrides = Overrides(
        published=date(2024, 3, 12), url="https://courier.example/a", title="T", publisher="Courier"
    )
    doc = read_text(write("a.txt", REPORT), settings, overrides)
    assert (doc.published, doc.url, doc.title, doc.publisher) == (
        date(2024, 3, 12),
        "https://courier.example/a",
        "T",
        "Courier",
    )


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"", EmptyDocument), (b"\n \n", EmptyDocument), (b"\x00\x01\x02binary\x00", DecodeError)],
    ids=["empty", "blank", "binary"],
)
def test_bad_text_files(settings, write, content, error):
    path = write("bad.txt", content)
    with pytest.raises(error) as info:
        read_text(path, settings)
    assert info.value.context["source"] == str(path)


def test_missing_file(settings, tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_text(tmp_path / "nowhere.txt", settings)
