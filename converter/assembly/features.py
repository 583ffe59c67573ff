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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..dates import DATE_LABEL, find_dates, is_relative_date
from ..furniture import furniture_and_end, photo_credit
from ..people import looks_like_name, names_from_byline, names_from_contribution
from ..text_shape import CHARS_PER_WORD, CJK, SENTENCE_END, WORD, cjk_chars, count_words
from .. import settings

URL_LINE = re.compile(r"^(?:https?://)\S+$")
LIST_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]|[•●▪◦‣*+\-–])\s+\S")
#: a line of leaked markup ("<div class=…>"): a page's source, never its prose
MARKUP_LINE = re.compile(r"^<[a-zA-Z!/][^<>]{0,200}>")
#: one sentence ending and another starting inside a line: a caption or a paragraph, no headline.
#: Two letters, a full stop (then white space; none needed after 。！？), maybe a quote, a letter.
#: Written from the stop (a character set the regex engine scans for in C) with the two
#: letters checked behind it, rather than a look-behind tried at every character of the line.
SENTENCE_INSIDE = re.compile(r"[.!?。！？](?<=[^\W\d_]{2}.)(?:(?<=[.!?])\s+|(?<=[。！？])\s*)[\"'“‘«(]?[^\W\d_]")


@dataclass
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
    furniture = furniture or (text.endswith(">") and text.count("<") >= 2 and bool(MARKUP_LINE.match(text)))
    return count_words(text), furniture, end, bool(SENTENCE_END.search(text))


# a third of a dump's lines repeat one met before on the page or on an earlier page
# (share bars, "Advertisement", a site's menus): their shape is worked out once
_short_line_facts = lru_cache(maxsize=settings.LINE_CACHE_SIZE)(_facts)


_NOTHING_DETECTED = (False, False, False, False, False, False)


def _detectors(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the shared rule detectors say of a line: a long line is none of these."""
    return _NOTHING_DETECTED if len(text) > settings.SHORT_LINE_CHARS else _short_line_detectors(text)


@lru_cache(maxsize=settings.LINE_CACHE_SIZE)
def _short_line_detectors(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the shared rule detectors say of a short line (cached, short lines only: headers
    repeat, and the cache then holds no paragraph)."""
    return (
        bool(find_dates(text)) or is_relative_date(text),
        bool(DATE_LABEL.match(text)),
        bool(names_from_byline(text)),
        bool(looks_like_name(text)),
        bool(photo_credit(text)),
        bool(names_from_contribution(text)),
    )


def _bucket(words: int) -> int:
    for i, edge in enumerate(settings.WORD_BUCKETS):
        if words <= edge:
            return i
    return len(settings.WORD_BUCKETS)


# The ASCII characters each `str` method says yes to, as bytes: `bytes.translate` deletes
# them in C, so one class's count on a mostly-ASCII line costs no Python call per character.
_ASCII = [chr(c) for c in range(128)]
_ASCII_ALPHA = "".join(filter(str.isalpha, _ASCII)).encode()
_ASCII_UPPER = "".join(filter(str.isupper, _ASCII)).encode()
_ASCII_DIGIT = "".join(filter(str.isdigit, _ASCII)).encode()
_ASCII_SPACE = "".join(filter(str.isspace, _ASCII)).encode()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _char_counts(sample: str) -> tuple[int, int, int, int, int]:
    """How many characters of `sample` are letters, capitals, digits, letters-or-digits and spaces.

    The same counts as `sum(map(str.isalpha, sample))` and its siblings: ASCII
    characters are counted by deleting each class from the bytes, the others
    (curly quotes, accented and non-Latin letters) by the `str` methods.
    """
    ascii_part = sample.encode("ascii", "ignore")
    size = len(ascii_part)
    letters = size - len(ascii_part.translate(None, _ASCII_ALPHA))
    upper = size - len(ascii_part.translate(None, _ASCII_UPPER))
    digits = size - len(ascii_part.translate(None, _ASCII_DIGIT))
    spaces = size - len(ascii_part.translate(None, _ASCII_SPACE))
    alnum = letters + digits  # in ASCII, nothing is a digit and a letter, nor alphanumeric otherwise
    if size != len(sample):
        rest = "".join(_NON_ASCII.findall(sample))
        letters += sum(map(str.isalpha, rest))
        upper += sum(map(str.isupper, rest))
        digits += sum(map(str.isdigit, rest))
        alnum += sum(map(str.isalnum, rest))
        spaces += sum(map(str.isspace, rest))
    return letters, upper, digits, alnum, spaces


@lru_cache(maxsize=settings.LINE_CACHE_SIZE)
def _sample_shape(sample: str) -> tuple[int, int, int, int, int, int, int, tuple[str, ...]]:
    """A line start's counts (letters, capitals, digits, alphanumerics, spaces, words starting
    with a letter, those with a capital) and its casefolded tokens; cached, as lines repeat."""
    letters, upper, digits, alnum, spaces = _char_counts(sample)
    # first characters of the words that start with a letter: how many are capitals
    initials = "".join(filter(str.isalpha, "".join([word[0] for word in sample.split()])))
    tokens = tuple(WORD.findall(sample.casefold()))
    return letters, upper, digits, alnum, spaces, len(initials), sum(map(str.isupper, initials)), tokens


def _flag(value: object) -> float:
    return 1.0 if value else 0.0  # the float(bool(value)) the model was trained on, without two calls


def _text_features(text: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """The features a line's text alone decides, and its casefolded tokens (for `common`).

    `common` (the page's words) and `glued` (the blank line above) are left at 0 for
    `_shape` to set: they hold their places here so every line's dict keeps one key order.
    """
    words, furniture, end, sentence_end = _line_facts(text)
    # shares of capitals, digits and common words read on the line's start, by C-level
    # str methods: a paragraph's first few hundred characters tell them as well as all
    sample = text[: settings.SHAPE_CHARS]
    letters, upper, digits, alnum, spaces, initials, capitalised, tokens = _sample_shape(sample)
    date, date_label, byline, name, credit, contribution = _detectors(text)
    features = {
        _WORD_BUCKET_NAMES[_bucket(words)]: 1.0,
        # capped: a 4 MB paste is a long paragraph, not something unlike all the model saw
        "log_words": math.log1p(min(words, settings.LONG_LINE_WORDS)),
        "log_chars": math.log1p(min(len(text), settings.LONG_LINE_WORDS * CHARS_PER_WORD)),
        "sentence_end": _flag(sentence_end),
        "ends_colon": _flag(text.endswith((":", ",", ";"))),
        "ends_period": _flag(text.endswith((".", "。"))),
        "upper": upper / letters if letters else 0.0,
        "all_caps": _flag(letters >= 4 and upper == letters),
        "capitalised": capitalised / initials if initials else 0.0,
        "digits": digits / len(sample),
        "punct": (len(sample) - alnum - spaces) / len(sample),
        "cjk": _flag(cjk_chars(text) >= 4),
        "common": 0.0,  # set per page by `_shape`
        "furniture": _flag(furniture),
        "related": _flag(end == 1),
        "article_end": _flag(end == 2),
        "date": _flag(date),
        "date_label": _flag(date_label),
        "byline": _flag(byline),
        "name": _flag(name),
        "credit": _flag(credit),
        "contribution": _flag(contribution),
        "url": _flag(URL_LINE.match(text)),
        "markup": _flag(MARKUP_LINE.match(text)),
        "two_sentences": _flag(SENTENCE_INSIDE.search(sample)),
        "list_item": _flag(LIST_ITEM.match(text) or text.count("\t") >= 2),
        "glued": 0.0,  # set per line by `_shape`
        "pipe": _flag("|" in text or " · " in text),
    }
    return features, tokens


_WORD_BUCKET_NAMES = tuple(f"words_{i}" for i in range(len(settings.WORD_BUCKETS) + 1))
# a short line's text features, worked out once: menus, share bars and footers repeat on a
# page and from page to page of a site (paragraphs do not, and are not kept)
_short_text_features = lru_cache(maxsize=settings.LINE_CACHE_SIZE)(_text_features)


def _shape(line: Line, common: set[str]) -> dict[str, float]:
    """The line's own features: its text's (a copy: the cached dict is shared), the share of
    the page's common words, whether it is glued to the line above, and what the format tells."""
    text = line.text
    features, tokens = (_short_text_features(text) if len(text) <= settings.SHORT_LINE_CHARS
                        else _text_features(text))
    f = dict(features)
    f["common"] = sum(map(common.__contains__, tokens)) / len(tokens) if tokens else 0.0
    f["glued"] = _flag(line.glued_to_previous)
    if line.heading:
        f[f"heading_{min(line.heading, 4)}"] = 1.0
    if line.link_share >= 0:
        f["link_share"] = line.link_share
        f["mostly_link"] = _flag(line.link_share > 0.5)
    return f


def _common_tokens(lines: list[Line]) -> set[str]:
    """The page's most frequent words in its longer lines: its function words, any language."""
    counts: Counter[str] = Counter()
    for line in lines:
        if line.words >= settings.PROSE_LINE_WORDS:
            counts.update(WORD.findall(line.text.casefold()))
    return {w for w, _ in counts.most_common(settings.COMMON_TOKENS)}


def _prose(line: Line) -> bool:
    return not line.furniture and line.words >= settings.PROSE_LINE_WORDS and line.sentence_end


def line_features(lines: list[Line]) -> list[dict[str, float]]:
    """One feature dict per line: its shape, its place and its neighbours' shape."""
    common = _common_tokens(lines)
    shapes = [_shape(line, common) for line in lines]
    counts = Counter(line.text for line in lines)
    prose = [_prose(line) for line in lines]
    n = len(lines)
    # running count of prose lines, for prose share in a window in O(1)
    before = _running(prose)
    # length of the run of short lines (menus, link lists) each line sits in
    short = [line.words <= settings.SHORT_LINE_WORDS for line in lines]
    short_run = _runs(short)
    # what a comment thread, a live blog or a list of teasers is made of, counted in a window
    # around each line: short lines that recur on the page ("Reply", "Report", "Like"),
    # date lines (one per comment or entry), short lines in general
    repeats = _running([short[i] and counts[line.text] > 1 for i, line in enumerate(lines)])
    dated = _running([bool(shape["date"]) for shape in shapes])
    shorts = _running(short)
    # where the line stands in the page's running text: the article is most of it and comes
    # first; comments and teasers below it come after most of the prose
    prose_words = _running([line.words if p else 0 for line, p in zip(lines, prose)])
    # an article end ("23 Comments", "Leave a reply") after some prose: nothing below is the article
    end_after_prose = _running([line.end == 2 and before[i] > 0 for i, line in enumerate(lines)])
    # a page whose paragraphs end with no sentence mark (Thai, Lao, Burmese, some forums): there a
    # long line that ends none reads as a paragraph, not as a teaser or a title
    long_lines = [line for line in lines if line.words >= settings.PROSE_LINE_WORDS]
    unpunctuated = bool(long_lines) and sum(line.sentence_end for line in long_lines) < (
        settings.PUNCTUATED_PAGE_SHARE * len(long_lines))
    out = []
    for i, line in enumerate(lines):
        f = shapes[i]  # grows into the line's features (neighbours read only its shape's keys)
        f["position"] = i / max(1, n - 1)
        f["first_lines"] = _flag(i < 5)
        f["last_lines"] = _flag(n - i <= 5)
        f["repeated"] = _flag(counts[line.text] > 1)
        f["short_run"] = math.log1p(short_run[i]) if short[i] else 0.0
        lo, hi = max(0, i - settings.CONTEXT_WIDE), min(n, i + settings.CONTEXT_WIDE + 1)
        f["prose_near"] = (before[hi] - before[lo] - prose[i]) / max(1, hi - lo - 1)
        f["prose_above"] = _flag(before[i] > 0)
        f["prose_below"] = _flag(before[n] - before[i + 1] > 0)
        others = max(1, hi - lo - 1)
        f["repeats_near"] = (repeats[hi] - repeats[lo] - (repeats[i + 1] - repeats[i])) / others
        f["dates_near"] = (dated[hi] - dated[lo] - (dated[i + 1] - dated[i])) / others
        f["short_near"] = (shorts[hi] - shorts[lo] - short[i]) / others
        f["prose_share_above"] = prose_words[i] / prose_words[n] if prose_words[n] else 0.0
        f["end_above"] = _flag(end_after_prose[i] > 0)
        f["long_unpunctuated"] = _flag(unpunctuated and line.words >= settings.PROSE_LINE_WORDS
                                       and not line.sentence_end)

        for (log_words, prose_key, date, byline, furniture, none), j in ((_PREV, i - 1), (_NEXT, i + 1)):
            if 0 <= j < n:
                shape = shapes[j]
                f[log_words] = shape["log_words"]
                f[prose_key] = _flag(prose[j])
                f[date] = shape["date"]
                f[byline] = shape["byline"]
                f[furniture] = shape["furniture"]
            else:
                f[none] = 1.0
        out.append(f)
    return out


def _running(values: list) -> list:
    """Running totals, one more than values (`t[j] - t[i]` sums values[i:j]): window counts in O(1)."""
    totals = [0]
    for value in values:
        totals.append(totals[-1] + value)
    return totals


# the names of a neighbour's features, for the line above and the line below
_NEIGHBOUR_KEYS = ("log_words", "prose", "date", "byline", "furniture", "none")
_PREV = tuple(f"prev_{key}" for key in _NEIGHBOUR_KEYS)
_NEXT = tuple(f"next_{key}" for key in _NEIGHBOUR_KEYS)


def _runs(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True values it sits in (0 where False)."""
    runs = [0] * len(flags)
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    return runs


def content_words(text: str) -> set[str]:
    """Words that carry meaning (three letters or more, or CJK character pairs)."""
    words = {w for w in WORD.findall(text.casefold()) if len(w) >= 3 and not w.isdigit()}
    cjk = CJK.findall(text)
    return words | {a + b for a, b in zip(cjk, cjk[1:])}


def headline_features(lines: list[Line], features: list[dict[str, float]], candidates: list[int],
                      body_start: int) -> list[dict[str, float]]:
    """Features of each headline candidate relative to the body found below it.

    A headline sits a few lines above the first paragraph, is the nearest
    title-shaped line or close to it, shares words with the lede, and
    often has a byline or a date just under it.
    """
    lede = content_words(" ".join(ln.text for ln in lines[body_start : body_start + 6]))
    titles = [i for i in candidates if lines[i].words >= settings.TITLE_SIBLING_WORDS]
    out = []
    for rank, i in enumerate(reversed(candidates)):
        line = lines[i]
        f = {k: v for k, v in features[i].items() if not k.startswith(("prev_", "next_"))}
        between = sum(1 for ln in lines[i + 1 : body_start] if not ln.furniture)
        f[f"gap_{min(between, settings.HEADLINE_GAP_BUCKETS)}"] = 1.0
        f["log_gap"] = math.log1p(between)
        f[f"rank_{min(rank, settings.HEADLINE_RANK_BUCKETS)}"] = 1.0
        words = content_words(line.text)
        shared = len(words & lede)
        f["lede_share"] = shared / len(words) if words else 0.0
        f["lede_words"] = math.log1p(shared)
        below = [ln for ln in lines[i + 1 : i + 4] if not ln.furniture]
        above = [ln for ln in lines[max(0, i - 3) : i] if not ln.furniture]
        f["header_below"] = float(any(_is_header(ln) for ln in below))
        f["header_next"] = float(bool(below) and _is_header(below[0]))
        f["short_above"] = float(not above or above[-1].words <= settings.SHORT_LINE_WORDS)
        f["related_above"] = float(bool(above) and above[-1].end > 0)
        f["title_above"] = float(bool(above) and above[-1].words >= 5 and not above[-1].sentence_end)
        f["is_body_start"] = float(i == body_start)
        # a teaser in a list of other stories' headlines has title-shaped lines all around it
        near = settings.TITLE_SIBLING_LINES
        f["title_siblings"] = math.log1p(sum(1 for j in titles if j != i and abs(j - i) <= near))
        f["after_body_start"] = float(i > body_start)
        out.append((i, f))
    out.sort()
    return [f for _, f in out]


def is_dated(line: Line) -> bool:
    """A short line the date detectors read a date in (absolute or relative: "2 hours ago")."""
    return _detectors(line.text)[0]


def _is_header(line: Line) -> bool:
    date, date_label, byline, _name, _credit, _contribution = _detectors(line.text)
    return date or date_label or byline


def byline_features(lines: list[Line], features: list[dict[str, float]], candidates: list[tuple[int, list[str]]],
                    headline: int, body_start: int) -> list[dict[str, float]]:
    """Features of each byline candidate (a line that starts with names) around the headline.

    A byline sits near the headline, is short, often carries a date or a
    "By", and its name tends to appear again on the page (an author box).
    """
    page = "\n".join(ln.text for ln in lines).casefold()
    out = []
    for i, names in candidates:
        f = {k: v for k, v in features[i].items() if not k.startswith(("prev_", "next_"))}
        offset = i - headline
        f[f"from_headline_{max(-3, min(offset, settings.BYLINE_OFFSET_BUCKETS))}"] = 1.0
        f["after_body_start"] = float(i > body_start)
        f["byline_p"] = lines[i].byline_p
        f["names"] = float(len(names))
        f["name_repeats"] = math.log1p(max(0, sum(page.count(n.casefold()) - 1 for n in names)))
        f["name_is_line"] = float(any(lines[i].text.strip() == n for n in names))
        # a name with a dateline right above or below it ("Jane Doe" / "2 hours ago")
        f["date_beside"] = float(any(_is_header(ln) and not _detectors(ln.text)[2]
                                     for ln in lines[max(0, i - 1) : i] + lines[i + 1 : i + 2]))
        out.append(f)
    return out


def context_features(features: list[dict[str, float]], body: list[float]) -> list[dict[str, float]]:
    """Each line's features plus what a first pass of the model thought of its neighbourhood.

    An article runs on: a doubtful line between confident body lines is
    body (a short paragraph, a subheading), and a prose-shaped teaser among
    menus is not. The first pass's body probabilities around a line carry
    that, in a form the second pass can weigh.
    """
    n = len(body)
    top = max(body, default=0.0) or 1.0
    near, wide = settings.CONTEXT_NEAR_LINES, settings.CONTEXT_WIDE_LINES
    before = [0.0]
    for p in body:
        before.append(before[-1] + p)
    out = []
    for i, f in enumerate(features):
        g = dict(f)
        for d in range(-near, near + 1):
            j = i + d
            g[f"ctx_body_{d}"] = body[j] if 0 <= j < n else 0.0
        lo, hi = max(0, i - wide), min(n, i + wide + 1)
        g["ctx_body_mean"] = (before[hi] - before[lo]) / (hi - lo)
        g["ctx_body_above"] = max(body[max(0, i - wide) : i], default=0.0)
        g["ctx_body_below"] = max(body[i + 1 : i + wide + 1], default=0.0)
        g["ctx_body_relative"] = body[i] / top
        out.append(g)
    return out
