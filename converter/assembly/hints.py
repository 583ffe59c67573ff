"""What a reader knows of a page besides its blocks: the hints the assembler weighs.

A reader turns its input into blocks (`features.Line`, `blocks.PageBlock`)
and, where the format says more than the text of its blocks, into these
page-wide hints: what the page declares about itself (JSON-LD and meta
values), what its markup marks (byline elements, the lead image's figure,
the element that holds the article), another extractor's choice of the
body. The assembler (`assemble.py`) decides every field of the article from
the two; a reader decides none.

A text dump declares nothing, so a text reader's hints are all empty but
the slug line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..article import Image
from .blocks import PageBlock


@dataclass(frozen=True)
class PageHints:
    """Page-wide facts a reader read, for the assembler to weigh."""

    #: the page's slug as the dump's first line spells it ("council-approves-budget"):
    #: that line is no headline, and a line it spells is the headline
    slug: str | None = None
    #: what the page declares (JSON-LD, meta tags, <h1>, <title>): stronger than any block
    headline: str | None = None
    url: str | None = None
    date: str | None = None
    date_source: str | None = None
    #: the authors the page declares; None when it declares none (an empty list: only brands)
    authors: tuple[str, ...] | None = None
    section: str | None = None
    summary: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    #: names read from the elements the markup marks as a byline (class byline/author, rel=author)
    marked_byline: tuple[str, ...] = ()
    #: another extractor's reading of the byline; asked (before `chosen_blocks`: the other
    #: extractor reshapes the page as it chooses) only when nothing better names anyone
    byline_opinion: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False)
    #: the lead image as the markup's figure shows it (picture, alt text, caption, credit)
    image: Image | None = None
    #: the blocks handed over are those of the element the markup shows holds the article
    #: (the content root, chosen by where the page's prose is); False for text dumps
    content_root: bool = False
    #: another extractor's choice of the article's blocks (trafilatura), in its order; () for none
    chosen_blocks: Callable[[], tuple[PageBlock, ...]] | None = field(default=None, compare=False)
    #: a date read from the page's markup as a last resort (htmldate), asked only when needed
    markup_date: Callable[[], str | None] | None = field(default=None, compare=False)
