"""Readable, stable, safe slugs: the only names the tool gives files it writes."""
from __future__ import annotations

import hashlib
import re

from slugify import slugify

MAX_SLUG = 80
# Names Windows refuses as file names, whatever the extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)


def make_slug(text: str, fallback_seed: str = "") -> str:
    """An ASCII slug (lower case, digits, hyphens) of at most MAX_SLUG characters.

    Non-Latin text is transliterated; text with nothing to transliterate gets
    a short hash of `fallback_seed` so that the slug is still stable.
    """
    slug = slugify(text or "", max_length=MAX_SLUG, word_boundary=True, save_order=True)
    if not slug or _RESERVED.match(slug):
        digest = hashlib.sha256((fallback_seed or text or "").encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"article-{digest}" if not slug else f"{slug}-{digest}"
    return slug


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]
