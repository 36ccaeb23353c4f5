"""What the steps hand each other: the document-level :class:`Context` and one number's :class:`Reading`."""

from __future__ import annotations

from dataclasses import dataclass

from statecheck.extract.numbers import NumberMention


@dataclass
class Context:
    """What earlier sentences of the document tell later ones."""

    document_date: str | None
    default_place: str | None
    paragraph: int = -1
    last_event_date: str | None = None
    frame_place: str | None = None
    """A place that frames the paragraph: "In the West Bank, ..." at the start of a sentence."""
    previous_place: str | None = None
    """The place of the sentence just before, in the same paragraph."""
    last_source: str | None = None
    """The source the last sentence that named one cited (a report goes on over sentences)."""


@dataclass(frozen=True)
class Reading:
    """What the words around one number say, before it becomes a :class:`Claim`."""

    mention: NumberMention
    event: str | None
    group: str | None
    metric: str
    quote_start: int
    quote_end: int
    bound: str
    bound_start: int
    list_head: Reading | None = None
    """The count a part belongs to: "8,005 dead" for "including 3,324 children and 2,062 women"."""
    link: str | None = None
    """How the number hangs on the one before it: ``including``, ``coordinated``, ``parenthesis``, ``and``."""
