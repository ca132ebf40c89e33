"""Casualty claims from our own sentences, through the real pipeline (spaCy model included)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.documents.model import make_document
from warledger.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def extract(pipeline, text, published=date(2023, 3, 10), publisher=None):
    return pipeline.extract_one(make_document(text, published=published, publisher=publisher))


def claims(pipeline, text, **kw):
    return [c.to_json() for c in extract(pipeline, text, **kw).casualties]


def key(c):
    return (c["outcome"], c["count"]["low"], c["count"]["high"], c["victims"]["category"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Airstrikes killed 12 civilians in the village.", [("killed", 12, 12, "civilian")]),
        ("At least 30 soldiers were wounded in the ambush.", [("injured", 30, None, "combatant")]),
        ("Gunmen abducted 14 passengers from a bus.", [("captured", 14, 14, "civilian")]),
        ("Police arrested 40 protesters in the capital.", [("captured", 40, 40, "civilian")]),
        (
            "Nearly 2,000 residents fled their homes after the shelling.",
            [("displaced", None, 2000, "civilian")],
        ),
        ("Five villagers remain missing after the raid.", [("missing", 5, 5, "civilian")]),
        ("The blast caused 25 casualties.", [("casualties", 25, 25, "unknown")]),
        ("Eight people were killed or injured in the explosion.", [("casualties", 8, 8, "civilian")]),
        ("The army said it lost 11 soldiers in the battle.", [("killed", 11, 11, "combatant")]),
        ("A child was killed when a mortar hit the market.", [("killed", 1, 1, "civilian")]),
        ("Rescuers recovered the bodies of 9 fishermen.", [("killed", 9, 9, "civilian")]),
        ("The death toll rose to 406 on Sunday.", [("killed", 406, 406, "unknown")]),
        ("Dozens of militants were killed in the operation.", [("killed", 24, None, "combatant")]),
        ("Hospital staff said they had received 18 bodies.", [("killed", 18, 18, "unknown")]),
        ("Doctors treated 43 wounded people.", [("injured", 43, 43, "civilian")]),
        ("Health officials put the death toll at 120.", [("killed", 120, 120, "unknown")]),
        (
            "The fighting has forced 8 million people from their homes.",
            [("displaced", 8000000, 8000000, "civilian")],
        ),
        ("Militants stormed the village, shooting dead 17 worshippers.", [("killed", 17, 17, "civilian")]),
        ("The airstrike wounded seven members of one family.", [("injured", 7, 7, "civilian")]),
        ("The attack claimed the lives of 13 people, mostly women.", [("killed", 13, 13, "civilian")]),
        (
            "At least 11 people, among them six soldiers, were killed.",
            [("killed", 11, None, "unknown"), ("killed", 6, 6, "combatant")],
        ),
        (
            "Soldiers arrested Aung Ko Ko and Thida Win at their home on Monday.",
            [("captured", 2, 2, "civilian")],
        ),
        ("The insurgents captured Tirin Kot, the provincial capital.", []),
        (
            "In total, 4 people were killed, a man and his wife among them.",
            [("killed", 4, 4, "civilian"), ("killed", 2, 2, "civilian")],
        ),
    ],
)
def test_outcome_count_and_category(pipeline, text, expected):
    assert [key(c) for c in claims(pipeline, text)] == expected


def test_breakdown_gives_parts(pipeline):
    text = "The monitor documented 250 civilian deaths, including 61 children and 40 women, in the province."
    cs = claims(pipeline, text)
    assert [key(c) for c in cs] == [
        ("killed", 250, 250, "civilian"),
        ("killed", 61, 61, "civilian"),
        ("killed", 40, 40, "civilian"),
    ]
    assert cs[0]["part_of"] is None
    assert cs[1]["part_of"] == cs[0]["id"] and cs[1]["victims"]["group"] == "children"
    assert cs[2]["part_of"] == cs[0]["id"] and cs[2]["victims"]["group"] == "women"


def test_others_and_nested_breakdown(pipeline):
    text = (
        "A missile struck the bus station, killing 19 civilians, including four children, "
        "and injuring 33 others, among them a nurse."
    )
    cs = claims(pipeline, text)
    got = {(key(c), c["victims"]["group"]) for c in cs}
    assert (("killed", 19, 19, "civilian"), None) in got
    assert (("killed", 4, 4, "civilian"), "children") in got
    assert (("injured", 33, 33, "civilian"), None) in got
    by_count = {c["count"]["low"]: c for c in cs}
    assert by_count[4]["part_of"] == by_count[19]["id"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels have some 3,000 fighters in the hills.",
        "The toll is expected to rise above 100.",
        "Officials say 40 percent of the district is under siege.",
        "Warplanes carried out 35 strikes on the town.",
        "The shelling destroyed 120 houses and 14 vehicles.",
        "At least 155 people have died of cholera since August.",
        "More than 300 families were displaced by the floods.",
        "Several civilians were killed in the attack.",
        "A court sentenced 12 men to death.",
        "",
    ],
)
def test_not_claims(pipeline, text):
    assert claims(pipeline, text) == []


def test_perpetrator_and_victim_group(pipeline):
    cs = claims(pipeline, "Militants of al-Shabaab killed 7 police officers in an ambush near the town.")
    assert len(cs) == 1
    c = cs[0]
    assert c["victims"]["category"] == "combatant"
    assert c["perpetrator"] == "Al-Shabaab"


def test_passive_agent_is_perpetrator(pipeline):
    cs = claims(pipeline, "Four farmers were killed by Boko Haram fighters on Tuesday.")
    assert cs and cs[0]["perpetrator"] is not None and "Boko Haram" in cs[0]["perpetrator"]


def test_attribution_chain_and_publisher(pipeline):
    text = (
        "The death toll from the market bombing rose to 23, a hospital director told Reuters.\n\n"
        "According to the health ministry, 41 people were wounded."
    )
    cs = claims(pipeline, text, publisher="Example Daily")
    assert cs[0]["sources"][-1] == "Example Daily"
    assert any("Reuters" in s for s in cs[0]["sources"])
    assert cs[1]["sources"][0].lower().endswith("ministry") or "Ministry" in cs[1]["sources"][0]


def test_hedged_by_marker_and_generic_source(pipeline):
    cs = claims(
        pipeline,
        "Six fighters were reportedly killed overnight.\n\nActivists said 3 civilians died in the strike.",
    )
    assert [c["hedged"] for c in cs] == [True, True]


def test_time_since_is_cumulative_period(pipeline):
    cs = claims(
        pipeline,
        "Since January 5, the militia has killed 87 civilians in the region.",
        published=date(2023, 3, 10),
    )
    assert cs[0]["cumulative"] is True
    assert cs[0]["when"] == {"start": "2023-01-05", "end": "2023-03-10", "precision": "period"}


def test_yesterday_resolves_against_publication(pipeline):
    cs = claims(
        pipeline, "Two soldiers were killed yesterday in a roadside bombing.", published=date(2023, 3, 10)
    )
    assert cs[0]["when"]["start"] == "2023-03-09"


def test_headline_repeated_in_body_is_reported_once(pipeline):
    text = "About 50 killed in market attack\n\nAt least 48 people were killed when gunmen attacked the market on Friday."
    cs = claims(pipeline, text)
    assert [key(c) for c in cs] == [("killed", 48, None, "civilian")]


def test_evidence_points_into_the_text(pipeline):
    text = "Report from the north.\n\nOn Monday, shelling killed 14 civilians and wounded 30 more in two villages."
    ex = extract(pipeline, text)
    assert ex.casualties
    for c in ex.casualties:
        ev = c.evidence
        assert ev.sentence in text
        assert text[ev.start : ev.end] in ev.sentence
        assert (
            c.count.text in text[ev.start : ev.end]
            or text[ev.start : ev.end] in c.count.text
            or str(c.count.low) in text[ev.start : ev.end].replace(",", "")
        )


@pytest.mark.parametrize(
    "text",
    [
        "Les combats ont fait 40 morts dans la ville, selon des sources locales.",
        "| Village | Killed |\n| A | 12 |\n| B | 7 |",
        "\x00\x01 binary junk 55",
    ],
)
def test_odd_input_does_not_crash_or_invent(pipeline, text):
    ex = extract(pipeline, text)
    assert all(c.evidence.sentence for c in ex.casualties)


def test_breakdown_in_a_later_sentence(pipeline):
    cs = claims(pipeline, "Shelling killed 40 people in the district. Among the dead were 12 children.")
    by = {c["count"]["low"]: c for c in cs}
    assert by[12]["part_of"] == by[40]["id"] and by[12]["victims"]["group"] == "children"


def test_small_figures_of_different_incidents_are_kept(pipeline):
    text = (
        "A woman and her two children were killed when a shell hit their house in the north.\n\n"
        "In a separate attack on Monday, gunmen killed a man, his wife and one of their children in the south."
    )
    assert [key(c) for c in claims(pipeline, text) if c["part_of"] is None] == [
        ("killed", 3, 3, "civilian"),
        ("killed", 3, 3, "civilian"),
    ]


def test_an_acronym_the_report_defines_wins(pipeline):
    text = (
        "The Arakan Army (AA) said it had overrun the base.\n\n"
        "The AA said 40 soldiers of the garrison were captured on Tuesday."
    )
    cs = claims(pipeline, text)
    assert cs and cs[0]["outcome"] == "captured"
    assert "Arakan Army" in cs[0]["sources"]


def test_the_speakers_own_forces(pipeline):
    text = "The Turkish defence ministry said on Thursday that its forces had killed 23 PKK militants in northern Iraq."
    cs = claims(pipeline, text)
    assert cs and cs[0]["perpetrator"] == "Turkish Armed Forces"


def test_the_body_keeps_a_figure_the_headline_also_gives(pipeline):
    text = "Army says 96 rebels killed in raid\n\nThe army killed 96 rebels during a raid on their camp on Friday."
    cs = claims(pipeline, text)
    assert len(cs) == 1 and cs[0]["evidence"]["sentence"].startswith("The army killed")


def test_among_the_dead_as_a_predicate_is_a_part(pipeline):
    cs = claims(
        pipeline, "A missile strike killed three people on Friday. A man and his wife were among the dead."
    )
    by = {c["count"]["low"]: c for c in cs}
    assert by[2]["part_of"] == by[3]["id"]


# ---- the day of the incident, not of its telling ------------------------------------
# published 2023-03-10, a Friday: Tuesday is 03-07, Wednesday 03-08, Thursday 03-09


def _when_of(cs, low):
    return next(c["when"] for c in cs if c["count"]["low"] == low)


def test_a_dateline_date_and_a_misparsed_telling_do_not_date_the_incident(pipeline):
    # the parser hangs "on Tuesday" on the distant "said"; the verb next to it is the act
    text = (
        "Rebels overrun army post\n\n"
        "KARVAN, March 10 (Wire) — Rebel fighters on Tuesday overran an army post near the river "
        "crossing, the defence ministry said in a statement on Wednesday.\n\n"
        '"We repelled the attack, killing 14 rebels," the ministry said.'
    )
    cs = claims(pipeline, text)
    assert _when_of(cs, 14)["start"] == "2023-03-07"


def test_a_claim_dated_only_by_its_telling_takes_the_passage_incident_day(pipeline):
    text = (
        "Militants stormed a border post in Korvala on Tuesday, residents said.\n\n"
        "The militant group claimed on Thursday that it had killed 31 guards in the assault."
    )
    cs = claims(pipeline, text)
    assert _when_of(cs, 31)["start"] == "2023-03-07"


def test_a_telling_day_without_a_recent_incident_dates_the_item(pipeline):
    text = (
        "Militants stormed a border post in Korvala on Tuesday, residents said.\n\n"
        "The region has seen years of unrest.\n\n"
        "Farmers there grow maize and sorghum.\n\n"
        "On Thursday, the police said they had arrested 23 suspects in a separate raid."
    )
    cs = claims(pipeline, text)
    assert _when_of(cs, 23)["start"] == "2023-03-09"


def test_a_lead_dated_only_by_its_telling_takes_the_incident_day_told_next(pipeline):
    text = (
        "Gunmen killed at least 16 villagers in a raid on a farming settlement, officials told "
        "reporters on Friday.\n\n"
        "The attackers arrived on motorbikes late on Wednesday and set fire to the granaries, "
        "a local chief said.\n\n"
        '"We buried 16 people and nine others are missing," the chief said.'
    )
    cs = claims(pipeline, text)
    assert _when_of(cs, 9) == {"start": "2023-03-08", "end": "2023-03-08", "precision": "day"}


def test_so_far_this_year_runs_from_the_start_of_the_year(pipeline):
    cs = claims(
        pipeline, "At least 87 people have been killed in the province so far this year, the office said."
    )
    assert _when_of(cs, 87) == {"start": "2023-01-01", "end": "2023-03-10", "precision": "period"}


def test_a_toll_of_the_whole_conflict_runs_up_to_publication(pipeline):
    text = (
        "Raiders killed 7 herders near the well on Tuesday, officials said.\n\n"
        "The decade-long insurgency has killed more than 12,000 people and displaced about "
        "900,000 in the region."
    )
    cs = claims(pipeline, text)
    for low in (12000, 900000):
        assert _when_of(cs, low) == {"start": None, "end": "2023-03-10", "precision": "period"}
        assert next(c for c in cs if c["count"]["low"] == low)["cumulative"] is True
    assert _when_of(cs, 7)["start"] == "2023-03-07"


def test_displaced_by_violence_said_in_a_month_ends_with_that_month(pipeline):
    cs = claims(
        pipeline,
        "More than 600,000 people have been displaced by violence, the migration agency said in January.",
    )
    assert _when_of(cs, 600000) == {"start": None, "end": "2023-01-31", "precision": "period"}


# ---- places ---------------------------------------------------------------------------


def _place_of(cs, low):
    return next(c["place"] for c in cs if c["count"]["low"] == low)


def test_a_numbered_ward_is_placed_in_its_town(pipeline):
    text = (
        "Rebels entered the eastern wards of Mandalay on Saturday, residents said.\n\n"
        "An airstrike hit the market in Ward 4 on Sunday, killing 13 civilians."
    )
    assert _place_of(claims(pipeline, text), 13)["name"] == "Mandalay"


def test_a_name_followed_by_a_place_noun_is_a_place(pipeline):
    text = "Syrian rebels took over Manbij city on Friday, killing 19 soldiers."
    assert _place_of(claims(pipeline, text), 19)["name"] == "Manbij"


def test_a_place_between_two_names_is_found(pipeline):
    text = "A drone struck a car on the road between Kirkuk and Tikrit, killing 3 policemen."
    assert _place_of(claims(pipeline, text), 3)["name"] in ("Kirkuk", "Tikrit")


def test_the_province_points_back_at_the_province_named_before(pipeline):
    text = (
        "Militants have attacked villages across Kirkuk province in northern Iraq since January, "
        "Iraqi officials said.\n\n"
        "Aid agencies say more than 52,000 people are displaced in the province."
    )
    assert _place_of(claims(pipeline, text), 52000)["name"] == "Kirkuk"


def test_an_unplaced_incident_sentence_takes_the_place_told_just_before(pipeline):
    text = (
        "Kirkuk has seen a rise in attacks, officials in Kirkuk said.\n\n"
        "Gunmen attacked a police station in Hawija on Tuesday night.\n\n"
        "Nine policemen were killed and 4 were wounded, a police officer said."
    )
    cs = claims(pipeline, text)
    assert _place_of(cs, 9)["name"] == "Hawija"


def test_a_compass_word_makes_a_region_of_the_country(pipeline):
    cs = claims(pipeline, "Shelling killed 8 civilians in southern Lebanon on Monday, the ministry said.")
    place = _place_of(cs, 8)
    assert place["precision"] == "region" and place["country"] == "LB"


def test_the_place_of_a_background_clause_is_not_the_claims(pipeline):
    text = (
        "Syrian airstrikes in northern Syria killed 12 civilians on Monday, as government "
        "troops pushed into the town of Saraqeb."
    )
    assert _place_of(claims(pipeline, text), 12)["precision"] == "region"


def test_one_foreign_name_said_often_does_not_make_its_country_a_subject(pipeline):
    from warledger.claims.extract import DocumentExtractor

    text = (
        "Somali forces killed 14 al-Shabaab fighters near Kismayo, Somalia's army said.\n\n"
        "Traders from Jijiga said the road to Jijiga was closed; the Jijiga market shut.\n\n"
        "Somalia's government said troops also cleared villages around Baidoa and Afgooye."
    )
    de = DocumentExtractor(pipeline.nlp, pipeline.actors, pipeline.gazetteer)
    ctx = next(de._contexts([make_document(text, published=date(2023, 3, 10))], 8))
    assert ctx.countries[0] == "SO"
    assert "ET" not in ctx.countries


def test_a_known_place_after_on_is_the_claims_place(pipeline):
    cs = claims(
        pipeline,
        "Russian drone attacks on Kherson killed 4 people over the past day, Ukrainian officials said.",
    )
    assert _place_of(cs, 4)["name"] == "Kherson"


def test_the_place_people_fled_is_the_displacement_place(pipeline):
    cs = claims(
        pipeline,
        "Myanmar rescuers said about 7,000 people had fled Lashio since Friday, most of them towards Mandalay.",
    )
    assert _place_of(cs, 7000)["name"] == "Lashio"


def test_a_village_the_gazetteer_lacks_carries_over_to_the_next_sentence(pipeline):
    text = (
        "Nigerien officials said gunmen attacked the village of Zarbanga on 10 June, burning "
        "the market.\n\n"
        "According to local sources, 21 civilians were killed and 6 were wounded."
    )
    assert _place_of(claims(pipeline, text), 21)["name"] == "Zarbanga"


def test_a_bare_time_of_day_takes_the_narratives_day(pipeline):
    text = (
        "Gunmen stormed a market in Gao on Tuesday, residents said.\n\n"
        "At dawn, the gunmen attacked a police post in the town, killing 2 officers."
    )
    assert _when_of(claims(pipeline, text), 2)["start"] == "2023-03-07"


def _perp_of(cs, low):
    return next(c["perpetrator"] for c in cs if c["count"]["low"] == low)


@pytest.mark.parametrize(
    "text",
    [
        # the attackers of a "when" clause, whatever verb of violence they used
        "Eleven policemen were killed in Beledweyne on Tuesday when al-Shabaab militants "
        "detonated a car bomb at a checkpoint.",
        # "fighters of X": the group they belong to
        "Eleven soldiers were wounded on Friday when fighters of al-Shabaab stormed an outpost near Baidoa.",
        # "X cells": the modifier names the group
        "Eleven villagers were killed near Jowhar on Monday when al-Shabaab cells ambushed a truck.",
    ],
)
def test_the_attackers_of_the_sentence_are_the_perpetrator(pipeline, text):
    assert _perp_of(claims(pipeline, text), 11) == "Al-Shabaab"


@pytest.mark.parametrize(
    ("text", "low", "perp"),
    [
        # an armed party reporting the other side's losses caused them
        (
            "Kenya's Defence Forces said 18 terrorists were neutralised near Lamu on Sunday.",
            18,
            "Kenya Defence Forces",
        ),
        # a country "lost" its forces; the other side, who says so, caused it
        (
            "The Russian Ministry of Defence said Ukraine had lost 420 servicemen over the past day.",
            420,
            "Russian Armed Forces",
        ),
        # "it had killed": the speaking group itself
        ("Al-Shabaab said in a statement that it had killed 14 soldiers in Jowhar.", 14, "Al-Shabaab"),
    ],
)
def test_an_armed_speaker_caused_the_enemy_losses_it_reports(pipeline, text, low, perp):
    assert _perp_of(claims(pipeline, text), low) == perp


def test_an_armed_speaker_did_not_cause_its_own_losses(pipeline):
    text = "Kenya's Defence Forces said 7 soldiers were killed near Lamu on Sunday."
    assert _perp_of(claims(pipeline, text), 7) is None


@pytest.mark.parametrize(
    ("text", "low", "name"),
    [
        # a village listed before its township and region is the most specific place
        (
            "Junta troops raided Kyauk Sein Village, Monywa Township, Sagaing Region, on Monday "
            "and shot dead 3 farmers.",
            3,
            "Kyauk Sein Village",
        ),
        # "X Local Government Area of Y State": the gazetteer knows X by its bare name
        (
            "At least 7 soldiers were killed when jihadists attacked a base in Gubio Local "
            "Government Area of Borno State on Monday.",
            7,
            "Gubio",
        ),
    ],
)
def test_a_place_named_inside_a_wider_one_is_the_claims_place(pipeline, text, low, name):
    assert _place_of(claims(pipeline, text), low)["name"] == name


def test_the_citys_points_back_at_the_town_attacked(pipeline):
    # "attacked X" names the place hit; "the city's hospital" points back at it, past a
    # province named in between
    text = (
        "Gunmen attacked Zaria on Monday, burning the market.\n\n"
        "Officials in Kaduna State said the attackers came from the forest.\n\n"
        "Medical sources at the city's main hospital said 12 soldiers were killed."
    )
    assert _place_of(claims(pipeline, text), 12)["name"] == "Zaria"


def test_a_modal_of_a_clause_the_claim_only_modifies_makes_no_forecast(pipeline):
    text = (
        "The KNU said 9 of its fighters had been killed, while claiming that more than 60 junta "
        "soldiers had died in the battle, a figure reporters could not verify."
    )
    assert (("killed", 60, None, "combatant")) in [key(c) for c in claims(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they had killed 45 soldiers near Goma, a figure that could not be "
        "independently verified.",
        "A police officer who asked not to be named said 45 soldiers were killed near Goma.",
        "Speaking on condition of anonymity, a hospital director said 45 soldiers were killed near Goma.",
    ],
)
def test_an_unverifiable_or_anonymous_figure_is_hedged(pipeline, text):
    c = next(c for c in claims(pipeline, text) if c["count"]["low"] == 45)
    assert c["hedged"] is True


def test_people_including_civilians_are_of_unknown_category(pipeline):
    text = "The insurgency has killed more than 9,000 people, including about 3,000 civilians, monitors said."
    keys = [key(c) for c in claims(pipeline, text)]
    assert ("killed", 9000, None, "unknown") in keys
    assert ("killed", 3000, 3000, "civilian") in keys


def test_a_country_known_only_by_the_troops_it_sent_lends_no_namesakes(pipeline):
    # "Rwandan troops" in a Mozambican report: a village name is not looked up in Rwanda
    text = (
        "Cabo Delgado\n\nInsurgents killed five civilians in Nanga, in Mozambique's Cabo Delgado province, on "
        "Monday, before Rwandan troops arrived, local sources said.\n"
    )
    found = claims(pipeline, text)
    assert found and all(c["place"] is None or c["place"]["country"] != "RW" for c in found)


def test_the_ministry_is_the_ministry_cited_before(pipeline):
    # not the government of the country the report is about
    text = (
        "Ukraine\n\nRussia's defence ministry said on Sunday that its forces had killed 40 Ukrainian soldiers "
        "near Vovchansk.\n\nThe ministry said its forces had taken the village of Krasnoye near Kharkiv, "
        "killing 12 Ukrainian soldiers.\n"
    )
    found = claims(pipeline, text, published=date(2024, 5, 12))
    assert [c["sources"][0] for c in found] == ["Russian Ministry of Defence"] * 2


def test_a_namesake_inside_the_state_the_report_names(pipeline):
    text = (
        "Mexico\n\nSoldiers clashed with gunmen in the town of Jesus Maria on Sunday, killing four suspected "
        "cartel members, the Sinaloa state prosecutor's office said.\n"
    )
    found = claims(pipeline, text)
    assert found and found[0]["place"]["admin1"] == "Sinaloa"


def test_every_item_of_a_list_after_a_toll_is_a_part_of_it(pipeline):
    # items after the first go on past the first item's own "of" phrase
    text = (
        "According to the monitor, the death toll of the fighting since it erupted on March 3 has risen to 75, "
        "they are: 30 members of the army, 28 of the clan fighters and other gunmen, and 17 civilians."
    )
    found = claims(pipeline, text)
    assert [key(c) for c in found] == [
        ("killed", 75, 75, "unknown"),
        ("killed", 30, 30, "combatant"),
        ("killed", 28, 28, "combatant"),
        ("killed", 17, 17, "civilian"),
    ]
    assert [c["part_of"] for c in found[1:]] == [found[0]["id"]] * 3


def test_a_named_victim_and_his_family_in_a_breakdown_are_one_figure(pipeline):
    text = "Residents say at least eleven civilians were killed, among them a retired nurse, Peter Mbah, and his two sons."
    assert [key(c) for c in claims(pipeline, text)] == [
        ("killed", 11, None, "civilian"),
        ("killed", 3, 3, "civilian"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A drone strike on the market killed at least 31 people, most of them civilians, and injured 40 others.",
            [("killed", 31, None, "unknown"), ("injured", 40, 40, "unknown")],
        ),
        (
            "The ministry said 52 people had been wounded, most of them civilians, in the shelling.",
            [("injured", 52, 52, "unknown")],
        ),
        (
            "A doctor said that around 60 wounded people were treated at the district hospital, about half of them civilians.",
            [("injured", 60, 60, "unknown")],
        ),
        (
            "The agency said 9,000 people had fled the district since Monday, most of them towards the coast.",
            [("displaced", 9000, 9000, "civilian")],
        ),
        (
            "Some 300 people, mostly herding families, have fled their villages since the raids began.",
            [("displaced", 300, 300, "civilian")],
        ),
    ],
)
def test_a_figure_said_to_be_mostly_one_group_is_mixed(pipeline, text, expected):
    # "most of them civilians" after the verb, "about half of them": the rest were not
    assert [key(c) for c in claims(pipeline, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The ministry said "an enemy strike on a house in the town of Kfar Hamam led to the martyrdom of '
            'five citizens, among them a child, and the injury of 9 others."',
            [("killed", 5, 5, "civilian"), ("killed", 1, 1, "civilian"), ("injured", 9, 9, "civilian")],
        ),
        (
            "The army acknowledged the loss of 6 soldiers, while 12 were wounded.",
            [("killed", 6, 6, "combatant"), ("injured", 12, 12, "combatant")],
        ),
    ],
)
def test_official_words_for_death(pipeline, text, expected):
    # "the martyrdom of", "the loss of" N people: killed, and the wounded after them are the same people
    assert [key(c) for c in claims(pipeline, text)] == expected


def test_the_predicate_says_who_the_dead_were(pipeline):
    text = (
        "A police spokesman said four of those killed were officers. He said the other six dead were "
        "civilians, among them a child, killed when the blast brought down a nearby shop."
    )
    assert [key(c) for c in claims(pipeline, text)] == [
        ("killed", 4, 4, "combatant"),
        ("killed", 6, 6, "civilian"),
        ("killed", 1, 1, "civilian"),
    ]


def test_a_coordinated_figure_keeps_its_own_outcome_adjective(pipeline):
    # the wounded are coordinated into "the bodies of ..." but are not bodies
    text = (
        "A doctor at Kamba General Hospital, who asked not to be named, said the hospital received the bodies "
        "of those killed and 19 wounded people on Saturday afternoon. Gunmen claimed the killing of three "
        "abducted aid workers."
    )
    assert [key(c) for c in claims(pipeline, text)] == [
        ("injured", 19, 19, "civilian"),
        ("killed", 3, 3, "civilian"),
    ]


def test_bracketed_figures_are_figures_not_asides(pipeline):
    # "(3) children" is no aside opened by "(": lists and the gerund before a figure read through it
    text = (
        "On May 2, junta jet fighters bombed Kyun Taw Village, Myaung Township, Sagaing Region, killing (5) "
        "civilians including (3) children and injuring (9) others, according to local sources. "
        "Since the coup, (1,210) people have been killed by the junta, including (84) children and (150) women."
    )
    found = claims(pipeline, text)
    assert [key(c) for c in found] == [
        ("killed", 5, 5, "civilian"),
        ("killed", 3, 3, "civilian"),
        ("injured", 9, 9, "civilian"),
        ("killed", 1210, 1210, "civilian"),
        ("killed", 84, 84, "civilian"),
        ("killed", 150, 150, "civilian"),
    ]
    assert found[2]["part_of"] is None and found[5]["part_of"] == found[3]["id"]


def test_soldiers_fallen_in_service_are_killed(pipeline):
    text = (
        'According to the army statement, the ambush left 8 soldiers "fallen on the field of honour" and 6 '
        "wounded. Two gendarmes fell in combat near the border post on Monday. The town fell to the rebels."
    )
    assert [key(c) for c in claims(pipeline, text)] == [
        ("killed", 8, 8, "combatant"),
        ("injured", 6, 6, "combatant"),
        ("killed", 2, 2, "combatant"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Since June, 140 Sudanese, including 31 children, have been killed by the militia.",
            [("killed", 140, 140, "civilian"), ("killed", 31, 31, "civilian")],
        ),
        (
            "Rescuers said 17 Iraqis were killed when gunmen attacked the convoy.",
            [("killed", 17, 17, "civilian")],
        ),
        (
            "The health authority says 4,200 Yemenis have been killed; its figure does not distinguish between "
            "civilians and fighters.",
            [("killed", 4200, 4200, "unknown")],
        ),
        (
            "Nine Kurds, of whom at least four were civilians, were killed in the strikes.",
            [("killed", 9, 9, "unknown"), ("killed", 4, None, "civilian")],
        ),
    ],
)
def test_people_named_by_nationality_are_civilians_unless_mixed(pipeline, text, expected):
    assert [key(c) for c in claims(pipeline, text)] == expected


def test_a_toll_of_named_people_counts_them(pipeline):
    # "the number of civilians killed" is killed and civilian, however the parser hangs the toll
    text = (
        "A residents' committee put the number of civilians killed in the town since Friday at more than 800.\n\n"
        "The army said three soldiers were killed on Monday, bringing to 212 the number of soldiers killed "
        "since the offensive began.\n\n"
        "With the new losses, the number of government soldiers killed in the desert since January has risen "
        "to 143."
    )
    assert [key(c) for c in claims(pipeline, text)] == [
        ("killed", 800, None, "civilian"),
        ("killed", 3, 3, "combatant"),
        ("killed", 212, 212, "combatant"),
        ("killed", 143, 143, "combatant"),
    ]


def test_one_more_of_the_figure_before(pipeline):
    # "a third wounded", "another injured": one person of the kind just counted
    text = (
        "Two civilians were killed and a third wounded on Monday when a drone struck a car near the village "
        "of Sidakan. Gunmen attacked an army checkpoint in the east last night, where 4 soldiers were killed "
        "and another injured."
    )
    assert [key(c) for c in claims(pipeline, text)] == [
        ("killed", 2, 2, "civilian"),
        ("injured", 1, 1, "civilian"),
        ("killed", 4, 4, "combatant"),
        ("injured", 1, 1, "combatant"),
    ]


def test_the_dead_were_a_part_and_the_rest_were_fighters(pipeline):
    text = (
        "The monitor documented the death of 240 people across the country in May, the dead were 98 "
        "civilians, among them 12 children, while the rest were fighters of various groups."
    )
    found = claims(pipeline, text)
    assert [key(c) for c in found] == [
        ("killed", 240, 240, "unknown"),
        ("killed", 98, 98, "civilian"),
        ("killed", 12, 12, "civilian"),
    ]
    assert found[1]["part_of"] == found[0]["id"] and found[2]["part_of"] == found[1]["id"]


def test_killed_in_clashes_with_a_side(pipeline):
    text = (
        "Somalia\n\nTen Somali soldiers were killed in clashes with al-Shabaab near Beledweyne on Monday, "
        "officials said.\n"
    )
    found = claims(pipeline, text)
    assert [(c["count"]["low"], c["perpetrator"]) for c in found] == [(10, "Al-Shabaab")]


def test_a_transliterated_name_with_an_apostrophe_is_a_place(pipeline):
    # the tagger reads "Turmus'ayya" as a common noun
    text = "West Bank\n\nOne Palestinian was killed by settlers in Turmus'ayya on Friday, medics said.\n"
    found = claims(pipeline, text, published=date(2025, 6, 28))
    assert found and found[0]["place"]["name"] == "Turmus'ayya" and found[0]["place"]["country"] == "PS"
