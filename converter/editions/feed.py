"""The edition feeds: RSS 2.0 (feedgen) and JSON Feed 1.1, one item per edition with its full HTML.

They sit beside the per-article feeds at the site's root. Dates are the
editions' own (their newest story), never the build's clock, so the same
articles give byte-identical feeds.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from .html import absolute, edition_html, edition_summary
from .model import Edition

RSS_NAME = "feed_rss_editions.xml"
JSON_NAME = "feed_json_editions.json"
EDITION_FEED_LENGTH = 30  # the newest editions a feed carries (as mkdocs.yml's article feed: 30)
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
NO_EDITION_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _newest(editions: list[Edition]) -> list[Edition]:
    return list(reversed(editions))[:EDITION_FEED_LENGTH]


def rss_feed(editions: list[Edition], site_url: str, site_name: str) -> bytes:
    feed = FeedGenerator()
    feed.title(f"{site_name}: editions")
    feed.link(href=absolute(site_url, "editions/"), rel="alternate")
    feed.description(f"Each edition of {site_name}, whole: the day's stories with the curator's notes.")
    feed.language("en")
    newest = _newest(editions)
    # The newest edition's date; a digest with none has no date of its own, and feedgen's
    # default (the clock) would make every build's feed differ: the epoch instead.
    feed.lastBuildDate(newest[0].published if newest else NO_EDITION_DATE)
    for edition in reversed(newest):  # feedgen puts the last added first
        item = feed.add_entry()
        url = absolute(site_url, edition.url_path)
        item.id(url)
        item.guid(url, permalink=True)
        item.title(f"Edition of {edition.title}")
        item.link(href=url)
        item.description(edition_summary(edition))
        item.content(str(edition_html(edition, site_url)))  # escaped XML text: no CDATA end to trip on
        item.pubDate(edition.published)
    return feed.rss_str(pretty=True)


def json_feed(editions: list[Edition], site_url: str, site_name: str) -> bytes:
    items = [{
        "id": absolute(site_url, e.url_path),
        "url": absolute(site_url, e.url_path),
        "title": f"Edition of {e.title}",
        "content_html": str(edition_html(e, site_url)),
        "summary": edition_summary(e),
        "date_published": e.published.isoformat(),
    } for e in _newest(editions)]
    feed = {
        "version": JSON_FEED_VERSION,
        "title": f"{site_name}: editions",
        "home_page_url": absolute(site_url, "editions/"),
        "feed_url": absolute(site_url, JSON_NAME),
        "language": "en",
        "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
