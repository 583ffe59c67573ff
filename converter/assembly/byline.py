"""Who wrote the article: the lines near the headline that name people.

Candidates are short lines near the headline and the top of the body that
start with people's names (`converter.people` reads the names); the byline
ranker of the line model (`model.choose_byline`) picks among them. (A name
alone on its line right by a dateline is a byline too: `header.bare_byline`.)
"""
from __future__ import annotations

from ..people import names_from_byline, names_from_contribution, names_opening
from .. import settings
from .features import Line
from .header import holds_byline


def byline_names(line: Line) -> list[str] | None:
    """The names a byline block gives ("By Jane Doe, Reuters"), or None: longer than a byline
    is prose that mentions someone. The one byline detector of both formats' blocks."""
    return names_from_byline(line.text) if line.words <= settings.BYLINE_MAX_WORDS else None


def body_byline(line: Line, prose: bool) -> list[str] | None:
    """A byline among the body's blocks, set aside rather than printed: a sign-off, a chart's
    "By …" credit. Never a block the format reads as prose (the markup's verdict on a page's
    blocks; a text line has none, and its length settles it)."""
    return None if prose else byline_names(line)


def contributor_names(line: Line) -> list[str] | None:
    """Names in an `X contributed reporting` / `Reporting by X; Editing by Y` block: the one
    contributor detector of both formats (a longer block is prose that mentions reporting)."""
    return names_from_contribution(line.text) if line.words <= settings.CONTRIBUTION_MAX_WORDS else None


def contributors_after(blocks: list[Line]) -> list[str]:
    """Contributor lines among the first blocks after the article's last paragraph."""
    names: list[str] = []
    for line in blocks[: settings.CONTRIBUTION_BLOCKS_AFTER]:
        names += [n for n in contributor_names(line) or [] if n not in names]
    return names


def byline_candidates(lines: list[Line], headline: int, body_start: int,
                      body_end: int | None = None) -> list[tuple[int, list[str]]]:
    """Short lines near the headline and the top of the body that start with people's names
    (none past the body's end: what follows a short article is the next box's "by Sponsor")."""
    stop = min(len(lines) if body_end is None else body_end, body_start + settings.BYLINE_WINDOW)
    window = range(max(0, headline - settings.BYLINE_WINDOW), stop)
    found = []
    for i in window:
        line = lines[i]
        if i == headline or line.furniture or line.words > settings.BYLINE_MAX_WORDS:
            continue
        names = _names_in(line.text)
        if names:
            found.append((i, names))
    return found


def _names_in(text: str) -> list[str] | None:
    """`people.names_in_line` of a candidate line, `names_from_byline` asked only where the line
    model's cached detector answers (`header.holds_byline`) say it finds names: most candidate
    lines are no "By …" line (tests/test_fast_assembly.py holds the two the same)."""
    return (names_from_byline(text) if holds_byline(text) else None) or names_opening(text)
