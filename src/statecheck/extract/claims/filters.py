"""Step 2 (spec §1): which numbers of a sentence are claims, and which are dates, years, ages or labels."""

from __future__ import annotations

import re

from statecheck.extract.claims.what import LINE_OPENING, clause_before, read_bound
from statecheck.extract.claims.words import HEAD_WORDS, Words, last_match
from statecheck.extract.dates import DateMention
from statecheck.extract.numbers import NumberMention

_TIME_OR_VERSION_AFTER = re.compile(r"^\s*(?:[:/]\d|-\d|\.\d)")
_TIME_OR_VERSION_BEFORE = re.compile(r"\d[-/.]$")
_CLOCK_MINUTES_BEFORE = re.compile(r"\d\s?h\s?$")  # "20 h 45", "20h45"
_TIME_ZONE_BEFORE = re.compile(r"\b(?:GMT|UTC)\s?[+−-]\s?$")  # "GMT+3"
_PHONE_BEFORE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s()]+\d+)*[\s()]*$")  # "+972 2 123 4567"
_PHONE_AFTER_A_ZERO = re.compile(r"(?<![\d,.])0\d{1,4}(?:\s\d{2,4})*\s$")  # the groups after "020 "
_PHONE_GROUPS_AFTER = re.compile(r"^[\s()]*\d")
_HEAD_CUT = re.compile(r"[,;:!?()]")
_LIST_MARKER = re.compile(r"[.)](?:\s|$)")
# the unit, maybe after a second number ("6 or 12 nautical miles", "20-30 km")
_DISTANCE_AFTER = r"(?:\s*(?:[-–]|\w{{1,4}})\s*\d[\d.,]*)?\s*-?\s*(?:{distances})\b(?!\s*(?:²|2\b))"
# "ten drones", "zehn Drohnen": a word, not a fraction, a multiple or a part ("two thirds", "zwei Mal", "two of")
_NOUN_AFTER = r"\s+(?!(?:{fraction_nouns}|{multiples}|{part_of})\b)[^\W\d_]"
_DIGIT_BEFORE = re.compile(r"\d[^.;:!?]*$")  # a figure earlier in the same sentence


def is_claim_number(mention: NumberMention, sentence: str, dates: list[DateMention], words: Words) -> bool:
    """False for numbers that are part of a date, a duration, a year, a label, an age or a rank."""
    if any(d.start <= mention.start < d.end or d.start < mention.end <= d.end for d in dates):
        return False
    left = sentence[: mention.start]
    right = sentence[mention.end :]
    if mention.share:
        # "the second half of May": a part of a time
        return not words.regex(r"\b(?:{ordinal_halves})\s+$").search(left, max(0, len(left) - 12))
    if not left.strip() and _LIST_MARKER.match(right) and mention.digits.isdigit() and len(mention.digits) <= 2:
        return False  # "1. An immediate ceasefire": the number of an item in a list
    if words.time_units.match(right) and not mention.percent:
        return False
    if words.regex(_DISTANCE_AFTER).match(right) and not _names_an_area(right, words):
        return False  # "within seven kilometres of the fence", "6 or 12 nautical miles", "a 25-kilo bag"
    if words.after_words.match(right) or words.frequency_after.match(right):
        return False
    if _forecast_before(sentence, mention, dates, words) or words.forecast_after.match(right):
        return False  # "could reach two million", "90 prisoners to be freed": a forecast, not a claim
    if words.labels.search(left[-30:]) or left.rstrip().endswith(("#", "№")):
        return False
    if words.age_before.search(left[-40:]) or words.age_after.match(right) or _in_a_list_of_durations(right, words):
        return False
    if words.regex(r"\b(?:{age_superlatives})\b[^\d.;:]{{0,45}}$").search(left, max(0, len(left) - 60)) and not _counts_war_thing(
        right, words, reach=2
    ):
        return False  # "the youngest we interviewed was 15, the oldest 71": ages (not "the youngest of the 40 children")
    if _in_address(mention, left, right, words):
        return False
    if _is_age_after_name(mention, left, right, words):
        return False
    if _is_year(mention, left, right, words):
        return False
    # the time or version before ends the text (at most a line break after it): search its last characters only
    if _TIME_OR_VERSION_AFTER.match(right) or _TIME_OR_VERSION_BEFORE.search(left, len(left) - 3):
        return False  # times, phone numbers, version strings
    if _CLOCK_MINUTES_BEFORE.search(left, max(0, len(left) - 4)) or _TIME_ZONE_BEFORE.search(left, max(0, len(left) - 6)):
        return False
    if mention.digits[:1] == "0" and len(mention.digits) >= 2 and mention.digits.isdigit():
        return False  # "020 7946 0815": a count never starts with a zero; a phone number does
    if _PHONE_AFTER_A_ZERO.search(left, max(0, len(left) - 30)):
        return False
    if left.endswith("(") and _AREA_CODE.match(right):
        return False  # a telephone's area code
    if (left.endswith("+") and _PHONE_GROUPS_AFTER.match(right)) or _PHONE_BEFORE.search(left, max(0, len(left) - 30)):
        return False  # an international number: "+" and its groups of digits
    if mention.in_words and mention.weak and not mention.percent:
        one_of = words.regex(r"\s+(?:{one_of})\b").match(right) if mention.value == 1 else None
        if one_of is not None and not _one_of_a_group_killed_or_hurt(right[one_of.end() :], words):
            return False  # "one of the dead was 19 years old": a person picked out, not a count
        if words.regex(r"\b(?:{articles})\s+$").search(left):
            return False  # "the three women": a reference to people already named, not a count
        if words.regex(r"(?<![\w.,])\d[\d.,]*\s+[^\W\d][\w'’-]*\s+(?:{part_of})\s+$").search(left, max(0, len(left) - 40)):
            return False  # "76 members of one family": what the figure before counts, not a count of its own
        if words.regex(r"\s+(?:{part_of})\s+(?:[A-Z][\w-]*['’]s\s+)?(?:\w+\s+)?\d").match(right):
            return True  # "six of UNRWA's 24 health centres"
        if words.regex(r",?\s+(?:{of_them})\b").match(right) and _DIGIT_BEFORE.search(left):
            return True  # "61 wounded soldiers, seven of them in serious condition": a part of the count before
        if _right_after_including(left, words) and _DIGIT_BEFORE.search(left):
            return True  # "..., dont neuf membres des forces de sécurité", "darunter fünf Thailänder": a part
        if words.regex(r"\b(?:{ratio})\s+(?:\w+\s+)?\d").search(right[:60]):
            return False  # "one bed for every 1,500 people": the ratio is the second number
        bound, bound_start = read_bound(sentence, mention, words)
        if (
            mention.value > 1 and bound != "exact" and sentence[bound_start : mention.start].strip().lower() != "over"
            and words.regex(_NOUN_AFTER).match(right)
        ):
            return True  # "at least ten drones", "more than ten airlines": a bound asserts a quantity
        return _counts_war_thing(right, words, reach=3)
    return True


def is_asked_amount(mention: NumberMention, sentence: str, words: Words, *, in_request_list: bool) -> bool:
    """An amount someone is asked to give or do, not a count of what is: "to grant 5,000 visas",
    an item "- offer up to 200 police officers" under "asks the Government to:". A number after
    "the", "all" or "of the" counts what already is, even in a demand: "the release of all 48 hostages".
    ``in_request_list``: the sentence is an item of a list under such a heading."""
    _, bound_start = read_bound(sentence, mention, words)
    left = sentence[:bound_start]
    if words.regex(r"\b(?:{known_before})\s*$").search(left, max(0, len(left) - 20)):
        return False
    if in_request_list:
        opening = left[LINE_OPENING.match(left).end() :]  # type: ignore[union-attr]
        # what the item asks for, however far its verb ("- press for every crossing to reopen and for
        # at least 600 trucks a day to enter"), unless the number is in a clause of its own with a
        # verb of its own: "- end the siege that has starved 30 children"
        return words.regex(
            r"\b(?:{relative}|{subordinators})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{auxiliaries})\b"
        ).search(opening) is None
    return words.regex(
        r"\b(?:{request_heads})\s[^.;:!?]{{0,120}}?\b(?:{infinitive_markers})\s*[\w'’-]+(?:\s+[\w'’-]+)?\s+$"
    ).search(clause_before(sentence, bound_start)) is not None


def _forecast_before(sentence: str, mention: NumberMention, dates: list[DateMention], words: Words) -> bool:
    """A word of the number's clause, before it, that makes it a forecast ("could reach"), but
    not a month that looks like one ("between 19 and 26 May fewer than 500 trucks")."""
    window = clause_before(sentence, mention.start)[-50:]
    if words.regex(r"\b(?:{deal_terms})\s+(?:[\w'’-]+\s+){{0,5}}$").search(window):
        return True  # "the deal provides for the release of 50 hostages": its terms, not what happened
    offset = mention.start - len(window)
    for match in words.forecast.finditer(window):
        at = offset + match.start()
        if not any(date.start <= at < date.end for date in dates):
            return True
    # a future told by its ending, where the ending is the future's alone ("levará cerca de 8 toneladas")
    return "future_endings" in words.grammar and words.regex(r"\b\w{{2,}}(?:{future_endings})\b").search(window) is not None


def _in_a_list_of_durations(right: str, words: Words) -> bool:
    """A number in a list that ends with a time unit: "aged 34, 52 and 56 years", "de 34, 52 e 56 anos"."""
    listed = words.regex(r"(?:\s*,\s*\d+)*\s*(?:,|\s(?:{conjunctions}))\s*\d+").match(right)
    return listed is not None and words.time_units.match(right[listed.end() :]) is not None


# the lookbehind starts an address at the beginning of its run: linear on "99999…" (no "@" there)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.\w")
_CONTACT_MARK = re.compile(r"[@\d+(]")  # what an e-mail address or a telephone number needs
_CONTACT_LINE_WORDS = 30
_CONTACT_LINE_CHARS = 400
_CONTACT_FIELDS_WORDS = 12


def is_contact_line(line: str, words: Words) -> bool:
    """A short line with an e-mail address or a telephone number: an address block, whose
    numbers (house, postcode, phone) count nothing."""
    if len(line) > _CONTACT_LINE_CHARS:
        return False
    count = len(line.split())
    # a block of fields ("... | tel. ... | press@..."), or a line too short to say anything else
    fields = "|" in line or count <= _CONTACT_FIELDS_WORDS
    if not fields or count > _CONTACT_LINE_WORDS:
        return False  # most lines: too long to be an address block, whatever they hold
    # each pattern below needs "@", a digit, "+" or "(" (after a telephone label): one cheap scan first
    if not _CONTACT_MARK.search(line):
        return False
    contact = _EMAIL.search(line) or words.phone_label.search(line) or _INTERNATIONAL_PHONE.search(line)
    return contact is not None


_LINE_END = re.compile(r"\s*\.?\s*$")
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s()-]*\d){6,}")  # "+356 2155 0193", with no label
_TOWN_AFTER = re.compile(r"\s+[A-Z][^\W\d_]+")  # with case: a town's name


_SECOND_POSTCODE_GROUP = re.compile(r"\s\d\d\s+[A-ZÀ-Þ]")
_FIRST_POSTCODE_GROUP = re.compile(r"(?<![\d.,])\d{3}\s$")
_AREA_CODE = re.compile(r"\)\s?\d{4,5}[-\s]\d{4}\b")  # "(11) 5555-0148"


def _in_address(mention: NumberMention, left: str, right: str, words: Words) -> bool:
    """A house number or a postcode: "12, rue des Lilas, 75011 Paris", "Rue de la Loi 155, 1040 Brussels"."""
    if words.street_after.match(right) and not _names_an_area(right, words):
        return True  # but "360 square kilometres" is an area
    if words.street_named.search(left, max(0, len(left) - 60)):
        return True
    # a postcode: four or five digits before a town's name or at the line's end, or written in two
    # groups ("111 21 Stockholm"), on a line that names a street
    postcode = mention.digits.isdigit() and (
        (4 <= len(mention.digits) <= 5 and (_TOWN_AFTER.match(right) is not None or _LINE_END.match(right) is not None))
        or (len(mention.digits) == 3 and _SECOND_POSTCODE_GROUP.match(right) is not None)
        or (len(mention.digits) == 2 and _FIRST_POSTCODE_GROUP.search(left) is not None and _TOWN_AFTER.match(right) is not None)
    )
    # a street or a telephone on the line ("Bundeshaus West, 3003 Bern, Tel. +41 58 ...")
    return postcode and (words.street.search(left, max(0, len(left) - 60)) is not None or words.phone_label.search(right) is not None)


# a first name and a surname at least, the surname maybe with a particle ("Anas al-Sharif")
_NAME_AND_COMMA = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z]|(?:al|el|abu|bin|ben|ibn)-)[\w'’-]+)+,\s*$")
_ONE_NAME_AND_COMMA = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
_AGE_MAX = 110


def _is_age_after_name(mention: NumberMention, left: str, right: str, words: Words) -> bool:
    """An age set after a name between commas: "Noa Argamani, 26, Almog Meir Jan, 22, and ..."."""
    if mention.percent or not mention.digits.isdigit() or mention.value > _AGE_MAX:
        return False
    name = _NAME_AND_COMMA.search(left, max(0, len(left) - 40))
    if name is None and words.regex(r",\s+(?:{person_described})\s").match(right):  # "Eyal, 47, who commands ..."
        name = _ONE_NAME_AND_COMMA.search(left, max(0, len(left) - 40))
    if name is None or words.regex(r"\b(?:{inside}|{place_prepositions})\s+$").search(left, max(0, name.start() - 10), name.start()):
        return False  # "In Khan Younis, 12, including three children, were killed": a place, not a name
    # a comma or a stop closes the age, or "and" and another name, capitalised (so matched with case)
    return words.regex(r"\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:{conjunctions})\s+[A-Z]", flags=0).match(right) is not None


def _is_year(mention: NumberMention, left: str, right: str, words: Words) -> bool:
    if mention.in_words or mention.percent or not mention.digits.isdigit() or len(mention.digits) != 4:
        return False
    if not 1800 <= mention.value <= 2100:
        return False
    if words.regex(r"\b(?:{year_before})\s+$").search(left, max(0, len(left) - 20)):
        return True  # "since 2009 and employs 84 staff", "founded in 1882": a year, though a count follows
    if mention.value < 1900:
        return False  # "1,882 wounded": a count unless a year's word says otherwise
    if words.regex(r"\s+(?:{articles})\b").match(right):
        return True  # "since 1948 the refugees …": a count is not followed by "the"
    return not _counts_war_thing(right, words)


def _names_an_area(right: str, words: Words) -> bool:
    """The words after a number give an area: "360 square kilometres", "0,5 quilômetro quadrado"."""
    return words.events["area"].match(right.lstrip()) is not None


def _one_of_a_group_killed_or_hurt(after: str, words: Words) -> bool:
    """"one of its soldiers was killed": one more of a group, killed or wounded, is a count of one
    (not "one of the dead was 19": the dead are an event's word, not a group's)."""
    head = after.lstrip()
    group = words.group_lists.any_of.match(head)
    if group is None or words.event_lists.any_of.match(head):
        return False
    rest = head[group.end() : group.end() + 40]
    event = words.events["killed"].search(rest) or words.events["injured"].search(rest)
    # a verb of its own ("was killed"), not a participle that picks one out ("one of the children killed was")
    return event is not None and words.regex(r"\b(?:{auxiliaries})\b").search(rest, 0, event.start()) is not None


def _right_after_including(left: str, words: Words) -> bool:
    """Whether the number comes right after a word that opens a part ("including", "dont", "darunter")."""
    found = last_match(words.including, left, max(0, len(left) - 30))
    return found is not None and not left[found.end() :].strip()


def _counts_war_thing(right: str, words: Words, reach: int = HEAD_WORDS) -> bool:
    """Whether one of the next few words names a group, a unit or an event."""
    head = " ".join(right.split()[:reach])
    head = _HEAD_CUT.split(head, 1)[0]
    if not head.strip():
        return False
    if words.group_lists.any_of.search(head) or words.event_lists.any_of.search(head):
        return True
    return words.any_unit.search(head) is not None
