"""Step 3 (spec §2): what a number counts (its event and group, hence the metric), its bound and unit."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from statecheck.extract import lexicon
from statecheck.extract.claims.state import Reading
from statecheck.extract.claims.words import (
    BOUND_REACH,
    CASUALTIES,
    CURRENCIES,
    DIGIT,
    HEAD_WORDS,
    LEFT_REACH,
    RIGHT_REACH,
    PhraseLists,
    Words,
    alternation,
)
from statecheck.extract.dates import DateMention
from statecheck.extract.numbers import NumberMention

# Language-neutral patterns, compiled once (those with a language's words come from Words.regex)
_FIRST_WORDS = re.compile(rf"(?:\s*\S+){{1,{HEAD_WORDS}}}")  # up to the end of the head's last word
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_START = re.compile(r"\s*[a-z]")
_HEAD_WORD = re.compile(r"\s*[\w$€£%]")
_NO_HEAD = re.compile(r"\s*(?:a|per|each|every|in|on|since|as|by|from)\b", re.IGNORECASE)
_HEAD_CUT = re.compile(r"[;:!?()]|(?<!\b[A-Z])\.(?!\d)|,\s")  # "U.S. citizens" goes on past its initials
_UNIT_HEAD_CUT = re.compile(r"[,;:.!?()]")
_CLAUSE_END = re.compile(r"[;:|•]|\s[—–]\s|\.\s|\(|\)")


def _clause_start_pattern() -> re.Pattern[str]:
    """Where a clause begins: after a semicolon, a colon, a dash, a parenthesis, a full stop, or
    a comma and a word that opens a clause ("..., e exigimos a libertação dos 50 reféns"). The
    words are those of every language read: a sentence's breaks are found once, whatever its
    language (they are cached by sentence)."""
    openers = {w for language in lexicon.LANGUAGES for w in lexicon.load(language, "claims").get("grammar", {}).get("comma_clause_openers", [])}
    return re.compile(r"[;:|•()]|\s[—–]\s|\.\s|,\s+(?:" + alternation(sorted(openers)) + r")\s")


_CLAUSE_START = _clause_start_pattern()
_SENTENCE_BREAK = re.compile(r"(?<!\d)\.\s|[!?;]\s")  # not the dot of a day ("seit dem 7. Oktober")
_SENTENCE_PART_END = re.compile(r"[;|•]|\.\s|$")
_ASIDE_OPENER = re.compile(r"(,|\s[–—]|\()\s*[^,–—(]{0,40}$")
_BEFORE_PARENTHESIS = re.compile(r"([\w\s-]{2,40})\(\s*$")
_AT_MOST_TWO_WORDS = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}")
_DASH_ASIDE_OPEN = re.compile(r"\s[–—]\s*$")
_A_WORD = re.compile(r"[^\W\d_]{3,}")
_WORD_NEXT = re.compile(r"\s*[^\W\d_]")
# A line of a fact sheet or a table: a label, a colon, then the figure ("- Killed: 34,012",
# "2. Trucks that entered Gaza: 1,302"); a bullet or an item number may open it.
_BULLETS = "•*·–—-"
_LABEL_OPENING = rf"[\s{_BULLETS}]*(?:\d{{1,2}}[.)]\s+)?"
_LINE_LABEL = re.compile(_LABEL_OPENING + r"[^\W\d][^:;!?]{0,80}?:\s*")
LINE_OPENING = re.compile(_LABEL_OPENING)
"""The bullet or item number that may open a line ("- ", "2. "), and the spaces around it."""
BULLET = re.compile(rf"\s*[{_BULLETS}]\s")
"""A bullet opening a line."""
LINE_ITEM = re.compile(rf"\s*(?:[{_BULLETS}]|\d{{1,2}}[.)])\s")
"""A bullet or an item number opening a line: the line is an item of a list."""
_LIST_COMMA = re.compile(r"\s*(?:[\w'’-]+\s+)?(?:[\w'’-]+)?\s*,\s*")  # "3,324 children, 2,062 women"


def read_what(
    sentence: str,
    mention: NumberMention,
    previous: Reading | None,
    following: NumberMention | None,
    words: Words,
) -> Reading:
    """The event (killed, injured, …) and the group (children, staff, …) a number counts."""
    right_end = min(len(sentence), mention.end + RIGHT_REACH)
    right_start = mention.end
    own_group: tuple[str | None, int | None] | None = None  # the group named before a total it is among
    if following is not None:
        if _among(sentence[mention.end : following.start], words):
            # "17,400 children are among the 43,985 Palestinians killed": the children's own noun,
            # the total's verb
            own_group = _group_after(sentence[mention.end : following.start], words)
            right_start = following.end
            right_end = min(len(sentence), following.end + RIGHT_REACH)
        elif _is_part_of(sentence[mention.end : following.start], words):
            if not mention.share:
                # "18 of the 36 hospitals were out of service": 18 counts what follows the total
                right_start = following.end
                right_end = min(len(sentence), following.end + RIGHT_REACH)
            # a share of a total ("half of the 2.3 million have fled") reads on past it
        else:
            right_end = min(right_end, following.start)  # "a third of them are dead, and 800 soldiers ..."
    raw_right = sentence[right_start:right_end]
    right = clause_right(raw_right)
    left_start = max(0, mention.start - LEFT_REACH, previous.mention.end if previous else 0)
    raw_left = sentence[left_start : mention.start]
    left = clause_before(sentence, mention.start, left_start)
    bound, bound_start = read_bound(sentence, mention, words)
    labelled = previous is None and is_labelled(sentence, bound_start)
    if labelled:
        left = sentence[: mention.start]  # "- Health workers killed: 485": the label says what the figure counts
    left_offset = mention.start - len(left)

    link = _link(sentence, previous, bound_start, words, mention.end)
    if previous is not None and bound == "exact" and link == "coordinated":
        bound = previous.bound  # "more than 6,150 children and 4,000 women": the bound carries over

    group, group_end = _group_after(right, words) if own_group is None else (own_group[0], None)
    if group is None:
        group = _group_before_parenthesis(raw_left, words)
    if group is None and _has_no_head(right, words):
        # "the number of UNRWA staff killed ... stands at 194"; after another count, only the words
        # from a total's name on: "two more soldiers, bringing the number of troops killed to 600"
        # from the words naming the total on: "After a strike hit the hospital, the death toll rose
        # to 30,000" counts no hospitals
        since_total = _from_total_name(left, words) or (left if previous is None else _from_total(left, words))
        group = _group_before(since_total, words) if since_total else None
    own_clause = _own_clause(right, group_end, words)
    event_window = own_clause
    event_base = right_start  # where event_window starts in the sentence
    opener = words.regex(r"\s(?:{clause_openers})\s").search(event_window)
    if opener:
        event_window = event_window[: opener.start()]  # "... a day in April but has fallen since"
    if group is None:
        new_clause = words.regex(r"\s(?:{conjunctions})\s+(?:{phrase_determiners})\s").search(event_window)
        if new_clause:
            event_window = event_window[: new_clause.start()]  # "to 61,599 and the number of wounded to ..."
    # "56 hostages, 20 of whom are alive": after "of whom" the verb is the part's own
    own_predicate = words.regex(r"\s*(?:{of_them})\s+(?:{auxiliaries})\b").match(right) is not None
    if group is None and not mention.share and not mention.percent and not own_predicate:
        relative = words.regex(r"\b(?:{relative})\b").search(event_window)
        if relative and relative.start() > 1:
            event_window = event_window[: relative.start()]  # "8,000 requests ... of relatives who are missing"
        # a relative clause right after a bare number is what it counts: "and 289 who died of malnutrition"
    opener = _ASIDE_OPENER.search(raw_right) if following is not None and not mention.share else None
    if opener:
        # "1.9 million people, about 85% of the population, have been displaced",
        # "2.1 million people – 96 per cent of the population – face hunger": read past the aside
        closer = {",": ",", "(": r"\)"}.get(opener.group(1).strip(), "[–—]")
        wider = sentence[mention.end : mention.end + 200]
        wider = wider[: _SENTENCE_PART_END.search(wider).start()]  # type: ignore[union-attr]
        base = group_end or 0
        # after a comma aside the main clause goes on with its verb ("..., have been displaced")
        verb_next = rf"(?=(?:(?:{words.g('adverbs')})\s+)?(?:{words.g('auxiliaries')}|{words.g('main_verbs')})\b)" if closer == "," else ""
        # (a decimal point is no sentence's end: "or some 1.9 million people")
        aside = re.search(
            rf"{re.escape(opener.group(1).strip())}(?:[^;.]|(?<=\d)\.(?=\d)){{0,80}}?{closer}\s+{verb_next}", wider[base:], re.IGNORECASE
        )
        if aside and aside.start() <= opener.start() - base + 1:
            event_window = wider[: base + aside.start()] + " " + wider[base + aside.end() :]
            event_window = _own_clause(event_window, group_end, words)
            event_base = mention.end
    if not mention.share and (words.including.search(right[-15:]) or _opens_including_aside(right, group_end, words)):
        # "287 aid workers, including 205 UNRWA staff, have been killed": read past the parts
        past = _past_parts(clause_right(sentence[mention.end : mention.end + 200]), group_end or 0, words)
        if past:
            event_window, event_base = past, mention.end
    # a proportion ("85% of the population have fled") takes the last verb of its clause, not its "of" noun
    right_event, right_span = _nearest(event_window, words.event_lists, from_start=not (mention.share or mention.percent))
    if right_span is not None and not (mention.share or mention.percent):
        right_event, right_span = _main_verb(event_window, right_event, right_span, words)
    if following is not None and right_span is not None and words.regex(r"\s(?:{conjunctions})\s+$").search(event_window, 0, right_span[0]):
        right_event, right_span = None, None  # "mató a cinco personas e hirió a otras 28": the verb after "e" is the next count's
    left_event, left_span = _nearest(left, words.event_lists, from_start=False)
    governing = left_span is not None and (
        _only_determiners(sentence[left_offset + left_span[1] : bound_start], words) or (labelled and right_event is None)
    )

    if right_event in _HELD_GROUPS and right_span is not None and event_base == right_start and right_span[0] <= 1:
        # the word that names the held, right after the number, is no event of its own when a release
        # is told of them: after it ("183 presos libertados") or before it ("libertou em troca 183 presos")
        later, later_span = _next_event(event_window, right_span[1], words)
        if later == "released" and later_span is not None:
            group, group_end = group or _HELD_GROUPS[right_event], group_end or right_span[1]
            right_event, right_span = later, later_span
        elif left_event == "released" and group_end is not None and right_span[0] < group_end:
            right_event, right_span = None, None
    if (
        right_event == "population" and right_span is not None and event_base == right_start and right_span[0] <= 1
        and group_end is not None and right_span[1] < group_end
    ):
        # "25 living hostages came home": "living" says which hostages; the verb after them is the event
        later, later_span = _next_event(event_window, group_end, words)
        if later in _HELD_GROUPS and later_span is not None:
            # "the last 20 living hostages held in Gaza came home": the release, if one is told
            release, release_span = _next_event(event_window, later_span[1], words)
            if release == "released":
                later, later_span = release, release_span
        if later is not None:
            right_event, right_span = later, later_span
    if group is not None and group_end is not None and right_span is not None and event_base == right_start and (
        right_span[0] < group_end <= right_span[1] and _inside_the_event(event_window[right_span[0] : right_span[1]], words)
    ):
        # "3,200 needing hospital treatment", "hauled out of their homes": the noun is the event's word, not the counted
        group, group_end = None, None
    if (
        governing and right_event in _KILLING and right_span is not None and left_span is not None
        and right_span[0] <= (group_end or 0) + 1
        and words.regex(r"\b(?:{result_verbs})$").search(left, 0, left_span[1])
    ):
        governing = False  # "the strike had left 73 dead": the state told after the count is what it counts
    event, event_span, event_side = None, None, ""
    describes_group = (
        right_event in _KILLING and right_span is not None and group_end is not None
        and right_span[0] <= 1 and right_span[1] < group_end
    )
    if governing and describes_group and left_event not in _KILLING:
        event, event_span, event_side = right_event, right_span, "right"  # "evacuated 61 wounded soldiers": wounded ones
    elif governing:
        event, event_span, event_side = left_event, left_span, "left"  # "killing at least 67 ..."
    elif link == "including" and previous is not None:
        if right_event is not None and right_span is not None and (own_predicate or right_span[0] <= (group_end or 0) + 12):
            event, event_span, event_side = right_event, right_span, "right"
        else:
            event, event_side = previous.event, "inherited"
    elif right_event is not None:
        event, event_span, event_side = right_event, right_span, "right"
    elif link in ("coordinated", "parenthesis") and previous is not None:
        event, event_side = previous.event, "inherited"
    elif left_event is not None and (
        group in (None, "people") or "," not in sentence[left_offset + (left_span or (0, 0))[1] : mention.start]
        or _from_total_name(left[: (left_span or (0, 0))[0]], words)  # "the number of soldiers killed since ..., to 904"
    ) and not words.regex(r"\b(?:{struck_openers})\s+(?:(?:{determiners})\s+)?$").search(sentence, max(0, bound_start - 30), bound_start):
        # but "six were killed when two gunmen opened fire": the number opens the clause of what struck
        event, event_span, event_side = left_event, left_span, "left"

    if mention.share and words.events["population"].search(left[-15:]):
        event, event_span, event_side = "population", None, ""  # "home to almost half of ..."
    list_head = None
    if previous is not None and link in ("including", "parenthesis"):
        list_head = previous.list_head or previous
    elif previous is not None and link == "coordinated":
        list_head = previous.list_head
    if group is None and previous is not None and link in ("and", "coordinated") and not mention.percent:
        antecedent = previous.list_head or previous
        # a part of comparable size: "152 staff killed and 26 injured", not "116 medics and 10,000 missing"
        if antecedent.group not in (None, "people", "bodies") and mention.value <= 10 * antecedent.mention.value:
            group = antecedent.group  # "152 staff killed and 26 injured": the same staff
    if previous is not None and previous.group is not None and words.regex(r"\s+(?:{others_after})\b").match(sentence, mention.end):
        # "destroyed 150,000 housing units and damaged 200,000 others": the things just counted; after
        # a part, the whole's ("ten people, six of them children, were killed; 16 others were wounded")
        counted = previous.list_head if previous.link in ("including", "parenthesis") and previous.list_head else previous
        group = counted.group
    elif group is None and previous is not None and words.regex(r"\b(?:{another})\s+$").search(sentence, 0, mention.start):
        group = previous.group
    if group is None and previous is not None and _compared_with(sentence, previous, bound_start, words):
        # "56 trucks a day, compared with about 500 before the war": the same things, at another time
        group = previous.group
        if right_event is None:
            event = previous.event
        elif event_side == "right" and event_span is not None and "," in event_window[: event_span[0]]:
            # "210 are held, up from 203 earlier in the week, as the missing are identified": the verb
            # after the comma is another clause's
            event, event_span, event_side = previous.event, None, "inherited"
    named = _named_before_of_them(sentence, previous, bound_start, words) if link == "including" else None
    if group is None and named is not None:
        # "1,200 people were killed, and all the hostages, 136 of whom remain in Gaza, must be freed":
        # the part is of the group named before the comma, not of the count before it
        group = named
        if event_side == "inherited":
            event, event_side = None, ""
    if group is None and previous is not None and link == "including":
        # "726 soldiers have fallen, 346 of them in Gaza": the same soldiers; "121 are still held,
        # 37 of whom are dead": the held, whom the count's verb made hostages
        group = previous.group or _HELD_GROUPS.get(previous.metric)
    joined = _joined_event_span(event_window if event_side == "right" else left, event_span, event, words) if event_span else None
    if joined is not None:
        event, event_span = "combined", joined  # "300 killed and injured", "the dead and wounded": one count of two things
    verb_at = event_span[0] if event_side == "left" and event_span is not None else len(left)
    if event == "killed" and _hunger_did_it(left, verb_at, words, 2 if event_side == "left" else 3):
        event = "starvation_death"  # "famine has already killed 442 people", "la famine a fait 461 morts"
    if event == "aid_seeking" and not (
        previous is not None and previous.event in ("killed", "aid_seeking") and link in ("including", "coordinated", "and", "parenthesis")
    ):
        # seeking aid is what the killed were doing ("killed, including 31 people waiting for aid"),
        # no event of its own ("flour costs ten times its price")
        event = None
    if event == "killed" and _seeking_aid(left, right, words):
        event = "aid_seeking"  # "killed while trying to reach food"
    if (
        previous is not None and previous.event is not None and event_side == "left" and event_span is not None
        and words.regex(r"\b(?:{anaphoric})\s+$").search(left, 0, event_span[0])
    ):
        event = previous.event  # "died of hunger ..., raising the number of such deaths to 227"
    if event == "released" and event_side == "left" and event_span is not None and _asked_for(left, event_span[0], words):
        # "we demand the release of 9,000 prisoners": they are still held; "the release of all the
        # hostages, 136 of whom remain in Gaza" names them before the number
        named_before = words.groups["hostages"].search(left, event_span[0]) is not None
        event = "hostages" if group == "hostages" or (group is None and named_before) else "detained"
    if event == "alive" and group_end is not None:
        event, event_span = None, None  # "the 132 hostages held in Gaza are alive": still the hostages; only a part is told apart by it
    if event is not None and not event_fits(event, group, right, words):
        if event in _KILLING and group is None and event_side == "right" and _head_is_unknown_noun(right, words):
            # "750 professores foram mortos": people of a kind the lexicon has no group for; their
            # count is other, but it was killed all the same (a total, dated like one)
            group = _LATIN_WORD.findall(right)[0].lower()
        else:
            event = None
    population_noun = words.regex(r"\s*(?:\S+\s+)?(?:\w+['’])?(?:{population_nouns})\b")  # "2,3 millions d'habitants"
    if event is None and group in (None, "people") and not mention.percent and (
        (group == "people" and mention.value >= 1_000_000 and population_noun.match(right))
        or (group == "people" and words.regex(r"\s*(?:\S+\s+)?(?:\w+['’])?(?:{resident_nouns})\b").match(right))
        or words.regex(r"\s*(?:(?:{population_nouns})\s+)?(?:{remain_in})\b").match(right)
    ):
        # millions of people, a place's residents, or those who remain in it, with nothing
        # happening to them, are a population
        event = "population"
    metric = metric_of(event, group, mention, right, words)
    if metric == "injured" and ((previous is not None and previous.event == "aid_seeking") or _seeking_aid(left, right, words)):
        metric = "other"  # "killed while seeking food, and more than 8,000 injured": aid seekers hurt have no metric
    if metric == "killed" and group is None and words.regex(r"\b(?:{in_captivity})\b").search(right):
        metric = "other"  # "the bodies of eight who died in captivity": hostages dead, as "killed.hostages"
    if (
        metric == "attacks_on_health" and event_side == "left" and event_span is not None
        and _only_determiners(sentence[left_offset + event_span[1] : bound_start], words)
    ):
        metric = "other"  # "attacks on 67 hospitals" counts hospitals, not attacks
    if event == "released" and _bodies_of(sentence[max(0, bound_start - 40) : bound_start], words):
        group, metric = "bodies", "other"  # "handed over the remains of 4 hostages": bodies, not people freed
    elif event == "released" and metric == "other" and group in _FREED_PEOPLE:
        metric = _freed_from(own_clause, words) or metric  # "two women abducted from Nahal Oz were released"
    shares_verb = event_side == "inherited" or (link == "and" and previous is not None and event == previous.event)
    if shares_verb and previous is not None and metric == "other":
        metric, group = _inherited_metric(event, group, previous, words, metric)
    if (
        metric == "other" and previous is not None and group in (None, "people", previous.group) and not mention.percent
        and words.period_markers_after.match(right) and previous.metric != "other"
    ):
        event, metric = previous.event, previous.metric  # "490 attacks on health care, and 15 more in the past week"
    if (mention.percent or mention.share) and previous is not None and _restates_as_share(sentence, previous, bound_start, right, words):
        event, metric = previous.event, previous.metric  # "1.9 million people have fled, 85 percent of the population"
    head = (previous.list_head or previous) if previous is not None and link == "including" else None
    if head is not None and group == "people" and metric in CASUALTIES and head.metric not in (metric, "other"):
        metric = "other"  # "seven aid workers killed, including three British nationals": the aid workers by nationality
    if (
        previous is not None and event_side != "right" and metric in _HOSTAGE_COUNTS
        and metric == (previous.list_head or previous).metric
        and (link == "including" or (_is_a_part(sentence, previous, link, words) and words.regex(_OF_THEM).match(sentence, mention.end)))
    ):
        # "120 hostages, including eight Americans", "24 hostages have come back, five of them Thai":
        # those held or freed broken down, with no metric of their own; "including 94 of the 251
        # abducted" names its own captivity, and stays a count of it
        metric = "other"
    if (
        metric == "killed" and previous is not None and (previous.list_head or previous).metric == "hostages"
        and (_is_a_part(sentence, previous, link, words) or words.regex(_OF_THEM).match(sentence, mention.end))
    ):
        metric = "other"  # "98 hostages remain in Gaza, and at least 34 of them are dead": the held, by whether they live
    if metric != "other" and _is_a_part(sentence, previous, link, words) and words.regex(
        r"^[^,;]{{0,40}}?\b(?:{agent_by})\s"
    ).search(right):
        metric = "other"  # "685 killed, 666 of them by Israeli forces, 12 by settlers": the killed broken down by who killed them
    described = _described_group(right, words) if metric != "other" or previous is not None else None
    if described is not None and event is None and previous is not None:
        event = previous.event  # "45,000 killed, and more than 17,000 of them were children": the same verb
    if described is not None:
        # "14,000 of those killed were fighters" counts killed fighters; "30 of the captives are
        # children", a breakdown with no metric of its own, is other
        if described[0] != "people":
            metric = words.metrics.get(f"{event}.{described[0]}", "other")
        elif mention.percent or mention.share:
            metric = "other"  # "83 per cent of the dead were civilians": the dead broken down
        group_end = max(group_end or 0, described[1])
    elif metric != "other" and (_is_breakdown(right, event, words) or _is_ratio(right, words)):
        metric = "other"
    if metric != "other" and (currency_of(sentence, mention, words) is not None or (metric == "area" and mention.percent)):
        metric = "other"  # "30 million euros for the population", "11 per cent of the territory": no count of people or km²
    if metric != "other" and _in_material_units(sentence, mention, words):
        metric = "other"  # "2.4 million litres of water to displacement sites": a quantity of a thing
    if metric.startswith("killed") and words.regex(r"\b(?:{in_custody})\b").search(own_clause):
        metric = "other"  # "73 Palestinians have lost their lives in Israeli prisons": deaths in custody
    if metric == "population" and of_a_small_place(sentence, mention, words):
        metric = "other"  # "Jenin camp had some 20,000 residents": a camp's or village's people, not a territory's population
    if metric == "displaced" and of_a_small_place(sentence, mention, words, "shelter_sites"):
        metric = "other"  # "the school sheltered 2,400 displaced people": those of one building, not a territory's displaced
    if metric == "displaced" and words.regex(r"\b(?:{across_border})\b").search(own_clause):
        metric = "other"  # "400,000 people have fled across the border into Syria": refugees abroad, not the displaced
    if metric == "displaced" and words.regex(r"\b(?:{returned_home})\b").search(own_clause):
        metric = "other"  # "900,000 displaced people have returned to their homes": returnees, no longer displaced
    if (
        metric.startswith("injured") and _is_a_part(sentence, previous, link, words)
        and words.regex(r"^\s*(?:(?:{of_them})\s+)?(?:{severity})\b").search(right)
    ):
        metric = "other"  # "1,000 wounded, some 300 of them critically": the wounded by how badly
    if metric.startswith("killed") and words.events["unrwa_premises"].search(own_clause):
        metric = "other"  # "270 people sheltering in UNRWA premises have been killed": UNRWA's count of its own
    if metric in RELEASED_HELD and release_awaited(sentence, bound_start, words):
        metric = RELEASED_HELD[metric]  # "the release of all 133 hostages": a release asked for counts those held
    if metric != "other" and words.worldwide.search(own_clause):
        metric = "other"  # "12,193 children killed in conflicts around the world": not a count of this war
    if previous is not None and _is_part_of(sentence[previous.mention.end : bound_start], words):
        people = group in (None, "people") or words.regex(r"\s*(?:{population_nouns})\b").match(right) is not None
        if people and mention.value >= _SMALLEST_POPULATION and not mention.percent:
            # "half of Gaza's 2.3 million citizens", "1.4 million of the Strip's 2.2 million people have
            # fled": the whole the part is taken of is the population (spec §1); the verb is the part's
            metric, event, event_span = "population", "population", None
        elif not (previous.mention.share or previous.mention.percent) and (
            right_event is None or words.regex(r"\b(?:{auxiliaries})\b").search(event_window, 0, (right_span or (0, 0))[0])
        ):
            metric, event = "other", None  # the total that a part was counted against ("18 of the 36 hospitals")
        # else "half of the 36 hospitals" (a share's whole keeps what it counts), or "94 of the 251
        # abducted" (the total has its own participle and keeps its metric)

    quote_start = min(bound_start, mention.start)
    quote_end = mention.end
    if group_end is not None:
        quote_end = max(quote_end, right_start + group_end)
    if event_span is not None and event_side == "right":
        # The window may have had an aside or a comma cut out (it only ever loses characters), so
        # the event word is at or after where the window puts it: find it in the sentence.
        event_text = event_window[event_span[0] : event_span[1]]
        found = sentence.find(event_text, event_base + event_span[0])
        quote_end = max(quote_end, (found if found >= 0 else event_base + event_span[0]) + len(event_text))
    elif event_span is not None and event_side == "left":
        quote_start = min(quote_start, left_offset + event_span[0])
    if labelled and (event is not None or group is not None):
        opening = LINE_OPENING.match(sentence)
        quote_start = min(quote_start, opening.end() if opening else 0)
    verb_before = event_side == "left" or (event_side == "inherited" and previous is not None and previous.verb_before)
    return Reading(mention, event, group, metric, quote_start, quote_end, bound, bound_start, list_head, link, verb_before)


_HOSTAGE_COUNTS = ("hostages", "hostages_released")
_OF_THEM = r"\s+(?:{of_them})\b"
_PEOPLE_EVENTS = frozenset({"killed", "injured", "missing", "displaced", "detained", "hostages", "population",
                            "hunger", "starvation_death", "aid_seeking", "ill", "malnourished", "in_need"})
_OBJECT_GROUPS = frozenset({"housing", "hospitals", "schools", "mosques", "ambulances", "trucks", "health"})


def event_fits(event: str, group: str | None, right: str, words: Words) -> bool:
    """A people event ("displaced") cannot count objects ("149 installations", "144,000 jobs"), and the reverse."""
    if group is None and event in _PEOPLE_EVENTS and _head_is_unknown_noun(right, words):
        return False
    if group in _OBJECT_GROUPS:
        return event not in _PEOPLE_EVENTS - {"hostages"}
    head = " ".join(right.split()[:3])
    # "100 dead in strikes": the number's own word is the event; the objects after it are not what it counts
    if group is None and words.units["items"].search(head) and not words.event_lists.any_of.match(right.lstrip()):
        return event not in _PEOPLE_EVENTS
    # a group of people is not destroyed, damaged, out of service or let in
    return not (group is not None and event in ("destroyed", "damaged", "out_of_service", "entered"))


_KILLING = frozenset({"killed", "injured"})

_JOINABLE_EVENTS = (
    frozenset({"killed", "injured", "missing", "displaced", "detained", "hostages", "ill"}),
    frozenset({"destroyed", "damaged", "out_of_service", "targeted"}),
)
"""What can happen to people, and to things, and be counted together with another of the same
kind in one figure ("killed or injured", "destroyed or damaged")."""


def _restates_as_share(sentence: str, previous: Reading, bound_start: int, right: str, words: Words) -> bool:
    """The share right after a count (a comma, a dash or a parenthesis between) is that count
    given as a share of the population: "1.9 million people have been displaced, 85 percent of
    the population"."""
    if previous.metric in ("other", "population") or previous.mention.percent or previous.mention.share:
        return False
    # a place may end the count's clause first: "have been displaced inside Gaza, 85 percent ..."
    if not words.regex(r"(?:\s+[\w'’-]+){{0,3}}\s*[,(–—]\s*(?:(?:{compared_with}|{asides})\s+)?").fullmatch(
        sentence, previous.quote_end, bound_start
    ):
        return False
    return words.regex(r"\s*(?:\S+\s+){{0,3}}?(?:{population_nouns})\b").match(right) is not None


def read_under_heading(sentence: str, reading: Reading, event: str, words: Words) -> Reading:
    """A fact sheet's line that names only a place ("Khan Younis: about 955,000") counts what its
    list's heading names ("Estimated population by governorate:")."""
    if reading.event is not None or reading.group not in (None, "people") or not is_labelled(sentence, reading.bound_start):
        return reading
    return replace(reading, event=event, metric=metric_of(event, reading.group, reading.mention, "", words))


def read_listed_part(sentence: str, reading: Reading, listed: Reading | None, words: Words) -> Reading:
    """A fact sheet's line that opens with "of whom" counts a part of the line before: "- Killed:
    34,012" then "- of whom children: 14,685" counts killed children."""
    if listed is None or listed.event is None or reading.event is not None or not is_labelled(sentence, reading.bound_start):
        return reading
    opening = LINE_OPENING.match(sentence)
    if not words.including.match(sentence, opening.end() if opening else 0):
        return reading
    metric = metric_of(listed.event, reading.group, reading.mention, "", words)
    return replace(reading, event=listed.event, metric=metric, list_head=listed, link="including")


def read_part_of_last(sentence: str, reading: Reading, last: Reading | None, words: Words) -> Reading:
    """A sentence that opens by pointing back at the count before it and names only a group counts
    what that count counted: a part of it ("Among them were 30 journalists", "Darunter sind 40 Kinder")
    or more of the same ("Added to them are 1,500 doctors and nurses", "Hinzu kommen 1.500 Ärzte")."""
    if last is None or last.event is None or reading.event is not None or reading.group is None:
        return reading
    opening = LINE_OPENING.match(sentence)
    start = opening.end() if opening else 0
    if words.including.match(sentence, start):
        link = "including"
    elif words.regex(r"(?:{addition_openers})\b").match(sentence, start):
        link = "and"
    else:
        return reading
    metric = metric_of(last.event, reading.group, reading.mention, "", words)
    return replace(reading, event=last.event, metric=metric, link=link)


def is_labelled(sentence: str, bound_start: int) -> bool:
    """The figure at ``bound_start`` follows the label of a fact sheet's line ("- Killed: 34,012")."""
    return _LINE_LABEL.fullmatch(sentence, 0, bound_start) is not None


def _is_a_part(sentence: str, previous: Reading | None, link: str | None, words: Words) -> bool:
    """The number counts a part of a count before it: after "including" or "of them", in a list
    that goes on from such a part, or in a sentence that opens with "Among them"."""
    if words.including.match(sentence, len(sentence) - len(sentence.lstrip()) if sentence[:1].isspace() else 0):
        return True
    return previous is not None and (link == "including" or (link in ("coordinated", "and") and previous.link == "including"))


def _hunger_did_it(left: str, verb_start: int, words: Words, gap_words: int) -> bool:
    """Hunger is the subject of the killing verb (or of the verb before the number): a word of
    hunger ends at most ``gap_words`` words before it."""
    before = left[max(0, verb_start - _SUBJECT_GAP) : verb_start]
    hunger = words.events["hunger"].search(before)
    between = before[hunger.end() :] if hunger is not None else ""
    return hunger is not None and "," not in between and len(between.split()) <= gap_words  # not "Amid famine, 300 were killed"


_SUBJECT_GAP = 30


def _compared_with(sentence: str, previous: Reading, bound_start: int, words: Words) -> bool:
    """The number is set against the count before it, or restates it ("compared with", "that is"),
    or restates it as a rate right after it ("262 trucks in a week, fewer than 40 a day"), or is a
    rate set against the rate before it ("70 trucks a day in July; before the war there were 500 a day")."""
    if words.regex(r"\b(?:{compared_with})\s+$").search(sentence, previous.mention.end, bound_start) is not None:
        return True
    rate = words.scope.get("rate")
    if rate is None or rate.search(sentence[bound_start : bound_start + 40]) is None:
        return False
    return (
        _ONLY_A_COMMA.fullmatch(sentence, previous.quote_end, bound_start) is not None
        or rate.search(sentence, max(0, previous.mention.start - 40), bound_start) is not None
    )


_FREED_PEOPLE = frozenset({"people", "women", "children", "women_and_children"})
"""Groups of people whose release the words around them tell as hostages' or prisoners'."""


def _freed_from(clause: str, words: Words) -> str | None:
    """Hostages or prisoners released, by what the clause says they were held as, else by who
    they are ("set free 1,100 Palestinians", "three Israeli men were handed over")."""
    if words.events["hostages"].search(clause):
        return "hostages_released"
    if words.events["detained"].search(clause):
        return "prisoners_released"
    head = clause[:_FREED_HEAD_REACH]
    if words.regex(r"\b(?:{released_as_prisoners})\b").search(head):
        return "prisoners_released"
    if words.regex(r"\b(?:{released_as_hostages})\b").search(head):
        return "hostages_released"
    return None


_FREED_HEAD_REACH = 30  # characters after the number in which who the freed are is named


_SMALLEST_POPULATION = 100_000
"""A whole of people that a part is drawn from ("half of Gaza's 2.3 million", "1.4 million of the
Strip's 2.2 million") is a population from this size; "3 of the 40 people on board" is not."""

_ONLY_A_COMMA = re.compile(r"[^,;.]*,\s*")

_HELD_GROUPS = {"hostages": "hostages", "detained": "prisoners"}
"""The group of people a count of the held counts, when no word of it names one."""


def _inherited_metric(
    event: str | None, group: str | None, previous: Reading, words: Words, metric: str
) -> tuple[str, str | None]:
    """The metric of a count that shares the verb of the count before it, where the verb and its
    own group make none: a group that is a count of its own ("1,200 dead and 251 hostages"), or
    people joined to a group the verb did count ("freed 13 hostages and four Thai nationals")."""
    if group not in (None, "people"):
        return (metric if previous.verb_before else words.metrics.get(group, metric)), group
    if previous.group not in (None, "people") and previous.metric != "other":
        return previous.metric, previous.group
    return metric, group


def _joined_event_span(text: str, span: tuple[int, int], event: str | None, words: Words) -> tuple[int, int] | None:
    """Where the event word at ``span`` of ``text`` and a word of another event joined to it by
    "and" or "or" lie ("killed and injured", "killing or maiming", "wounded and sick"): the
    number counts both. None when no other event is joined to it."""
    joinable = next((kind for kind in _JOINABLE_EVENTS if event in kind), None)
    if joinable is None:
        return None
    after = words.regex(r"\s*(?:{event_joiners})\s+").match(text, span[1])
    if after is not None:
        for name, length in words.event_lists.at_start(text[after.end() :]):
            if name != event and name in joinable:
                return span[0], after.end() + length
    before = words.regex(r"(?:{event_joiners})\s+$").search(text, 0, span[0])
    if before is None:
        return None
    head = text[: before.start()].rstrip(" ,")
    for name, (start, end) in words.event_lists.last_spans(head).items():
        if name != event and name in joinable and end == len(head):
            return start, span[1]
    return None


def _is_part_of(between: str, words: Words) -> bool:
    """Only "of the", "of Gaza's", "out of" between two numbers: the first is a part of the second."""
    return bool(words.regex(r"\s+(?:{part_of})\s+(?:[A-Z][\w-]*['’]s\s+)?").fullmatch(between))


def is_whole_of_part(sentence: str, previous: Reading, reading: Reading, words: Words) -> bool:
    """The number is the whole the count before it is a part of: "12 of the 36 hospitals"."""
    return _is_part_of(sentence[previous.mention.end : reading.bound_start], words)


def _named_before_of_them(sentence: str, previous: Reading | None, bound_start: int, words: Words) -> str | None:
    """The group named right before ", N of whom" when it is not the one the count before counts."""
    tail = sentence[max(0, bound_start - 40) : bound_start].rstrip().rstrip(",")
    named = _group_before(tail, words)
    if named is None or named == (previous.group if previous else None):
        return None
    return named if words.group_lists.last_spans(tail).get(named, (0, -1))[1] == len(tail) else None


def _inside_the_event(event_words: str, words: Words) -> bool:
    """A group's noun stands inside the event's words, after their start ("needing hospital
    treatment"), rather than being them ("presos")."""
    starts = [start for start, _ in words.group_lists.first_spans(event_words).values()]
    return bool(starts) and min(starts) > 0


def _among(between: str, words: Words) -> bool:
    """Only a noun and "are among the" between a count and the total it is part of ("children are
    among the 43,985 killed")."""
    return words.regex(r"\s+(?:[\w'’-]+\s+){{0,3}}?(?:{among})\s+(?:(?:{articles})\s+)?").fullmatch(between) is not None


def _is_ratio(right: str, words: Words) -> bool:
    """"one civilian killed for every fighter": a ratio, not a count."""
    return bool(words.regex(r"\b(?:{ratio})\b").search(right))


def _is_breakdown(right: str, event: str | None, words: Words) -> bool:
    """"10 to 20 are over the age of 60": a part described by age is a breakdown, counted as
    ``other`` (one described by a second group: :func:`_described_group`)."""
    return event is None and bool(words.regex(r"\b(?:{copulas})\s+(?:{age_descriptor})\b").search(right))


def _described_group(right: str, words: Words) -> tuple[str, int] | None:
    """The second group a part is described by, and where its name ends in ``right``: "30 of the
    captives are children", "14,000 of those killed were fighters" (a part of the captives, or
    of the dead, who are ...)."""
    partitive = words.regex(r"\s*(?:{partitive})\b(.*)").match(right)
    if partitive is None:
        return None
    # "are said to be", "were believed to be": a hedge between the copula and the group
    described = words.regex(r"\b(?:{copulas})\s+(?:(?:{hedges})\s+)?(?:(?:{determiners})\s+)?(.*)").search(right, partitive.start(1))
    if described is None:
        return None
    named = words.group_lists.at_start(described.group(1))
    if not named:
        return None
    name, length = max(named, key=lambda item: item[1])
    return name, described.start(1) + length


def _link(sentence: str, previous: Reading | None, bound_start: int, words: Words, mention_end: int) -> str | None:
    """How a number hangs on the one before it in the sentence."""
    if previous is None:
        return None
    between = sentence[previous.mention.end : bound_start]
    if _SENTENCE_BREAK.search(between):
        return None
    if between.rstrip().endswith("(") or _DASH_ASIDE_OPEN.search(between):
        return "parenthesis"  # "(12,300)", "2.1 million people – 96 per cent of the population – face ..."
    cue = words.including.search(between[-40:])
    if cue and _AT_MOST_TWO_WORDS.fullmatch(between[-40:][cue.end() :]) and not words.regex(
        r"\b(?:{auxiliaries})\b"
    ).search(between.split(",")[-1]):
        return "including"
    if (
        between.rstrip().endswith((",", ":")) or words.regex(r",\s*(?:{part_openers})\s+$").search(between)
    ) and words.regex(r"\s*(?:{of_them})\b").match(sentence, mention_end):
        # "41,000 Palestinians, 16,000 of them children", "120 are held: 116 of them abducted on 7 October",
        # "899 soldiers killed ..., with 455 of those falling in Gaza"
        return "including"
    if between.rstrip().endswith(",") and words.regex(r"(?:\s+[^\W\d_][\w'’-]*){{0,2}}\s+(?:{among_them})\b").match(sentence, mention_end):
        return "including"  # "93 people were killed, 25 children among them"
    if _coordinated(between, words):
        return "coordinated"
    if words.regex(r"\b(?:{conjunctions})\s+(?:(?:{another})\s+)?$").search(between):
        return "and"
    return None


def _opens_including_aside(right: str, group_end: int | None, words: Words) -> bool:
    """The counted group is followed by an aside of its parts with no number of their own:
    "163 health workers, including paramedics and rescuers, have been killed"."""
    if group_end is None or not right.startswith(",", group_end):
        return False
    return words.including.match(right[group_end + 1 :].lstrip()) is not None


def _past_parts(right: str, start: int, words: Words) -> str:
    """The words after an ", including …," aside, joined to the head: the verb that governs both."""
    # the head's own verb follows the aside's closing comma: not a year ("October 7, 2023") nor
    # "and", which goes on with the list ("..., including 40 abducted, and the bodies of 20")
    match = re.search(
        r",\s+(?:" + words.including.pattern + r")[^,;.]{0,80},\s+(?!\d)(?!(?:" + words.g("conjunctions") + r")\b)",
        right[start:],
        re.IGNORECASE,
    )
    if match is None:
        return ""
    return right[: start + match.start()] + " " + right[start + match.end() :]


def _main_verb(
    text: str, event: str | None, span: tuple[int, int], words: Words
) -> tuple[str | None, tuple[int, int]]:
    """The event of the clause's own verb over one that only describes the counted people:
    "409 people sheltering in the school have been killed" counts the killed."""
    auxiliary_before = words.regex(r"\b(?:{auxiliaries})\s+$")
    if not _A_WORD.search(text, 0, span[0]):
        return event, span  # the first event is the counted noun itself: "2.2 million inhabitants have fled"
    if auxiliary_before.search(text, 0, span[0]):
        return event, span  # the first event is the verb already: "were killed while sheltering"
    for start, named in words.event_lists.hits(text[span[1] :]):
        position = span[1] + start
        if named and auxiliary_before.search(text, 0, position):
            name, length = max(named, key=lambda item: item[1])
            return name, (position, position + length)
    return event, span


def _from_total_name(text: str, words: Words) -> str:
    """``text`` from the first words naming the total the number gives on ("the death toll rose
    to"), else nothing."""
    named = words.regex(r"\b(?:{total_names})\b").search(text)
    return text[named.start() :] if named is not None else ""


def _from_total(text: str, words: Words) -> str:
    """``text`` from the last words naming a total on ("bringing the number of ..."), else nothing."""
    total = words.scope.get("total")
    found = total.last(text) if total is not None else None
    return text[found.start() :] if found is not None else ""


def _asked_for(left: str, event_start: int, words: Words) -> bool:
    """A demand verb governs the event word that ends at ``event_start`` in ``left``."""
    # the release may be one of several things asked for: "demands an end to the bombing and the release of"
    return bool(words.regex(r"\b(?:{demand_verbs})\s[^.;:!?]{{0,80}}$").search(left, 0, event_start))


def _measures_an_area(group: str | None, right: str, words: Words) -> bool:
    """An area verb's number is an area when nothing counted follows it but a unit of area:
    "covers 41", "covers 41 km²", not "12 evacuation orders covering"."""
    return group is None and (not _WORD_NEXT.match(right) or words.events["area"].match(right.lstrip()) is not None)


def _bodies_of(left: str, words: Words) -> bool:
    """The number follows "the bodies of", "los restos de": what it counts is bodies."""
    of = words.regex(r"\s+(?:{part_of})\s+(?:(?:{determiners})\s+)*(?:[\w'’-]+\s+)?$").search(left)  # "of only 4"
    return of is not None and words.groups["bodies"].search(left[max(0, of.start() - 15) : of.start()]) is not None


def _only_determiners(gap: str, words: Words) -> bool:
    """Between a verb and its number there are at most articles: "killed 10,000", "the return of 18"."""
    return bool(words.regex(r"\s*(?:(?:{determiners})\s+)*").fullmatch(gap))


def _own_clause(right: str, group_end: int | None, words: Words) -> str:
    """The words after a number up to the end of its own clause: a comma after the counted group
    ends it, except around a short aside (", mostly civilians,")."""
    if group_end is None:
        # a number that ends its clause ("... at about 1,400, most of them in the attacks"): nothing after it is its own
        return "" if right.lstrip().startswith((",", ";")) else right
    position = group_end
    while True:
        comma = right.find(", ", position)
        if comma < 0:
            return right
        aside = words.regex(r",\s+((?:{asides})\b[^,]{{0,40}}),\s").match(right, comma) or words.regex(
            r",\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=,\s|\s+(?:{conjunctions})\s)", flags=0
        ).match(right, comma)  # a list of names: "the camps of Jenin, Tulkarem and Nur Shams are ..."
        if words.regex(r",\s+(?:{auxiliaries})\b").match(right, comma):
            # "..., about 85% of the population, have been displaced": the comma closed an aside
            return right[:comma] + right[comma + 1 :]
        if aside:
            position = aside.end() - 1
            continue
        return right[:comma]


_MATERIAL_UNITS = ("litres", "tonnes")


def _in_material_units(sentence: str, mention: NumberMention, words: Words) -> bool:
    """The number is followed by a unit of a material ("2.4 million litres"): it counts no people."""
    after = sentence[mention.end : mention.end + 30].lstrip()
    return any(unit in words.units and words.units[unit].match(after) is not None for unit in _MATERIAL_UNITS)


def metric_of(event: str | None, group: str | None, mention: NumberMention, right: str, words: Words) -> str:
    metrics = words.metrics
    if group == "women_and_children":
        return "other"
    if mention.percent and group in ("children", "women") and event in ("killed", "injured", None):
        return "other"  # a share of the dead who are children is a breakdown, not a count
    if event == "area" and not _measures_an_area(group, right, words):
        event = None  # "12 evacuation orders covering ...", "affecting 90,000 people": not an area
    candidates = []
    if event and group:
        candidates.append(f"{event}.{group}")
    if event and (group is None or group == "people"):
        candidates.append(event)
    if group and event is None:
        candidates.append(group)
    for key in candidates:
        if key in metrics:
            return metrics[key]
    return "other"


def _next_event(window: str, start: int, words: Words) -> tuple[str | None, tuple[int, int] | None]:
    """The first event named in ``window`` from ``start`` on, and where it stands in ``window``."""
    event, span = _nearest(window[start:], words.event_lists, from_start=True)
    return (event, (start + span[0], start + span[1])) if event is not None and span is not None else (None, None)


def _seeking_aid(left: str, right: str, words: Words) -> bool:
    """The words around a count say its people were seeking aid ("killed while trying to reach food")."""
    return bool(words.events["aid_seeking"].search(right) or words.events["aid_seeking"].search(left))


def _nearest(text: str, lists: PhraseLists, *, from_start: bool) -> tuple[str | None, tuple[int, int] | None]:
    """The list that matches first in ``text`` (or last, ``from_start=False``), and where; the
    longest where several start (or end) there."""
    best: tuple[str | None, tuple[int, int] | None] = (None, None)
    if from_start:
        # No list matches before the first phrase of any: only those starting there compete.
        first = lists.any_of.search(text)
        if first is None:
            return best
        start = first.start()
        for name, length in lists.named(first.group()):
            if best[1] is None or length > best[1][1] - best[1][0]:
                best = (name, (start, start + length))
        return best
    spans = lists.last_spans(text)
    best_position = None
    for name in lists.patterns:
        span = spans.get(name)
        if span is None:
            continue
        position = -span[1]
        longer = best[1] is not None and span[1] - span[0] > best[1][1] - best[1][0]
        if best_position is None or position < best_position or (position == best_position and longer):
            best = (name, span)
            best_position = position
    return best


_ADJACENT = 2
"""Characters between a generic word and the specific group it qualifies: "civilian hostages"
(not "three men remain in hospital", where the hospital is no group of the men)."""


def _group_after(right: str, words: Words) -> tuple[str | None, int | None]:
    """The group a number counts when named within its first few words ("3,324 children")."""
    first_words = _FIRST_WORDS.match(right)
    if not first_words:
        return None, None
    head = first_words.group()
    cut = _HEAD_CUT.search(head)
    if cut:
        head = head[: cut.start()]
    # the counted noun phrase ends at its verb or at a preposition that starts another phrase
    verb = words.regex(r"\s(?:{phrase_end})\s").search(head + " ")
    if verb and verb.start() > 0:
        head = head[: verb.start()]
    if words.event_lists.any_of.match(head, len(head) - len(head.lstrip())):
        # "7 killed in Jabalia school strike": after a verb that comes first, a place ends the phrase
        # ("murdered children" keep their noun)
        place = words.regex(r"\s(?:{inside})\s").search(head)
        head = head[: place.start()] if place else head
    found = sorted((start, -end, name) for name, (start, end) in words.group_lists.first_spans(head).items())
    best: tuple[str | None, int | None, int] = (None, None, 10**6)
    if found:
        start, negative_end, name = found[0]
        best = (name, -negative_end, start)
        if name == "people":
            # "military and civilian hostages": a specific group right after a generic word is the head
            for later_start, later_negative_end, later in found[1:]:
                gap = head[-negative_end:later_start]
                # "civilian hostages", "members of the Agency's own staff": the specific group is the head
                of_phrase = words.regex(r"\s+(?:{part_of})\s+[^,;.]{{0,25}}?\s")
                if later != "people" and later_start >= -negative_end and (len(gap) <= _ADJACENT or of_phrase.fullmatch(gap)):
                    best = (later, -later_negative_end, later_start)
                    break
    if best[0] is None and words.any_unit.search(head):
        for name, pattern in words.units.items():
            match = pattern.search(head)
            if match and match.start() < best[2]:
                best = (None, match.end(), match.start())
    if best[0] is not None and best[1] is not None:
        return _listed_groups(right, best[0], best[1], words)
    return best[0], best[1]


def _listed_groups(right: str, group: str, end: int, words: Words) -> tuple[str, int]:
    """The counted group read on over a list: "900 doctors, nurses and paramedics" are medical
    staff to the list's end, "1,200 men, women and children" people; "123 health workers and
    patients", "23 women, children and elderly people" count several groups at once, a combined
    count."""
    joiner = words.regex(r"(?:\s*,\s*|\s+(?:{conjunctions}|&)\s+)(?!\d)(?=[\w'’-])")
    while True:
        joined = joiner.match(right, end)
        listed = words.group_lists.at_start(right[joined.end() :]) if joined else ()
        if joined is None or not listed:
            return group, end
        # "men, women and children", "civilians, including women": people, whoever is listed after
        same = [length for name, length in listed if name == group or group == "people"]
        if not same:
            return "combined", joined.end() + max(length for _, length in listed)
        end = joined.end() + max(same)


def _has_no_head(right: str, words: Words) -> bool:
    """Nothing after the number names what it counts: it ends its clause ("... stands at 194.")."""
    return not _HEAD_WORD.match(right) or bool(_NO_HEAD.match(right))


def _group_before(left: str, words: Words) -> str | None:
    """The nearest group named before a number that has none after it."""
    best: tuple[int, str] | None = None
    spans = words.group_lists.last_spans(left)  # a list's last match ends after its others
    for name in words.groups:
        span = spans.get(name)
        if span and (best is None or span[1] > best[0]):
            best = (span[1], name)
    return best[1] if best and best[1] != "people" else None


_CAPITALISED_NOUNS = frozenset({"de"})
"""Languages whose nouns are written with a capital: "144.000 Arbeitsplätze"."""


def _head_is_unknown_noun(right: str, words: Words) -> bool:
    """The number is followed by a noun we do not know ("144,000 jobs"): it does not count people."""
    tokens = _LATIN_WORD.findall(" ".join(right.split()[:3]))
    if not tokens or not _LOWER_START.match(right):
        return False
    if words.language in _CAPITALISED_NOUNS:
        return False  # a lower-case word there is a verb or a particle: "auf 35.091 gestiegen"
    head = " ".join(right.split()[:2])
    if words.group_lists.any_of.search(head) or words.any_unit.search(head):
        return False
    if words.event_lists.any_of.match(right.lstrip()):
        return False
    first = tokens[0].lower()
    grammar = {
        w
        for role in (
            "determiners", "auxiliaries", "conjunctions", "phrase_end", "copulas", "another", "adverbs",
            "clause_openers", "subordinators", "inside", "place_prepositions",
        )
        for w in words.g(role).split("|")
    }
    return first not in grammar and not first.endswith(tuple(words.g("verb_endings").split("|")))


def _group_before_parenthesis(left: str, words: Words) -> str | None:
    """``children (12,300)``: the group named just before a parenthesised number."""
    # the pattern retries its 40 characters at every place of the text: look first for the parenthesis
    match = _BEFORE_PARENTHESIS.search(left) if left.rstrip().endswith("(") else None
    if not match:
        return None
    named = {name for _, lists in words.group_lists.hits(match.group(1)) for name, _ in lists}
    return next((name for name in words.groups if name in named), None)


def clause_right(text: str) -> str:
    match = _CLAUSE_END.search(text)
    return text[: match.start()] if match else text


def _clause_left(text: str) -> str:
    matches = list(_CLAUSE_START.finditer(text))
    return text[matches[-1].end() :] if matches else text


def clause_start(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` begins (see :func:`clause_before`)."""
    return position - len(clause_before(sentence, position))


def clause_before(sentence: str, end: int, start: int = 0) -> str:
    """``_clause_left(sentence[start:end])``, from the clause breaks of the whole sentence, found
    once for all its numbers: the breaks of the part are those of the sentence that lie in it
    (no break starts inside one that runs past ``end``), unless one runs across ``start``."""
    starts, ends = _clause_breaks(sentence)
    across = bisect_right(ends, start)  # the first break that ends after start
    if across < len(starts) and starts[across] < start:
        return _clause_left(sentence[start:end])  # the part may have a break the sentence has not
    index = bisect_right(ends, end) - 1
    if index < 0 or starts[index] < start:
        return sentence[start:end]
    return sentence[ends[index] : end]


@lru_cache(maxsize=4)
def _clause_breaks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each clause break of the sentence starts, and where it ends, in order."""
    breaks = [match.span() for match in _CLAUSE_START.finditer(sentence)]
    return tuple(start for start, _ in breaks), tuple(end for _, end in breaks)


def _coordinated(between: str, words: Words) -> bool:
    """Only a conjunction or a comma between two numbers: the second has no verb of its own."""
    if words.regex(r"\b(?:{auxiliaries})\b").search(between):
        return False
    preposition = r"(?:{inside}|of|to|for|from)"
    with_conjunction = r"\s*(?:[\w'’-]+\s+){{0,6}}?(?:[\w'’-]+)?\s*,?\s*(?:{conjunctions})\s+(?:" + preposition + r"\s+)?"
    return bool(words.regex(with_conjunction).fullmatch(between) or _LIST_COMMA.fullmatch(between))


def read_bound(sentence: str, mention: NumberMention, words: Words) -> tuple[str, int]:
    """The bound word right before the number ("more than", "nearly") or after it ("or more")."""
    # "the" and "some" may sit between: "nearly all the 2,000" is not a bound on 2,000
    # A bound ends at the number: search the characters just before it, not the whole sentence
    # once per number (endpos makes "$" the number's start; the lookbehind still sees before pos).
    window = max(0, mention.start - BOUND_REACH)
    # each bound's words match only where some bound's words do: most numbers have none
    if words.any_bound.search(sentence, window, mention.start):
        for name, pattern in words.bounds:
            match = pattern.search(sentence, window, mention.start)
            if match:
                return name, match.start()
    if words.after_over.match(sentence[mention.end :]):
        return "over", mention.start
    return "exact", mention.start


RELEASED_HELD = {"hostages_released": "hostages", "prisoners_released": "detained"}
"""The metrics of people freed, and what they were while held."""


_SMALL_PLACE_REACH = 50


def of_a_small_place(sentence: str, mention: NumberMention, words: Words, places: str = "small_places") -> bool:
    """The people counted live in a camp or a village (or another of the lexicon's ``places``),
    named just before the number ("the camp had 12,000 inhabitants", "a village of 3,000 people")
    or right after ("the 20,000 residents of the camp")."""
    before = words.regex(r"\b(?:{" + places + r"})\b[^\d;]*$").search(sentence, max(0, mention.start - _SMALL_PLACE_REACH), mention.start)
    after = words.regex(r"^\s+(?:[\w'’-]+\s+){{0,3}}?(?:{of_place})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{" + places + r"})\b")
    return before is not None or after.search(sentence[mention.end : mention.end + 60]) is not None


def held_after(sentence: str, start: int, end: int, words: Words, dates: Sequence[DateMention] = ()) -> bool:
    """The words from ``start`` to ``end`` (after a count) say its people are held ("120 still
    held"; "59 hostages, 24 of them alive, still held"; "abducted on October 7 remain"), not the
    next count's ("Of the 251 abducted, 48 are still held")."""
    held = words.regex(r"\b(?:{held})\b").search(sentence, start, end)
    if held is None:
        return False
    following = next(
        (m for m in DIGIT.finditer(sentence, start, held.start()) if not any(d.start <= m.start() < d.end for d in dates)), None
    )
    return following is None or "," in sentence[following.start() : held.start()]


def release_awaited(sentence: str, bound_start: int, words: Words) -> bool:
    """Whether a release is asked for or awaited right before the count: "the release of all 133
    hostages", "until all 58 hostages are home". Those counted are still held."""
    return words.regex(r"\b(?:{release_of_all})\s+$").search(sentence, max(0, bound_start - 60), bound_start) is not None


_ITEM_METRICS = frozenset({
    "destroyed_housing", "damaged_housing", "destroyed_ambulances", "destroyed_hospitals", "damaged_hospitals",
    "hospitals_out_of_service", "attacks_on_health", "destroyed_schools", "damaged_schools", "destroyed_mosques",
    "aid_trucks",
})


def currency_of(sentence: str, mention: NumberMention, words: Words) -> str | None:
    """The currency written with the number: "$30", "30 millones de euros"."""
    left = sentence[max(0, mention.start - 4) : mention.start]
    right = sentence[mention.end : mention.end + 40].lstrip()
    for currency in CURRENCIES:
        pattern = words.units.get(currency)
        if pattern and (pattern.search(left) or pattern.match(right)):
            return currency
    return None


def read_unit(sentence: str, reading: Reading, words: Words) -> str:
    mention = reading.mention
    if mention.percent:
        return "percent"
    if reading.metric == "other" and _is_ratio(sentence[mention.end : reading.quote_end + 60], words):
        return "ratio"
    currency = currency_of(sentence, mention, words)
    if currency is not None:
        return currency
    right = sentence[mention.end : mention.end + 40]
    if reading.metric == "area":
        return "km2"
    if reading.metric in _ITEM_METRICS:
        return "items"
    head = " ".join(right.split()[:HEAD_WORDS])
    head = _UNIT_HEAD_CUT.split(head, 1)[0]
    phrase_end = words.regex(r"\s(?:{phrase_end})\s").search(" " + head + " ")
    if phrase_end and phrase_end.start() > 0:
        head = head[: phrase_end.start()]  # "8,000 requests from families": the unit is not "families"
    best: tuple[int, str] | None = None
    for unit, pattern in words.units.items() if words.any_unit.search(head) else ():
        if unit in CURRENCIES:
            continue
        match = pattern.search(head)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), unit)
    if best is not None and (reading.group in (None, "people") or best[1] != "items"):
        return best[1]
    if reading.group in _OBJECT_GROUPS:
        return "items"
    return "people"
