"""Sharing meta: Open Graph and Twitter cards on every page, NewsArticle JSON-LD on articles.

The JSON-LD holds a dump's headline inside a <script> element: a headline
that tries to close it (`</script>`) or open a comment (`<!--`) must stay
a string of the JSON and nothing else.
"""
from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import MARKUP_HEADLINE, BuiltSite
from converter.sharing import news_article

HOSTILE_HEADLINE = 'Break out </script><script>alert(1)</script> <!-- and --> & "quote"'


def head_of(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").head


def meta(head, key: str) -> str | None:
    node = head.select_one(f'meta[property="{key}"], meta[name="{key}"]')
    return node["content"] if node else None


def jsonld(head) -> dict:
    [script] = head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_an_article_carries_open_graph_twitter_and_news_article(built_site: BuiltSite):
    [page] = built_site.site.glob("2019/11/19/sweden-drops-assange*/index.html")
    head = head_of(page)
    url = "https://example.github.io/news-digest/" + page.parent.relative_to(built_site.site).as_posix() + "/"
    assert meta(head, "og:type") == "article" and meta(head, "og:url") == url
    assert meta(head, "og:title") == meta(head, "twitter:title") == "Sweden drops Assange rape investigation"
    assert meta(head, "og:description").startswith(meta(head, "description")[:40])
    assert meta(head, "twitter:card") == "summary" and meta(head, "og:image") is None  # no local lead image yet
    data = jsonld(head)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Sweden drops Assange rape investigation"
    assert data["url"].startswith("https://") and "example.github.io" not in data["url"]  # the original page
    assert data["datePublished"].startswith("2019-11-19")


def test_an_edition_page_carries_open_graph_and_no_news_article(built_site: BuiltSite):
    head = head_of(built_site.site / "editions" / "2019-11-20" / "index.html")
    assert meta(head, "og:title") == "Edition of Wednesday, November 20, 2019"
    assert meta(head, "og:url") == "https://example.github.io/news-digest/editions/2019-11-20/"
    assert meta(head, "og:type") == "website" and not head.select('script[type="application/ld+json"]')


def test_json_ld_of_a_hostile_headline_cannot_leave_its_script_element():
    text = news_article({"headline": HOSTILE_HEADLINE, "byline": ["A </script> B"], "url": "https://x.org/?a=1&b=<2>"})
    assert "<" not in text and ">" not in text and "&" not in text
    page = BeautifulSoup(f'<head><script type="application/ld+json">{text}</script></head>', "html.parser")
    [script] = page.select("script")
    data = json.loads(script.string)
    assert data["headline"] == HOSTILE_HEADLINE and data["author"] == [{"@type": "Person", "name": "A </script> B"}]


def test_a_markup_headline_is_text_in_every_sharing_tag(markup_site: BuiltSite):
    [page] = markup_site.site.glob("2024/08/19/*/index.html")
    head = head_of(page)
    assert meta(head, "og:title") == meta(head, "twitter:title") == MARKUP_HEADLINE
    assert jsonld(head)["headline"] == MARKUP_HEADLINE
    assert [s.get("type") for s in head.select("script") if "alert" in (s.string or "")] == ["application/ld+json"]
    assert "</script>" not in head.select_one('script[type="application/ld+json"]').decode_contents()


def test_zensical_prints_the_same_sharing_meta(built_site: BuiltSite, zensical_site: BuiltSite):
    [article] = built_site.site.glob("2019/11/19/sweden-drops-assange*/index.html")
    for ours in (article, built_site.site / "editions" / "2019-11-20" / "index.html"):
        theirs = zensical_site.site / ours.relative_to(built_site.site)
        rel = ours.relative_to(built_site.site)
        for key in ("og:title", "og:url", "og:type", "og:description", "twitter:card"):
            assert meta(head_of(theirs), key) == meta(head_of(ours), key), (rel, key)
        assert head_of(theirs).select('script[type="application/ld+json"]') == head_of(ours).select(
            'script[type="application/ld+json"]')


def test_an_article_with_a_published_lead_image_shares_it(built_site: BuiltSite):
    [page] = built_site.site.glob("2019/11/14/*/index.html")
    head = head_of(page)
    image = meta(head, "og:image")
    assert image.startswith("https://example.github.io/news-digest/lead-images/") and image == meta(head, "twitter:image")
    assert (built_site.site / image.removeprefix("https://example.github.io/news-digest/")).is_file()
    assert meta(head, "og:image:alt") == "A crumpled dollar bill" and meta(head, "twitter:card") == "summary_large_image"
