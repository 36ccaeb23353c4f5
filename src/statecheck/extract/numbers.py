"""Find numbers in a sentence: digits with the language's separators, number words, shares.

Each :class:`NumberMention` has its span and value; whether it is a *claim* is decided later
(:mod:`statecheck.extract.claims`), since that needs the words around it. Number words are
read by text2num; what it leaves undone ("one and a half million", "a hundred", "2.3 million")
is finished here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from text_to_num import text2num

from statecheck.extract import lexicon
from statecheck.extract.caseless import Caseless
from statecheck.memo import per_document


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: float
    value_max: float | None = None
    percent: bool = False
    in_words: bool = False
    share: bool = False
    """A share written as words or as "N out of M" (already a percent)."""
    weak: bool = False
    """A small number word ("two", "a") that is a claim only when it counts something war-related."""
    digits: str = ""
    """The digits as written (for significant-digit rules), empty for words."""


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern[str]
    words: Caseless
    fraction: Caseless
    share: re.Pattern[str]
    share_tail: re.Pattern[str]
    """What ``share`` matches after N ("in five"), from the spaces before the share word."""
    percent: re.Pattern[str]
    scale: re.Pattern[str]
    range_join: re.Pattern[str]
    between: re.Pattern[str]
    vague: re.Pattern[str]
    scales: dict[str, float]
    fractions: dict[str, float]
    decimal: str
    groups: tuple[str, ...]
    thousands: tuple[re.Pattern[str], ...]
    """Each group separator that is not the decimal one, where it groups thousands."""
    half: str
    articles: frozenset[str]
    weak: frozenset[str]
    dozen: frozenset[str]
    language: str
    one: str = ""
    halves: frozenset[str] = frozenset()
    special: dict[str, float] | None = None
    aliases: dict[str, str] | None = None
    range_and: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    joiner_words: frozenset[str] = frozenset()
    ambiguous_group: str = ""


def _words_alternation(words: list[str]) -> str:
    """The words as one case-insensitive alternation, the longest first."""
    return lexicon.word_alternation(words, ignore_case=True)


def _followed_by(words: list[str]) -> str:
    """A lookahead for one of ``words`` after spaces ("of", "de", or an elided "d'" before a vowel)."""
    parts = [re.escape(w) + ("" if w.endswith(("'", "’")) else r"(?!\w)") for w in sorted(words, key=len, reverse=True)]
    return r"(?=\s+(?:" + ("|".join(parts) or r"(?!x)x") + "))"


@lru_cache(maxsize=8)
def patterns(language: str) -> _Patterns:
    table: dict[str, Any] = lexicon.load(language, "claims").get("numbers", {})
    decimal = table.get("decimal", ".")
    groups = tuple(table.get("group", [","]))
    group_class = "".join(re.escape(g) for g in groups)
    scales = {k.lower(): float(v) for k, v in table.get("scales", {}).items()}
    # Scale abbreviations attached to digits ("1.9M", "40k", "2,3 Mio."): case-sensitive.
    abbreviations = list(table.get("scale_abbreviations", []))
    abbreviation_alt = lexicon.word_alternation(abbreviations)
    # 8,005 | 40.000 | 100 412 | 2.3 | 1,5 ; never part of a word, a date (2023-10-07) or a time (18:00)
    # The pattern starts with the first digit, and its lookbehinds look back from after it (one
    # character wider): a pattern that starts with a lookbehind is tried at every place of the
    # text, one that starts with a digit lets the engine skip to the next digit in a tight loop.
    # "\d(?:\d{0,2}…|\d*)" is "(?:\d{1,3}…|\d+)", tried in the same order.
    grouped_rest = rf"\d{{0,2}}(?:[{group_class}]\d{{3}})+" if groups else r"(?!x)x"
    digits = re.compile(
        rf"\d(?<![\w/:.,-]\d)(?<![\w][.,]\d)(?:{grouped_rest}|\d*)(?:{re.escape(decimal)}\d+)?"
        rf"(?=(?:{abbreviation_alt})(?!\w)|(?!\w|[.,:/-]\d))"
    )
    words = list(table.get("words", []))
    articles = list(table.get("article_one", []))
    joiners = list(table.get("joiners", []))
    half_value = table.get("half", [])
    halves = [half_value] if isinstance(half_value, str) else list(half_value)
    special = {k.lower(): float(v) for k, v in table.get("special", {}).items()}
    dozen = list(table.get("dozen", []))
    word_alt = _words_alternation(words + dozen + list(special))
    start_alt = _words_alternation(words + dozen + list(special) + halves)
    joiner_alt = _words_alternation(joiners)
    article_alt = _words_alternation(articles)
    half_alt = _words_alternation(halves)
    if table.get("compound"):
        # German writes a number as one word: "zweiundzwanzigtausend" (parts joined by "und").
        inner = _words_alternation(list(table.get("compound_joiners", [])))
        word_alt = rf"(?:{word_alt})(?:(?:{inner})?(?:{word_alt}))*"
        start_alt = rf"(?:{start_alt})(?:(?:{inner})?(?:{word_alt}))*"
    # Words joined with spaces, hyphens or the joiner; an optional article before a scale word.
    word_pattern = Caseless(
        rf"(?<![\w-])(?:(?:{article_alt})\s+(?=(?:{start_alt})(?![\w])))?(?:{start_alt})"
        rf"(?:(?:\s+(?:{joiner_alt})\s+(?:(?:{article_alt})\s+)?|[\s-]+)(?:{word_alt}|{half_alt}))*(?![\w-])"
    )
    fractions = {k.lower(): float(v) for k, v in table.get("fractions", {}).items()}
    fraction_pattern = Caseless(
        lexicon.phrase_pattern([f for f, v in fractions.items() if v > 0], suffix=_followed_by(table.get("fraction_of", [])))
    )
    share_words = table.get("share_words", [])
    share_tail = r"\s+(?:" + _words_alternation(share_words) + r")\s+(?P<m>\d+|[^\W\d_]+)(?![\w])"
    share_pattern = re.compile(
        # each lookbehind starts N at the beginning of its run of digits or letters: the same
        # matches, but linear time on a run of a million digits (else quadratic)
        r"(?P<n>(?<!\d)\d+|(?<![^\W\d_])[^\W\d_]+)" + share_tail,
        re.IGNORECASE,
    )
    percent = re.compile(r"\s?(?:" + _words_alternation(table.get("percent", ["%"])) + r")(?![\w])", re.IGNORECASE)
    scale_words = sorted(scales, key=len, reverse=True)
    long_scales = [w for w in scale_words if len(w) > 2]
    short_scales = [w for w in scale_words if len(w) <= 2]
    # one or more scale words: "2 mil millones", "1,5 mil milhões"
    long_alt = _words_alternation(long_scales)
    scale = re.compile(
        rf"(?:(?P<long>(?:\s+(?:{long_alt})\.?(?![\w]))+)"
        + r"|(?P<short>" + _words_alternation(short_scales) + r")(?![\w]))",
        re.IGNORECASE,
    )
    range_join = re.compile(r"\s*(?:" + _words_alternation(table.get("range_joiners", ["-", "–"])) + r")\s*$", re.IGNORECASE)
    between = re.compile(r"(?<![\w])(?:" + _words_alternation(table.get("between", [])) + r")\s+$", re.IGNORECASE)
    vague = re.compile(lexicon.phrase_pattern(table.get("vague", [])), re.IGNORECASE)
    return _Patterns(
        digits=digits, words=word_pattern, fraction=fraction_pattern, share=share_pattern,
        share_tail=re.compile(share_tail, re.IGNORECASE),
        percent=percent, scale=scale, range_join=range_join, between=between, vague=vague,
        scales=scales, fractions=fractions, decimal=decimal, groups=groups,
        # A lone separator followed by exactly three digits groups thousands.
        thousands=tuple(re.compile(rf"(?<=\d){re.escape(g)}(?=\d{{3}}(?!\d))") for g in groups if g != decimal),
        half=halves[0].lower() if halves else "",
        articles=frozenset(a.lower() for a in articles), weak=frozenset(w.lower() for w in table.get("weak", [])),
        dozen=frozenset(d.lower() for d in dozen), language=language,
        one=str(table.get("one", "")), halves=frozenset(h.lower() for h in halves), special=special,
        aliases={k.lower(): str(v) for k, v in table.get("aliases", {}).items()},
        range_and=frozenset(w.lower() for w in table.get("range_and", [])),
        abbreviations=frozenset(abbreviations), joiner_words=frozenset(j.lower() for j in joiners),
        ambiguous_group=str(table.get("ambiguous_group", "")),
    )


def parse_digits(text: str, language: str = "en") -> float | None:
    """The value of digits written with the language's separators: ``"8,005"`` → 8005."""
    p = patterns(language)
    cleaned = text
    if not cleaned.isdecimal():  # most numbers are plain digits, with no separator to take out
        for separator in p.thousands:
            cleaned = separator.sub("", cleaned)
        cleaned = cleaned.replace(p.decimal, ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # 400 digits are no count of anything


def parse_words(text: str, language: str = "en") -> float | None:
    """The value of a run of number words: ``"one and a half million"`` → 1500000,
    ``"un millón y medio"`` → 1500000, ``"medio millón"`` → 500000."""
    p = patterns(language)
    aliases = p.aliases or {}
    words = [aliases.get(w, w) for w in text.lower().replace("-", " ").split()]
    if not words:
        return None
    # "a hundred", "un million", "eine Million": the article is one.
    had_article = words[0] in p.articles
    if had_article:
        words = [p.one, *words[1:]]
    if len(words) == 1 and words[0] in p.dozen:
        return 12.0
    if len(words) >= 2 and words[-1] in p.dozen:
        # "two dozen", "a dozen": a multiple of twelve
        head = 1.0 if words[:-1] == [p.one] else _text2num(" ".join(words[:-1]), language)
        return None if head is None else head * 12.0
    special = p.special or {}
    if words[0] in special:
        # "zweieinhalb Millionen", "anderthalb Millionen": a fixed value times the scale words after it
        return _scaled(special[words[0]], words[1:], p)
    half_at = [i for i, w in enumerate(words) if w in p.halves]
    if half_at:
        index = half_at[0]
        before = words[:index]
        tail = words[index + 1 :]
        while before and (before[-1] in p.joiner_words or (before[-1] in p.articles and len(before) > 1)):
            before = before[:-1]  # "one and a half": the joiner and the article go
        if tail:
            # "one and a half million"; "medio millón", "eine halbe Million" (the article is not one)
            if had_article and before == [p.one]:
                before = []
            head_value = _text2num(" ".join(before), language) if before else 0.0
            if head_value is None:
                return None
            return _scaled(head_value + 0.5, tail, p)
        # "un millón y medio", "deux millions et demi": half of the last scale word
        if before and before[-1] in p.scales:
            head_value = _text2num(" ".join(before[:-1]), language) if before[:-1] else 1.0
            if head_value is None:
                return None
            return (head_value + 0.5) * p.scales[before[-1]]
        return None
    return _text2num(" ".join(words), language)


def _scaled(value: float, scale_words: list[str], p: _Patterns) -> float | None:
    scale = 1.0
    for word in scale_words:
        if word not in p.scales:
            return None
        scale *= p.scales[word]
    return _times(value, scale)


def _times(value: float, scale: float) -> float:
    """``value * scale`` in decimal, as written: 4.07 billion is 4,070,000,000, not 4070000000.0000005."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _text2num(text: str, language: str) -> float | None:
    try:
        value = float(text2num(text, language))
    except (ValueError, OverflowError):  # OverflowError: an integer too large for a float
        return None
    return value if math.isfinite(value) else None


_SHARE_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 25, 50, 100, 1000})
"""The wholes a share is told against ("one in six", "9 out of 10"); "3 in 14" names two counts."""


def find_numbers(sentence: str, language: str = "en") -> list[NumberMention]:
    """Every number in ``sentence``, left to right, ranges and shares folded into one mention."""
    p = patterns(language)
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        # a plain loop: a generator for all() costs more than the few spans it looks at
        for taken_start, taken_end in taken:
            if start < taken_end and end > taken_start:  # the spans overlap
                return False
        return True

    # "9 out of 10" / "one in five": a share, as a percent.
    for match in _shares(sentence, p):
        n = _value_of(match.group("n"), language)
        m = _value_of(match.group("m"), language)
        if n is None or m is None or not (0 < n < m) or m not in _SHARE_DENOMINATORS:
            continue
        mentions.append(NumberMention(match.start(), match.end(), round(100 * n / m, 2), percent=True, share=True))
        taken.append((match.start(), match.end()))

    # "half of", "a third of"
    for match in p.fraction.finditer(sentence):
        if not free(match.start(), match.end()):
            continue
        value = p.fractions.get(re.sub(r"\s+", " ", sentence[match.start() : match.end()].lower()))
        if value:
            mentions.append(NumberMention(match.start(), match.end(), value, percent=True, share=True, in_words=True))
            taken.append((match.start(), match.end()))

    for match in p.digits.finditer(sentence):
        if not free(match.start(), match.end()):
            continue
        value = parse_digits(match.group(), language)
        if value is None:
            continue
        end = match.end()
        scale_match = p.scale.match(sentence, end)
        if scale_match:
            short = scale_match.group("short")
            # "1.9M" only when attached and upper case or a known abbreviation ("bn", "mn")
            if not short or short in p.abbreviations:
                for word in (scale_match.group("long") or short or "").lower().replace(".", " ").split():
                    value = _times(value, p.scales.get(word, 1.0))
                end = scale_match.end()
        elif p.ambiguous_group and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(p.ambiguous_group)}\d{{3}})+", match.group()):
            # "8,500 personas" (Latin American usage): the comma groups thousands when no scale word follows
            value = float(match.group().replace(p.ambiguous_group, ""))
        if not math.isfinite(value):
            continue  # hundreds of digits, or a scale word after them: a float cannot hold it
        percent_match = p.percent.match(sentence, end)
        is_percent = bool(percent_match)
        if percent_match:
            end = percent_match.end()
        mentions.append(NumberMention(match.start(), end, value, percent=is_percent, digits=match.group()))
        taken.append((match.start(), end))

    for match in p.words.finditer(sentence):
        if not free(match.start(), match.end()):
            continue
        text = sentence[match.start() : match.end()]
        value = parse_words(text, language)
        if value is None:
            continue
        end = match.end()
        lowered = text.lower()
        words = lowered.split()
        is_weak = len(words) == 1 and lowered in p.weak
        if words[0] in p.articles and len(words) == 1:
            continue
        percent_match = p.percent.match(sentence, end)
        if percent_match:
            end = percent_match.end()
        mentions.append(
            NumberMention(match.start(), end, value, percent=bool(percent_match), in_words=True, weak=is_weak)
        )
        taken.append((match.start(), end))

    mentions.sort(key=lambda m: m.start)
    return _fold_ranges(sentence, mentions, p)


_TOKEN_END = re.compile(r"(?:\d+|[^\W\d_]+)\Z")
"""The run of digits or letters that ends where the search stops (N of a share)."""
_TOKEN_REACH = 64  # characters first looked back for N's start (a run is seldom longer)


def _shares(sentence: str, p: _Patterns) -> list[re.Match[str]]:
    """``p.share.finditer(sentence)``, found from the share words.

    ``share`` starts at every word and number of a sentence, and few of them are followed by
    "in" or "out of"; ``share_tail`` begins with a space, so the regex engine skips in a tight
    loop to the next space and gives up there after a character or two. Each place where the
    tail matches is tried in order; N is the run of digits or letters just before it, where
    ``share`` itself is then matched. N must start after the previous match ends, as in
    ``finditer``."""
    matches: list[re.Match[str]] = []
    position = 0
    last_end = 0
    while (tail := p.share_tail.search(sentence, position)) is not None:
        spaces = tail.start()
        reach = _TOKEN_REACH
        window = max(0, spaces - reach)
        token = _TOKEN_END.search(sentence, window, spaces)
        while token is not None and token.start() == window > 0:
            reach *= 2  # the run may begin before the window: look twice as far back
            window = max(0, spaces - reach)
            token = _TOKEN_END.search(sentence, window, spaces)
        match = p.share.match(sentence, token.start()) if token is not None and token.start() >= last_end else None
        if match is None:
            position = spaces + 1  # a later space of the same run may still start a tail
            continue
        matches.append(match)
        position = last_end = match.end()
    return matches


@per_document()
def _value_of(token: str, language: str) -> float | None:
    # cached: "N in M" matches every "killed in Gaza", and the same words come back in a text
    if token.isdigit():
        return float(token)
    return parse_words(token, language)


def _fold_ranges(sentence: str, mentions: list[NumberMention], p: _Patterns) -> list[NumberMention]:
    """``100 to 200`` and ``between 30 and 40`` become one mention with ``value_max``."""
    folded: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        current = mentions[i]
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if following is not None and _is_range(sentence, current, following, p):
            value = current.value
            # "2 to 3 million": the scale written on the upper end applies to both
            if _scaled_by_word(sentence, following) and current.value < 1000 <= following.value and following.value / _scale_of(following.value) > current.value:
                value = current.value * _scale_of(following.value)
            folded.append(
                NumberMention(
                    current.start, following.end, value, following.value,
                    percent=following.percent, in_words=current.in_words, digits=current.digits,
                )
            )
            i += 2
            continue
        folded.append(current)
        i += 1
    return folded


def _is_range(sentence: str, low: NumberMention, high: NumberMention, p: _Patterns) -> bool:
    gap = sentence[low.end : high.start]
    joined_by = p.range_join.fullmatch(gap) if len(gap) <= 6 else None
    if not joined_by or low.share or high.share:
        return False
    word = joined_by.group().strip().lower()
    if word in p.range_and and not p.between.search(sentence[: low.start]):
        return False  # "37,626 killed and 86,098 injured" is two claims, not a range
    if low.percent != high.percent and not (high.percent and high.value <= 100):
        return False
    if low.value >= high.value:
        return False
    scaled_low = low.value * _scale_of(high.value) if low.value < 1000 <= high.value and _scaled_by_word(sentence, high) else low.value
    return scaled_low < high.value <= scaled_low * 20


_SCALE_WRITTEN = re.compile(r"[^\W\d_]")


def _scaled_by_word(sentence: str, mention: NumberMention) -> bool:
    """The number's scale is a word ("3 million", "5 mil"), which the lower end of a range shares
    ("2 to 3 million"); "7 to 32,916" writes every digit of its upper end."""
    return _SCALE_WRITTEN.search(sentence, mention.start, mention.end) is not None


def _scale_of(value: float) -> float:
    for scale in (1e9, 1e6, 1e3):
        if value >= scale:
            return scale
    return 1.0
