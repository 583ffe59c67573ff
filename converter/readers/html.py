"""The reader for saved HTML pages (`.html`, `.htm`).

beautifulsoup4 with the lxml parser reads any HTML, however broken or
truncated. Metadata comes from `html_metadata` (JSON-LD, then meta tags,
then visible markup); the body from `html_body` (the element that holds
most of the page's prose, minus its furniture). This module only joins
the two and guards against hostile input.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ..article import Article
from ..dates import date_from_page, date_from_url
from ..errors import DumpError
from .base import Reader
from .html_body import extract_body
from .html_metadata import read_metadata, squash, visible_byline

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I
)
SNIFF_BYTES = 4096
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


class HtmlReader(Reader):
    """Reads saved HTML pages into an `Article`."""

    extensions = (".html", ".htm")
    name = "html"

    def declared_encoding(self, data: bytes) -> str | None:
        """The charset a <meta charset> or http-equiv Content-Type names in the first KB."""
        m = _META_CHARSET.search(data[:SNIFF_BYTES])
        if not m:
            return None
        name = m.group(1).decode("ascii", "ignore").strip().lower()
        return name or None

    def read(self, text: str, source: str) -> Article:
        if "<" not in text:
            raise DumpError(source, "no HTML markup in the file")
        try:
            soup = BeautifulSoup(_BLOCK_GAP.sub(r"\1", strip_code(text)), "lxml", multi_valued_attributes=None)
        except Exception as exc:  # lxml refuses some inputs outright
            raise DumpError(source, f"cannot parse HTML ({type(exc).__name__})") from None
        meta = read_metadata(soup)
        base = meta.url if meta.url and _BASE_URL.match(meta.url) else None
        root = soup.body or soup
        body = extract_body(root, base, meta.headline)
        if not body.blocks:
            raise DumpError(source, "no article text found in the page")
        headline = squash(meta.headline)
        if not headline:
            raise DumpError(source, "no recognisable headline")
        article = Article(source=source, headline=headline, body=body.blocks, url=meta.url)
        article.date, article.date_source = meta.date, meta.date_source
        if article.date is None and meta.url:
            article.date = date_from_url(meta.url)
            article.date_source = "url" if article.date else None
        if article.date is None:
            article.date = date_from_page(text, meta.url)
            article.date_source = "page" if article.date else None
        article.authors = meta.authors
        if not meta.has_author_metadata:
            article.authors = visible_byline(body.byline_tags, meta.site_names) or body.authors
        article.contributors = [n for n in body.contributors if n not in article.authors]
        article.section = meta.section
        article.image = body.image
        if not article.image.url and meta.image_url:
            article.image.url = meta.image_url
        if not article.image.caption and meta.image_caption:
            article.image.caption = meta.image_caption
        article.summary = next((b.text for b in body.blocks if b.kind == "paragraph"), None) or meta.summary
        return article
