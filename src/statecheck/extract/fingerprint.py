"""Fingerprints of a text, for finding the documents that copy, republish or translate another.

Two signals, both cheap enough to compute for every document at ingest and compare through an
index rather than against every stored document:

* **the words**: the text folded (no accents, case or punctuation) and cut into overlapping
  five-word shingles; a MinHash signature of the shingles (datasketch, 128 permutations) is
  cut into 32 bands of 4 rows, and each band is hashed to one 64-bit *band key*. Two texts
  that share a band key are candidates (locality-sensitive hashing: a pair with Jaccard
  similarity 0.5 shares a band with probability 0.87, at 0.6 with 0.99, at 0.2 with 0.05);
  a candidate is then measured exactly on the shingle hashes;
* **the numbers and names, for translations**: a translation shares few words with its
  original but keeps its figures and dates in the same order ("8,005" in English is "8.005"
  in Spanish and "8 005" in French: group separators are dropped, a decimal comma becomes a
  point) and most proper names ("Netanyahu", "Rafah", "UNRWA"). The sequence of numbers is cut
  into overlapping triples, signed with a second, smaller MinHash (32 permutations, 16 bands
  of 2 rows) whose band keys share the index; a candidate is measured on the two number
  sequences (the share of numbers that line up, in order) and on the capitalised names they
  share. Numbers written in words ("quarante mille") are not seen: a document needs at
  least :data:`MIN_NUMBERS` numbers for this signal.

Everything here is a pure function of the text, so signatures made today compare with the
ones stored years ago as long as these constants stay: changing one means recomputing the
stored fingerprints (``statecheck duplicates --rebuild``).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Literal

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
ROWS = 4
NUMBER_PERM = 32
NUMBER_BANDS = 16
NUMBER_ROWS = 2
SEED = 20240101
"""The MinHash permutations' seed: fixed, so that signatures stored earlier stay comparable."""

MIN_SHINGLES = 10
"""Shorter texts (a title, a caption) are not fingerprinted: they match too much by chance."""
MIN_NUMBERS = 6
"""A text needs this many numbers before its number sequence can say it is a translation."""

SHARE_MIN = 0.5
"""Two texts are linked when at least half of the shorter one's shingles are in the other."""
DUPLICATE_JACCARD = 0.9
"""...and called duplicates (rather than a republication) when they are this alike both ways."""
TRANSLATION_SHARE_MIN = 0.6
"""Share of the shorter number sequence that lines up, in order, with the other's."""
TRANSLATION_NAMES_MIN = 0.25
"""Share of the smaller set of proper names found in the other (when both have three or more)."""

LinkKind = Literal["duplicate", "republication", "translation"]

_WORD = re.compile(r"\w+")
# A number with group separators ("8,005", "40.000", "100 412", "1 200 000") or a plain one
# with an optional decimal part ("2.3", "2,3", "2023").
_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*(?![\d])|\d+(?:[.,]\d+)?)(?![\w])"
)
_NAME = re.compile(r"(?<=[\w,;)\"”»’'] )[A-ZÀ-ÖØ-Þ][\w'’-]{3,}")


@dataclass(frozen=True)
class Fingerprint:
    """What is kept of a text to find its copies and translations."""

    shingles: frozenset[int]
    """32-bit hashes of the text's five-word shingles (the exact measure of a candidate)."""
    signature: bytes
    """MinHash of the shingles: :data:`NUM_PERM` unsigned 32-bit values, little-endian."""
    numbers: tuple[str, ...]
    """The numbers of the text in order, written the same in every language ("8005", "2.3")."""
    names: frozenset[str]
    """Capitalised words inside sentences, folded ("netanyahu", "rafah")."""
    number_signature: bytes | None
    """MinHash of the number triples; None with fewer than :data:`MIN_NUMBERS` numbers."""

    @property
    def indexed(self) -> bool:
        """Whether the text is long enough to be compared at all."""
        return len(self.shingles) >= MIN_SHINGLES or self.number_signature is not None


@dataclass(frozen=True)
class Similarity:
    """How two fingerprinted texts relate."""

    kind: LinkKind
    share: float
    """``duplicate``/``republication``: the share of the shorter text's shingles found in the
    other; ``translation``: the share of the shorter number sequence that lines up with the other."""
    jaccard: float
    """Shingles shared over shingles of either (near 0 for a translation)."""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _hash32(data: bytes) -> int:
    return zlib.crc32(data)


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the overlapping ``size``-word runs of the folded text."""
    words = _WORD.findall(fold(text))
    if len(words) < size:
        return frozenset([_hash32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(_hash32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1))


def numbers_in(text: str) -> tuple[str, ...]:
    """The numbers of ``text`` in order, separators normalised: "8,005", "8.005" and "8 005" →
    "8005"; "2,3" and "2.3" → "2.3"."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group()
        if match.group("sep") is not None:
            found.append(re.sub(r"\D", "", raw))
        else:
            found.append(raw.replace(",", "."))
    return tuple(found)


def names_in(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence: mostly proper names, in any language."""
    return frozenset(fold(match.group()).strip("'’") for match in _NAME.finditer(text))


def _minhash(values: frozenset[int] | set[int], num_perm: int) -> bytes:
    sketch = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int, scheme="affine32")
    sketch.update_batch(values)
    return np.asarray(sketch.hashvalues, dtype="<u4").tobytes()


def _number_triples(numbers: tuple[str, ...]) -> set[int]:
    return {_hash32("|".join(numbers[i : i + 3]).encode()) for i in range(len(numbers) - 2)}


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of a (normalised) text."""
    shingles = shingle_hashes(text)
    numbers = numbers_in(text)
    number_signature = _minhash(_number_triples(numbers), NUMBER_PERM) if len(numbers) >= MIN_NUMBERS else None
    return Fingerprint(
        shingles=shingles,
        signature=_minhash(shingles, NUM_PERM) if shingles else b"",
        numbers=numbers,
        names=names_in(text),
        number_signature=number_signature,
    )


def _band_key(kind: bytes, band: int, values: bytes) -> int:
    digest = hashlib.blake2b(kind + band.to_bytes(2, "little") + values, digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def word_band_keys(print_: Fingerprint) -> tuple[int, ...]:
    """The LSH band keys of the words' signature (signed 64-bit integers, to fit a BIGINT
    column); none for a text shorter than :data:`MIN_SHINGLES` shingles."""
    if len(print_.shingles) < MIN_SHINGLES:
        return ()
    width = ROWS * 4
    return tuple(_band_key(b"t", band, print_.signature[band * width : (band + 1) * width]) for band in range(BANDS))


def number_band_keys(print_: Fingerprint) -> tuple[int, ...]:
    """The LSH band keys of the numbers' signature; none with fewer than :data:`MIN_NUMBERS` numbers."""
    if print_.number_signature is None:
        return ()
    width = NUMBER_ROWS * 4
    signature = print_.number_signature
    return tuple(_band_key(b"n", band, signature[band * width : (band + 1) * width]) for band in range(NUMBER_BANDS))


def band_keys(print_: Fingerprint) -> tuple[int, ...]:
    """Every band key under which the fingerprint is indexed: two texts sharing one are candidates."""
    return word_band_keys(print_) + number_band_keys(print_)


def jaccard_estimate(a: bytes, b: bytes) -> float:
    """The share of equal MinHash values: an estimate of the Jaccard similarity of the shingles."""
    if not a or len(a) != len(b):
        return 0.0
    left = np.frombuffer(a, dtype="<u4")
    right = np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(left == right)) / len(left)


def number_share(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """The share of the shorter number sequence that lines up, in order, with the other."""
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / min(len(a), len(b))


def compare(
    a: Fingerprint, b: Fingerprint, *, language_a: str | None = None, language_b: str | None = None
) -> Similarity | None:
    """How ``a`` and ``b`` relate, or None when neither copies nor translates the other.

    A translation needs two known, different languages: two texts in one language that give
    the same figures (two reports of one ministry's bulletin) are not translations.
    """
    if len(a.shingles) >= MIN_SHINGLES and len(b.shingles) >= MIN_SHINGLES:
        common = len(a.shingles & b.shingles)
        share = common / min(len(a.shingles), len(b.shingles))
        jaccard = common / len(a.shingles | b.shingles)
        if share >= SHARE_MIN:
            return Similarity("duplicate" if jaccard >= DUPLICATE_JACCARD else "republication", share, jaccard)
    else:
        jaccard = 0.0
    if (
        language_a and language_b and language_a != language_b
        and len(a.numbers) >= MIN_NUMBERS and len(b.numbers) >= MIN_NUMBERS
    ):
        share = number_share(a.numbers, b.numbers)
        names_ok = True
        if len(a.names) >= 3 and len(b.names) >= 3:
            names_ok = len(a.names & b.names) / min(len(a.names), len(b.names)) >= TRANSLATION_NAMES_MIN
        if share >= TRANSLATION_SHARE_MIN and names_ok:
            return Similarity("translation", share, jaccard)
    return None
