"""Model objects to table rows and back; the only place that knows both shapes.

Rows are plain dicts keyed by column name (what SQLAlchemy Core inserts and returns).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

from statecheck.extract.issuers import entity_key
from statecheck.model import (
    Card,
    Claim,
    Demand,
    Document,
    Evidence,
    Issuer,
    Mention,
    OffsetMap,
    ReferencePoint,
    Source,
    Text,
    Verdict,
)
from statecheck.store.evidence import SeriesById, SeriesFacts, SeriesIds

Row = Mapping[Any, Any]  # SQLAlchemy RowMapping (keys: names or columns) or a dict


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable in the database."""
    # One encoder for every call: json.dumps with options builds a new one each time, and this
    # runs several times for every claim stored.
    return _ENCODER.encode(value)


# --- offsets -------------------------------------------------------------------------------
# Text.offsets has one entry per character; stored one by one it would triple the text's size.
# Normalising only drops or moves characters in a few places, so offsets[i] - i is constant
# over long runs: we store the runs, [[index, offset - index], ...] (model.OffsetMap's form).


def pack_offsets(offsets: Sequence[int]) -> str:
    """The offsets as JSON runs; any sequence of ints is accepted, an OffsetMap most cheaply."""
    runs = offsets.runs if isinstance(offsets, OffsetMap) else OffsetMap.from_offsets(offsets).runs
    return dumps({"n": len(offsets), "runs": [list(run) for run in runs]})


def unpack_offsets(packed: str) -> OffsetMap:
    data = json.loads(packed)
    return OffsetMap([(index, delta) for index, delta in data["runs"]], data["n"])


# --- documents -----------------------------------------------------------------------------


def card_to_json(card: Card) -> str:
    """``dumps(asdict(card))``, without asdict's deep copies (it runs for every document stored)."""
    record = {name: getattr(card, name) for name in _CARD_FIELDS}
    record["roles"] = [{name: getattr(role, name) for name in _ISSUER_FIELDS} for role in card.roles]
    return dumps(record)


_CARD_FIELDS = tuple(f.name for f in fields(Card))
_ISSUER_FIELDS = tuple(f.name for f in fields(Issuer))


def card_from_json(text: str) -> Card:
    data = json.loads(text)
    return Card(
        doc=data["doc"],
        title=data.get("title"),
        date=data.get("date"),
        issuers=tuple(data.get("issuers") or ()),
        place=data.get("place"),
        language=data.get("language"),
        roles=tuple(Issuer(**role) for role in data.get("roles") or ()),
        # A news report's card says so: mentions read from a stored card take no stance for it.
        genre=data.get("genre"),
    )


def year_of(date: str | None) -> int | None:
    """The year of a card date (``2024``, ``2024-03`` or ``2024-03-05``), for the year facet."""
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def document_row(document: Document) -> dict[str, Any]:
    """The ``documents`` columns that come from the document itself (not version or time)."""
    card = document.card
    return {
        "location": document.source.location,
        "doc_id": document.source.doc_id,
        "sha256": document.source.sha256,
        "media_type": document.source.media_type,
        "title": card.title,
        "date": card.date,
        "year": year_of(card.date),
        "language": card.language,
        "place": card.place,
        "summary": document.summary(),
        "text_original": document.text.original,
        "text_normalised": document.text.normalised,
        "offsets_json": pack_offsets(document.text.offsets),
        "card_json": card_to_json(card),
        "meta_json": dumps(document.source.meta),
    }


def issuer_rows(card: Card) -> list[dict[str, Any]]:
    """One row per issuer; ``roles`` when the card has them, else the bare names.

    An issuer without an entity key gets one here (organisation pages and the co-signature
    network group by it), except a stand-in such as ``(unnamed party)``, which names nobody.
    """
    people = card.roles or tuple(Issuer(name=name) for name in card.issuers)
    return [
        {"position": position, "name": issuer.name, "role": issuer.role,
         "entity": issuer.entity or (None if issuer.name.startswith("(") else entity_key(issuer.name))}
        for position, issuer in enumerate(people)
    ]


def mention_rows(document: Document) -> list[dict[str, Any]]:
    return [
        {"position": position, "name": mention.name, "kind": mention.kind, "count": mention.count,
         "stance": mention.stance, "entity": mention.entity}
        for position, mention in enumerate(document.mentions)
    ]


def mention_from_row(row: Row) -> Mention:
    return Mention(name=row["name"], kind=row["kind"], count=row["count"], stance=row["stance"], entity=row["entity"])


def verdict_columns(verdict: Verdict | None, series_ids: SeriesIds | None = None) -> dict[str, Any]:
    """The verdict's columns. ``series_ids``: the corpus's ``evidence_series`` ids, for the
    ``claims`` table, where each Evidence names its series' facts instead of copying them (see
    :mod:`statecheck.store.evidence`); None: whole Evidence records, for flat exports."""
    if verdict is None:
        return {"verdict": None, "verdict_reason": None, "evidence_json": "[]"}
    if series_ids is None:
        records = [evidence_dict(evidence) for evidence in verdict.evidence]
    else:
        records = [stored_evidence_dict(evidence, series_ids) for evidence in verdict.evidence]
    return {"verdict": verdict.verdict, "verdict_reason": verdict.reason, "evidence_json": dumps(records)}


def evidence_dict(evidence: Evidence) -> dict[str, Any]:
    """``dataclasses.asdict`` of an Evidence, without its deep copies (it runs for every claim stored)."""
    record = {name: getattr(evidence, name) for name in _EVIDENCE_FIELDS}
    record["points"] = [{"date": point.date, "value": point.value} for point in evidence.points]
    return record


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
# What a claim's stored evidence keeps of its own: the rest is its series' (SeriesFacts).
_OWN_EVIDENCE_FIELDS = tuple(name for name in _EVIDENCE_FIELDS if name not in SeriesFacts._fields and name != "points")


def stored_evidence_dict(evidence: Evidence, series_ids: SeriesIds) -> dict[str, Any]:
    """An Evidence as the ``claims`` table keeps it: its series' facts by ``series_id``, its
    points as ``[date, value]`` pairs, and no empty fields (about a fifth of the whole record)."""
    record: dict[str, Any] = {"series_id": series_ids[SeriesFacts.of(evidence)]}
    for name in _OWN_EVIDENCE_FIELDS:
        value = getattr(evidence, name)
        if value is not None:
            record[name] = value
    if evidence.points:
        record["points"] = [[point.date, point.value] for point in evidence.points]
    return record


def stored_evidence_from_dict(record: Mapping[str, Any], series: SeriesById) -> Evidence:
    """The Evidence :func:`stored_evidence_dict` wrote, given the corpus's ``evidence_series``."""
    # The same field lists as the writer's, so that a field Evidence gains is read back too.
    own = {name: record[name] for name in _OWN_EVIDENCE_FIELDS if name in record}
    points = tuple(ReferencePoint(date, value) for date, value in record.get("points", ()))
    return Evidence(**series[record["series_id"]]._asdict(), **own, points=points)


def claim_columns(claim: Claim) -> dict[str, Any]:
    """The claim's own fields as flat columns (``period`` split in two), in spec order: what the
    ``claims`` table and the flat export formats (``store.formats.flat_record``) share."""
    return {
        "quote": claim.quote,
        "value": claim.value,
        "value_max": claim.value_max,
        "bound": claim.bound,
        "unit": claim.unit,
        "metric": claim.metric,
        "place": claim.place,
        "as_of": claim.as_of,
        "source": claim.source,
        "scope": claim.scope,
        "period_start": claim.period[0] if claim.period else None,
        "period_end": claim.period[1] if claim.period else None,
        "note": claim.note,
    }


def claim_row(claim: Claim, position: int, series_ids: SeriesIds | None = None) -> dict[str, Any]:
    """The claim's columns; ``series_ids`` as in :func:`verdict_columns`."""
    return {
        "position": position,
        "doc": claim.doc,
        **claim_columns(claim),
        "start_offset": claim.start,
        "end_offset": claim.end,
        "notes_json": dumps(list(claim.notes)),
        **verdict_columns(claim.verdict, series_ids),
    }


def demand_row(demand: Demand, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "doc": demand.doc,
        "quote": demand.quote,
        "categories_json": dumps(list(demand.categories)),
        "addressee": demand.addressee,
        "start_offset": demand.start,
        "end_offset": demand.end,
        "note": demand.note,
    }


def evidence_from_dict(data: Mapping[str, Any]) -> Evidence:
    """An Evidence from its whole record (:func:`evidence_dict`)."""
    fields = dict(data)
    fields["points"] = tuple(ReferencePoint(**point) for point in fields.get("points") or ())
    # Keys a future Evidence may add are ignored rather than breaking old readers.
    known = set(Evidence.__dataclass_fields__)
    return Evidence(**{key: value for key, value in fields.items() if key in known})


def verdict_from_row(row: Row, series: SeriesById) -> Verdict | None:
    """The verdict of a ``claims`` row; ``series``: the corpus's ``evidence_series`` facts by id."""
    if row["verdict"] is None:
        return None
    evidence = tuple(stored_evidence_from_dict(item, series) for item in json.loads(row["evidence_json"] or "[]"))
    return Verdict(verdict=row["verdict"], reason=row["verdict_reason"] or "", evidence=evidence)


def claim_from_row(row: Row, series: SeriesById) -> Claim:
    """The claim of a ``claims`` row; ``series`` as in :func:`verdict_from_row`."""
    period = (row["period_start"], row["period_end"]) if row["period_start"] and row["period_end"] else None
    return Claim(
        doc=row["doc"],
        quote=row["quote"],
        value=row["value"],
        metric=row["metric"],
        unit=row["unit"],
        bound=row["bound"],
        value_max=row["value_max"],
        place=row["place"],
        as_of=row["as_of"],
        source=row["source"],
        scope=row["scope"],
        period=period,
        note=row["note"],
        start=row["start_offset"],
        end=row["end_offset"],
        verdict=verdict_from_row(row, series),
        notes=tuple(json.loads(row["notes_json"] or "[]")),
    )


def demand_from_row(row: Row) -> Demand:
    return Demand(
        doc=row["doc"],
        quote=row["quote"],
        categories=tuple(json.loads(row["categories_json"])),
        addressee=row["addressee"],
        start=row["start_offset"],
        end=row["end_offset"],
        note=row["note"],
    )


def document_from_rows(
    row: Row, claims: Sequence[Row], demands: Sequence[Row], mentions: Sequence[Row] = (), *,
    series: SeriesById,
) -> Document:
    """A stored document; ``series``: the ``evidence_series`` facts its claims cite, by id."""
    source = Source(
        location=row["location"],
        doc_id=row["doc_id"],
        media_type=row["media_type"],
        sha256=row["sha256"],
        meta=json.loads(row["meta_json"]),
    )
    text = Text(
        original=row["text_original"],
        normalised=row["text_normalised"],
        offsets=unpack_offsets(row["offsets_json"]),
    )
    return Document(
        source=source,
        text=text,
        card=card_from_json(row["card_json"]),
        claims=tuple(claim_from_row(claim, series) for claim in claims),
        demands=tuple(demand_from_row(demand) for demand in demands),
        mentions=tuple(mention_from_row(mention) for mention in mentions),
    )
