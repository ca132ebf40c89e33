"""Resolution of names, variants and descriptions; find() over running text; user files."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.actors import ActorIndex, ResolvedActor
from warledger.config import Settings
from warledger.errors import LexiconError


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex.load()


@pytest.mark.parametrize(
    "text,name",
    [
        ("ISIS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("Da'esh", "Islamic State"),
        ("the Islamic State group", "Islamic State"),
        ("IS", "Islamic State"),
        ("SDF", "Syrian Democratic Forces"),
        ("S.D.F.", "Syrian Democratic Forces"),
        ("U.S.-backed Syrian Democratic Forces", "Syrian Democratic Forces"),
        ("US-backed Syrian Democratic Forces", "Syrian Democratic Forces"),
        ("Kurdish-led fighters", "Syrian Democratic Forces"),
        ("YPG", "People's Protection Units"),
        ("the YPG's", "People's Protection Units"),
        ("Ansar Allah", "Houthis"),
        ("Houthi rebels", "Houthis"),
        ("Houthi rebel", "Houthis"),
        ("al-Shabab", "Al-Shabaab"),
        ("AL-SHABAAB", "Al-Shabaab"),
        ("Rapid Support Force", "Rapid Support Forces"),
        ("the RSF", "Rapid Support Forces"),
        ("Tatmadaw", "Myanmar Armed Forces"),
        ("U.N.", "United Nations"),
        ("Haftar’s forces", "Libyan National Army"),
        ("Haftar's forces", "Libyan National Army"),
        ("Médecins Sans Frontières", "Médecins Sans Frontières"),
        ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
        ("suspected Al-Shabaab militants", "Al-Shabaab"),
        ("Hamas gunmen", "Hamas"),
        ("Anadolu Agency", "Anadolu Agency"),
        ("AA", "Anadolu Agency"),
    ],
)
def test_variants(index, text, name):
    r = index.resolve(text)
    assert r is not None and r.known and r.name == name, r


@pytest.mark.parametrize(
    "text,name",
    [
        ("Turkish forces", "Turkish Armed Forces"),
        ("Turkish troops", "Turkish Armed Forces"),
        ("the Turkish army", "Turkish Armed Forces"),
        ("Russian warplanes", "Russian Armed Forces"),
        ("Russian troops", "Russian Armed Forces"),
        ("Moscow's forces", "Russian Armed Forces"),
        ("Israeli jets", "Israel Defense Forces"),
        ("Israeli forces", "Israel Defense Forces"),
        ("Ukrainian forces", "Armed Forces of Ukraine"),
        ("Syria's army", "Syrian Arab Army"),
        ("Chadian soldiers", "Chadian Armed Forces"),
        ("Burkinabe troops", "Burkina Faso Armed Forces"),
        ("unidentified gunmen", "Unidentified armed group"),
        ("unknown assailants", "Unidentified armed group"),
        ("unidentified armed men", "Unidentified armed group"),
    ],
)
def test_demonyms_and_descriptions(index, text, name):
    r = index.resolve(text)
    assert r is not None and r.known and r.name == name, r


def test_country_without_listed_military_gets_acled_style_name(index):
    r = index.resolve("Togolese soldiers")
    assert r == ResolvedActor("Military forces of Togo", True, "state force", "TG")


@pytest.mark.parametrize(
    "text,country,name",
    [
        ("regime forces", "SY", "Syrian Arab Army"),
        ("government forces", "SD", "Sudanese Armed Forces"),
        ("government troops", "SO", "Somali National Army"),
        ("the army", "SD", "Sudanese Armed Forces"),
        ("the military", "MM", "Myanmar Armed Forces"),
        ("junta troops", "MM", "Myanmar Armed Forces"),
        ("security forces", "IQ", "Iraqi Security Forces"),
        ("pro-government forces", "YE", "Yemeni government forces"),
        ("the government", "UA", "Government of Ukraine"),
        ("government forces", "sy", "Syrian Arab Army"),
        ("Kurdish forces", "IQ", "Peshmerga"),
        ("Kurdish forces", "SY", "Syrian Democratic Forces"),
    ],
)
def test_country_dependent(index, text, country, name):
    r = index.resolve(text, country=country)
    assert r is not None and r.known and r.name == name, r


def test_country_dependent_without_country_is_kept_as_written(index):
    assert index.resolve("government forces") == ResolvedActor("government forces", False)


def test_role_holder_by_date(index):
    from datetime import date

    before = index.resolve("government forces", country="AF", on=date(2021, 8, 1))
    assert before.name == "Afghan National Defense and Security Forces"
    assert index.resolve("regime forces", country="SY", on=date(2018, 12, 1)).name == "Syrian Arab Army"
    after = index.resolve("government forces", country="SY", on=date(2025, 3, 1))
    assert after.name == "Syrian transitional government forces"


@pytest.mark.parametrize(
    "text", ["jihadists", "the militants", "insurgents", "rebels", "gunmen", "the group"]
)
def test_generic_words_unresolved(index, text):
    assert index.resolve(text) is None


@pytest.mark.parametrize("text", ["", "   ", "the"])
def test_empty(index, text):
    assert index.resolve(text) is None


@pytest.mark.parametrize(
    "text,kept",
    [
        ("Liwa al-Fatah al-Mubin", "Liwa al-Fatah al-Mubin"),
        ("the Brigade of the Northern Star", "Brigade of the Northern Star"),
        ("is", "is"),  # a short acronym only matches as written
        ("Sdfx", "Sdfx"),
    ],
)
def test_unknown_kept_as_written(index, text, kept):
    assert index.resolve(text) == ResolvedActor(kept, False)


def test_fuzzy_only_for_long_names(index):
    assert index.resolve("Syrain Democratic Forces").name == "Syrian Democratic Forces"
    assert index.resolve("Hezbolah").name == "Hezbollah"  # 8 letters, one missing
    assert index.resolve("SFD").known is False  # short: never fuzzy


def test_find_offsets_longest_first(index):
    text = (
        "The U.S.-backed Syrian Democratic Forces said ISIS fighters attacked Turkish troops near the border, "
        "while the Syrian Observatory reported that unidentified gunmen killed two civilians. "
        "This is what AFP and the Associated Press said."
    )
    hits = index.find(text)
    spans = [(text[s:e], r.name) for s, e, r in hits]
    assert ("U.S.-backed Syrian Democratic Forces", "Syrian Democratic Forces") in spans
    assert ("ISIS fighters", "Islamic State") in spans
    assert ("Turkish troops", "Turkish Armed Forces") in spans
    assert ("Syrian Observatory", "Syrian Observatory for Human Rights") in spans
    assert ("unidentified gunmen", "Unidentified armed group") in spans
    assert ("AFP", "Agence France-Presse") in spans
    assert ("Associated Press", "Associated Press") in spans
    assert not any(t == "is" for t, _ in spans)
    starts = [s for s, _, _ in hits]
    assert starts == sorted(starts)
    assert all(e1 <= s2 for (_, e1, _), (s2, _, _) in zip(hits, hits[1:], strict=False))


def test_find_country_dependent(index):
    text = "Government forces shelled the town; the army said 12 RSF fighters died."
    names = [r.name for _, _, r in index.find(text, country="SD")]
    assert names == ["Sudanese Armed Forces", "Sudanese Armed Forces", "Rapid Support Forces"]
    unresolved = index.find(text)
    assert unresolved[0][2] == ResolvedActor("Government forces", False)


@pytest.mark.parametrize(
    "text,found",
    [
        ("A military operation hit two army bases.", []),
        ("The army said the country's military had retaken the town.", ["Somali National Army"] * 2),
        ("Government officials met.", []),
    ],
)
def test_find_bare_descriptors_need_their_article(index, text, found):
    assert [r.name for _, _, r in index.find(text, country="SO")] == found


def test_find_does_not_swallow_across_brackets(index):
    text = "the Kurdistan Workers' Party (PKK) terrorist organisation"
    assert [text[s:e] for s, e, _ in index.find(text)] == ["Kurdistan Workers' Party", "PKK"]


def test_find_skips_generic_words(index):
    assert index.find("The militants and insurgents fled.") == []


def test_find_on_a_long_text(index):
    para = (
        "Russian forces shelled Kharkiv on Tuesday, the Ukrainian General Staff said, while Hamas and the IDF "
        "traded fire and the Houthis launched drones; OCHA and the WHO reported 40 civilians killed. "
    )
    text = para * (50_000 // len(para) + 1)
    hits = index.find(text)  # speed is measured by benchmarks/knowledge_lookups.py, not here
    assert len(hits) > 1000
    assert all(text[s:e] for s, e, _ in hits)


def test_user_file_adds_and_overrides(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "actors:\n"
        "- {name: Northern Star Brigade, kind: non-state armed group, country: SY, aliases: [NSB, Liwa Najm al-Shamal]}\n"
        "- {name: Daesh, kind: non-state armed group, aliases: [ISIS]}\n",
        encoding="utf-8",
    )
    index = ActorIndex.load(Settings(actors_files=(str(f),)))
    assert index.resolve("Liwa Najm al-Shamal").name == "Northern Star Brigade"
    assert index.resolve("ISIS").name == "Daesh"  # the user's claim on an alias wins
    assert index.resolve("Islamic State").name == "Islamic State"
    names = [r["name"] for r in index.records()]
    assert len(names) == len(set(names))


def test_user_file_in_analysts_mapping_format(tmp_path):
    f = tmp_path / "actors-extra.json"
    f.write_text(
        '{"Some Militia": {"aliases": ["SMX"], "kind": "non-state armed group (local)"}}', encoding="utf-8"
    )
    index = ActorIndex.load(None, extra_files=[f])
    assert index.resolve("SMX") == ResolvedActor("Some Militia", True, "non-state armed group", None)


@pytest.mark.parametrize(
    "content,needle",
    [
        ("actors:\n- {name: Bad One, kind: space pirates}\n", "Bad One"),
        ("actors:\n- {name: No Country, kind: media, country: Syria}\n", "No Country"),
        ("actors:\n- {kind: media}\n", "#1"),
        ("actors: [unclosed\n", "YAML"),
    ],
)
def test_corrupt_user_file(tmp_path, content, needle):
    f = tmp_path / "broken.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        ActorIndex.load(Settings(actors_files=(str(f),)))
    msg = str(err.value)
    assert "broken.yaml" in msg and needle in msg


def test_missing_user_file(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        ActorIndex.load(Settings(actors_files=(str(tmp_path / "nope.yaml"),)))


def test_lookups(index):
    assert index.get("SDF")["name"] == "Syrian Democratic Forces"
    assert "backed by" in index.affiliations("Syrian Democratic Forces")
    assert index.kind_of("Tatmadaw") == "state force"
    assert index.get("No Such Actor Anywhere") is None


@pytest.mark.parametrize(
    "text,found",
    [
        ("The Hindu reported the attack.", ["The Hindu"]),
        ("A Hindu temple was attacked.", []),
        ("An independent inquiry and a barbecue.", []),
        ("Amnesty said; the amnesty law passed.", ["Amnesty International"]),
    ],
)
def test_common_word_titles_match_only_as_written(index, text, found):
    assert [r.name for _, _, r in index.find(text)] == found


def test_a_proper_name_told_without_its_country_is_the_countrys_named_actor(index):
    assert index.resolve("National Army", country="SY").name == "Syrian National Army"
    assert index.resolve("National Army", country="SO").name == "Somali National Army"
    # one capitalised word opening a sentence is still a description, resolved by role
    on = date(2025, 3, 1)
    assert (
        index.resolve("Army", country="SY", on=on).name == index.resolve("the army", country="SY", on=on).name
    )
