"""Who wrote the article: the lines near the headline that name people.

Candidates are short lines near the headline and the top of the body that
start with people's names (`converter.people` reads the names); the byline
ranker of the line model (`model.choose_byline`) picks among them. A name
alone on its line right by a dateline is a byline too.
"""
from __future__ import annotations

from ..dates import DATE_LABEL, find_dates, is_relative_date
from ..people import looks_like_name, names_from_byline, names_from_contribution, names_in_line
from .. import settings
from .features import Line


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
        names = names_in_line(line.text)
        if names:
            found.append((i, names))
    return found


def bare_byline(lines: list[Line], position: int) -> list[str] | None:
    """A name on its own line next to a dateline ("Jane Doe" / "Nov. 18, 2019"): the author."""
    line = lines[position]
    name = looks_like_name(line.text)
    if not name:
        return None
    neighbours = lines[max(0, position - 1) : position] + lines[position + 1 : position + 1 + settings.BARE_BYLINE_LINES_BELOW]
    if any(find_dates(n.text) or DATE_LABEL.match(n.text) or is_relative_date(n.text) for n in neighbours):
        return [name]
    return None
