"""Files a built site gets for its editions, beside the pages: the edition feeds (and each
edition's email). The MkDocs plugin writes them after every build; `digest editions
--site-dir site` writes them after a Zensical build (`make zensical`), which runs no plugin.
"""
from __future__ import annotations

from pathlib import Path

from ..safe_files import is_within
from .email import email_html, email_text
from .feed import JSON_NAME, RSS_NAME, json_feed, rss_feed
from .memo import WrittenFrom
from .model import Edition

EMAIL_HTML, EMAIL_TEXT = "email.html", "email.txt"


_WRITTEN = WrittenFrom()  # a preview rebuild re-renders only the editions that changed


def _write(path: Path, render, key: str, site: Path) -> None:
    """Write `render()` to `path` inside the site, unless it was written from the same `key`
    (a built site is rebuilt at will: no fsync, unlike the articles in content/)."""
    if _WRITTEN.unchanged(path, key):
        return
    if not is_within(path.parent if path.parent.exists() else site, site):
        return
    data = render().encode("utf-8")
    try:
        same = path.read_bytes() == data
    except OSError:
        same = False
    if not same:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # a link planted in the site is replaced, never written through
        path.write_bytes(data)
    _WRITTEN.remember(path, key)


def publish_editions(site_dir: Path, editions: list[Edition], site_url: str, site_name: str) -> None:
    """Write the edition feeds, and each edition's email.html and email.txt beside its page."""
    site = Path(site_dir)
    whole = repr((editions, site_url, site_name))
    _write(site / RSS_NAME, lambda: rss_feed(editions, site_url, site_name).decode("utf-8"), whole, site)
    _write(site / JSON_NAME, lambda: json_feed(editions, site_url, site_name).decode("utf-8"), whole, site)
    for edition in editions:
        folder = site / edition.url_path
        key = repr((edition, site_url, site_name))
        _write(folder / EMAIL_HTML, lambda: email_html(edition, site_url, site_name), key, site)
        _write(folder / EMAIL_TEXT, lambda: email_text(edition, site_url, site_name), key, site)
