"""What sits around the headline: datelines, the kicker, the lead image's caption and credit.

Read by their shape around the anchors the model found (headline, body):
a dateline is a short line with a date or a date label; a kicker a short
line in capitals; a caption the line a photo credit closes. A relative
date ("1 day ago") is kept for the converter to count back from the
dump's own date. Date words come from `converter.dates`, credit words
from `converter.furniture`, never from here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..article import Article, Image
from ..dates import DATE_LABEL, UPDATED_LABEL, find_dates, is_relative_date
from ..furniture import photo_credit
from ..people import looks_like_name, names_from_byline, names_from_contribution
from ..text_shape import SENTENCE_END, count_words
from .. import settings
from .detected import _detectors
from .features import URL_LINE, Line


def is_header_line(line: Line) -> bool:
    """Bylines and datelines: what sits between a headline and its body. (A line's `words` are
    its text's `count_words`, counted when the line was made: not counted again here.)"""
    return _is_header_text(line.text, line.words)


@lru_cache(maxsize=settings.HEADER_CACHE_SIZE)
def _is_header_text(text: str, words: int | None = None) -> bool:
    """`_is_header_text_plain`, from the answers the line model's detectors (`detected._detectors`,
    cached) gave when `classify` read the page's short lines, rather than asking them again.
    `words`, when the caller has it, is `count_words(text)`."""
    if _reads_as_sentence(text, words):
        return False
    if len(text) > settings.SHORT_LINE_CHARS:  # the line model asks no detector of a long line
        return _is_header_text_plain(text)
    date, date_label, byline, _name, credit, _contribution = _detectors(text)
    return not credit and (date or byline or (date_label and len(text) <= settings.DATE_LABEL_LINE_MAX_CHARS))


def _is_header_text_plain(text: str) -> bool:
    """Each detector asked directly: what `_is_header_text` must answer (tests/test_fast_header.py)."""
    if _reads_as_sentence(text):
        return False
    if photo_credit(text):
        return False
    # "Posted on social media by …" opens a sentence; a "Posted …" dateline is short
    label = DATE_LABEL.match(text) and len(text) <= settings.DATE_LABEL_LINE_MAX_CHARS
    return bool(label or is_relative_date(text) or names_from_byline(text) or find_dates(text))


def _reads_as_sentence(text: str, words: int | None = None) -> bool:
    """Too long for a header line, or a sentence that mentions a date (a caption, a paragraph),
    not a dateline. (`words`: `count_words(text)`, when the caller already has it.)"""
    return len(text) > settings.HEADER_LINE_MAX_CHARS or (
        (count_words(text) if words is None else words) >= settings.PROSE_WORDS
        and bool(SENTENCE_END.search(text)) and not text.endswith(")"))


def is_dateline(line: Line, prose: bool) -> bool:
    """A short block holding a date ("Published Monday, November 18, 2019 8:22AM EST"), set
    aside from the body: never one the format reads as prose (a page block's markup verdict,
    a text line's shape), as a sentence that mentions a date is the story's."""
    return not prose and line.words <= settings.DATELINE_MAX_WORDS and bool(find_dates(line.text))


def is_caption(lines: list[Line], i: int) -> bool:
    """A photo caption: a credit itself, or glued to a credit line below it."""
    if holds_credit(lines[i].text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and nxt.glued_to_previous and holds_credit(nxt.text)


def holds_credit(text: str) -> bool:
    """Whether `photo_credit` finds a credit in a text line (`_holds`)."""
    return _holds(text, "credit", photo_credit)


def holds_byline(text: str) -> bool:
    """Whether `names_from_byline` finds names in a text line (`_holds`)."""
    return _holds(text, "byline", names_from_byline)


def holds_contribution(text: str) -> bool:
    """Whether `names_from_contribution` finds names in a text line (`_holds`)."""
    return _holds(text, "contribution", names_from_contribution)


#: where in `detected._detectors`' answer for a short line each detector's stands
_DETECTED = {name: k for k, name in enumerate(("date", "date_label", "byline", "name", "credit", "contribution"))}


def _holds(text: str, detected: str, detector) -> bool:
    """Whether `detector` finds something in a text line: for a short line, the answer the line
    model's detectors (`detected._detectors`, cached) gave when `classify` read the page, so the
    assembly does not ask again of each line it passes; a longer line is asked directly."""
    if len(text) > settings.SHORT_LINE_CHARS:  # the line model asks no detector of a long line
        return bool(detector(text))
    return _detectors(text)[_DETECTED[detected]]


def held_by(line: Line) -> tuple[bool, bool, bool]:
    """Whether a text line holds a photo credit (`holds_credit`), a byline block's names and a
    contributor block's names (`holds_byline`, `holds_contribution`, for a line short enough in
    words to be such a block: `byline.byline_names`, `byline.contributor_names`), in one go.

    A short line's answers are one look at the line model's cached detector
    answers rather than three; a long line is asked only what can matter
    (a paragraph is no byline block, and not read for one)."""
    text = line.text
    if len(text) > settings.SHORT_LINE_CHARS:  # the line model asks no detector of a long line
        return (bool(photo_credit(text)),
                line.words <= settings.BYLINE_MAX_WORDS and bool(names_from_byline(text)),
                line.words <= settings.CONTRIBUTION_MAX_WORDS and bool(names_from_contribution(text)))
    _date, _date_label, byline, _name, credit, contribution = _detectors(text)
    return (credit, byline and line.words <= settings.BYLINE_MAX_WORDS,
            contribution and line.words <= settings.CONTRIBUTION_MAX_WORDS)


def byline_or_bare_name(lines: list[Line], position: int) -> list[str] | None:
    """`names_from_byline(text) or bare_byline(lines, position)` of a header line: each detector
    asked only where the line model's cached answers (`_holds`) say it finds something, as
    most header lines are neither (tests/test_fast_assembly.py holds it to the plain `or`)."""
    text = lines[position].text
    names = names_from_byline(text) if holds_byline(text) else None
    return names or (bare_byline(lines, position) if _holds(text, "name", looks_like_name) else None)


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


def page_url(lines: list[Line], body_start: int) -> str | None:
    """The page's own address: a URL line above the body, or the dump's very last line.

    A bare URL inside or below the article is a source the story cites, not
    the page itself (two stories citing one source are not one story).
    """
    above = next((ln.text for ln in lines[:body_start] if is_url_line(ln.text)), None)
    if above:
        return above
    return lines[-1].text if is_url_line(lines[-1].text) else None


def is_url_line(text: str) -> bool:
    """`URL_LINE` matches: told first by the "http" it starts with (most lines do not, and skip
    the pattern)."""
    return text.startswith("http") and URL_LINE.match(text) is not None


def take_caption(article: Article, line: Line, previous: Line | None) -> bool:
    """Caption and photo credit (and the alt text glued above them) into `article.image`."""
    credit = photo_credit(line.text)
    if not credit:
        return False
    if not article.image.is_empty():
        return True
    caption = _strip_credit_label(line.text[: line.text.rfind(credit)].strip(" …:|(/") or None)
    article.image = Image(caption=caption, credit=credit)
    if previous is not None and line.glued_to_previous and not previous.furniture:
        if caption is None:
            article.image.caption = previous.text
        else:
            article.image.description = previous.text
    return True


def split_credit(image: Image) -> None:
    """A caption that ends in its photo credit ("… Photo: Reuters"), split as a caption line is:
    for a figure whose markup sets no credit apart. A caption that is all credit stays whole
    (the detector cannot tell "Image: Jose Mourinho has agreed a deal…" from a credit line)."""
    if image.credit or not image.caption:
        return
    credit = photo_credit(image.caption)
    caption = _strip_credit_label(image.caption[: image.caption.rfind(credit)].strip(" …:|(/") or None) if credit else None
    if caption:
        image.caption, image.credit = caption, credit


def _strip_credit_label(caption: str | None) -> str | None:
    if caption is None:
        return None
    cleaned = re.sub(r"(?:credit|photo(?:graph)?|image|picture|foto)\s*(?:…|\.\.\.|:)?$", "", caption, flags=re.I)
    return cleaned.strip(" …:|(") or None


def _date_rank(text: str) -> int:
    """Published lines first, bare dates next, Updated lines last."""
    if UPDATED_LABEL.match(text):
        return 2
    return 0 if DATE_LABEL.match(text) else 1


def _dates_in(text: str) -> list[tuple[int, str]]:
    """(rank, ISO date) for each date in a header line; `Updated …` dates rank last."""
    found: list[tuple[int, str]] = []
    for part in re.split(r"(?<=\S)\s*[;|]\s*|\s+(?=(?:updated|last updated)\b)", text, flags=re.I):
        dates = find_dates(part)
        if dates:
            found.append((_date_rank(part.strip()), dates[0][0]))
    return found


def dateline_date(text: str) -> str | None:
    """The date a dateline states: its published date before a bare one, an `Updated …` one last."""
    found = _dates_in(text)
    return min(found, key=lambda d: d[0])[1] if found else None


def nearest_dateline(lines: list[Line], headline: int, body_start: int) -> str | None:
    """The date of the dateline nearest the headline, when none stands between it and the body
    (a date printed above the headline, or below a lead image and its caption)."""
    window = range(max(0, headline - settings.HEADER_WINDOW), min(len(lines), body_start + settings.HEADER_WINDOW))
    for i in sorted(window, key=lambda i: abs(i - headline)):
        if i != headline and is_header_line(lines[i]):
            date = dateline_date(lines[i].text)
            if date:
                return date
    return None


def read_header(article: Article, before: list[Line], after: list[Line]) -> list[Line]:
    """Kicker, byline, dateline and lead image around the headline.

    Returns the lines after the headline that read as the start of the body
    (a short lede before the first long paragraph).
    """
    dates: list[tuple[int, str]] = []
    lead_in: list[Line] = []
    for position, line in enumerate(after):
        text = line.text
        if line.furniture:
            continue
        nxt = after[position + 1] if position + 1 < len(after) else None
        if nxt is not None and nxt.glued_to_previous and holds_credit(nxt.text):
            continue  # alt text: taken with the caption below
        if holds_credit(text) and take_caption(article, line, after[position - 1] if position else None):
            continue
        names = byline_or_bare_name(after, position)
        if names and not article.authors:
            article.authors = names
        found = _dates_in(text) if len(text) <= settings.HEADER_LINE_MAX_CHARS else []
        dates += found
        relative = not found and is_relative_date(text)  # (asked once: a found date settles it below)
        if relative and article.relative_date is None:
            article.relative_date = text  # dated once the dump's own date is known
        if names or found or DATE_LABEL.match(text) or relative:
            lead_in = []
            continue
        if article.section is None and _is_kicker(line) and not lead_in:
            article.section = text.title() if text.isupper() else text
            continue
        if line.words >= settings.SENTENCE_MIN_WORDS and line.sentence_end:
            lead_in.append(line)
    for position in range(len(before) - 1, -1, -1):
        line = before[position]
        if not article.authors:
            article.authors = byline_or_bare_name(before, position) or []
        if not dates and len(line.text) <= settings.HEADER_LINE_MAX_CHARS:
            dates += _dates_in(line.text)
            if article.relative_date is None and is_relative_date(line.text):
                article.relative_date = line.text
        if article.section is None and _is_kicker(line):
            article.section = line.text.title() if line.text.isupper() else line.text
    if dates:
        article.date = min(dates, key=lambda d: d[0])[1]
        article.date_source = "dateline"
    return lead_in


def _is_kicker(line: Line) -> bool:
    """A section label: one to four words in capitals, no sentence punctuation."""
    text = line.text
    return (
        not line.furniture
        and 1 <= line.words <= settings.KICKER_MAX_WORDS
        and text.isupper()
        and not line.sentence_end
        and not find_dates(text)
    )
