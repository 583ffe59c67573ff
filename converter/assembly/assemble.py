"""The assembler: one article out of a page's blocks and hints.

Readers turn their input into blocks (`features.Line`: text and shape) and
page hints (`hints.PageHints`); the assembler decides every field of the
`Article` from them, and the writer turns the article into Markdown:

    reader (blocks + hints) -> assemble -> Article -> writer

Each block is scored by the learned line model (`model.py`: body, headline,
byline or other, from general, language-independent features); then

- the body is the run of blocks with the most body weight (`body.py`);
- the headline is the title-shaped block above it the ranker likes best
  (`headline.py`);
- the byline is the block naming people near the headline that the byline
  ranker is sure enough of (`byline.py`);
- datelines, kickers, captions and credits are read by their shape around
  those anchors (`header.py`).
"""
from __future__ import annotations

from ..article import Article
from ..dates import date_from_url
from ..errors import DumpError
from .body import body_span, is_body, read_body, read_tail
from .byline import byline_candidates
from .features import Line
from .header import nearest_dateline, page_url, read_header
from .headline import find_headline, slug_words, without_breadcrumb
from .hints import PageHints
from .model import choose_byline, classify


def assemble(lines: list[Line], hints: PageHints, source: str) -> Article:
    """The article the blocks and hints make; DumpError when they make none."""
    features = classify(lines)
    span = body_span(lines)
    if span is None:
        raise DumpError(source, "no article text found (no run of sentence-shaped lines)")
    first_prose, end = span
    url = page_url(lines, first_prose)
    end = next((i for i in range(first_prose + 1, end) if lines[i].end == 2), end)

    spelled = [slug_words(h) for h in (hints.slug, url) if h]
    first = 1 if hints.slug is not None else 0  # the slug line is no headline
    head_index = find_headline(lines, features, first_prose, spelled, first)
    if head_index is None:
        raise DumpError(source, "no recognisable headline")
    if head_index >= first_prose:  # a headline the model took for prose, or a kicker above it
        first_prose = next((i for i in range(head_index + 1, end) if is_body(lines[i])), end)

    headline = without_breadcrumb(lines[head_index].text, lines[:head_index])
    article = Article(source=source, headline=headline, url=url, slug=hints.slug)
    before = lines[max(0, head_index - 3) : head_index]
    byline = choose_byline(lines, features, byline_candidates(lines, head_index, first_prose, end), head_index, first_prose)
    lead_in = read_header(article, before, lines[head_index + 1 : first_prose])
    if article.date is None:
        article.date = nearest_dateline(lines, head_index, first_prose)
        article.date_source = "dateline" if article.date else None
    read_body(article, [ln for ln in lead_in + lines[first_prose:end] if byline is None or ln is not lines[byline[0]]])
    article.authors = byline[1] if byline else []
    read_tail(article, lines[end : end + 8])
    if not article.body:
        raise DumpError(source, "no article text found after removing page furniture")
    if article.date is None and url:
        article.date = date_from_url(url)
        article.date_source = "url" if article.date else None
    article.summary = next((b.text for b in article.body if b.kind == "paragraph"), None)
    return article
