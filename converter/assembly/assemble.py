"""The assembler: one article out of a page's blocks and hints, whatever the format.

Readers turn their input into blocks (`features.Line`: text and its shape;
`blocks.PageBlock` adds what markup says) and page hints (`hints.PageHints`:
what the page declares, what its markup marks); the assembler decides every
field of the `Article` from them, and the writer turns the article into
Markdown:

    reader (blocks + hints) -> assemble -> Article -> writer

First, what the blocks show. Where the markup shows which element holds
the article (`hints.content_root`), its blocks are the body's candidates
(`body.select_marked`); else each block is scored by the learned line model
(`model.py`: body, headline, byline or other, from general,
language-independent features) and

- the body is the run of blocks with the most body weight (`body.py`);
- the headline is the title-shaped block above it the ranker likes best
  (`headline.py`);
- the byline is the block naming people near the headline that the byline
  ranker is sure enough of (`byline.py`);
- datelines, kickers, captions and credits are read by their shape around
  those anchors (`header.py`).

Then one rule per field (`_decide`) weighs what the page declares against
what its blocks show: what a page declares about itself (JSON-LD, meta
tags) is written for machines with care, so it wins where it exists.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Article, Image
from ..dates import date_from_url
from ..errors import DumpError
from .. import settings
from .body import body_span, is_body, read_body, read_tail, select_marked
from .byline import byline_candidates
from .features import Line
from .header import nearest_dateline, page_url, read_header, split_credit
from .headline import find_headline, slug_words, without_breadcrumb
from .hints import PageHints
from .model import choose_byline, classify


@dataclass
class Shown:
    """What the page's blocks show, before the page's declarations are weighed against it."""

    article: Article  # headline, body, dateline, kicker, caption and credit as the blocks show them
    byline: list[str] = field(default_factory=list)  # the byline block the assembler picked
    #: another extractor's reading of the byline, when the page declares and marks none
    opinion: list[str] = field(default_factory=list)
    #: the byline block of another extractor's choice of text, after its opinion
    later_byline: list[str] = field(default_factory=list)


def assemble(blocks: list[Line], hints: PageHints, source: str) -> Article:
    """The article the blocks and hints make; DumpError when they make none."""
    shown = _from_content_root(blocks, hints, source) if hints.content_root else _from_line_model(blocks, hints, source)
    return _decide(shown, hints, source)


def _from_line_model(lines: list[Line], hints: PageHints, source: str) -> Shown:
    """The article as the line model reads a page with no structure (a text dump)."""
    features = classify(lines)
    span = body_span(lines)
    if span is None:
        raise DumpError(source, "no article text found (no run of sentence-shaped lines)")
    first_prose, end = span
    url = hints.url or page_url(lines, first_prose)
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
    before = lines[max(0, head_index - settings.LINES_READ_ABOVE_HEADLINE) : head_index]
    byline = choose_byline(lines, features, byline_candidates(lines, head_index, first_prose, end), head_index, first_prose)
    lead_in = read_header(article, before, lines[head_index + 1 : first_prose])
    if article.date is None:
        article.date = nearest_dateline(lines, head_index, first_prose)
        article.date_source = "dateline" if article.date else None
    read_body(article, [ln for ln in lead_in + lines[first_prose:end] if byline is None or ln is not lines[byline[0]]])
    read_tail(article, lines[end:])
    return Shown(article, byline[1] if byline else [])


def _from_content_root(blocks: list[Line], hints: PageHints, source: str) -> Shown:
    """The article as the blocks of the page's content root show it, or another extractor's choice.

    Which text is the article was the other extractor's call when it made one
    (`hints.chosen_blocks`; it reads unseen sites better than our root choice
    did, issue 9); when its choice leaves nothing, the content root's blocks
    stand. Bylines and contributor lines are read in both.
    """
    article = Article(source=source, headline=hints.headline or "", url=hints.url, slug=hints.slug)
    ours, byline = select_marked(article, blocks)
    opinion: list[str] = []
    if hints.authors is None and not hints.marked_byline and not byline and hints.byline_opinion is not None:
        opinion = list(hints.byline_opinion())  # asked first: choosing blocks reshapes the page
    chosen = list(hints.chosen_blocks()) if hints.chosen_blocks is not None else []
    theirs, later_byline = select_marked(article, chosen, whole=True)
    article.body = theirs or ours
    return Shown(article, byline, opinion, later_byline)


def _decide(shown: Shown, hints: PageHints, source: str) -> Article:
    """Each field: what the page declares where it declares it, else what its blocks show."""
    article = shown.article
    article.headline = hints.headline or article.headline
    if not article.headline:
        raise DumpError(source, "no recognisable headline")
    if not article.body:
        raise DumpError(source, "no article text found after removing page furniture")
    # people: the authors the page declares, else its marked byline, else the byline block picked,
    # else another extractor's reading of the byline, else a byline block of its choice of text
    if hints.authors is not None:
        article.authors = list(hints.authors)
    else:
        article.authors = list(hints.marked_byline) or shown.byline or shown.opinion or shown.later_byline
    article.contributors = [n for n in article.contributors if n not in article.authors]
    # date: what the page states for machines (JSON-LD and meta, then what htmldate finds in the
    # markup), else the dateline its text shows, else the page's address
    if hints.date:
        article.date, article.date_source = hints.date, hints.date_source
    elif hints.markup_date is not None:
        markup_date = hints.markup_date()
        if markup_date:
            article.date, article.date_source = markup_date, "page"
    if article.date is None and article.url:
        article.date = date_from_url(article.url)
        article.date_source = "url" if article.date else None
    article.section = hints.section or article.section
    article.image = _lead_image(article.image, hints)
    article.summary = next((b.text for b in article.body if b.kind == "paragraph"), None) or hints.summary
    return article


def _lead_image(shown: Image, hints: PageHints) -> Image:
    """The markup's figure where it has one, else the caption lines; declared URL and caption fill gaps."""
    image = hints.image if hints.image is not None and not hints.image.is_empty() else shown
    split_credit(image)
    if not image.url and hints.image_url:
        image.url = hints.image_url
    if not image.caption and hints.image_caption:
        image.caption = hints.image_caption
    return image
