"""What the steps hand each other: the document-level :class:`Context` and one number's :class:`Reading`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from statecheck.extract.claims.source import read_source
from statecheck.extract.claims.words import Words
from statecheck.extract.numbers import NumberMention
from statecheck.model import Claim


def _nowhere() -> str | None:
    return None


@dataclass
class Context:
    """What earlier sentences of the document tell later ones.

    Most counts name their own place and source, so what the sentences before say of theirs is
    read only when a count asks (:meth:`previous_place`, :meth:`last_source`): reading it for
    every sentence cost a scan of each."""

    document_date: str | None
    default_place: str | None
    paragraph: int = -1
    last_event_date: str | None = None
    last_event_paragraph: int = -1
    """The paragraph that named :attr:`last_event_date`: a story told on in the simple past keeps its day."""
    days_named: list[str] = field(default_factory=list)
    """The days the sentences so far named, most recent last (a few): "that Saturday" may mean
    one of them, not the day the paragraph tells of."""
    incident_told: bool = False
    """A sentence before, in this paragraph, told of one strike, attack or raid."""
    last_toll: Claim | None = None
    """The last count of the killed or hurt: when it was one incident's, its other victims may follow."""
    last_count: str | None = None
    """What the last count of the paragraph counts (:func:`counted`), for an "another" that follows."""
    last_reading: Reading | None = None
    """The last count of the paragraph, which a sentence opening with "among them" breaks down."""
    frame_place: str | None = None
    """A place that frames the paragraph: "In the West Bank, ..." at the start of a sentence."""
    read_previous_place: Callable[[], str | None] = _nowhere
    """Reads the place of the sentence just before, in the same paragraph."""
    known_source: str | None = None
    """The source cited by the last sentence that named one, up to :attr:`unread_sources`."""
    section_place: str | None = None
    """The place named by the heading over a list ("2. West Bank (OCHA)" over "- Killed: 455"),
    until the next heading."""
    section_event: str | None = None
    """What the heading of the list being read counts ("Estimated population by governorate:"),
    for its lines that name only a place ("Khan Younis: about 955,000")."""
    report_span: tuple[str, str] | None = None
    """The span a report says its figures cover ("Reporting period: 21 January to 23 February 2025")."""
    release_date: str | None = None
    """The day a report with such a span was released, when its dateline gives one: "on Monday" is
    counted back from it, while its figures hold at the span's end (:attr:`document_date`)."""
    section_date: str | None = None
    """The date the heading of the list being read gives its figures ("..., as of 1 December:")."""
    section_asks: bool = False
    """The heading of the list being read asks for something ("asks the Government to:"): its
    items name amounts asked for, not counts."""
    listed: Reading | None = None
    """The count of the fact-sheet line just read ("- Killed: 34,012"), which a line opening with
    "of whom" breaks down."""
    unread_sources: list[tuple[str, Callable[[], Words]]] = field(default_factory=list)
    """Sentences after :attr:`known_source` (oldest first) whose source has not been read yet,
    each with what gives the words to read it with (a paragraph's language is detected only
    when something of it is read)."""

    def start_paragraph(self, paragraph: int) -> None:
        """A new paragraph: the places of the one before frame it no more."""
        self.paragraph = paragraph
        self.frame_place = None
        self.incident_told = False
        self.last_count = None
        self.last_reading = None
        self.read_previous_place = _nowhere

    @property
    def report_day(self) -> str | None:
        """The document's date where it names a day (not only a month or a year)."""
        return self.document_date if self.document_date and len(self.document_date) == len("YYYY-MM-DD") else None

    def day_told_here(self) -> str | None:
        """The day this paragraph named for what it tells (:attr:`last_event_date`), if it named one."""
        return self.last_event_date if self.last_event_paragraph == self.paragraph else None

    def previous_place(self) -> str | None:
        """The place of the sentence just before, in the same paragraph."""
        place = self.read_previous_place()
        self.read_previous_place = lambda: place
        return place

    def note_source(self, source: str | None) -> None:
        """The source, read already, of the sentence just read."""
        if source:
            self.known_source = source
            self.unread_sources.clear()

    def last_source(self) -> str | None:
        """The source the last sentence that named one cited (a report goes on over sentences)."""
        for sentence, words_of in reversed(self.unread_sources):
            source = read_source(sentence, words_of())
            if source:
                self.known_source = source
                break
        self.unread_sources.clear()
        return self.known_source


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
    verb_before: bool = False
    """The event is a verb before the number, which goes on to the numbers joined to it ("killed
    45 fighters and 10 prisoners"), not a word of the count's own ("1,200 dead and 251 hostages")."""


def counted(reading: Reading) -> str:
    """What a count counts, to tell "another" of the same count from one of a different one:
    its verb ("killed" for children and fighters alike), else its metric's head word."""
    return reading.event or reading.metric.split("_", 1)[0]
