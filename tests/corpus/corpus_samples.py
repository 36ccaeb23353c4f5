"""Statements written for the cross-document tests: a statement, its republication with a new
preface, its Spanish translation, an unrelated statement, and organisations spelt two ways.

Imported by tests/corpus and tests/web (their conftests put this folder on sys.path).
"""

from __future__ import annotations

import hashlib

from statecheck.extract.mentions import extract_mentions
from statecheck.model import Card, Claim, Demand, Document, Evidence, Issuer, Source, Text, Verdict
from statecheck.options import Options

STATEMENT = (
    "Joint statement on the war in Gaza.\n"
    "Since 7 October 2023 more than 15,000 Palestinians have been killed in Gaza, among them 6,150 children "
    "and 4,000 women, and 36,000 have been injured. The Ministry of Health reports that 1.7 million people "
    "have been displaced and that only 11 of 36 hospitals still work. Over 46,000 homes have been destroyed.\n"
    "We condemn the complicity of the United States and the European Union with this war. "
    "We express our solidarity with the Palestinian people and their resistance.\n"
    "We demand an immediate ceasefire and an end to the siege, so that food, water and fuel can enter. "
    "We call on all governments to stop selling arms to Israel and on workers everywhere to organise "
    "strikes and demonstrations in every city until the bombing stops."
)

PREFACE = (
    "Editor's note: the following declaration reached our newsroom this week from comrades abroad. "
    "We publish it in full because our readers asked us to, and we add nothing to it.\n"
)

SPANISH = (
    "Declaración conjunta sobre la guerra en Gaza.\n"
    "Desde el 7 de octubre de 2023 más de 15.000 palestinos han sido asesinados en Gaza, entre ellos 6.150 "
    "niños y 4.000 mujeres, y 36.000 han resultado heridos. El Ministerio de Salud informa que 1,7 millones "
    "de personas han sido desplazadas y que solo 11 de 36 hospitales siguen funcionando. Más de 46.000 "
    "viviendas han sido destruidas.\n"
    "Condenamos la complicidad de Estados Unidos y de la Unión Europea con esta guerra. Expresamos nuestra "
    "solidaridad con el pueblo palestino y su resistencia.\n"
    "Exigimos un alto el fuego inmediato y el fin del asedio, para que entren alimentos, agua y combustible."
)

UNRELATED = (
    "Port workers of Genoa refuse to load weapons.\n"
    "The dockers' assembly met on Tuesday evening at the harbour gate and voted, after a long discussion, "
    "to refuse the loading of any container of weapons bound for war zones. The union will hold a picket "
    "at dawn and invites students and residents of the old town to join it with banners and music. "
    "Three ships are expected next week; the assembly will meet again before each arrives."
)


def make(
    doc_id: str,
    text: str,
    *,
    issuers: tuple[tuple[str, str], ...] = (),
    date: str | None = None,
    language: str = "en",
    title: str | None = None,
    demands: tuple[tuple[str, tuple[str, ...]], ...] = (),
    claims: tuple[Claim, ...] = (),
) -> Document:
    """A document as ingest would store it: its card (issuers with roles, entities left for the
    store to make), the demands given, its mentions extracted."""
    card = Card(
        doc=doc_id, title=title or text.split("\n", 1)[0], date=date,
        issuers=tuple(name for name, _ in issuers), language=language,
        roles=tuple(Issuer(name, role) for name, role in issuers),
    )
    source = Source(
        location=f"/statements/{doc_id}.txt", doc_id=doc_id, media_type="text/plain",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    found = tuple(
        Demand(doc=doc_id, quote=quote, categories=categories, start=text.index(quote),
               end=text.index(quote) + len(quote))
        for quote, categories in demands
    )
    document = Document(source=source, text=Text.plain(text), card=card, claims=claims, demands=found)
    return extract_mentions(document, Options())


def killed_claim(doc_id: str, text: str) -> Claim:
    quote = "more than 15,000 Palestinians have been killed"
    start = text.index(quote)
    evidence = Evidence(
        series="tfp/gaza/killed", source="Gaza Ministry of Health (via Tech for Palestine)",
        verdict="consistent", rule="over: r_hi > value", sentence="The record shows 15,207 killed by 2023-11-30.",
        r_lo=14854, r_hi=15207,
    )
    return Claim(doc=doc_id, quote=quote, value=15000, metric="killed", bound="over", place="gaza",
                 as_of="2023-11-30", start=start, end=start + len(quote),
                 verdict=Verdict("consistent", "within the record", (evidence,)))


def corpus_documents() -> list[Document]:
    """Five documents: the statement (two issuers), its republication, its Spanish translation
    (the same two issuers spelt otherwise, one by its acronym), an unrelated one, and a statement
    of one of the issuers alone."""
    statement_demands = (
        ("We demand an immediate ceasefire and an end to the siege", ("ceasefire", "humanitarian_access")),
        ("We call on all governments to stop selling arms to Israel", ("arms_embargo",)),
    )
    return [
        make("statement", STATEMENT, date="2023-11-30", title="Joint statement on the war in Gaza",
             issuers=(("Communist Party of Perú", "signatory"), ("Red Sun Collective (RSC)", "signatory")),
             demands=statement_demands, claims=(killed_claim("statement", STATEMENT),)),
        make("republished", PREFACE + STATEMENT, date="2023-12-04", title="A declaration from abroad",
             issuers=(("Harbour Voice", "issuer"),)),
        make("traducida", SPANISH, date="2023-12-01", language="es", title="Declaración conjunta",
             issuers=(("Communist Party of Peru", "signatory"), ("RSC", "signatory")),
             demands=(("Exigimos un alto el fuego inmediato", ("ceasefire",)),)),
        make("genoa", UNRELATED, date="2024-01-10", title="Port workers of Genoa",
             issuers=(("Genoa Dockers' Union", "issuer"), ("Red Sun Collective", "endorser")),
             demands=(("refuse the loading of any container of weapons", ("arms_embargo", "mobilisation")),)),
        make("icrc", "The International Committee of the Red Cross today transferred twelve patients from "
             "the north of Gaza to hospitals in the south, with the help of the Palestinian Red Crescent.",
             date="2023-11-20", title="ICRC transfers patients",
             issuers=(("International Committee of the Red Cross", "issuer"),)),
    ]


ALIASES = '[[entity]]\nnames = ["Red Sun Collective", "RSC"]\n'
"""The user's alias file of the tests: an abbreviation and its expansion."""
