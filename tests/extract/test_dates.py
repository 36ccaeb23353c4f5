"""Dates found in a sentence and resolved against the document's date (:mod:`statecheck.extract.dates`)."""

from __future__ import annotations

import pytest

import statecheck
from statecheck.extract.dates import find_dates, recent_span


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        ("On Monday last week the crossing closed.", "en", "2025-03-31"),
        ("On Monday the crossing closed.", "en", "2025-04-07"),
        ("Le lundi de la semaine dernière, le point de passage a fermé.", "fr", "2025-03-31"),
        ("Am Montag vergangener Woche wurde der Übergang geschlossen.", "de", "2025-03-31"),
    ],
)
def test_a_weekday_of_last_week_is_that_day_of_the_week_before(sentence: str, language: str, value: str) -> None:
    # the document is dated Tuesday 8 April 2025
    assert [d.value for d in find_dates(sentence, "2025-04-08", language)] == [value]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Plus de 9 900 Palestiniens étaient détenus au début du mois de septembre.", "fr"),
        ("Más de 9.900 palestinos estaban detenidos a principios del mes de septiembre.", "es"),
        ("Mais de 9.900 palestinianos estavam detidos no início do mês de setembro.", "pt"),
    ],
)
def test_the_start_of_the_month_of_a_month_is_that_month(sentence: str, language: str) -> None:
    assert [d.value for d in find_dates(sentence, "2024-11-14", language)] == ["2024-09"]


def test_a_span_the_war_has_not_lasted_yet_is_no_date() -> None:
    # "17 years" after 7 October 2023 is 2040: an age ("un adolescent de 17 ans"), not the war's time
    assert find_dates("Un adolescent de 17 ans a été blessé.", "2024-03-15", "fr") == []
    assert [d.value for d in find_dates("Après cinq mois de guerre, la faim s'étend.", "2024-03-15", "fr")] == ["2024-03"]


def test_the_night_of_a_day_a_span_starts_on_starts_it() -> None:
    dates = find_dates("In the two weeks since the army broke the truce on the night of 18 March, many fled.", "2025-04-01", "en")
    assert [(d.value, d.since) for d in dates] == [("2025-03-18", True)]


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # the war's first day named with its year is read whole: its year is no count
        ("El 7 de octubre de 2023 murieron en Israel unas 1.200 personas.", "es", [("2023-10-07", "7 de octubre de 2023")]),
        ("O ataque de 7 de outubro de 2023 deixou 1.200 mortos.", "pt", [("2023-10-07", "7 de outubro de 2023")]),
        ("Un año después, el 7 de octubre de 2024, hubo actos en Tel Aviv.", "es", [("2024-10-07", "7 de octubre de 2024")]),
    ],
)
def test_the_first_day_of_the_war_written_with_its_year_is_one_date(sentence: str, language: str, dates: list[tuple[str, str]]) -> None:
    found = find_dates(sentence, "2025-05-03", language)
    assert [(d.value, sentence[d.start : d.end]) for d in found] == dates


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        ("Au cours du mois d'août, les colons ont mené 150 attaques.", "fr", "2025-08"),
        ("Durant le mois de mars, 20 personnes ont été arrêtées.", "fr", "2025-03"),
        ("Durante el mes de agosto se registraron 150 ataques.", "es", "2025-08"),
        ("Durante o mês de agosto foram registados 150 ataques.", "pt", "2025-08"),
    ],
)
def test_the_month_of_a_named_month_is_that_month(sentence: str, language: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, "2025-11-12", language)] == [value]


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # the start of a span named in an aside after its event
        ("Depuis l'ouverture de la saison, fin septembre, 2 500 arbres ont été abattus.", "fr", [("2025-09", True)]),
        ("Desde que la tregua entró en vigor, en enero, han muerto 300 personas.", "es", [("2025-01", True)]),
        # "d'après" is "according to", and a clause after a comma starts no span
        ("D'après le rapport de l'ONU, publié jeudi, 400 familles ont été déplacées.", "fr", [("2025-11-06", False)]),
    ],
)
def test_a_span_may_start_on_a_day_named_in_an_aside(sentence: str, language: str, dates: list[tuple[str, bool]]) -> None:
    assert [(d.value, d.since) for d in find_dates(sentence, "2025-11-12", language)] == dates


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # a time since an event told: the event is that long before the report
        ("This week marks 100 days since the militia seized the port.", "en", [("2025-08-04", True)]),
        ("Se cumplen 100 días desde que la milicia tomó el puerto.", "es", [("2025-08-04", True)]),
        ("Heute sind es 100 Tage, seit die Miliz den Hafen einnahm.", "de", [("2025-08-04", True)]),
        ("It has been five months since the bridge was destroyed.", "en", [("2025-06", True)]),
        ("The city remembered the flood, twenty years since the dam burst.", "en", [("2005", True)]),
        # but the weeks since an event are a span up to the report, not a day
        ("In the three weeks since the truce began, 40 convoys have arrived.", "en", []),
    ],
)
def test_a_time_since_an_event_dates_the_event(sentence: str, language: str, dates: list[tuple[str, bool]]) -> None:
    found = [(d.value, d.counted_back) for d in find_dates(sentence, "2025-11-12", language) if d.counted_back or d.kind != "relative"]
    assert found == dates


@pytest.mark.parametrize(
    ("sentence", "language", "span"),
    [
        ("In the past seven days, 900 trucks entered.", "en", ("2025-11-05", "2025-11-12")),
        ("In den vergangenen zehn Tagen wurden 300 Menschen getötet.", "de", ("2025-11-02", "2025-11-12")),
        ("Au cours des deux dernières semaines, 40 personnes ont été tuées.", "fr", ("2025-10-29", "2025-11-12")),
        ("En las últimas tres semanas murieron 40 personas.", "es", ("2025-10-22", "2025-11-12")),
        ("The past 24 hours were calm.", "en", None),  # a day's span is read apart (last_24_hours)
    ],
)
def test_the_last_days_or_weeks_span_up_to_the_report(sentence: str, language: str, span: tuple[str, str] | None) -> None:
    found = recent_span(sentence, "2025-11-12", language)
    assert (found[2:] if found else None) == span


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        # spec §4 rule 2: "N months" after the war's start, its default anchor, gives a month
        ("Eleven months later, 101 hostages are still held.", "en", "2024-09"),
        ("Six months on, 133 hostages remain in Gaza.", "en", "2024-04"),
        ("Seis meses después, 133 rehenes siguen en Gaza.", "es", "2024-04"),
    ],
)
def test_months_later_with_no_event_named_count_from_the_war_s_start(sentence: str, language: str, value: str) -> None:
    assert [d.value for d in find_dates(sentence, "2024-09-02", language)] == [value]


def test_months_on_a_ward_are_no_date() -> None:
    assert find_dates("They spent three months on the ward.", "2024-09-02", "en") == []


@pytest.mark.parametrize(
    ("sentence", "language", "values"),
    [
        ("The agency counted 900 demolitions in 2023.", "en", ["2023"]),
        ("En 2023, l'agence a compté 900 démolitions.", "fr", ["2023"]),
        ("Im Jahr 2023 zählte die Behörde 900 Abrisse.", "de", ["2023"]),
        ("Em 2023, a agência contou 900 demolições.", "pt", ["2023"]),
        ("Durante 2023 la agencia contó 900 demoliciones.", "es", ["2023"]),
        # the report's own year is still running, and a year read with its month is the month's
        ("The agency counted 900 demolitions in 2025.", "en", []),
        ("The agency counted 900 demolitions in March 2023.", "en", ["2023-03"]),
        # a season or a year's fraction is no calendar year
        ("The agency counted 900 demolitions in 2023-24.", "en", []),
    ],
)
def test_a_past_calendar_year_is_a_date_of_year_precision(sentence: str, language: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(sentence, "2025-02-10", language)] == values


@pytest.mark.parametrize(
    ("sentence", "language", "values"),
    [
        ("One year ago today, gunmen crossed the fence at dawn.", "en", ["2023-10-07"]),
        ("Two weeks ago today the bakery was hit.", "en", ["2024-09-23"]),
        ("Heute vor einem Jahr begann der Angriff.", "de", ["2023-10-07"]),
        ("Hoy hace seis meses que cerró el paso.", "es", ["2024-04-07"]),
        # without "today" a time ago restates a date or an event told elsewhere: no date of its own
        ("Since 2 March, eleven weeks ago, no truck has entered.", "en", ["2024-03-02"]),
        ("Vor einem Jahr begann der Krieg.", "de", []),
        ("Há 380 dias que os reféns estão em cativeiro.", "pt", []),
    ],
)
def test_a_time_ago_today_is_an_anniversary(sentence: str, language: str, values: list[str]) -> None:
    # the document is dated Monday 7 October 2024
    assert [d.value for d in find_dates(sentence, "2024-10-07", language)] == values


def test_the_toll_of_a_day_told_as_an_anniversary_takes_that_day() -> None:
    text = (
        "Statement.\n\nOne year ago today, at dawn, armed men broke through the fence. By nightfall "
        "some 1,200 people had been murdered."
    )
    document = statecheck.check_text(text, date="2024-10-07", options=statecheck.Options(verify=False, language="en"))
    assert [(c.value, c.as_of, c.place) for c in document.claims] == [(1200, "2023-10-07", "israel")]


@pytest.mark.parametrize(
    ("sentence", "language", "span"),
    [
        ("Donors have sent $2 billion in the past year.", "en", ("2023-10-08", "2024-10-07")),
        ("Durante la última semana murieron 40 personas.", "es", ("2024-09-30", "2024-10-07")),
        ("In der vergangenen Woche starben 40 Menschen.", "de", ("2024-09-30", "2024-10-07")),
        # a part of something else, not the days before the report
        ("In the last week of the truce, 40 trucks entered.", "en", None),
    ],
)
def test_the_past_week_or_year_with_no_number_spans_up_to_the_report(sentence: str, language: str, span: tuple[str, str] | None) -> None:
    found = recent_span(sentence, "2024-10-07", language)
    assert ((found.first, found.last) if found else None) == span


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Die Hamas hat am Montagabend zwei Geiseln freigelassen.", "2023-10-23"),
        ("In der Sonntagnacht wurden drei Menschen getötet.", "2023-10-22"),
    ],
)
def test_a_german_weekday_with_a_part_of_the_day_written_on_is_that_day(sentence: str, value: str) -> None:
    # the document is dated Tuesday 24 October 2023
    assert [d.value for d in find_dates(sentence, "2023-10-24", "de")] == [value]
