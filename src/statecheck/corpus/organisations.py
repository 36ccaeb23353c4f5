"""Organisations across the corpus: the index of issuers, and one organisation's profile.

An organisation is an ``issuers.entity`` key: every spelling of its name in every document
("Communist Party of Perú", "Communist Party of Peru", an acronym the user's alias file
expands) is one organisation. Its profile gathers its statements over time (with their
figures beside the record and their demands), whom it signs with, and who names it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select

from statecheck.corpus.network import most_used_names
from statecheck.corpus.timeline import Timeline, issuer_timeline
from statecheck.extract.demands import CATEGORIES
from statecheck.model import Demand
from statecheck.store.database import Store, database_errors
from statecheck.store.schema import documents, issuers, mentions


@dataclass(frozen=True)
class OrganisationSummary:
    entity: str
    name: str
    documents: int
    roles: tuple[str, ...]
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True)
class OrganisationPage:
    organisations: tuple[OrganisationSummary, ...]
    total: int


@dataclass(frozen=True)
class Cosigner:
    entity: str
    name: str
    documents: int
    """Documents issued together."""


@dataclass(frozen=True)
class DemandRef:
    document_id: int
    title: str | None
    date: str | None
    demand: Demand


@dataclass(frozen=True)
class CategoryDemands:
    category: str
    documents: int
    """The organisation's documents with a demand of this category."""
    demands: tuple[DemandRef, ...]


@dataclass(frozen=True)
class MentionedBy:
    """A document that names the organisation."""

    document_id: int
    title: str | None
    location: str
    date: str | None
    stance: str
    count: int


@dataclass(frozen=True)
class NamedByIt:
    """Someone the organisation's documents name, over all of them."""

    entity: str
    name: str
    kind: str
    documents: int
    stances: dict[str, int] = field(hash=False)
    """Documents per stance (``condemns``, ``supports``, ``mentions``)."""


@dataclass(frozen=True)
class OrganisationProfile:
    entity: str
    name: str
    names: tuple[str, ...]
    """Every spelling found in the corpus, most used first."""
    roles: tuple[str, ...]
    timeline: Timeline
    cosigners: tuple[Cosigner, ...]
    demands: tuple[CategoryDemands, ...]
    """Categories most asked for first (by documents)."""
    mentioned_by: tuple[MentionedBy, ...]
    names_most: tuple[NamedByIt, ...]

    @property
    def verdicts(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for entry in self.timeline.entries:
            for claim in entry.claims:
                counts[claim.verdict.verdict if claim.verdict else "unchecked"] += 1
        return dict(counts)


def list_organisations(
    store: Store, *, q: str | None = None, limit: int | None = 100, offset: int = 0
) -> OrganisationPage:
    """Issuers of the newest documents, one row per entity, most documents first; ``q``: only
    those with a spelling containing these letters (case-insensitive)."""
    base = [documents.c.is_latest.is_(True), issuers.c.entity.is_not(None)]
    if q and q.strip():
        matching = select(issuers.c.entity).where(
            func.lower(issuers.c.name).contains(q.strip().lower(), autoescape=True)
        )
        base.append(issuers.c.entity.in_(matching))
    joined = issuers.join(documents, documents.c.id == issuers.c.document_id)
    count = func.count(func.distinct(issuers.c.document_id))
    grouped = (
        select(issuers.c.entity, count.label("documents"), func.min(documents.c.date).label("first"),
               func.max(documents.c.date).label("last"))
        .select_from(joined).where(*base).group_by(issuers.c.entity)
    )
    with database_errors(store), store.engine.connect() as connection:
        total = connection.execute(select(func.count()).select_from(grouped.subquery())).scalar_one()
        ordered = grouped.order_by(count.desc(), issuers.c.entity).offset(offset)
        if limit is not None:
            ordered = ordered.limit(limit)
        rows = connection.execute(ordered).all()
        entities = [row.entity for row in rows]
        spellings = connection.execute(
            select(issuers.c.entity, issuers.c.name, func.count(), )
            .select_from(joined).where(*base, issuers.c.entity.in_(entities))
            .group_by(issuers.c.entity, issuers.c.name)
        ).all() if entities else []
        roles = connection.execute(
            select(issuers.c.entity, issuers.c.role).select_from(joined)
            .where(*base, issuers.c.entity.in_(entities)).group_by(issuers.c.entity, issuers.c.role)
        ).all() if entities else []
    names = most_used_names(spellings)
    roles_of: dict[str, list[str]] = defaultdict(list)
    for entity, role in roles:
        roles_of[entity].append(role)
    return OrganisationPage(
        tuple(
            OrganisationSummary(row.entity, names.get(row.entity, row.entity), int(row.documents),
                                tuple(sorted(roles_of[row.entity])), row.first, row.last)
            for row in rows
        ),
        int(total),
    )


def organisation_profile(store: Store, entity: str) -> OrganisationProfile | None:
    """Everything the corpus says of one organisation; None when no stored document names it
    as an issuer or mentions it."""
    timeline = issuer_timeline(store, entity)
    with database_errors(store), store.engine.connect() as connection:
        spellings: Counter[str] = Counter(
            dict(
                connection.execute(
                    select(issuers.c.name, func.count())
                    .join(documents, documents.c.id == issuers.c.document_id)
                    .where(issuers.c.entity == entity, documents.c.is_latest.is_(True))
                    .group_by(issuers.c.name)
                ).all()
            )
        )
        roles = tuple(sorted({entry.role for entry in timeline.entries}))
        mine = issuers.alias("mine")
        theirs = issuers.alias("theirs")
        shared = func.count(func.distinct(mine.c.document_id))
        cosigner_rows = connection.execute(
            select(theirs.c.entity, shared.label("documents"))
            .select_from(mine.join(theirs, and_(mine.c.document_id == theirs.c.document_id,
                                                theirs.c.entity != mine.c.entity)))
            .join(documents, documents.c.id == mine.c.document_id)
            .where(mine.c.entity == entity, theirs.c.entity.is_not(None), documents.c.is_latest.is_(True),
                   theirs.c.role != "author", mine.c.role != "author")
            .group_by(theirs.c.entity)
            .order_by(shared.desc(), theirs.c.entity)
            .limit(200)
        ).all()
        cosigner_names = most_used_names(
            connection.execute(
                select(issuers.c.entity, issuers.c.name, func.count())
                .where(issuers.c.entity.in_([row.entity for row in cosigner_rows]))
                .group_by(issuers.c.entity, issuers.c.name)
            ).all()
        ) if cosigner_rows else {}
        mention_rows = connection.execute(
            select(mentions.c.document_id, mentions.c.name, mentions.c.stance, mentions.c.count.label("times"),
                   documents.c.title, documents.c.location, documents.c.date)
            .join(documents, documents.c.id == mentions.c.document_id)
            .where(mentions.c.entity == entity, documents.c.is_latest.is_(True))
            .order_by(documents.c.date.desc().nulls_last(), documents.c.id.desc())
            .limit(500)
        ).all()
        ids = [entry.document_id for entry in timeline.entries]
        named_rows = connection.execute(
            select(mentions.c.entity, mentions.c.name, mentions.c.kind, mentions.c.stance, mentions.c.document_id)
            .where(mentions.c.document_id.in_(ids), mentions.c.entity.is_not(None), mentions.c.entity != entity)
        ).all() if ids else []
    own = set(ids)  # a statement naming its own issuer (a signature block) is not someone else naming it
    mention_rows = [row for row in mention_rows if row.document_id not in own]
    if timeline.name is None and not mention_rows:
        return None
    name = timeline.name or Counter(row.name for row in mention_rows).most_common(1)[0][0]
    return OrganisationProfile(
        entity=entity,
        name=name,
        names=tuple(n for n, _ in spellings.most_common()),
        roles=roles,
        timeline=timeline,
        cosigners=tuple(Cosigner(row.entity, cosigner_names.get(row.entity, row.entity), int(row.documents))
                        for row in cosigner_rows),
        demands=_by_category(timeline),
        mentioned_by=tuple(MentionedBy(row.document_id, row.title, row.location, row.date, row.stance, row.times)
                           for row in mention_rows),
        names_most=_named(named_rows),
    )


def _by_category(timeline: Timeline) -> tuple[CategoryDemands, ...]:
    refs: dict[str, list[DemandRef]] = defaultdict(list)
    docs: dict[str, set[int]] = defaultdict(set)
    for entry in timeline.entries:
        for demand in entry.demands:
            for category in demand.categories:
                refs[category].append(DemandRef(entry.document_id, entry.title, entry.date, demand))
                docs[category].add(entry.document_id)
    order = {category: index for index, category in enumerate((*CATEGORIES, "other"))}
    return tuple(
        CategoryDemands(category, len(docs[category]), tuple(refs[category]))
        for category in sorted(refs, key=lambda c: (-len(docs[c]), order.get(c, len(order)), c))
    )


def _named(rows: Sequence[Any], limit: int = 40) -> tuple[NamedByIt, ...]:
    documents_of: dict[str, set[int]] = defaultdict(set)
    stances: dict[str, Counter[str]] = defaultdict(Counter)
    spellings: Counter[tuple[str, str]] = Counter()
    kinds: dict[str, str] = {}
    for row in rows:
        entity, name, kind, stance, document_id = row
        documents_of[entity].add(document_id)
        stances[entity][stance] += 1
        spellings[(entity, name)] += 1
        kinds[entity] = kind
    names = most_used_names((e, n, c) for (e, n), c in spellings.items())
    ranked = sorted(documents_of, key=lambda e: (-len(documents_of[e]), names[e].casefold()))[:limit]
    return tuple(NamedByIt(e, names[e], kinds[e], len(documents_of[e]), dict(stances[e])) for e in ranked)
