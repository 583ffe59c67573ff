"""Files a built site gets for its editions, beside the pages: the edition feeds (and each
edition's email). The MkDocs plugin writes them after every build; `digest editions
--site-dir site` writes them after a Zensical build (`make zensical`), which runs no plugin.
"""
from __future__ import annotations

from pathlib import Path

from ..safe_files import is_within
from .email import email_html, email_text
from .feed import JSON_NAME, RSS_NAME, json_feed, rss_feed
from .model import Edition

EMAIL_HTML, EMAIL_TEXT = "email.html", "email.txt"


def _write(path: Path, data: bytes, site: Path) -> None:
    from ..convert import write_atomically

    if is_within(path.parent if path.parent.exists() else site, site):
        write_atomically(path, data.decode("utf-8"))


def publish_editions(site_dir: Path, editions: list[Edition], site_url: str, site_name: str) -> None:
    """Write the edition feeds, and each edition's email.html and email.txt beside its page."""
    site = Path(site_dir)
    _write(site / RSS_NAME, rss_feed(editions, site_url, site_name), site)
    _write(site / JSON_NAME, json_feed(editions, site_url, site_name), site)
    for edition in editions:
        folder = site / edition.url_path
        _write(folder / EMAIL_HTML, email_html(edition, site_url, site_name).encode("utf-8"), site)
        _write(folder / EMAIL_TEXT, email_text(edition, site_url, site_name).encode("utf-8"), site)
