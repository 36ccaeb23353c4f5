"""A synthetic corpus for the benchmarks: N statements written from templates and figures.

Why synthetic: the development set is 19 documents (too few to time), and an archive of
real releases cannot be redistributed. The texts here are written for this generator (no
sentence is copied from ``shared/corpus``) and imitate what the real ones look like:

* **UN situation updates** (28 % of documents): a numbered heading, "as of" dates, a
  key-figure row separated by ``|``, a few highlights with sources, then sections on needs
  and access mostly in words; 2–5.5 KB (mean 3.8), about 4 claims per KB;
* **party and movement statements** (30 %): long paragraphs of background, argument and
  appeals, a handful of figures near the top (often in words, often rounded or inflated),
  sometimes a quote and a list of demands, signatories, sometimes hard-wrapped at ~85 columns
  as text copied out of a PDF is; 2.5–7.5 KB (mean 5.0), about 1 claim per KB;
* **news reports and wire briefs** (34 %): a dateline, a few paragraphs of figures among
  context, reactions and quotes, 1–2.7 KB (mean 1.75); briefs 0.3–0.9 KB; about 4.2 claims
  per KB. A few in Spanish and French (8 %, 0.7–1.6 KB, 4–4.5 claims per KB) with their own
  separators ("40.000", "40 000").

Measured with statecheck itself (1,500 documents, seed 0): 3.1 KB per document and 2.5 claims
per KB overall, byte-weighted, as in the development set (party statements: 5.4 KB and 1.05
claims per KB; news, UN and NGO excerpts: 1.7 KB and 4.3 claims per KB; 2.5 overall). The
figure sentences set the density: the prose around them (:class:`Prose`) has no numbers.

Figures follow a timeline of cumulative counts (:data:`TIMELINE`, rounded public figures for
the Gaza war, interpolated by day) so that most claims are near the record and some are
deliberately off (the way statements inflate or quote stale numbers). Numbers appear as
digits with separators, words ("forty thousand"), decimals with scales ("1.9 million"),
percentages ("70%", "70 per cent"), bounds ("more than", "nearly", "at least"), ranges
("between 30 and 40") and beside non-claims (years, ages, resolution numbers, durations).

Deterministic: document ``i`` of seed ``s`` is the same text whatever N is, so the corpus of
1,000 documents is the first 1,000 of the corpus of 100,000.

    python benchmarks/corpus.py OUT_DIR --count 1000 --seed 7
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import string
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

#: Documents per sub-folder (keeps folders small for any file system).
FOLDER_SIZE = 1000
#: Bumped whenever the texts a seed gives change, so that ``benchmarks/run.py`` rewrites a corpus
#: it kept from an earlier run instead of timing the old texts. 2: recalibrated to the claim
#: density and lengths of the development set (more prose, fewer figure sentences).
VERSION = 2

# --------------------------------------------------------------------------- the record
# Rounded cumulative figures (Gaza unless the key says otherwise) at the end of each month;
# values in between are interpolated linearly by day.
TIMELINE: dict[str, tuple[tuple[str, float], ...]] = {
    "killed": (
        ("2023-10-07", 230), ("2023-10-31", 8500), ("2023-11-30", 15000), ("2023-12-31", 21800),
        ("2024-01-31", 26900), ("2024-02-29", 30000), ("2024-03-31", 32800), ("2024-04-30", 34500),
        ("2024-05-31", 36300), ("2024-06-30", 37900), ("2024-07-31", 39400), ("2024-08-31", 40700),
        ("2024-09-30", 41600), ("2024-10-31", 43200), ("2024-11-30", 44400), ("2024-12-31", 45500),
        ("2025-01-31", 47400), ("2025-03-31", 50300), ("2025-06-30", 56400),
    ),
    "injured": (
        ("2023-10-07", 1700), ("2023-10-31", 21500), ("2023-11-30", 36000), ("2023-12-31", 56000),
        ("2024-02-29", 70500), ("2024-04-30", 77800), ("2024-06-30", 87000), ("2024-08-31", 94500),
        ("2024-10-31", 101000), ("2024-12-31", 108000), ("2025-03-31", 114000), ("2025-06-30", 131000),
    ),
    "killed_press": (
        ("2023-10-31", 31), ("2023-12-31", 97), ("2024-03-31", 136), ("2024-06-30", 151),
        ("2024-09-30", 174), ("2024-12-31", 201), ("2025-06-30", 228),
    ),
    "killed_aid": (
        ("2023-10-31", 70), ("2023-12-31", 142), ("2024-03-31", 176), ("2024-06-30", 193),
        ("2024-09-30", 222), ("2024-12-31", 263), ("2025-06-30", 310),
    ),
    "killed_medical": (
        ("2023-10-31", 130), ("2023-12-31", 311), ("2024-03-31", 364), ("2024-06-30", 500),
        ("2024-09-30", 986), ("2024-12-31", 1057), ("2025-06-30", 1580),
    ),
    "west_bank_killed": (
        ("2023-10-31", 121), ("2023-12-31", 305), ("2024-03-31", 434), ("2024-06-30", 553),
        ("2024-09-30", 699), ("2024-12-31", 813), ("2025-06-30", 950),
    ),
    "hostages_held": (
        ("2023-10-31", 240), ("2023-11-23", 236), ("2023-12-01", 137), ("2024-06-30", 120),
        ("2024-12-31", 100), ("2025-03-31", 59), ("2025-06-30", 50),
    ),
}

#: Shares of the Gaza dead (percent): children and women, as statements often give them.
CHILD_SHARE = (38.0, 44.0)
WOMEN_SHARE = (24.0, 30.0)
POPULATION = 2_230_000
AREA_KM2 = 365

FIRST_DAY = date(2023, 10, 20)
LAST_DAY = date(2025, 6, 30)


def figure(series: str, day: date) -> float:
    """The rounded record of ``series`` on ``day`` (linear between the timeline's points)."""
    points = [(date.fromisoformat(d), v) for d, v in TIMELINE[series]]
    if day <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if day <= d1:
            return v0 + (v1 - v0) * (day - d0).days / max((d1 - d0).days, 1)
    return points[-1][1]


# --------------------------------------------------------------------------- writing numbers

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_thousand(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_ONES[n])
    return " ".join(parts)


def in_words(n: int) -> str:
    """English words for a whole number below a billion: 40000 -> "forty thousand"."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{_words_below_thousand(n // 1_000_000)} million"
    if n >= 1_000_000 and n % 500_000 == 0:
        return f"{_words_below_thousand(n // 1_000_000)} and a half million"
    if n >= 1_000_000:
        rest = n % 1_000_000
        return f"{_words_below_thousand(n // 1_000_000)} million" + (f" {in_words(rest)}" if rest else "")
    if n >= 1000:
        head = f"{_words_below_thousand(n // 1000)} thousand"
        return head + (f" {_words_below_thousand(n % 1000)}" if n % 1000 else "")
    return _words_below_thousand(n)


def round_to(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


@dataclass
class Writer:
    """Writes figures the way one document does: its language, its habits of rounding and spelling."""

    rng: random.Random
    language: str = "en"
    words_share: float = 0.1
    """How often a round figure is spelled out in words."""
    percent_style: str = "%"

    def count(self, value: float, *, exact: bool = False) -> str:
        """A count as the text writes it: "8,005", "about 40,000", "forty thousand", "1.9 million"."""
        n = round(value)
        rng = self.rng
        if not exact and n >= 1_000_000 and rng.random() < 0.7:
            millions = round(n / 1_000_000, 1)
            text = f"{millions:g}" if self.language == "en" else f"{millions:g}".replace(".", ",")
            return f"{text} {self._million()}"
        if not exact and n >= 1000 and rng.random() < self.words_share and self.language == "en":
            step = 1000 if n < 100_000 else 100_000 if n < 1_000_000 else 500_000
            return in_words(round_to(n, step))
        if not exact and n >= 200 and rng.random() < 0.35:
            n = round_to(n, 100 if n < 10_000 else 1000)
        return self.digits(n)

    def digits(self, n: int) -> str:
        if self.language == "es":
            return f"{n:,}".replace(",", ".") if n >= 10_000 or self.rng.random() < 0.5 else str(n)
        if self.language == "fr":
            return f"{n:,}".replace(",", "\u202f" if self.rng.random() < 0.3 else " ") if n >= 1000 else str(n)
        if n >= 1000 and self.rng.random() < 0.08:
            return str(n)  # some writers leave out the separator
        return f"{n:,}"

    def percent(self, value: float) -> str:
        if self.language == "es":
            return f"{value:g} %".replace(".", ",") if self.rng.random() < 0.5 else f"{value:g}%".replace(".", ",")
        if self.language == "fr":
            return f"{value:g}\u00a0%".replace(".", ",")
        return f"{value:g}{self.percent_style}"

    def _million(self) -> str:
        return {"en": "million", "es": "millones", "fr": "millions"}[self.language]


BOUNDS_EN = ("more than", "over", "at least", "nearly", "almost", "about", "around", "some",
             "approximately", "an estimated", "close to", "upwards of")
BOUNDS_ES = ("más de", "casi", "al menos", "unos", "alrededor de", "cerca de")
BOUNDS_FR = ("plus de", "près de", "au moins", "environ", "quelque")


def bound(rng: random.Random, language: str = "en", share: float = 0.55) -> str:
    """A bound word before a figure (with its trailing space), or nothing."""
    if rng.random() > share:
        return ""
    choices = {"en": BOUNDS_EN, "es": BOUNDS_ES, "fr": BOUNDS_FR}[language]
    return rng.choice(choices) + " "


def long_date(day: date, rng: random.Random, *, year: bool = True) -> str:
    month = day.strftime("%B")
    if rng.random() < 0.6:
        text = f"{day.day} {month}"
        return f"{text} {day.year}" if year else text
    text = f"{month} {day.day}"
    return f"{text}, {day.year}" if year else text


MONTHS_ES = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
]
MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]


# --------------------------------------------------------------------------- vocabulary

UN_AGENCIES = (
    ("UN Office for the Coordination of Humanitarian Affairs", "OCHA"),
    ("UN Relief and Works Agency for Palestine Refugees", "UNRWA"),
    ("World Health Organization", "WHO"),
    ("World Food Programme", "WFP"),
    ("UN Children's Fund", "UNICEF"),
    ("UN Population Fund", "UNFPA"),
)
SOURCES = (
    "the Ministry of Health in Gaza", "the Gaza Ministry of Health", "the Palestinian Ministry of Health",
    "OCHA", "the UN humanitarian office", "WHO", "UNRWA", "the Government Media Office in Gaza",
    "the Palestinian Red Crescent Society", "the Committee to Protect Journalists",
    "Israeli authorities", "the Israeli military", "local health officials",
)
PARTIES = (
    "Workers' Party", "Socialist Movement", "Communist Party", "Green Left", "Popular Unity",
    "Labour Front", "Revolutionary Workers' League", "Democratic Alliance", "Union of Progressive Youth",
    "People's Party", "Solidarity Coalition", "Federation of Trade Unions",
)
COUNTRIES = (
    "Chile", "Ireland", "Brazil", "South Africa", "Norway", "Turkey", "India", "Spain", "Belgium",
    "Argentina", "Malaysia", "Canada", "Mexico", "Portugal", "Greece", "Colombia", "Kenya", "Australia",
)
GAZA_PLACES = ("Khan Younis", "Rafah", "Deir al-Balah", "Gaza City", "Jabalia", "Nuseirat", "Beit Lahia",
               "al-Mawasi", "Bureij", "Beit Hanoun")
WEST_BANK_PLACES = ("Jenin", "Tulkarm", "Nablus", "Hebron", "Tubas", "Qalqilya", "Ramallah", "Bethlehem")
NEWS_DESKS = ("Reuters", "AFP", "AP", "Anadolu", "dpa", "EFE", "Al Jazeera staff", "Middle East desk")
REPORTERS = ("Lina Haddad", "Tom Ellison", "Sara Benali", "Omar Khalil", "Mira Jensen", "Daniel Cohen",
             "Rania Saleh", "Paul Varga", "Nadia Farouk", "Jonas Weber", "Yasmin Darwish", "Alex Moreno")

RHETORIC = (
    "{verb_cap} the siege of Gaza is {adj_cap} our {duty}.",
    "The {people} of Palestine {resist} with a courage that the world cannot ignore.",
    "No amount of {propaganda} can hide the {crime} being committed before the eyes of humanity.",
    "We call on {addressee} to {action} and to {action2}.",
    "The governments that arm the occupation share the responsibility for every {loss}.",
    "Our {org} stands with the {people} of Gaza, the West Bank and the refugee camps.",
    "History will judge those who looked away while {crime_pl} were broadcast every day.",
    "The so-called international community has failed the {people} of Palestine once again.",
    "{verb_cap} the blockade and {verb2} the occupation are not slogans but {duty_pl}.",
    "We salute the dockworkers, students and health workers who have refused to be silent.",
    "The struggle for a free Palestine is part of the struggle of {people} everywhere against oppression.",
    "Words of concern are not enough: {addressee} must {action} now.",
    "The collective punishment of an entire population is forbidden under international law.",
    "The hospitals of {place} have become cemeteries, and the schools have become shelters.",
    "The workers of {country} will not load the weapons that are used against {place}.",
    "The blockade began long before this war, and so did our {support} for those who live under it.",
    "The occupation wants the world to get used to the images from {place}; we refuse.",
    "Every school turned into a shelter and every shelter turned into a target tells the same story.",
    "The demands of the {people} are clear: an end to the bombing, the return of the displaced and justice.",
    "It is the duty of {addressee} to break the silence and to {action}.",
    "We reaffirm our {support} for the right of return and for self-determination.",
    "This is not a war between equals, it is the {crime} of a besieged people.",
    "Neither the bombs nor the hunger will break the will of a people defending its land.",
    "We will continue to organise, to march and to {action} until the occupation ends.",
)
SLOTS: dict[str, tuple[str, ...]] = {
    "verb_cap": ("Ending", "Breaking", "Lifting", "Opposing", "Resisting"),
    "verb2": ("ending", "resisting", "opposing", "defeating"),
    "adj_cap": ("first of all", "above all", "today", "more than ever"),
    "duty": ("duty", "task", "responsibility", "internationalist duty"),
    "duty_pl": ("duties", "obligations", "tasks of the hour"),
    "people": ("people", "workers", "peoples", "masses", "youth"),
    "resist": ("resist", "endure", "stand firm", "refuse to kneel"),
    "propaganda": ("propaganda", "censorship", "media manipulation", "lies"),
    "crime": ("crime", "genocide", "massacre", "ethnic cleansing", "war crime"),
    "crime_pl": ("massacres", "war crimes", "atrocities"),
    "addressee": ("all governments", "the United Nations", "the European Union", "our government",
                  "the trade unions", "all democratic forces", "the Security Council"),
    "action": ("impose an arms embargo", "sever diplomatic relations", "demand an immediate ceasefire",
               "suspend all military cooperation", "support the case before the International Court of Justice",
               "boycott the companies that profit from the occupation", "open the crossings to aid"),
    "action2": ("recognise the State of Palestine", "stop the deportations", "protect the right to protest",
                "release the political prisoners", "fund UNRWA without conditions"),
    "loss": ("life lost", "child killed", "home destroyed", "hospital bombed"),
    "org": ("party", "movement", "organisation", "federation", "union"),
    "support": ("support", "solidarity", "unconditional support", "commitment"),
    "place": GAZA_PLACES + ("Gaza", "the West Bank", "Jenin"),
    "country": COUNTRIES,
    "leader": ("Ana Ferreira", "Ciarán Walsh", "Thandiwe Mokoena", "Ingrid Solberg", "Mehmet Aydın", "Priya Nair",
               "Carmen Ruiz", "Pieter Claes", "Lucía Benítez", "Aziz Rahman", "Eleni Papadaki", "Camila Restrepo"),
    "role": ("general secretary", "spokesperson", "international secretary", "president", "national coordinator"),
    "quote": (
        "We will not stay silent while a whole people is being erased from the map",
        "The question is no longer what is happening in Gaza, but who is going to stop it",
        "Solidarity is not charity: it is a common struggle against the same system",
        "Our children will ask us what we did while Gaza burned, and we must be able to answer them",
        "There is no neutrality possible between the bomb and the child under the rubble",
        "Every government that keeps selling weapons to the occupation has already chosen its side",
        "The streets have spoken more clearly than any parliament",
    ),
    "job": ("nurse", "teacher", "taxi driver", "mother of four", "pharmacist", "university student", "fisherman",
            "shopkeeper"),
    "relatives": ("her children", "his parents", "his wife and daughters", "her elderly mother", "three neighbours"),
    "hospital": ("Nasser Hospital", "al-Aqsa Martyrs Hospital", "al-Shifa Hospital", "al-Ahli Arab Hospital",
                 "Kamal Adwan Hospital", "the European Hospital"),
    "name": ("Hana", "Mahmoud", "Fatima", "Yousef", "Amal", "Khaled", "Nour", "Ibrahim", "Samira", "Tariq"),
}


@functools.cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def fill(template: str, rng: random.Random, **known: str) -> str:
    """``template`` with each slot drawn from :data:`SLOTS` (or given in ``known``)."""
    values = {key: known[key] if key in known else rng.choice(SLOTS[key]) for key in _fields(template)}
    return template.format(**values)


class Prose:
    """Sentences without figures for one document, drawn from the pools below without repeating one.

    Real statements are mostly words: the figures are a handful of sentences in pages of context,
    background, argument and appeals. A document that draws its filler from these pools never
    says the same sentence twice, as a real one would not.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._left: dict[tuple[str, ...], list[str]] = {}
        # Pools overlap (PARTY_ARGUMENT holds RHETORIC): remember templates, not positions.
        self._used: set[str] = set()

    def take(self, pool: tuple[str, ...], k: int, **known: str) -> list[str]:
        """Up to ``k`` filled sentences of ``pool`` not yet used in this document."""
        left = self._left.get(pool)
        if left is None:
            left = self._left[pool] = self.rng.sample(pool, len(pool))
        taken: list[str] = []
        while left and len(taken) < k:
            template = left.pop()
            if template not in self._used:
                self._used.add(template)
                taken.append(template)
        return [fill(template, self.rng, **known) for template in taken]


# The pools are written for this generator. They avoid figures on purpose (a year or a list
# number reads as a claim to the extractor), so that claims per KB come from the figure
# sentences alone and can be tuned there.

PARTY_BACKGROUND = (
    ("This war did not begin in October: it is the latest chapter of an occupation that has lasted for decades "
    "and of a siege that has shaped a whole generation."),
    ("For decades the {people} of Palestine were told to wait for negotiations that never came, while the "
    "settlements spread over their land."),
    "The peace process promised a state and delivered checkpoints, walls, permits and demolition orders.",
    ("The refugees and their descendants are still denied the right to go back to the towns and villages from "
    "which their families were driven out."),
    ("The occupation of the West Bank, East Jerusalem and Gaza has never been accepted by international law, and "
    "it has never ended."),
    "Every so-called peace plan of recent years was drawn up without the Palestinians and against them.",
    "The blockade had turned Gaza into an open-air prison long before the first bomb of this war fell on {place}.",
    ("Behind the language of security lies an old project: to take the land and to drive out the people who "
    "live on it."),
    ("The normalisation deals showed that governments were ready to bury the Palestinian question for the sake "
    "of trade and arms contracts."),
    ("In {place}, families who were already refugees have been forced to flee again and again, carrying what "
    "little they could."),
    ("Settler violence in the West Bank has grown under the protection of the army, and whole villages have been "
    "emptied of their inhabitants."),
    "Administrative detention allows the occupation to imprison Palestinians for months without charge or trial.",
    "The wall, the bypass roads and the checkpoints cut the West Bank into islands separated from one another.",
)
PARTY_ANALYSIS = (
    ("The governments of the United States and of the European Union have given the occupation weapons, money "
    "and diplomatic cover."),
    ("The arms manufacturers have never made such profits, and their shareholders have every reason to wish the "
    "war to go on."),
    "Every veto cast in the Security Council has been a green light for the next massacre.",
    "The big media repeat the words of the army spokesmen and call the victims collateral damage.",
    "The double standard is there for all to see: sanctions for some, unconditional support for others.",
    "Those who speak of a right to self-defence never speak of the right of an occupied people to live in dignity.",
    "The war on Gaza is also a war on the truth, on the journalists, doctors and aid workers who bear witness to it.",
    "Hunger has been turned into a weapon, and the world is watching the starvation of a people in real time.",
    "International law is not a menu from which the powerful may pick whatever suits them.",
    ("The orders of the International Court of Justice bind every state, and those who ignore them place "
    "themselves outside the law."),
    ("The {crime} in Gaza is the result of political choices made in the capitals that supply the bombs and block "
    "every resolution."),
    ("The struggle of the Palestinian {people} exposes the hypocrisy of a world order built on the interests of "
    "the strongest."),
    ("The ruling classes fear the solidarity movement because it shows that ordinary people can see through "
    "their lies."),
)
PARTY_DOMESTIC = (
    ("The government of {country} claims to be neutral while it goes on trading with the occupation as if nothing "
    "had happened."),
    "In {country}, those who march for Palestine have been met with police batons, bans and arrests.",
    "We denounce every attempt to criminalise solidarity and to silence students, artists and trade unionists.",
    "Our ports, our airports and our universities must not become links in the supply chain of this war.",
    ("The people of {country} know what dictatorship and dispossession mean, and they will not be fooled by the "
    "language of balance."),
    ("Public money must be spent on hospitals and schools, not on contracts with the companies that arm the "
    "occupation."),
    "We will hold to account every member of parliament who voted against the ceasefire motion.",
    "The right to protest and the freedom of expression are being eroded in the name of the fight against hatred.",
    ("The ministers who receive the envoys of the occupation with honours should be ashamed to speak of human "
    "rights."),
    ("The pension funds of our workers must withdraw whatever they have invested in the companies of the "
    "occupation."),
)
PARTY_CALLS = (
    ("We call on all our members and sympathisers to join the demonstrations this weekend in every city of "
    "{country}."),
    "We urge the trade unions to organise stoppages in the workplaces that serve the war industry.",
    "Join the boycott campaigns, talk to your colleagues and neighbours, and do not let the silence win.",
    ("We ask students to keep the encampments and assemblies going until their universities cut their ties with "
    "the occupation."),
    "Every branch of the {org} is asked to hold a public meeting and to collect medical aid for the people of Gaza.",
    ("We appeal to artists, writers and athletes to refuse to lend their names to the whitewashing of the "
    "occupation."),
    "Write to your representatives, fill the streets and make the price of complicity too high to pay.",
    "The {org} will put its offices and its resources at the service of the solidarity committees.",
)
#: Rhetoric and analysis together: the bulk of a statement's argument paragraphs.
PARTY_ARGUMENT = RHETORIC + PARTY_ANALYSIS
PARTY_QUOTES = (
    "\"{quote},\" said {leader}, {role} of the {party}.",
    "{leader}, {role} of the {party}, told a rally in {country}: \"{quote}.\"",
    "\"{quote},\" {leader} declared on behalf of the {party}.",
)
PARTY_DEMANDS = (
    "an immediate, permanent and unconditional ceasefire",
    "a full embargo on the sale and transfer of arms to Israel",
    "the opening of all crossings to humanitarian aid, fuel and medicine",
    "the withdrawal of the occupation forces from the whole of the Gaza Strip",
    "the release of all Palestinian political prisoners",
    "the suspension of the association agreement with Israel",
    "the recognition of the State of Palestine by our government",
    "the restoration of full funding to UNRWA",
    "an end to the repression of the solidarity movement",
    "accountability for the war crimes committed in Gaza",
)

#: Sections of a UN update that describe needs and constraints in words.
UN_SECTORS: dict[str, tuple[str, ...]] = {
    "Shelter": (
        ("Shelter partners report that tents and sealing-off kits are in short supply, and many families are "
        "living under plastic sheets or in damaged buildings."),
        ("Overcrowding in displacement sites in {place} has increased the risk of fire, disease and gender-based "
        "violence."),
        ("Families displaced from the north continue to arrive in the south with few belongings, often after "
        "walking for hours."),
        "Blankets, mattresses and warm clothes remain among the most urgent needs reported by partners.",
        "Many collective centres lack privacy, lighting and separate latrines for women and girls.",
    ),
    "Water, sanitation and hygiene": (
        ("Water production remains far below minimum needs because of damage to wells, pipelines and desalination "
        "plants and the lack of fuel and electricity."),
        "Solid waste is accumulating near shelters and tents in {place}, attracting rodents and insects.",
        "Partners continue to truck water to displacement sites, but deliveries are irregular and queues are long.",
        "Sewage pumping stations are largely out of service, and wastewater is flowing into streets and the sea.",
        ("The shortage of hygiene items, including soap and menstrual products, is contributing to the spread of "
        "skin infections and diarrhoea."),
    ),
    "Food security": (
        ("Bakeries supported by humanitarian partners have intermittently closed because of shortages of flour "
        "and fuel."),
        "Community kitchens in {place} report that they cannot meet demand, and many families eat only once a day.",
        ("Commercial supplies entering the markets remain limited, and most households depend on humanitarian "
        "assistance."),
        "Food security partners warn that the risk of famine persists as long as access is not sustained.",
        "Farmland, greenhouses and fishing boats have been extensively damaged, eroding local food production.",
    ),
    "Protection": (
        "Protection partners report growing numbers of unaccompanied and separated children in displacement sites.",
        ("Repeated evacuation orders have forced people to move into areas that lack basic services and are "
        "themselves affected by hostilities."),
        ("Explosive ordnance contamination poses a serious risk to civilians returning to their homes, "
        "particularly children."),
        ("Psychosocial support teams report high levels of distress among children, many of whom have lost family "
        "members."),
        ("Persons with disabilities and older people face particular difficulties in moving after evacuation "
        "orders and in reaching aid."),
    ),
    "Education": (
        ("All schools in Gaza remain closed, and most school buildings are being used as shelters or have been "
        "damaged."),
        ("Education partners have set up temporary learning spaces in some displacement sites, offering "
        "recreational and psychosocial activities."),
        ("Teachers are among those killed and displaced, and a whole school year has been lost for children "
        "across the Strip."),
    ),
    "Access and coordination": (
        ("Humanitarian movements to the north continue to face denials, delays at holding points and impediments "
        "by the Israeli authorities."),
        ("Insecurity along the main supply routes, including looting and attacks on convoys, continues to hamper "
        "the delivery of assistance."),
        ("The notification system has not prevented strikes on locations whose coordinates had been shared with "
        "the parties."),
        ("Partners stress that sustained access, safe routes and the entry of commercial goods are needed to scale "
        "up the response."),
        ("Telecommunications outages have disrupted the coordination of aid and the ability of people to call "
        "ambulances."),
    ),
}
UN_HEALTH_PROSE = (
    ("Hospitals that remain partially functional are operating far beyond their capacity, with patients treated "
    "on floors and in corridors."),
    ("Shortages of fuel, medicines and specialised staff have forced the suspension of dialysis, maternity and "
    "surgical services in several facilities."),
    ("Disease surveillance partners have recorded rising cases of acute respiratory infections, diarrhoea and "
    "hepatitis A."),
    ("Medical evacuations through the crossings remain rare and unpredictable, and many patients die while "
    "waiting for approval."),
)

NEWS_PROSE = (
    ("Mediators from Egypt and Qatar, backed by the United States, have spent weeks trying to bridge the gaps "
    "between the two sides, but officials briefed on the talks said disagreements over the sequencing of a truce "
    "and a hostage release remained."),
    ("Israel says it targets Hamas fighters and infrastructure and accuses the group of operating from within "
    "civilian areas, an accusation Hamas denies."),
    ("Residents described a night of heavy bombardment, with blasts shaking the tents and families running in "
    "the dark to look for safer ground."),
    ("\"We do not know where to go any more. Every place they tell us is safe gets bombed,\" said {name}, a {job} "
    "who fled from {place} with {relatives}."),
    ("Aid officials say the obstacles are not only at the crossings but also inside Gaza, where insecurity, "
    "looting and damaged roads slow down every convoy."),
    ("The European Union's foreign policy chief called for an independent investigation into the strike and for "
    "the protection of civilians."),
    ("The International Court of Justice has ordered Israel to take measures to prevent acts of genocide in Gaza, "
    "an accusation Israel rejects."),
    ("In a statement, Hamas said it remained committed to the negotiations but would not accept an agreement that "
    "did not end the war."),
    ("Prime Minister Benjamin Netanyahu has vowed to press on until Hamas is dismantled and all the hostages are "
    "brought home."),
    ("Families of the hostages accuse the government of putting political survival ahead of the lives of their "
    "relatives, and hold weekly rallies to demand a deal."),
    ("Doctors at {hospital} said they were working without enough anaesthetic and were treating patients on the "
    "floors of corridors."),
    "The military did not immediately respond to a request for comment on the strike.",
    ("Footage verified by {desk} showed rescuers digging through the rubble with their bare hands as relatives "
    "looked on."),
    ("Washington has urged Israel to do more to protect civilians while continuing to supply it with weapons, a "
    "position that has drawn criticism at home and abroad."),
    ("Humanitarian agencies have repeatedly warned that the lack of fuel threatens hospitals, water pumps and "
    "bakeries across the enclave."),
    ("Rights groups have called on the governments that supply weapons to Israel to suspend transfers, citing "
    "the risk that they are used in violations of international law."),
)
WIRE_PROSE = (
    "Mediators are pressing both sides to agree on a truce.",
    "Rescue workers said many people were still missing under the rubble.",
    "Israel says it tries to avoid harming civilians and blames Hamas for operating in populated areas.",
    "Aid agencies have warned repeatedly of famine in the north of the enclave.",
    "Hamas did not immediately comment.",
    "The United Nations renewed its call for a humanitarian ceasefire.",
    "Residents said the bombardment continued through the night.",
    "Witnesses said several homes in {place} were flattened.",
    ("The ministry's tolls do not distinguish between civilians and fighters; Israel disputes them, while UN "
    "agencies have generally found them reliable."),
    "Relatives said they had buried their dead in a hurry, fearing further strikes on the cemetery.",
    "Fighting was also reported in the north, where residents said tanks had pushed into new neighbourhoods.",
)
NEWS_PROSE_ES = (
    ("Los mediadores de Egipto y Catar prosiguen las conversaciones para alcanzar una tregua, aunque fuentes "
    "próximas a la negociación admiten que persisten diferencias importantes."),
    ("Las organizaciones humanitarias denuncian que la ayuda que entra en la Franja sigue siendo muy insuficiente "
    "y que los convoyes sufren retrasos constantes en los puestos de control."),
    ("Testigos describieron una noche de intensos bombardeos en el sur del enclave, donde se hacinan la mayoría "
    "de los desplazados."),
    ("El Ejército israelí sostiene que sus operaciones se dirigen contra Hamás y acusa al grupo de esconderse "
    "entre la población civil."),
    ("La Unión Europea reiteró su llamamiento a proteger a los civiles y a respetar el derecho internacional "
    "humanitario."),
    ("\"No queda ningún lugar seguro en Gaza\", declaró una portavoz de la agencia de la ONU para los refugiados "
    "palestinos."),
    ("Los hospitales que siguen en funcionamiento trabajan al límite de su capacidad, sin electricidad estable y "
    "con graves carencias de medicamentos."),
    ("Las familias de los rehenes volvieron a manifestarse en Tel Aviv para exigir al Gobierno un acuerdo que "
    "permita su liberación."),
    ("El secretario general de la ONU volvió a pedir el acceso sin trabas de la ayuda humanitaria y la protección "
    "de los trabajadores sanitarios."),
    ("En Cisjordania, las incursiones del Ejército y los ataques de colonos han aumentado la tensión en varias "
    "localidades."),
)
NEWS_PROSE_FR = (
    ("Les médiateurs égyptiens et qataris poursuivent leurs efforts pour obtenir une trêve, sans avancée notable "
    "à ce stade, selon des sources proches des discussions."),
    ("Les organisations humanitaires dénoncent des entraves persistantes à l'acheminement de l'aide et une "
    "situation sanitaire qui se dégrade de jour en jour."),
    ("L'armée israélienne affirme viser des infrastructures du Hamas et accuse le mouvement de se dissimuler "
    "parmi les civils."),
    ("« Il n'y a plus aucun endroit sûr à Gaza », a déclaré un responsable onusien lors d'un point de presse à "
    "Genève."),
    "Plusieurs capitales européennes ont appelé à un cessez-le-feu immédiat et à la libération des otages.",
    ("Dans le sud de l'enclave, des familles entières vivent sous des tentes de fortune, sans accès régulier à "
    "l'eau potable."),
    ("Les hôpitaux encore en service fonctionnent bien au-delà de leurs capacités, faute de carburant et de "
    "médicaments."),
    ("Le secrétaire général de l'ONU a de nouveau réclamé un accès sans entrave pour l'aide humanitaire et la "
    "protection du personnel soignant."),
    "En Cisjordanie, les raids de l'armée et les violences de colons continuent d'alimenter les tensions.",
    ("Les familles des otages ont de nouveau manifesté à Tel-Aviv pour réclamer un accord permettant leur "
    "libération."),
)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class GeneratedDoc:
    """One synthetic document: its relative path, its text and its sidecar metadata (may be empty)."""

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict, hash=False)
    kind: str = ""


@dataclass
class Context:
    rng: random.Random
    day: date
    w: Writer

    def fig(self, series: str, *, off: float = 0.0, day: date | None = None) -> float:
        """The record on the document's day, sometimes quoted stale or inflated by up to ``off``."""
        value = figure(series, day or self.day)
        if off and self.rng.random() < 0.25:
            value *= 1 + self.rng.uniform(-off / 3, off)
        return value


def _un_update(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day, w = ctx.rng, ctx.day, ctx.w
    agency, short = rng.choice(UN_AGENCIES)
    killed, injured = ctx.fig("killed"), ctx.fig("injured")
    daily_killed = rng.randint(12, 140)
    daily_injured = int(daily_killed * rng.uniform(1.2, 2.6))
    as_of = long_date(day, rng)
    lines = [
        f"{short} | Humanitarian Situation Update #{number} | Gaza Strip",
        (f"Information valid as of {as_of}, {rng.choice(('15:00', '18:00', '22:00'))} (local time). "
        f"Day {(day - date(2023, 10, 7)).days} of hostilities."),
        "",
        "Key figures",
        " | ".join((
            f"{w.count(killed, exact=True)} people killed",
            f"{w.count(injured, exact=True)} people injured",
            f"{w.count(rng.uniform(1.7e6, 1.95e6))} internally displaced",
            f"{w.percent(rng.choice((83, 85, 88, 90)))} of the area under evacuation orders",
        )),
        "",
        "Key highlights",
    ]
    highlights = [
        (f"Between {long_date(day - timedelta(days=2), rng, year=False)} and {long_date(day, rng, year=False)}, "
        f"according to {rng.choice(SOURCES[:3])}, {daily_killed} Palestinians were killed and "
        f"{daily_injured} were injured."),
        (f"As of {long_date(day, rng, year=False)}, {rng.choice(SOURCES[:3])} reports that at least "
        f"{w.count(killed, exact=True)} Palestinians have been killed and {w.count(injured, exact=True)} "
        f"injured in Gaza since 7 October {2023}."),
        (f"Some {w.percent(round(rng.uniform(*CHILD_SHARE)))} of those killed whose bodies have been identified "
        f"are children, and {w.percent(round(rng.uniform(*WOMEN_SHARE)))} are women."),
        (f"In the past 24 hours, {rng.randint(40, 260)} trucks carrying humanitarian supplies entered Gaza "
        f"through the {rng.choice(('Kerem Shalom', 'Rafah', 'Zikim'))} crossing, well below the "
        f"{rng.choice((500, 600))} trucks a day that entered before the hostilities."),
        (f"Only {rng.randint(9, 17)} of the {36} hospitals in Gaza are partially functioning, "
        f"{rng.choice(('WHO', 'the World Health Organization'))} said on {long_date(day, rng, year=False)}."),
        (f"Since the start of the war, {w.count(ctx.fig('killed_aid'), exact=True)} aid workers have been killed "
        f"in Gaza, including {int(ctx.fig('killed_aid') * rng.uniform(0.7, 0.8))} UNRWA staff members."),
        (f"An estimated {w.count(POPULATION * rng.uniform(0.85, 0.9))} people, or {w.percent(rng.choice((85, 86, 90)))} "
        f"of the population, have been displaced across the Gaza Strip, many of them several times."),
        (f"More than half of the {w.count(POPULATION)} people in Gaza face {rng.choice(('emergency', 'catastrophic'))} "
        f"levels of food insecurity, according to the latest IPC analysis."),
        (f"On {long_date(day - timedelta(days=1), rng, year=False)}, an airstrike on a residential building in "
        f"{rng.choice(GAZA_PLACES)} reportedly killed {rng.randint(6, 48)} people, among them "
        f"{rng.randint(2, 18)} children."),
        (f"In the West Bank, {w.count(ctx.fig('west_bank_killed'), exact=True)} Palestinians, including "
        f"{int(ctx.fig('west_bank_killed') * rng.uniform(0.2, 0.25))} children, have been killed by Israeli forces "
        f"or settlers since 7 October."),
        (f"Between {rng.randint(5, 15)} and {rng.randint(20, 40)} per cent of water wells in "
        f"{rng.choice(GAZA_PLACES)} remain out of service because of the lack of fuel."),
        (f"UNRWA estimates that {w.count(rng.randint(70, 190) * 1000)} people are sheltering in "
        f"{rng.randint(90, 160)} UNRWA installations, {rng.randint(1, 9)} times their capacity."),
        (f"Approximately {rng.randint(60, 70)}% of all structures in Gaza have been damaged or destroyed, "
        f"including some {w.count(rng.randint(160, 190) * 1000)} housing units."),
        (f"Fuel deliveries fell to {w.count(rng.randint(20, 120) * 1000)} litres over the past week, "
        f"compared with a minimum of {w.count(rng.choice((200, 250)) * 1000)} litres needed each day."),
    ]
    rng.shuffle(highlights)
    # A handful of highlights, not all of them: real updates carry most of their figures in the
    # key-figure row and a few bullets, and spend the rest of the page on words.
    lines += highlights[: rng.randint(2, 5)]
    lines += ["", "Situation overview"]
    overview = [
        (f"Intense bombardment from air, land and sea continued across much of the Gaza Strip, with "
        f"heavy strikes reported in {rng.choice(GAZA_PLACES)} and {rng.choice(GAZA_PLACES)}."),
        ("Humanitarian partners report that access to the north remains severely restricted, and that "
        "requests to move convoys are frequently denied or delayed at checkpoints."),
        f"Resolution {rng.choice((2712, 2720, 2728, 2735))} of the Security Council has not been implemented.",
        (f"A {rng.randint(3, 14)}-year-old girl was among those killed in {rng.choice(GAZA_PLACES)}, "
        f"her relatives told a humanitarian team."),
        ("Partners warn that the lack of cooking gas is forcing families to burn furniture, plastic and "
        "waste, with serious consequences for health."),
        ("Communications were cut for most of the day, hampering the work of ambulance crews and the "
        "coordination of aid deliveries."),
        ("Prices of basic commodities in the markets of the south remain many times higher than before "
        "the hostilities, and cash is scarce."),
        "The following figures have not been independently verified by the United Nations.",
    ]
    rng.shuffle(overview)
    lines.append(" ".join(overview[: rng.randint(3, len(overview))]))
    prose = Prose(rng)
    for sector in rng.sample(list(UN_SECTORS), k=rng.randint(3, 5)):
        lines += ["", sector, " ".join(prose.take(UN_SECTORS[sector], rng.randint(3, 5)))]
    if rng.random() < 0.7:
        health = [
            (f"According to {rng.choice(SOURCES[:3])}, {w.count(ctx.fig('killed_medical'), exact=True)} health "
            f"workers have been killed since 7 October, and {rng.randint(100, 320)} have been detained."),
            f"WHO has recorded {rng.randint(400, 1100)} attacks on health care in Gaza.",
            f"Out of {rng.choice((36, 35))} hospitals, {rng.randint(18, 26)} are not functioning.",
            (f"Some {w.count(rng.randint(10, 14) * 1000)} patients need medical evacuation, including "
            f"{w.count(rng.randint(4, 6) * 1000)} cancer patients."),
        ]
        paragraph = rng.sample(health, k=rng.randint(1, 3)) + prose.take(UN_HEALTH_PROSE, rng.randint(1, 3))
        lines += ["", "Health", " ".join(paragraph)]
    if rng.random() < 0.6:
        lines += ["", "Funding", (
            f"The Flash Appeal requests US${rng.choice((1.2, 2.8, 3.4, 4.1))} billion for "
            f"{w.count(rng.choice((2.2e6, 3.1e6)))} people in the occupied Palestinian territory; "
            f"as of {long_date(day, rng, year=False)}, {w.percent(rng.randint(18, 64))} had been received."
        )]
    if rng.random() < 0.7:
        lines += ["", (
            f"This update is produced by {short} with inputs from humanitarian partners. Figures are provisional "
            f"and may change as more information becomes available. The next update is expected on "
            f"{long_date(day + timedelta(days=rng.choice((2, 3, 7))), rng)}."
        )]
    meta = {"publisher": agency, "publisher_type": "un_agency", "date": day.isoformat(), "language": "en"}
    return "\n".join(lines) + "\n", meta


def _party_statement(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day, w = ctx.rng, ctx.day, ctx.w
    party = rng.choice(PARTIES)
    country = rng.choice(COUNTRIES)
    months = (day - date(2023, 10, 7)).days // 30
    killed = ctx.fig("killed", off=0.4)
    children = killed * rng.uniform(*CHILD_SHARE) / 100
    title = rng.choice((
        "Stop the genocide in Gaza!",
        f"Statement of the {party} of {country} on the war in Gaza",
        "Solidarity with the Palestinian people: end the occupation now",
        "Ceasefire now! Arms embargo now!",
        f"Declaration on the {months + 1}th month of the war",
    ))
    figures = [
        (f"{bound(rng, share=0.8).capitalize() or 'Over '}{w.count(killed)} Palestinians have been killed, "
        f"{rng.choice(('most of them', 'the majority of them', 'among them'))} women and children."),
        (f"{rng.choice(('More than', 'Over', 'Nearly', 'Almost'))} {w.count(children)} children have been murdered "
        f"by the bombs of the occupation."),
        (f"More than {w.count(ctx.fig('injured', off=0.3))} people have been wounded and thousands remain "
        f"under the rubble."),
        (f"{rng.choice(('Nearly', 'Almost', 'Close to'))} {w.count(rng.choice((1.7e6, 1.8e6, 1.9e6, 2e6)))} "
        f"people have been forced from their homes."),
        (f"The occupation has destroyed {w.percent(rng.choice((60, 65, 70, 80)))} of the homes of Gaza and "
        f"bombed {rng.randint(20, 36)} hospitals."),
        (f"At least {w.count(ctx.fig('killed_press'))} journalists have been killed, more than in any war "
        f"of our time."),
        (f"{rng.choice(('Half', 'More than half', 'Nearly half'))} of the {w.count(POPULATION)} inhabitants "
        f"of Gaza are children."),
        (f"More than {w.count(rng.randint(8, 11) * 1000)} Palestinians are held in Israeli prisons, "
        f"{rng.randint(3, 4) * 1000} of them without charge."),
        (f"In the West Bank, the army and the settlers have killed {w.count(ctx.fig('west_bank_killed', off=0.2))} "
        f"people since October {2023}."),
        f"{rng.choice(('Nine', 'Eight'))} out of ten people in Gaza do not know where their next meal will come from.",
        f"{w.count(rng.choice((2.2e6, 2.3e6)))} people live in a territory of only {AREA_KM2} km².",
    ]
    rng.shuffle(figures)
    prose = Prose(rng)
    # The shape of a real statement: an opening and a second paragraph that carry most of the
    # figures, then background, argument, what it means at home, sometimes a quote and a list of
    # demands, and an appeal. Pages of words around a handful of figures: about one claim per KB.
    plan: list[tuple[tuple[str, ...], int, int]] = [(RHETORIC, 2, 4), (PARTY_BACKGROUND, 2, 4)]
    plan += [(PARTY_BACKGROUND, 3, 5)] * rng.randint(1, 2)
    plan += [(PARTY_ARGUMENT, 3, 6)] * rng.randint(2, 8)
    plan += [(PARTY_DOMESTIC, 3, 5)] * (rng.random() < 0.75)
    paragraphs: list[str] = []
    figure_index = 0
    for index, (pool, low, high) in enumerate(plan):
        sentences = prose.take(pool, rng.randint(low, high), country=country)
        figures_here = rng.randint(1, 2) if index < 2 else int(rng.random() < 0.12)
        for _ in range(figures_here):
            if figure_index < len(figures):
                sentences.insert(rng.randint(0, len(sentences)), figures[figure_index])
                figure_index += 1
        if index == 0 and rng.random() < 0.6:
            sentences.insert(0, f"{in_words(months).capitalize() if months < 20 else months} months have "
                                f"passed since the beginning of the offensive against Gaza.")
        if sentences:
            paragraphs.append(" ".join(sentences))
    if rng.random() < 0.5:
        paragraphs.append(" ".join(prose.take(PARTY_QUOTES, 1, party=party, country=country)
                                   + prose.take(PARTY_ARGUMENT, rng.randint(0, 2), country=country)))
    paragraphs.append(" ".join(prose.take(PARTY_CALLS, rng.randint(2, 4), country=country)))
    if rng.random() < 0.3:  # copied out of a PDF: hard-wrapped
        paragraphs = [textwrap.fill(p, width=rng.randint(78, 92)) for p in paragraphs]
    if rng.random() < 0.55:  # demands as a list, before the appeal (never wrapped: one per line)
        marker = rng.choice(("- ", "• ", "– "))
        demands = [marker + d for d in rng.sample(PARTY_DEMANDS, k=rng.randint(4, 8))]
        intro = rng.choice(("We demand:", "Our demands are:", f"The {party} demands:", "We call for:"))
        paragraphs.insert(len(paragraphs) - 1, "\n".join([intro, *demands]))
    signed = [f"{p} ({c})" for p, c in zip(rng.sample(PARTIES, k=rng.randint(1, 6)),
                                            rng.sample(COUNTRIES, k=6))]
    body = "\n\n".join(paragraphs)
    closing = rng.choice(("Long live the struggle of the Palestinian people!", "From the river to the sea, solidarity!",
                          "Free Palestine!", "Stop the war! Ceasefire now!"))
    dated = f"{country}, {long_date(day, rng)}" if rng.random() < 0.7 else long_date(day, rng)
    text = f"{title}\n\n{body}\n\n{closing}\n\n{dated}\n\nSigned:\n" + "\n".join(signed) + "\n"
    meta: dict[str, Any] = {}
    if rng.random() < 0.5:
        meta = {"publisher": party, "publisher_type": "party", "date": day.isoformat(), "language": "en"}
    return text, meta


def _news_report(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day, w = ctx.rng, ctx.day, ctx.w
    desk = rng.choice(NEWS_DESKS)
    place = rng.choice(("GAZA", "JERUSALEM", "CAIRO", "RAMALLAH", "GENEVA", "NEW YORK", "DEIR AL-BALAH"))
    killed = ctx.fig("killed")
    strike_dead = rng.randint(5, 60)
    town = rng.choice(GAZA_PLACES)
    headline = rng.choice((
        f"Israeli strikes kill {strike_dead} in {town} as truce talks stall",
        f"Gaza death toll passes {round_to(killed, 1000):,}, health ministry says",
        "Aid groups warn of famine as deliveries to northern Gaza fall",
        f"UN says {rng.randint(70, 90)}% of Gaza's population displaced",
        f"Hostage families rally in Tel Aviv as talks resume in {rng.choice(('Doha', 'Cairo'))}",
    ))
    official = rng.choice(("a spokesperson for the ministry", "the director of the hospital",
                           "a senior UN official", "an Israeli military spokesperson", "a civil defence officer"))
    paragraphs = [
        (f"{place}, {long_date(day, rng)} ({desk}) — At least {strike_dead} people were killed in Israeli "
        f"strikes on {town} overnight, {rng.choice(('medics', 'health officials', 'civil defence workers'))} said, "
        f"as mediators pressed on with efforts to secure a ceasefire."),
        (f"The strikes hit {rng.choice(('a school sheltering displaced families', 'a residential block', 'a tent camp', 'a market'))}, "
        f"{official} told reporters. \"We pulled {rng.randint(3, 20)} bodies from the rubble, "
        f"{rng.randint(2, 9)} of them children,\" {rng.choice(('he', 'she'))} said."),
        (f"The Gaza health ministry said on {day.strftime('%A')} that {w.count(killed, exact=True)} Palestinians "
        f"had been killed and {w.count(ctx.fig('injured'), exact=True)} wounded since the war began. "
        f"The ministry does not distinguish between civilians and combatants."),
        (f"The Israeli military said it had struck {rng.randint(20, 90)} targets across the enclave over "
        f"the past day and that {rng.randint(2, 4)} soldiers had been killed in the fighting in "
        f"{rng.choice(GAZA_PLACES)}."),
        (f"The war began when Hamas-led militants attacked southern Israel on 7 October {2023}, killing about "
        f"{rng.choice(('1,200', '1,139', '1,200'))} people, most of them civilians, according to Israeli tallies, "
        f"and taking {rng.choice(('around 250', '251', 'some 250'))} hostages."),
        (f"Israel says {rng.randint(int(ctx.fig('hostages_held') * 0.9), int(ctx.fig('hostages_held')))} hostages "
        f"remain in Gaza, {rng.randint(30, 40)} of whom are believed to be dead."),
        (f"The United Nations says that about {w.count(rng.choice((1.7e6, 1.9e6)))} people, "
        f"roughly {w.percent(rng.choice((75, 80, 90)))} of the population, have been displaced, "
        f"and that {rng.choice(('half', 'a quarter', 'a third'))} of the population faces catastrophic hunger."),
        (f"\"The situation is beyond catastrophic,\" {rng.choice(REPORTERS[:4])}, a {rng.choice(('nurse', 'teacher', 'father of five', 'student'))} "
        f"sheltering in {rng.choice(GAZA_PLACES)}, told {desk} by phone. \"We have not had clean water for "
        f"{rng.randint(3, 12)} days.\""),
        (f"In the occupied West Bank, {rng.randint(1, 9)} Palestinians were killed during an Israeli raid on "
        f"{rng.choice(WEST_BANK_PLACES)}, the Palestinian health ministry said, bringing the toll there since "
        f"October {2023} to {w.count(ctx.fig('west_bank_killed'), exact=True)}."),
        (f"Only about {rng.randint(90, 250)} aid trucks a day have entered Gaza this month, aid agencies said, "
        f"compared with around 500 before the war."),
    ]
    # A few paragraphs of figures among context, reactions and quotes without any: real reports
    # run to about four claims per KB, not a figure in every paragraph.
    prose = Prose(rng)
    words = [" ".join(prose.take(NEWS_PROSE, rng.randint(1, 2), desk=desk)) for _ in range(rng.randint(3, 6))]
    rest = rng.sample(paragraphs[1:], k=rng.randint(2, 4)) + [p for p in words if p]
    rng.shuffle(rest)
    keep = [paragraphs[0], *rest]
    byline = f"Reporting by {rng.choice(REPORTERS)}; editing by {rng.choice(REPORTERS)}"
    text = headline + "\n\n" + "\n\n".join(keep) + "\n\n" + byline + "\n"
    meta: dict[str, Any] = {}
    if rng.random() < 0.6:
        meta = {"publisher": desk, "publisher_type": "news", "date": day.isoformat(), "language": "en",
                "title": headline}
    return text, meta


def _wire_brief(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day, w = ctx.rng, ctx.day, ctx.w
    desk = rng.choice(NEWS_DESKS)
    lead = rng.choice((
        (f"{bound(rng).capitalize()}{w.count(ctx.fig('killed'))} Palestinians have been killed in Gaza since "
        f"7 October, {rng.choice(SOURCES[:3])} said on {day.strftime('%A')}."),
        (f"{rng.randint(2, 70)} people were killed and {rng.randint(10, 150)} wounded in Israeli strikes on "
        f"{rng.choice(GAZA_PLACES)} in the past 24 hours, according to {rng.choice(SOURCES[:2])}."),
        (f"{rng.choice(('The Committee to Protect Journalists', 'The International Federation of Journalists'))} "
        f"said {w.count(ctx.fig('killed_press'), exact=True)} journalists and media workers have been killed "
        f"since the war began."),
        (f"UNRWA said {w.count(ctx.fig('killed_aid'), exact=True)} of its staff have been killed in Gaza, the "
        f"highest number of UN personnel killed in any conflict."),
    ))
    tail = rng.choice((
        "The figures could not be independently verified.",
        f"Israel's military did not immediately comment. ({desk})",
        f"The toll includes {w.count(ctx.fig('killed') * rng.uniform(0.38, 0.44))} children, it said.",
        f"Talks on a truce are due to resume next week in {rng.choice(('Cairo', 'Doha'))}.",
    ))
    middle = rng.sample((
        f"Most of the dead were women and children, {rng.choice(('the ministry', 'medics', 'officials'))} said.",
        (f"The Israeli military said its troops had killed {rng.randint(5, 40)} militants in "
        f"{rng.choice(GAZA_PLACES)} and destroyed {rng.randint(3, 25)} tunnel shafts."),
        f"Aid agencies say about {rng.randint(60, 250)} trucks a day are entering Gaza, far fewer than needed.",
        (f"Nearly {w.count(rng.choice((1.7e6, 1.8e6, 1.9e6)))} people, most of the enclave's population, "
        f"have been displaced."),
        f"Medics said a {rng.randint(2, 16)}-year-old boy was among those killed in {rng.choice(GAZA_PLACES)}.",
    ), k=rng.randint(0, 2))
    # A sentence or two of context between the figures, as wire copy has.
    middle += Prose(rng).take(WIRE_PROSE, rng.randint(3, 4))
    text = f"{place_line(rng, day)} ({desk}) - {lead} {' '.join(middle)} {tail}\n"
    return text, {}


def place_line(rng: random.Random, day: date) -> str:
    return f"{rng.choice(('GAZA', 'JERUSALEM', 'CAIRO', 'GENEVA'))}, {day.strftime('%b')}. {day.day}"


def _spanish_brief(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day = ctx.rng, ctx.day
    w = Writer(rng, language="es")
    killed, injured = ctx.fig("killed"), ctx.fig("injured")
    date_es = f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    lead = [
        (f"GAZA, {date_es}. El Ministerio de Sanidad de Gaza informó este {day.day} de "
        f"{MONTHS_ES[day.month - 1]} de que {w.digits(int(killed))} palestinos han muerto y "
        f"{w.digits(int(injured))} han resultado heridos desde el 7 de octubre."),
    ]
    # Each further figure only in some briefs, and context in words around them (see Prose).
    if rng.random() < 0.5:
        lead.append(f"{bound(rng, 'es', 0.9).capitalize()}{w.digits(rng.randint(60, 90))} % de la población, "
                    f"{bound(rng, 'es', 0.9)}{w.count(rng.choice((1.7e6, 1.9e6)))} de personas, ha sido desplazada.")
    if rng.random() < 0.5:
        lead.append(f"En las últimas 24 horas murieron {rng.randint(20, 90)} personas, entre ellas "
                    f"{rng.randint(5, 30)} niños, según las autoridades sanitarias.")
    prose = Prose(rng)
    lead += prose.take(NEWS_PROSE_ES, rng.randint(1, 2))
    paragraphs = [
        " ".join(lead),
        " ".join(prose.take(NEWS_PROSE_ES, rng.randint(2, 4))),
        " ".join(prose.take(NEWS_PROSE_ES, rng.randint(1, 2))),
    ]
    if rng.random() < 0.6:
        paragraphs.insert(2, f"Naciones Unidas advirtió de que {rng.choice(('la mitad', 'un tercio'))} de la "
                             f"población sufre hambre catastrófica y pidió un alto el fuego inmediato.")
    text = f"Gaza: el número de muertos supera los {w.digits(round_to(killed, 1000))}\n\n" + "\n\n".join(paragraphs)
    return text + "\n", {"language": "es", "date": day.isoformat(), "publisher_type": "news"}


def _french_brief(ctx: Context, number: int) -> tuple[str, dict[str, Any]]:
    rng, day = ctx.rng, ctx.day
    w = Writer(rng, language="fr")
    killed = ctx.fig("killed")
    date_fr = f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}"
    lead = [
        (f"Le ministère de la Santé du Hamas a annoncé le {date_fr} que {w.digits(int(killed))} Palestiniens "
        f"ont été tués depuis le début de la guerre, dont {bound(rng, 'fr', 0.8)}{w.percent(rng.randint(38, 44))} "
        f"d'enfants."),
    ]
    if rng.random() < 0.6:
        lead.append(f"{bound(rng, 'fr', 0.9).capitalize()}{w.digits(rng.randint(150, 260))} camions d'aide sont "
                    f"entrés par le point de passage de Kerem Shalom, selon l'ONU.")
    if rng.random() < 0.6:
        lead.append(f"L'ONU estime à {w.count(rng.choice((1.7e6, 1.9e6)))} le nombre de personnes déplacées.")
    prose = Prose(rng)
    paragraphs = [" ".join(lead + prose.take(NEWS_PROSE_FR, rng.randint(2, 3))),
                  " ".join(prose.take(NEWS_PROSE_FR, rng.randint(2, 4)))]
    text = f"Gaza : le bilan dépasse {w.digits(round_to(killed, 1000))} morts\n\n" + "\n\n".join(paragraphs)
    return text + "\n", {"language": "fr", "date": day.isoformat(), "publisher_type": "news"}


@dataclass(frozen=True)
class Kind:
    name: str
    weight: float
    build: Callable[[Context, int], tuple[str, dict[str, Any]]]
    words_share: float


#: The mix of document kinds, by share of documents.
KINDS: tuple[Kind, ...] = (
    Kind("un_update", 0.28, _un_update, 0.02),
    Kind("party_statement", 0.30, _party_statement, 0.3),
    Kind("news_report", 0.22, _news_report, 0.05),
    Kind("wire_brief", 0.12, _wire_brief, 0.05),
    Kind("news_es", 0.05, _spanish_brief, 0.0),
    Kind("news_fr", 0.03, _french_brief, 0.0),
)


def document(index: int, seed: int = 0) -> GeneratedDoc:
    """Document ``index`` of the corpus of ``seed`` (independent of how many are generated)."""
    rng = random.Random(f"statecheck-bench:{seed}:{index}")
    kind = rng.choices(KINDS, weights=[k.weight for k in KINDS])[0]
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    writer = Writer(rng, words_share=kind.words_share,
                    percent_style=rng.choice(("%", "%", " per cent", " percent")))
    text, meta = kind.build(Context(rng, day, writer), index % 400 + 1)
    folder = f"d{index // FOLDER_SIZE:04d}"
    return GeneratedDoc(name=f"{folder}/{index:07d}_{kind.name}.txt", text=text, meta=meta, kind=kind.name)


def generate(count: int, seed: int = 0, start: int = 0) -> Iterator[GeneratedDoc]:
    """Documents ``start`` .. ``start + count - 1`` of the corpus of ``seed``."""
    for index in range(start, start + count):
        yield document(index, seed)


@dataclass(frozen=True)
class CorpusInfo:
    root: Path
    files: tuple[Path, ...]
    bytes: int


def write_corpus(root: Path, count: int, seed: int = 0) -> CorpusInfo:
    """Write ``count`` documents (and their ``.meta.json`` sidecars) under ``root``; reuse what is there.

    A file already present with the same bytes is kept, so a corpus of 100,000 reuses the
    first 10,000 written by a quicker run of the same seed.
    """
    files: list[Path] = []
    total = 0
    for doc in generate(count, seed):
        path = root / doc.name
        data = doc.text.encode("utf-8")
        if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if doc.meta:
                path.with_suffix(".meta.json").write_text(json.dumps(doc.meta, ensure_ascii=False), "utf-8")
        files.append(path)
        total += len(data)
    return CorpusInfo(root, tuple(files), total)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus to")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    info = write_corpus(args.out, args.count, args.seed)
    print(f"{len(info.files)} documents, {info.bytes / 1e6:.1f} MB in {info.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
