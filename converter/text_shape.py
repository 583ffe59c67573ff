"""The shape of a line of text: how many words, whether it ends a sentence, whether it is prose.

Both front doors ask these questions (the text reader of a dump's lines,
the HTML reader of a page's blocks): one definition each, here, so the
two readers cannot drift apart with different numbers.
"""
from __future__ import annotations

import re

from . import settings
from .ignorecase import non_ascii

# Scripts written without spaces between words (Chinese, Japanese) and Hangul.
CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")
WORD = re.compile(r"\w+", re.U)
# Closing punctuation of a sentence, in Latin and CJK scripts, maybe inside quotes or brackets.
SENTENCE_END_MARKS = frozenset(".!?…。！？\"'”’»)]")
SENTENCE_END = re.compile("[" + re.escape("".join(sorted(SENTENCE_END_MARKS))) + r"]\s*$")
# The thresholds live in `settings`; the text model (converter/assembly/) still reads these two
# names from here, until it folds its own settings into that module.
PROSE_WORDS = settings.PROSE_WORDS
CHARS_PER_WORD = settings.CHARS_PER_WORD


def cjk_chars(text: str) -> int:
    """How many Chinese, Japanese or Korean characters `text` holds (an ASCII line, told in O(1), none):
    in a long line, counted among its non-ASCII characters alone, picked out in C (`non_ascii`), as
    `CJK` holds no ASCII character (a Latin paragraph with a few curly quotes is a few characters)."""
    if text.isascii():
        return 0
    return len(CJK.findall(text if len(text) <= settings.NON_ASCII_SCAN_CHARS else non_ascii(text)))


def _cjk_chars_plain(text: str) -> int:
    """`cjk_chars` searched in the whole line (for the fast path's tests)."""
    return len(CJK.findall(text))


# Each ASCII byte as `WORD` sees it: b"w" for a word character, b" " for any other; a line's
# words are then its runs of b"w", counted in C with no list of words.
_ASCII_AS_WORD_CHARS = bytes(ord("w") if WORD.match(chr(c)) else ord(" ") for c in range(128)) + b" " * 128
#: a word character outside ASCII (an accented or non-Latin letter, a non-ASCII digit)
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def _word_count_through_bytes(text: str) -> int:
    """`len(WORD.findall(text))` of a text no non-ASCII character of which is a word character
    (curly quotes, dashes: each becomes a "?", no word character either), counted on bytes."""
    marks = text.encode("ascii", "replace").translate(_ASCII_AS_WORD_CHARS)
    return marks.count(b" w") + (marks[:1] == b"w")  # (a slice: `startswith` parses its arguments)


def count_words(text: str) -> int:
    """Words in `text`; a space-less token (slug, URL, handle) is one; CJK counts two characters a word."""
    if text.isascii():  # three lines in four: no CJK, and no word character the bytes cannot tell
        through_bytes = True
    else:
        # where a CJK or a non-ASCII word character may stand: a long line's non-ASCII characters,
        # picked out in C (`non_ascii`), rather than the whole line searched twice (both classes
        # hold no ASCII)
        others = text if len(text) <= settings.NON_ASCII_SCAN_CHARS else non_ascii(text)
        if CJK.search(others) is not None:
            return _count_words_plain(text)
        through_bytes = _NON_ASCII_WORD_CHAR.search(others) is None
    # no CJK: `_count_words_plain` with `cjk` 0
    if " " not in text:
        return 1
    words = _word_count_through_bytes(text) if through_bytes else len(WORD.findall(text))
    return max(words, len(text) // settings.CHARS_PER_WORD)


def _count_words_plain(text: str) -> int:
    """`count_words` by the plain formula, for any text (and the fast path's tests)."""
    cjk = cjk_chars(text)
    if cjk < settings.CJK_MIN_CHARS_FOR_WORDS and " " not in text:
        return 1  # one token: a slug, a URL, a handle
    words = len(WORD.findall(text))
    # scripts written without spaces (Japanese, Chinese) count characters; scripts
    # that space phrases rather than words (Thai) count letters in place of words
    return max(words, cjk // settings.CJK_CHARS_PER_WORD, len(text) // settings.CHARS_PER_WORD)


def ends_sentence(text: str) -> bool:
    """True when `text` ends as a sentence does (`SENTENCE_END`), told by its last character: a mark
    ends one; any other but white space (after which a mark may stand earlier) ends none. A search
    would try the pattern at every character of the line."""
    last = text[-1:]
    if last in SENTENCE_END_MARKS:
        return True
    return last.isspace() and SENTENCE_END.search(text) is not None


def _ends_sentence_plain(text: str) -> bool:
    """`ends_sentence` by the search itself (for the fast path's tests)."""
    return bool(SENTENCE_END.search(text))
