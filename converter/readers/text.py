"""The reader for plain-text dumps: the text a browser copy of a news page gives.

A text dump has no markup, so the article is found by general signals:
the body is the longest run of prose lines (long lines shaped like
sentences); the headline is the short, title-shaped line that stands
closest before it; bylines, datelines, kickers, captions and credits are
recognised by their shape around those two anchors. Furniture phrases come
from `converter.furniture`, never from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Article, Block, Image
from ..dates import date_from_url, find_dates
from ..errors import DumpError
from ..furniture import ends_article, is_furniture
from ..people import names_from_byline, names_from_contribution
from .base import Reader

SLUG_LINE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}\.?$")
URL_LINE = re.compile(r"^(?:https?://)\S+$")
# "…Credit…Pool photo by Kevin Mohatt", "Photo: AP", "(Getty Images)", "J. Scott Applewhite / AP file"
CREDIT = re.compile(
    r"(?P<sep>\s*(?:credit|photo(?:graph)?|image|picture|foto|source)\s*(?:…|\.\.\.|:)\s*)(?P<credit>[^…]{2,120})$",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?…。！？\"'”’)\]»]$")
WORD = re.compile(r"\w+", re.U)
DATE_WORDS = re.compile(r"^(?:published|posted|updated|first published|last updated|date|dated)\b", re.I)


@dataclass
class _Line:
    index: int
    text: str
    words: int
    furniture: bool
    glued_to_previous: bool  # no blank line between it and the line before


def _count_words(text: str) -> int:
    words = len(WORD.findall(text))
    # scripts written without spaces (Japanese, Chinese): count characters
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return max(words, cjk // 2)


def _is_prose(line: _Line) -> bool:
    """A line shaped like a paragraph of running text."""
    return line.words >= 12 and not line.furniture


def _prose_weight(line: _Line) -> float:
    """How much a line argues for being inside the article body."""
    if line.furniture:
        return -2.0
    if line.words >= 12:
        bonus = 1.5 if SENTENCE_END.search(line.text) else 1.0
        return line.words * bonus
    if line.words >= 6 and SENTENCE_END.search(line.text):
        return line.words * 0.5
    return -4.0


def _best_run(lines: list[_Line]) -> tuple[int, int]:
    """The [start, end) slice of lines with the largest total prose weight."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += _prose_weight(line)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _is_strong_prose(line: _Line) -> bool:
    """A line that can only be running text: long, and shaped like sentences."""
    return line.words >= 15 and not line.furniture and len(line.text) >= 80


def _is_header_line(text: str) -> bool:
    """Bylines and datelines: what sits between a headline and its body."""
    return bool(DATE_WORDS.match(text) or names_from_byline(text) or find_dates(text))


def _headline_score(lines: list[_Line], i: int, body_start: int, hints: list[str]) -> float:
    line = lines[i]
    text = line.text
    if line.furniture or line.words < 2 or line.words > 30 or len(text) > 250:
        return float("-inf")
    if URL_LINE.match(text) or _is_header_line(text) or CREDIT.search(text):
        return float("-inf")
    if i + 1 < len(lines) and lines[i + 1].glued_to_previous and CREDIT.search(lines[i + 1].text):
        return float("-inf")  # an image description, glued to its caption
    score = 10.0 - (body_start - i) * 0.5
    if 4 <= line.words <= 22:
        score += 3
    if text.endswith((",", ":", ";")) or (text.endswith(".") and not text.endswith("...") and line.words > 25):
        score -= 4
    following = lines[i + 1 : i + 5]
    if any(_is_header_line(n.text) for n in following):
        score += 6
    words = _slug_words(text)
    if any(words and words in hint for hint in hints):
        score += 30
    if sum(1 for other in lines if other.text == text) > 1:
        score += 3
    return score


def _slug_words(text: str) -> str:
    return "-".join(w.lower() for w in WORD.findall(text))


class TextReader(Reader):
    """Reads `.txt` dumps: the text a browser copy of a rendered page gives."""

    extensions = (".txt", ".text")
    name = "text"

    def read(self, text: str, source: str) -> Article:
        lines = _split_lines(text)
        if not lines:
            raise DumpError(source, "no text in the dump")
        slug = lines[0].text.rstrip(".") if SLUG_LINE.match(lines[0].text) else None
        url = next((ln.text for ln in lines if URL_LINE.match(ln.text)), None)

        start, end = _best_run(lines)
        if end <= start or not any(_is_prose(ln) for ln in lines[start:end]):
            raise DumpError(source, "no article text found (no run of sentence-shaped lines)")
        end = _cut_at_article_end(lines, start, end)
        first_prose = next((i for i in range(start, end) if _is_strong_prose(lines[i])), start)

        hints = [_slug_words(h) for h in (slug, url) if h]
        head_index = _find_headline(lines, first_prose, hints)
        if head_index is None:
            raise DumpError(source, "no recognisable headline")

        article = Article(source=source, headline=lines[head_index].text, url=url, slug=slug)
        lead_in = _read_header(article, lines[max(0, head_index - 3) : head_index], lines[head_index + 1 : first_prose])
        _read_body(article, lead_in + lines[first_prose:end])
        _read_tail(article, lines[end : end + 8])
        if not article.body:
            raise DumpError(source, "no article text found after removing page furniture")
        if article.date is None and url:
            article.date = date_from_url(url)
            article.date_source = "url" if article.date else None
        article.summary = next((b.text for b in article.body if b.kind == "paragraph"), None)
        return article


def _split_lines(text: str) -> list[_Line]:
    """Non-blank lines, each knowing whether a blank line stood before it."""
    lines: list[_Line] = []
    blank_before = True
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        lines.append(_Line(index, stripped, _count_words(stripped), is_furniture(stripped), not blank_before))
        blank_before = False
    return lines


def _cut_at_article_end(lines: list[_Line], start: int, end: int) -> int:
    for i in range(start + 1, end):
        if ends_article(lines[i].text):
            return i
    return end


def _find_headline(lines: list[_Line], body_start: int, hints: list[str]) -> int | None:
    best, best_index = float("-inf"), None
    for i in range(max(0, body_start - 40), body_start):
        score = _headline_score(lines, i, body_start, hints)
        if score > best:
            best, best_index = score, i
    return best_index


def _take_caption(article: Article, line: _Line, previous: _Line | None) -> bool:
    """Caption and photo credit (and the alt text glued above them) into `article.image`."""
    credit = CREDIT.search(line.text)
    if not credit or not article.image.is_empty():
        return False
    caption = line.text[: credit.start()].strip()
    article.image = Image(caption=caption or None, credit=credit.group("credit").strip())
    if previous is not None and line.glued_to_previous and not previous.furniture:
        article.image.description = previous.text
    return True


def _read_header(article: Article, before: list[_Line], after: list[_Line]) -> list[_Line]:
    """Kicker, byline, dateline and lead image around the headline.

    Returns the lines after the headline that read as the start of the body
    (a short lede before the first long paragraph).
    """
    dates: list[tuple[int, str]] = []
    lead_in: list[_Line] = []
    for position, line in enumerate(after):
        text = line.text
        if line.furniture:
            continue
        nxt = after[position + 1] if position + 1 < len(after) else None
        if nxt is not None and nxt.glued_to_previous and CREDIT.search(nxt.text):
            continue  # alt text: taken with the caption below
        if _take_caption(article, line, after[position - 1] if position else None):
            continue
        names = names_from_byline(text)
        if names and not article.authors:
            article.authors = names
        found = find_dates(text)
        if found:
            rank = 2 if text.lower().startswith(("updated", "last updated")) else 0 if DATE_WORDS.match(text) else 1
            dates.append((rank, found[0][0]))
        if names or found or DATE_WORDS.match(text):
            lead_in = []
            continue
        if article.section is None and _is_kicker(line) and not lead_in:
            article.section = text.title() if text.isupper() else text
            continue
        if line.words >= 8 and SENTENCE_END.search(text):
            lead_in.append(line)
    for line in reversed(before):
        if article.section is None and _is_kicker(line):
            article.section = line.text.title() if line.text.isupper() else line.text
            break
    if dates:
        article.date = sorted(dates, key=lambda d: d[0])[0][1]
        article.date_source = "dateline"
    return lead_in


def _is_kicker(line: _Line) -> bool:
    """A section label: one to four words in capitals, no sentence punctuation."""
    text = line.text
    return (
        not line.furniture
        and 1 <= line.words <= 4
        and text.isupper()
        and not SENTENCE_END.search(text)
        and not find_dates(text)
    )


def _read_body(article: Article, body: list[_Line]) -> None:
    """Paragraphs, list items and subheadings; captions, credits and people set aside."""
    blocks: list[Block] = []
    for position, line in enumerate(body):
        text = line.text
        if line.furniture:
            continue
        contributors = names_from_contribution(text)
        if contributors and line.words <= 25:
            article.contributors += [n for n in contributors if n not in article.contributors]
            continue
        nxt = body[position + 1] if position + 1 < len(body) else None
        if nxt is not None and nxt.glued_to_previous and CREDIT.search(nxt.text) and article.image.is_empty():
            continue
        if _take_caption(article, line, body[position - 1] if position else None):
            continue
        if position < 3 and names_from_byline(text):
            article.authors = article.authors or names_from_byline(text) or []
            continue
        if line.words < 12 and not SENTENCE_END.search(text):
            if line.words >= 2 and nxt is not None and _is_prose(nxt):
                blocks.append(Block("heading", (text,), level=2))
        else:
            blocks.append(Block.paragraph(text))
    article.body = blocks


def _read_tail(article: Article, tail: list[_Line]) -> None:
    """`X contributed reporting` lines just after the last paragraph."""
    for line in tail:
        names = names_from_contribution(line.text)
        if names:
            article.contributors += [n for n in names if n not in article.contributors]
