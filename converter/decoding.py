"""Raw bytes to clean text: size limit, binary detection, encodings, line ends.

Dumps come from browsers and editors on every platform, so UTF-8 (with or
without a BOM), UTF-16, cp1252 and Latin-1 all occur, with CRLF or bare CR
line ends. charset-normalizer guesses the rare others (cp1251, Shift-JIS…).
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .sanitize import valid_unicode

MAX_DUMP_BYTES = 32 * 1024 * 1024  # a saved page above this is not a news article

# Only guesses for non-Latin scripts are trusted; for Western text a short
# sample is too easily mistaken for mac_roman or cp1250, so cp1252 wins there.
_NON_LATIN_ENCODINGS = re.compile(
    r"^(cp1251|koi8|iso8859_5|mac_cyrillic|cp866|shift_jis|cp932|euc_j|iso2022|gb|big5|hz|euc_kr|cp949|johab"
    r"|cp1253|iso8859_7|cp1255|iso8859_8|cp1256|iso8859_6|cp874|tis_620)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: the same characters as bytes: in UTF-8 each is its own byte, and no other character's bytes
#: include one (those of a character past ASCII are all 0x80 or more)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
#: how much of a text the binary check reads
BINARY_SAMPLE_CHARS = 65536


def too_large(size: int) -> str:
    """The one-line reason for a dump over MAX_DUMP_BYTES."""
    return f"file is {size / 1048576:.1f} MB, over the {MAX_DUMP_BYTES // 1048576} MB limit"


class DecodeError(ValueError):
    """The bytes are not a text dump; the message says why, in a few words."""


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot BOM-less UTF-16 by its NUL bytes on every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    encoding = "utf-16-le" if odd_nuls > 0.3 > even_nuls else "utf-16-be" if even_nuls > 0.3 > odd_nuls else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy_single_byte(data: bytes) -> str:
    """cp1252 where it is defined (curly quotes, dashes), Latin-1 for the rest."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a dump's bytes to text with `\\n` line ends, or raise DecodeError.

    `declared` is an encoding the file itself names (an HTML meta charset);
    it is trusted only when the bytes decode cleanly with it.
    """
    if len(data) > MAX_DUMP_BYTES:
        raise DecodeError(too_large(len(data)))
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        text = None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if text is None or "\x00" in text:
            text = _utf16_without_bom(data) or text
        if text is None and declared:
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                text = None
        if text is None:
            best = from_bytes(data[:200_000]).best()
            encoding = best.encoding if best else None
            if encoding and _NON_LATIN_ENCODINGS.match(encoding):
                try:
                    text = data.decode(encoding)
                except (UnicodeDecodeError, LookupError):
                    text = None
            if text is None:
                text = _legacy_single_byte(data)
    sample = text[:BINARY_SAMPLE_CHARS]
    if "\x00" in text or control_chars(sample) > max(8, len(sample) // 100):
        raise DecodeError("binary file, not a text or HTML dump")
    text = valid_unicode(text.replace("\r\n", "\n").replace("\r", "\n"))  # UTF-7 can decode to lone surrogates
    if not text.strip():
        raise DecodeError("empty file" if not data else "file holds only white space")
    return text


def control_chars(text: str) -> int:
    """How many control characters (`_CONTROL`) `text` holds: `len(_CONTROL.findall(text))`
    (tests/test_fast_assembly.py), counted as bytes of its UTF-8 in C, twice as fast on a page."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES))
