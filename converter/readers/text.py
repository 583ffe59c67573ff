"""The reader for plain-text dumps: the text a browser copy of a news page gives.

A text dump has no markup. Each line is scored by the learned line model
(`converter.assembly`: body, headline, byline or other, from general,
language-independent features), and the article is assembled from those
scores:

- the body is the run of lines with the most body weight (each line's
  words times how sure the model is), with short lines between body lines
  (subheadings, list items) kept;
- the headline is the title-shaped line above the body that the headline
  ranker likes best (a breadcrumb glued before it is cut off);
- the byline is the short line naming people near the headline that the
  byline ranker is sure enough of;
- datelines, kickers, captions and credits are read by their shape around
  those anchors; a relative date ("1 day ago") is kept for the converter
  to count back from the dump's own date.

Furniture phrases come from `converter.furniture`, date words from
`converter.dates`, never from here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..article import Article, Block, Image
from ..dates import DATE_LABEL, UPDATED_LABEL, date_from_url, find_dates, is_relative_date
from ..errors import DumpError
from ..furniture import photo_credit, without_credit
from ..people import looks_like_name, names_from_byline, names_from_contribution, names_in_line
from ..text_shape import SENTENCE_END, WORD, count_words
from .. import settings
from ..assembly.features import LIST_ITEM, URL_LINE, Line
from ..assembly.model import choose_byline, choose_headline, classify
from .base import Reader

SLUG_LINE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}\.?$")


def _is_prose(line: Line) -> bool:
    """A line shaped like a paragraph of running text."""
    return not line.furniture and (line.words >= settings.PROSE_LINE_WORDS or (line.words >= 6 and line.sentence_end))


def _is_list_item(line: Line) -> bool:
    """An item of a numbered or bulleted list, or a table row (cells split by tabs)."""
    return bool(LIST_ITEM.match(line.text)) or line.text.count("\t") >= 2


def _best_run(weights: list[float]) -> tuple[int, int]:
    """The [start, end) slice of lines with the largest total prose weight."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _is_header_line(line: Line) -> bool:
    """Bylines and datelines: what sits between a headline and its body."""
    return _is_header_text(line.text)


@lru_cache(maxsize=4096)
def _is_header_text(text: str) -> bool:
    if len(text) > 200 or (count_words(text) >= 12 and SENTENCE_END.search(text) and not text.endswith(")")):
        return False  # a sentence that mentions a date (a caption, a paragraph), not a dateline
    if photo_credit(text):
        return False
    # "Posted on social media by …" opens a sentence; a "Posted …" dateline is short
    label = DATE_LABEL.match(text) and len(text) <= 80
    return bool(label or is_relative_date(text) or names_from_byline(text) or find_dates(text))


def _is_caption(lines: list[Line], i: int) -> bool:
    """A photo caption: a credit itself, or glued to a credit line below it."""
    if photo_credit(lines[i].text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return nxt is not None and nxt.glued_to_previous and bool(photo_credit(nxt.text))


def _title_shaped(lines: list[Line], i: int) -> bool:
    line = lines[i]
    text = line.text
    return not (
        line.furniture
        or line.words < 1
        or line.words > 40
        or len(text) > 300
        or URL_LINE.match(text)
        or text.endswith((",", ";", ":"))
        or _is_header_line(line)
        or (_is_caption(lines, i) and (line.sentence_end or bool(photo_credit(text))))
        or line.end
    )


def _slug_words(text: str) -> str:
    return "-".join(w.lower() for w in WORD.findall(text))


def _find_headline(lines: list[Line], features: list[dict], body_start: int, hints: list[str]) -> int | None:
    """The index of the headline line, or None when nothing before the body fits."""
    first = 1 if SLUG_LINE.match(lines[0].text) else 0  # the slug line is no headline
    for i in range(first, body_start if hints else first):  # a slug or URL that spells the line settles it
        words = _slug_words(lines[i].text)
        if len(words) > 8 and any(words in hint for hint in hints) and _title_shaped(lines, i):
            return i
    return choose_headline(lines, features, headline_candidates(lines, body_start), body_start)


def headline_candidates(lines: list[Line], body_start: int) -> list[int]:
    """Title-shaped lines above the body, and its first few lines: a headline the model took
    for prose, or one under a kicker or dateline the model took for the body's start."""
    first = 1 if SLUG_LINE.match(lines[0].text) else 0
    # below the body's first line, only title-shaped lines before any paragraph: no headline
    # stands below a paragraph of the article, and a paragraph is no headline
    end, limit = body_start + 1, min(body_start + 1 + settings.HEADLINE_LOOKAHEAD, len(lines))
    while end < limit and not _is_paragraph(lines[end - 1]) and not _is_paragraph(lines[end]):
        end += 1
    window = range(max(first, body_start - settings.HEADLINE_WINDOW), end)
    return [i for i in window if _title_shaped(lines, i)]


def _is_paragraph(line: Line) -> bool:
    return _is_prose(line) and line.sentence_end


def byline_candidates(lines: list[Line], headline: int, body_start: int) -> list[tuple[int, list[str]]]:
    """Short lines near the headline and the top of the body that start with people's names."""
    window = range(max(0, headline - settings.BYLINE_WINDOW), min(len(lines), body_start + settings.BYLINE_WINDOW))
    found = []
    for i in window:
        line = lines[i]
        if i == headline or line.furniture or line.words > settings.BYLINE_CANDIDATE_MAX_WORDS:
            continue
        names = names_in_line(line.text)
        if names:
            found.append((i, names))
    return found


def body_span(lines: list[Line]) -> tuple[int, int] | None:
    """[first body line, end) of the run of lines the model reads as the article.

    The model's probabilities are not equally sure on every page: on one
    where no line reaches the threshold, the page's surest lines stand in.
    """
    top = max((ln.body_p for ln in lines if not ln.furniture), default=0.0)
    if top >= settings.BODY_THRESHOLD:
        threshold = settings.BODY_THRESHOLD
    elif any(_is_prose(ln) and ln.sentence_end for ln in lines):
        threshold = top * settings.BODY_FALLBACK_SHARE
    else:
        return None  # short lines only: nothing reads as an article
    start, end = _best_run([(ln.body_p - threshold) * max(1, ln.words) for ln in lines])
    for line in lines:
        line.in_body = line.body_p >= threshold and not line.furniture
    start, end = _widen_to_paragraphs(lines, start, end)
    _mark_body_between(lines, start, end)
    first = next((i for i in range(start, end) if _is_body(lines[i])), None)
    return None if first is None else (first, end)


def _widen_to_paragraphs(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The run, with the paragraphs right above and below it that the model was less sure of.

    The first paragraph under a dateline and the last one before a "Related"
    box look least like the rest; a paragraph-shaped line next to the
    article, fairly likely body itself, is part of it.
    """
    def joins(line: Line) -> bool:
        return _is_prose(line) and line.sentence_end and line.body_p >= settings.BODY_EDGE_THRESHOLD

    while start > 0 and joins(lines[start - 1]):
        start -= 1
        lines[start].in_body = True
    while end < len(lines) and joins(lines[end]):
        lines[end].in_body = True
        end += 1
    return start, end


def _mark_body_between(lines: list[Line], start: int, end: int) -> None:
    """Subheadings, short lines and code inside the article: body when body stands on both sides."""
    body = [i for i in range(start, end) if lines[i].in_body]
    for before, after in zip(body, body[1:]):
        for i in range(before + 1, after):
            line = lines[i]
            if not line.furniture and not line.end and line.body_p >= settings.BODY_BETWEEN_THRESHOLD:
                line.in_body = True


def _is_body(line: Line) -> bool:
    return line.in_body


class TextReader(Reader):
    """Reads `.txt` dumps: the text a browser copy of a rendered page gives."""

    extensions = (".txt", ".text")
    name = "text"

    def read(self, text: str, source: str) -> Article:
        lines = split_lines(text)
        if not lines:
            raise DumpError(source, "no text in the dump")
        slug = lines[0].text.rstrip(".") if SLUG_LINE.match(lines[0].text) else None

        features = classify(lines)
        span = body_span(lines)
        if span is None:
            raise DumpError(source, "no article text found (no run of sentence-shaped lines)")
        first_prose, end = span
        url = _page_url(lines, first_prose)
        end = next((i for i in range(first_prose + 1, end) if lines[i].end == 2), end)

        hints = [_slug_words(h) for h in (slug, url) if h]
        head_index = _find_headline(lines, features, first_prose, hints)
        if head_index is None:
            raise DumpError(source, "no recognisable headline")
        if head_index >= first_prose:  # a headline the model took for prose, or a kicker above it
            first_prose = next((i for i in range(head_index + 1, end) if _is_body(lines[i])), end)

        headline = _without_breadcrumb(lines[head_index].text, lines[:head_index])
        article = Article(source=source, headline=headline, url=url, slug=slug)
        before = lines[max(0, head_index - 3) : head_index]
        byline = choose_byline(lines, features, byline_candidates(lines, head_index, first_prose), head_index, first_prose)
        lead_in = _read_header(article, before, lines[head_index + 1 : first_prose])
        if article.date is None:
            article.date = _nearest_dateline(lines, head_index, first_prose)
            article.date_source = "dateline" if article.date else None
        _read_body(article, [ln for ln in lead_in + lines[first_prose:end] if byline is None or ln is not lines[byline[0]]])
        article.authors = byline[1] if byline else []
        _read_tail(article, lines[end : end + 8])
        if not article.body:
            raise DumpError(source, "no article text found after removing page furniture")
        if article.date is None and url:
            article.date = date_from_url(url)
            article.date_source = "url" if article.date else None
        article.summary = next((b.text for b in article.body if b.kind == "paragraph"), None)
        return article


# where a browser copy joined two links with no space: "HomeLatest NewsThe headline"
GLUED_LINKS = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a breadcrumb printed with its separators: "News > 2015 > The headline"
BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»/]\s+|\s*[›»]\s*")


def _without_breadcrumb(headline: str, above: list[Line]) -> str:
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


def _page_url(lines: list[Line], body_start: int) -> str | None:
    """The page's own address: a URL line above the body, or the dump's very last line.

    A bare URL inside or below the article is a source the story cites, not
    the page itself (two stories citing one source are not one story).
    """
    above = next((ln.text for ln in lines[:body_start] if URL_LINE.match(ln.text)), None)
    if above:
        return above
    return lines[-1].text if URL_LINE.match(lines[-1].text) else None


def _is_drop_cap(previous: str, text: str) -> bool:
    return len(previous) == 1 and previous.isupper() and text[:1].islower()


def _take_caption(article: Article, line: Line, previous: Line | None) -> bool:
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


def _nearest_dateline(lines: list[Line], headline: int, body_start: int) -> str | None:
    """The date of the dateline nearest the headline, when none stands between it and the body
    (a date printed above the headline, or below a lead image and its caption)."""
    window = range(max(0, headline - settings.HEADER_WINDOW), min(len(lines), body_start + settings.HEADER_WINDOW))
    for i in sorted(window, key=lambda i: abs(i - headline)):
        if i != headline and _is_header_line(lines[i]):
            found = _dates_in(lines[i].text)
            if found:
                return min(found, key=lambda d: d[0])[1]
    return None


def _read_header(article: Article, before: list[Line], after: list[Line]) -> list[Line]:
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
        if nxt is not None and nxt.glued_to_previous and photo_credit(nxt.text):
            continue  # alt text: taken with the caption below
        if _take_caption(article, line, after[position - 1] if position else None):
            continue
        names = names_from_byline(text) or _bare_byline(after, position)
        if names and not article.authors:
            article.authors = names
        found = _dates_in(text) if len(text) <= 200 else []
        dates += found
        if not found and article.relative_date is None and is_relative_date(text):
            article.relative_date = text  # dated once the dump's own date is known
        if names or found or DATE_LABEL.match(text) or is_relative_date(text):
            lead_in = []
            continue
        if article.section is None and _is_kicker(line) and not lead_in:
            article.section = text.title() if text.isupper() else text
            continue
        if line.words >= 8 and line.sentence_end:
            lead_in.append(line)
    for position in range(len(before) - 1, -1, -1):
        line = before[position]
        if not article.authors:
            article.authors = names_from_byline(line.text) or _bare_byline(before, position) or []
        if not dates and len(line.text) <= 200:
            dates += _dates_in(line.text)
            if article.relative_date is None and is_relative_date(line.text):
                article.relative_date = line.text
        if article.section is None and _is_kicker(line):
            article.section = line.text.title() if line.text.isupper() else line.text
    if dates:
        article.date = min(dates, key=lambda d: d[0])[1]
        article.date_source = "dateline"
    return lead_in


def _bare_byline(lines: list[Line], position: int) -> list[str] | None:
    """A name on its own line next to a dateline ("Jane Doe" / "Nov. 18, 2019"): the author."""
    line = lines[position]
    name = looks_like_name(line.text)
    if not name:
        return None
    neighbours = lines[max(0, position - 1) : position] + lines[position + 1 : position + 3]
    if any(find_dates(n.text) or DATE_LABEL.match(n.text) or is_relative_date(n.text) for n in neighbours):
        return [name]
    return None


def _is_kicker(line: Line) -> bool:
    """A section label: one to four words in capitals, no sentence punctuation."""
    text = line.text
    return (
        not line.furniture
        and 1 <= line.words <= 4
        and text.isupper()
        and not line.sentence_end
        and not find_dates(text)
    )


def _is_promo(line: Line) -> bool:
    """A whole line in capitals inside the body: a teaser link ("WATCH: …"), not prose."""
    return line.words >= 4 and line.text.isupper() and sum(map(str.isalpha, line.text)) >= 12


def _read_body(article: Article, body: list[Line]) -> None:
    """Paragraphs and subheadings; captions, credits, link lists and people set aside."""
    blocks: list[Block] = []
    for position, line in enumerate(body):
        text = line.text
        if line.furniture or line.end or _is_promo(line):
            continue
        contributors = names_from_contribution(text)
        if contributors and line.words <= settings.CONTRIBUTION_MAX_WORDS:
            article.contributors += [n for n in contributors if n not in article.contributors]
            continue
        nxt = body[position + 1] if position + 1 < len(body) else None
        if nxt is not None and nxt.glued_to_previous and photo_credit(nxt.text):
            if article.image.is_empty():
                continue  # alt text or caption: taken with the credit below
            continue
        if _take_caption(article, line, body[position - 1] if position else None):
            continue
        if position < 3 and names_from_byline(text):
            article.authors = article.authors or names_from_byline(text) or []
            continue
        if _is_subheading(body, position):
            blocks.append(Block("heading", (text,), level=2))
        elif _is_body(line) or _is_list_item(line) or (_is_list_item(body[position - 1]) and URL_LINE.match(text)):
            blocks.append(Block.paragraph(text))
    article.body = blocks


def _is_subheading(body: list[Line], position: int) -> bool:
    """A short line alone between paragraphs, followed by running text."""
    line = body[position]
    if line.words < 2 or line.sentence_end or line.words >= settings.PROSE_LINE_WORDS or _is_list_item(line):
        return False
    nxt = body[position + 1] if position + 1 < len(body) else None
    prev = body[position - 1] if position else None
    if nxt is None or not _is_prose(nxt):
        return False
    return prev is None or _is_prose(prev) or prev.furniture


def _read_tail(article: Article, tail: list[Line]) -> None:
    """`X contributed reporting` lines just after the last paragraph."""
    for line in tail:
        names = names_from_contribution(line.text)
        if names:
            article.contributors += [n for n in names if n not in article.contributors]


def split_lines(text: str):
    """The dump as blocks for the assembler: non-blank lines, drop caps joined back."""
    lines: list[Line] = []
    blank_before = True
    for index, raw in enumerate(text.split("\n")):
        stripped = without_credit(raw.strip())  # "© Provided by X Inc The story…": the story
        if not stripped:
            blank_before = True
            continue
        if lines and _is_drop_cap(lines[-1].text, stripped):
            stripped = lines.pop().text + stripped
        lines.append(Line(index, stripped, not blank_before))
        blank_before = False
    return lines
