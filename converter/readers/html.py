"""The reader for saved HTML pages (`.html`, `.htm`).

lxml (libxml2's forgiving HTML parser, straight into its C tree: four
times faster than building beautifulsoup4's objects over it) reads any
HTML, however broken or truncated. Metadata comes from `html_metadata` (JSON-LD, then meta tags,
then visible markup); the body from `html_body` (the element that holds
most of the page's prose, minus its furniture). This module only joins
the two and guards against hostile input.
"""
from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from .. import settings
from ..article import Article
from ..dates import date_from_page, date_from_url
from ..errors import DumpError
from .base import Reader
from .html_body import assemble_chosen, extract_body
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
        body = extract_body(next(page.iter("body"), page), base, meta.headline)
        headline = squash(meta.headline)
        if not headline:
            raise DumpError(source, "no recognisable headline")
        shown_byline = [] if meta.has_author_metadata else visible_byline(body.byline_tags, meta.site_names)
        if not (meta.has_author_metadata or shown_byline or body.authors):
            shown_byline = clean_people((byline_opinion(page) or "").replace(";", ","), meta.site_names)
        # the second opinion comes last: trafilatura reshapes the tree it reads
        chosen = assemble_chosen(second_opinion(page), meta.headline, body, base)
        if chosen:
            body.blocks = chosen
        if not body.blocks:
            raise DumpError(source, "no article text found in the page")
        article = Article(source=source, headline=headline, body=body.blocks, url=meta.url)
        article.date, article.date_source = meta.date, meta.date_source
        if article.date is None and meta.url:
            article.date = date_from_url(meta.url)
            article.date_source = "url" if article.date else None
        if article.date is None:
            article.date = date_from_page(markup, meta.url)
            article.date_source = "page" if article.date else None
        article.authors = meta.authors if meta.has_author_metadata else shown_byline or body.authors
        article.contributors = [n for n in body.contributors if n not in article.authors]
        article.section = meta.section
        article.image = body.image
        if not article.image.url and meta.image_url:
            article.image.url = meta.image_url
        if not article.image.caption and meta.image_caption:
            article.image.caption = meta.image_caption
        try:
            article.image.saved = inlined.resource(article.image.src)
            article.image.saved_name = "(a data: URI)" if article.image.saved is not None else None
        except ValueError as exc:
            article.notes.append(f"lead image not published: {exc}")
        article.summary = next((b.text for b in body.blocks if b.kind == "paragraph"), None) or meta.summary
        return article
