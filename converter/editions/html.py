"""An edition as one HTML fragment with absolute links: the edition feeds' items and the email's body.

Built from the same edition the page shows (model.py), without a site
build, so `digest edition` can print it and Zensical's build can have it.
Every value from a dump is escaped (markupsafe); the note and introduction
are the curator's Markdown (notes.note_html).
"""
from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
from markupsafe import Markup, escape

from ..notes import NOTE_LABEL, note_html
from .model import Edition, Story


def absolute(site_url: str, path: str) -> str:
    """`path` (below the site) as an absolute URL under `site_url`."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def story_meta(story: Story) -> str:
    """The dateline and names, as one line of text."""
    names = f"By {story.byline}" if story.byline else (
        f"{story.contributors} contributed reporting" if story.contributors else "")
    return " · ".join(part for part in (story.dateline, names) if part)


def curator_html(markdown: str, site_url: str) -> Markup:
    """The curator's Markdown (a note, an introduction) for mail and feeds: links made absolute
    (`../about/` means nothing in a mailbox), images kept only from the site and with alt text
    (no tracker or hot-linked photo in a reader's mail)."""
    html = note_html(markdown)
    if not html:
        return Markup("")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for node in root.iter("a"):
        if node.get("href"):
            node.set("href", absolute(site_url, node.get("href")))
    for img in list(root.iter("img")):
        img.set("src", absolute(site_url, img.get("src") or ""))
        if not img.get("src").startswith(site_url) or not img.get("alt"):
            img.drop_tree()  # (its tail text stays)
    return Markup(escape(root.text or "")) + Markup("".join(lxml.html.tostring(child, encoding="unicode")
                                                             for child in root))


def story_html(story: Story, site_url: str) -> Markup:
    parts = [Markup('<h2 class="story-headline"><a href="{}">{}</a></h2>').format(
        absolute(site_url, story.url_path), story.headline)]
    if story_meta(story):
        parts.append(Markup('<p class="story-meta">{}</p>').format(story_meta(story)))
    if story.note:
        parts.append(Markup('<div class="note"><p class="note-label">{}</p>{}</div>').format(
            NOTE_LABEL, curator_html(story.note, site_url)))
    if story.lede:
        parts.append(Markup('<p class="story-lede">{}</p>').format(story.lede))
    return Markup('<div class="story">{}</div>').format(Markup("\n").join(parts))


def edition_html(edition: Edition, site_url: str) -> Markup:
    """The edition's introduction and stories (no page furniture): a feed item's content."""
    parts = []
    if edition.intro:
        parts.append(Markup('<div class="intro">{}</div>').format(curator_html(edition.intro, site_url)))
    parts += [story_html(story, site_url) for story in edition.stories]
    return Markup("\n").join(parts)


def edition_summary(edition: Edition) -> str:
    """One line: how many stories, and the first headlines."""
    heads = "; ".join(story.headline for story in edition.stories[:3])
    more = "; …" if len(edition.stories) > 3 else ""
    return f"{len(edition.stories)} {'story' if len(edition.stories) == 1 else 'stories'}: {heads}{more}"
