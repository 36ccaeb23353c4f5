"""The frozen data classes that flow from stage to stage.

ingest  -> :class:`Source` + :class:`Text`
extract -> :class:`Card`, :class:`Claim`, :class:`Demand`, :class:`Mention`
verify  -> :class:`Verdict` with :class:`Evidence`, attached to each claim
pipeline-> :class:`Document`, which holds all of the above

Field names follow ``shared/spec/claims.md`` (§2 for claims, §6 for cards) so that
:meth:`Claim.to_record` is exactly one line of the scorer's JSONL.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, overload

Bound = Literal["exact", "over", "at_least", "about", "nearly", "under", "up_to"]
Scope = Literal["total", "period", "incident", "rate", "static"]
VerdictName = Literal["consistent", "above_record", "below_record", "unverifiable"]
MentionKind = Literal["person", "state", "organisation"]
Stance = Literal["condemns", "supports", "mentions"]

BOUNDS: tuple[str, ...] = ("exact", "over", "at_least", "about", "nearly", "under", "up_to")
SCOPES: tuple[str, ...] = ("total", "period", "incident", "rate", "static")
VERDICTS: tuple[str, ...] = ("consistent", "above_record", "below_record", "unverifiable")

METRICS: tuple[str, ...] = (
    "killed", "killed_children", "killed_women", "killed_medical", "killed_press",
    "killed_civil_defence", "killed_aid", "killed_soldiers", "killed_combatants",
    "injured", "injured_children", "missing", "missing_children", "injured_soldiers",
    "killed_starvation", "killed_aid_seekers", "displaced", "detained", "hostages",
    "hostages_released", "prisoners_released", "population", "area",
    "destroyed_housing", "damaged_housing", "destroyed_ambulances", "destroyed_hospitals",
    "damaged_hospitals", "hospitals_out_of_service", "attacks_on_health",
    "destroyed_schools", "damaged_schools", "destroyed_mosques", "food_insecure",
    "aid_trucks", "other",
)


@dataclass(frozen=True)
class Source:
    """Where a document came from, and what its sidecar metadata said."""

    location: str
    """The path or URL as the user gave it."""
    doc_id: str
    """File name without extension, or a slug of the URL."""
    media_type: str
    """``text/plain``, ``text/html``, ``application/pdf``, ... as detected."""
    sha256: str
    """Hash of the raw bytes read."""
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """Metadata found with the document: a ``NAME.meta.json`` sidecar, HTML meta tags,
    PDF/DOCX properties (keys such as ``title``, ``date``, ``author``, ``publisher``,
    ``language``, ``url``)."""


class OffsetMap(Sequence[int]):
    """Where each character of a normalised text came from, stored as runs.

    Normalising drops or moves characters in only a few places, so ``offset - index`` is the
    same over long runs: the map keeps one ``(index, delta)`` pair per run instead of one
    integer per character, and reads like the sequence of offsets it stands for.
    """

    __slots__ = ("_deltas", "_length", "_starts")

    def __init__(self, runs: Iterable[tuple[int, int]], length: int) -> None:
        starts = array("q")
        deltas = array("q")
        for start, delta in runs:
            if deltas and deltas[-1] == delta:
                continue
            starts.append(start)
            deltas.append(delta)
        self._starts = starts
        self._deltas = deltas
        self._length = length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0)], length)

    @classmethod
    def from_offsets(cls, offsets: Iterable[int]) -> OffsetMap:
        runs = []
        length = 0
        for index, offset in enumerate(offsets):
            runs.append((index, offset - index))
            length = index + 1
        return cls(runs, length)

    @property
    def runs(self) -> list[tuple[int, int]]:
        """The ``(index, offset - index)`` pairs, one per run."""
        return list(zip(self._starts, self._deltas))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect.bisect_right(self._starts, index) - 1
        return index + self._deltas[run]

    def __iter__(self) -> Iterator[int]:
        bounds = list(self._starts[1:]) + [self._length]
        for start, stop, delta in zip(self._starts, bounds, self._deltas):
            yield from range(start + delta, stop + delta)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return self._length == other._length and self.runs == other.runs
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, tuple(self.runs)))

    def __repr__(self) -> str:
        return f"OffsetMap({self.runs!r}, length={self._length})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (OffsetMap, (self.runs, self._length))


@dataclass(frozen=True)
class Text:
    """A document's text: the source text as read, and a normalised form with an offset map.

    ``normalised`` joins hard-wrapped lines and hyphenated breaks, drops markdown emphasis and
    collapses runs of spaces; paragraph and line breaks that carry meaning stay as ``\\n``.
    ``offsets[i]`` is the index in ``original`` of the character ``normalised[i]``
    (with one extra entry for the end), so any span maps back to the source.
    """

    original: str
    normalised: str
    offsets: OffsetMap = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text to the original text."""
        if start >= end:
            position = self.offsets[start]
            return position, position
        return self.offsets[start], self.offsets[end - 1] + 1

    def from_original(self, position: int) -> int:
        """The normalised index of the first character at or after an original position."""
        return bisect.bisect_left(self.offsets, position, 0, len(self.normalised))

    @classmethod
    def plain(cls, text: str) -> Text:
        """A text that needs no normalisation (offsets are the identity)."""
        return cls(original=text, normalised=text, offsets=OffsetMap.identity(len(text) + 1))


@dataclass(frozen=True)
class Issuer:
    """An organisation or person that issues, signs, endorses or authors a document."""

    name: str
    role: str = "issuer"
    """``issuer``, ``signatory``, ``endorser`` or ``author``."""
    entity: str | None = None
    """A normalised key shared by every spelling of the same organisation."""


@dataclass(frozen=True)
class Card:
    """Who issued a document, when and where (spec §6, ``docs.jsonl``)."""

    doc: str
    title: str | None = None
    date: str | None = None
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    issuers: tuple[str, ...] = ()
    place: str | None = None
    language: str | None = None
    roles: tuple[Issuer, ...] = ()
    """The issuers with their roles, in the same order as ``issuers``; then any endorser the
    text does not name ("Our Party endorses …" → ``(unnamed party)``), which ``issuers`` omits."""
    genre: str | None = None
    """``news`` for a news report (the demands it quotes are others'), ``statement`` otherwise;
    not part of the spec §6 record."""

    def to_record(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "title": self.title,
            "date": self.date,
            "issuers": list(self.issuers),
            "place": self.place,
            "language": self.language,
        }


@dataclass(frozen=True)
class ReferencePoint:
    """One value of a reference series used as evidence."""

    date: str
    value: float


@dataclass(frozen=True)
class Evidence:
    """What one reference series says about one claim, and the rule applied."""

    series: str
    """The series' identifier, e.g. ``tfp/gaza/killed``."""
    source: str
    """Who published the record, e.g. ``Gaza Ministry of Health (via Tech for Palestine)``."""
    verdict: VerdictName
    rule: str
    """The rule of spec §5 applied, in words."""
    sentence: str
    """One sentence a reader can check by hand."""
    points: tuple[ReferencePoint, ...] = ()
    r_lo: float | None = None
    r_hi: float | None = None
    tolerance: float | None = None
    snapshot: str | None = None
    """Which copy of the data was used (file name and sha256, or upstream commit)."""
    caveats: str | None = None
    """Where the record's limits are documented."""


@dataclass(frozen=True)
class Verdict:
    """The verdict on one claim, with the evidence of every series that covers it."""

    verdict: VerdictName
    reason: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One numerical claim (spec §1–§2)."""

    doc: str
    quote: str
    value: float
    metric: str
    unit: str = "people"
    bound: Bound = "exact"
    value_max: float | None = None
    place: str | None = None
    as_of: str | None = None
    source: str | None = None
    scope: Scope = "total"
    period: tuple[str, str] | None = None
    note: str | None = None
    start: int = 0
    """Offset of the quote in the document's original text."""
    end: int = 0
    verdict: Verdict | None = None
    notes: tuple[str, ...] = ()
    """Remarks added after extraction, e.g. a part that exceeds its whole in the same document."""

    def to_record(self, *, with_evidence: bool = True) -> dict[str, Any]:
        """The spec §2 fields (plus ``verdict`` and ``evidence`` once checked), as the scorer reads them."""
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        value_max: float | int | None = self.value_max
        if value_max is not None and float(value_max).is_integer():
            value_max = int(value_max)
        record: dict[str, Any] = {
            "doc": self.doc,
            "quote": self.quote,
            "value": value,
            "value_max": value_max,
            "bound": self.bound,
            "unit": self.unit,
            "metric": self.metric,
            "place": self.place,
            "as_of": self.as_of,
            "source": self.source,
            "scope": self.scope,
            "period": list(self.period) if self.period else None,
        }
        if self.note:
            record["note"] = self.note
        record["start"] = self.start
        record["end"] = self.end
        if self.verdict is not None:
            record["verdict"] = self.verdict.verdict
            if with_evidence:
                record["evidence"] = [asdict(e) for e in self.verdict.evidence]
                record["verdict_reason"] = self.verdict.reason
        if self.notes:
            record["notes"] = list(self.notes)
        return record

    def with_verdict(self, verdict: Verdict) -> Claim:
        # Called for every claim checked, where dataclasses.replace (which runs __init__ again
        # over every field) was a tenth of verification. A claim has no __post_init__: a copy
        # of its fields with the verdict set is the claim replace would build.
        claim = object.__new__(type(self))
        claim.__dict__.update(self.__dict__, verdict=verdict)
        return claim


@dataclass(frozen=True)
class Demand:
    """A call to action by the document's issuer (shared/spec/demands.md)."""

    doc: str
    quote: str
    categories: tuple[str, ...]
    addressee: str | None = None
    start: int = 0
    end: int = 0
    note: str | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "doc": self.doc,
            "quote": self.quote,
            "categories": list(self.categories),
            "addressee": self.addressee,
        }
        if self.note:
            record["note"] = self.note
        return record


@dataclass(frozen=True)
class Mention:
    """A person, state or organisation a document names, with how often and in what spirit."""

    name: str
    """The name as the document writes it most often (a state by its own name: "Israeli" → "Israel")."""
    kind: MentionKind
    count: int = 1
    """How many times the document names it, under any of its names."""
    stance: Stance = "mentions"
    """``condemns`` or ``supports`` where the document's own sentences say so ("we condemn the
    complicity of X", "solidarity with X"), else ``mentions``."""
    entity: str | None = None
    """The key shared by every spelling (:func:`statecheck.extract.issuers.entity_key`), so that a
    mention and an issuer of another document meet."""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """Everything statecheck knows about one document."""

    source: Source
    text: Text
    card: Card
    claims: tuple[Claim, ...] = ()
    demands: tuple[Demand, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.source.doc_id

    def summary(self) -> str:
        """``12 claims: 7 consistent, 1 above the record, 4 unverifiable``."""
        counts: dict[str, int] = {}
        for claim in self.claims:
            name = claim.verdict.verdict if claim.verdict else "unchecked"
            counts[name] = counts.get(name, 0) + 1
        words = {
            "consistent": "consistent",
            "above_record": "above the record",
            "below_record": "below the record",
            "unverifiable": "unverifiable",
            "unchecked": "not checked",
        }
        n = len(self.claims)
        head = f"{n} claim{'s' if n != 1 else ''}"
        parts = [f"{counts[k]} {words[k]}" for k in words if counts.get(k)]
        return head + (": " + ", ".join(parts) if parts else "")
