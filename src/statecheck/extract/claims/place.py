"""Where a count is (spec §3): the places a sentence names, the paragraph's frame, the document's main place."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from statecheck.extract.claims.state import Context, Reading
from statecheck.extract.claims.what import (
    clause_right,
    clause_start,
    currency_of,
    held_after,
    release_awaited,
)
from statecheck.extract.claims.words import CASUALTIES, DIGIT, WAR_START_ISO, Words, last_match
from statecheck.extract.dates import DateMention
from statecheck.extract.sentences import Sentence

_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_CHAR = re.compile(r"\w")


_PlaceName = tuple[int, int, str]
"""Where a place phrase stands, and the phrase as written."""


def _places_in(text: str, words: Words, phrases: Iterable[_PlaceName] | None = None) -> list[tuple[int, int, str]]:
    """The places named in ``text``, left to right, longest name first where names overlap.
    ``phrases`` are the matches of ``words.any_place`` in ``text`` when the caller has them."""
    if phrases is None:
        phrases = _place_phrases(text, words)
    found: list[tuple[int, int, str]] = []
    for start, end, phrase in phrases:
        name = words.place_names.get(" ".join(phrase.lower().split()))
        if name is None:
            continue
        before = text[max(0, start - 25) : start]  # not a copy of all the text before
        reference = words.reference_before.search(before)
        if reference is not None and (
            _locates_a_place(text, found, start - len(before) + reference.start())
            or words.route_after.match(text[end : end + 200])
        ):
            # "Rafah, south of Gaza": Gaza only locates Rafah; "homes near the Lebanese border" are on
            # the border's other side (but "a base near Binyamina" is there)
            continue
        if name == "rafah" and (words.route_words.search(before) or words.route_after.match(text[end : end + 200])):
            continue  # "through Rafah", "the Rafah crossing": a crossing, not where the count is
        if phrase.lower() in words.actors and not _actor_is_place(text, start, end, phrase, words):
            continue
        found.append((start, end, name))
    return found


_ONLY_PUNCTUATION = re.compile(r"[\s,;()–—-]*")


def _locates_a_place(text: str, found: list[tuple[int, int, str]], reference_at: int) -> bool:
    """Whether the words "south of", "near" … at ``reference_at`` follow a place just named."""
    return bool(found) and _ONLY_PUNCTUATION.fullmatch(text, found[-1][1], reference_at) is not None


def came_from(text: str, place: tuple[int, int, str], words: Words) -> bool:
    """The place is named as where something came from ("from Lebanon", "desde la Franja")."""
    return words.origin_before.search(text, max(0, place[0] - 12), place[0]) is not None


def _place_phrases(text: str, words: Words) -> list[_PlaceName]:
    return [(match.start(), match.end(), text[match.start() : match.end()]) for match in words.any_place.finditer(text)]


class PlaceIndex:
    """The place phrases of a whole document, found in one scan; each sentence takes its own
    from here instead of scanning itself again."""

    def __init__(self, text: str, words: Words) -> None:
        self.text = text
        self.words = words
        self.phrases = _place_phrases(text, words)
        self._starts = [start for start, _, _ in self.phrases]

    def places_in(self, sentence: Sentence, words: Words) -> list[tuple[int, int, str]]:
        """:func:`_places_in` of the sentence's text, the same as a scan of the sentence alone."""
        if words is not self.words or self._edge_differs(sentence.start - 1, sentence.start) or self._edge_differs(
            sentence.end, sentence.end
        ):
            return _places_in(sentence.text, words)  # another language's names, or an odd cut
        first = bisect_left(self._starts, sentence.start)
        last = bisect_left(self._starts, sentence.end)
        return _places_in(
            sentence.text,
            words,
            [(start - sentence.start, end - sentence.start, phrase) for start, end, phrase in self.phrases[first:last]],
        )

    def _edge_differs(self, outside: int, edge: int) -> bool:
        """Whether a scan that stops or starts at ``edge`` may find other phrases than the whole
        text's there: a word character just outside it (the name patterns look at word
        boundaries), or a phrase of the whole text running across it."""
        if 0 <= outside < len(self.text) and _WORD_CHAR.match(self.text, outside):
            return True
        index = bisect_left(self._starts, edge)
        return index > 0 and self.phrases[index - 1][1] > edge


def _actor_is_place(text: str, start: int, end: int, phrase: str, words: Words) -> bool:
    """"Israel" is where a count is only after a locative ("in Israel"); "Israeli" only before a
    counted group ("Israeli civilians"), not before the attackers ("Israeli forces")."""
    if phrase.lower() not in words.actor_adjectives and words.locative_before.search(text[max(0, start - 20) : start]):
        return True
    following = " ".join(text[end : end + 300].split()[:3])  # not all the text after
    for name in ("people", "hostages", "children", "women"):
        pattern = words.groups.get(name)
        if pattern and pattern.match(following):
            return True
    return bool(words.regex(r"(?:{counted_after_nationality})\b").match(following))


def combine_places(places: list[tuple[int, int, str]], words: Words) -> str | None:
    """One place for a list of places: "Gaza and the West Bank" is the occupied territory."""
    if not places:
        return None
    names = {p[2] for p in places if p[2] not in _BEYOND_THE_FRONTS}
    for candidates in (names, {words.region.get(n, n) for n in names}):
        for parts, combined in words.combine:
            if parts <= candidates:
                return combined
    regions = {words.region.get(n, n) for n in names}
    if len(names) > 1 and len(regions) == 1:
        return regions.pop()  # "Khan Younis and Rafah": both in Gaza
    return places[0][2] if places[0][2] not in ("northern_israel",) else "israel"


def place_list_at(
    places: list[tuple[int, int, str]], index: int, sentence: str, words: Words
) -> list[tuple[int, int, str]]:
    """The places coordinated with ``places[index]`` ("Gaza, the West Bank and East Jerusalem")."""
    after = words.regex(
        r",?\s*(?:(?:{conjunctions})\s+)?(?:(?:{inside})\s+(?:\w+\s+){{0,2}}?(?:(?:{inside})\s+)?)?(?:(?:{articles})\s+)?"
    )
    before = words.regex(r"\s*(?:,\s*|\s+(?:{conjunctions})\s+|,\s*(?:{conjunctions})\s+)(?:(?:{articles})\s+)?(?:(?:{inside})\s+)?")
    group = [places[index]]
    for j in range(index + 1, len(places)):
        if words.region.get(group[-1][2]) == places[j][2]:
            break  # "Rafah in the Gaza Strip": the larger place only locates the smaller one
        if after.fullmatch(sentence, group[-1][1], places[j][0]):
            group.append(places[j])
        else:
            break
    for j in range(index - 1, -1, -1):
        if before.fullmatch(sentence, places[j][1], group[0][0]):
            group.insert(0, places[j])
        else:
            break
    return group



def read_place(
    sentence: str,
    reading: Reading,
    words: Words,
    places: list[tuple[int, int, str]],
    context: Context,
    as_of: str | None = None,
    *,
    head_place: str | None = None,
    stop: int | None = None,
    source_span: tuple[int, int] | None = None,
    dates: Sequence[DateMention] = (),
) -> str | None:
    """Where the counted thing is: the nearest place in the number's clause, else the sentence's,
    else the paragraph's, else the document's main place. (A sentence about the whole world
    gives its counts no place: the caller asks :data:`Words.worldwide` once per sentence.)
    ``head_place`` is the place of the count a part belongs to; ``stop`` where the next count's
    own words begin; ``source_span`` where the name of the figure's source stands."""
    place = _read_place(sentence, reading, words, places, context, as_of, head_place=head_place, stop=stop,
                        source_span=source_span, dates=dates)
    if place == "israel" and reading.metric in _NEVER_IN_ISRAEL:
        # aid trucks are counted where they go: a crossing on Israel's side ("Kerem Shalom", "Zikim")
        # or Israel letting them in still counts trucks into Gaza; hostages freed ("50 Israeli hostages
        # have come home") are freed from where they were held
        return words.default_places.get(reading.metric, "gaza")
    return place


_NEVER_IN_ISRAEL = frozenset({"aid_trucks", "hostages_released"})


def _read_place(
    sentence: str,
    reading: Reading,
    words: Words,
    places: list[tuple[int, int, str]],
    context: Context,
    as_of: str | None,
    *,
    head_place: str | None,
    stop: int | None,
    source_span: tuple[int, int] | None,
    dates: Sequence[DateMention],
) -> str | None:
    mention = reading.mention
    named_here = bool(places)
    framed_here = _framing_place(sentence, places, words)
    if stop is not None:
        places = [p for p in places if p[0] < stop]  # the next count's own places
    if source_span is not None:
        places, in_source = _outside(places, source_span)
        if in_source and not places:
            # "Gaza's Civil Defence says 36 were killed", after a strike in Gaza City: the agency's
            # place covers the one the story is in, which is the more precise
            near = context.frame_place or context.previous_place()
            if near is not None and words.region.get(near) == in_source[0][2]:
                return near
            places = in_source
    opener = words.regex(r"\s(?:{subordinators})\s").search(sentence, mention.end)
    if opener is not None and not (
        reading.metric.startswith(CASUALTIES)
        and (
            words.regex(r"\s(?:{event_openers})\s").match(sentence, opener.start())
            or words.incident_ahead.match(sentence, opener.end()) is not None
        )
    ):
        # "toll surpasses 35,000 as Israel presses its Rafah offensive"; but the strike that killed
        # them is where they died: "18 were killed when missiles hit a school in Nuseirat", "Ten
        # killed as strike hits water queue in Nuseirat"
        places = [p for p in places if p[0] < opener.start()]
    if head_place is not None and not [p for p in _in_own_clause(sentence, reading, places) if p[0] >= reading.bound_start]:
        return head_place  # "98 hostages remain in Gaza, including 94 of the 251 abducted": a part is where its whole is
    if reading.metric == "other" and words.regex(r"\s*(?:[\w'’-]+\s+){{0,2}}?(?:{projectiles})\b").match(sentence, mention.end):
        # "more than 13,000 rockets have been launched at Israel from Lebanon": what is fired is counted
        # where it is aimed or fell ("450 rockets fell inside Gaza"), not where it came from
        aimed = words.regex(r"\b(?:{aimed_at})\s+(?:(?:{articles})\s+)?$")
        targets = [
            p for p in places
            if p[0] > mention.end and not came_from(sentence, p, words)
            and (aimed.search(sentence, max(0, p[0] - 20), p[0]) or words.locative_before.search(sentence, max(0, p[0] - 20), p[0]))
        ]
        return combine_places(targets[:1], words) if targets else words.default_places.get("projectiles", context.default_place)
    if (
        reading.metric in ("detained", "prisoners_released")
        and not [p for p in places if words.region.get(p[2], p[2]) != "israel"]
        and words.regex(r"(?<![\w])(?:{israeli_prisons})(?![\w])").search(sentence)
    ):
        return "opt"  # "10,400 Palestinians held in Israeli prisons": from Gaza and the West Bank both
    if reading.metric == "hostages":
        # people taken hostage were taken from Israel; "held in Gaza" says where they are now
        # in the count's own words: "Of the 251 abducted that day, 48 are still held" holds the 48, not the 251
        held = words.regex(r"\b(?:{held})\b").search(sentence, max(0, reading.bound_start - 20), mention.end) is not None or (
            held_after(sentence, mention.end, max(mention.end + 60, reading.quote_end), words, dates)
        )
        holding = words.regex(r"\b(?:{holding})\b[^,;.]{{0,30}}$").search(sentence, max(0, reading.bound_start - 60), reading.bound_start)
        if not held and holding is None and not release_awaited(sentence, reading.bound_start, words):
            return "israel"
        # held in Gaza or one of its places: not a town of Israel named later ("captives ... from Kfar Aza")
        after = [p for p in places if p[0] > mention.end and words.region.get(p[2], p[2]) == "gaza"]
        return after[0][2] if after else words.default_places.get("hostages", context.default_place)
    if reading.metric != "aid_trucks":
        # "300,000 have fled into Syria": people who leave the war's lands are counted where they left
        places = [p for p in places if not destination_abroad(sentence, p, words)]
    if places and (reading.metric.startswith(CASUALTIES) or reading.metric == "other"):
        # but "18,500 workers from Gaza", "48 detainees from the West Bank": where the counted people
        # are from, named right after them (not after a verb: "100 projectiles had crossed from Lebanon")
        auxiliary = words.regex(r"\b(?:{auxiliaries})\b")
        places = [
            p for p in places
            if not came_from(sentence, p, words)
            or (mention.end <= p[0] <= reading.quote_end + 12 and not auxiliary.search(sentence, mention.end, p[0]))
        ]
    own = _in_own_clause(sentence, reading, places) if places else []
    if (
        not own and reading.metric == "other" and currency_of(sentence, mention, words) is not None
        and words.regex(r"(?<![\w])(?:{several_places_recipients})(?![\w])").search(sentence)
    ):
        return None  # "€40 million to UNRWA", "90 Millionen Franken für die Region": money for no one place
    if places and not reading.link:
        # a place named inside a part that follows is the part's: "600 soldiers killed, including 260 in Gaza"
        places = [p for p in places if p[0] < mention.end or not _inside_a_part(sentence, mention.end, p[0], words)]
    elif places and reading.link in ("and", "coordinated"):
        # nor is it the place of a count joined after the part: "726 soldiers have fallen, 346 of them
        # in Gaza, and 4,576 have been wounded"
        places = [p for p in places if not _in_an_earlier_part(sentence, p, reading.bound_start, words)]
    told_that_day = as_of is not None and as_of == context.day_told_here()
    if reading.metric in ("killed_soldiers", "injured_soldiers") and not places and not told_that_day:
        # an army's losses are counted on every front unless a place is named with them, or they are
        # the losses of the day its paragraph tells of ("A drone hit a base near Haifa. Four soldiers were killed.")
        return None
    if not own and reading.metric in words.default_places:
        return words.default_places[reading.metric]  # hostages come home from Gaza; detainees go to Gaza and the West Bank
    if as_of == WAR_START_ISO and reading.metric in ("killed", "injured", "hostages", "other") and not [
        p for p in own
        if not words.regex(r"\b(?:{taken_into})\s+(?:(?:{articles})\s+)?$").search(sentence, max(0, p[0] - 15), p[0])
        and not DIGIT.search(sentence, mention.end, p[0])
    ]:
        # figures of the attack of 7 October 2023, in Israel; a place the hostages were taken into
        # ("251 dragged into Gaza") is not where the count was made, nor one told with a later count
        # ("in which 1,200 were killed ..., and the hostages, 136 of whom remain in Gaza")
        return "israel"
    if own:
        places = own
    if places:
        # nearest place, preferring one after the number (its own clause) within reach
        def distance(place: tuple[int, int, str]) -> int:
            if place[0] >= mention.end:
                return place[0] - mention.end
            return (mention.start - place[1]) + 15

        index = min(range(len(places)), key=lambda i: distance(places[i]))
        inside = words.regex(r"\s+(?:{inside})\s+(?:(?:{articles})\s+)?")
        if index > 0 and inside.fullmatch(sentence, places[index - 1][1], places[index][0]):
            index -= 1  # "Rafah in the Gaza Strip": the smaller place is the one meant
        if distance(places[index]) < 160:
            combined = combine_places(place_list_at(places, index, sentence, words), words)
            if combined:
                return combined
    if not named_here and words.regex(_ABROAD).search(sentence):
        return None  # "5,791 incidents across Canada", "arrests here at home": away from the war's fronts
    # where the paragraph's story is before who the people are: "Settlers raided the village of Burin.
    # Nine Israeli civilians were detained" were detained in the West Bank; the sentence's own frame
    # first ("In the West Bank, ... OCHA's update lists ... and 728 Palestinians killed")
    told_there = framed_here or context.frame_place or context.previous_place()
    if told_there:
        return told_there
    nationality = _nationality_place(sentence, reading, words)
    if nationality:
        return nationality
    return context.section_place or context.default_place


#: Places named in the gazetteer that lie beyond the war's fronts (Gaza, the West Bank, Israel, Lebanon).
_BEYOND_THE_FRONTS = frozenset({"syria", "yemen", "iran"})


def destination_abroad(sentence: str, place: tuple[int, int, str], words: Words) -> bool:
    """The place is one beyond the fronts, named as where people went ("into Syria", "nach Syrien")."""
    return place[2] in _BEYOND_THE_FRONTS and words.regex(r"\b(?:{taken_into})\s+(?:(?:{articles})\s+)?$").search(
        sentence, max(0, place[0] - 15), place[0]
    ) is not None


def _framing_place(sentence: str, places: list[tuple[int, int, str]], words: Words) -> str | None:
    """The place a sentence opens with as its frame ("In the West Bank, ..."), if it does."""
    frame = words.frame.match(sentence)
    if frame is None or not places or places[0][0] != frame.end():
        return None
    return combine_places(place_list_at(places, 0, sentence, words), words)


_ABROAD = r"(?<![\w])(?:(?:{abroad_prepositions})\s+(?:{abroad})|{at_home})(?![\w])"


def _outside(places: list[tuple[int, int, str]], span: tuple[int, int]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The places outside ``span``, and those inside it."""
    inside = [p for p in places if span[0] <= p[0] and p[1] <= span[1]]
    return [p for p in places if p not in inside], inside


def _in_an_earlier_part(sentence: str, place: tuple[int, int, str], before: int, words: Words) -> bool:
    """Whether a place stands in a part that opened and closed (at a comma) before ``before``."""
    cue = last_match(words.including, sentence, 0, place[0])
    if cue is None:
        return False
    close = sentence.find(",", place[1])
    return 0 <= close < before and "," not in sentence[cue.end() : place[0]]


def _inside_a_part(sentence: str, start: int, place_start: int, words: Words) -> bool:
    """Whether a part ("including 260", "260 of them") opens between ``start`` and the place and is
    still open there: not closed by a parenthesis ("(107 of them children) ... in the West Bank")."""
    cue = words.including.search(sentence, start, place_start) or words.regex(
        r"(?<![\w.,])\d[\d.,]*\s+(?:{of_them})\b"  # "600 soldiers have fallen, 260 of them in Gaza"
    ).search(sentence, start, place_start)
    return cue is not None and ")" not in sentence[cue.end() : place_start]


def _in_own_clause(sentence: str, reading: Reading, places: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The places named in the number's own clause (between clause breaks around it)."""
    start = clause_start(sentence, reading.bound_start)
    end = reading.mention.end + len(clause_right(sentence[reading.mention.end :]))
    return [place for place in places if start <= place[0] and place[1] <= end]


def _nationality_place(sentence: str, reading: Reading, words: Words) -> str | None:
    head = sentence[reading.mention.end : reading.mention.end + 40]
    for word in _LETTERS.findall(head)[:4]:
        if word.lower() in words.nationality:
            if words.nationality[word.lower()] == "israel" and reading.group in ("soldiers",):
                return None
            return words.nationality[word.lower()]
    return None


def dominant_place(index: PlaceIndex) -> str | None:
    """The place a document is mostly about: the region named most often (Gaza on a tie)."""
    words = index.words
    text = index.text
    counts: dict[str, int] = {}
    for start, _, name in _places_in(text, words, index.phrases):
        near = max(0, start - 40)  # a frame's words are few: look no further back (a long text has many places)
        opening = max(text.rfind("\n", near, start), text.rfind(". ", near, start) + 1, 0)
        if (opening > near or near == 0) and words.frame.fullmatch(text[opening:start]):
            continue  # "In the West Bank, ...": an aside of its own, not what the whole text is about
        region = words.region.get(name, name)
        if region in ("gaza", "west_bank", "lebanon"):
            counts[region] = counts.get(region, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: (counts[k], k == "gaza"))
