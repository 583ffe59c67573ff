"""The Markdown writer: an `Article` to a Markdown file with YAML front matter.

The front matter is plain Material-blog Markdown (`title`, `date`, `slug`,
`categories`) plus fields of our own (`headline`, `credit`, `contributors`,
`byline`, …, and `display`: what the theme prints, see display.py);
python-frontmatter writes it with PyYAML's safe dumper, so
any headline survives the round trip. The last field, `generated`, is a
SHA-256 of the file as written (with that field blank): when the file no
longer matches it, a curator has edited the article and the converter
leaves it alone.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Any

import frontmatter

from .version import CONVERTER_VERSION
from .article import Article
from .display import display_fields
from .markdown import clean_text, render_body
from .sanitize import section_label, title_label

CHECKSUM_FIELD = "generated"
_CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_FIELD}: ?(\S*)$", re.M)


def yaml_date(value: str | None) -> date | datetime | str | None:
    """The ISO string as a YAML date or timestamp (what Material's blog expects)."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return value


def _clean(value: str | None) -> str | None:
    return (clean_text(value) or None) if value is not None else None


def article_to_dict(article: Article) -> dict[str, Any]:
    """The article as `digest extract --json` prints it (the same values as the front matter)."""
    return {
        "source": article.source,
        "headline": clean_text(article.headline),
        "date": article.date,
        "date_source": article.date_source,
        "credit": _clean(article.credit),
        "contributors": [clean_text(n) for n in article.contributors],
        "authors": [clean_text(n) for n in article.authors],
        "section": section_label(article.section),
        "image": {
            "description": _clean(article.image.description),
            "caption": _clean(article.image.caption),
            "url": _clean(article.image.url),
        },
        "summary": _clean(article.summary),
        "url": _clean(article.url),
        "slug": article.slug,
        "body": render_body(article.body),
    }


def front_matter(article: Article, source_path: str, source_sha256: str) -> dict[str, Any]:
    """The YAML fields, in a fixed order; unknown values are left out, never invented."""
    meta: dict[str, Any] = {
        "title": title_label(article.headline),
        "headline": clean_text(article.headline),
        "date": yaml_date(article.date),
        "date_source": article.date_source,
        "slug": article.slug,
        "credit": clean_text(article.credit or "") or None,
        "contributors": [clean_text(n) for n in article.contributors],
        "byline": [clean_text(n) for n in article.authors],
        "section": section_label(article.section),
        "categories": [section_label(article.section)] if section_label(article.section) else None,
        "image": {
            k: clean_text(v)
            for k, v in (
                ("description", article.image.description),
                ("caption", article.image.caption),
                ("url", article.image.url),
            )
            if v and clean_text(v)
        }
        or None,
        "summary": clean_text(article.summary or "") or None,
        "url": clean_text(article.url or "") or None,
        "source": {"path": source_path, "sha256": source_sha256},
        "converter": CONVERTER_VERSION,
    }
    # What the theme prints (dateline, day, names), computed here so that the
    # templates need no filter of ours and Zensical builds the same pages.
    meta["display"] = display_fields(meta)
    return {k: v for k, v in meta.items() if v is not None and v != {}}


def checksum(text: str) -> str:
    """SHA-256 of an article file with its checksum field blanked."""
    blank = _CHECKSUM_LINE.sub(f"{CHECKSUM_FIELD}:", text, count=1)
    return hashlib.sha256(blank.encode("utf-8")).hexdigest()


def render_article(article: Article, source_path: str, source_sha256: str, body: str | None = None) -> str:
    """The whole Markdown file for an article, byte-for-byte deterministic.

    `body` is the article's body already rendered by `render_body`, if at hand.
    """
    meta = front_matter(article, source_path, source_sha256)
    meta[CHECKSUM_FIELD] = ""
    post = frontmatter.Post(render_body(article.body) if body is None else body, **meta)
    text = frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000) + "\n"
    return _CHECKSUM_LINE.sub(f"{CHECKSUM_FIELD}: {checksum(text)}", text, count=1)


def stored_checksum(text: str) -> str | None:
    m = _CHECKSUM_LINE.search(text)
    return m.group(1) if m and m.group(1) else None


def is_hand_edited(text: str) -> bool:
    """True when an article file differs from what the converter wrote."""
    stored = stored_checksum(text)
    return stored is None or stored != checksum(text)
