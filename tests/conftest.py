"""Shared fixtures: the only conftest of the test suite.

- ``db_url`` / ``ledger``: an empty, migrated ledger on SQLite and, when
  ``WARLEDGER_TEST_PG_URL`` is set (scripts/pg-start), on PostgreSQL too.
- ``fake_pipeline`` / ``make_pipeline`` / ``extract_fake``: an extractor stand-in
  that needs no spaCy model.
- ``reports`` / ``report_dir`` / ``wire_copy``: invented report texts.

Test modules take these as fixtures rather than importing this file: several
conftest modules share the name, so ``import conftest`` is ambiguous.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Iterator

import pytest

from warledger.claims.model import Extraction
from warledger.documents.model import Document
from warledger.types import (
    ActorMention,
    CasualtyClaim,
    ControlClaim,
    Count,
    EventClaim,
    Evidence,
    Outcome,
    Place,
    Qualifier,
    VictimCategory,
    Victims,
)

PG_URL_ENV = "WARLEDGER_TEST_PG_URL"


# -- databases ----------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set (start a server with scripts/pg-start)")
    return url


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"wl_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = pg_server_url.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """An empty database (no tables yet), once per backend."""
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture
def ledger(db_url: str):
    """A migrated, empty Ledger, once per backend."""
    from warledger.store import Ledger

    Ledger(db_url).upgrade()
    with Ledger.open(db_url, write=True) as led:
        yield led


# -- extraction without spaCy -------------------------------------------------

_KILLED = re.compile(r"(\d+) (?:people|civilians|fighters) were (killed|injured)")
_TOOK = re.compile(r"([A-Z]\w+) forces took ([A-Z]\w+)")
_STRIKE = re.compile(r"air ?strike")


def _evidence(text: str, m: re.Match) -> Evidence:
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return Evidence(m.start(), m.end(), text[start : end if end >= 0 else len(text)].strip(), start)


class FakePipeline:
    """Extracts a few fixed sentence shapes with regular expressions, so that tests of
    storage and runs have real claims without loading spaCy.

    ``fail_on``: documents containing this text make ``extract`` raise (a component bug).
    """

    extractor_names = ("fake.v1",)

    def __init__(self, fail_on: str | None = None):
        self.fail_on = fail_on
        self.extracted: list[str] = []

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for doc in documents:
            if self.fail_on and self.fail_on in doc.text:
                raise RuntimeError("component exploded")
            self.extracted.append(doc.id)
            yield extract_fake(doc)


def extract_fake(doc: Document) -> Extraction:
    ex = Extraction(doc)
    text = doc.text
    for m in _KILLED.finditer(text):
        n = int(m.group(1))
        ex.casualties.append(
            CasualtyClaim(
                id=f"c{len(ex.casualties) + 1}",
                outcome=Outcome(m.group(2)),
                count=Count(n, n, Qualifier.EXACT, m.group(1)),
                victims=Victims(VictimCategory.CIVILIAN),
                evidence=_evidence(text, m),
                extractor="fake.v1",
            )
        )
    for m in _TOOK.finditer(text):
        actor = f"{m.group(1)} forces"
        ex.control.append(
            ControlClaim(
                id=f"t{len(ex.control) + 1}",
                kind="change",
                actor=actor,
                place=Place(m.group(2), lat=1.5, lon=2.5, country="ZZ"),
                extent="full",
                evidence=_evidence(text, m),
                extractor="fake.v1",
            )
        )
        ex.actors.append(ActorMention(actor, known=False, as_written=(actor,)))
    for m in _STRIKE.finditer(text):
        ex.events.append(
            EventClaim(
                id=f"e{len(ex.events) + 1}",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                actor1=None,
                evidence=_evidence(text, m),
                extractor="fake.v1",
            )
        )
    return ex


@pytest.fixture
def fake_pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture(name="make_pipeline")
def _make_pipeline() -> type[FakePipeline]:
    """The FakePipeline class, to build one with options or subclass it."""
    return FakePipeline


@pytest.fixture(name="extract_fake")
def _extract_fake():
    """The fake extraction of one Document, to compare stored claims with."""
    return extract_fake


# -- invented reports -----------------------------------------------------------

WIRE_STORY = (
    "Residents of the valley town said 7 people were killed overnight when an airstrike hit a row of shops "
    "near the central square.\n"
    "The regional governor said emergency crews were still searching the rubble on Wednesday morning and "
    "that the number of victims could change.\n"
    "Officials said Tarsan forces took Oskel after a week of fighting on the approaches to the town.\n"
)

REPORTS = {
    "north.txt": (
        "Fighting in the northern hills\n\n"
        "Local officials said 12 civilians were killed on Tuesday when shells hit the market in Varnok.\n"
        "Witnesses described an air strike on the bridge shortly before noon, and rescue teams worked "
        "through the night.\n"
    ),
    "river.txt": (
        "Border forces advance\n\n"
        "Officials said Tarsan forces took Meldrow after two days of heavy fighting along the river.\n"
        "At least 4 fighters were injured in the assault, a spokesman for the local council told reporters.\n"
    ),
    "camp.txt": (
        "Aid workers report displacement\n\n"
        "The agency said many families had left the valley since the start of the month and more were "
        "expected to arrive at the camps before the winter.\n"
    ),
    "wire.txt": "Valley town hit overnight\n\n" + WIRE_STORY,
}
# The same wire story under another site's headline and footer.
WIRE_COPY = (
    "Overnight strike on a valley town | Example News\n\n" + WIRE_STORY + "\nRead more on our website\n"
)


@pytest.fixture
def reports() -> dict[str, str]:
    return dict(REPORTS)


@pytest.fixture
def wire_copy() -> str:
    return WIRE_COPY


@pytest.fixture
def report_dir(tmp_path):
    """A directory of invented reports: three stories and one wire story."""
    d = tmp_path / "reports"
    d.mkdir()
    for name, text in REPORTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d
