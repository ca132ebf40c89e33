"""The shipped actor list: size, coverage, unique aliases, valid affiliations."""

from __future__ import annotations

import pytest

from warledger.actors import ActorIndex


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex.load()


def test_at_least_300_written_actors(index):
    assert len(index) >= 300


def test_aliases_unique_case_insensitively(index):
    owner: dict[str, str] = {}
    for rec in index.records():
        for alias in [rec["name"], *rec["aliases"]]:
            key = alias.casefold()
            assert owner.setdefault(key, rec["name"]) == rec["name"], (
                f"{alias!r}: {owner[key]!r} and {rec['name']!r}"
            )


def test_every_alias_resolves_to_its_actor(index):
    # Catches two actors colliding once case, dots, possessives and plurals are ignored.
    for name in index.names():
        rec = index.get(name)
        for alias in [name, *rec["aliases"]]:
            r = index.resolve(alias)
            assert r is not None and r.known and r.name == name, f"{alias!r} of {name!r} -> {r}"


def test_affiliations_point_at_known_actors(index):
    names = set(index.names())
    for name in index.names():
        for relation, targets in index.affiliations(name).items():
            for t in targets:
                assert t in names, f"{name} {relation} {t!r}: unknown actor"


@pytest.mark.parametrize(
    "country,name",
    [
        ("SY", "Syrian Democratic Forces"),
        ("IQ", "Popular Mobilization Forces"),
        ("YE", "Houthis"),
        ("AF", "Taliban"),
        ("PK", "Tehrik-i-Taliban Pakistan"),
        ("SO", "Al-Shabaab"),
        ("ML", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("NG", "Boko Haram"),
        ("SD", "Rapid Support Forces"),
        ("SS", "Sudan People's Liberation Movement-in-Opposition"),
        ("ET", "Fano"),
        ("CD", "March 23 Movement"),
        ("LY", "Libyan National Army"),
        ("MM", "Arakan Army"),
        ("PS", "Hamas"),
        ("LB", "Hezbollah"),
        ("UA", "Armed Forces of Ukraine"),
        ("RU", "Russian Armed Forces"),
        ("CO", "National Liberation Army"),
        ("HT", "Viv Ansanm"),
        ("MX", "Sinaloa Cartel"),
        ("MZ", "Islamic State Mozambique Province"),
        ("CM", "Ambazonian separatists"),
        ("IN", "Lashkar-e-Taiba"),
        ("PH", "New People's Army"),
        ("AZ", "Azerbaijani Armed Forces"),
    ],
)
def test_regions_covered(index, country, name):
    rec = index.get(name)
    assert rec is not None and rec["name"] == name


@pytest.mark.parametrize(
    "name,kind",
    [
        ("Syrian Observatory for Human Rights", "monitor"),
        ("Airwars", "monitor"),
        ("ACLED", "monitor"),
        ("AAPP", "monitor"),
        ("OCHA", "monitor"),
        ("UNAMA", "monitor"),
        ("Reuters", "media"),
        ("Xinhua", "media"),
        ("IANS", "media"),
        ("Civilians", "civilians"),
        ("Russian Defence Ministry", "government body"),
    ],
)
def test_monitors_media_and_bodies(index, name, kind):
    assert index.kind_of(name) == kind
