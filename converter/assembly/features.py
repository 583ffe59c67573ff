"""Language-independent features of the lines (or blocks) of a page.

The model that decides "body, headline, byline or furniture" sees a line
only through these: its shape (length, punctuation, capitals, digits),
its place (position, distance to prose, neighbours), repetition, how much
of it is the page's own common words, and what the shared detectors in
`furniture`, `dates` and `people` say of it. No feature names a site or a
word of one language; each is a number, mostly 0 or 1, so the model is a
sum of weights (`model.py`).
"""
from __future__ import annotations

import math
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter

import numpy as np

from ..furniture import furniture_and_end
from ..ignorecase import non_ascii
from ..text_shape import (_NON_ASCII_WORD_CHAR, CHARS_PER_WORD, CJK, WORD, cjk_chars, count_words,
                          ends_sentence)
from .. import settings
from .detected import _NOTHING_DETECTED, _detectors, detect_lines

URL_LINE = re.compile(r"^(?:https?://)\S+$")
#: the marks a list item may start with (other than a number, "1." or "(1)")
LIST_BULLETS = "•●▪◦‣*+-–"
LIST_ITEM = re.compile(rf"^(?:\(?\d{{1,3}}[.)]|[{re.escape(LIST_BULLETS)}])\s+\S")
#: a line with at least this many tabs is a table row: a list item too
LIST_ROW_TABS = 2
#: a line of leaked markup ("<div class=…>"): a page's source, never its prose
MARKUP_LINE = re.compile(r"^<[a-zA-Z!/][^<>]{0,200}>")
#: one sentence ending and another starting inside a line: a caption or a paragraph, no headline.
#: Two letters, a full stop (then white space; none needed after 。！？), maybe a quote, a letter.
#: Written from the stop (a character set the regex engine scans for in C) with the two
#: letters checked behind it, rather than a look-behind tried at every character of the line.
LATIN_STOPS, CJK_STOPS = ".!?", "。！？"
SENTENCE_INSIDE = re.compile(rf"[{LATIN_STOPS}{CJK_STOPS}](?<=[^\W\d_]{{2}}.)(?:(?<=[{LATIN_STOPS}])\s+|(?<=[{CJK_STOPS}])\s*)"
                             r"[\"'“‘«(]?[^\W\d_]")


@dataclass(slots=True)  # a page has hundreds: no per-line __dict__, faster to make and read
class Line:
    """One non-blank line of a text dump (or one block of a page), with its shape."""

    index: int
    text: str
    glued_to_previous: bool = False  # no blank line between it and the one before
    heading: int = 0  # heading level when the format tells (HTML), else 0
    link_share: float = -1.0  # share of the text inside links when known, else -1
    # what the model says of the line (`model.classify`)
    body_p: float = 0.0
    headline_p: float = 0.0
    byline_p: float = 0.0
    in_body: bool = False  # the reader's verdict: part of the article's body
    # its shape, from its text (`_line_facts`)
    words: int = field(init=False)
    furniture: bool = field(init=False)
    end: int = field(init=False)  # 1: a related-stories line, 2: the article's end ("23 Comments")
    sentence_end: bool = field(init=False)

    def __post_init__(self) -> None:
        self.words, self.furniture, self.end, self.sentence_end = _line_facts(self.text)


def _line_facts(text: str) -> tuple[int, bool, int, bool]:
    """Words, furniture, article end and sentence end of a line (a short line's, from the cache)."""
    return _short_line_facts(text) if len(text) <= settings.SHORT_LINE_CHARS else _facts(text)


def _facts(text: str) -> tuple[int, bool, int, bool]:
    furniture, end = furniture_and_end(text)
    # a line of leaked markup, tags from its start to its end ("<div><a href=…>…</div>"), is the
    # page's source, whatever prose it holds: furniture. Text after a tag is the page's text,
    # and so is one tag alone (an article's code sample, a kicker someone wrote as a tag).
    furniture = bool(furniture) or (text.endswith(">") and text.count("<") >= 2 and bool(MARKUP_LINE.match(text)))
    return count_words(text), furniture, end, ends_sentence(text)


# a third of a dump's lines repeat one met before on the page or on an earlier page
# (share bars, "Advertisement", a site's menus): their shape is worked out once
_short_line_facts = lru_cache(maxsize=settings.LINE_CACHE_SIZE)(_facts)


def _bucket(words: int) -> int:
    """The index of the first word-count bucket edge at or above `words` (past the last: one more)."""
    return bisect_left(settings.WORD_BUCKETS, words)


# A line's shape counts its characters by class (letters, capitals, digits, letters-or-digits,
# white space: what the `str` methods say of each) and its words' first characters. Each
# character becomes one byte, its classes' bits (`_CLASS_BASE` + bits), so that `bytes`
# methods count each class and each word start in C, with no Python call per character.
_LETTER, _CAPITAL, _DIGIT, _ALNUM, _SPACE = 1, 2, 4, 8, 16
_CLASS_BASE = 0x40  # the codes are the ASCII characters "@" to "_"


def _class_code(char: str) -> str:
    bits = (char.isalpha() | char.isupper() << 1 | char.isdigit() << 2 | char.isalnum() << 3
            | char.isspace() << 4)
    return chr(_CLASS_BASE + bits)


# Each code point's class code, worked out the first time it is met (0: not yet; a code is never
# 0): a line's characters are looked up by one `numpy.take` (a `str.translate` through a dict
# looks each character up by Python's mapping protocol, three times as long on a paragraph).
_CLASS_CODE_OF = np.zeros(sys.maxunicode + 1, dtype=np.uint8)


def _class_codes(text: str) -> bytes:
    """Each character's class code (`_class_code`), as bytes; characters not met before worked
    out once each."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    codes = _CLASS_CODE_OF.take(points)
    if b"\0" in codes.tobytes():  # (a C scan of the bytes: `ndarray.all` goes through Python)
        new = codes == 0
        unmet, where = np.unique(points[new], return_inverse=True)
        found = np.fromiter((ord(_class_code(chr(code))) for code in unmet.tolist()), dtype=np.uint8,
                            count=len(unmet))
        _CLASS_CODE_OF[unmet] = found
        codes[new] = found[where]
    return codes.tobytes()


# the same for ASCII bytes (three lines in four are ASCII): one `bytes.translate`
_ASCII_CLASS_CODES = "".join(map(_class_code, map(chr, range(128)))).encode() + bytes(128)
# per class, the codes lacking it: deleting them leaves the characters of the class
_LACKING = {bit: bytes(_CLASS_BASE + bits for bits in range(32) if not bits & bit)
            for bit in (_LETTER, _CAPITAL, _DIGIT, _ALNUM, _SPACE)}
# each code as a word-start class: white space (where `str.split` splits), a capital letter,
# another letter, anything else
_WORD_START_CLASS = bytes(
    ord("x" if not _CLASS_BASE <= code < _CLASS_BASE + 32 else "s" if (code - _CLASS_BASE) & _SPACE
        else "U" if (code - _CLASS_BASE) & _LETTER and (code - _CLASS_BASE) & _CAPITAL
        else "l" if (code - _CLASS_BASE) & _LETTER else "x") for code in range(256))


# An ASCII character has one of five class codes (white space, lower case, capital, digit,
# other): an ASCII line's class counts are sums of four `bytes.count`s, with no copy made.
_ASCII_CODES = sorted(set(_ASCII_CLASS_CODES[:128]))
_ASCII_CODES_WITH = {bit: tuple(code for code in _ASCII_CODES if (code - _CLASS_BASE) & bit)
                     for bit in (_LETTER, _CAPITAL, _DIGIT, _ALNUM, _SPACE)}
_ASCII_SPACE, = _ASCII_CODES_WITH[_SPACE]  # (each unpacking fails at import if the classes ever differ)
_ASCII_CAPITAL, = _ASCII_CODES_WITH[_CAPITAL]
_ASCII_DIGIT, = _ASCII_CODES_WITH[_DIGIT]
_ASCII_LOWER, = set(_ASCII_CODES_WITH[_LETTER]) - {_ASCII_CAPITAL}
if set(_ASCII_CODES_WITH[_ALNUM]) != {_ASCII_LOWER, _ASCII_CAPITAL, _ASCII_DIGIT}:
    raise ImportError("ASCII alphanumerics are no longer exactly its letters and digits")


def _class_counts(codes: bytes, ascii: bool) -> tuple[int, int, int, int, int]:
    """Letters, capitals, digits, alphanumerics and spaces among a line's class codes."""
    if ascii:
        lower, upper, digits = codes.count(_ASCII_LOWER), codes.count(_ASCII_CAPITAL), codes.count(_ASCII_DIGIT)
        return lower + upper, upper, digits, lower + upper + digits, codes.count(_ASCII_SPACE)
    return tuple(len(codes.translate(None, _LACKING[bit])) for bit in (_LETTER, _CAPITAL, _DIGIT, _ALNUM, _SPACE))


def _sample_shape(sample: str, tokens: tuple[str, ...] | None = None
                  ) -> tuple[int, int, int, int, int, int, int, tuple[str, ...]]:
    """A line start's counts (letters, capitals, digits, alphanumerics, spaces, words starting
    with a letter, those with a capital) and its casefolded tokens (`tokens` when the caller
    already has them).

    The counts are those of `sum(map(str.isalpha, sample))` and its siblings,
    and of the first characters of `sample.split()`'s words (a word starts at
    the line's start or after white space): tests/test_fast_line_model.py
    checks them against those formulas on any text.
    """
    ascii = sample.isascii()
    codes = (sample.encode("ascii").translate(_ASCII_CLASS_CODES) if ascii
             else _class_codes(sample))
    letters, upper, digits, alnum, spaces = _class_counts(codes, ascii)
    starts = codes.translate(_WORD_START_CLASS)
    capitalised = starts.count(b"sU") + starts.startswith(b"U")
    initials = capitalised + starts.count(b"sl") + starts.startswith(b"l")
    if tokens is None:
        tokens = tuple(WORD.findall(sample.casefold()))
    return letters, upper, digits, alnum, spaces, initials, capitalised, tokens


_WORD_BUCKET_NAMES = tuple(f"words_{i}" for i in range(len(settings.WORD_BUCKETS) + 1))
#: the features a line's text alone decides, in the order `_text_features` gives them: a
#: one-hot bucket of its word count, measures, then yes-or-no flags
TEXT_NUMBERS = ("log_words", "log_chars", "upper", "capitalised", "digits", "punct", "common", "glued")
TEXT_FLAGS = ("sentence_end", "ends_colon", "ends_period", "all_caps", "cjk", "furniture", "related",
              "article_end", "date", "date_label", "byline", "name", "credit", "contribution", "url", "markup",
              "two_sentences", "list_item", "pipe")
TEXT_COLUMNS = _WORD_BUCKET_NAMES + TEXT_NUMBERS + TEXT_FLAGS
#: what a page's markup tells of a block (an HTML page's; a text line has none)
FORMAT_COLUMNS = ("heading_1", "heading_2", "heading_3", "heading_4", "link_share", "mostly_link")
#: where the line stands on the page and what is around it
PLACE_COLUMNS = ("position", "first_lines", "last_lines", "repeated", "short_run", "prose_near", "prose_above",
                 "prose_below", "repeats_near", "dates_near", "short_near", "prose_share_above", "end_above",
                 "long_unpunctuated")
# the names of a neighbour's features, for the line above and the line below
_NEIGHBOUR_KEYS = ("log_words", "prose", "date", "byline", "furniture", "none")
_PREV = tuple(f"prev_{key}" for key in _NEIGHBOUR_KEYS)
_NEXT = tuple(f"next_{key}" for key in _NEIGHBOUR_KEYS)
#: a line's own features: what the rankers copy of it (its neighbours' are not its own)
OWN_COLUMNS = TEXT_COLUMNS + FORMAT_COLUMNS + PLACE_COLUMNS
#: every feature of a line, in the fixed order of the columns of `line_features`'s matrix
LINE_COLUMNS = OWN_COLUMNS + _PREV + _NEXT
_AT = {name: k for k, name in enumerate(LINE_COLUMNS)}
# a one-hot bucket per word count, as the first columns of a text's features
_BUCKET_ROWS = tuple(tuple(float(k == b) for k in range(len(_WORD_BUCKET_NAMES))) for b in range(len(_WORD_BUCKET_NAMES)))


@dataclass(frozen=True)
class FeatureRows:
    """Rows of features (lines, or a ranker's candidates) as a matrix, its columns named.

    The model reads the matrix (one matrix product a page, no dict a line);
    training reads `as_dicts`, the named features scikit-learn was always
    given, so the shipped model file and its figures stay as they were.
    """

    values: np.ndarray  # one row per line or candidate
    columns: tuple[str, ...]
    #: each line's casefolded tokens (`WORD.findall`), as `line_features` found them: the headline
    #: ranker's content words are made of them (empty when the rows are not a page's lines)
    tokens: list[list[str] | tuple[str, ...]] = field(default_factory=list, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.values)

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.columns.index(name)]

    def as_dicts(self) -> list[dict[str, float]]:
        """The rows as the dicts training fits on: a one-hot feature named only where it is 1,
        a neighbour's features only when there is one, the others always (0 or not)."""
        present = [_always_named(name) for name in self.columns]
        neighbours = [_NEIGHBOUR_OF.get(name) for name in self.columns]
        at = {name: k for k, name in enumerate(self.columns)}
        out = []
        for row in self.values.tolist():
            out.append({name: value for name, value, always, neighbour in zip(self.columns, row, present, neighbours)
                        if (value if neighbour is None else not row[at[neighbour]]) or always})
        return out


# a feature of the line above or below exists where that line does: where its "none" is 0
_NEIGHBOUR_OF = {name: f"{name[:5]}none" for name in _PREV[:-1] + _NEXT[:-1]}
#: features named only where they are not 0: one-hot buckets, "no neighbour", the markup's
#: (a block with no link share has none), and the rankers' one-hot buckets
_NAMED_WHEN_SET = ("words_", "heading_", "link_share", "mostly_link", "prev_none", "next_none",
                   "gap_", "rank_", "from_headline_")


def _always_named(name: str) -> bool:
    return not name.startswith(_NAMED_WHEN_SET) and name not in _NEIGHBOUR_OF


def _text_features(text: str, facts: tuple[int, bool, int, bool], tokens: tuple[str, ...] | None = None
                   ) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """The features a line's text alone decides (in `TEXT_COLUMNS` order), and its casefolded
    tokens (for `common`), from its text and the facts (`_line_facts`) its `Line` already holds
    (a paragraph's words and furniture are not worked out twice). `common` (the page's words) and `glued` (the
    blank line above) are 0 here: `line_features` sets them per page and per line. `tokens`: the
    start's tokens, when the caller already has them."""
    words, furniture, end, sentence_end = facts
    # shares of capitals, digits and common words read on the line's start, by C-level
    # str methods: a paragraph's first few hundred characters tell them as well as all
    sample = text[: settings.SHAPE_CHARS]
    letters, upper, digits, alnum, spaces, initials, capitalised, tokens = _sample_shape(sample, tokens)
    numbers = (
        # capped: a 4 MB paste is a long paragraph, not something unlike all the model saw
        math.log1p(min(words, settings.LONG_LINE_WORDS)),  # log_words
        math.log1p(min(len(text), settings.LONG_LINE_WORDS * CHARS_PER_WORD)),  # log_chars
        upper / letters if letters else 0.0,  # upper
        capitalised / initials if initials else 0.0,  # capitalised
        digits / len(sample),  # digits
        (len(sample) - alnum - spaces) / len(sample),  # punct
        0.0,  # common: set per page
        0.0,  # glued: set per line
    )
    flags = (
        sentence_end,
        text.endswith((":", ",", ";")),  # ends_colon
        text.endswith((".", "。")),  # ends_period
        letters >= 4 and upper == letters,  # all_caps
        cjk_chars(text) >= 4,  # cjk
        furniture,
        end == 1,  # related
        end == 2,  # article_end
        *_detectors(text),  # date, date_label, byline, name, credit, contribution
        URL_LINE.match(text) is not None,  # url
        MARKUP_LINE.match(text) is not None,  # markup
        SENTENCE_INSIDE.search(sample) is not None,  # two_sentences
        LIST_ITEM.match(text) is not None or text.count("\t") >= LIST_ROW_TABS,  # list_item
        "|" in text or " · " in text,  # pipe
    )
    return _BUCKET_ROWS[_bucket(words)] + numbers + tuple(map(float, flags)), tokens


# --- a page's new short lines, worked out together --------------------------------------------
# A page brings ~110 short lines not met before. `_text_features` makes ~40 C-level calls on
# each; here the character counts, shares and end characters of all of them come from a few
# numpy calls over their code points, joined by "\n" (no line holds one), each count summed
# per line between its offsets: no count sees across a line break. The detectors and the
# tokens stay one call a line, the line regexes one call a line that can match (its first
# character, or a stop in it, tells). tests/test_fast_line_model.py checks every row against
# `_text_features`, bit for bit, on the corpora's lines and on any text.

if settings.SHORT_LINE_CHARS > settings.SHAPE_CHARS:
    raise ImportError("a short line's shape is read on all of it: SHAPE_CHARS < SHORT_LINE_CHARS")
if settings.SHORT_LINE_CHARS >= 255:
    raise ImportError("a short line's character counts, with the \"\\n\" after it, are summed in byte lanes")

_ROW_BYTES = len(TEXT_COLUMNS) * np.dtype(np.float64).itemsize
#: `math.log1p` of every capped word or character count a short line can have and of most lengths of
#: a run of short lines (the very floats the per-line formulas compute: numpy's log1p may round otherwise)
_LOG1P = np.array([math.log1p(k) for k in range(max(settings.SHORT_LINE_CHARS, settings.LONG_LINE_WORDS) + 1)])
_CJK_RANGES = ((0x3040, 0x9FFF), (0xAC00, 0xD7AF))  # `text_shape.CJK`'s ranges
if CJK.pattern != "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _CJK_RANGES) + "]":
    raise ImportError("text_shape.CJK changed: update _CJK_RANGES")

# Each character's marks, one bit each, summed per line: its classes (`_class_code`'s five bits),
# then what the flags look for. The last three are marks of a place, not of one character:
# a word's first letter (after white space or the line's start), capitalised or not, and the
# start of " · ".
_MARKS = ("letter", "capital", "digit", "alnum", "space", "cjk", "tab", "pipe", "stop", "middle_dot", "blank",
          "word_start", "capital_start", "dot_between_blanks")
_MARK = {name: np.uint16(1 << k) for k, name in enumerate(_MARKS)}
if len(_MARKS) > 16 or [_MARK[name] for name in _MARKS[:5]] != [_LETTER, _CAPITAL, _DIGIT, _ALNUM, _SPACE]:
    raise ImportError("a character's marks are its five class bits, then at most eleven more")


# Each mark's count a line is summed in a byte lane of two uint64s: a character's marks become
# a 1 in each of its marks' lanes, and one sum a line adds all of them (`_short_rows`).
# (a byte's eight bits as eight byte lanes, then each marks value's two bytes: no big table to sum)
_BYTE_LANES = np.array([sum(((byte >> bit) & 1) << (8 * bit) for bit in range(8)) for byte in range(256)],
                       dtype="<u8")
_MARK_VALUES = np.arange(1 << len(_MARKS))
_LANES = np.stack([_BYTE_LANES[_MARK_VALUES & 0xFF], _BYTE_LANES[_MARK_VALUES >> 8]], axis=1)


def _marks_of(code: int) -> int:
    """A character's own marks (not those of its place)."""
    char = chr(code)
    return int(ord(_class_code(char)) - _CLASS_BASE
            | _MARK["cjk"] * any(lo <= code <= hi for lo, hi in _CJK_RANGES)
            | _MARK["tab"] * (char == "\t") | _MARK["pipe"] * (char == "|")
            | _MARK["stop"] * (char in LATIN_STOPS + CJK_STOPS)
            | _MARK["middle_dot"] * (char == "·") | _MARK["blank"] * (char == " "))


# each Basic Multilingual Plane character's own marks, worked out the first time one is met
# (65,536 at most: a hostile dump cannot grow it); a sentinel, no character's marks, till then
_UNMARKED = np.uint16(0xFFFF)
_PLANE_MARKS = np.full(0x10000, _UNMARKED, dtype=np.uint16)
_PLANE_MARKS[:128] = [_marks_of(code) for code in range(128)]
if _UNMARKED in _PLANE_MARKS[:128] or len(_MARKS) - 3 > 15:  # (the last three are a place's)
    raise ImportError("a character's own marks must fit in 15 bits")
# what a line must start with for each anchored line regex to match it: a cheap superset test
_URL_START, _MARKUP_START = ord("h"), ord("<")  # "http…", "<div…"


def _one_of(chars: str) -> np.ndarray:
    """A table telling, for each code point (`_any_of`), whether it is one of `chars`; its
    last entry, where every higher code point is looked up, says no."""
    table = np.zeros(max(map(ord, chars)) + 2, dtype=bool)
    table[list(map(ord, chars))] = True
    return table


_LIST_STARTS = _one_of("(" + LIST_BULLETS)  # or a digit (`\d` is one of `str.isdigit`'s)
_COLON_ENDS = _one_of(":,;")  # the characters `_text_features`'s endswith tests
_PERIOD_ENDS = _one_of(".。")
#: each ASCII byte as `WORD` sees it: a word character kept, any other a space (the "?" that
#: stands for a non-ASCII character too), "\n" kept (it parts a batch's texts)
_WORD_BYTE_OR_SPACE = bytes(code if WORD.fullmatch(chr(code)) or chr(code) == "\n" else ord(" ")
                            for code in range(128)) + b" " * 128


def _holds_no_foreign_word(folded: str) -> bool:
    """True when no non-ASCII character of `folded` is a word character (ASCII text; English
    with curly quotes and dashes): its `WORD.findall` is then `_spaced_words(folded).split()`."""
    if folded.isascii():
        return True
    others = folded if len(folded) <= settings.NON_ASCII_SCAN_CHARS else non_ascii(folded)
    return _NON_ASCII_WORD_CHAR.search(others) is None


def _spaced_words(folded: str) -> str:
    """`folded` (holding no non-ASCII word character) with each character that is no word
    character made a space, one for one: its words are then its `str.split`, found with no regex,
    each where it stood."""
    return folded.encode("ascii", "replace").translate(_WORD_BYTE_OR_SPACE).decode("ascii")


class _RowCache(dict):
    """Short line -> (its text features as a row of float64 bytes, its casefolded tokens): a
    third of a page's lines were met before on it or on an earlier page.

    Bounded by generations: the dict holds the recent lines, `older` the
    generation before; when the dict holds half of `LINE_CACHE_SIZE` lines it
    becomes `older` and the oldest generation goes at once. A page's rows go
    in by one C-level `update` (an `OrderedDict` inserting and evicting line
    by line cost ten times as much). `cache_clear` as `lru_cache`'s, for the
    benchmarks (an instance's own, so that they empty the cache, not call the
    class's method)."""

    def __init__(self) -> None:
        super().__init__()
        self.older: dict[str, tuple[bytes, tuple[str, ...]]] = {}
        self.cache_clear = self._forget

    def _forget(self) -> None:
        self.clear()
        self.older = {}

    def remember_all(self, rows: dict[str, tuple[bytes, tuple[str, ...]]]) -> None:
        """Remember a page's new lines' rows at once (one call a page, not a line)."""
        self.update(rows)
        if len(self) >= settings.LINE_CACHE_SIZE // 2:
            self.older = dict(self)
            self.clear()


_SHORT_ROWS = _RowCache()


def _text_rows(lines: list[Line], texts: list[str], words: np.ndarray
               ) -> tuple[list[bytes], list[tuple[str, ...]], list[list[str] | tuple[str, ...]]]:
    """Each line's text features as a row of float64 bytes and its start's casefolded tokens (a
    short line's from the cache or from one batch of the page's new short lines, a long line's
    from `_long_row`), and all of each line's tokens (for the page's common words and the
    headline ranker's content words). `texts` and `words`: the lines' texts and word counts. Each distinct text is
    worked out once (a line's facts are its text's), the rows looked up by C-level maps."""
    line_of = dict(zip(texts, lines))  # each distinct text, and a line of it
    short = [text for text in line_of if len(text) <= settings.SHORT_LINE_CHARS]
    found: dict[str, tuple] = dict(zip(short, map(_SHORT_ROWS.get, short)))
    unmet = [text for text, row in found.items() if row is None]  # (a row is a pair: never None)
    if unmet:
        found.update(zip(unmet, map(_SHORT_ROWS.older.get, unmet)))
        new = [text for text in unmet if found[text] is None]
        if new:
            found.update(_new_rows(new, line_of))
            _SHORT_ROWS.remember_all({text: found[text] for text in new})
    if len(found) < len(line_of):
        found.update((text, _long_row(line)) for text, line in line_of.items() if text not in found)
    entries = list(map(found.__getitem__, texts))
    # a short line's entry is (row, tokens): its start is all of it; a long line's (row, start's
    # tokens, all its tokens)
    return list(map(itemgetter(0), entries)), list(map(itemgetter(1), entries)), list(map(itemgetter(-1), entries))


def _new_rows(texts: list[str], line_of: dict[str, Line]) -> list[tuple[str, tuple[bytes, tuple[str, ...]]]]:
    """Each short text not met before, with its row and tokens: in batches (`_short_rows`), or
    one by one when a text holds a line break (a block's may; a text line never does)."""
    if "\n".join(texts).count("\n") != len(texts) - 1 or "" in texts:
        return [(text, _plain_row(text)) for text in texts]
    rows = []
    for start in range(0, len(texts), settings.LINE_BATCH_SIZE):
        part = texts[start : start + settings.LINE_BATCH_SIZE]
        rows.extend(zip(part, _short_rows(part, list(map(line_of.__getitem__, part)))))
    return rows


def _plain_row(text: str) -> tuple[bytes, tuple[str, ...]]:
    features, tokens = _text_features(text, _line_facts(text))
    return np.array(features).tobytes(), tokens


def _long_row(line: Line) -> tuple[bytes, tuple[str, ...], list[str]]:
    """A long line's text features as float64 bytes, its start's tokens and all its tokens,
    from one scan of its words: its start's tokens, then the rest's (`_words_and_start`)."""
    start_tokens, all_tokens = _words_and_start(line.text)
    features, start_tokens = _text_features(line.text, (line.words, line.furniture, line.end, line.sentence_end),
                                            start_tokens)
    return np.array(features).tobytes(), start_tokens, all_tokens


def _words_and_start(text: str) -> tuple[tuple[str, ...], list[str]]:
    """`WORD.findall` of the casefolded first `SHAPE_CHARS` characters of `text`, and of all of it.

    Casefolding works character by character, so the start's casefolding is
    the first `cut` characters of the whole's. A line with no non-ASCII word
    character (an English paragraph, curly quotes and all) has its runs of word
    characters as words once the others are spaces (`str.split`, no regex);
    any other line's are found up to the cut, then from it on (from the last
    word's start when a word runs across it).
    """
    folded = text.casefold()
    cut = settings.SHAPE_CHARS if text.isascii() else len(text[: settings.SHAPE_CHARS].casefold())
    if _holds_no_foreign_word(folded):  # one character for one: the start's words are those before the cut
        spaced = _spaced_words(folded)
        every = spaced.split()
        return tuple(every if cut >= len(spaced) else spaced[:cut].split()), every
    start = WORD.findall(folded, 0, cut)
    if start and WORD.fullmatch(folded, cut - 1, cut + 1):  # a word runs across the cut
        return tuple(start), start[:-1] + WORD.findall(folded, cut - len(start[-1]))
    return tuple(start), start + WORD.findall(folded, cut)


def _short_rows(texts: list[str], lines: list[Line]) -> list[tuple[bytes, tuple[str, ...]]]:
    """`_text_features` of each short text (its `Line` holding its facts), as float64 bytes, and
    its tokens: the counts over all the texts at once. No text may be empty or hold a "\\n"."""
    if not texts:
        return []
    m = len(texts)
    joined = "\n" + "\n".join(texts)  # each text after a "\n": its first character starts a word
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    marks = _char_marks(points)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=m)
    ends = np.add.accumulate(lengths + 1)  # one past each text's last character in `joined`
    starts = ends - lengths
    after_space = (marks[:-1] & _SPACE) != 0
    marks[1:] |= _MARK["word_start"] * (after_space & ((marks[1:] & _LETTER) != 0))
    marks[1:] |= _MARK["capital_start"] * (after_space & ((marks[1:] & (_LETTER | _CAPITAL)) == _LETTER | _CAPITAL))
    marks[:-2] |= _MARK["dot_between_blanks"] * (
        (marks[:-2] & marks[2:] & _MARK["blank"] != 0) & (marks[1:-1] & _MARK["middle_dot"] != 0))
    # each text and the "\n" after it (at most 201 characters: no count spills into the next lane)
    # (lanes in byte order; `take` rather than fancy indexing: a third of the work)
    lanes = np.add.reduceat(_LANES.take(marks, axis=0), starts, axis=0).astype("<u8", copy=False)
    counts = lanes.view(np.uint8).reshape(m, 16).astype(np.int64)
    counts[:-1, _MARKS.index("space")] -= 1  # ... which is white space, and has no other mark
    count = dict(zip(_MARKS, counts.T))
    letters, upper, initials = count["letter"], count["capital"], count["word_start"]
    words = np.fromiter([line.words for line in lines], dtype=np.int64, count=m)
    first, last = points.take(starts), points.take(ends - 1)

    block = np.zeros((m, len(TEXT_COLUMNS)))
    block[np.arange(m), np.searchsorted(settings.WORD_BUCKETS, words)] = 1.0  # `_bucket`
    number = {name: block[:, len(_WORD_BUCKET_NAMES) + k] for k, name in enumerate(TEXT_NUMBERS)}
    number["log_words"][:] = _LOG1P.take(np.minimum(words, settings.LONG_LINE_WORDS))
    number["log_chars"][:] = _LOG1P.take(np.minimum(lengths, settings.LONG_LINE_WORDS * CHARS_PER_WORD))
    np.divide(upper, letters, out=number["upper"], where=letters > 0)
    np.divide(count["capital_start"], initials, out=number["capitalised"], where=initials > 0)
    np.divide(count["digit"], lengths, out=number["digits"])
    np.divide(lengths - count["alnum"] - count["space"], lengths, out=number["punct"])
    flags = block[:, len(_WORD_BUCKET_NAMES) + len(TEXT_NUMBERS):]
    flag = {name: flags[:, k] for k, name in enumerate(TEXT_FLAGS)}
    flag["sentence_end"][:] = np.fromiter([line.sentence_end for line in lines], dtype=bool, count=m)
    flag["ends_colon"][:] = _any_of(last, _COLON_ENDS)
    flag["ends_period"][:] = _any_of(last, _PERIOD_ENDS)
    flag["all_caps"][:] = (letters >= 4) & (upper == letters)
    flag["cjk"][:] = count["cjk"] >= 4
    flag["furniture"][:] = np.fromiter([line.furniture for line in lines], dtype=bool, count=m)
    ends_of_article = np.fromiter([line.end for line in lines], dtype=np.int64, count=m)
    flag["related"][:] = ends_of_article == 1
    flag["article_end"][:] = ends_of_article == 2
    detected = TEXT_FLAGS.index("date")
    # one answer a text (six flags, `_short_line_detectors`' order), the batch's lines asked at once
    # (as one flat array of bools: numpy reads a list of tuples element by element, twice as long)
    flags[:, detected : detected + len(_NOTHING_DETECTED)] = np.fromiter(
        chain.from_iterable(detect_lines(texts)), dtype=bool, count=m * len(_NOTHING_DETECTED)).reshape(m, -1)
    for name, pattern, may_match in (
            ("url", URL_LINE.match, first == _URL_START),
            ("markup", MARKUP_LINE.match, first == _MARKUP_START),
            ("list_item", LIST_ITEM.match, _any_of(first, _LIST_STARTS) | (marks.take(starts) & _DIGIT != 0)),
            ("two_sentences", SENTENCE_INSIDE.search, count["stop"] > 0)):
        candidates = may_match.nonzero()[0]
        flag[name][candidates] = [pattern(texts[k]) is not None for k in candidates.tolist()]
    flag["list_item"][count["tab"] >= LIST_ROW_TABS] = 1.0
    flag["pipe"][:] = (count["pipe"] > 0) | (count["dot_between_blanks"] > 0)
    return list(zip(_row_bytes(block.tobytes()), _batch_tokens(texts)))


def _row_bytes(raw: bytes) -> map:
    """`raw`, a matrix of `TEXT_COLUMNS` float64s, cut into its rows' bytes (C-level maps, no
    Python step a row)."""
    return map(raw.__getitem__, map(slice, range(0, len(raw), _ROW_BYTES), range(_ROW_BYTES, len(raw) + 1, _ROW_BYTES)))


def _char_marks(points: np.ndarray) -> np.ndarray:
    """Each code point's own marks (`_marks_of`), looked up; a character not met before (or
    beyond the Basic Multilingual Plane) worked out once per batch."""
    marks = _PLANE_MARKS.take(points, mode="clip")  # (beyond the plane: the last entry's, then worked out)
    unmarked = (marks == _UNMARKED) | (points > 0xFFFF)
    if unmarked.any():
        codes, where = np.unique(points[unmarked], return_inverse=True)
        found = np.array([_marks_of(code) for code in codes.tolist()], dtype=np.uint16)
        plane = codes <= 0xFFFF
        _PLANE_MARKS[codes[plane]] = found[plane]
        marks[unmarked] = found[where]
    return marks


def _any_of(points: np.ndarray, one_of: np.ndarray) -> np.ndarray:
    """Which of `points` is one of the characters of an `_one_of` table (one look-up each)."""
    return one_of.take(points, mode="clip")


def _batch_tokens(texts: list[str]) -> list[tuple[str, ...]]:
    """`WORD.findall` of each casefolded text. A text with no non-ASCII word character (three in
    four) has its runs of word characters as words: once every other character is a space (one
    `bytes.translate` for all of them), `str.split` finds them with no regex; any other text goes
    to the regex. When no text of the batch holds one (an English page), every text's words are
    split in one C-level pass, with no Python step a text."""
    joined = "\n".join(texts).casefold()  # casefolding maps no character to a "\n"
    if _holds_no_foreign_word(joined):
        return list(map(tuple, map(str.split, _spaced_words(joined).split("\n"))))
    folded = joined.split("\n")
    plain = [text.isascii() or _holds_no_foreign_word(text) for text in folded]
    spaced = iter(_spaced_words("\n".join(compress(folded, plain))).split("\n"))
    return [tuple(next(spaced).split()) if is_plain else tuple(WORD.findall(text))
            for text, is_plain in zip(folded, plain)]


def _common_tokens(counted: list[list[str] | tuple[str, ...]]) -> set[str]:
    """The page's most frequent words in its longer lines (all the tokens of each, from
    `_text_rows`): its function words, any language.

    The words `Counter.most_common` names (`_common_tokens_plain`), told by one stable sort of
    the counts in C: `most_common` keeps the first met of equal counts, as a stable sort from
    the highest count does (its documented equal, `sorted(..., reverse=True)[:n]`), where
    `most_common`'s heap runs a Python comparison per word."""
    counts = Counter(chain.from_iterable(counted))
    if len(counts) <= settings.COMMON_TOKENS:
        return set(counts)
    highest_first = np.argsort(-np.fromiter(counts.values(), dtype=np.int64, count=len(counts)), kind="stable")
    words = list(counts)
    return {words[k] for k in highest_first[: settings.COMMON_TOKENS].tolist()}


def _common_tokens_plain(counted: list[list[str] | tuple[str, ...]]) -> set[str]:
    """`_common_tokens` as `Counter.most_common` tells it (tests hold the two the same)."""
    counts = Counter(chain.from_iterable(counted))
    return {w for w, _ in counts.most_common(settings.COMMON_TOKENS)}


def _prose(words: np.ndarray, furniture: np.ndarray, sentence_end: np.ndarray) -> np.ndarray:
    """Which lines are prose: no furniture, long enough, ending a sentence."""
    return ~furniture & (words >= settings.PROSE_LINE_WORDS) & sentence_end


def line_features(lines: list[Line]) -> FeatureRows:
    """The page's lines as a matrix (`LINE_COLUMNS`): their shape, place and neighbours' shape.

    Window counts come from running totals of integers and divide as the
    per-line formulas did, so every value is the very float it always was.
    """
    n = len(lines)
    values = np.zeros((n, len(LINE_COLUMNS)))
    if not n:
        return FeatureRows(values, LINE_COLUMNS)
    # (a list comprehension reads a slot faster than `operator.attrgetter`)
    texts = [line.text for line in lines]
    words = np.fromiter([line.words for line in lines], dtype=np.int64, count=n)
    tokens = _shapes(lines, texts, words, values)
    values[:, _AT["glued"]] = np.fromiter([line.glued_to_previous for line in lines], dtype=bool, count=n)
    headings, link_shares = [line.heading for line in lines], [line.link_share for line in lines]
    if any(headings) or max(link_shares) >= 0:
        _format(np.array(headings), np.array(link_shares), values)
    prose = _places(texts, words, values)
    _neighbours(prose, values)
    return FeatureRows(values, LINE_COLUMNS, tokens)


def _shapes(lines: list[Line], texts: list[str], words: np.ndarray, values: np.ndarray
            ) -> list[list[str] | tuple[str, ...]]:
    """Each line's text features (cached for short lines) and the share of the page's common
    words among its start's tokens (all the page's tokens looked up in one C-level pass, each
    line's hits summed between its offsets); returns each line's tokens, all of them."""
    rows, tokens, every = _text_rows(lines, texts, words)
    common = _common_tokens(compress(every, (words >= settings.PROSE_LINE_WORDS).tolist())).__contains__
    values[:, : len(TEXT_COLUMNS)] = np.frombuffer(b"".join(rows)).reshape(len(lines), len(TEXT_COLUMNS))
    counts = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    ends = np.add.accumulate(counts)
    hits = _running(np.fromiter(map(common, chain.from_iterable(tokens)), dtype=bool, count=int(ends[-1])))
    np.divide(hits[ends] - hits[ends - counts], counts, out=values[:, _AT["common"]], where=counts > 0)
    return every


_HEADING_AT = np.array([_AT[name] for name in FORMAT_COLUMNS if name.startswith("heading_")])


def _format(headings: np.ndarray, link_shares: np.ndarray, values: np.ndarray) -> None:
    """What the format tells of each block (an HTML page's): its heading level, its links' share."""
    headed = headings.nonzero()[0]
    values[headed, _HEADING_AT[np.minimum(headings[headed], len(_HEADING_AT)) - 1]] = 1.0
    known = link_shares >= 0
    values[known, _AT["link_share"]] = link_shares[known]
    values[known, _AT["mostly_link"]] = link_shares[known] > 0.5


def _places(texts: list[str], words: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Where each line (its text, its word count) stands and what a window around it holds
    (prose, repeats, dates); returns which lines are prose."""
    n = len(texts)
    at = np.arange(n)
    column = lambda name: values[:, _AT[name]]  # noqa: E731 (a view: assigning fills the matrix)
    counts = Counter(texts)
    # the lines' facts, as their text features (`_shapes`, before) already hold them, 0 or 1
    ended = column("sentence_end") != 0
    prose = _prose(words, column("furniture") != 0, ended)
    # running count of prose lines, for prose share in a window in O(1)
    before = _running(prose)
    # length of the run of short lines (menus, link lists) each line sits in
    short = words <= settings.SHORT_LINE_WORDS
    repeated = np.fromiter(map(counts.__getitem__, texts), dtype=np.int64, count=n) > 1
    column("position")[:] = at / max(1, n - 1)
    column("first_lines")[:] = at < 5
    column("last_lines")[:] = n - at <= 5
    column("repeated")[:] = repeated
    # `math.log1p` of each line's run length (0 stays 0): the very floats training computed, looked
    # up (a run longer than the table, on a page of hundreds of menu lines, worked out)
    runs = _runs(short)
    column("short_run")[:] = (_LOG1P.take(runs) if runs.max() < len(_LOG1P)
                              else [math.log1p(run) for run in runs.tolist()])
    lo, hi = np.maximum(0, at - settings.CONTEXT_WIDE), np.minimum(n, at + settings.CONTEXT_WIDE + 1)
    others = np.maximum(1, hi - lo - 1)
    column("prose_near")[:] = (before[hi] - before[lo] - prose) / others
    column("prose_above")[:] = before[:-1] > 0
    column("prose_below")[:] = before[n] - before[1:] > 0
    # what a comment thread, a live blog or a list of teasers is made of, counted in a window
    # around each line: short lines that recur on the page ("Reply", "Report", "Like"),
    # date lines (one per comment or entry), short lines in general
    for name, flags in (("repeats_near", short & repeated), ("dates_near", column("date") != 0),
                        ("short_near", short)):
        running = _running(flags)
        column(name)[:] = (running[hi] - running[lo] - flags) / others
    # where the line stands in the page's running text: the article is most of it and comes
    # first; comments and teasers below it come after most of the prose
    prose_words = _running(np.where(prose, words, 0))
    if prose_words[n]:
        column("prose_share_above")[:] = prose_words[:-1] / prose_words[n]
    # an article end ("23 Comments", "Leave a reply") after some prose: nothing below is the article
    ends = (column("article_end") != 0) & (before[:-1] > 0)
    column("end_above")[:] = _running(ends)[:-1] > 0
    # a page whose paragraphs end with no sentence mark (Thai, Lao, Burmese, some forums): there a
    # long line that ends none reads as a paragraph, not as a teaser or a title
    long_lines = words >= settings.PROSE_LINE_WORDS
    long_count = int(long_lines.sum())
    if long_count and int((long_lines & ended).sum()) < settings.PUNCTUATED_PAGE_SHARE * long_count:
        column("long_unpunctuated")[:] = long_lines & ~ended
    return prose


def _neighbours(prose: np.ndarray, values: np.ndarray) -> None:
    """The shape of the line above and of the line below (or that there is none)."""
    own = [_AT[name] for name in ("log_words", "date", "byline", "furniture")]
    above = [_AT[f"prev_{name}"] for name in ("log_words", "date", "byline", "furniture")]
    below = [_AT[f"next_{name}"] for name in ("log_words", "date", "byline", "furniture")]
    values[1:, above] = values[:-1, own]
    values[:-1, below] = values[1:, own]
    values[1:, _AT["prev_prose"]] = prose[:-1]
    values[:-1, _AT["next_prose"]] = prose[1:]
    values[0, _AT["prev_none"]] = 1.0
    values[-1, _AT["next_none"]] = 1.0


def _running(values) -> np.ndarray:
    """Running totals, one more than values (`t[j] - t[i]` sums values[i:j]): window counts in O(1)."""
    totals = np.zeros(len(values) + 1, dtype=np.int64)
    np.add.accumulate(values, dtype=np.int64, out=totals[1:])  # (`np.cumsum`, less its Python wrapper)
    return totals


def _runs(flags: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of True values it sits in (0 where False)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([False], flags, [False])).astype(np.int8)))
    lengths = edges[1::2] - edges[::2]  # each run's end minus its start (they alternate)
    runs = np.zeros(len(flags), dtype=np.int64)
    runs[flags] = np.repeat(lengths, lengths)
    return runs


#: the words of `WORD` `CONTENT_WORD_CHARS` characters long or more: `WORD`'s maximal runs of
#: word characters, the shorter ones never matched (a run too short fails at each of its characters)
_LONGER_WORD = re.compile(rf"\w{{{settings.CONTENT_WORD_CHARS},}}")


def content_words(text: str) -> set[str]:
    """Words that carry meaning (three letters or more, or CJK character pairs).

    `content_words_plain`'s set (tests/test_fast_assembly.py), with less work
    a word: each distinct word is checked once. A text with no non-ASCII word
    character (ASCII, or English with curly quotes: `_holds_no_foreign_word`)
    has its words as its runs of word characters once the others are spaces
    (`_spaced_words`, one bytes `translate`), split with no regex; any other
    text's, the regex keeps only the long enough ones. CJK characters are
    found in the text's non-ASCII characters alone (`non_ascii`: in order,
    a few C passes), where the regex has little to read on an English page.
    """
    if text.isascii():  # casefolding an ASCII text is `lower()`, and it holds no CJK character to pair
        return {w for w in set(_spaced_words(text.lower()).split())
                if len(w) >= settings.CONTENT_WORD_CHARS and not w.isdigit()}
    folded = text.casefold()
    if _holds_no_foreign_word(folded):
        words = {w for w in set(_spaced_words(folded).split())
                 if len(w) >= settings.CONTENT_WORD_CHARS and not w.isdigit()}
    else:
        words = {w for w in set(_LONGER_WORD.findall(folded)) if not w.isdigit()}
    return words | _cjk_pairs(text)


def _cjk_pairs(text: str) -> set[str]:
    """Each CJK character of `text` with the next one (whatever stands between them)."""
    cjk = CJK.findall(non_ascii(text))
    return {a + b for a, b in zip(cjk, cjk[1:])}


def content_words_of(tokens, text: str) -> set[str]:
    """`content_words(text)` from the text's casefolded tokens (`WORD.findall(text.casefold())`,
    as `line_features` already found them): no text tokenised again; only a non-ASCII text is
    read, for its CJK pairs (tests/test_fast_assembly.py holds it to `content_words`)."""
    words = {w for w in set(tokens) if len(w) >= settings.CONTENT_WORD_CHARS and not w.isdigit()}
    return words if text.isascii() else words | _cjk_pairs(text)


def content_words_plain(text: str) -> set[str]:
    """`content_words` by its definition: every word, filtered by its length."""
    words = {w for w in WORD.findall(text.casefold()) if len(w) >= settings.CONTENT_WORD_CHARS and not w.isdigit()}
    cjk = CJK.findall(text)
    return words | {a + b for a, b in zip(cjk, cjk[1:])}


#: what the headline ranker adds to a candidate's own features: its place relative to the body
HEADLINE_COLUMNS = OWN_COLUMNS + tuple(f"gap_{k}" for k in range(settings.HEADLINE_GAP_BUCKETS + 1)) + (
    "log_gap", *(f"rank_{k}" for k in range(settings.HEADLINE_RANK_BUCKETS + 1)), "lede_share", "lede_words",
    "header_below", "header_next", "short_above", "related_above", "title_above", "is_body_start",
    "title_siblings", "after_body_start")


@lru_cache(maxsize=None)
def _one_hot(size: int, k: int) -> tuple[float, ...]:
    """Position k of `size` set: the rankers ask for the same few rows for every candidate."""
    return tuple(float(j == k) for j in range(size))


def headline_features(lines: list[Line], features: FeatureRows, candidates: list[int],
                      body_start: int) -> FeatureRows:
    """Features of each headline candidate relative to the body found below it (`HEADLINE_COLUMNS`).

    A headline sits a few lines above the first paragraph, is the nearest
    title-shaped line or close to it, shares words with the lede, and
    often has a byline or a date just under it. (Candidates are often
    neighbours: each line around them is asked whether it is a header once,
    not once per candidate that sees it; tests/test_fast_assembly.py holds
    the rows to those of the per-candidate reading.)
    """
    lede_text = " ".join(ln.text for ln in lines[body_start : body_start + 6])
    # (the tokens `line_features` found, when these rows are this page's: the joined lines'
    # tokens are each line's in turn, a space being no word character)
    tokens = features.tokens if len(features.tokens) == len(lines) else None
    lede = (content_words(lede_text) if tokens is None
            else content_words_of(chain.from_iterable(tokens[body_start : body_start + 6]), lede_text))
    titles = [i for i in candidates if lines[i].words >= settings.TITLE_SIBLING_WORDS]  # in page order
    # lines that are not furniture, counted from the top: how many stand between two lines in O(1)
    kept_above = list(accumulate((not ln.furniture for ln in lines[:body_start]), initial=0))
    # the lines a candidate looks at, up to NEAR_HEADLINE_LINES above and below it, that are not
    # furniture (in page order, found around a candidate by bisection), and whether each is a header
    near, n = settings.NEAR_HEADLINE_LINES, len(lines)
    kept = [j for j in range(max(0, min(candidates, default=0) - near),
                             min(n, max(candidates, default=-n) + near + 1)) if not lines[j].furniture]
    header = [_is_header(lines[j]) for j in kept]
    extras = []
    for position, i in enumerate(candidates):
        rank = len(candidates) - 1 - position  # 0 for the candidate nearest the body
        line = lines[i]
        between = kept_above[body_start] - kept_above[i + 1] if i + 1 < body_start else 0
        words = content_words(line.text) if tokens is None else content_words_of(tokens[i], line.text)
        shared = len(words & lede)
        first_below, past_below = bisect_right(kept, i), bisect_right(kept, i + near)
        nearest_above = bisect_left(kept, i) - 1
        above = lines[kept[nearest_above]] if nearest_above >= 0 and kept[nearest_above] >= i - near else None
        # a teaser in a list of other stories' headlines has title-shaped lines all around it
        siblings = settings.TITLE_SIBLING_LINES
        extras.append([
            *_one_hot(settings.HEADLINE_GAP_BUCKETS + 1, min(between, settings.HEADLINE_GAP_BUCKETS)),
            math.log1p(between),  # log_gap
            *_one_hot(settings.HEADLINE_RANK_BUCKETS + 1, min(rank, settings.HEADLINE_RANK_BUCKETS)),
            shared / len(words) if words else 0.0,  # lede_share
            math.log1p(shared),  # lede_words
            float(True in header[first_below:past_below]),  # header_below
            float(first_below < past_below and header[first_below]),  # header_next
            float(above is None or above.words <= settings.SHORT_LINE_WORDS),  # short_above
            float(above is not None and above.end > 0),  # related_above
            float(above is not None and above.words >= 5 and not above.sentence_end),  # title_above
            float(i == body_start),  # is_body_start
            math.log1p(bisect_right(titles, i + siblings) - bisect_left(titles, i - siblings)
                       - (lines[i].words >= settings.TITLE_SIBLING_WORDS)),  # title_siblings (not itself)
            float(i > body_start),  # after_body_start
        ])
    return _candidate_rows(features, candidates, extras, HEADLINE_COLUMNS)


def _candidate_rows(features: FeatureRows, candidates: list[int], extras: list[list[float]],
                    columns: tuple[str, ...]) -> FeatureRows:
    """A ranker's rows: each candidate line's own features, then what the ranker adds."""
    rows = np.empty((len(candidates), len(columns)))
    rows[:, : len(OWN_COLUMNS)] = features.values[candidates, : len(OWN_COLUMNS)]
    # what the ranker adds, read as one flat run of floats (numpy reads a list of lists at twice the cost)
    shape = (len(candidates), len(columns) - len(OWN_COLUMNS))
    rows[:, len(OWN_COLUMNS) :] = np.fromiter(chain.from_iterable(extras), float, shape[0] * shape[1]).reshape(shape)
    return FeatureRows(rows, columns)


def is_dated(line: Line) -> bool:
    """A short line the date detectors read a date in (absolute or relative: "2 hours ago")."""
    return _detectors(line.text)[0]


def _is_header(line: Line) -> bool:
    date, date_label, byline, _name, _credit, _contribution = _detectors(line.text)
    return date or date_label or byline


_BYLINE_OFFSETS = range(-3, settings.BYLINE_OFFSET_BUCKETS + 1)
#: what the byline ranker adds to a candidate's own features: its place and its names
BYLINE_COLUMNS = OWN_COLUMNS + tuple(f"from_headline_{k}" for k in _BYLINE_OFFSETS) + (
    "after_body_start", "byline_p", "names", "name_repeats", "name_is_line", "date_beside")


def byline_features(lines: list[Line], features: FeatureRows, candidates: list[tuple[int, list[str]]],
                    headline: int, body_start: int) -> FeatureRows:
    """Features of each byline candidate (a line that starts with names) around the headline
    (`BYLINE_COLUMNS`).

    A byline sits near the headline, is short, often carries a date or a
    "By", and its name tends to appear again on the page (an author box).
    """
    count = _page_counter([ln.text for ln in lines])
    extras = []
    for i, names in candidates:
        offset = max(-3, min(i - headline, settings.BYLINE_OFFSET_BUCKETS))
        extras.append([
            *_one_hot(len(_BYLINE_OFFSETS), offset - _BYLINE_OFFSETS[0]),  # from_headline_k
            float(i > body_start),  # after_body_start
            lines[i].byline_p,
            float(len(names)),  # names
            math.log1p(max(0, sum(count(n.casefold()) - 1 for n in names))),  # name_repeats
            float(any(lines[i].text.strip() == n for n in names)),  # name_is_line
            # a name with a dateline right above or below it ("Jane Doe" / "2 hours ago")
            float(any(_is_header(ln) and not _detectors(ln.text)[2]
                      for ln in lines[max(0, i - 1) : i] + lines[i + 1 : i + 2])),  # date_beside
        ])
    return _candidate_rows(features, [i for i, _ in candidates], extras, BYLINE_COLUMNS)


def _page_counter(texts: list[str]):
    """`"\\n".join(texts).casefold().count`, casefolding most of the page the quick way.

    Casefolding maps each character on its own, so a needle with no line break
    is found in each line's casefold apart: the page's count is the sum of its
    ASCII lines' (whose casefold is `lower()`, done in C without a table) and
    its other lines'. An empty needle, or one holding a line break, is
    counted in the page itself (tests/test_fast_assembly.py holds the two equal).
    """
    ascii_part = "\n".join([text for text in texts if text.isascii()]).lower()
    other_part = "\n".join([text for text in texts if not text.isascii()]).casefold()

    def count(needle: str) -> int:
        if not needle or "\n" in needle:
            return "\n".join(texts).casefold().count(needle)
        return ascii_part.count(needle) + other_part.count(needle)
    return count


_CONTEXT_OFFSETS = range(-settings.CONTEXT_NEAR_LINES, settings.CONTEXT_NEAR_LINES + 1)
#: what the second pass adds to a line's features: the first pass's verdicts around it
CONTEXT_COLUMNS = LINE_COLUMNS + tuple(f"ctx_body_{d}" for d in _CONTEXT_OFFSETS) + (
    "ctx_body_mean", "ctx_body_above", "ctx_body_below", "ctx_body_relative")


def context_features(features: FeatureRows, body: list[float]) -> FeatureRows:
    """Each line's features plus what a first pass of the model thought of its neighbourhood.

    An article runs on: a doubtful line between confident body lines is
    body (a short paragraph, a subheading), and a prose-shaped teaser among
    menus is not. The first pass's body probabilities around a line carry
    that, in a form the second pass can weigh.
    """
    n = len(body)
    top = max(body, default=0.0) or 1.0
    wide = settings.CONTEXT_WIDE_LINES
    before = [0.0]
    for p in body:
        before.append(before[-1] + p)
    extras = []
    for i in range(n):
        lo, hi = max(0, i - wide), min(n, i + wide + 1)
        extras.append([
            *(body[i + d] if 0 <= i + d < n else 0.0 for d in _CONTEXT_OFFSETS),  # ctx_body_d
            (before[hi] - before[lo]) / (hi - lo),  # ctx_body_mean
            max(body[max(0, i - wide) : i], default=0.0),  # ctx_body_above
            max(body[i + 1 : i + wide + 1], default=0.0),  # ctx_body_below
            body[i] / top,  # ctx_body_relative
        ])
    added = np.array(extras, dtype=float).reshape(n, len(CONTEXT_COLUMNS) - len(LINE_COLUMNS))
    return FeatureRows(np.hstack([features.values, added]), CONTEXT_COLUMNS)
