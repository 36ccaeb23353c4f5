"""One row per rule of shared/spec/claims.md §1–§4, on sentences written for these tests.

Each row gives a text, the document's date, and the claims expected from it (only the fields
named are compared; every claim found must be listed, in order).
"""

from __future__ import annotations

from typing import Any

import pytest

import statecheck


def claims_of(text: str, date: str | None = "2024-03-15", language: str | None = None) -> list[dict[str, Any]]:
    """The claims of ``text`` as records, dated ``date``, read in ``language`` (else detected)."""
    document = statecheck.check_text(text, date=date, options=statecheck.Options(verify=False, language=language))
    return [c.to_record(with_evidence=False) for c in document.claims]


def check(text: str, date: str | None, expected: list[dict[str, Any]]) -> None:
    found = claims_of(text, date)
    got = [{k: c.get(k) for k in e} for c, e in zip(found, expected)]
    assert len(found) == len(expected), f"found {[(c['value'], c['metric'], c['quote']) for c in found]}"
    assert got == expected


# §1 numbers in digits and in words, and what is counted --------------------------------------
NUMBERS = [
    ("Health officials said 12,457 people have been killed in the territory.", [{"value": 12457, "metric": "killed"}]),
    ("Some 1.7 million people have been displaced across the Gaza Strip.", [{"value": 1700000, "metric": "displaced", "bound": "about"}]),
    ("At least 5,300 people were wounded in the strikes, officials said.", [{"value": 5300, "metric": "injured", "bound": "at_least"}]),
    ("Fifteen thousand people have died since the war began.", [{"value": 15000, "metric": "killed"}]),
    ("Nearly two and a half million people live in the Gaza Strip.", [{"value": 2500000, "metric": "population", "bound": "nearly"}]),
    ("The ministry reported 64 journalists killed.", [{"value": 64, "metric": "killed_press"}]),
    ("A total of 310 health workers have been killed, the WHO said.", [{"value": 310, "metric": "killed_medical"}]),
    ("More than 150 UN staff members have lost their lives.", [{"value": 150, "metric": "killed_aid", "bound": "over"}]),
    ("Officials said 2,310 people remain missing under the rubble.", [{"value": 2310, "metric": "missing"}]),
    ("The army said 512 soldiers have been killed since the ground operation began.", [{"value": 512, "metric": "killed_soldiers"}]),
    ("About 70% of homes in the north have been destroyed.", [{"value": 70, "metric": "destroyed_housing", "unit": "percent", "bound": "about"}]),
    ("The strip covers an area of 365 km².", [{"value": 365, "metric": "area", "unit": "km2"}]),
    ("Some 3,000 Palestinians have been arrested in the West Bank.", [{"value": 3000, "metric": "detained", "place": "west_bank"}]),
    ("Only 12 of the 36 hospitals are still partially functioning.", [{"value": 12}, {"value": 36}]),
    ("At least 40 mosques have been destroyed.", [{"value": 40, "metric": "destroyed_mosques", "unit": "items"}]),
    ("Around 80 ambulances have been destroyed.", [{"value": 80, "metric": "destroyed_ambulances"}]),
    ("Twelve hospitals are out of service.", [{"value": 12, "metric": "hospitals_out_of_service"}]),
    ("The authorities say 28 people have died of malnutrition.", [{"value": 28, "metric": "killed_starvation"}]),
    ("Only 76 aid trucks entered the strip on Tuesday.", [{"value": 76, "metric": "aid_trucks"}]),
    ("The UN estimates that 500,000 people face catastrophic hunger.", [{"value": 500000, "metric": "food_insecure"}]),
    ("Two additional aid workers were killed yesterday.", [{"value": 2, "metric": "killed_aid"}]),
    ("The appeal seeks $2.8 billion for the humanitarian response.", [{"value": 2800000000, "unit": "usd", "metric": "other"}]),
    # a count of two things at once (spec §1) is one claim of metric other
    ("The shelling left 300 killed and injured.", [{"value": 300, "metric": "other", "quote": "300 killed and injured"}]),
    ("At least 70 people were killed or wounded in the raid.", [{"value": 70, "metric": "other", "bound": "at_least"}]),
    ("Egypt has admitted 900 wounded and sick patients for treatment.", [{"value": 900, "metric": "other"}]),
    # an army that lost soldiers counts its dead; a family that lost its home does not
    ("The army has lost 250 soldiers since the ground invasion began.", [{"value": 250, "metric": "killed_soldiers"}]),
    ("Some 300 families lost their homes in one night.", [{"value": 300, "metric": "other"}]),
    # a part of the dead described by a second group counts that group's dead
    ("About 9,000 of the dead were children, the ministry said.", [{"value": 9000, "metric": "killed_children", "quote": "About 9,000 of the dead were children"}]),
    ("The army says some 12,000 of those killed were militants.", [{"value": 12000, "metric": "killed_combatants"}]),
    ("Strikes damaged 40 clinics, and 210 ambulances were destroyed or damaged.", [{"value": 40, "metric": "damaged_hospitals"}, {"value": 210, "metric": "other"}]),
    # a count that shares the verb of the one before it: its own group, or the group the verb counted
    ("The raid left 1,100 dead and 240 hostages.", [{"value": 1100, "metric": "killed"}, {"value": 240, "metric": "hostages"}]),
    ("The group freed 13 hostages and four Thai nationals overnight.", [{"value": 13, "metric": "hostages_released"}, {"value": 4, "metric": "hostages_released"}]),
    ("The strike killed 45 fighters and 10 prisoners.", [{"value": 45, "metric": "killed_combatants"}, {"value": 10, "metric": "other"}]),
    # an aside naming parts without numbers does not end the count's clause
    ("Since October, 163 health workers, including paramedics and nurses, have been killed.", [{"value": 163, "metric": "killed_medical"}]),
    # hostages told apart by whether they live: a breakdown (other); the held themselves stay hostages
    ("The group holds 56 hostages, at least 20 of whom are believed to be alive.", [{"value": 56, "metric": "hostages"}, {"value": 20, "metric": "other", "scope": "static"}]),
    ("Of the 240 people abducted, 110 are still held in Gaza, 30 of whom are dead.", [{"value": 240}, {"value": 110, "metric": "hostages"}, {"value": 30, "metric": "other"}]),
    ("Officials say enough of the 130 remaining hostages held in Gaza are alive.", [{"value": 130, "metric": "hostages"}]),
    # a number set against the count before it counts the same things
    ("In May an average of 60 trucks a day crossed, compared with about 500 a day before the war.", [{"value": 60, "metric": "aid_trucks", "scope": "rate"}, {"value": 500, "metric": "aid_trucks", "scope": "rate"}]),
    # a count of things coordinated with a count of people does not borrow the people's verb
    ("Militants have fired more than 9,000 rockets at the north, and around 60,000 residents remain displaced.", [{"value": 9000, "metric": "other"}, {"value": 60000, "metric": "displaced"}]),
    # several groups in one count, listed with commas, are one combined count
    ("Among the dead were at least 23 women, children and elderly people.", [{"value": 23, "metric": "other"}]),
    # a share right after a count restates it as a share of the population
    ("Some 1.9 million people have been displaced inside Gaza, 85 percent of the population of the Strip.", [{"value": 1900000, "metric": "displaced"}, {"value": 85, "metric": "displaced", "unit": "percent"}]),
    ("About 2.2 million people live in Gaza, half of them children.", [{"value": 2200000, "metric": "population"}, {"value": 50, "metric": "other"}]),
    # people living in shelters, tents or hotels are displaced, not a population
    ("More than 60,000 people from the north are living in hotels.", [{"value": 60000, "metric": "displaced", "bound": "over"}]),
    # a part of the held described by who they are is a breakdown; one that names its own captivity is not
    ("The group still holds 120 hostages, including eight U.S. citizens.", [{"value": 120, "metric": "hostages"}, {"value": 8, "metric": "other"}]),
    ("Some 98 hostages remain in Gaza, including 94 of the 251 abducted in the attack.", [{"value": 98, "metric": "hostages"}, {"value": 94, "metric": "hostages"}, {"value": 251, "metric": "hostages"}]),
    # a verb of holding before a count of hostages: those held now
    ("The group continues to hold 56 hostages.", [{"value": 56, "metric": "hostages", "scope": "static"}]),
    # people of a kind the lexicon does not name, killed: other, but a total like any killing
    ("At least 60 engineers were killed.", [{"value": 60, "metric": "other", "scope": "total", "note": "killed engineers"}]),
    # a street named in running text does not make its count an address
    ("Strikes on Salah al-Din Street killed 30 people.", [{"value": 30, "metric": "killed"}]),
    # a list of groups: one group to its end, "men, women and children" people, different groups combined
    ("Close to 900 doctors, nurses and paramedics have been killed.", [{"value": 900, "metric": "killed_medical", "bound": "nearly"}]),
    ("Some 1,200 men, women and children were massacred.", [{"value": 1200, "metric": "killed"}]),
    ("More than 240 men, women and children were dragged into Gaza as hostages.", [{"value": 240, "metric": "hostages"}]),
    # coming home, rescued, releasing: released
    ("Fifty hostages have come home, along with 19 foreign nationals.", [{"value": 50, "metric": "hostages_released"}, {"value": 19, "metric": "hostages_released"}]),
    ("The army says it has rescued four hostages alive.", [{"value": 4, "metric": "hostages_released"}]),
    ("Israel is releasing 1,968 Palestinian prisoners.", [{"value": 1968, "metric": "prisoners_released"}]),
    # malnutrition is a health measure, not food insecurity; dying of it is starvation
    ("More than 12,000 children under five were found acutely malnourished.", [{"value": 12000, "metric": "other"}]),
    ("At least 34 people have died of malnutrition.", [{"value": 34, "metric": "killed_starvation"}]),
    ("One in six children under two is acutely malnourished.", [{"value": 16.67, "metric": "other", "unit": "percent"}]),
    # money counts no people; a share of a territory is no area in km²
    ("A kilogram of flour now sells for up to $30.", [{"value": 30, "metric": "other", "unit": "usd"}]),
    ("The zone covers only about 11 per cent of the territory.", [{"value": 11, "metric": "other", "unit": "percent"}]),
    # a share of the dead described, even through a hedge, is a breakdown
    ("About 70 per cent of those killed are said to be women and children.", [{"value": 70, "metric": "other"}]),
    ("Around 83 per cent of the dead were civilians.", [{"value": 83, "metric": "other"}]),
    ("More than 900 soldiers and members of the security forces have fallen.", [{"value": 900, "metric": "killed_soldiers"}]),
    ("The World Bank puts the housing units partially or fully destroyed at some 99,000.", [{"value": 99000, "metric": "other"}]),
    ("The agency reported seven more deaths from hunger.", [{"value": 7, "metric": "killed_starvation"}]),
    # a place's residents with nothing happening to them are its population, whatever their number
    ("The town had some 280,000 residents before the escalation.", [{"value": 280000, "metric": "population"}]),
    # a list of names after the counted group does not end its clause
    ("Some 40,000 residents of the camps of Jenin, Tulkarem and Nur Shams remain displaced.", [{"value": 40000, "metric": "displaced", "place": "west_bank"}]),
    # a part of the killed told by who killed them is a breakdown; a whole count with its killers is not
    ("Since October, 685 Palestinians have been killed in the West Bank, 666 of them by Israeli forces and 12 by settlers.", [{"value": 685, "metric": "killed"}, {"value": 666, "metric": "other"}, {"value": 12, "metric": "other"}]),
    ("At least 30 Palestinians were killed by Israeli forces in the West Bank.", [{"value": 30, "metric": "killed"}]),
    # one event as the subject of the count: an incident, however far the verb
    ("Another strike the same day, on the southern village of Deir Qanoun, killed 11 people.", [{"value": 11, "metric": "killed", "scope": "incident"}]),
    ("On Sunday night, an Israeli strike on a tent used by journalists outside the hospital killed six reporters.", [{"value": 6, "metric": "killed_press", "scope": "incident"}]),
    # a new subject after a comma: the event before it is not the count's, nor is the group it names
    ("After a strike hit the hospital, the death toll rose to 30,000.", [{"value": 30000, "metric": "killed", "scope": "total"}]),
    # the held now, hostages or detainees, stand; so does a part of them
    ("Israel is holding 3,443 Palestinians in administrative detention.", [{"value": 3443, "metric": "detained", "scope": "static"}]),
    ("Some 98 hostages remain in Gaza, including 94 of the 251 abducted in the attack.", [{"value": 98, "scope": "static"}, {"value": 94, "scope": "static"}, {"value": 251, "scope": "total"}]),
    # bodies: of the killed when received, no new count when recovered or handed over
    ("The hospital has received at least 70 bodies and more than 300 wounded since midday.", [{"value": 70, "metric": "killed"}, {"value": 300, "metric": "injured"}]),
    ("Rescuers reported the recovery of 574 bodies from under the rubble.", [{"value": 574, "metric": "other"}]),
    # a date's day before "to" is no lower end of a range
    ("The strikes brought the death toll since October 7 to 32,916.", [{"value": 32916, "metric": "killed"}]),
    ("More than 2,000 have been dragged from their beds in night raids.", [{"value": 2000, "metric": "detained"}]),
    ("Rockets forced some 60,000 residents from their homes.", [{"value": 60000, "metric": "displaced"}]),
    ("A strike wounded two Indonesian peacekeepers.", [{"value": 2, "metric": "injured_soldiers"}]),
    ("At least 270 people sheltering in UNRWA premises have been killed.", [{"value": 270, "metric": "other"}]),
    ("Around 1.5 million people still need emergency shelter.", [{"value": 1500000, "metric": "other"}]),
    ("Troops detained more than 500 suspected militants.", [{"value": 500, "metric": "detained"}]),
    ("It began with the abduction of 251 people.", [{"value": 251, "metric": "hostages"}]),
    ("One in five of the Strip's 2.1 million inhabitants is on the edge of starvation.", [{"value": 20, "metric": "food_insecure"}, {"value": 2100000, "metric": "population"}]),
    # a part of a count named by nationality is a breakdown; a part of the same kind keeps its metric
    ("Seven aid workers, including three British nationals, were killed when their convoy was hit.", [{"value": 7, "metric": "killed_aid"}, {"value": 3, "metric": "other"}]),
    ("At least 30 people were killed, including 20 civilians.", [{"value": 30, "metric": "killed"}, {"value": 20, "metric": "killed"}]),
    ("At least 600 trucks a day are needed.", []),
    # a thing done on a named day or month is a count of that span; a state measured then is not
    ("Some 60,000 reservists were sent call-up notices on Wednesday.", [{"value": 60000, "scope": "period", "period": ["2024-03-13", "2024-03-13"]}]),
    ("In February, 15.6 per cent of children under two were acutely malnourished.", [{"value": 15.6, "scope": "total"}]),
    # "by May": a count up to then, not a span in it
    ("The army listed some 8,900 fighters as dead by May.", [{"value": 8900, "metric": "killed_combatants", "scope": "total"}]),
    # a date in the count's own words is its own, over a nearer one before it
    ("Israel says it had killed 17,000 combatants as of November and 1,000 terrorists inside Israel on October 7.", [{"value": 17000}, {"value": 1000, "as_of": "2023-10-07"}]),
    # a generic word qualifies only the group right after it
    ("Three men remain in hospital with serious injuries.", [{"value": 3, "metric": "injured"}]),
    ("Close to 1.7 million people, three in every four Gazans, have been forced out of their homes.", [{"value": 1700000, "metric": "displaced"}, {"value": 75, "metric": "displaced"}]),
    ("Up to 1.9 million people, about 90 per cent of the population, now live in displacement.", [{"value": 1900000, "metric": "displaced"}, {"value": 90, "metric": "displaced"}]),
    ("At least 73 Palestinians have lost their lives in Israeli prisons since October 2023.", [{"value": 73, "metric": "other"}]),
    ("We have lost eleven colleagues since October 2023.", [{"value": 11, "metric": "killed_aid"}]),
    ("Rescuers have pulled some 570 bodies out of the rubble.", [{"value": 570, "metric": "other"}]),
    ("The first phase brought 25 hostages home alive.", [{"value": 25, "metric": "hostages_released"}]),
    ("Some 98 of the 109 trucks in the convoy were looted.", [{"value": 98, "metric": "other"}, {"value": 109, "metric": "other"}]),
    ("More than 1,000 people were wounded, some 300 of them critically.", [{"value": 1000, "metric": "injured"}, {"value": 300, "metric": "other"}]),
    ("More than 16,500 patients, among them nearly 4,000 children, still need to be evacuated.", [{"value": 16500, "scope": "static"}, {"value": 4000, "scope": "static"}]),
    # a multiple, or a number of occurrences, is a claim; how often something is done is not
    ("Shelters hold up to four times their intended capacity.", [{"value": 4, "metric": "other", "unit": "times", "bound": "up_to"}]),
    ("Flour now costs more than ten times its price before the war.", [{"value": 10, "metric": "other", "unit": "times"}]),
    ("The update is issued three times per week.", []),
    ("At least 110 people were killed while waiting for flour.", [{"value": 110, "metric": "killed_aid_seekers"}]),
    ("The strikes killed 90 people, including 31 who were waiting for aid.", [{"value": 90, "metric": "killed"}, {"value": 31, "metric": "killed_aid_seekers"}]),
    ("Only 2,100 trucks have entered since the letter was sent, or around 70 a day.", [{"value": 2100, "metric": "aid_trucks"}, {"value": 70, "metric": "aid_trucks", "scope": "rate"}]),
    # people counted by what they do: a part of the dead with no metric of its own
    ("Over 400 teachers and education staff have been killed in Gaza.", [{"value": 400, "metric": "other", "scope": "total"}]),
    # a number that ends its clause takes nothing after its comma
    ("Israel puts the number of people killed at about 1,400, most of them in the attacks.", [{"value": 1400, "metric": "killed"}]),
    ("Of the 35,000 killed, more than 16,600 were children.", [{"value": 35000, "metric": "killed"}, {"value": 16600, "metric": "killed_children"}]),
    ("About 85 per cent of the 564 school buildings have been directly hit or damaged.", [{"value": 85, "metric": "other"}, {"value": 564}]),
    # hunger as the subject of the killing: deaths from starvation; hunger as a setting: not
    ("Famine has now killed 300 people in the north.", [{"value": 300, "metric": "killed_starvation"}]),
    ("Amid famine, 300 people were killed in strikes.", [{"value": 300, "metric": "killed"}]),
    ("An estimated 50,000 children require nutrition support.", [{"value": 50000, "metric": "other", "note": "in need children"}]),
    # a share's words stop at the next count that is no whole of it
    ("Of the 251 abducted, about a third of them are no longer alive, and nearly 800 soldiers have fallen.", [{"value": 251, "metric": "hostages"}, {"value": 33.33, "metric": "other"}, {"value": 800, "metric": "killed_soldiers"}]),
    ("Some 222 people, 101 of them children, have now lost their lives to malnutrition.", [{"value": 222, "metric": "killed_starvation"}, {"value": 101, "metric": "other"}]),
    ("The attack left 251 people carried off to Gaza.", [{"value": 251, "metric": "hostages"}]),
    # a specific group after "members of the ...'s" is the one counted
    ("At least 152 members of the Agency's own staff have been killed.", [{"value": 152, "metric": "killed_aid"}]),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_and_metrics(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, "2024-03-15", expected)


# §1 what is not a claim ------------------------------------------------------------------------
NOT_CLAIMS = [
    "For requests, call the humanitarian desk at +972 2 123 4567, extension 8.",
    "The clinic has given type 2 polio vaccine to children in the south.",
    "The siege has lasted 150 days.",
    "After a 75-year occupation, the people resist.",
    "The council adopted Resolution 2728 on 25 March 2024.",
    "This is the 3rd report on the situation.",
    "The crimes of 1948 and 1967 are remembered.",
    "Hundreds of thousands of reservists were mobilised.",
    "Thousands of people took to the streets.",
    "Situation Report #45 covers the past week.",
    "The statement was read at 18:00 in the square.",
    "Children under the age of 5 are the most vulnerable.",
    "A 12-year-old boy was among the victims.",
    "It was the worst attack since World War II.",
    "One of the most intense bombardments took place in the north.",
    "Five continents joined the protests.",
    "The death toll could reach two million if the siege continues.",
    "Another 40 prisoners are to be released tomorrow.",
    "The three women, aged 21, 27 and 30, were taken to hospital.",
    "Since 1948 the refugees of the camp have waited to go home.",
    "Our demands:\n1. An end to the bombing.\n2) Open crossings for aid convoys.",
    "The charity has worked in the north since 2009 and runs two kitchens.",
    "The freed hostages are Dana Levi, 26, Omer Katz, 22, and Yossi Peretz, 41.",
    "The officer was named as Inspector Avi Cohen, 36, of the police unit.",
    "Contact: Relief Alliance, Rue de la Loi 155, 1040 Brussels",
    "Press office: Tel. 020 7946 0000",
    "All times are local (GMT+3).",
    "Join the rally at 12 noon in front of the consulate, 360 University Avenue!",
    "Authorised by J. Smith, Freedom Party, Level 3, 12 Brisbane Avenue, Barton ACT 2600.",
    "The bodies of the hostages, aged between 23 and 40, were flown home.",
    "Families can call the ministry's emergency line on 1564.",
    "Lt. Col. Eyal, 47, who commands a battalion, spoke to reporters.",
    "A further 20,000 will have their service extended next month.",
    "The factories ship 2,000-pound bombs every week.",
    "Nothing entered from March until the second half of May.",
    "Press office (24 hours): 020 7946 0815",
    "Our listener line is 0345 555 0199.",
    "Party office: No. 23, Jalan Tun Sambanthan 4, 50470 Kuala Lumpur",
    "1776 Connecticut Avenue NW, Suite 700, Washington, DC 20036 | (202) 555-0187 | media@relief.example.org",
    "Narodni 1009/3, 110 00 Praha 1 | tel. +420 224 555 310",
    "The council acted in line with resolutions 2712 and 2720.",
    "Five of them worked for one channel, among them the correspondent Anas al-Sharif, 28, its best known.",
]


def test_a_list_marker_leaves_the_count_of_its_item_a_claim() -> None:
    [claim] = claims_of("What we know:\n1. More than 2,300 people were killed in the camp.")
    assert claim["value"] == 2300 and claim["bound"] == "over"


def test_a_year_like_count_is_still_a_count() -> None:
    [claim] = claims_of("Some 2000 refugees were displaced from the camp.")
    assert claim["value"] == 2000


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text) == [], text


# §1 conventions: groups inside groups, bounds carrying over, combined counts -------------------
CONVENTIONS = [
    (
        "The ministry said 9,061 people have been killed, including 3,760 children and 2,326 women.",
        [
            {"value": 9061, "metric": "killed"},
            {"value": 3760, "metric": "killed_children"},
            {"value": 2326, "metric": "killed_women"},
        ],
    ),
    (
        "Israeli strikes have killed more than 7,100 children and 4,800 women.",
        [{"value": 7100, "metric": "killed_children", "bound": "over"}, {"value": 4800, "metric": "killed_women", "bound": "over"}],
    ),
    (
        "At least 30,000 were killed and 70,000 were injured.",
        [{"value": 30000, "bound": "at_least", "metric": "killed"}, {"value": 70000, "bound": "exact", "metric": "injured"}],
    ),
    (
        "Some 9,000 women and children have been killed.",
        [{"value": 9000, "metric": "other"}],
    ),
    (
        "Nearly half of the 2.2 million residents have fled their homes.",
        [{"value": 50, "unit": "percent", "metric": "displaced", "bound": "nearly"}, {"value": 2200000, "metric": "population"}],
    ),
    (
        "Another 1,500 people were wounded over the weekend.",
        [{"value": 1500, "bound": "exact", "scope": "period", "metric": "injured"}],
    ),
    (
        "A third of the wells in the area are out of service.",
        [{"value": 33.33, "unit": "percent"}],
    ),
    (
        "Between 30 and 40 trucks enter each day.",
        [{"value": 30, "value_max": 40, "scope": "rate", "metric": "aid_trucks"}],
    ),
    (
        "The WHO said 11 of Gaza's 36 hospitals were out of service.",
        [{"value": 11, "metric": "hospitals_out_of_service"}, {"value": 36, "metric": "other", "scope": "static"}],
    ),
    (
        "Some 1.8 million people, about 80% of the population, have been displaced.",
        [{"value": 1800000, "metric": "displaced"}, {"value": 80, "metric": "displaced", "unit": "percent"}],
    ),
    (
        "In the West Bank, 480 Palestinians have been killed, among them 116 children, according to OCHA.",
        [{"value": 480, "metric": "killed", "place": "west_bank"}, {"value": 116, "metric": "killed_children"}],
    ),
    (
        "At least 250 aid workers, including 180 UN staff, have been killed.",
        [{"value": 250, "metric": "killed_aid"}, {"value": 180, "metric": "killed_aid"}],
    ),
    (
        "More than 300 mosques and 90 schools have been destroyed.",
        [{"value": 300, "metric": "destroyed_mosques"}, {"value": 90, "metric": "destroyed_schools"}],
    ),
    (
        "With this release, 60 hostages remain in Gaza, including 35 of the 251 abducted in the attack.",
        [{"value": 60, "metric": "hostages"}, {"value": 35, "metric": "hostages"}, {"value": 251, "metric": "hostages"}],
    ),
    (
        "Over 900 people have been killed while waiting for food at distribution points.",
        [{"value": 900, "metric": "killed_aid_seekers"}],
    ),
    (
        "The 123 health workers and patients killed were buried in the courtyard.",
        [{"value": 123, "metric": "other"}],
    ),
    (
        "Some 150,000 jobs have disappeared.",
        [{"value": 150000, "metric": "other"}],
    ),
    (
        "The total number of UN staff killed since the start of the war stands at 230.",
        [{"value": 230, "metric": "killed_aid"}],
    ),
    (
        "The strike killed 45 fighters and wounded another 60.",
        [{"value": 45, "metric": "killed_combatants"}, {"value": 60, "metric": "other"}],
    ),
    (
        "The ministry counted 1,210 dead and 4,200 injured among medical staff and patients.",
        [{"value": 1210, "metric": "killed"}, {"value": 4200, "metric": "injured"}],
    ),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_conventions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, "2024-03-15", expected)


# §2 bounds ----------------------------------------------------------------------------------
BOUNDS = [
    ("More than 1,000 people were detained.", "over"),
    ("Over 1,000 people were detained.", "over"),
    ("The number of detainees has exceeded 1,000.", "over"),
    ("The number of detainees passes 1,000.", "over"),
    ("At least 1,000 people were detained.", "at_least"),
    ("Around 1,000 people were detained.", "about"),
    ("Approximately 1,000 people were detained.", "about"),
    ("An estimated 1,000 people were detained.", "about"),
    ("Nearly 1,000 people were detained.", "nearly"),
    ("Almost 1,000 people were detained.", "nearly"),
    ("Close to 1,000 people were detained.", "nearly"),
    ("Fewer than 1,000 people were detained.", "under"),
    ("Less than 1,000 people were detained.", "under"),
    ("Up to 1,000 people were detained.", "up_to"),
    ("As many as 1,000 people were detained.", "up_to"),
    ("1,000 people were detained.", "exact"),
    ("Police held 1,000-plus people.", "over"),
    ("Perhaps 1,000 people were detained.", "about"),
]


@pytest.mark.parametrize("text,bound", BOUNDS)
def test_bounds(text: str, bound: str) -> None:
    found = claims_of(text)
    assert [c["bound"] for c in found] == [bound]
    assert found[0]["value"] == 1000


@pytest.mark.parametrize(
    "text,value,bound",
    [
        ("The fund has raised more than $640 million.", 640_000_000, "over"),
        ("Donors pledged nearly €2.1 billion.", 2_100_000_000, "nearly"),
        ("Some US$ 40 million was spent on fuel.", 40_000_000, "about"),
    ],
)
def test_a_bound_reaches_over_a_currency_sign(text: str, value: int, bound: str) -> None:
    found = claims_of(text)
    assert [(c["value"], c["bound"]) for c in found] == [(value, bound)]


# §2 place ------------------------------------------------------------------------------------
PLACES = [
    ("At least 500 Palestinians have been killed in the West Bank.", "west_bank"),
    ("Strikes on Lebanon have killed 3,100 people.", "lebanon"),
    ("The attack killed 1,139 people in Israel.", "israel"),
    ("Some 600 attacks on health care have been recorded in Gaza and the West Bank.", "opt"),
    ("Some 300 people were killed in Rafah on Sunday.", "rafah"),
    ("In northern Gaza, 200,000 people remain cut off.", "north_gaza"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text)] == [place]


def test_place_frame_carries_through_a_paragraph() -> None:
    text = "In the West Bank, settlers attacked several villages. Arrests have passed 7,000."
    assert [c["place"] for c in claims_of(text)] == ["west_bank"]


def test_a_place_frame_ends_where_a_sentence_names_another_place() -> None:
    text = (
        "In Rafah, strikes killed 40 people overnight. Nine in ten Gazans have fled their homes. "
        "More than 600 schools have been damaged."
    )
    found = claims_of(text, "2024-03-15")
    assert [(c["value"], c["place"]) for c in found] == [(40, "rafah"), (90, "gaza"), (600, "gaza")]


@pytest.mark.parametrize(
    "text,place",
    [
        ("On October 7, 2023, gunmen crossed into Israel from the Gaza Strip, killing about 1,200 people.", "israel"),
        ("Over 9,000 rockets have been fired into Israeli territory from Gaza.", "israel"),
    ],
)
def test_a_place_something_came_from_is_not_where_it_was_counted(text: str, place: str) -> None:
    assert claims_of(text, "2024-10-07")[0]["place"] == place


def test_a_part_is_where_its_whole_is() -> None:
    text = "Officials say 76 hostages remain in Gaza, including 40 of the 251 abducted on October 7, 2023."
    found = claims_of(text, "2024-10-20")
    assert [(c["value"], c["place"]) for c in found][:2] == [(76, "gaza"), (40, "gaza")]


def test_a_place_after_another_kind_of_count_is_that_counts() -> None:
    text = "During the truce, 105 hostages were freed in exchange for 240 Palestinian prisoners from the West Bank."
    found = claims_of(text, "2024-10-20")
    assert [(c["value"], c["metric"], c["place"]) for c in found] == [
        (105, "hostages_released", "gaza"), (240, "prisoners_released", "west_bank"),
    ]


def test_people_from_a_place_are_counted_there() -> None:
    text = "In the West Bank, 144,000 jobs have been lost. Some 18,500 workers from Gaza have been killed."
    found = claims_of(text, "2024-10-20")
    assert [(c["value"], c["place"]) for c in found] == [(144000, "west_bank"), (18500, "gaza")]


def test_a_place_named_only_as_a_paragraphs_frame_is_not_the_whole_texts() -> None:
    text = (
        "The number of martyrs has risen to 41,118.\n\n"
        "In the West Bank, settlers and soldiers have killed 692 Palestinians."
    )
    found = claims_of(text, "2024-09-16")
    assert [(c["value"], c["place"]) for c in found] == [(41118, None), (692, "west_bank")]


def test_a_place_in_a_clause_opened_after_the_number_is_not_its() -> None:
    found = claims_of("Gaza death toll surpasses 35,000 as Israel presses its Rafah offensive", "2024-05-15")
    assert found[0]["place"] == "gaza"


def test_a_standing_count_in_a_clause_of_its_own_is_not_dated_by_the_clause_before() -> None:
    text = "The government says 1,139 people were killed in the October 7 attack, and that 128 captives remain in Gaza."
    found = claims_of(text, "2024-05-15")
    assert [(c["value"], c["as_of"]) for c in found] == [(1139, "2023-10-07"), (128, "2024-05-15")]


def test_place_defaults_to_the_documents_main_place() -> None:
    text = "The war on Gaza continues. The bombing goes on. More than 32,000 people have been killed."
    assert [c["place"] for c in claims_of(text)] == ["gaza"]


# §4 as_of ------------------------------------------------------------------------------------
AS_OF = [
    ("As of 20 February 2024, 29,313 people had been killed in Gaza.", "2024-03-15", "2024-02-20"),
    ("On 10 March, the ministry reported 31,045 deaths.", "2024-03-15", "2024-03-10"),
    ("Forty days after the start of the war, 11,500 people had been killed.", None, "2023-11-16"),
    ("Five months have passed since the beginning of the war, and 31,000 people have been killed.", None, "2024-03"),
    ("More than 31,000 people have been killed.", "2024-03-15", "2024-03-15"),
    ("There are now 31,000 dead.", "2024-03", "2024-03"),
    ("The ministry said on Monday that 31,045 people have been killed.", "2024-03-15", "2024-03-11"),
    ("Killed since 7 October: 31,045 people, the ministry said.", "2024-03-15", "2024-03-15"),
    ("After more than 150 days of war, 31,045 people have been killed.", "2024-03-15", "2024-03-15"),
]


@pytest.mark.parametrize("text,date,as_of", AS_OF)
def test_as_of(text: str, date: str | None, as_of: str) -> None:
    assert [c["as_of"] for c in claims_of(text, date)] == [as_of]


def test_past_narrative_without_a_date_has_no_as_of() -> None:
    text = "The army stormed the camp, killing more than 90 civilians."
    assert [c["as_of"] for c in claims_of(text, "2024-03-15")] == [None]


def test_attack_of_7_october_dates_its_figures() -> None:
    text = "Gunmen killed about 1,200 people in Israel and took 250 hostages in the October 7 attack."
    found = claims_of(text)
    assert [(c["metric"], c["as_of"], c["place"]) for c in found] == [
        ("killed", "2023-10-07", "israel"),
        ("hostages", "2023-10-07", "israel"),
    ]


# §2 source and scope ---------------------------------------------------------------------------
def test_source_according_to() -> None:
    found = claims_of("According to the Ministry of Health, 31,819 people have been killed.")
    assert found[0]["source"] == "Ministry of Health"


def test_source_said_after() -> None:
    found = claims_of("Some 400 aid trucks entered last week, UNRWA said.")
    assert found[0]["source"] == "UNRWA"


def test_an_estimate_with_no_one_estimating_has_no_source() -> None:
    # "estimated" is a reporting verb, but "An" before it names nobody
    found = claims_of("An estimated 12,000 families have lost their homes in the north.")
    assert found[0]["source"] is None


def test_period_in_the_last_24_hours() -> None:
    found = claims_of("In the past 24 hours, 82 people were killed.", "2024-03-15")
    assert found[0]["scope"] == "period"
    assert found[0]["period"] == ["2024-03-14", "2024-03-15"]


def test_rate_per_day() -> None:
    found = claims_of("Before the war, about 500 trucks entered every day.")
    assert found[0]["scope"] == "rate"


def test_quote_is_an_exact_substring_with_offsets() -> None:
    text = "Officials said   8,005 people\nwere killed."
    document = statecheck.check_text(text, date="2023-10-30", options=statecheck.Options(verify=False))
    claim = document.claims[0]
    assert claim.quote in document.text.normalised.replace("\n", " ")
    assert text[claim.start : claim.end].startswith("8,005")


def test_scope_from_a_later_start_is_a_period() -> None:
    found = claims_of("Since 6 May, some 900,000 people have fled Rafah.", "2024-05-20")
    assert (found[0]["scope"], found[0]["period"]) == ("period", ["2024-05-06", "2024-05-20"])


def test_a_running_total_is_a_total_even_after_a_span() -> None:
    text = "In the past 24 hours, 3 aid workers were killed, bringing the total to 280."
    found = claims_of(text, "2024-08-01")
    assert [c["scope"] for c in found] == ["period", "total"]


@pytest.mark.parametrize(
    "text",
    [
        "The agency said 4,120 people had been killed. Another 9,800 were wounded.",
        "The army said it had killed 2,500 militants and wounded another 3,000.",
    ],
)
def test_another_of_a_different_count_is_no_span(text: str) -> None:
    # "another" beside a different count adds a group, not a stretch of time: both are totals
    found = claims_of(text, "2024-03-15")
    assert [c["scope"] for c in found] == ["total", "total"]


def test_another_of_the_same_count_is_a_period() -> None:
    found = claims_of("Over the weekend, 75 people were killed. Another 40 were killed on Monday.", "2024-03-15")
    assert [c["scope"] for c in found] == ["period", "period"]


@pytest.mark.parametrize(
    "text,scope",
    [
        ("Air strikes on Syria killed 21 people on Tuesday, the monitor said on Wednesday.", "period"),
        ("Los bombardeos contra Gaza mataron a 21 personas el martes.", "period"),
        ("An air strike on a school in Gaza City killed 21 people on Tuesday.", "incident"),
    ],
)
def test_strikes_on_a_whole_territory_are_no_single_event(text: str, scope: str) -> None:
    found = claims_of(text, "2024-03-15")
    assert [(c["scope"], c["as_of"]) for c in found] == [(scope, "2024-03-12")]


def test_n_more_is_an_addition_but_n_or_more_a_bound() -> None:
    found = claims_of("Officials said 45 more people were killed on Tuesday.", "2024-03-15")
    assert (found[0]["scope"], found[0]["period"], found[0]["bound"]) == ("period", ["2024-03-12", "2024-03-12"], "exact")
    found = claims_of("Officials said 45 or more people were killed.", "2024-03-15")
    assert (found[0]["scope"], found[0]["bound"]) == ("total", "over")


@pytest.mark.parametrize(
    "text,period",
    [
        ("Clinics screened 3,100 children for malnutrition in February alone.", ["2024-02-01", "2024-02-29"]),
        ("The hospital carried out 16 operations on Saturday alone.", ["2024-03-09", "2024-03-09"]),
        ("Israeli strikes killed 210 people in Gaza in January.", ["2024-01-01", "2024-01-31"]),
    ],
)
def test_a_day_or_month_counted_on_its_own_is_a_period(text: str, period: list[str]) -> None:
    found = claims_of(text, "2024-03-15")
    assert (found[0]["scope"], found[0]["period"]) == ("period", period)


def test_a_running_total_stays_a_total_in_a_dated_sentence() -> None:
    text = "Strikes killed 22 people on Tuesday, pushing the death toll since the war began to 31,200."
    found = claims_of(text, "2024-03-15")
    assert [(c["value"], c["scope"]) for c in found] == [(22, "period"), (31200, "total")]


@pytest.mark.parametrize(
    "text",
    [
        "Death toll nears 52,300 as hunger deaths mount",  # a headline
        "The death toll has reached 52,300 after a night of strikes.",
    ],
)
def test_a_clause_opened_after_the_number_is_not_what_it_counts(text: str) -> None:
    found = claims_of(text, "2024-03-15")
    assert (found[0]["value"], found[0]["metric"], found[0]["scope"]) == (52300, "killed", "total")


def test_a_list_going_on_after_an_including_aside_leaves_the_head_its_verb() -> None:
    text = "Officials say 76 hostages remain in Gaza, including 40 of those abducted on October 7, 2023, and the bodies of 20 others."
    found = claims_of(text, "2024-03-15")
    assert [(c["value"], c["metric"]) for c in found][:2] == [(76, "hostages"), (40, "hostages")]


def test_a_days_count_takes_the_event_day_and_the_running_total_the_report_day() -> None:
    text = (
        "Strikes killed at least 27 people on Saturday, the ministry said on Sunday, "
        "bringing the death toll from five months of fighting to 31,553."
    )
    found = claims_of(text, "2024-03-10")
    assert [(c["value"], c["scope"], c["as_of"]) for c in found] == [(27, "period", "2024-03-09"), (31553, "total", "2024-03-10")]


def test_the_same_day_refers_back_to_a_weekday() -> None:
    text = "On Saturday, a strike on a house killed six people.\n\nAnother strike the same day killed nine people."
    found = claims_of(text, "2024-03-11")
    assert [(c["value"], c["as_of"]) for c in found] == [(6, "2024-03-09"), (9, "2024-03-09")]


@pytest.mark.parametrize(
    "text",
    [
        "Since the relief foundation began handing out food on 27 May, more than 600 people have been killed near its sites.",
        "The offensive, launched on 21 January, has displaced about 30,000 people.",
    ],
)
def test_a_count_since_its_event_began_holds_at_the_report(text: str) -> None:
    found = claims_of(text, "2025-07-01")
    assert [(c["scope"], c["as_of"]) for c in found] == [("total", "2025-07-01")]


def test_an_attack_dated_in_its_own_sentence_does_not_refer_back() -> None:
    text = (
        "In March, inspectors counted 40 damaged wells.\n\nPumping stations\n\n"
        "More than 900 people have died since the fighting began, most of them in the raid of 3 January."
    )
    found = claims_of(text, "2024-04-02")
    assert [(c["value"], c["as_of"]) for c in found] == [(40, "2024-03"), (900, "2024-04-02")]


def test_a_date_before_according_to_is_the_events_not_the_reports() -> None:
    found = claims_of("At least 45 people were killed on Monday, according to the ministry.", "2024-03-15")
    assert (found[0]["scope"], found[0]["as_of"]) == ("period", "2024-03-11")


# The field of the first claim, one row per rule: a source named by its noun keeps the noun; a
# release asked for counts people still held.
FIRST_CLAIM = [
    ("Since the ground operation began, 250 soldiers have been killed, according to the Israeli military.", "source", "Israeli military"),
    ("The Israeli army said 250 soldiers have been killed since the ground operation began.", "source", "Israeli army"),
    ("According to a UN health agency, 40 people have died of dehydration.", "source", "UN health agency"),
    ("We demand the release of the more than 9,000 Palestinian prisoners held in Israeli jails.", "metric", "detained"),
    ("The party calls for the immediate release of all 101 hostages.", "metric", "hostages"),
    ("The release of 240 Palestinian prisoners was completed during the truce.", "metric", "prisoners_released"),
]


@pytest.mark.parametrize("text,field,expected", FIRST_CLAIM)
def test_first_claim(text: str, field: str, expected: str) -> None:
    assert claims_of(text, "2024-03-15")[0][field] == expected


def test_each_count_takes_the_month_nearest_it() -> None:
    found = claims_of("Only 2,874 trucks entered Gaza in February, down from 7,681 in January.", "2024-03-15")
    assert (found[0]["metric"], found[0]["scope"], found[0]["period"]) == ("aid_trucks", "period", ["2024-02-01", "2024-02-29"])


def test_a_place_inside_a_part_is_the_parts() -> None:
    found = claims_of("The army says 600 soldiers have been killed, including 260 in the Gaza ground operation.", "2024-04-03")
    assert [(c["value"], c["metric"], c["place"]) for c in found] == [(600, "killed_soldiers", None), (260, "killed_soldiers", "gaza")]


def test_a_group_named_before_a_running_total_after_another_count() -> None:
    text = "The army announced the deaths of two more soldiers, bringing the number of troops killed since October 7 to 600."
    found = claims_of(text, "2024-04-03")
    assert [(c["value"], c["metric"], c["scope"]) for c in found] == [(2, "killed_soldiers", "period"), (600, "killed_soldiers", "total")]


def test_a_standing_count_is_not_dated_by_the_event_that_made_it() -> None:
    found = claims_of("Some 130 hostages abducted on October 7 remain in Gaza.", "2024-04-03")
    assert (found[0]["metric"], found[0]["scope"], found[0]["as_of"]) == ("hostages", "static", "2024-04-03")


def test_a_count_during_a_truce_is_a_period() -> None:
    found = claims_of("Hamas released 105 hostages during a weeklong truce in late November.", "2024-04-03")
    assert (found[0]["metric"], found[0]["scope"]) == ("hostages_released", "period")


def test_the_clauses_own_verb_says_what_is_counted() -> None:
    found = claims_of("Some 409 people sheltering in UN schools have been killed.", "2024-04-03")
    assert found[0]["metric"] == "killed"


def test_the_hamas_attack_on_israel_named_without_a_date_is_7_october() -> None:
    found = claims_of("In the Hamas attack on Israel, some 1,200 people were killed.", "2024-02-14")
    assert [(c["place"], c["as_of"], c["scope"]) for c in found] == [("israel", "2023-10-07", "total")]


def test_a_share_set_off_by_dashes_takes_the_head_counts_verb() -> None:
    text = "More than 2.1 million people – 96 per cent of the population – face acute food insecurity."
    found = claims_of(text, "2024-03-15")
    assert [(c["value"], c["metric"]) for c in found] == [(2100000, "food_insecure"), (96, "food_insecure")]


def test_such_deaths_are_the_deaths_just_counted() -> None:
    text = "Officials said four more people had died of malnutrition, raising the number of such deaths to 186."
    found = claims_of(text, "2024-03-15")
    assert [(c["value"], c["metric"], c["scope"]) for c in found] == [(4, "killed_starvation", "period"), (186, "killed_starvation", "total")]


def test_october_7_without_a_year_is_the_attack_even_years_later() -> None:
    found = claims_of("Israel says 1,000 attackers were killed inside Israel on October 7.", "2025-01-19")
    assert found[0]["as_of"] == "2023-10-07"


def test_others_after_a_number_are_the_things_just_counted() -> None:
    found = claims_of("Strikes have destroyed more than 150,000 housing units and damaged 200,000 others.", "2024-09-16")
    assert [(c["value"], c["metric"]) for c in found] == [(150000, "destroyed_housing"), (200000, "damaged_housing")]


def test_a_named_month_dates_a_span_over_a_discourse_now() -> None:
    text = "Now, in just two weeks of September, more than 1,000 people were killed in Lebanon."
    found = claims_of(text, "2024-10-07")
    assert (found[0]["scope"], found[0]["period"], found[0]["as_of"]) == ("period", ["2024-09-01", "2024-09-30"], "2024-09")


def test_dead_in_strikes_counts_the_dead_not_the_strikes() -> None:
    found = claims_of("More than 100 dead in strikes on central Gaza.", "2024-06-06")
    assert [(c["value"], c["metric"]) for c in found] == [(100, "killed")]


def test_a_days_count_in_the_simple_past_is_a_period() -> None:
    found = claims_of("Israeli strikes killed at least 40 people in Gaza on Monday.", "2024-07-17")
    assert (found[0]["scope"], found[0]["period"], found[0]["as_of"]) == ("period", ["2024-07-15", "2024-07-15"], "2024-07-15")


def test_things_done_add_up_and_things_that_are_stand() -> None:
    found = claims_of("The clinic has 40 beds and has treated more than 9,000 patients.")
    assert [(c["value"], c["scope"]) for c in found] == [(40, "static"), (9000, "total")]


# A fact sheet: "Label: figure" lines under headings ------------------------------------------
FACT_SHEET = """Weekly figures

1. Gaza Strip (Ministry of Health)
- Killed: 30,100
- of whom children: 12,300
- Injured: 70,500
- Health workers killed: 390
- Hostages still held: 130

2. West Bank (OCHA)
- Killed: 410
- Daily average in March: 150 trucks
"""


def test_a_fact_sheet_line_counts_what_its_label_names() -> None:
    found = [(c["value"], c["metric"], c["quote"]) for c in claims_of(FACT_SHEET)]
    assert found[:5] == [
        (30100, "killed", "Killed: 30,100"),
        (12300, "killed_children", "of whom children: 12,300"),  # a part of the line before
        (70500, "injured", "Injured: 70,500"),
        (390, "killed_medical", "Health workers killed: 390"),
        (130, "hostages", "Hostages still held: 130"),
    ]


def test_a_fact_sheet_heading_places_its_lines_and_a_label_gives_the_scope() -> None:
    found = claims_of(FACT_SHEET)
    assert [c["place"] for c in found] == ["gaza"] * 5 + ["west_bank"] * 2
    assert [c["scope"] for c in found][4:] == ["static", "total", "rate"]


def test_a_colon_in_running_text_is_no_label() -> None:
    found = claims_of("The ministry said: 300 people were killed in Rafah.")
    assert [(c["value"], c["metric"], c["place"]) for c in found] == [(300, "killed", "rafah")]


def test_a_story_told_on_in_the_simple_past_keeps_the_day_named_before() -> None:
    text = (
        "On the morning of 7 October, gunmen broke through the fence. "
        "Some 1,200 people were butchered in their homes, and 240 were dragged into Gaza as hostages."
    )
    found = claims_of(text, "2023-11-28")
    assert [(c["value"], c["as_of"]) for c in found] == [(1200, "2023-10-07"), (240, "2023-10-07")]


def test_a_count_since_an_elapsed_time_does_not_date_the_story_after_it() -> None:
    text = "In more than 400 days of war, 44,000 people have been killed. More than 105,000 were injured."
    assert [c["as_of"] for c in claims_of(text, "2024-11-29")] == ["2024-11-29", "2024-11-29"]


def test_a_clause_telling_a_dated_event_takes_its_date_and_the_main_clause_the_reports() -> None:
    text = (
        "Since the attack of 7 October 2023, in which 1,200 people were massacred and 251 were "
        "abducted, 168 hostages have come home alive."
    )
    found = claims_of(text, "2025-10-13")
    assert [(c["value"], c["as_of"]) for c in found] == [(1200, "2023-10-07"), (251, "2023-10-07"), (168, "2025-10-13")]


def test_a_live_blogs_stamp_dates_its_update() -> None:
    text = (
        "Live: strikes across the Strip\n\nAll times are local (GMT+3).\n\n"
        "9 June 2024, 12:40\nThe ministry says 274 people were killed yesterday.\n\n"
        "8 June 2024, 18:15\nThe army says 120 people are still held in Gaza."
    )
    found = claims_of(text, "2024-06-09")
    assert [(c["value"], c["as_of"]) for c in found] == [(274, "2024-06-08"), (120, "2024-06-08")]


def test_a_month_by_which_a_count_held_dates_it() -> None:
    text = "The database, as reported last month, listed some 8,900 fighters as dead by May."
    assert [(c["value"], c["as_of"]) for c in claims_of(text, "2025-09-16")] == [(8900, "2025-05")]


def test_an_event_dated_in_its_own_sentence_is_not_one_told_before() -> None:
    text = (
        "Jerusalem, 13 October 2025\n\nAll the living hostages are home, after more than two years in Gaza. "
        "Since the attack of 7 October 2023, in which 251 were abducted, 168 hostages have come home alive."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, "2025-10-13")] == [(251, "2023-10-07"), (168, "2025-10-13")]


def test_a_parts_span_is_not_its_wholes() -> None:
    text = "The ministry said 40,000 people have been killed, including 70 in the past 24 hours."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(40000, "total"), (70, "period")]


def test_coordinated_counts_share_the_span_after_them() -> None:
    text = "The ministry said 71 people had been killed and 102 wounded in the past 24 hours."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(71, "period"), (102, "period")]


POPULATION_LIST = """Displacement
• Some 1.9 million people now live in displacement.
• Estimated population by governorate, as of 1 December:
  – Gaza: about 500,000
  – Khan Younis: about 955,000
• Partners estimate that some 945,000 people need winter support.
"""


def test_a_list_headings_event_and_date_hold_for_its_lines_only() -> None:
    found = [(c["value"], c["metric"], c["place"], c["as_of"]) for c in claims_of(POPULATION_LIST, "2024-12-12")]
    assert found == [
        (1900000, "displaced", "gaza", "2024-12-12"),  # the document's main place
        (500000, "population", "gaza", "2024-12-01"),
        (955000, "population", "khan_younis", "2024-12-01"),
        (945000, "other", "gaza", "2024-12-12"),
    ]


def test_an_elapsed_time_in_several_number_words_is_read_whole() -> None:
    text = "One hundred and twelve days into this onslaught, 26,083 Palestinians have been killed."
    assert [(c["value"], c["as_of"]) for c in claims_of(text, None)] == [(26083, "2024-01-27")]


def test_a_count_since_an_event_told_before_holds_at_the_report() -> None:
    text = (
        "On 7 October 2023 gunmen killed some 1,200 people in Israel. "
        "More than 900 Israeli soldiers have fallen since that day."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, "2025-10-03")] == [(1200, "2023-10-07"), (900, "2025-10-03")]


def test_a_sentence_beside_contact_details_keeps_its_count() -> None:
    text = "The charity employs 84 local staff there. Media enquiries: press@relief.example.org, +44 20 7946 0321."
    assert [c["value"] for c in claims_of(text)] == [84]


def test_amounts_asked_for_in_a_list_of_demands_are_not_claims() -> None:
    text = (
        "The council asks the government to:\n"
        "- offer up to 300 police officers to a monitoring mission;\n"
        "- grant 4,000 humanitarian visas;\n"
        "- secure the release of all 52 hostages.\n"
        "\n"
        "The agency counted 300 trucks:\n"
        "- 210 entered through Kerem Shalom.\n"
    )
    assert [c["value"] for c in claims_of(text)] == [52, 300, 210]


def test_numbered_demands_in_french_ask_for_amounts() -> None:
    text = "Le comité demande au gouvernement :\n1. d'ouvrir 3 000 places d'accueil ;\n2. d'obtenir la libération des 52 otages.\n"
    claims = claims_of(text, date="2024-03-15", language="fr")
    assert [c["value"] for c in claims] == [52]


def test_an_item_asks_for_its_amount_however_far_from_its_verb() -> None:
    text = (
        "The Green Left proposes:\n"
        "1. Pressing at every summit for the border posts to open and for at least 450 trucks a day to cross;\n"
        "2. Raising the budget of the trauma programme for displaced families by 12 million euros;\n"
        "3. Funding the hospital ship, which has treated 640 patients, and the nation's 90 field clinics.\n"
    )
    assert [c["value"] for c in claims_of(text)] == [640, 90]


def test_a_german_heading_that_ends_with_a_comma_opens_a_list_of_demands() -> None:
    text = "Wir fordern den Senat auf,\n1. mindestens 8 Millionen Euro für die Traumahilfe bereitzustellen;\n2. die 40 Geiseln nicht zu vergessen.\n"
    claims = claims_of(text, date="2024-03-15", language="de")
    assert [c["value"] for c in claims] == [40]


def test_an_amount_asked_for_in_a_sentence_is_not_a_claim() -> None:
    text = "We call on the cabinet to admit 6,000 refugees and to fund 45 new ambulances, after 31,000 deaths."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(31000, "killed")]
    # asked in the past: still what someone wanted, not what is
    text = "In a letter last week the envoy urged Egypt to let at least 280 trucks a day through Rafah."
    assert claims_of(text) == []
    text = "La ministre a demandé à Israël de laisser entrer au moins 280 camions par jour."
    assert claims_of(text, language="fr") == []


def test_an_area_verb_does_not_make_counted_things_an_area() -> None:
    text = "The army issued 14 evacuation orders covering parts of Rafah, affecting an estimated 95,000 people."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(14, "other"), (95000, "other")]
    assert [(c["value"], c["metric"], c["unit"]) for c in claims_of("The Strip covers 365 square kilometres.")] == [
        (365, "area", "km2")
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 45,000 residents of the north have not been home for a year.", "en"),
        ("Unos 45.000 vecinos del norte siguen sin poder regresar a sus hogares.", "es"),
        ("Cerca de 45 mil moradores do norte continuam fora de casa.", "pt"),
        ("Quelque 45 000 habitants du nord ne peuvent toujours pas rentrer.", "fr"),
    ],
)
def test_people_kept_from_their_homes_are_displaced(text: str, language: str) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text, language=language)] == [(45000, "displaced")]


def test_agency_personnel_killed_are_aid_workers() -> None:
    text = "Since October 2023, 214 UNRWA personnel have been killed."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(214, "killed_aid")]


def test_others_after_a_part_are_others_of_the_whole() -> None:
    text = "Twelve people, five of them children, were killed, and at least 30 others were wounded."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(12, "killed"), (5, "killed_children"), (30, "injured")]


def test_hostages_come_back_are_released_and_their_nationals_are_a_breakdown() -> None:
    text = "Since the truce began, 19 hostages have come back alive, four of them Nepali students."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(19, "hostages_released"), (4, "other")]
    text = "Desde el inicio de la tregua, 19 rehenes han vuelto con vida."
    assert [(c["value"], c["metric"]) for c in claims_of(text, language="es")] == [(19, "hostages_released")]


def test_bodies_handed_over_are_not_people_released() -> None:
    text = "The group handed over the remains of only 3 of the 30 deceased captives and released 11 hostages."
    assert [(c["value"], c["metric"]) for c in claims_of(text)][0::2] == [(3, "other"), (11, "hostages_released")]


def test_a_count_in_a_clause_of_its_own_keeps_its_places() -> None:
    text = "Some 1,180 people were killed on 7 October 2023 and 250 were carried into Gaza."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(1180, "israel"), (250, "israel")]
    text = "At least 90 people were killed and 300 were wounded in Khan Younis on Monday."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(90, "khan_younis"), (300, "khan_younis")]


def test_a_sentence_without_a_number_can_name_the_day_its_paragraph_counts() -> None:
    text = (
        "Amman, 15 March 2024\n\n"
        "On Tuesday soldiers raided the clinic and took its staff away. "
        "The health ministry says about 60 people were inside when the raid began."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(60, "2024-03-12")]


def test_a_headline_under_a_kicker_holds_when_its_story_says() -> None:
    text = (
        "Green Unity Party\nPress statement\n\nSeven killed in Jabalia school strike\n\nAmman, 15 March 2024\n\n"
        "On Thursday an air strike hit a school in Jabalia. Seven people were killed, the civil defence said."
    )
    assert [(c["value"], c["metric"], c["as_of"]) for c in claims_of(text, None)] == [
        (7, "killed", "2024-03-14"), (7, "killed", "2024-03-14")
    ]


def test_a_date_stated_as_the_figures_date_holds_after_a_comma() -> None:
    text = "Some 31,272 people killed since 7 October (Ministry of Health, as of 14 March)."
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(31272, "2024-03-14")]
    text = "Strikes have killed 1,974 people in Lebanon since October, the minister told a news conference on Wednesday."
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(1974, "2024-03-13")]


def test_a_reports_figures_hold_at_the_end_of_the_period_it_covers() -> None:
    text = (
        "Situation Report No. 12\n\nReporting period: 1–14 March 2024 | Published 15 March 2024\n\n"
        "The ministry has recorded 31,184 people killed."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, None)] == [(31184, "2024-03-14")]
    text = (
        "Boletim n.º 9\n\nLisboa, 15 de março de 2024\n\n"
        "Os números abaixo referem-se ao período de 7 de outubro de 2023 a 13 de março de 2024.\n\n"
        "- Mortos: 31.112\n"
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, None, language="pt")] == [(31112, "2024-03-13")]


def test_a_count_since_a_day_named_before_it_runs_to_the_report() -> None:
    text = "The air campaign, which escalated sharply on Monday, has killed more than 700 people across Lebanon since then."
    assert [(c["value"], c["as_of"], c["scope"], c["period"]) for c in claims_of(text)] == [
        (700, "2024-03-15", "period", ["2024-03-11", "2024-03-15"])
    ]
    # "since then" in the clause of another count is that count's
    text = "When the truce began on 10 March, 20 captives were still held; since then 12 bodies have been returned."
    assert next((c["value"], c["as_of"]) for c in claims_of(text)) == (20, "2024-03-10")


def test_the_next_day_is_the_day_after_the_one_told() -> None:
    text = (
        "Amman, 15 March 2024\n\n"
        "On Monday settlers stormed the village of Burin. The next day, as the funeral left the mosque, "
        "soldiers killed three people."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(3, "2024-03-12")]
    text = "Genève, 15 mars 2024\n\nLundi, des colons ont attaqué le village. Le lendemain, trois habitants ont été tués."
    assert [(c["value"], c["as_of"]) for c in claims_of(text, language="fr")] == [(3, "2024-03-12")]


def test_yesterday_names_the_day_a_story_goes_on_telling() -> None:
    text = (
        "Amman, 15 March 2024\n\n"
        "Yesterday afternoon a shell struck the courtyard of the clinic. Four people died and eleven were hurt."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(4, "2024-03-14"), (11, "2024-03-14")]
    # "today" tells the present: the army's losses on every front keep no place
    text = "Amman, 15 March 2024\n\nToday 30 of them are still held. More than 600 soldiers have fallen since then."
    assert [(c["value"], c["place"]) for c in claims_of(text)][1:] == [(600, None)]


def test_a_number_word_of_another_language_does_not_hide_the_day_a_sentence_names() -> None:
    # "central" begins like the French "cent": the sentence is read, and its day noted, all the same
    text = (
        "Amman, 15 March 2024\n\n"
        "While the city slept on Tuesday night, a strike flattened a block in central Rafah. "
        "Medics said at least 45 people were killed in that one attack."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(45, "2024-03-12")]


def test_a_standing_quantity_is_dated_by_the_tense_of_its_own_clause() -> None:
    text = (
        "Amman, 15 March 2024\n\n"
        "On Tuesday the army ordered everyone out of the eastern districts. The area covers about 60 square "
        "kilometres, a third of the Strip, and some 90,000 people were living there."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [
        (60, "2024-03-15"), (33.33, "2024-03-15"), (90000, "2024-03-12")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The agency has 9,000 tonnes of flour in Jordan, enough to feed 400,000 people for a month.",
        "Officials say up to 25,000 more could flee if the shelling goes on.",
        "The ministry will fly in the coming weeks some 40 wounded children to Oslo.",
    ],
)
def test_capacities_and_plans_are_not_claims(text: str) -> None:
    assert [c["value"] for c in claims_of(text)] == ([9000] if "tonnes" in text else [])


def test_an_age_between_commas_before_a_description_is_no_count() -> None:
    text = "\"We have nothing left,\" said Samir, 52, whose shop was flattened by the blast."
    assert claims_of(text) == []


def test_victims_of_malnutrition_are_deaths_from_starvation() -> None:
    assert [(c["value"], c["metric"]) for c in claims_of("So far 240 people have been victims of malnutrition.")] == [
        (240, "killed_starvation")
    ]


def test_attacks_on_a_number_of_facilities_count_the_facilities() -> None:
    text = "The agency recorded attacks on 38 clinics, and 900 attacks on health care in all."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(38, "other"), (900, "attacks_on_health")]


def test_a_line_that_dates_a_reports_figures_dates_them() -> None:
    text = (
        "Field Update 7\n\n"
        "All figures valid as of 10 March 2024 unless stated. Released on 12 March 2024.\n\n"
        "The ministry reports 31,000 people killed.\n\n"
        "Households by district, as of 1 March:\n"
        "- Rafah: about 1,400,000 people\n"
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, "2024-03-12")] == [(31000, "2024-03-10"), (1400000, "2024-03-01")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A shell hit a flat in the Zeitoun district, and 9 people were killed.", "gaza_city"),
        ("Shrapnel from an interceptor wounded 14 people in Ashdod.", "israel"),
        ("Some 18,000 residents of Nahariya have left the town.", "israel"),
        ("An air strike on the port of Hodeidah killed four dock workers.", "yemen"),
    ],
)
def test_towns_and_districts_are_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text)] == [place]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Norway has given UNRWA NOK 300 million since the war began.", "total"),
        ("Die Schweiz hat seit Oktober 2023 rund 80 Millionen Franken bereitgestellt.", "total"),
        ("A sack of flour now sells for $120 in Khan Younis.", "static"),
        ("The agency's appeal requires US$ 310 million for this year.", "static"),
    ],
)
def test_sums_given_add_up_and_prices_and_appeals_stand(text: str, scope: str) -> None:
    assert [c["scope"] for c in claims_of(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("New Zealand has given NZ$ 17 million.", "nzd"),
        ("Canada has given C$ 40 million.", "cad"),
        ("The union raised R$ 250,000.", "brl"),
        ("A kilo of sugar costs 25 shekels.", "ils"),
        ("Norway has given NOK 300 million.", "nok"),
        ("The US has given $5 million.", "usd"),
    ],
)
def test_currencies_are_units(text: str, unit: str) -> None:
    assert [c["unit"] for c in claims_of(text)] == [unit]


def test_a_toll_told_after_a_strike_is_that_strikes() -> None:
    text = "Before dawn an air strike flattened a house in Jabalia. At least 27 people were killed there."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(27, "incident")]
    # "since then": the war's toll from that day on
    text = "Before dawn an air strike flattened a house in Jabalia. Since then 412 people were killed in the north."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] != [(412, "incident")]


def test_the_strike_that_caused_a_toll_gives_it_its_place() -> None:
    text = "Nine people were killed when a drone hit a tent camp in Khan Younis, medics said."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(9, "khan_younis")]
    text = "Seven killed as air strike hits bakery queue in Khan Younis"
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(7, "khan_younis")]
    # a clause of what goes on around a running total does not
    text = "The toll passed 36,000 as the army pressed on with its offensive in Khan Younis."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(36000, "gaza")]


def test_the_paragraphs_place_comes_before_the_nationality_of_the_counted() -> None:
    text = "Colonos atacaram a aldeia de Burin, perto de Nablus. A OCHA registou 1.919 ataques de colonos israelenses."
    assert [(c["value"], c["place"]) for c in claims_of(text, language="pt")] == [(1919, "west_bank")]
    # with no place told, who they are says where: "1,200 Israelis were killed"
    assert [c["place"] for c in claims_of("Some 1,200 Israelis were killed.")] == ["israel"]


def test_a_place_in_the_name_of_the_source_yields_to_the_storys_more_precise_place() -> None:
    text = (
        "Overnight an air strike hit a crowded market in Gaza City. "
        "Gaza's Civil Defence says at least 22 people were killed."
    )
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(22, "gaza_city")]
    # a place of another region is no more precise: the agency's own place stands
    text = "Settlers burned cars in a village near Nablus. Gaza's health ministry reports 30,000 killed."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(30000, "gaza")]


def test_an_item_asking_to_move_an_indefinite_number_is_asked() -> None:
    text = (
        "After 400 children were wounded, the council asks the ministry to:\n"
        "1. Fund the safe transfer of 60 wounded children each month;\n"
        "2. Secure the release of the 12 detained nurses;\n"
        "3. Stop the bombing that has killed 70 teachers.\n"
    )
    assert [c["value"] for c in claims_of(text)] == [400, 12, 70]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two soldiers were killed. One of the dead was a reservist aged 41.", "en"),
        ("Deux soldats ont été tués. L'un des morts était un réserviste.", "fr"),
        ("Dos soldados murieron. Uno de los muertos era un reservista.", "es"),
    ],
)
def test_one_person_picked_out_of_a_group_is_not_a_count(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-03-15", language=language)
    assert [c["value"] for c in claims] == [2]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'armée affirme avoir éliminé douze combattants armés.", "fr"),
        ("El ejército dice que eliminó a 12 milicianos armados.", "es"),
    ],
)
def test_fighters_eliminated_are_fighters_killed(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-03-15", language=language)
    assert [(c["value"], c["metric"]) for c in claims] == [(12, "killed_combatants")]


def test_drones_shot_down_are_not_people_killed() -> None:
    document = statecheck.check_text(
        "L'armée dit avoir abattu 20 drones. Elle affirme aussi avoir abattu 12 miliciens.", date="2024-03-15",
        options=statecheck.Options(verify=False, language="fr"),
    )
    assert [(c.value, c.metric) for c in document.claims] == [(20, "other"), (12, "killed_combatants")]


def test_a_month_named_may_is_no_forecast() -> None:
    text = "Between 3 and 9 May fewer than 300 trucks entered. The agency may send 40 more."
    assert [(c["value"], c["bound"]) for c in claims_of(text)] == [(300, "under")]


def test_a_number_set_against_another_counts_the_same_thing() -> None:
    text = "Only 120 trucks crossed on Sunday, against roughly 600 a day before the war."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(120, "aid_trucks"), (600, "aid_trucks")]
    text = "Officials say 214 people are held in Gaza, up from 199 last week, as the search for the missing goes on."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(214, "hostages"), (199, "hostages")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roughly 1.6 million of the Strip's 2.1 million people have left their homes.", [(1600000, "displaced"), (2100000, "population")]),
        ("About a third of the 2.1 million have been displaced.", [(33.33, "displaced"), (2100000, "population")]),
        ("Some 19 of the 35 hospitals are out of service.", [(19, "hospitals_out_of_service"), (35, "other")]),
    ],
)
def test_the_whole_a_part_of_people_is_taken_of_is_the_population(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == expected


def test_people_driven_from_their_homes_in_spanish_are_displaced() -> None:
    document = statecheck.check_text(
        "La ofensiva llegó a expulsar de sus casas a más de 900.000 personas.", date="2024-03-15",
        options=statecheck.Options(verify=False, language="es"),
    )
    assert [(c.value, c.metric) for c in document.claims] == [(900000, "displaced")]


def test_the_french_perfect_tells_the_day_named_just_before() -> None:
    text = "Lyon, le 22 avril 2024\n\nUne frappe a touché l'école samedi soir. Neuf personnes ont été tuées dans la frappe.\n"
    document = statecheck.check_text(text, options=statecheck.Options(verify=False, language="fr"))
    assert [(c.value, c.as_of) for c in document.claims] == [(9, "2024-04-20")]


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        ("On 9 October last year, a rocket killed 3 people in Ashkelon.", "en", "2023-10-09"),
        ("In March last year, 40 people were killed in Rafah.", "en", "2023-03"),
        ("Le 9 octobre de l'année dernière, une roquette a tué 3 personnes.", "fr", "2023-10-09"),
    ],
)
def test_a_day_written_with_last_year_is_a_day_of_last_year(text: str, language: str, as_of: str) -> None:
    claims = claims_of(text, date="2024-10-14", language=language)
    assert [c["as_of"] for c in claims] == [as_of]


def test_a_date_in_the_clause_after_a_semicolon_is_that_clauses() -> None:
    text = "About 9,000 residents of Metula are staying in hotels; 14 villages were emptied on Monday."
    assert [(c["value"], c["as_of"]) for c in claims_of(text)] == [(9000, "2024-03-15"), (14, "2024-03-11")]


def test_an_irregular_past_tells_on_the_day_named_before() -> None:
    text = (
        "Amman, 15 March 2024\n\n"
        "The vaccination round ended on Tuesday, with 480,000 children reached. "
        "Vitamin A went to 390,000 children."
    )
    assert [(c["value"], c["as_of"]) for c in claims_of(text, "2024-03-15")] == [(480000, "2024-03-12"), (390000, "2024-03-12")]


def test_a_wound_written_before_the_group_describes_it_whatever_the_verb() -> None:
    text = "Paramedics evacuated 48 wounded soldiers to Haifa, and an air strike killed 12 wounded patients."
    assert [(c["value"], c["metric"]) for c in claims_of(text)][:1] == [(48, "injured_soldiers")]
    assert [c["metric"] for c in claims_of("Paramedics evacuated 300 residents.")] == ["displaced"]


def test_soldiers_lost_in_the_days_story_are_where_it_happened() -> None:
    text = (
        "Warsaw, 14 October 2024\n\n"
        "On Sunday a drone launched from Lebanon struck a camp near Ashdod. Three soldiers were killed.\n\n"
        "Since the war began, 700 soldiers have been killed."
    )
    assert [(c["value"], c["place"]) for c in claims_of(text, None)] == [(3, "israel"), (700, None)]


def test_a_place_near_which_something_stands_is_where_it_is() -> None:
    text = "In Gaza, more than 30,000 people have been killed. A shell hit a school near Jenin, killing 4 pupils."
    assert [c["place"] for c in claims_of(text)] == ["gaza", "west_bank"]
    # but a place that only locates another place, or a border, is not
    assert [c["place"] for c in claims_of("Strikes on Rafah, south of Khan Younis, killed 12 people.")] == ["rafah"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Un bombardeo contra un edificio del barrio mató el lunes a seis personas e hirió a otras 31, según el Ministerio de Salud.",
            "es", [(6, "killed"), (31, "injured")],
        ),
        (
            "Um bombardeio contra um prédio do bairro matou na segunda-feira seis pessoas e feriu outras 31, segundo o Ministério da Saúde.",
            "pt", [(6, "killed"), (31, "injured")],
        ),
    ],
)
def test_a_verb_after_and_wounds_the_next_count(text: str, language: str, expected: list[tuple[int, str]]) -> None:
    claims = claims_of(text, date="2024-03-15", language=language)
    assert [(c["value"], c["metric"]) for c in claims] == expected


def test_people_released_are_hostages_or_prisoners_by_what_held_them() -> None:
    text = "Three women kidnapped from Kfar Aza were handed over on Friday. Israel freed 30 teenagers held in its prisons."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(3, "hostages_released"), (30, "prisoners_released")]


def test_a_street_abbreviation_neither_ends_the_sentence_nor_hides_the_house_number() -> None:
    text = "About 40 people were killed. Press office: ul. Polna 18, 00-625 Warszawa. Media: Str. der Pariser Kommune 12, Berlin."
    assert [c["value"] for c in claims_of(text)] == [40]


def test_hostages_still_held_are_held_in_gaza_whatever_the_text_is_about() -> None:
    text = (
        "Hezbollah fired 40 rockets at northern Israel from Lebanon on Monday, and strikes in Lebanon killed 30 people. "
        "In Beirut, officials met. Today 97 hostages remain in captivity."
    )
    assert [(c["value"], c["place"]) for c in claims_of(text)][-1] == (97, "gaza")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Since October, more than 9,000 rockets have been fired from Lebanon at Israel.", "israel"),
        ("Militants in Gaza launched some 3,000 rockets on Saturday.", "israel"),
        ("Hezbollah fired about 100 rockets from Lebanon at Nahariya.", "israel"),
    ],
)
def test_what_is_fired_is_counted_where_it_is_aimed(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text)] == [place]


def test_a_part_in_words_of_the_count_before_is_a_claim() -> None:
    text = "Paramedics treated 45 wounded people, six of them in critical condition."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(45, "injured"), (6, "other")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El convoy de mañana llevará hasta 40 camiones. Ayer murieron 30 personas.", "es"),
        ("O próximo voo levará cerca de 40 toneladas. Ontem morreram 30 pessoas.", "pt"),
    ],
)
def test_a_future_told_by_its_ending_is_no_count(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-03-15", language=language)
    assert [c["value"] for c in claims] == [30]


def test_people_dragged_into_gaza_are_hostages_and_an_average_restates_a_count() -> None:
    text = "On 7 October gunmen killed 1,100 people in Israel and dragged 240 into Gaza."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(1100, "killed"), (240, "hostages")]
    text = "Since the truce began, 9,000 trucks have entered Gaza, an average of about 500 a day."
    assert [(c["value"], c["metric"], c["scope"]) for c in claims_of(text)][1:] == [(500, "aid_trucks", "rate")]


def test_a_part_named_among_its_total_takes_the_totals_verb() -> None:
    text = "The ministry says at least 9,000 women are among the 31,000 people killed."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(9000, "killed_women"), (31000, "killed")]


def test_a_part_of_whom_is_of_the_group_named_just_before_it() -> None:
    text = "The attack killed some 1,100 people, and the council demands the return of the hostages, 120 of whom remain in Gaza."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(1100, "killed"), (120, "hostages")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("En mars, 160 camions sont entrés chaque jour, contre environ 500 avant la guerre.", "fr"),
        ("En marzo entraron 160 camiones al día, contra unos 500 antes de la guerra.", "es"),
    ],
)
def test_a_number_set_against_another_in_romance_languages(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-03-15", language=language)
    assert [(c["value"], c["metric"]) for c in claims] == [(160, "aid_trucks"), (500, "aid_trucks")]


def test_people_needing_hospital_treatment_are_injured() -> None:
    text = "The barrage killed 14 people and left more than 900 needing hospital treatment."
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == [(14, "killed"), (900, "injured")]


def test_a_rate_right_after_a_count_restates_it() -> None:
    text = "In the week to 25 July, agencies collected the cargo of 280 trucks at the crossings, fewer than 40 a day."
    assert [(c["value"], c["metric"], c["scope"]) for c in claims_of(text)][1:] == [(40, "aid_trucks", "rate")]
    text = "In April, 4,080 trucks crossed into Gaza, a daily average of 136."
    assert [(c["value"], c["metric"]) for c in claims_of(text)][1:] == [(136, "aid_trucks")]


def test_prisoners_named_then_released_are_prisoners_released() -> None:
    text = "Israel solta 90 presos palestinianos. Dos 90 presos libertados, 12 cumpriam penas longas."
    claims = claims_of(text, date="2024-03-15", language="pt")
    assert [(c["value"], c["metric"]) for c in claims][:2] == [(90, "prisoners_released"), (90, "prisoners_released")]


def test_a_part_is_counted_as_its_whole_is() -> None:
    text = "Doctors said 14 people were killed in the strike on the market, including five children."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(14, "incident"), (5, "incident")]
    text = "In the past 24 hours, 31 people were killed, including nine women."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(31, "period"), (9, "period")]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Hamas handed 6 hostages to the Red Cross on Saturday.", "incident"),
        ("Israel released 110 Palestinian prisoners in exchange.", "incident"),
        ("Since the truce began, 30 hostages have been freed.", "period"),
        ("So far 30 hostages have been freed under the deal.", "period"),
        ("Bisher sind 30 Geiseln freigelassen worden.", "period"),
    ],
)
def test_people_freed_are_freed_at_a_handover_or_over_a_deal(text: str, scope: str) -> None:
    language = "de" if text.startswith("Bisher") else "en"
    claims = claims_of(text, date="2025-02-08", language=language)
    assert [(c["metric"].endswith("_released"), c["scope"]) for c in claims] == [(True, scope)]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Since the truce took effect, at least 40 people have been killed.", "period"),
        ("At least 40 people have been killed since the bombing resumed.", "period"),
        ("Some 1,200 trucks have crossed at the border since 20 November.", "period"),
        ("Seit Inkrafttreten der Waffenruhe wurden 40 Menschen getötet.", "period"),
        ("The army says 150 soldiers have been killed since the ground offensive began on 28 October.", "total"),
        ("The clinic has treated 30,000 patients since it opened in January.", "total"),
        ("Since then, more than 700 soldiers have fallen.", "total"),
    ],
)
def test_a_count_since_a_truce_or_a_later_day_is_of_a_span(text: str, scope: str) -> None:
    language = "de" if text.startswith("Seit") else "en"
    claims = claims_of(text, date="2024-12-10", language=language)
    assert [c["scope"] for c in claims][:1] == [scope]


def test_a_day_in_an_aside_does_not_date_the_span_before_it() -> None:
    text = "Five soldiers have been killed since 20 November, three of them on 2 December."
    assert [(c["value"], c["scope"], c["as_of"]) for c in claims_of(text, date="2024-12-10")][:1] == [(5, "period", "2024-12-10")]


def test_a_part_of_a_running_total_can_name_its_own_span() -> None:
    text = "The ministry said 20,500 people had been killed since the start of the war, including 90 in the previous 24 hours."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(20500, "total"), (90, "period")]


def test_the_span_of_the_next_count_is_not_this_ones() -> None:
    text = "The ministry said 20,500 people had been killed and 54,000 wounded, with 300 deaths recorded over the previous day."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(20500, "total"), (54000, "total"), (300, "period")]


def test_an_additional_sum_given_is_one_grant() -> None:
    text = "The government has allocated an additional €12 million to the UN agencies working in Gaza."
    assert [(c["value"], c["scope"]) for c in claims_of(text)] == [(12_000_000, "incident")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Families live within seven kilometres of the fence.", "en"),
        ("Boats may fish only up to 6 or 12 nautical miles from the shore.", "en"),
        ("Each family received a 20-kilo bag of flour.", "en"),
        ("La marine limitait la pêche à 6 ou 15 milles nautiques selon les saisons.", "fr"),
        ("Paramedics treated the wounded, the oldest a man of 70.", "en"),
        ("More than 4,000 are expected to give birth next month.", "en"),
    ],
)
def test_distances_sizes_ages_and_expectations_are_not_claims(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert claims == []


def test_an_area_is_still_a_claim() -> None:
    assert [c["unit"] for c in claims_of("The zone covers 365 square kilometres.")] == ["km2"]


@pytest.mark.parametrize(
    "text",
    [
        "Press office: Kungsgatan 12, 114 56 Stockholm.",
        "Press office: Rua da Consolação, 2300, 01302-001 São Paulo – (11) 5555-0199",
    ],
)
def test_postcodes_in_two_groups_house_numbers_after_a_comma_and_area_codes_are_not_claims(text: str) -> None:
    assert claims_of(text) == []


def test_a_terminal_number_is_a_name() -> None:
    assert claims_of("A missile struck near Terminal 3 at the airport, the army said.") == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Within hours more than ten airlines had cancelled their flights.", "en", [10]),
        ("Die Miliz hat mindestens zehn Drohnen auf israelische Städte abgefeuert.", "de", [10]),
        ("The talks went on over two rounds.", "en", []),
        ("Aid deliveries have fallen by about two thirds since May.", "en", []),
    ],
)
def test_a_bound_makes_a_small_number_word_a_quantity(text: str, language: str, expected: list[int]) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [c["value"] for c in claims] == expected


def test_people_brought_in_with_wounds_are_injured_and_those_killed_on_the_way_to_food_are_aid_seekers() -> None:
    text = "Rescuers said at least 14 others were brought in with wounds."
    assert [c["metric"] for c in claims_of(text)] == ["injured"]
    text = "At least 700 people have been killed on their way to food distribution sites."
    assert [c["metric"] for c in claims_of(text)] == ["killed_aid_seekers"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Según la CIF, unos 2,1 millones de personas se enfrentan a niveles de crisis alimentaria en la Franja.", "es"),
        ("La dernière analyse classe 1,5 million de personnes en phase 3 ou plus dans la bande de Gaza.", "fr"),
    ],
)
def test_people_in_a_food_crisis_or_an_ipc_phase_are_food_insecure(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [c["metric"] for c in claims] == ["food_insecure"]


def test_people_who_remain_in_a_place_are_its_population() -> None:
    assert [c["metric"] for c in claims_of("An estimated 350,000 people remain in northern Gaza.")] == ["population"]
    assert [c["metric"] for c in claims_of("About 450,000 remain in the city.")] == ["population"]
    assert [c["metric"] for c in claims_of("Some 98 hostages remain in Gaza.")] == ["hostages"]
    assert [c["metric"] for c in claims_of("About 450,000 people remain displaced.")] == ["displaced"]


@pytest.mark.parametrize(
    "text", ["The party demands the release of all 133 hostages.", "We will keep up the pressure until all 58 hostages are home."]
)
def test_hostages_whose_release_is_awaited_are_those_held(text: str) -> None:
    assert [(c["metric"], c["scope"], c["place"]) for c in claims_of(text)] == [("hostages", "static", "gaza")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The youngest person we interviewed was 15, the oldest 71.", "en", []),
        ("The youngest of the 40 children killed was a baby.", "en", [40]),
        ("Sergeant Cohen, who was 19, was killed on the border.", "en", []),
        ("Forecasters expect another 80 millimetres of rain.", "en", []),
        ("Some 1,882 people were wounded.", "en", [1882]),
        ("El hospital, fundado por misioneros en 1882, atendía a los heridos de los bombardeos.", "es", []),
        ("Weitere Auskünfte: Kommunikation, Bundeshaus West, 3003 Bern, Tel. +41 58 465 00 00", "de", []),
        ("Die Reisewarnung der höchsten Stufe 6 bleibt aufrecht, teilte das Ministerium mit.", "de", []),
    ],
)
def test_ages_rainfall_old_years_levels_and_postcodes_beside_a_telephone(text: str, language: str, expected: list[int]) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [c["value"] for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("L'armée a fait état de 40 morts dans ses rangs, dont neuf membres des forces de sécurité.", "fr", [40, 9]),
        ("Twelve people were wounded, among them five children.", "en", [12, 5]),
    ],
)
def test_a_small_number_word_that_is_a_part_of_a_count_is_a_claim(text: str, language: str, expected: list[int]) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [c["value"] for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        ("Only 60 trucks entered on Monday, against some 500 a day, including fuel, before the war.", "en", [None]),
        ("Avant la guerre, quelque 500 camions entraient chaque jour.", "fr", [None]),
        ("Flour sells for $150 a sack, more than ten times the price before the war.", "en", ["2024-11-20", "2024-11-20"]),
        ("Noch 120 Menschen werden festgehalten, darunter vier, die schon vor dem Krieg verschleppt worden waren.", "de", ["2024-11-20", "2024-11-20"]),
    ],
)
def test_a_figure_of_before_the_war_has_no_date(text: str, language: str, as_of: list[str | None]) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [c["as_of"] for c in claims][-len(as_of):] == as_of


def test_a_stamp_with_a_time_of_day_dates_the_figures_after_it() -> None:
    text = (
        "All information is valid as of 5 December 2023, 22:00 (local time), unless otherwise stated.\n\n"
        "Some 16,000 Palestinians have been killed."
    )
    assert [c["as_of"] for c in claims_of(text, date="2023-12-06")] == ["2023-12-05"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Since Hamas killed some 1,200 people on 7 October 2023, Israel has fought on: nearly 800 soldiers have fallen.",
            "en", [("killed", "2023-10-07"), ("killed_soldiers", "2024-11-09")],
        ),
        (
            "The attack on 7 October killed 1,200 people. Of those taken that day, 59 are still held in Gaza.",
            "en", [("killed", "2023-10-07"), ("hostages", "2024-11-09")],
        ),
        (
            "Der Krieg begann am 7. Oktober mit dem Überfall der Hamas. Im Gazastreifen wurden seither mehr als 41.800 Menschen getötet.",
            "de", [("killed", "2024-11-09")],
        ),
    ],
)
def test_a_count_held_now_or_run_since_the_war_began_is_dated_by_the_report(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    claims = claims_of(text, date="2024-11-09", language=language)
    assert [(c["metric"], c["as_of"]) for c in claims] == expected


def test_a_place_inside_an_earlier_part_is_not_the_place_of_a_count_joined_after_it() -> None:
    text = "Since the start of the war, 700 soldiers have fallen, 340 of them in the ground operation in Gaza, and 4,500 have been wounded."
    assert [(c["value"], c["place"]) for c in claims_of(text)] == [(700, None), (340, "gaza"), (4500, None)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("We remember the 1,200 people slaughtered on 7 October 2023 and the 251 people dragged into Gaza that day.", ["israel", "israel"]),
        ("At least 90 people died and 400 were wounded yesterday in Khan Younis.", ["khan_younis", "khan_younis"]),
    ],
)
def test_a_count_with_a_verb_of_another_kind_keeps_its_places(text: str, places: list[str]) -> None:
    assert [c["place"] for c in claims_of(text, date="2024-09-02")] == places


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The army now counts 210 captives, among them people taken from Kfar Aza.", "en"),
        ("Die Regierung fordert die Freigabe der verbleibenden 79 Geiseln.", "de"),
    ],
)
def test_captives_and_remaining_hostages_are_held_in_gaza(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-11-20", language=language)
    assert [(c["metric"], c["place"]) for c in claims][:1] == [("hostages", "gaza")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The military says one of its soldiers was killed by gunfire in Rafah this afternoon.", [(1, "killed_soldiers")]),
        ("One of the children killed was a baby.", []),
        ("One of the dead was 19 years old.", []),
        ("The army says some 250,000 have already left the city since late August.", [(250000, "displaced")]),
    ],
)
def test_one_of_a_group_killed_is_a_count_and_those_who_have_left_are_displaced(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text)] == expected


def test_an_age_range_is_not_a_count() -> None:
    assert claims_of("The dead ranged in age from 25 to 79, the ministry said.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WHO has verified 490 attacks on health care since 7 October, and 15 more in the past week alone.", [("attacks_on_health", "total"), ("attacks_on_health", "period")]),
        ("The ministry said 300 people had been killed, and 20 more overnight.", [("killed", "total"), ("killed", "period")]),
    ],
)
def test_n_more_counts_what_the_count_before_it_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c["metric"], c["scope"]) for c in claims_of(text)] == expected


def test_a_press_line_with_an_international_number_holds_no_claim() -> None:
    assert claims_of("Press office: 47 Triq il-Merkanti, Valletta VLT 1175 | +356 2155 0193") == []


def test_a_total_named_before_an_aside_says_what_its_number_counts() -> None:
    text = "Their deaths raised the number of soldiers killed since October 7, 2023, on all fronts to 904."
    assert [(c["value"], c["metric"]) for c in claims_of(text, date="2025-09-09")] == [(904, "killed_soldiers")]


@pytest.mark.parametrize("camp", ["Nuseirat", "Maghazi", "Bureij", "Zawayda"])
def test_the_central_camps_are_in_deir_al_balah(camp: str) -> None:
    text = f"An Israeli strike on a house in {camp} killed 15 people, the ministry said."
    assert [c["place"] for c in claims_of(text)] == ["deir_al_balah"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "now" dates a count by the report but tells no day's events: the running total
        ("The health authority now records 52,300 Palestinians killed and 118,000 injured since October last year.", "en",
         [("killed", "total", None), ("injured", "total", None)]),
        ("Le ministère recense maintenant 52 300 Palestiniens tués et 118 000 blessés.", "fr", [("killed", "total", None), ("injured", "total", None)]),
        ("Das Ministerium zählt inzwischen 52.300 getötete Palästinenser und 118.000 Verletzte.", "de", [("killed", "total", None), ("injured", "total", None)]),
        # "today" does tell a day's events
        ("Today 14 people were killed across the Gaza Strip, the ministry said.", "en", [("killed", "period", ["2024-09-20", "2024-09-20"])]),
    ],
)
def test_the_present_moment_is_no_day_of_events(text: str, language: str, expected: list[tuple[str, str, Any]]) -> None:
    claims = claims_of(text, date="2024-09-20", language=language)
    assert [(c["metric"], c["scope"], c["period"]) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "since October", with no year, is the last October before the report: the war's start here
        ("Officials said 64 were killed in the past 24 hours, bringing the totals since October to 52,300 dead and 118,000 wounded.",
         [("killed", "period"), ("killed", "total"), ("injured", "total")]),
        ("Since October, 1.9 million people have been displaced.", [("displaced", "total")]),
        # a later month opens a span, as "since 6 May" does
        ("Since February, mobile teams have vaccinated 31,000 children.", [("other", "period")]),
    ],
)
def test_since_a_month_named_without_its_year(text: str, expected: list[tuple[str, str]]) -> None:
    claims = claims_of(text, date="2024-09-20", language="en")
    assert [(c["metric"], c["scope"]) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a verb that leaves people in a state: the state told after the count is what it counts
        ("An earlier strike had already left 41 dead in the same street.", "en", [(41, "killed")]),
        ("The night's shelling left 9 dead and 26 injured.", "en", [(9, "killed"), (26, "injured")]),
        ("O bombardeio deixou 41 mortos no bairro.", "pt", [(41, "killed")]),
        # people who left are still displaced
        ("Some 85,000 residents had already left before the orders.", "en", [(85000, "displaced")]),
        # a group named after its number, then "among them": a part of the count before
        ("At least 58 people were killed, 19 children among them.", "en", [(58, "killed"), (19, "killed_children")]),
        ("Au moins 58 personnes ont été tuées, 19 enfants parmi elles.", "fr", [(58, "killed"), (19, "killed_children")]),
    ],
)
def test_what_a_count_is_told_after_it(text: str, language: str, expected: list[tuple[int, str]]) -> None:
    claims = claims_of(text, date="2024-10-30", language=language)
    assert [(c["value"], c["metric"]) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # soldiers who fell in battle are killed; rockets that fell are not, nor a figure that fell to a level
        ("Since the spring, 64 soldiers fell on the southern front.", "en", [(64, "killed_soldiers")]),
        ("Some 30 rockets fell on open ground near Metula.", "en", [(30, "other")]),
        # a quantity measured in litres or tonnes is no count of people, whatever its destination
        ("Tankers brought 1.6 million litres of water to displacement camps in Deir al-Balah.", "en", [(1600000, "other")]),
        # people kept away from their homes are displaced; those who lived somewhere are its population
        ("Cerca de 45 mil moradores continuam longe das suas casas, diz o governo.", "pt", [(45000, "displaced")]),
        ("Unos 45.000 vecinos siguen lejos de sus casas, según el ayuntamiento.", "es", [(45000, "displaced")]),
        ("Vor dem Krieg lebten in der Stadt rund 120.000 Menschen, sagte der Bürgermeister am Montag.", "de", [(120000, "population")]),
        ("The 45,000 residents who left the frontier towns have not come back.", "en", [(45000, "displaced")]),
    ],
)
def test_what_people_and_things_are_counted_as(text: str, language: str, expected: list[tuple[int, str]]) -> None:
    claims = claims_of(text, date="2024-10-30", language=language)
    assert [(c["value"], c["metric"]) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the pluperfect after a strike told of is that strike's toll
        ("Before dawn on Monday an air strike hit a school used as a shelter in Nuseirat. Medics said 22 people had been killed.",
         "en", [("killed", "incident", None)]),
        ("Lundi à l'aube, une frappe aérienne a touché une école transformée en abri à Nousseirat. Selon les secouristes, 22 personnes avaient été tuées.",
         "fr", [("killed", "incident", None)]),
        # up to a day, not on it: "as of" a day, the pluperfect still tells a total
        ("The ministry said 39,400 people had been killed as of 27 July.", "en", [("killed", "total", None)]),
    ],
)
def test_the_pluperfect_tells_the_past_of_a_story(text: str, language: str, expected: list[tuple[str, str, Any]]) -> None:
    claims = claims_of(text, date="2024-07-30", language=language)
    assert [(c["metric"], c["scope"], c["period"]) for c in claims] == expected


def test_a_live_blog_entry_takes_the_place_its_stamp_line_names() -> None:
    text = (
        "Live: a day of strikes\n\nRiverside Wire | Live updates, Tuesday 3 September 2024\n\n"
        "3 Sep, 17:10 – West Bank\nMedics say 652 Palestinians have been killed in the territory since the war began.\n\n"
        "3 Sep, 15:00\nThe health ministry reports that 40,800 people have been killed in Gaza.\n\n"
        "3 Sep, 11:45 – Lebanon\nThe army said 19 fighters were killed overnight.\n"
    )
    claims = claims_of(text, date="2024-09-03", language="en")
    assert [(c["value"], c["place"]) for c in claims] == [(652, "west_bank"), (40800, "gaza"), (19, "lebanon")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (("Hezbollah fired 90 rockets at Haifa on Saturday, and the army struck Beirut.\n\n"
         "The Hamas-run health ministry says more than 42,000 people have been killed."), "en"),
        (("O Hezbollah disparou 90 foguetes contra Haifa no sábado, e o exército atacou Beirute.\n\n"
         "O Ministério da Saúde controlado pelo Hamas fala em mais de 42 mil mortos."), "pt"),
    ],
)
def test_a_ministry_run_by_hamas_counts_the_dead_of_gaza(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-10-21", language=language)
    assert [(c["value"], c["place"]) for c in claims][-1] == (42000, "gaza")


def test_a_month_counted_alone_in_french_is_a_span() -> None:
    claims = claims_of("Selon l'ONU, 180 attaques de colons ont été recensées au cours du seul mois d'août.", date="2025-09-10", language="fr")
    assert [(c["scope"], c["period"], c["as_of"]) for c in claims] == [("period", ["2025-08-01", "2025-08-31"], "2025-08")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a toll followed by the clause that tells what struck is that one event's, dated by its day
        ("Eleven people were killed when Israeli missiles hit a school in Nuseirat on Tuesday evening, rescuers said.",
         "en", [("killed", "incident", "2024-09-10")]),
        ("Four paramedics were killed when their ambulance was hit by an Israeli air strike late on Monday.",
         "en", [("killed_medical", "incident", "2024-09-09")]),
        ("Onze personnes ont été tuées lorsqu'une frappe a touché une école de Nousseirat mardi soir.",
         "fr", [("killed", "incident", "2024-09-10")]),
        # a campaign's day is no incident
        ("Israeli strikes across Gaza killed 40 people on Tuesday, the ministry said.", "en", [("killed", "period", "2024-09-10")]),
    ],
)
def test_a_toll_followed_by_what_struck_is_an_incident(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    claims = claims_of(text, date="2024-09-12", language=language)
    assert [(c["metric"], c["scope"], c["as_of"]) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a resumption or a truce starts a later span, even of an offensive
        ("Since the army resumed its offensive on 18 March, more than 2,100 people have been killed.", ("period", ["2025-03-18", "2025-04-20"])),
        ("Since the fighting resumed, 2,100 people have been killed.", ("period", None)),
        # the start of what is counted makes a running total
        ("Since the ground offensive began on 27 October 2023, 9,000 people have been killed.", ("total", None)),
    ],
)
def test_a_resumption_starts_a_later_span(text: str, expected: tuple[str, Any]) -> None:
    claims = claims_of(text, date="2025-04-20", language="en")
    assert [(c["scope"], c["period"]) for c in claims] == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 52 Palestinian journalists remain detained in Israeli prisons.", "en"),
        ("Al menos 52 periodistas palestinos siguen detenidos en cárceles israelíes.", "es"),
    ],
)
def test_people_still_detained_are_a_standing_count_whatever_their_group(text: str, language: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2025-05-03", language=language)] == ["static"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one weapon as the subject of the toll's verb is one event
        ("A rocket that struck a clinic in Ashkelon on 20 June wounded about 35 people.", [("injured", "incident", "2025-06-20")]),
        # a shooting told in the clause after the toll
        ("Four people were killed on Monday morning when a gunman opened fire at a bus stop in Jerusalem.", [("killed", "incident", "2025-09-08")]),
    ],
)
def test_one_weapon_or_one_shooting_is_one_incident(text: str, expected: list[tuple[str, str, str]]) -> None:
    claims = claims_of(text, date="2025-09-10", language="en")
    assert [(c["metric"], c["scope"], c["as_of"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the bound's words are the verb: "has passed" is a perfect, the running total
        "The number of people killed in Gaza since the war began has passed 41,000, the ministry said on Thursday.",
        # "put the total at" names the running total after a day's figures
        "The ministry reported 52 deaths over the previous 24 hours and put the total at 41,200 killed.",
        # "as of today" is the present moment
        "As of today, the ministry lists 41,200 dead.",
    ],
)
def test_a_running_total_told_with_a_day_is_no_day_s_count(text: str) -> None:
    claims = claims_of(text, date="2024-08-16", language="en")
    assert [(c["value"], c["scope"]) for c in claims][-1] == (41000 if "41,000" in text else 41200, "total")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # a list of the things counted before the verb that did them: what was done adds up
        ("Since October, more than 9,000 rockets, missiles and drones have been launched at Israel.", "total"),
        ("Over 4,000 patients and companions have left Gaza for treatment abroad.", "total"),
        # a comma and a new clause are no list: what stands, stands
        ("The hospital has 210 beds, but it was treating 500 patients on Monday.", "static"),
    ],
)
def test_a_list_of_things_done_adds_up(text: str, scope: str) -> None:
    assert claims_of(text, date="2024-08-16", language="en")[0]["scope"] == scope


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Strikes on Gaza go on.\n\nThe annual audit counted 4,120 antisemitic incidents across Canada last year.", "en"),
        ("Strikes on Gaza go on.\n\nHere at home, police arrested 310 people at a single march.", "en"),
        ("Les frappes sur Gaza continuent.\n\nLe ministère de l'Intérieur a recensé 950 actes antisémites en France depuis le 7 octobre.", "fr"),
    ],
)
def test_what_is_counted_abroad_has_no_place_of_the_war(text: str, language: str) -> None:
    assert [c["place"] for c in claims_of(text, date="2024-08-16", language=language)] == [None]


def test_killed_at_home_is_still_where_the_war_is() -> None:
    text = "Strikes on Gaza go on.\n\nWe have lost eleven colleagues since October, most of them killed at home with their families."
    assert [c["place"] for c in claims_of(text, date="2024-08-16", language="en")] == ["gaza"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Strikes on Gaza go on.\n\nIn the north of the enclave, some 350,000 people are cut off from aid.", "en"),
        ("Les frappes sur Gaza continuent.\n\nDans le nord de l'enclave, quelque 350 000 personnes sont coupées de l'aide.", "fr"),
        ("Siguen los bombardeos en Gaza.\n\nEn el norte del enclave, unas 350.000 personas están aisladas de la ayuda.", "es"),
    ],
)
def test_the_north_of_the_enclave_is_north_gaza(text: str, language: str) -> None:
    assert [c["place"] for c in claims_of(text, date="2024-10-16", language=language)] == ["north_gaza"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We learned of a bombing of the Maghazi camp last night. As a result, 41 people have died.", "en"),
        ("Nos enteramos de un bombardeo en el campamento de Maghazi anoche. Como consecuencia han muerto 41 personas.", "es"),
    ],
)
def test_the_consequence_of_a_strike_told_before_is_its_toll(text: str, language: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2024-01-01", language=language)] == ["incident"]


def test_the_wounded_told_with_an_incident_s_dead_are_that_incident_s() -> None:
    # the embassy bombing in Nairobi, 7 August 1998: 213 killed, about 4,000 injured
    text = "Last month Kenya marked twenty-five years since the bombing of the US embassy in Nairobi, in which 213 people were killed and some 4,000 injured."
    claims = claims_of(text, date="2023-09-30", language="en")
    assert [(c["metric"], c["scope"]) for c in claims] == [("killed", "incident"), ("injured", "incident")]


@pytest.mark.parametrize(
    "text",
    [
        "UNICEF says 4,100 children were admitted for treatment of acute malnutrition in May.",
        "In June, 39,000 pupils were unable to sit their final exams.",
    ],
)
def test_what_was_counted_in_a_month_told_in_the_past_is_that_month_s(text: str) -> None:
    claims = claims_of(text, date="2025-07-15", language="en")
    assert [c["scope"] for c in claims] == ["period"]
    assert claims[0]["period"][0][:7] == claims[0]["as_of"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les combats continuent.\n\nSelon l'ONU, plus de 640 000 personnes, soit près d'un tiers de la population, font face à la faim.", "fr"),
        ("Siguen los combates.\n\nSegún la ONU, más de 640.000 personas, casi un tercio de la población, sufren hambre.", "es"),
    ],
)
def test_the_verb_after_an_aside_says_what_the_count_counts(text: str, language: str) -> None:
    assert claims_of(text, date="2025-08-22", language=language)[0]["metric"] == "food_insecure"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fighting goes on.\n\nSome 650,000 displaced people have returned to the north, the UN says.", "en"),
        ("Siguen los combates.\n\nUnos 650.000 desplazados han regresado ya a sus casas, según la ONU.", "es"),
    ],
)
def test_the_displaced_who_went_home_are_no_longer_displaced(text: str, language: str) -> None:
    assert [c["metric"] for c in claims_of(text, date="2025-03-22", language=language)] == ["other"]


def test_a_short_french_line_with_a_is_read_in_french() -> None:
    # "à" is French as much as Portuguese: the line's day is a date, not a count
    text = "Nous appelons à la paix.\n\nManifestation dimanche 19 octobre à 14 h, place Bellecour, à Lyon."
    assert claims_of(text, date="2025-10-07", language="fr") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The deal brokered by Egypt provides for the release of 40 hostages over five days.", "en"),
        ("El acuerdo, mediado por Egipto, prevé la liberación de 40 rehenes en cinco días.", "es"),
        ("O acordo prevê a libertação de 40 reféns em cinco dias.", "pt"),
    ],
)
def test_the_terms_of_a_deal_are_no_claim(text: str, language: str) -> None:
    assert [c["value"] for c in claims_of(text, date="2023-11-26", language=language) if c["value"] == 40] == []


def test_seeing_is_no_deal_term_in_german() -> None:
    text = "Die Kämpfe gehen weiter.\n\nDie UNO sieht inzwischen 200.000 Menschen im Norden in akuter Gefahr."
    assert [c["value"] for c in claims_of(text, date="2024-10-20", language="de")] == [200000]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In August some 80 trucks a day reached Gaza; before the war there had been about 600 a day.", "en"),
        ("Im August erreichten täglich etwa 80 Lastwagen Gaza, vor dem Krieg waren es rund 600 pro Tag.", "de"),
    ],
)
def test_a_rate_set_against_a_rate_before_it_counts_the_same_things(text: str, language: str) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text, date="2025-09-10", language=language)] == [
        (80, "aid_trucks"), (600, "aid_trucks"),
    ]


def test_aid_trucks_through_a_crossing_in_israel_are_counted_into_gaza() -> None:
    text = "Fighting goes on.\n\nOn Monday 95 aid trucks passed through Kerem Shalom and Zikim, the UN said."
    assert [(c["metric"], c["place"]) for c in claims_of(text, date="2025-09-10", language="en")] == [("aid_trucks", "gaza")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("At least 420 aid workers have been killed in Gaza since the war began. Among them were 290 UN staff.",
         "en", ["killed_aid", "killed_aid"]),
        ("At least 420 aid workers have been killed in Gaza since the war began. Added to them are some 1,300 doctors and nurses.",
         "en", ["killed_aid", "killed_medical"]),
        ("Mindestens 420 humanitäre Helfende sind in Gaza ums Leben gekommen. Hinzu kommen rund 1.300 Ärztinnen und Pfleger.",
         "de", ["killed_aid", "killed_medical"]),
        ("Au moins 420 humanitaires ont été tués à Gaza. S'y ajoutent quelque 1 300 médecins et infirmiers.",
         "fr", ["killed_aid", "killed_medical"]),
        # a sentence that only names a group, without pointing back, is no part of the count before
        ("At least 420 aid workers have been killed in Gaza since the war began. The agency employs 13,000 staff.",
         "en", ["killed_aid", "other"]),
    ],
)
def test_a_sentence_pointing_back_at_a_count_counts_what_it_counted(text: str, language: str, expected: list[str]) -> None:
    assert [c["metric"] for c in claims_of(text, date="2025-08-19", language=language)] == expected


def test_german_gender_neutral_groups_of_aid_and_health_workers() -> None:
    text = ("Seit Beginn des Krieges sind 320 humanitäre Helfende getötet worden. Im Libanon wurden 150 Beschäftigte "
            "des Gesundheitswesens getötet. 900 Menschen wurden getötet, als sie versuchten, an Lebensmittel zu gelangen.")
    assert [c["metric"] for c in claims_of(text, date="2025-08-19", language="de")] == [
        "killed_aid", "killed_medical", "killed_aid_seekers",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Today marks 400 days since gunmen stormed the festival. That morning they killed some 350 people and abducted 44.", "en"),
        ("Hoy se cumplen 400 días desde que los milicianos asaltaron el festival. Aquella mañana mataron a unas 350 personas y secuestraron a 44.", "es"),
    ],
)
def test_that_morning_refers_back_to_an_event_counted_back_from_the_report(text: str, language: str) -> None:
    claims = claims_of(text, date="2024-11-10", language=language)
    assert [(c["value"], c["metric"], c["as_of"]) for c in claims] == [(350, "killed", "2023-10-07"), (44, "hostages", "2023-10-07")]


def test_a_time_since_an_event_names_no_day_for_the_paragraph_s_simple_past() -> None:
    # the order came 17 days before the report; the wounded of the next sentence are the war's so far
    text = "The bombing goes on a mere 17 days since the court's order. Over 60,000 Palestinians were wounded."
    assert [c["as_of"] for c in claims_of(text, date="2024-02-13", language="en")] == ["2024-02-13"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Exigimos:\n1. la liberación inmediata e incondicional de los 64 rehenes;\n2. el fin de los combates.", "es"),
        ("Nous exigeons :\n1. la libération immédiate et inconditionnelle des 64 otages ;\n2. la fin des combats.", "fr"),
        ("Exigimos:\n1. a libertação imediata e incondicional dos 64 reféns;\n2. o fim dos combates.", "pt"),
    ],
)
def test_an_immediate_release_asked_for_counts_those_still_held(text: str, language: str) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text, date="2025-05-29", language=language)] == [(64, "hostages")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Raids go on.\n\nBefore the raid, Nur Shams camp had some 9,000 residents.", "en"),
        ("Les raids continuent.\n\nAvant le raid, le camp de Nour Chams comptait quelque 9 000 habitants.", "fr"),
        ("Raids go on.\n\nThe 9,000 residents of the village fled within a day.", "en"),
    ],
)
def test_the_people_of_a_camp_or_village_are_no_territory_s_population(text: str, language: str) -> None:
    claims = claims_of(text, date="2025-02-27", language=language)
    assert [c["metric"] for c in claims if c["value"] == 9000] == ["other" if "fled" not in text else "displaced"]
    assert all(c["scope"] == "static" for c in claims if c["metric"] == "other")


def test_a_town_s_people_are_its_population() -> None:
    claims = claims_of("Raids go on.\n\nSome 27,000 people live in the town of Qalqilya.", date="2025-02-27", language="en")
    assert [(c["metric"], c["scope"]) for c in claims] == [("population", "static")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a restatement with a decimal point in it is still an aside the verb comes after
        ("Fighting goes on.\n\nAbout 80 per cent of the population, or some 1.7 million people, have been displaced.",
         "en", [(80, "displaced"), (1700000, "displaced")]),
        # and so is a longer one, out of a whole
        ("Fighting goes on.\n\nNearly 1.7 million people, out of a population of about 2.2 million, remain displaced.",
         "en", [(1700000, "displaced"), (2200000, "population")]),
        ("Les combats continuent.\n\nPrès de 1,7 million de personnes, sur une population d'environ 2,2 millions, restent déplacées.",
         "fr", [(1700000, "displaced"), (2200000, "population")]),
    ],
)
def test_the_verb_after_a_restating_aside_says_what_the_count_counts(text: str, language: str, expected: list[tuple[int, str]]) -> None:
    assert [(c["value"], c["metric"]) for c in claims_of(text, date="2025-01-15", language=language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("Les raids continuent.\n\nQuelque 9 000 habitants ont dû quitter le camp depuis janvier.", "fr", "displaced"),
        ("Os combates continuam.\n\nAs equipas de resgate retiraram 70 corpos dos escombros na última semana.", "pt", "other"),
        ("Fighting goes on.\n\nSince the strikes began, 90,000 people have fled across the border into Jordan.", "en", "other"),
        ("Fighting goes on.\n\nOfficials say 60 hostages are still held, and that at least 25 of them are dead.", "en", "other"),
    ],
)
def test_leaving_home_recovered_bodies_refugees_abroad_and_the_held_by_whether_they_live(text: str, language: str, metric: str) -> None:
    claims = claims_of(text, date="2025-02-27", language=language)
    assert [c["metric"] for c in claims if c["value"] in (9000, 70, 90000, 25)] == [metric]


def test_a_span_after_desde_que_a_starts_on_the_day_in_its_aside() -> None:
    text = "Os combates continuam.\n\nDesde que a trégua entrou em vigor, a 19 de janeiro, morreram 60 pessoas."
    [claim] = claims_of(text, date="2025-01-28", language="pt")
    assert (claim["scope"], claim["as_of"]) == ("period", "2025-01-28")


def test_a_report_s_period_dates_its_figures_and_its_dateline_its_weekdays() -> None:
    text = (
        "Field update no. 5\nReporting period: 3 to 30 March 2025\nAmman, 2 April 2025\n\n"
        "During the reporting period, at least 45 people were killed in the camps, including 9 children. "
        "Some 12,000 people have had to leave their homes. OCHA said on Monday that 900 had been killed since January."
    )
    claims = claims_of(text, date=None, language="en")
    assert [(c["value"], c["metric"], c["scope"], c["period"], c["as_of"]) for c in claims] == [
        (45, "killed", "period", ["2025-03-03", "2025-03-30"], "2025-03-30"),
        (9, "killed_children", "period", ["2025-03-03", "2025-03-30"], "2025-03-30"),
        (12000, "displaced", "total", None, "2025-03-30"),
        (900, "killed", "period", None, "2025-03-31"),  # "on Monday" before the release of 2 April
    ]


@pytest.mark.parametrize(
    ("text", "language", "scope"),
    [
        ("Aid goes on.\n\nThe government announced a new package of €8 million for emergency aid in Gaza.", "en", "incident"),
        ("L'aide continue.\n\nLe gouvernement a approuvé une nouvelle enveloppe de 8 millions d'euros en faveur de la population de Gaza.", "fr", "incident"),
        ("La ayuda continúa.\n\nEl Gobierno destina 8 millones de euros adicionales a la población de Gaza.", "es", "incident"),
        # what was given so far stands as a running total
        ("Aid goes on.\n\nThe country has given €80 million to UNRWA since the war began.", "en", "total"),
    ],
)
def test_a_new_grant_is_one_event_not_a_sum_that_stands(text: str, language: str, scope: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2025-10-23", language=language)] == [scope]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The war goes on.\n\nLate on Friday an explosive drone hit a border post near Metula. Three soldiers were killed.", "en"),
        ("The war goes on.\n\nAt dawn aircraft dropped heavy bombs on a market in the town. At least 40 people were killed there.", "en"),
        ("A guerra continua.\n\nOntem, uma escola foi atingida por fogo de artilharia. Cinco pessoas morreram.", "pt"),
    ],
)
def test_a_toll_after_a_weapon_that_struck_is_that_strike_s(text: str, language: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2025-03-10", language=language)] == ["incident"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("War goes on.\n\nSince Monday, 1,305 aid trucks have entered Gaza.", "en"),
        ("Der Krieg geht weiter.\n\nSeit Montag haben 1.305 Lastwagen mit Hilfsgütern den Gazastreifen erreicht.", "de"),
    ],
)
def test_a_count_since_a_weekday_spans_from_that_day_to_the_report(text: str, language: str) -> None:
    [claim] = claims_of(text, date="2024-10-16", language=language)
    assert (claim["scope"], claim["period"], claim["as_of"]) == ("period", ["2024-10-14", "2024-10-16"], "2024-10-16")


def test_a_count_in_the_past_weeks_is_of_that_span_but_not_an_aside_s() -> None:
    text = ("War goes on.\n\nIn the past two weeks, 420 aid trucks entered Gaza. At least 3,100 people have been killed "
            "since October 2023, most of them in the past two months.")
    claims = claims_of(text, date="2024-10-16", language="en")
    assert [(c["value"], c["scope"], c["period"]) for c in claims if c["value"] in (420, 3100)] == [
        (420, "period", ["2024-10-02", "2024-10-16"]), (3100, "total", None),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("War goes on.\n\nAbout 80 per cent of the schools in the north are damaged or destroyed, the UN says.", "en"),
        ("Der Krieg geht weiter.\n\nRund 80 Prozent der Schulen im Norden sind beschädigt oder zerstört.", "de"),
    ],
)
def test_a_share_damaged_or_destroyed_is_the_state_of_a_stock(text: str, language: str) -> None:
    assert [(c["metric"], c["scope"]) for c in claims_of(text, date="2025-03-10", language=language)] == [("other", "static")]


def test_the_whole_a_part_is_counted_from_is_a_stock() -> None:
    text = "War goes on.\n\nSome 30 of the 90 bakeries have been hit."
    assert [(c["value"], c["scope"]) for c in claims_of(text, date="2025-03-10", language="en")] == [(30, "total"), (90, "static")]


def test_aid_trucks_waiting_stand_now() -> None:
    text = "War goes on.\n\nMore than 2,000 aid trucks are waiting in Egypt for permission to enter Gaza."
    assert [(c["metric"], c["scope"]) for c in claims_of(text, date="2025-03-10", language="en")] == [("aid_trucks", "static")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La guerra sigue.\n\nEl jueves, cinco jóvenes murieron en un ataque con dron contra el campo de Yenín.", "es"),
        ("Der Krieg geht weiter.\n\nAm Donnerstag starben fünf junge Männer bei einem Drohnenangriff auf das Lager Dschenin.", "de"),
    ],
)
def test_a_toll_in_one_attack_is_that_incident_s_in_every_language(text: str, language: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2024-12-31", language=language)] == ["incident"]


def test_the_attackers_of_the_clause_that_tells_what_struck_are_not_its_dead() -> None:
    text = "War goes on.\n\nOn Monday morning five people were killed when three gunmen opened fire at a bus stop."
    assert [(c["value"], c["metric"]) for c in claims_of(text, date="2024-11-10", language="en")] == [(5, "killed"), (3, "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole taken is counted where and when it was taken; the part still held stands now
        ("War goes on.\n\nOf the 240 people abducted that day, 70 are still held in Gaza.",
         [(240, "total", "israel"), (70, "static", "gaza")]),
        # "held" after an aside with a number of its own is still the count's
        ("War goes on.\n\nThe phase ended with 60 hostages, 22 of them believed alive, still held in the Strip.",
         [(60, "static", "gaza"), (22, "static", "gaza")]),
        # a part after a colon is a part too
        ("War goes on.\n\nSome 110 people are still held in Gaza: 105 of them abducted on 7 October and five held since 2014.",
         [(110, "static", "gaza"), (105, "static", "gaza")]),
        # the dead of the first day, and the hostages dragged into Gaza, were counted in Israel
        ("War goes on.\n\nOn 7 October 2023, gunmen murdered about 1,200 people and dragged 250 hostages into Gaza.",
         [(1200, "total", "israel"), (250, "total", "israel")]),
    ],
)
def test_hostages_taken_and_hostages_held(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(c["value"], c["scope"], c["place"]) for c in claims_of(text, date="2025-03-03", language="en")] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Aid goes on in Gaza.\n\nNorway has given UNRWA €35 million since the war began.", "en"),
        ("Die Hilfe für Gaza geht weiter.\n\nDie Schweiz hat seit Oktober 2023 rund 70 Millionen Franken für die Region bereitgestellt.", "de"),
    ],
)
def test_money_for_an_agency_or_a_region_of_several_places_has_no_one_place(text: str, language: str) -> None:
    assert [c["place"] for c in claims_of(text, date="2025-03-10", language=language)] == [None]


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("War goes on.\n\nMore than 9,000 Palestinians are currently held in Israeli prisons, the Society says.", "en", "opt"),
        ("La guerre continue.\n\nPlus de 9 000 Palestiniens se trouvaient dans les prisons israéliennes en septembre.", "fr", "opt"),
        # a place of their own is theirs
        ("War goes on.\n\nSome 3,000 Palestinians have been arrested in the West Bank and taken to Israeli prisons.", "en", "west_bank"),
    ],
)
def test_palestinians_held_in_israeli_prisons_are_counted_for_both_territories(text: str, language: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text, date="2025-03-03", language=language)] == [place]


@pytest.mark.parametrize("town", ["Jaffa", "Ramat Gan", "Tamra", "Lod"])
def test_towns_of_israel_are_israel(town: str) -> None:
    text = f"War goes on in Gaza.\n\nOn Sunday a rocket hit a house in {town}, killing three people."
    assert [c["place"] for c in claims_of(text, date="2024-10-02", language="en")] == ["israel"]


def test_hostages_freed_are_counted_where_they_were_held() -> None:
    text = "The truce holds.\n\nSince the pause began on Friday, 40 Israeli hostages have come home."
    assert [(c["metric"], c["place"]) for c in claims_of(text, date="2023-11-28", language="en")] == [("hostages_released", "gaza")]


def test_a_span_after_the_verb_past_an_aside_is_the_count_s() -> None:
    text = "Raids go on.\n\nSome 65 people, most of them young men, have been killed in the camps since 3 March, the UN says."
    claims = claims_of(text, date="2025-04-10", language="en")
    assert [(c["value"], c["scope"], c["period"]) for c in claims] == [(65, "period", ["2025-03-03", "2025-04-10"])]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La guerra sigue.\n\nDesde el inicio de la tregua, al menos 55 personas han muerto por disparos.", "es"),
        ("War goes on.\n\nSince the start of the ceasefire, at least 55 people have been killed by gunfire.", "en"),
    ],
)
def test_since_the_start_of_a_truce_is_a_later_span_not_the_war_s_total(text: str, language: str) -> None:
    assert [c["scope"] for c in claims_of(text, date="2025-10-20", language=language)] == ["period"]


def test_the_held_told_by_whether_they_live_stand_now() -> None:
    text = "War goes on.\n\nSome 90 hostages are still held in Gaza, and officials fear that 30 or more of them have died."
    assert [(c["value"], c["metric"], c["scope"]) for c in claims_of(text, date="2024-07-29", language="en")] == [
        (90, "hostages", "static"), (30, "other", "static"),
    ]


def test_a_paragraph_that_only_mentions_the_reporting_period_does_not_set_a_new_one() -> None:
    # the paragraph names the period and two days, but they are a day and a war's start, not a span
    text = (
        "Période couverte : du 2 au 15 mars 2025\nLyon, le 18 mars 2025\n\n"
        "Pendant la période couverte, les autorités ont compté 210 morts de plus. Au 15 mars, elles "
        "comptaient 5 400 morts depuis le 8 octobre 2023. Près de 700 000 personnes restent déplacées."
    )
    claims = claims_of(text, date=None, language="fr")
    assert [(c["value"], c["as_of"]) for c in claims] == [(210, "2025-03-15"), (5400, "2025-03-15"), (700000, "2025-03-15")]


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        ("Soldiers entered the camp on 3 March 2024 before dawn. That Sunday, 12 people were killed there.", "en", "2024-03-03"),
        ("Los soldados entraron en el campo el 3 de marzo de 2024. Aquel domingo murieron 12 personas.", "es", "2024-03-03"),
        ("Les soldats sont entrés dans le camp le 3 mars 2024. Ce dimanche-là, 12 personnes ont été tuées.", "fr", "2024-03-03"),
        ("Die Soldaten drangen am 3. März 2024 in das Lager ein. An jenem Sonntag wurden 12 Menschen getötet.", "de", "2024-03-03"),
        ("Os soldados entraram no campo a 3 de março de 2024. Naquele domingo, morreram 12 pessoas.", "pt", "2024-03-03"),
        # 4 March 2024 was a Monday: "that Sunday" is not that day, nor the last Sunday before the
        # report (17 March); the weekday names no day of its own and the story's day stands
        ("Soldiers entered the camp on 4 March 2024. That Sunday, 12 people were killed there.", "en", "2024-03-04"),
        # the Sabbath is Saturday: 2 March 2024
        ("Gunmen attacked the kibbutz on 2 March 2024. On that Sabbath, 12 people were killed there.", "en", "2024-03-02"),
        ("Am 2. März 2024 griffen Bewaffnete den Kibbuz an. An jenem Schabbat wurden 12 Menschen getötet.", "de", "2024-03-02"),
        # no day told: "that Sunday" is not the last Sunday before the report either
        ("Soldiers entered the camp before dawn. That Sunday, 12 people were killed there.", "en", "2024-03-20"),
    ],
)
def test_that_weekday_is_the_day_the_story_told_of(text: str, language: str, as_of: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-03-20", language=language)
    assert claim["as_of"] == as_of


@pytest.mark.parametrize(
    ("text", "language", "scope", "period"),
    [
        ("Air strikes killed 2,400 people in the south in 2023.", "en", "period", ["2023-01-01", "2023-12-31"]),
        ("In 2023, the authorities demolished 640 homes in the area.", "en", "period", ["2023-01-01", "2023-12-31"]),
        ("En 2023, les autorités ont démoli 640 logements dans la zone.", "fr", "period", ["2023-01-01", "2023-12-31"]),
        # what stood in that year, and people freed in one exchange, keep their scope
        ("In 2023, the district had 14 schools.", "en", "static", None),
        ("In 2011, 1,027 prisoners were released in a single exchange.", "en", "incident", None),
    ],
)
def test_a_count_in_a_past_year_covers_that_year(text: str, language: str, scope: str, period: list[str] | None) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-02-10", language=language)
    assert (claim["scope"], claim["period"], claim["as_of"]) == (scope, period, text[text.index("20") : text.index("20") + 4])


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Nach Angaben der Armee befinden sich damit noch 74 Geiseln im Gazastreifen.", "de", "gaza"),
        ("Die verbleibenden 74 Geiseln müssen freikommen.", "de", "gaza"),
        ("Há 200 dias que 74 reféns estão em poder do Hamas.", "pt", "gaza"),
        ("Quedan 74 rehenes en poder del grupo.", "es", "gaza"),
    ],
)
def test_hostages_with_a_held_word_right_before_or_a_contracted_holder_stand(text: str, language: str, place: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-04-20", language=language)
    assert (claim["metric"], claim["scope"], claim["place"]) == ("hostages", "static", place)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A drone hit a motorbike outside Nabatieh, killing two men.", "en"),
        ("Une frappe a touché un immeuble de Tyr, tuant deux hommes.", "fr"),
        ("Ein Angriff auf ein Haus in der Bekaa-Ebene tötete zwei Männer.", "de"),
    ],
)
def test_one_drone_or_strike_on_a_lebanese_town_is_one_incident_in_lebanon(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-03-05", language=language)
    assert (claim["scope"], claim["place"]) == ("incident", "lebanon")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Settlers set fire to four homes in Turmus Ayya, and 12 residents were hurt.", "en"),
        ("Des colons ont incendié quatre maisons à Sinjil ; 12 habitants ont été blessés.", "fr"),
    ],
)
def test_west_bank_villages_place_their_counts_in_the_west_bank(text: str, language: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2025-03-05", language=language)
    assert [c["place"] for c in claims if c["value"] == 12] == ["west_bank"]


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Shelling near Kamal Adwan hospital killed 14 people on Tuesday.", "en", "north_gaza"),
        ("Des tirs près de l'hôpital Nasser ont tué 14 personnes mardi.", "fr", "khan_younis"),
        ("Un bombardeo junto al hospital Al Shifa mató a 14 personas el martes.", "es", "gaza_city"),
    ],
)
def test_a_count_at_one_of_gaza_s_main_hospitals_is_in_its_city(text: str, language: str, place: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-04-04", language=language)
    assert claim["place"] == place


def test_a_place_told_with_a_later_count_is_not_the_place_of_the_7_october_toll() -> None:
    text = (
        "Statement.\n\nWe condemn the attacks of 7 October, in which some 1,200 people were killed, and call for "
        "the release of all the hostages, 130 of whom remain in Gaza."
    )
    claims = claims_of(text, date="2024-02-10", language="en")
    assert [(c["value"], c["metric"], c["place"]) for c in claims] == [(1200, "killed", "israel"), (130, "hostages", "gaza")]


def test_hostages_named_before_the_number_of_a_release_asked_for_are_hostages() -> None:
    text = "Statement.\n\nWe call for the release of all the hostages, 130 of whom remain in Gaza."
    [claim] = claims_of(text, date="2024-02-10", language="en")
    assert (claim["metric"], claim["scope"]) == ("hostages", "static")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gaza is starving.\n\nThe militia has attacked more than 70 cargo ships in the Red Sea since the war began.", "en"),
        ("Gaza a faim.\n\nLa milice a attaqué plus de 70 cargos en mer Rouge depuis le début de la guerre.", "fr"),
    ],
)
def test_what_happens_at_sea_has_no_place_of_the_war(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-03-05", language=language)
    assert claim["place"] is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The agency's 2024 appeal for the State of Palestine is 41 per cent funded.", "en"),
        ("L'appel de l'agence pour l'État de Palestine n'est financé qu'à 41 %.", "fr"),
    ],
)
def test_the_state_of_palestine_is_gaza_and_the_west_bank_together(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-09-05", language=language)
    assert claim["place"] == "opt"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Trois villageois ont été tués.", "fr"),
        ("Drei Dorfbewohner wurden getötet.", "de"),
        ("Três aldeões foram mortos.", "pt"),
    ],
)
def test_villagers_counted_in_words_are_people(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-03-05", language=language)
    assert (claim["value"], claim["metric"]) == (3, "killed")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A drone hit a school in the camp on Monday, killing five people.\n\nThe ministry said seven other people were wounded.", "en"),
        ("Un dron alcanzó una escuela del campo el lunes y mató a cinco personas.\n\nEl ministerio dijo que otras 28 resultaron heridas.", "es"),
    ],
)
def test_other_victims_after_an_incident_s_toll_are_of_that_incident(text: str, language: str) -> None:
    first, other = claims_of("Statement.\n\n" + text, date="2025-06-11", language=language)
    assert (first["scope"], first["as_of"]) == ("incident", "2025-06-09")
    assert (other["metric"], other["scope"], other["as_of"]) == ("injured", "incident", "2025-06-09")


def test_a_sentence_s_opening_frame_places_a_count_far_from_it() -> None:
    text = (
        "Statement.\n\nGaza is starving.\n\nIn the West Bank, the harvest is again under threat: the monitoring group's "
        "latest report lists 1,320 settler attacks on farmers and their land since the start of the season last year, and 611 Palestinians killed."
    )
    claims = claims_of(text, date="2024-10-16", language="en")
    assert [(c["value"], c["place"]) for c in claims] == [(1320, "west_bank"), (611, "west_bank")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O ataque de 7 de outubro de 2023 matou 1.200 pessoas em Israel, e exigimos a libertação dos 48 reféns que continuam em Gaza.", "pt"),
        ("El ataque del 7 de octubre de 2023 mató a 1.200 personas en Israel, y exigimos la liberación de los 48 rehenes que siguen en Gaza.", "es"),
    ],
)
def test_a_clause_after_a_comma_and_and_has_a_date_of_its_own(text: str, language: str) -> None:
    killed, held = claims_of("Statement.\n\n" + text, date="2025-08-22", language=language)
    assert (killed["as_of"], held["metric"], held["scope"], held["as_of"]) == ("2023-10-07", "hostages", "static", "2025-08-22")


@pytest.mark.parametrize(
    ("text", "language", "bound"),
    [
        ("The agency estimates that 1.3 million people have fled.", "en", "about"),
        ("L'agence estime que 1,3 million de personnes ont fui.", "fr", "about"),
        ("A agência estima que 1,3 milhão de pessoas fugiram.", "pt", "about"),
        # a bound word of the number's own decides
        ("The agency estimates that more than 1.3 million people have fled.", "en", "over"),
    ],
)
def test_a_number_an_estimate_verb_introduces_is_about(text: str, language: str, bound: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-03-01", language=language)
    assert claim["bound"] == bound


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 60 per cent of the sheep and goats have died.", "en"),
        ("About 9,000 cattle were killed in the strikes.", "en"),
        ("Environ 60 % des moutons et chèvres sont morts.", "fr"),
        ("Rund 9.000 Rinder wurden getötet.", "de"),
    ],
)
def test_animals_killed_are_no_count_of_people(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-10-16", language=language)
    assert claim["metric"] == "other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The attack killed 1,200 people, among them nine Canadians.", "en"),
        ("L'attaque a tué 1 200 personnes, dont neuf Canadiens.", "fr"),
        ("Unter den Toten waren neun Kanadier.", "de"),
    ],
)
def test_nationals_of_a_country_outside_the_war_are_a_sub_group_of_their_own(text: str, language: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2023-10-20", language=language)
    assert [c["metric"] for c in claims if c["value"] == 9] == ["other"]


def test_nationals_living_abroad_are_a_standing_community() -> None:
    [claim] = claims_of("Declaração.\n\nOs cerca de 12 mil brasileiros que vivem em Israel merecem atenção.", date="2024-05-26", language="pt")
    assert (claim["metric"], claim["scope"]) == ("other", "static")


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("In return, the authorities set free more than 600 Palestinians.", "en", "prisoners_released"),
        ("Two Israeli women were handed over to the Red Cross on Saturday.", "en", "hostages_released"),
        ("Las autoridades liberaron a más de 600 palestinos.", "es", "prisoners_released"),
        ("During the first phase, 17 living hostages came home.", "en", "hostages_released"),
    ],
)
def test_who_was_freed_says_which_release(text: str, language: str, metric: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-02-10", language=language)
    assert claim["metric"] == metric


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("When the order came, some 90,000 people were living in the zone.", "en"),
        ("Quelque 2 000 personnes vivent dans le secteur.", "fr"),
    ],
)
def test_people_living_in_part_of_a_place_are_no_population(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\nGaza is starving.\n\n" + text, date="2024-07-05", language=language)
    assert (claim["metric"], claim["scope"]) == ("other", "static")


def test_a_relative_clause_right_after_a_bare_number_is_what_it_counts() -> None:
    text = "Statement.\n\nThe ministry counted 51,000 killed, and 212 who died of malnutrition, 80 of them children."
    claims = claims_of(text, date="2025-08-25", language="en")
    assert [(c["value"], c["metric"]) for c in claims] == [(51000, "killed"), (212, "killed_starvation"), (80, "other")]


def test_hostages_who_died_in_captivity_are_no_toll_of_the_killed() -> None:
    text = "Statement.\n\nThe first phase brought 25 hostages home, with the bodies of six who died in captivity."
    claims = claims_of(text, date="2025-03-05", language="en")
    assert [c["metric"] for c in claims if c["value"] == 6] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "Since the sites opened, 700 people have been killed while seeking food, the ministry says, and more than 5,000 injured.",
        "At least 90 people were wounded while queuing for flour.",
    ],
)
def test_aid_seekers_injured_have_no_metric_of_their_own(text: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2025-07-20", language="en")
    assert [c["metric"] for c in claims if c["value"] in (5000, 90)] == ["other"]


def test_held_hostages_told_released_are_freed_and_their_bodies_are_no_toll() -> None:
    text = (
        "Statement.\n\nThis morning the last 14 living hostages held in Gaza came home. "
        "Troops also recovered the bodies of three hostages from a tunnel."
    )
    claims = claims_of(text, date="2025-10-13", language="en")
    assert [(c["value"], c["metric"]) for c in claims] == [(14, "hostages_released"), (3, "other")]


@pytest.mark.parametrize(
    "text,language",
    [
        (("Strikes hit southern Lebanon again. Since Monday 60,000 people have crossed into Syria. "
         "About 9,000 more went to Syria on Friday."), "en"),
        (("Die Luftangriffe im Südlibanon gehen weiter. Seit Montag sind 60.000 Menschen nach Syrien geflohen. "
         "Weitere 9.000 kamen am Freitag nach Syrien."), "de"),
    ],
)
def test_people_who_leave_for_a_country_beyond_the_fronts_are_counted_where_they_left(text: str, language: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2024-10-06", language=language)
    assert [c["place"] for c in claims] == ["lebanon", "lebanon"]


def test_a_count_told_in_a_country_beyond_the_fronts_is_there() -> None:
    claims = claims_of("Statement.\n\nIn Syria, 12 people were killed in a strike near Damascus.", date="2024-10-06", language="en")
    assert [c["place"] for c in claims] == ["syria"]


@pytest.mark.parametrize(
    "text,language",
    [
        ("Gaza is starving. Meanwhile some 2,000 loaded trucks are waiting in Egypt for clearance.", "en"),
        ("Gaza pasa hambre. Mientras tanto, unos 2.000 camiones cargados esperan en Egipto.", "es"),
    ],
)
def test_a_count_in_a_neighbouring_country_beyond_the_fronts_has_no_place(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-05-06", language=language)
    assert claim["place"] is None


@pytest.mark.parametrize(
    "text,language",
    [
        ("An air strike hit tents in al-Mawasi on Tuesday, killing 22 people.", "en"),
        ("Un bombardement a frappé des tentes à al-Mawasi mardi, tuant 22 personnes.", "fr"),
    ],
)
def test_al_mawasi_is_in_khan_younis_governorate(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2024-07-17", language=language)
    assert claim["place"] == "khan_younis"


@pytest.mark.parametrize(
    "text,language",
    [
        ("More than 600 soldiers have fallen, 260 of them in Gaza.", "en"),
        ("Mehr als 600 Soldaten sind gefallen, 260 von ihnen im Gazastreifen.", "de"),
    ],
)
def test_a_place_told_with_a_part_of_them_is_the_part_s_not_the_whole_s(text: str, language: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2024-07-22", language=language)
    assert [(c["value"], c["place"]) for c in claims] == [(600, None), (260, "gaza")]


@pytest.mark.parametrize(
    ("text", "language", "metric"),
    [
        ("The school was sheltering some 2,400 displaced people when it was hit.", "en", "other"),
        ("En la escuela se refugiaban unos 2.400 desplazados.", "es", "other"),
        # many sites together, or a camp: the displaced
        ("Over 500,000 people are sheltering in 90 UNRWA facilities.", "en", "displaced"),
        ("Some 20,000 residents of the camp have been displaced.", "en", "displaced"),
    ],
)
def test_the_displaced_in_one_building_are_a_part_not_the_displaced(text: str, language: str, metric: str) -> None:
    claims = claims_of("Statement.\n\nGaza is starving.\n\n" + text, date="2024-07-17", language=language)
    assert claims[0]["metric"] == metric


def test_that_weekday_may_be_a_day_named_earlier_than_the_paragraph_s() -> None:
    text = (
        "Statement.\n\nOn 7 October 2023 gunmen crossed the fence at dawn.\n\nYesterday troops recovered the bodies "
        "of three hostages. Their families had waited seven months.\n\nThat Saturday, some 1,200 people were murdered."
    )
    claims = claims_of(text, date="2024-05-25", language="en")
    assert [c["as_of"] for c in claims if c["value"] == 1200] == ["2023-10-07"]


def test_a_toll_told_in_the_french_perfect_after_an_incident_is_that_incident_s() -> None:
    text = (
        "Déclaration.\n\nMontréal, le 15 octobre 2024\n\nDans la nuit de dimanche à lundi, une frappe a embrasé les tentes "
        "dressées dans la cour de l'hôpital. Selon la défense civile, au moins 4 personnes sont mortes brûlées."
    )
    claims = claims_of(text, date="2024-10-15", language="fr")
    assert [(c["value"], c["scope"], c["as_of"]) for c in claims] == [(4, "incident", "2024-10-14")]


@pytest.mark.parametrize(
    "line",
    [
        "Partito della Pace, Via dei Serpenti 48, 00184 Roma",
        "Press office: 22 Eden Quay, Dublin",
    ],
)
def test_the_numbers_of_an_address_line_under_a_statement_are_no_claims(line: str) -> None:
    text = f"Statement.\n\nAt least 40 people were killed in the strike.\n\n{line}\n"
    assert [c["value"] for c in claims_of(text, date="2024-07-17", language="en")] == [40]


@pytest.mark.parametrize(
    "text,language",
    [
        ("The army says that 224 people, including children and foreign nationals, are being held captive in Gaza.", "en"),
        ("Au moins 199 otages, parmi lesquels des enfants, des femmes et des personnes âgées, sont détenus dans la bande de Gaza.", "fr"),
    ],
)
def test_hostages_held_after_a_long_aside_are_held_now_where_they_are_held(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2023-10-28", language=language)
    assert (claim["metric"], claim["scope"], claim["place"]) == ("hostages", "static", "gaza")


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the Ministry of Health in Gaza reported 9,257 people killed and 23,516 injured.",
        "On Wednesday the ministry put the toll at 57,012 dead and 134,592 wounded.",
    ],
)
def test_a_toll_a_report_gives_on_a_day_is_the_total_that_day_not_the_day_s_toll(text: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2025-07-02", language="en")
    assert {c["scope"] for c in claims} == {"total"}


def test_a_day_that_opens_a_sentence_whose_subject_speaks_is_the_report_s() -> None:
    from statecheck.extract.dates import find_dates

    assert [d.reporting for d in find_dates("On Friday the army said three soldiers died.", "2025-07-02", "en")] == [True]
    assert [d.reporting for d in find_dates("On Friday strikes killed 30 people, the ministry said.", "2025-07-02", "en")] == [False]


@pytest.mark.parametrize(
    "text",
    [
        "An Israeli drone strike on a house in Tammun, near Tubas, killed three Palestinians overnight.",
        "In one of the deadliest strikes of the war, 76 members of an extended family were killed when their building was hit on Wednesday.",
        "Three soldiers were wounded on Tuesday when an explosive device went off near their vehicle.",
    ],
)
def test_one_strike_s_toll_is_an_incident_whatever_day_or_night_it_struck(text: str) -> None:
    claims = claims_of("Statement.\n\n" + text, date="2024-09-19", language="en")
    assert [c["scope"] for c in claims if c["value"] in (3, 76)] == ["incident"]


def test_a_small_number_word_inside_what_a_figure_counts_is_no_count() -> None:
    claims = claims_of("Statement.\n\n76 members of one family were killed when their building was hit.", date="2024-09-19", language="en")
    assert [(c["value"], c["metric"]) for c in claims] == [(76, "killed")]


def test_a_part_after_with_and_the_count_after_it_keep_the_whole_s_group() -> None:
    text = (
        "Statement.\n\nThe army counts 899 soldiers killed on all fronts, with 455 of those falling in Gaza, "
        "and some 5,200 wounded."
    )
    claims = claims_of(text, date="2025-08-25", language="en")
    assert [(c["value"], c["metric"]) for c in claims] == [(899, "killed_soldiers"), (455, "killed_soldiers"), (5200, "injured_soldiers")]


@pytest.mark.parametrize(
    "text,language",
    [
        ("On Monday a warplane dropped a heavy bomb on a seafront café. Rescuers said 24 people were killed there.", "en"),
        ("El lunes un avión lanzó una bomba sobre un café del paseo marítimo. Los rescatistas dijeron que 24 personas murieron allí.", "es"),
    ],
)
def test_a_bomb_dropped_is_one_incident_whose_toll_follows(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-07-02", language=language)
    assert claim["scope"] == "incident"


@pytest.mark.parametrize(
    "text,language",
    [
        ("We condemn the crimes of 7 October 2023 and recall that 87 hostages remain in Gaza.", "en"),
        ("Condenamos los crímenes del 7 de octubre de 2023 y recordamos que 87 rehenes siguen en Gaza.", "es"),
    ],
)
def test_hostages_still_held_are_counted_now_not_on_the_day_they_were_taken(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-01-28", language=language)
    assert (claim["scope"], claim["as_of"]) == ("static", "2025-01-28")


@pytest.mark.parametrize(
    "text,language",
    [
        ("On Thursday a strike hit a school in Gaza City. Since the war began, 272 UNRWA staff were killed in Gaza.", "en"),
        ("Am Donnerstag traf ein Angriff eine Schule. Seit Beginn des Krieges wurden in Gaza 272 UNRWA-Mitarbeitende getötet.", "de"),
    ],
)
def test_a_count_since_the_war_began_runs_to_the_report_whatever_day_the_paragraph_tells(text: str, language: str) -> None:
    [claim] = claims_of("Statement.\n\n" + text, date="2025-02-04", language=language)
    assert claim["as_of"] == "2025-02-04"
