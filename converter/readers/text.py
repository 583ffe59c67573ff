"""The reader for plain-text dumps: the text a browser copy of a news page gives.

A text dump has no markup, so the article is found by general signals:

- the body is the run of lines with the most running text: long lines
  shaped like sentences count for it; menus and link lists (many short
  lines in a row) and "Related"-style headings count against it;
- the headline is the title-shaped line before the body that best fits:
  close to the body, just above a byline or dateline, starting a new block
  after short menu lines, and sharing words with the lede;
- bylines, datelines, kickers, captions and credits are recognised by
  their shape around those two anchors.

Furniture phrases come from `converter.furniture`, never from here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..article import Article, Block, Image
from ..dates import date_from_url, find_dates, is_relative_date
from ..errors import DumpError
from ..furniture import end_strength, is_furniture, photo_credit
from ..people import looks_like_name, names_from_byline, names_from_contribution, names_in_line
from .base import Reader
from ..assembly import settings
from ..assembly.features import Line
from ..assembly.model import choose_byline, choose_headline, classify

SLUG_LINE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}\.?$")
URL_LINE = re.compile(r"^(?:https?://)\S+$")
SENTENCE_END = re.compile(r"[.!?…。！？\"'”’»)\]]$")
WORD = re.compile(r"\w+", re.U)
DATE_WORDS = re.compile(
    r"^(?:published|posted|updated|first published|last updated|date|dated|publicado|pubblicato|"
    r"veröffentlicht|aktualisiert|diterbitkan|опубликовано|обновлено)\b",
    re.I,
)
UPDATED_WORDS = re.compile(r"^(?:updated|last updated|aktualisiert|atualizado|aggiornato|обновлено)\b", re.I)

PROSE_WORDS = 12  # a line this long is running text unless something says otherwise
RELATED_PENALTY = 25.0  # a "Related"/"Comments" heading: the article usually ends there
HEADLINE_WINDOW = 45  # lines before the body searched for the headline


CJK = re.compile(r"[\u3040-\u9fff\uac00-\ud7af]")


def _count_words(text: str) -> int:
    cjk = len(CJK.findall(text))
    if cjk < 4 and " " not in text:
        return 1  # one token: a slug, a URL, a handle
    words = len(WORD.findall(text))
    # scripts written without spaces (Japanese, Chinese): count characters
    return max(words, cjk // 2)


def _is_prose(line: Line) -> bool:
    """A line shaped like a paragraph of running text."""
    return not line.furniture and (line.words >= PROSE_WORDS or (line.words >= 6 and line.sentence_end))


def _is_title_like(line: Line) -> bool:
    """A fairly long line with no sentence punctuation at its end: a headline or a link's title."""
    return not line.sentence_end and line.words < 20 and not CJK.search(line.text)


def _is_strong_prose(line: Line) -> bool:
    """A line that can only be running text: long, and shaped like sentences."""
    return (
        line.words >= 15
        and not line.furniture
        and len(line.text) >= 80
        and not photo_credit(line.text)
        and not names_from_contribution(line.text)
    )


def _prose_weights(lines: list[Line]) -> list[float]:
    """How much each line argues for being inside the article body.

    A short line alone (a subheading, a credit) costs little; each further
    short line costs more until two paragraphs stand together again, so
    menus, link lists and teaser cards (title, summary, time, title, …)
    split runs while subheadings between paragraphs do not.
    """
    weights: list[float] = []
    short_run = 0
    previous_prose = previous_item = False
    for line in lines:
        if line.end:
            weights.append(-RELATED_PENALTY)
            short_run, previous_prose = 0, False
            continue
        if line.furniture:
            weights.append(-1.0)
            continue
        if _is_list_item(line) or (URL_LINE.match(line.text) and previous_item):
            weights.append(1.0)  # a numbered list or a table is content; menus are neither
            previous_item = True
            continue
        previous_item = False
        # a line without final punctuation reads as prose only where prose goes on
        # (and never joins teaser cards of title and summary into one run)
        title_like = _is_title_like(line)
        prose = _is_prose(line) and (previous_prose or not title_like)
        if prose and previous_prose and not title_like:
            short_run = 0
        previous_prose = prose and not title_like
        if prose and line.words >= PROSE_WORDS:
            weights.append(line.words * (1.5 if line.sentence_end else 0.5))
        elif prose:
            weights.append(line.words * 0.5)
        else:
            short_run += 1
            weights.append(-1.5 * short_run)
    return weights


LIST_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]|[•●▪◦‣*\-–])\s+\S")


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


def _body_start(lines: list[Line], start: int, end: int) -> int:
    """The first paragraph of the run: long running text that more running text follows.

    A headline or standfirst long enough to pass for prose still has its
    byline or dateline just below, and a teaser stands alone; the first
    paragraph has neither.
    """
    for i in range(start, end):
        following = _next_meaningful(lines, i, 1, 4)
        if _is_header_line(lines[i]):
            continue  # a dateline long enough to pass for a sentence
        if _is_strong_prose(lines[i]):
            continued = any(_is_prose(n) or _is_list_item(n) for n in following[:3])
        elif _is_prose(lines[i]) and lines[i].words >= 10 and lines[i].sentence_end:
            # a short opening paragraph counts when another paragraph follows at once
            continued = bool(following) and _is_prose(following[0]) and not _is_caption(lines, lines.index(following[0], i))
        else:
            continue
        if continued and not any(_is_header_line(n) for n in following):
            return i
    return next((i for i in range(start, end) if _is_strong_prose(lines[i])), start)


def _is_header_line(line: Line) -> bool:
    """Bylines and datelines: what sits between a headline and its body."""
    return _is_header_text(line.text)


@lru_cache(maxsize=4096)
def _is_header_text(text: str) -> bool:
    if len(text) > 200 or (_count_words(text) >= 12 and SENTENCE_END.search(text) and not text.endswith(")")):
        return False  # a sentence that mentions a date (a caption, a paragraph), not a dateline
    if photo_credit(text):
        return False
    # "Posted on social media by …" opens a sentence; a "Posted …" dateline is short
    label = DATE_WORDS.match(text) and len(text) <= 80
    return bool(label or is_relative_date(text) or names_from_byline(text) or find_dates(text))


def _next_meaningful(lines: list[Line], i: int, step: int, limit: int = 1) -> list[Line]:
    """Up to `limit` non-furniture lines after (step=1) or before (step=-1) line i."""
    found: list[Line] = []
    j = i + step
    while 0 <= j < len(lines) and len(found) < limit:
        if not lines[j].furniture:
            found.append(lines[j])
        j += step
    return found


def _content_words(text: str) -> set[str]:
    """Words that carry meaning (three letters or more, or CJK characters)."""
    words = {w for w in WORD.findall(text.casefold()) if len(w) >= 3 and not w.isdigit()}
    cjk = CJK.findall(text)
    words |= {a + b for a, b in zip(cjk, cjk[1:])}
    return words


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


def _headline_score(lines: list[Line], i: int, body_start: int, lede_words: set[str], counts: dict) -> float:
    """How well line i fits as the headline of the body starting at body_start."""
    line = lines[i]
    if not _title_shaped(lines, i):
        return float("-inf")
    gap = sum(1 for ln in lines[i + 1 : body_start] if not ln.furniture)
    score = -0.4 * min(gap, 30)
    following = _next_meaningful(lines, i, 1, 4)
    if any(_is_header_line(n) for n in following):
        score += 6
    if following and _is_header_line(following[0]):
        score += 3
    previous = _next_meaningful(lines, i, -1)
    if previous and previous[0].end:
        score -= 6  # the first link of a "Related" / "See also" box
    if not previous or previous[0].words <= 3 or _is_header_line(previous[0]):
        score += 2  # a headline starts a new block after menus and kickers
        if following and not _is_header_line(following[0]) and previous and previous[0].words <= 2:
            score += 3  # ... and a standfirst may stand between it and the byline
    elif previous[0].words >= 5 and not previous[0].sentence_end:
        score -= 2  # under another title: a standfirst, or one link of a list
    if line.words == 1:
        score -= 6
    elif line.words <= 3:
        score -= 2
    elif line.words <= 25:
        score += 2
    if line.text.endswith("."):
        score -= 3 if line.words >= 12 else 1.5  # a sentence: more likely a standfirst or a caption
    words = _content_words(line.text)
    if words:  # sharing words with the lede; two words prove less than eight
        score += 8 * len(words & lede_words) / len(words) * min(1.0, len(words) / 4)
    if counts.get(line.text, 0) > 1 and line.words >= 4:
        score += 3
    return score


def _slug_words(text: str) -> str:
    return "-".join(w.lower() for w in WORD.findall(text))


def _find_headline(lines: list[Line], features: list[dict], body_start: int, hints: list[str]) -> int | None:
    """The index of the headline line, or None when nothing before the body fits."""
    first = 1 if SLUG_LINE.match(lines[0].text) else 0  # the slug line is no headline
    for i in range(first, body_start):  # a slug or URL that spells the line settles it
        words = _slug_words(lines[i].text)
        if len(words) > 8 and any(words in hint for hint in hints) and _title_shaped(lines, i):
            return i
    return choose_headline(lines, features, headline_candidates(lines, body_start), body_start)


def headline_candidates(lines: list[Line], body_start: int) -> list[int]:
    """Title-shaped lines above the body (and its first line, in case that is the headline)."""
    first = 1 if SLUG_LINE.match(lines[0].text) else 0
    window = range(max(first, body_start - settings.HEADLINE_WINDOW), min(body_start + 1, len(lines)))
    return [i for i in window if _title_shaped(lines, i)]


def byline_candidates(lines: list[Line], headline: int, body_start: int) -> list[tuple[int, list[str]]]:
    """Short lines near the headline and the top of the body that start with people's names."""
    window = range(max(0, headline - settings.BYLINE_WINDOW), min(len(lines), body_start + settings.BYLINE_WINDOW))
    found = []
    for i in window:
        line = lines[i]
        if i == headline or line.furniture or line.words > settings.BYLINE_MAX_WORDS:
            continue
        names = names_in_line(line.text)
        if names:
            found.append((i, names))
    return found


def body_span(lines: list[Line]) -> tuple[int, int] | None:
    """[first body line, end) of the run of lines the model reads as the article."""
    start, end = _best_run([(ln.body_p - settings.BODY_THRESHOLD) * max(1, ln.words) for ln in lines])
    for line in lines:
        line.in_body = line.body_p >= settings.BODY_THRESHOLD and not line.furniture
    _mark_body_between(lines, start, end)
    first = next((i for i in range(start, end) if _is_body(lines[i])), None)
    return None if first is None else (first, end)


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
        if head_index == first_prose:  # a long headline the model took for prose
            first_prose = next((i for i in range(first_prose + 1, end) if _is_body(lines[i])), end)

        article = Article(source=source, headline=lines[head_index].text, url=url, slug=slug)
        before = lines[max(0, head_index - 3) : head_index]
        byline = choose_byline(lines, features, byline_candidates(lines, head_index, first_prose), head_index, first_prose)
        lead_in = _read_header(article, before, lines[head_index + 1 : first_prose])
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
    if UPDATED_WORDS.match(text):
        return 2
    return 0 if DATE_WORDS.match(text) else 1


def _dates_in(text: str) -> list[tuple[int, str]]:
    """(rank, ISO date) for each date in a header line; `Updated …` dates rank last."""
    found: list[tuple[int, str]] = []
    for part in re.split(r"(?<=\S)\s*[;|]\s*|\s+(?=(?:updated|last updated)\b)", text, flags=re.I):
        dates = find_dates(part)
        if dates:
            found.append((_date_rank(part.strip()), dates[0][0]))
    return found


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
        if names or found or DATE_WORDS.match(text) or is_relative_date(text):
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
    if any(find_dates(n.text) or DATE_WORDS.match(n.text) or is_relative_date(n.text) for n in neighbours):
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
    letters = [ch for ch in line.text if ch.isalpha()]
    return line.words >= 4 and len(letters) >= 12 and line.text.isupper()


def _read_body(article: Article, body: list[Line]) -> None:
    """Paragraphs and subheadings; captions, credits, link lists and people set aside."""
    blocks: list[Block] = []
    for position, line in enumerate(body):
        text = line.text
        if line.furniture or line.end or _is_promo(line):
            continue
        contributors = names_from_contribution(text)
        if contributors and line.words <= 25:
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
    if line.words < 2 or line.sentence_end or line.words >= settings.PROSE_WORDS or _is_list_item(line):
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
    from ..assembly.features import Line

    lines: list[Line] = []
    blank_before = True
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        if lines and _is_drop_cap(lines[-1].text, stripped):
            stripped = lines.pop().text + stripped
        lines.append(Line(index, stripped, not blank_before))
        blank_before = False
    return lines
