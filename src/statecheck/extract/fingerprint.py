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
  sequences (the share of numbers that line up, in order: 0.8 is enough, from 0.6 the texts
  must also share a quarter of their capitalised names). Only texts in two different known
  languages can be translations. Numbers written in words ("quarante mille") are not seen: a document needs at
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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import numpy.typing as npt
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

SHARE_MIN = 0.7
"""Two texts are linked when most (70 %) of the shorter one's shingles are in the other. Half is
too little: two bulletins written from one template with new figures share about half, as a
changed number breaks the five shingles around it, and they are not copies of each other."""
DUPLICATE_JACCARD = 0.9
"""...and called duplicates (rather than a republication) when they are this alike both ways."""
TRANSLATION_SHARE_MIN = 0.6
"""Share of the shorter number sequence that lines up, in order, with the other's."""
TRANSLATION_SURE_SHARE = 0.8
"""...and the share that is enough by itself: names are translated too ("United States",
"Estados Unidos"), so they only decide between these two shares."""
TRANSLATION_NAMES_MIN = 0.25
"""Share of the smaller set of proper names found in the other (when both have three or more)."""

LinkKind = Literal["duplicate", "republication", "translation"]

_WORD = re.compile(r"\w+")
# These two patterns begin with the character they consume first (a digit, a capital) and test
# what precedes it just after, in a lookbehind that takes that character in again: a pattern
# that begins with a lookbehind is tried at every position of the text, one that begins with a
# character class lets the regex engine skip to the next digit or capital (3 times faster).
# A number with group separators ("8,005", "40.000", "100 412", "1 200 000") or a plain one
# with an optional decimal part ("2.3", "2,3", "2023"), not preceded by a word character, a
# point or a comma.
_NUMBER = re.compile(
    r"\d(?<![\w.,]\d)"
    r"(?:\d{0,2}(?:(?P<sep>[,.\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*(?![\d])|\d*(?:[.,]\d+)?)(?![\w])"
)
# A capitalised word after a space that follows a word character or a closing mark.
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[\w,;)\"”»’'] [A-ZÀ-ÖØ-Þ])[\w'’-]{3,}")


Shingles = npt.NDArray[np.uint32]
"""Shingle hashes: distinct unsigned 32-bit values, sorted. An array rather than a set of ints:
two are intersected in C (:func:`shared_shingles`), and the store keeps its bytes as they are."""


# eq=False: an array has no single truth value to compare by, so a fingerprint equals itself only.
@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What is kept of a text to find its copies and translations."""

    shingles: Shingles
    """32-bit hashes of the text's five-word shingles, sorted (the exact measure of a candidate)."""
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


# Combining marks (the accents NFKD splits off), removed by one regex rather than a loop per character.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """The text without accents and case ("Perú" → "peru")."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def _hash32(data: bytes) -> int:
    return zlib.crc32(data)


_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit constant (the golden ratio's): spreads the bits


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> Shingles:
    """32-bit hashes of the overlapping ``size``-word runs of the folded text (distinct, sorted).

    Each word is hashed (CRC-32); a shingle's hash is a polynomial of its words' hashes,
    computed for all shingles at once with numpy (64-bit arithmetic wraps), top 32 bits kept.
    """
    words = _WORD.findall(fold(text))
    if len(words) < size:
        return np.array([_hash32(" ".join(words).encode())] if words else [], dtype=np.uint32)
    # map() keeps the per-word hashing in C: a dictionary of distinct words cost more to build
    # than hashing every word again.
    hashed = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    count = len(words) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(size):
            combined = combined * _MIX + hashed[offset : offset + count] + np.uint64(offset + 1)
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


def numbers_in(text: str) -> tuple[str, ...]:
    """The numbers of ``text`` in order, separators normalised: "8,005", "8.005" and "8 005" →
    "8005"; "2,3" and "2.3" → "2.3"."""
    found = []
    for match in _NUMBER.finditer(text):
        raw, separator = match.group(), match.group("sep")
        if separator is not None:
            found.append(raw.replace(separator, ""))
        else:
            found.append(raw.replace(",", "."))
    return tuple(found)


def names_in(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence: mostly proper names, in any language."""
    return frozenset(fold(match.group()).strip("'’") for match in _NAME.finditer(text))


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The MinHash permutations of :data:`SEED` (made once: datasketch draws them per object)."""
    return np.asarray(MinHash(num_perm=num_perm, seed=SEED, scheme="affine32").permutations)


def _minhash(values: list[int], num_perm: int) -> bytes:
    sketch = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int, scheme="affine32",
                     permutations=_permutations(num_perm))
    sketch.update_batch(values)
    return np.asarray(sketch.hashvalues, dtype="<u4").tobytes()


def _number_triples(numbers: tuple[str, ...]) -> set[int]:
    return {_hash32("|".join(numbers[i : i + 3]).encode()) for i in range(len(numbers) - 2)}


def fingerprint(text: str, *, signed: bool = True, numbers: bool = True) -> Fingerprint:
    """The fingerprint of a (normalised) text. What :func:`compare` does not need can be left
    out when a stored candidate is measured: ``signed=False``, the MinHash signatures;
    ``numbers=False``, the numbers and names (the translation signal)."""
    shingles = shingle_hashes(text)
    found = numbers_in(text) if numbers else ()
    signed_numbers = signed and len(found) >= MIN_NUMBERS
    number_signature = _minhash(list(_number_triples(found)), NUMBER_PERM) if signed_numbers else None
    return Fingerprint(
        shingles=shingles,
        signature=_minhash(shingles.tolist(), NUM_PERM) if len(shingles) and signed else b"",
        numbers=found,
        names=names_in(text) if numbers else frozenset(),
        number_signature=number_signature,
    )


@lru_cache(maxsize=BANDS + NUMBER_BANDS)
def _band_prefix(kind: bytes, band: int) -> hashlib.blake2b:
    """The hash state after a band key's first bytes, which every text shares (made once)."""
    return hashlib.blake2b(kind + band.to_bytes(2, "little"), digest_size=8)


def _band_key(kind: bytes, band: int, values: bytes) -> int:
    """BLAKE2b of ``kind``, the band's number and its values; the hash of the first two is copied
    rather than computed again (a document has up to 48 band keys)."""
    hasher = _band_prefix(kind, band).copy()
    hasher.update(values)
    return int.from_bytes(hasher.digest(), "little", signed=True)


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


def jaccard_estimates(a: bytes, others: Sequence[bytes | None]) -> np.ndarray:
    """:func:`jaccard_estimate` of ``a`` with each of ``others`` (None counts as empty), at once:
    a new document is screened against up to hundreds of stored signatures."""
    estimates = np.zeros(len(others))
    comparable = [index for index, other in enumerate(others) if a and other and len(other) == len(a)]
    if comparable:
        stacked = np.frombuffer(b"".join(others[index] or b"" for index in comparable), dtype="<u4")
        equal = np.count_nonzero(stacked.reshape(len(comparable), -1) == np.frombuffer(a, dtype="<u4"), axis=1)
        estimates[comparable] = equal / (len(a) // 4)
    return estimates


def containment_estimate(a: bytes, size_a: int, b: bytes, size_b: int) -> float:
    """The share of the smaller shingle set found in the other, estimated from the two MinHash
    signatures and the sets' sizes (|A ∩ B| = J·(|A| + |B|)/(1 + J)), without the texts."""
    return float(containment_estimates(a, size_a, [b], [size_b])[0])


def containment_estimates(a: bytes, size_a: int, others: Sequence[bytes | None], sizes: Sequence[int]) -> np.ndarray:
    """:func:`containment_estimate` of ``a`` with each of ``others`` (of ``sizes`` shingles), at once."""
    jaccard = jaccard_estimates(a, others)
    sizes_b = np.asarray(sizes, dtype=np.int64)
    usable = (jaccard > 0) & (sizes_b > 0) & (size_a > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        estimates = np.minimum(1.0, jaccard * (size_a + sizes_b) / (1 + jaccard) / np.minimum(size_a, sizes_b))
    return np.where(usable, estimates, 0.0)


def pack_shingles(shingles: Shingles) -> bytes:
    """The shingle hashes as sorted unsigned 32-bit little-endian values: what the store keeps so
    that a stored text, measured as a candidate, need not be read and fingerprinted again."""
    return shingles.astype("<u4", copy=False).tobytes()


def unpack_shingles(packed: bytes) -> Shingles:
    """The shingle hashes :func:`pack_shingles` stored (a read-only view of ``packed``, not a copy)."""
    return np.frombuffer(packed, dtype="<u4").astype(np.uint32, copy=False)


def shared_shingles(a: Shingles, b: Shingles) -> int:
    """How many shingle hashes ``a`` and ``b`` have in common."""
    return int(np.intersect1d(a, b, assume_unique=True).size)


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
        common = shared_shingles(a.shingles, b.shingles)
        share = common / min(len(a.shingles), len(b.shingles))
        jaccard = common / (len(a.shingles) + len(b.shingles) - common)  # |A ∪ B|, without building it
        if share >= SHARE_MIN:
            return Similarity("duplicate" if jaccard >= DUPLICATE_JACCARD else "republication", share, jaccard)
    else:
        jaccard = 0.0
    if (
        language_a and language_b and language_a != language_b
        and len(a.numbers) >= MIN_NUMBERS and len(b.numbers) >= MIN_NUMBERS
    ):
        share = number_share(a.numbers, b.numbers)
        names_ok = share >= TRANSLATION_SURE_SHARE
        if not names_ok and len(a.names) >= 3 and len(b.names) >= 3:
            names_ok = len(a.names & b.names) / min(len(a.names), len(b.names)) >= TRANSLATION_NAMES_MIN
        if share >= TRANSLATION_SHARE_MIN and names_ok:
            return Similarity("translation", share, jaccard)
    return None
