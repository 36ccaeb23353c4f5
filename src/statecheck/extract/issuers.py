"""One key per organisation, whatever its spelling: :func:`entity_key`.

"Perú" and "Peru", "Organisations" and "Organizations", "CIPOML", "ICMLPO" and the name they
stand for should count as one issuer when cards are compared or grouped. The key is built
in three steps, the first that applies wins:

1. the alias files: the bundled ``lexicon/aliases.toml``, then the user's file
   (``$STATECHECK_ALIASES``, or ``aliases.toml`` in statecheck's configuration folder), each a
   list of ``[[entity]] names = [...]``; the key of every name listed is the first name's;
2. acronyms the document itself defines ("International Committee of the Red Cross (ICRC)"),
   passed in by the caller as ``acronyms``;
3. the name folded: accents and case dropped, "&" read as "and", "-isation" as "-ization",
   punctuation and a leading "the" removed, words joined by hyphens.

A name written "Long Name (ACR)" is looked up by both parts.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from stat import S_ISREG

from statecheck.errors import UsageError
from statecheck.extract import lexicon
from statecheck.memo import per_document

ALIASES_ENV = "STATECHECK_ALIASES"
"""Environment variable naming the user's alias file (TOML)."""

_ACRONYM_TAIL = re.compile(r"^(?P<long>.*\S)\s*\((?P<short>[^()]{1,20})\)\s*$")
# A token that reads as an acronym: two capitals in a row ("MSF", "ISL-Peru", "U.N.").
_ACRONYM_TOKEN = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Za-z]+)?$")


@lru_cache(maxsize=1)
def _small_words() -> tuple[frozenset[str], re.Pattern[str]]:
    """Joining words and articles of every language's ``cards.toml``: they give no letter to an
    acronym, and an article does not start a key ("The Jerusalem Post" ~ "Jerusalem Post")."""
    minor: set[str] = set()
    articles: set[str] = set()
    for language in lexicon.LANGUAGES:
        table = lexicon.load(language, "cards").get("issuers", {})
        minor.update(w.casefold() for w in table.get("name_connectors", []) + table.get("of_words", []))
        articles.update(w.casefold() for w in table.get("articles", []))
    minor.update(articles)
    words = {part for phrase in minor for part in phrase.split()}
    ordered = sorted((re.escape(a) for a in articles if a.isalpha()), key=len, reverse=True)
    return frozenset(words), re.compile(rf"^(?:{'|'.join(ordered) or '(?!x)x'})\s+", re.IGNORECASE)


@per_document()
def fold(name: str) -> str:
    """A name reduced for comparison: no accents, case, punctuation or leading article."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    # British and American spellings of the same organisation ("Organisations"/"Organizations").
    text = text.replace("isation", "ization")
    text = _PUNCTUATION.sub(" ", text)
    text = " ".join(text.split())
    return _small_words()[1].sub("", text)


_PUNCTUATION = re.compile(r"[^\w\s]")


def _slug(folded: str) -> str:
    return folded.replace(" ", "-")


def split_acronym(name: str) -> tuple[str, str | None]:
    """``"Médecins Sans Frontières (MSF)"`` → ``("Médecins Sans Frontières", "MSF")``; the
    parenthesis is kept with the name when it is not an acronym of it."""
    match = _ACRONYM_TAIL.match(name.strip())
    if match and is_acronym_of(match.group("short"), match.group("long")):
        return match.group("long").strip(), match.group("short").strip()
    return name.strip(), None


def looks_like_acronym(token: str) -> bool:
    """``MSF``, ``U.N.``, ``ISL-Peru``: a token written with capitals in a row."""
    return bool(_ACRONYM_TOKEN.match(token.strip()))


@lru_cache(maxsize=4096)
def initials(long_name: str) -> str:
    """The first letter of each significant word, hyphenated parts counted apart."""
    # Cached: :func:`acronym_definitions` asks this of each word before every parenthesis, and the
    # same words come back in every document ("the", "of", "United", …).
    words = re.split(r"[\s\-–/]+", fold_keep_case(long_name))
    minor = _small_words()[0]
    return "".join(w[0] for w in words if w and w.casefold() not in minor and w[0].isalpha()).upper()


def fold_keep_case(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@per_document()
def is_acronym_of(short: str, long_name: str) -> bool:
    """Whether ``short`` abbreviates ``long_name``: the same initials, in any order (translated
    acronyms reorder words: "CIPOML" for the International Conference of M-L Parties and Orgs)."""
    letters = _acronym_letters(short)
    return letters is not None and _initials_match(letters, initials(long_name))


def _acronym_letters(short: str) -> str | None:
    """The letters of ``short`` that a name's initials must give, or None when it is no acronym."""
    letters = re.sub(r"[^A-Za-z]", "", fold_keep_case(short)).upper()
    if len(letters) < 2 or not short.strip()[:1].isupper():
        return None
    return letters


def _initials_match(letters: str, long_initials: str) -> bool:
    if letters == long_initials:
        return True
    # Same letters in another order, or the acronym skips a minor word we count.
    return sorted(letters) == sorted(long_initials) or (len(letters) >= 3 and _subsequence(letters, long_initials))


def _subsequence(short: str, long_initials: str) -> bool:
    it = iter(long_initials)
    return all(ch in it for ch in short) and len(long_initials) - len(short) <= 1


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms a text defines, ``{"ICRC": "International Committee of the Red Cross"}``: a run of
    capitalised words (with small joining words) followed by an acronym of them in parentheses."""
    # The card, the demands and the mentions all ask this of the same text.
    return dict(_acronym_definitions(text))


@lru_cache(maxsize=4)
def _acronym_definitions(text: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([A-Z][A-Za-z.&-]{1,15})\)", text):
        short = match.group(1)
        letters = _acronym_letters(short)
        if letters is None:
            continue
        before = text[max(0, match.start() - 160) : match.start()].rstrip()
        words = before.split()
        # Try the shortest run of words ending here whose initials give the acronym. A run's
        # initials are its words' initials one after the other, so each longer run adds one
        # word's to the last (reading every run whole made this quadratic in its length).
        run_initials = initials(words[-1]) if words else ""
        for size in range(2, min(len(words), 14) + 1):
            run_initials = initials(words[-size]) + run_initials
            if len(run_initials) > len(letters) + 1:
                break  # more initials than any match allows (_initials_match), and longer runs have more
            if not words[-size][:1].isupper():
                continue
            if _initials_match(letters, run_initials):
                candidate = " ".join(words[-size:])
                found.setdefault(short, _small_words()[1].sub("", candidate, count=1))
                break
    return tuple(found.items())


@lru_cache(maxsize=1)
def _bundled_entities() -> tuple[tuple[str, ...], ...]:
    resource = resources.files("statecheck.extract").joinpath("lexicon", "aliases.toml")
    with resource.open("rb") as handle:
        return _entities(tomllib.load(handle), "bundled aliases.toml")


def _entities(table: Mapping[str, object], where: str) -> tuple[tuple[str, ...], ...]:
    rows = table.get("entity", [])
    if not isinstance(rows, list):
        raise UsageError(f"{where}: [[entity]] must be an array of tables")
    entities = []
    for row in rows:
        names = row.get("names") if isinstance(row, dict) else None
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not names:
            raise UsageError(f"{where}: each [[entity]] needs names = [\"...\", ...]")
        entities.append(tuple(names))
    return tuple(entities)


def user_alias_path() -> Path | None:
    """The user's alias file: ``$STATECHECK_ALIASES`` when set, else ``aliases.toml`` in the
    configuration folder (when it exists)."""
    configured = os.environ.get(ALIASES_ENV)
    if configured:
        return Path(configured).expanduser()
    default = _default_alias_path()
    return default if default.is_file() else None


@lru_cache(maxsize=1)
def _default_alias_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("statecheck")) / "aliases.toml"


@lru_cache(maxsize=8)
def _user_entities(path: str, mtime: float) -> tuple[tuple[str, ...], ...]:
    # mtime is part of the cache key so that an edited file is read again.
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the alias file ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML ({error})") from error
    return _entities(table, path)


def _index(entities: Iterable[tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for names in entities:
        key = _slug(fold(names[0]))
        for name in names:
            index[fold(name)] = key
            long_name, short = split_acronym(name)
            if short:
                index.setdefault(fold(long_name), key)
                index.setdefault(fold(short), key)
    return index


@lru_cache(maxsize=8)
def _alias_index(user_path: str | None, mtime: float) -> dict[str, str]:
    entities = list(_bundled_entities())
    if user_path is not None:
        # The user's entries come last so that they win where a name is listed twice.
        entities += list(_user_entities(user_path, mtime))
    return _index(entities)


def alias_index() -> dict[str, str]:
    """Folded name → key, from the bundled and the user's alias files."""
    # Called for every name of every document: a stat of the user's file, no Path objects.
    configured = os.environ.get(ALIASES_ENV)
    path = os.path.expanduser(configured) if configured else str(_default_alias_path())
    try:
        status = os.stat(path)
    except OSError as error:
        if not configured:
            return _alias_index(None, 0.0)  # no alias file of the user's: the bundled one alone
        raise UsageError(f"{path}: cannot read the alias file ({error.strerror})") from error
    if not configured and not S_ISREG(status.st_mode):
        return _alias_index(None, 0.0)
    return _alias_index(path, status.st_mtime)


def entity_key(name: str, acronyms: Mapping[str, str] | None = None, *, aliases: Mapping[str, str] | None = None) -> str:
    """The key shared by every spelling of the organisation (or person) ``name``.

    ``acronyms`` maps an acronym to the long name a document defines for it
    (:func:`acronym_definitions`), so that "ICRC" and "International Committee of the Red
    Cross" share a key inside that document even without an alias entry. ``aliases``: the
    :func:`alias_index` when the caller already has it (a caller asking for many names reads
    the state of the user's alias file once, not for each name).
    """
    index = alias_index() if aliases is None else aliases
    long_name, short = split_acronym(name)
    for candidate in (name, long_name, short):
        if candidate and fold(candidate) in index:
            return index[fold(candidate)]
    if acronyms:
        expanded = acronyms.get(name.strip()) or (acronyms.get(short) if short else None)
        if expanded:
            if fold(expanded) in index:
                return index[fold(expanded)]
            return _slug(fold(expanded))
    return _slug(fold(long_name))
