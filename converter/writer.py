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
from typing import TYPE_CHECKING, Any

import frontmatter

from .version import CONVERTER_VERSION
from .article import Article
from .display import display_fields
from .editions.keys import DAILY, edition_key
from .markdown import clean_text, render_body
from .notes import note_block, note_html
from .sanitize import section_label, title_label
from .sharing import news_article

if TYPE_CHECKING:  # sidecar.py reads front matter as store.py does, and store.py needs this module
    from .sidecar import Sidecar

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


def _image_fields(article: Article) -> dict[str, Any]:
    """The lead image's words, its original address, and the published copy with its size, if any."""
    image = article.image
    fields: dict[str, Any] = {
        k: clean_text(v)
        for k, v in (("description", image.description), ("caption", image.caption), ("url", image.url))
        if v and clean_text(v)
    }
    if image.file and image.width and image.height:
        fields.update(file=image.file, width=image.width, height=image.height)
    return fields


def front_matter(article: Article, source_path: str, source_sha256: str, sidecar: Sidecar | None = None,
                 editions: str = DAILY) -> dict[str, Any]:
    """The YAML fields, in a fixed order; unknown values are left out, never invented.

    A sidecar's values win over what the converter read (see sidecar.py).
    """
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
        "image": _image_fields(article) or None,
        "summary": clean_text(article.summary or "") or None,
        "url": clean_text(article.url or "") or None,
        "source": {"path": source_path, "sha256": source_sha256},
        "converter": CONVERTER_VERSION,
    }
    if sidecar is not None:
        _apply_sidecar(meta, sidecar)
    meta["source"]["curator"] = curator_key(sidecar, editions)
    # What the theme prints (dateline, day, names), computed here so that the
    # templates need no filter of ours and Zensical builds the same pages.
    meta["display"] = display_fields(meta)
    if meta["display"].get("day"):
        meta["display"]["edition"] = edition_key(meta["display"]["day"], editions)
    if meta.get("note"):
        meta["display"]["note_html"] = note_html(meta["note"])
    meta["display"]["jsonld"] = news_article(meta)
    return {k: v for k, v in meta.items() if v is not None and v != {}}


def _apply_sidecar(meta: dict[str, Any], sidecar: Sidecar) -> None:
    """The curator's values in place of the converter's (and their note)."""
    values = sidecar.values
    if "headline" in values:
        meta["title"], meta["headline"] = title_label(values["headline"]), values["headline"]
    if "date" in values:
        meta["date"], meta["date_source"] = yaml_date(values["date"]), "curator"
    if "section" in values:
        section = section_label(values["section"])
        meta["section"], meta["categories"] = section, [section] if section else None
    for key in ("byline", "contributors", "credit", "tags", "order"):
        if key in values:
            meta[key] = values[key]
    if sidecar.note:
        meta["note"] = sidecar.note


def curator_key(sidecar: Sidecar | None, editions: str = DAILY) -> str:
    """What, besides the dump, an article was written from: its sidecar's bytes and the
    edition mode. An article is rewritten when this changes."""
    return hashlib.sha256(f"{sidecar.sha256 if sidecar else ''}|{editions}".encode()).hexdigest()[:16]


def checksum(text: str) -> str:
    """SHA-256 of an article file with its checksum field blanked."""
    blank = _CHECKSUM_LINE.sub(f"{CHECKSUM_FIELD}:", text, count=1)
    return hashlib.sha256(blank.encode("utf-8")).hexdigest()


def render_article(article: Article, source_path: str, source_sha256: str, body: str | None = None,
                   sidecar: Sidecar | None = None, editions: str = DAILY) -> str:
    """The whole Markdown file for an article, byte-for-byte deterministic.

    `body` is the article's body already rendered by `render_body`, if at hand.
    The curator's note (from the sidecar) comes first, set apart from the body.
    """
    meta = front_matter(article, source_path, source_sha256, sidecar, editions)
    body = render_body(article.body) if body is None else body
    return with_checksum(meta, note_block(sidecar.note if sidecar else "") + body)


def with_checksum(meta: dict[str, Any], body: str) -> str:
    """A Markdown file of ours: front matter (its `generated` field last) and body, the checksum filled in."""
    meta = {**meta, CHECKSUM_FIELD: ""}
    post = frontmatter.Post(body, **meta)
    text = frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000) + "\n"
    return _CHECKSUM_LINE.sub(f"{CHECKSUM_FIELD}: {checksum(text)}", text, count=1)


def stored_checksum(text: str) -> str | None:
    m = _CHECKSUM_LINE.search(text)
    return m.group(1) if m and m.group(1) else None


def is_hand_edited(text: str) -> bool:
    """True when an article file differs from what the converter wrote."""
    stored = stored_checksum(text)
    return stored is None or stored != checksum(text)
