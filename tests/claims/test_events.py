"""Events from our own sentences, through the real pipeline (spaCy model included)."""

from __future__ import annotations

from datetime import date

import pytest

from warledger.claims.events import load_event_lexicon
from warledger.documents.model import make_document
from warledger.pipeline import Pipeline

PUB = date(2023, 3, 10)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events(pipeline, text, published=PUB):
    return pipeline.extract_one(make_document(text, published=published)).events


def typed(items):
    return [(e.event_type, e.sub_event_type, e.place.name if e.place else None) for e in items]


def test_lexicon_entries_are_typed():
    lex = load_event_lexicon()
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids))
    # the specific families come before the generic attack
    assert ids.index("suicide_bomb") < ids.index("attack")


@pytest.mark.parametrize(
    ("text", "etype", "sub", "place"),
    [
        (
            "Clashes broke out between the army and rebels in Serrin on Wednesday.",
            "Battles",
            "Armed clash",
            "Serrin",
        ),
        (
            "An air strike hit a market in Corvel on Wednesday, killing 12 civilians.",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Corvel",
        ),
        (
            "Artillery fire killed a woman in the village of Hesk on Wednesday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Hesk",
        ),
        (
            "Two soldiers died when a roadside bomb hit their patrol near Ostrand on Tuesday.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "Ostrand",
        ),
        (
            "A suicide bomber struck a checkpoint in Rennick on Monday, killing four police officers.",
            "Explosions/Remote violence",
            "Suicide bomb",
            "Rennick",
        ),
        (
            "Gunmen attacked the village of Pellam on Sunday, killing seven civilians.",
            "Violence against civilians",
            "Attack",
            "Pellam",
        ),
        (
            "Gunmen abducted 20 passengers from a bus near Calder on Thursday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "Calder",
        ),
        (
            "Police arrested the opposition leader in Tessby on Tuesday.",
            "Strategic developments",
            "Arrests",
            "Tessby",
        ),
        (
            "Hundreds of teachers protested in Dunmore on Monday against unpaid wages.",
            "Protests",
            "Peaceful protest",
            "Dunmore",
        ),
    ],
)
def test_cue_families(pipeline, text, etype, sub, place):
    assert typed(events(pipeline, text)) == [(etype, sub, place)]


def test_attack_on_a_base_is_a_battle(pipeline):
    text = "On Thursday the army said it foiled an al-Shabaab attack on a military base in Garlow."
    (e,) = events(pipeline, text)
    assert (e.event_type, e.sub_event_type, e.place.name) == ("Battles", "Armed clash", "Garlow")
    assert e.actor1 == "Al-Shabaab"


def test_attack_on_civilians_has_civilians_as_actor2_and_fatalities(pipeline):
    text = "Gunmen attacked the village of Pellam on Sunday, killing seven civilians."
    (e,) = events(pipeline, text)
    assert e.actor2 == "Civilians"
    assert e.fatalities == 7
    assert e.when is not None and e.when.start == date(2023, 3, 5)


def test_coordinated_places_are_distinct_events(pipeline):
    text = "Troops repelled attacks on Varna, Tolko and Meridan on Wednesday."
    assert sorted(e.place.name for e in events(pipeline, text)) == ["Meridan", "Tolko", "Varna"]


def test_sentence_without_a_place_takes_the_incident_before(pipeline):
    text = (
        "On Tuesday soldiers raided the village of Orrin. "
        "Two men were abducted during the raid and taken hostage."
    )
    places = {e.place.name for e in events(pipeline, text)}
    assert places == {"Orrin"}


def test_control_change_becomes_a_territory_event(pipeline):
    text = "The Taliban captured Qalat Bagh on Wednesday."
    (e,) = events(pipeline, text)
    assert (e.event_type, e.sub_event_type, e.actor1) == (
        "Battles",
        "Non-state actor overtakes territory",
        "Taliban",
    )


def test_state_force_regains_territory(pipeline):
    text = "The Somali army regained control of the town of Dorvan from al-Shabaab on Wednesday."
    (e,) = events(pipeline, text)
    assert e.sub_event_type == "Government regains territory"


def test_threat_is_strategic_other(pipeline):
    text = "The general threatened to push into the border town of Kessel."
    assert typed(events(pipeline, text)) == [("Strategic developments", "Other", "Kessel")]


@pytest.mark.parametrize(
    "text",
    [
        # a count of strikes over a campaign
        "The ministry said it had carried out 300 air strikes since March.",
        # a cause, not an incident
        "Thousands of families were displaced from Corvel due to attacks.",
        # intent and forecasts
        "The rebels vowed to attack Serrin.",
        "The army will launch air strikes on Corvel.",
        # negation
        "There were no clashes in Serrin on Tuesday.",
        # a campaign modifier
        "Increasing attacks on villages around Pellam worry aid agencies.",
        # historical background
        "In 2014 the militants attacked Serrin and killed dozens of civilians.",
    ],
)
def test_not_an_event(pipeline, text):
    assert events(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "etype", "sub", "actor1", "actor2", "place"),
    [
        # a count of munitions is one barrage, not a campaign
        (
            "Two shells fired by the rebels on Monday hit a school near Tarvik, killing three pupils.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "rebels",
            "Civilians",
            "Tarvik",
        ),
        # a nation's adjective stands for its forces; a strike that killed only civilians hit civilians
        (
            "An Israeli drone strike on a car near Yaroun on Tuesday killed two civilians.",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Israel Defense Forces",
            "Civilians",
            "Yaroun",
        ),
        # a killing with no other cue, by a named side
        (
            "Fighters of the Jama'at Nusrat al-Islam wal-Muslimin killed at least 12 civilians in the village "
            "of Dassori on Sunday, residents said.",
            "Violence against civilians",
            "Attack",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "Civilians",
            "Dassori",
        ),
        # policemen shot dead: ACLED codes it a battle
        (
            "Two policemen were shot dead by unidentified gunmen in Kotli on Tuesday, police said.",
            "Battles",
            "Armed clash",
            "Unidentified armed group",
            None,
            "Kotli",
        ),
        # the target named by a "targeting" clause makes the attack a battle
        (
            "Al-Shabaab launched an attack on Garsale at dawn on Saturday, targeting the detachment of the army.",
            "Battles",
            "Armed clash",
            "Al-Shabaab",
            None,
            "Garsale",
        ),
    ],
)
def test_cue_shapes_and_actors(pipeline, text, etype, sub, actor1, actor2, place):
    evs = events(pipeline, text)
    got = [(e.event_type, e.sub_event_type, e.actor1, e.actor2, e.place.name) for e in evs]
    assert got == [(etype, sub, actor1, actor2, place)]


def test_drone_is_an_event_only_when_it_hits(pipeline):
    hit = events(
        pipeline, "A rebel drone struck a market in the town of Kessel on Friday, killing three traders."
    )
    assert typed(hit) == [("Explosions/Remote violence", "Air/drone strike", "Kessel")]
    assert events(pipeline, "The army said it shot down a drone over the town of Kessel on Friday.") == []


def test_unit_names_and_possessors_are_not_the_scene(pipeline):
    text = "Two soldiers of the FDS died on Monday when a roadside bomb exploded in Rovuma's Mbau district."
    assert [e.place.name for e in events(pipeline, text)] == ["Mbau"]


def test_truce_without_a_place_settles_the_main_conflict(pipeline):
    text = (
        "Heavy clashes broke out in Zawara on Friday between rival militias.\n"
        "The fighting in Zawara killed 12 people, medics said.\n"
        "A truce was agreed late on Saturday through the mediation of elders, the government said."
    )
    agreements = [e for e in events(pipeline, text) if e.sub_event_type == "Agreement"]
    assert [e.place.name for e in agreements] == ["Zawara"]


# ---- one event per incident, and what is not an incident (precision rules) ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # a lead and a later sentence that refers back to it by the province
        "Gunmen killed 11 villagers in an attack on the village of Tarrow in Kessin state on Tuesday, "
        "police said.\n\nThe attack in Kessin came after weeks of tension over grazing land.",
        # a bulletin point without a day and the dated account of the same fighting
        "Fighting between the army and the rebels continued in Dorvale.\n\n"
        "Heavy clashes between the army and the rebels were reported in Dorvale on Wednesday.",
        # a definite reference with no day of its own goes on with the incident told before
        "Rebels attacked an army base in the town of Mirrow on Tuesday, killing nine soldiers.\n\n"
        '"The fighting lasted for three hours," an officer said.',
    ],
)
def test_one_incident_told_twice_is_one_event(pipeline, text):
    assert len(events(pipeline, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a count over a period the date resolver reads as a week or a span
        "The air force said last week that air strikes had killed dozens of rebels in the Tolvar hills "
        "over the past month.",
        # a period phrase with no day
        "The rebels have fired more than 300 rockets at Kessin since the start of the year.",
        # a denied proposition
        "The army denied reports that its jets had bombed a wedding in Tarrow.",
        # an earlier abduction referred to by a participle
        "Police rescued 12 of the abducted passengers in a forest near Tarrow on Saturday.",
        # a summary of several incidents told as a count of targets
        "Gunmen have killed 20 people and abducted dozens of others in attacks on four villages in Kessin "
        "state, police said on Sunday.",
    ],
)
def test_campaigns_denials_and_summaries_are_not_events(pipeline, text):
    assert events(pipeline, text) == []


def test_where_a_speaker_spoke_from_is_not_the_scene(pipeline):
    text = (
        "Rebels attacked an army base in the town of Mirrow on Tuesday, killing nine soldiers, an officer "
        "told reporters by phone from the nearby town of Pellam."
    )
    assert [e.place.name for e in events(pipeline, text)] == ["Mirrow"]


def test_a_named_facility_stands_on_its_town(pipeline):
    text = "On Monday, rebel shelling hit the Central Hospital in Dorvale, killing two nurses."
    assert [e.place.name for e in events(pipeline, text)] == ["Dorvale"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "In Corvel, a drone strike on Wednesday hit a house in the Hesk neighbourhood, killing three "
            "people, police said.",
            "Hesk",
        ),
        (
            "Also in Dorvale, two farmers were killed when a landmine exploded in the village "
            "of Serrin on Wednesday.",
            "Serrin",
        ),
        # a place in a clause of its own ("while in Q ...") leaves the fronted place the scene
        (
            "In Corvel, a missile killed three people on Wednesday, while in Serrin drones wounded two.",
            "Corvel",
        ),
    ],
)
def test_a_fronted_place_frames_the_scene_its_clause_names(pipeline, text, place):
    assert [e.place.name for e in events(pipeline, text) if e.place] == [place]


def test_a_capture_told_in_the_lead_takes_the_day_the_next_paragraph_gives(pipeline):
    # the lead dates only the announcement; the statement's unplaced account dates the assault
    text = (
        "DORVALE (Reuters) - The rebels announced on Friday that they had taken full control of "
        "Serrin, the army's last stronghold in the north.\n\n"
        "In a statement posted online, the rebels said their fighters had stormed the headquarters "
        "of the army's 3rd Brigade on Wednesday and cleared the remaining neighbourhoods the "
        "following day."
    )
    (e,) = events(pipeline, text)
    assert e.place is not None and e.place.name == "Serrin"
    assert e.when is not None and e.when.start == date(2023, 3, 8)


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, an army convoy fell in ambush between Corvel and Hesk.",
        "On Wednesday, an army convoy was ambushed between Corvel and Dorvale.",
    ],
)
def test_a_scene_between_two_places_is_placed_on_the_first(pipeline, text):
    assert [e.place.name for e in events(pipeline, text) if e.place] == ["Corvel"]


def test_the_next_day_counts_from_the_incident_told_just_before(pipeline):
    # the arson in the paragraph yields no event of its own; "the next day" still counts from it
    text = (
        "On 1 March, an air strike on a vehicle in Corvel killed three men.\n\n"
        "On 3 March, settlers set fire to two houses and five cars in Serrin. The next day, "
        "residents demonstrated in Hesk against settler violence."
    )
    (protest,) = [e for e in events(pipeline, text) if e.event_type == "Protests"]
    assert protest.when is not None and protest.when.start == date(2023, 3, 4)


def test_the_day_of_the_incident_not_of_the_statement(pipeline):
    text = "A drone strike killed six civilians in Corvel on Wednesday, the ministry said on Thursday."
    (e,) = events(pipeline, text)
    assert e.when is not None and e.when.start == date(2023, 3, 8)


def test_a_lead_placed_on_a_country_is_the_incident_told_next(pipeline):
    # the lead gives only the day it was said; the next paragraph places and dates the strikes
    text = (
        "Drone strikes on suspected militant hideouts in northern Mali killed 30 people, an army "
        "spokesman said Thursday.\n\n"
        "He said the strikes late Tuesday hit two camps near Menaka, and that five people were wounded."
    )
    (e,) = events(pipeline, text)
    assert e.place is not None and e.place.name == "Menaka"
    assert e.when is not None and e.when.start == date(2023, 3, 7)


@pytest.mark.parametrize(
    ("text", "etype", "sub"),
    [
        # a riot's crowd is not also a protest
        (
            "In the town of Serrin, residents set fire to a police station on Monday, protesting the killing of a trader.",
            "Riots",
            "Violent demonstration",
        ),
        # a foiled car bomb attack is the bomb, not a second clash
        (
            "Soldiers foiled a suicide car bomb attack near a military camp in Dorvale on Tuesday, "
            "killing the driver.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
    ],
)
def test_one_sentence_one_incident(pipeline, text, etype, sub):
    assert [(e.event_type, e.sub_event_type) for e in events(pipeline, text)] == [(etype, sub)]


def test_arrests_at_a_riot_are_part_of_it(pipeline):
    text = (
        "In the town of Serrin, residents set fire to a police station on Monday, protesting the killing of a trader.\n\n"
        "Police said three people were arrested."
    )
    assert [e.event_type for e in events(pipeline, text)] == ["Riots"]


def test_the_outlet_a_witness_told_is_not_the_scene(pipeline):
    text = (
        "Rebel shelling killed five civilians in Corvel on Sunday.\n\n"
        "A nurse told Radio Kessel that more than 30 shells fell on the market."
    )
    assert [e.place.name for e in events(pipeline, text)] == ["Corvel"]


def test_a_crowd_of_residents_protesting_is_protesters(pipeline):
    text = "Hundreds of residents demonstrated in the town of Hollin on Tuesday against insecurity."
    got = [e for e in events(pipeline, text) if e.event_type == "Protests"]
    assert [e.actor1 for e in got] == ["Protesters"]


def dated(items):
    return [
        (e.event_type, e.place.name if e.place else None, e.when.start if e.when else None) for e in items
    ]


def test_overnight_dates_an_incident(pipeline):
    # a night is no campaign: the shelling is an incident of the day before publication
    got = dated(
        events(pipeline, "Government forces shelled the town of Tarvik overnight, wounding a farmer.")
    )
    assert got == [("Explosions/Remote violence", "Tarvik", date(2023, 3, 9))]


def test_the_past_day_dates_an_incident(pipeline):
    text = "Fighting was fiercest around Dornel, where the army said it had repelled rebel assaults in the past day."
    assert [(e.event_type, e.place.name) for e in events(pipeline, text)] == [("Battles", "Dornel")]


def test_the_reporting_period_is_a_campaign(pipeline):
    text = (
        "Police have also detained more than 300 people across Velmar province during the reporting period."
    )
    assert [e for e in events(pipeline, text) if e.sub_event_type == "Arrests"] == []


def test_weeks_of_fighting_tell_how_long_a_campaign_ran(pipeline):
    text = "The rebels said on Wednesday they had captured Dornel after three weeks of fighting."
    assert [e for e in events(pipeline, text) if e.sub_event_type == "Armed clash"] == []


def test_a_group_fighting_the_government_is_no_incident(pipeline):
    text = "The Baro Front, an armed group fighting the government, said on Wednesday it had opened an office in Tesk."
    assert [e for e in events(pipeline, text) if e.event_type == "Battles"] == []


def test_a_protest_that_turned_violent_is_one_riot(pipeline):
    text = (
        "On Wednesday, hundreds of teachers marched in Halvik to demand unpaid wages. "
        "The protest turned violent when demonstrators threw stones and attacked a police vehicle."
    )
    assert [(e.event_type, e.place.name) for e in events(pipeline, text)] == [("Riots", "Halvik")]


def test_firing_on_soldiers_is_a_battle(pipeline):
    text = (
        "On Wednesday, a gunman opened fire on soldiers at a checkpoint near Morvan before he was shot dead."
    )
    assert [(e.event_type, e.place.name) for e in events(pipeline, text)] == [("Battles", "Morvan")]


def test_a_named_camp_stands_on_its_town(pipeline):
    text = (
        "Troops foiled a car bomb attack near the Kessar military camp in Dunmore on Wednesday, police said."
    )
    assert [e.place.name for e in events(pipeline, text)] == ["Dunmore"]


def test_days_told_relative_to_the_incident_before(pipeline):
    text = (
        "On Wednesday, an air strike hit a market in Corvel, killing five civilians.\n\n"
        "Two days earlier, rebels attacked the village of Pellam, killing seven villagers.\n\n"
        "The next day, gunmen abducted 12 farmers in Tesk."
    )
    got = {e.place.name: e.when.start for e in events(pipeline, text)}
    assert got == {"Corvel": date(2023, 3, 8), "Pellam": date(2023, 3, 6), "Tesk": date(2023, 3, 7)}


def test_fighting_still_going_on_is_dated_by_the_report(pipeline):
    text = (
        "On Tuesday, rebels attacked an army base in Hollis.\n\n"
        "Fighting was continuing near Serrin further south, residents said."
    )
    got = {e.place.name: e.when.start for e in events(pipeline, text)}
    assert got.get("Serrin") == PUB


def test_a_similar_operation_elsewhere_is_its_own_event(pipeline):
    text = (
        "On Wednesday, the army said 40 rebels were killed in an operation in the village of Corvel.\n\n"
        "He said the operation was followed by a similar operation in the village of Pellam in which "
        "more than 20 rebels were killed."
    )
    assert sorted(e.place.name for e in events(pipeline, text) if e.event_type == "Battles") == [
        "Corvel",
        "Pellam",
    ]


def test_evidence_points_at_the_cue_in_any_paragraph(pipeline):
    text = (
        "Rebels shelled the town of Corvel on Wednesday.\n\nGunmen abducted 12 farmers in Tesk on Thursday."
    )
    doc = make_document(text, published=PUB)
    for e in pipeline.extract_one(doc).events:
        assert doc.text[e.evidence.start : e.evidence.end].lower() in ("shelled", "abducted")


def test_a_strike_that_lands_is_from_the_air(pipeline):
    text = "An overnight strike on a house in the village of Vessel killed two children on Wednesday."
    assert typed(events(pipeline, text)) == [("Explosions/Remote violence", "Air/drone strike", "Vessel")]


def test_a_labour_strike_is_no_air_strike(pipeline):
    text = "Teachers began a strike on Wednesday over unpaid wages in the town of Vessel."
    assert [e for e in events(pipeline, text) if e.event_type == "Explosions/Remote violence"] == []


def test_killed_by_a_mine_is_an_explosion(pipeline):
    text = "MOGADISHU - Local officials said three herders were killed by a mine on Sunday near the village of Kelvado."
    items = events(pipeline, text)
    assert [(e.event_type, e.sub_event_type, e.place.name) for e in items] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Kelvado")
    ]


def test_a_mine_that_harms_nobody_is_no_explosion(pipeline):
    text = "MOGADISHU - Workers at the gold mine near Kelvado stopped work on Sunday, officials said."
    assert [e for e in events(pipeline, text) if e.event_type == "Explosions/Remote violence"] == []


def test_the_day_after_dates_from_the_incident_told_before(pipeline):
    text = (
        "MOGADISHU - On 12 June, al-Shabaab fighters ambushed a Somali army convoy near Kelvado. "
        "The day after, an air strike hit a gathering of the militants near Dorvale, killing nine fighters."
    )
    items = events(pipeline, text, date(2025, 6, 16))
    strike = [e for e in items if e.sub_event_type == "Air/drone strike"]
    assert [(e.place.name, e.when.start) for e in strike] == [("Dorvale", date(2025, 6, 13))]


def test_coming_under_fire_is_a_clash(pipeline):
    text = (
        "MOGADISHU - On 4 March, a Somali army patrol came under fire near the village of Kelvado; "
        "two soldiers were wounded."
    )
    assert ("Battles", "Armed clash", "Kelvado") in typed(events(pipeline, text, date(2025, 3, 6)))


def test_numbered_part_of_a_town_places_the_event_on_the_town(pipeline):
    text = (
        "Rebels pushed into the town of Kutkai on Thursday. "
        "A military airstrike hit the market in Ward 4 on Thursday, killing six civilians, residents said."
    )
    strikes = [e for e in events(pipeline, text) if e.sub_event_type == "Air/drone strike"]
    assert [e.place.name for e in strikes] == ["Kutkai"]


def test_capture_in_a_since_clause_is_the_yardstick_not_an_event(pipeline):
    text = (
        "Rebels entered the town of Pinebaw on Wednesday, residents said, "
        "their furthest advance since they seized Kyaukme in January."
    )
    assert all(e.place.name != "Kyaukme" for e in events(pipeline, text))


def test_incident_long_before_publication_is_background(pipeline):
    text = "Militants stormed an army post in Gashora on 2 January, killing four soldiers."
    assert events(pipeline, text, published=date(2023, 3, 10)) == []
    assert [e.place.name for e in events(pipeline, text, published=date(2023, 1, 4))] == ["Gashora"]


def test_withdrawal_after_clashes_told_the_sentence_before_is_a_battle(pipeline):
    text = (
        "Fighters reached the centre of Mabenga late on Wednesday after two days of clashes with the army. "
        '"The army withdrew towards the airport, and the M23 now control the town," he said.'
    )
    subs = {e.sub_event_type for e in events(pipeline, text) if e.place.name == "Mabenga"}
    assert "Non-violent transfer of territory" not in subs and subs


def test_road_between_two_towns_is_one_scene_on_the_first(pipeline):
    text = "On 9 March, a bomb exploded on the road between Gorom and Markoye under an army truck, killing three soldiers."
    ieds = [e for e in events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert [e.place.name for e in ieds] == ["Gorom"]


def test_hyphenated_road_is_placed_on_its_first_town(pipeline):
    text = "Gunmen abducted five traders on the Gorom-Markoye road on Wednesday, relatives said."
    assert [e.place.name for e in events(pipeline, text)] == ["Gorom"]


def test_one_sided_battle_takes_the_opponent_the_report_shows(pipeline):
    text = (
        "The Somali army recaptured the town of Buq Aqable from al-Shabaab on Tuesday. "
        "On Wednesday, soldiers clashed near Buq Aqable again."
    )
    battles = [e for e in events(pipeline, text) if e.sub_event_type == "Armed clash"]
    assert battles and all({e.actor1, e.actor2} == {"Somali National Army", "Al-Shabaab"} for e in battles)


def test_day_of_the_telling_is_not_the_incidents_day(pipeline):
    text = (
        "Rebels attacked an army base in Dunmore on Tuesday, killing six soldiers.\n\n"
        "The army said on Thursday that its troops had clashed with the rebels in Dunmore."
    )
    got = [e for e in events(pipeline, text) if e.event_type == "Battles"]
    assert [(e.place.name, e.when.start) for e in got] == [("Dunmore", date(2023, 3, 7))]


def test_bare_time_of_day_takes_the_narratives_day(pipeline):
    text = (
        "Gunmen killed four villagers in Tarrow on Tuesday.\n\n"
        "At dawn, the gunmen attacked a police post in Lisk, killing two officers."
    )
    got = [e for e in events(pipeline, text) if e.place and e.place.name == "Lisk"]
    assert [e.when.start for e in got] == [date(2023, 3, 7)]


def test_told_day_of_another_paragraphs_place_is_not_borrowed(pipeline):
    # the day before a new paragraph belongs to another incident at another place
    text = (
        "On Tuesday, a roadside bomb killed three soldiers near Ostrand.\n\n"
        "The army announced on Thursday that it had attacked rebel positions in Vellmar, killing 20 fighters."
    )
    got = [e for e in events(pipeline, text) if e.place and e.place.name == "Vellmar"]
    assert [e.when.start for e in got] == [date(2023, 3, 9)]


def test_relative_day_dates_every_event_of_its_sentence(pipeline):
    text = (
        "Rebels shelled the town of Corvel on Tuesday, killing two civilians. "
        "On the same day, the rebels said they had captured Hesk after overnight fighting with the army."
    )
    got = {(e.event_type, e.place.name, e.when.start) for e in events(pipeline, text) if e.place}
    assert ("Battles", "Hesk", date(2023, 3, 7)) in got
    assert not any(p == "Hesk" and d != date(2023, 3, 7) for _, p, d in got)


def test_unplaced_sentence_takes_the_town_of_its_civilian_victims(pipeline):
    text = (
        "Gunmen attacked the town of Djalo on Tuesday, killing 40 civilians.\n\n"
        "A nurse said 70 wounded people were treated at the local clinic. "
        "At least 15 women were abducted, according to two relatives."
    )
    got = [e for e in events(pipeline, text) if e.sub_event_type == "Abduction/forced disappearance"]
    assert [(e.place.name, e.when.start) for e in got] == [("Djalo", date(2023, 3, 7))]


def test_killings_and_abductions_of_one_raid_are_two_events(pipeline):
    text = (
        "Gunmen raided the village of Pell on Tuesday, killing nine villagers. "
        "The gunmen also abducted 12 women in Pell on Tuesday."
    )
    got = sorted(e.sub_event_type for e in events(pipeline, text) if e.place and e.place.name == "Pell")
    assert got == ["Abduction/forced disappearance", "Attack"]


def test_raid_that_only_took_hostages_is_one_abduction(pipeline):
    text = (
        "On Tuesday night, soldiers raided the village of Pell. "
        "Two farmers were arrested as hostages when the soldiers did not find their sons."
    )
    got = [e.sub_event_type for e in events(pipeline, text) if e.place and e.place.name == "Pell"]
    assert got == ["Abduction/forced disappearance"]


def test_a_capitalised_bearing_is_part_of_the_name(pipeline):
    text = "Militants attacked a checkpoint in South Waziristan on Wednesday, killing six soldiers."
    assert {e.place.name for e in events(pipeline, text)} == {"South Waziristan"}


def test_a_name_describing_a_thing_is_not_the_scene(pipeline):
    text = "Gunmen abducted 12 traders during the Tijani prayer at a mosque in Gusau on Wednesday."
    assert {e.place.name for e in events(pipeline, text)} == {"Gusau"}


def test_dateline_is_no_attacker_and_the_blamed_side_struck(pipeline):
    text = (
        "Drone strike in Mali\n\nGAO - A drone strike on a market in Ansongo killed 9 civilians on Tuesday, "
        "residents said. Residents blamed the strike on the Malian army.\n"
    )
    evs = events(pipeline, text)
    strike = [e for e in evs if e.sub_event_type == "Air/drone strike"]
    assert len(strike) == 1
    assert strike[0].actor1 == "Malian Armed Forces"


def test_facility_named_after_its_town_places_on_the_town(pipeline):
    text = (
        "Hospital hit\n\nAn air strike hit the Kadugli Teaching Hospital on Monday, killing four patients.\n"
    )
    evs = events(pipeline, text)
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in evs] == [
        ("Air/drone strike", "Kadugli")
    ]


def test_named_day_beats_a_relative_phrase(pipeline):
    # "came a day after" would move the clash to Thursday; the sentence names its Monday
    text = (
        "Attacks\n\nOn Wednesday, gunmen attacked a bus near Serrin. "
        "The attack came a day after soldiers clashed with rebels in Corvel on Monday.\n"
    )
    clash = [e for e in events(pipeline, text) if e.event_type == "Battles"]
    assert [(e.place.name, e.when.start) for e in clash] == [("Corvel", date(2023, 3, 6))]


def test_victims_told_after_a_strike_are_its_victims(pipeline):
    text = (
        "Shelling in Ukraine\n\nRussian shelling killed three civilians in Kramatorsk on Monday, the governor "
        "said. Among the dead was a 67-year-old woman killed in her yard, he said.\n"
    )
    evs = events(pipeline, text)
    assert [(e.event_type, e.place.name, e.fatalities) for e in evs] == [
        ("Explosions/Remote violence", "Kramatorsk", 3)
    ]


def test_a_side_named_with_a_place_noun_is_no_place(pipeline):
    # "Islamic State": "state" is a place noun, but the phrase names a side
    text = (
        "Claim\n\nThe Islamic State, which calls the insurgency in Cabo Delgado its Mozambique Province, "
        "claimed the attack on Wednesday, saying its fighters had killed six soldiers.\n"
    )
    places = [e.place.name for e in events(pipeline, text) if e.place]
    assert "Islamic" not in places


def test_the_deniers_own_account_is_an_incident(pipeline):
    # the denied proposition is no event; what the denier says instead ("saying ...") is one
    text = "The army rejected the rebels' claim, saying that fighting was ongoing in the town of Varnok."
    assert [e.place.name for e in events(pipeline, text) if e.sub_event_type == "Armed clash"] == ["Varnok"]


def test_an_intent_does_not_govern_a_clause_told_beside_it(pipeline):
    # "vowed to respond" is an intent; "and on Tuesday its troops fired on ..." happened
    text = (
        "The ministry vowed to respond, and on Tuesday, Varnese troops fired on border posts in the "
        "district of Pellam, an official said."
    )
    assert typed(events(pipeline, text)) == [("Battles", "Armed clash", "Pellam")]


def test_firing_on_a_house_is_an_attack_on_civilians(pipeline):
    text = "Gunmen fired on a house in the village of Tesk on Tuesday, wounding a girl."
    assert typed(events(pipeline, text)) == [("Violence against civilians", "Attack", "Tesk")]


def test_a_subjects_clause_refers_back_to_the_village(pipeline):
    # the only name in the sentence is the country of the speaker; "the village" is Varnok
    text = (
        "Front\n\nThe rebels said on Wednesday they had entered the village of Varnok.\n\n"
        "Corvania's army said on Thursday that fighting was ongoing in the village.\n"
    )
    clash = [e for e in events(pipeline, text) if e.sub_event_type == "Armed clash"]
    assert [e.place.name for e in clash] == ["Varnok"]


def test_a_capture_told_with_its_own_day_takes_it_not_the_telling_day(pipeline):
    # the day the group spoke (Sunday) is not the day the outpost fell (Thursday)
    text = (
        "Front\n\nIn Kessin State, the Kessin Liberation Army said on Sunday that its fighters had captured "
        "the last army outpost on the eastern edge of Varnok on Thursday and now control most of the town.\n"
    )
    taken = [e for e in events(pipeline, text) if e.place and e.place.name == "Varnok"]
    assert [e.when.start for e in taken] == [date(2023, 3, 9)]


def test_aircraft_that_bomb_are_an_air_strike(pipeline):
    text = "Army aircraft bombed the village of Tesk on Wednesday, killing five civilians."
    assert typed(events(pipeline, text)) == [("Explosions/Remote violence", "Air/drone strike", "Tesk")]
    assert events(pipeline, "The rebels said they shot down an army helicopter near Tesk on Wednesday.") == []


def test_a_crowd_setting_things_ablaze_riots(pipeline):
    text = (
        "On Monday, angry youths blocked the main road in Kessin and set tyres and a police van ablaze to "
        "protest against the killings."
    )
    assert [e.event_type for e in events(pipeline, text)] == ["Riots"]
    # gunmen who burn houses are no crowd
    text = "Gunmen stormed the village of Tesk on Wednesday, killing two men and setting houses ablaze."
    assert "Riots" not in [e.event_type for e in events(pipeline, text)]


def test_seizing_a_town_the_army_left_is_a_handover(pipeline):
    text = "Rebels on Tuesday seized the town of Varnok after the army and allied militias withdrew, residents said."
    assert typed(events(pipeline, text)) == [
        ("Strategic developments", "Non-violent transfer of territory", "Varnok")
    ]


def test_a_toll_over_the_month_is_a_campaign(pipeline):
    text = "In Tesk province, rebel glide bombs killed 14 civilians in the town of Tesk during the month."
    assert events(pipeline, text) == []


def test_the_speakers_home_is_not_the_scene(pipeline):
    # "Kessin's civil defence agency said": whose the speaker is, not where the strike fell
    text = (
        "An air strike on a tent camp for displaced people west of Tallow killed 12 people on Wednesday, "
        "Kessin's civil defence agency said."
    )
    assert [e.place.name for e in events(pipeline, text)] == ["Tallow"]


def test_people_beaten_by_armed_men_are_attacked(pipeline):
    text = "Several protesters were beaten by armed men in the town of Corvel on Wednesday."
    assert typed(events(pipeline, text)) == [("Violence against civilians", "Attack", "Corvel")]
    # an assault "beaten back" is a battle, not a beating
    text = "A rebel assault on the army base in Tesk was beaten back on Wednesday."
    assert [e.event_type for e in events(pipeline, text)] == ["Battles"]


def test_a_base_overrun_after_an_attack_names_each_side_once(pipeline):
    # the army's account puts the army first; the capture puts the side gaining ground first
    text = (
        "The Malian army said on Monday that its camp in Tesk came under attack on Sunday and that its "
        "troops killed 28 assailants. The Azawad Liberation Front, an alliance of former rebels, said its "
        "fighters had taken control of the camp in Tesk."
    )
    evs = [e for e in events(pipeline, text) if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in evs] == [("Azawad Liberation Front", "Malian Armed Forces")]


def test_an_accusation_tells_the_incident_it_alleges(pipeline):
    # "accused X of attacking": an alleged incident, not an intent
    text = "The ministry accused the Tesk Front of attacking a market in Varnok on Monday, killing nine civilians."
    assert typed(events(pipeline, text)) == [("Violence against civilians", "Attack", "Varnok")]


def test_shooting_patients_is_an_attack_on_civilians(pipeline):
    text = "Militia fighters were accused of shooting patients in the town of Varnok on Monday."
    assert typed(events(pipeline, text)) == [("Violence against civilians", "Attack", "Varnok")]


def test_an_unknown_facility_stands_in_the_town_named_before(pipeline):
    text = (
        "Fighting raged in the town of Tesk on Sunday. A doctors' group said at least 40 people were "
        "killed on Monday inside the Qarvelo Maternity Hospital, the city's last working hospital, "
        "accusing militia fighters of shooting patients."
    )
    places = [e.place.name for e in events(pipeline, text) if e.event_type == "Violence against civilians"]
    assert places == ["Tesk"]


def test_protests_going_on_for_months_are_a_campaign(pipeline):
    text = (
        "Protesters continued for the 8th month their demonstrations in the main square of Varnok, "
        "demanding the release of prisoners."
    )
    assert events(pipeline, text) == []
    # a protest that went on for a third week, on a day the text names, is that day's protest
    text = "Protesters in Varnok continued their demonstrations for a third week on Friday."
    assert [e.event_type for e in events(pipeline, text)] == ["Protests"]


def test_a_place_of_the_incident_it_is_timed_by_is_not_the_scene(pipeline):
    text = (
        "Government forces captured Varnok on Saturday after fierce fighting, the ministry said on Sunday. "
        "Hours before the attack on Varnok, a suicide bomber drove a truck into an army position at Tesk, "
        "killing five soldiers."
    )
    bombs = [e for e in events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    # placed on its own scene, and dated by the incident it preceded
    assert [(e.place.name, str(e.when.start)) for e in bombs] == [("Tesk", "2023-03-04")]


def test_a_killing_overnight_across_two_days_is_one_incident(pipeline):
    text = (
        "Al-Shabaab fighters killed at least 14 civilians with machetes in the village of Varnok "
        "overnight Sunday to Monday, local officials said."
    )
    got = events(pipeline, text)
    assert typed(got) == [("Violence against civilians", "Attack", "Varnok")]
    assert got[0].fatalities == 14


def test_victims_described_as_abducted_are_no_new_abduction(pipeline):
    # the tagger may read the participle as an adjective ("JJ"); either way it describes them
    text = (
        "Police said they had rescued 12 of the abducted victims in a forest near Varnok on Saturday, "
        "while efforts were on to free the rest."
    )
    assert events(pipeline, text) == []
