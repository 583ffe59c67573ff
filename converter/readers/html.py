"""The reader for saved HTML pages (`.html`, `.htm`): a page's blocks and hints, for the assembler.

lxml (libxml2's forgiving HTML parser, straight into its C tree: four
times faster than building beautifulsoup4's objects over it) reads any
HTML, however broken or truncated. The reader then only gathers what the
page says, as hints, and decides no field itself:

- what the page declares (`html_metadata`: JSON-LD, meta tags, <h1>, <title>);
- the blocks of the element that holds most of its prose, each with what
  its markup says (heading, list item, figure, prose, links), and the
  markup's byline elements and lead figure (`html_body`);
- trafilatura's choice of the article's blocks and its byline
  (`html_second_opinion`).

`converter.assembly.assemble` decides every field from these, with the
rules it applies to text dumps too. This module also guards against
hostile input (code stripped linearly, nesting bounded).
"""
from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from .. import settings
from ..article import Article
from ..assembly.assemble import assemble
from ..assembly.hints import PageHints
from ..dates import date_from_page
from ..errors import DumpError
from .base import Reader
from .html_body import chosen_blocks, extract_body, page_blocks
from .html_metadata import clean_people, read_metadata, squash, visible_byline
from .html_second_opinion import byline_opinion, second_opinion
from .inlined import InlinedResources

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I
)
_BASE_URL = re.compile(r"^https?://", re.I)
# Code and comments are never read, and they are often most of a page's
# bytes: dropping them before parsing halves the parse time. JSON-LD stays.
# Openers are matched without crossing another `<`, and each closer is looked
# for at most once past where the last search failed, so the clean-up stays
# linear even in a page of a million unclosed `<!--` or `<script ` (a single
# `.*?` regex rescans the rest of the page for every one of them).
_CODE_OPEN = re.compile(r"<!--|<(script|style|svg|noscript|template|select)\b([^<>]*)>", re.I)
_CODE_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I)
               for name in ("script", "style", "svg", "noscript", "template", "select")}
# White space between a block tag and the next tag never shows, yet each run
# becomes a node to build and walk: dropping it saves a tenth of the parse.
# (`[^<>]*`, not `[^>]*`: a tag never spans another `<`, which keeps it linear.)
_BLOCK_GAP = re.compile(
    r"(<(?:/?(?:div|p|li|ul|ol|section|article|table|tbody|thead|tr|td|th|h[1-6]|header|footer|nav|aside|"
    r"figure|figcaption|main|form|body|head|html|meta|link|title|dl|dt|dd|blockquote|br|hr|img|input|"
    r"button|select|option)\b)[^<>]*>)\s+(?=<)",
    re.I,
)
# Tags other than these, which never nest (the parser closes an open one), and void tags.
_NESTING_TAG = re.compile(r"</?(?!(?:p|li|a|br|title|meta|script|link|img|html|head|body)\b)[A-Za-z][^<>]*>", re.I)


def strip_code(text: str) -> str:
    """The page without comments, scripts (bar JSON-LD), styles and other code, in one pass."""
    out: list[str] = []
    kept_from = searched_from = 0
    unclosed: set[str] = set()  # closers already known to be absent from the rest of the page
    while (m := _CODE_OPEN.search(text, searched_from)) is not None:
        name = (m.group(1) or "!--").lower()
        if name == "script" and "ld+json" in m.group(2).lower():
            searched_from = m.end()
            continue
        if name in unclosed:
            searched_from = m.end()
            continue
        if name == "!--":
            end = text.find("-->", m.end())
            end = end + 3 if end >= 0 else -1
        else:
            close = _CODE_CLOSE[name].search(text, m.end())
            end = close.end() if close else -1
        if end < 0:
            unclosed.add(name)
            searched_from = m.end()
            continue
        out.append(text[kept_from:m.start()])
        out.append(" ")
        kept_from = searched_from = end
    out.append(text[kept_from:])
    return "".join(out)


def _parse(markup: str, source: str) -> etree._Element:
    # lxml.html's parser (its elements are what trafilatura reads), comments dropped as parsed
    parser = lxml_html.HTMLParser(recover=True, remove_comments=True, remove_pis=True)
    try:
        parser.feed(markup)  # fed as text: an XML declaration naming an encoding is no obstacle
        root = parser.close()
    except Exception as exc:  # lxml refuses some inputs outright
        raise DumpError(source, f"cannot parse HTML ({type(exc).__name__})") from None
    return root if root is not None else lxml_html.Element("html")


def _depth_of_last(root: etree._Element) -> int:
    """How deep the last element in document order sits (where a parse that gave up stopped)."""
    depth, node = 0, root
    while len(node):
        node, depth = node[-1], depth + 1
    return depth


def parse_html(markup: str, source: str) -> etree._Element:
    """The page's element tree; an empty <html> when there is nothing to parse.

    libxml2 stops reading a page nested deeper than it allows (the rest of
    the page is lost, silently): such a page is read again without its
    nesting tags, as paragraphs and links.
    """
    root = _parse(markup, source)
    if _depth_of_last(root) >= settings.MAX_PARSE_DEPTH:
        root = _parse(_NESTING_TAG.sub(" ", markup), source)
    return root


class HtmlReader(Reader):
    """Reads saved HTML pages into an `Article`."""

    extensions = (".html", ".htm")
    name = "html"

    def declared_encoding(self, data: bytes) -> str | None:
        """The charset a <meta charset> or http-equiv Content-Type names in the first KB."""
        m = _META_CHARSET.search(data[:settings.CHARSET_SNIFF_BYTES])
        if not m:
            return None
        name = m.group(1).decode("ascii", "ignore").strip().lower()
        return name or None

    def read(self, text: str, source: str) -> Article:
        if "<" not in text:
            raise DumpError(source, "no HTML markup in the file")
        inlined = InlinedResources(text)  # SingleFile's data: URIs never reach the parser
        markup = strip_code(inlined.page)
        page = parse_html(_BLOCK_GAP.sub(r"\1", markup), source)
        meta = read_metadata(page)
        base = meta.url if meta.url and _BASE_URL.match(meta.url) else None
        body = extract_body(next(page.iter("body"), page), base)
        declared = tuple(meta.authors) if meta.has_author_metadata else None
        marked = () if declared is not None else tuple(visible_byline(body.byline_tags, meta.site_names))
        headline = squash(meta.headline)
        hints = PageHints(
            headline=headline, url=meta.url, date=meta.date, date_source=meta.date_source,
            authors=declared, section=meta.section, summary=meta.summary, image_url=meta.image_url,
            image_caption=meta.image_caption, marked_byline=marked, image=body.image, content_root=bool(headline),
            byline_opinion=lambda: tuple(clean_people((byline_opinion(page) or "").replace(";", ","), meta.site_names)),
            chosen_blocks=lambda: tuple(page_blocks(chosen_blocks(second_opinion(page), body), base)),
            markup_date=lambda: date_from_page(markup, meta.url),
        )
        # a page that declares and marks no headline (no JSON-LD, og:title, <h1> or <title>) has
        # no anchor for its content root: all its blocks go to the line model, as a text copy would
        article = assemble(page_blocks(body.inside if headline else body.page, base), hints, source)
        try:
            article.image.saved = inlined.resource(article.image.src)
            article.image.saved_name = "(a data: URI)" if article.image.saved is not None else None
        except ValueError as exc:
            article.notes.append(f"lead image not published: {exc}")
        return article
