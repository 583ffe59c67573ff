"""The curator's voice on the built sample site: the note where readers meet the story, and editions.

The sample content ships a sidecar with a note (the Sondland testimony,
`order: 1`) and an introduction for the edition of November 20, 2019; the
shared build (conftest.built_site) is what these tests read.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import BuiltSite

NOTE_WORDS = "the first witness to put the president"
NOTED_HEADLINE = "Unpredictable Sondland faces questions about Trump, Ukraine"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def noted_article(site: Path) -> Path:
    [page] = site.glob("2019/11/20/unpredictable-sondland*/index.html")
    return page


def test_the_note_stands_above_the_body_labelled_as_the_curators(built_site: BuiltSite):
    body = soup_of(noted_article(built_site.site)).select_one(".digest-article__body")
    first = body.find(True)
    assert first.name == "aside" and "digest-note" in first["class"]
    assert first.select_one(".digest-note__label").get_text(strip=True) == "Curator's note"
    assert NOTE_WORDS in first.get_text(" ", strip=True)
    assert first.select_one("strong").get_text() == "Why it matters:"  # the curator's Markdown, rendered
    assert NOTE_WORDS not in first.find_next_sibling().get_text()  # the publisher's text follows, apart


def test_the_note_is_under_the_headline_on_the_front_page(built_site: BuiltSite):
    front = soup_of(built_site.site / "index.html")
    [item] = [i for i in front.select(".digest-item") if NOTED_HEADLINE in i.get_text()]
    note = item.select_one(".digest-note")
    assert NOTE_WORDS in note.get_text(" ", strip=True) and "Curator's note" in note.get_text()
    assert item.select_one(".digest-item__headline").find_all_next(class_="digest-note")[0] is note
    others = [i for i in front.select(".digest-item") if NOTED_HEADLINE not in i.get_text()]
    assert others and not any(i.select(".digest-note") for i in others)  # only the story that has one


def test_the_note_is_in_the_article_feed_item(built_site: BuiltSite):
    channel = ET.parse(built_site.site / "feed_rss_created.xml").getroot().find("channel")
    [item] = [i for i in channel.findall("item") if i.findtext("title") == NOTED_HEADLINE]
    assert NOTE_WORDS in item.findtext("description")
