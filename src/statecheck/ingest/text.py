"""Plain text and Markdown: detect the encoding, refuse what is not text.

The order of guesses: a byte-order mark, strict UTF-8, the charset a server declared, then
charset-normalizer restricted to common encodings. Among equally good guesses for Western
European text we take Windows-1252, as browsers do: charset-normalizer alone often ties
Latin-1 Spanish or French with Windows-1250 and picks the latter ("niños" -> "nińos").
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from statecheck.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Without this list charset-normalizer takes short mostly-ASCII text for UTF-16 or EBCDIC.
# fmt: off
_COMMON_ENCODINGS: list[str] = [
    "utf_8", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_9", "mac_roman", "cp850", "cp866", "gb18030", "big5", "shift_jis",
    "euc_jp", "euc_kr",
]
# fmt: on
_WESTERN = "cp1252"

# Share of control characters above which decoded "text" is really binary data; tabs, line and
# page breaks and the DOS end-of-file mark are not counted.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}


def read_text(raw: bytes, *, location: str, declared_charset: str | None = None) -> str:
    """Decode the bytes of a text file; raise :class:`InputError` when empty or binary."""
    if not raw.strip():
        raise InputError("empty file", location=location)
    text = decode(raw, location=location, declared_charset=declared_charset)
    if not text.strip(" \t\r\n\x0b\x0c\ufeff\u200b\u00a0"):
        raise InputError("empty file", location=location)
    return text


def decode(raw: bytes, *, location: str, declared_charset: str | None = None) -> str:
    """Bytes to text in the encoding they most likely use; binary data raises :class:`InputError`."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw[len(bom) :].decode(encoding), location)
            except UnicodeDecodeError:
                raise InputError(
                    f"invalid {encoding.upper()} text after its byte-order mark", location=location
                ) from None
    if b"\x00" in raw:
        return _checked(_utf16_without_bom(raw, location), location)
    try:
        return _checked(raw.decode("utf-8"), location)
    except UnicodeDecodeError:
        pass
    if declared_charset:
        try:
            return _checked(raw.decode(declared_charset), location)
        except (LookupError, UnicodeDecodeError):
            pass  # servers often declare a charset the body does not use: guess instead
    return _checked(_guess(raw, location), location)


def _utf16_without_bom(raw: bytes, location: str) -> str:
    """Latin-script text in UTF-16 without a byte-order mark has NUL in every other byte; else binary."""
    even, odd = raw[0::2], raw[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(raw) % 2 == 0 and zeros.count(0) >= 0.6 * len(zeros):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    raise InputError("not a text file (binary data)", location=location)


def _guess(raw: bytes, location: str) -> str:
    matches = list(from_bytes(raw, cp_isolation=_COMMON_ENCODINGS))
    if not matches:
        raise InputError("not a text file (binary data)", location=location)
    best = matches[0]
    for match in matches:
        if (
            match.chaos <= best.chaos
            and match.coherence >= best.coherence
            and _WESTERN in match.could_be_from_charset
        ):
            try:
                return raw.decode(_WESTERN)
            except UnicodeDecodeError:
                break  # one of the five bytes Windows-1252 leaves undefined
    return str(best)


def _checked(text: str, location: str) -> str:
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError("not a text file (binary data)", location=location)
    return text
