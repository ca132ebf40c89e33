"""documents.html: the extraction cascade and its metadata."""

from datetime import date

import pytest

from warledger.documents.html import extract_html, fragment_text

PAGE = """<html lang="fr-FR"><head><title>Frappe sur Dorvany - Le Courrier</title>
<meta property="og:site_name" content="Le Courrier"><meta name="date" content="2024-05-02">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jeanne Roux"}}</script>
</head><body><nav>Accueil | Monde</nav><article>
<p>Des frappes ont visé la gare de Dorvany jeudi, selon les autorités régionales, qui font état de plusieurs blessés.</p>
<p>Les secours étaient toujours sur place dans la soirée.</p></article></body></html>"""


def test_main_stage_with_metadata():
    content = extract_html(PAGE)
    assert content.stage == "trafilatura"
    assert content.text.startswith("Des frappes") and "Accueil" not in content.text
    assert content.published == date(2024, 5, 2)
    assert content.sitename == "Le Courrier"
    assert content.language == "fr"


def test_unparseable_markup_falls_back_to_stripping():
    content = extract_html("<html><head><title>Depot</head><body><p>Shells hit the depot.<div>Two hurt.")
    assert "Shells hit the depot." in content.text and "Two hurt." in content.text
    assert content.title is None  # an unclosed <title> is not taken as the title


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>Seven killed &amp; 19 hurt</p><p>in <b>Dorvany</b></p>", "Seven killed & 19 hurt\nin Dorvany"),
        ("Plain summary, no tags.", "Plain summary, no tags."),
        ("<script>track()</script><style>p{}</style>Only this", "Only this"),
        ("", ""),
    ],
)
def test_fragment_text(fragment, text):
    assert fragment_text(fragment) == text
