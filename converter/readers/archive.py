"""What single-file saves share (MHTML, web archives): a page and the resources saved with it.

The container's reader takes the main page out and hands it to the HTML
reader; the lead image is then looked up among the saved resources by the
address the page gives for it (as written, resolved against the page's
own address, or the one its metadata names). Only that resource's bytes
are decoded. A resource's name is only ever compared, never used as a
path: nothing is written from here.
"""
from __future__ import annotations

from typing import Callable, Mapping
from urllib.parse import urldefrag, urljoin

from .. import settings
from ..article import Article
from ..sanitize import one_line
from .html import HtmlReader


_HTML = HtmlReader()


def resource_key(url: str) -> str:
    """How a saved resource's address is compared with the page's (fragment dropped)."""
    return urldefrag(url.strip())[0]


def read_archived_page(text: str, source: str, page_url: str | None,
                       resources: Mapping[str, Callable[[], bytes | None]]) -> Article:
    """The article of an archived page; its lead image from `resources` (address -> bytes) when saved."""
    article = _HTML.read(text, source)
    image = article.image
    if image.saved is not None or not resources:
        return article
    wanted = [image.src, urljoin(page_url, image.src) if page_url and image.src else None, image.url]
    for address in wanted:
        load = resources.get(resource_key(address)) if address else None
        if load is None:
            continue
        image.saved = load()
        if image.saved is not None:
            image.saved_name = one_line(address)[:settings.MAX_RESOURCE_NAME_CHARS]
            break
    return article
