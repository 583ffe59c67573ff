"""The headline: the title-shaped line above the body the headline ranker likes best.

Candidates are title-shaped lines (no furniture, no dateline, no caption,
not too long) in a window above the body and its first few lines; a line
the page's slug or URL spells settles it, else the ranker of the line
model (`model.choose_headline`) picks. A breadcrumb a browser copy glued
before the headline is cut off.
"""
from __future__ import annotations

import re

from ..text_shape import WORD
from .. import settings
from .body import is_paragraph
from .features import FeatureRows, Line
from .header import holds_credit, is_caption, is_header_line, is_url_line
from .model import choose_headline


def _title_shaped(lines: list[Line], i: int) -> bool:
    """No furniture, a title's length, no URL, header or caption. (Each test only reads the page,
    so their order is free: the line's own facts first, the detectors' answers last.)"""
    line = lines[i]
    text = line.text
    return not (
        line.furniture
        or line.end
        or line.words < 1
        or line.words > settings.TITLE_MAX_WORDS
        or len(text) > settings.TITLE_MAX_CHARS
        or text.endswith((",", ";", ":"))
        or is_url_line(text)
        or is_header_line(line)
        or ((line.sentence_end or holds_credit(text)) and is_caption(lines, i))
    )


def slug_words(text: str) -> str:
    """A text's words the way a slug or a URL spells them: lower case, joined by hyphens."""
    return "-".join(w.lower() for w in WORD.findall(text))


def find_headline(lines: list[Line], features: FeatureRows, body_start: int, hints: list[str],
                  first: int = 0) -> int | None:
    """The index of the headline line, or None when nothing before the body fits.

    `hints` are slugs (the page's slug, its URL's path) spelled by `slug_words`;
    lines before `first` (the dump's slug line) are never the headline.
    """
    for i in range(first, body_start if hints else first):  # a slug or URL that spells the line settles it
        words = slug_words(lines[i].text)
        if len(words) > settings.SLUG_HINT_MIN_CHARS and any(words in hint for hint in hints) and _title_shaped(lines, i):
            return i
    return choose_headline(lines, features, headline_candidates(lines, body_start, first), body_start)


def headline_candidates(lines: list[Line], body_start: int, first: int = 0) -> list[int]:
    """Title-shaped lines above the body, and its first few lines: a headline the model took
    for prose, or one under a kicker or dateline the model took for the body's start."""
    # below the body's first line, only title-shaped lines before any paragraph: no headline
    # stands below a paragraph of the article, and a paragraph is no headline
    end, limit = body_start + 1, min(body_start + 1 + settings.HEADLINE_LOOKAHEAD, len(lines))
    while end < limit and not is_paragraph(lines[end - 1]) and not is_paragraph(lines[end]):
        end += 1
    window = range(max(first, body_start - settings.HEADLINE_WINDOW), end)
    return [i for i in window if _title_shaped(lines, i)]


# where a browser copy joined two links with no space: "HomeLatest NewsThe headline"
GLUED_LINKS = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a breadcrumb printed with its separators: "News > 2015 > The headline"
BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»/]\s+|\s*[›»]\s*")


def without_breadcrumb(headline: str, above: list[Line]) -> str:
    """The headline without the breadcrumb a browser copy put before it.

    With its separators ("News > 2015 > Title", two or more of them) the
    breadcrumb is plain; glued on with no space ("HomeNewsTitle"), each
    piece cut off must be a menu item the page printed above ("PlayStation"
    is no breadcrumb). Either way what is left must still read as a title.
    """
    crumbs = BREADCRUMB_SEPARATOR.split(headline)
    if len(crumbs) >= 3 and len(crumbs[-1].split()) >= settings.BREADCRUMB_MIN_TITLE_WORDS:
        return crumbs[-1].strip()
    pieces = GLUED_LINKS.split(headline)
    if len(pieces) < 2:
        return headline
    menu = {line.text.casefold() for line in above if line.words <= settings.BREADCRUMB_MAX_WORDS}
    cut = 0
    while cut < len(pieces) - 1 and pieces[cut].strip().casefold() in menu:
        cut += 1
    rest = headline[sum(len(p) for p in pieces[:cut]):].lstrip(" ›»")
    return rest if cut and len(rest.split()) >= settings.BREADCRUMB_MIN_TITLE_WORDS else headline
