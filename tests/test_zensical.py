"""Zensical, Material's successor, builds the digest a reader cannot tell apart.

One Zensical build of the sample content (`make zensical`: `digest convert`,
then `zensical build`), shared by these tests, set beside the shared MkDocs
build: the same pages, and on each the same stories, days, headlines,
datelines, bylines, figures, contributors, bodies and links; the same feed;
a search box over every article (Zensical's own; the browser test searches
it); no raw dump published.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from conftest import SEED_HEADLINE, BuiltSite

# What a reader sees of a page: the list of days and stories, or the article.
READER_PARTS = (
    ".digest-view__header", ".digest-day__title", ".digest-item__headline", ".digest-item__meta",
    ".digest-item .digest-byline", ".digest-item__lede",
    ".digest-kicker", ".digest-article__headline", ".digest-dateline", ".digest-article .digest-byline",
    ".digest-figure", ".digest-article__body", ".digest-contributors", ".digest-original",
)


def pages(site: Path) -> set[str]:
    """The site's pages by address, less the 404 page (each engine words it its own way)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def reader_view(site: Path, page: str) -> list[tuple[str, str, list]]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
    here = "http://site/" + page  # links compared by where they lead ("././" is "./")
    view = []
    for part in READER_PARTS:
        for node in soup.select(part):
            links = [urljoin(here, a.get("href", "")) for a in node.select("a")]
            view.append((part, node.get_text(" ", strip=True), links))
    return view


def test_zensical_builds_every_page_mkdocs_builds(zensical_site: BuiltSite, built_site: BuiltSite):
    ours = pages(built_site.site)
    assert len([p for p in ours if p.startswith("20")]) == 10  # the sample articles
    assert pages(zensical_site.site) == ours


def test_every_page_shows_a_reader_the_same_as_under_mkdocs(zensical_site: BuiltSite, built_site: BuiltSite):
    for page in sorted(pages(built_site.site)):
        mkdocs_view = reader_view(built_site.site, page)
        assert mkdocs_view, page  # every page shows stories or an article
        assert reader_view(zensical_site.site, page) == mkdocs_view, page


def test_front_page_groups_stories_by_day_under_zensical(zensical_site: BuiltSite):
    soup = BeautifulSoup((zensical_site.site / "index.html").read_text(encoding="utf-8"), "lxml")
    days = [t["datetime"] for t in soup.select(".digest-day__title time")]
    assert days == sorted(days, reverse=True) and len(days) == len(set(days)) >= 3
    assert soup.select_one(".digest-day__title").get_text(strip=True) == "Monday, August 19, 2024"
    assert soup.select_one(".digest-item__headline a").get_text(strip=True) == SEED_HEADLINE
    seed = soup.select_one(".digest-item")
    assert "Isabel Kershner contributed reporting" in seed.get_text(" ", strip=True)


def test_the_feed_lists_the_same_stories(zensical_site: BuiltSite, built_site: BuiltSite):
    def items(site: Path) -> list[tuple]:
        feed = ET.parse(site / "feed_rss_created.xml").getroot()
        return [(i.findtext("title"), i.findtext("link"), i.findtext("pubDate")) for i in feed.findall("./channel/item")]

    assert items(zensical_site.site) == items(built_site.site)
    assert len(items(built_site.site)) == 10


def test_search_box_and_its_index_are_there(zensical_site: BuiltSite, built_site: BuiltSite):
    front = BeautifulSoup((zensical_site.site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert front.select_one('.md-header .md-search[data-md-component="search"]') is not None
    index = json.loads((zensical_site.site / "search.json").read_text(encoding="utf-8"))
    indexed = {item["location"].split("#")[0] for item in index["items"]}
    articles = {p for p in pages(built_site.site) if p.startswith("20")}
    assert {f"{p.removesuffix('index.html')}" for p in articles} <= indexed


def test_no_raw_dump_is_published(zensical_site: BuiltSite):
    site = zensical_site.site
    assert not (site / "dumps").exists()
    assert not [p for p in site.rglob("*") if p.suffix in (".txt", ".text", ".htm")]
    assert not [p for p in site.rglob("*.html") if p.name not in ("index.html", "404.html")]
