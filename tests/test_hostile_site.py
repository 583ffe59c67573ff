"""Hostile dumps stay inert: built into a real site and opened in Chromium.

The dumps in tests/hostile/ (text and a saved HTML page) carry script and style tags, event handlers,
`javascript:` and `data:` links, comments and CDATA, Markdown that tries to
open raw HTML blocks or attribute lists, Jinja braces, YAML breakers,
control and bidi characters and a 10,000-character line. On every page of
the built site no script of theirs runs (the canary they would set stays
unset), no such link exists, and their text is shown as text.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import frontmatter
import pytest

from conftest import CHROMIUM, copy_project, mkdocs, serve_static

from converter.convert import convert_dump
from converter.markdown import clean_text
from converter.sanitize import section_label

HOSTILE = Path(__file__).parent / "hostile"
VISIBLE = [
    '<script>window.__pwned = "script"</script> A script tag written into the story',
    '[click here](javascript:window.__pwned=\'md-link\')',
    '<div markdown="1">**not bold**</div>',
    '{: onclick="window.__pwned=\'attr\'" }',
    '{{ config.site_name }} {% if true %}Jinja-looking braces{% endif %}',
    '# A hash at the start, > a quote marker, 1. a number',
    # from the saved HTML page: entities the page showed as text stay text
    '<script>window.__pwned = "escaped"</script> as visible text',
    '[markdown link](javascript:alert(1)) written as text',
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-project"))
    target = project / "content" / "hostile"
    shutil.copytree(HOSTILE, target)
    (project / "content" / "generated").mkdir()
    (project / "content" / "generated" / RUNAWAY).write_text(runaway_dump(), encoding="utf-8")
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    return project


def hostile_articles(project: Path) -> list[Path]:
    found = []
    for article in sorted((project / "content" / "posts").glob("*.md")):
        if frontmatter.load(article)["source"]["path"].startswith("hostile/"):
            found.append(article)
    return found


def test_front_matter_parses_back_to_the_same_values(hostile_site):
    articles = hostile_articles(hostile_site)
    assert len(articles) == len(list(HOSTILE.iterdir()))
    for article in articles:
        post = frontmatter.load(article)
        dump = hostile_site / "content" / post["source"]["path"]
        expected = convert_dump(dump, post["source"]["path"])
        assert post["headline"] == clean_text(expected.headline)
        assert post["byline"] == expected.authors
        assert str(post["date"]).startswith(expected.date[:10])


# What the hostile test reads of a page: given 50 ms after load for late payloads (a timer,
# a failed image) to run, then every link, every on* attribute, the canary, the title, any
# frame, style or script in the article, and the article's text as shown.
WHAT_THE_PAGE_HOLDS = """async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const content = document.querySelector('.md-content');
  return {
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
      .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
    pwned: window.__pwned === undefined ? null : window.__pwned,
    title: document.title,
    embedded: document.querySelectorAll('.md-content iframe, .md-content style, .md-content script').length,
    text: content ? content.innerText : '',
  };
}"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser)")
def test_no_payload_runs_or_links_in_a_real_browser(hostile_site, browser):
    site = hostile_site / "site"
    pages = sorted(site.rglob("*.html"))
    shown = ""
    with serve_static(site) as base:
        page = browser.new_page()
        try:
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for path in pages:
                page.goto(base + path.relative_to(site).as_posix())
                seen = page.evaluate(WHAT_THE_PAGE_HOLDS)  # 50 ms after load, in one round trip
                for href in seen["links"]:
                    assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, href)
                assert seen["handlers"] == [], (path, seen["handlers"])
                assert seen["pwned"] is None, path
                assert not set("<>") & set(seen["title"]), (path, seen["title"])  # <title> held no markup
                assert seen["embedded"] == 0, path
                if path.relative_to(site).parts[0].isdigit():  # an article page (YYYY/MM/DD/slug/)
                    shown += seen["text"]
            assert dialogs == []
        finally:
            page.close()
    for text in VISIBLE:
        assert text in shown, text


MARKUP = set("<>&\"'`[]{}")  # HTML, and Markdown's links, images and attribute lists
RUNAWAY = "2024-06-14-runaway.txt"
RUNAWAY_BYTES = 4 << 20
PAGE_MAX_BYTES = 1 << 20  # what a reader or a feed reader can be asked to download for one story


def runaway_dump() -> str:
    """A headline, then 4 MB of words on one line: a paste that went wrong."""
    words = "river market council bridge station harbour library budget ferry school".split()
    line = " ".join(words[(i * 7) % len(words)] for i in range(RUNAWAY_BYTES // 7))
    return f"A runaway paste fills a whole page\n\n{line}.\n"


def test_a_runaway_dump_gives_a_page_and_feeds_of_sane_size(hostile_site):
    site = hostile_site / "site"
    post = next(p for p in (hostile_site / "content" / "posts").glob("*.md")
                if frontmatter.load(p)["source"]["path"] == f"generated/{RUNAWAY}")
    assert len(frontmatter.load(post)["summary"]) <= 1000
    page = next(site.glob("2024/06/14/*/index.html"))
    assert page.stat().st_size < PAGE_MAX_BYTES
    for feed in site.glob("feed_*"):
        assert feed.stat().st_size < PAGE_MAX_BYTES, feed.name

FILE_NAME_MAX_BYTES = 255


def test_sections_and_titles_are_plain_short_text(hostile_site):
    """Entity-escaped tags in a section (un-escaped again by Material's `striptags`), a kicker
    line made of markup, Markdown links, images and attribute lists (a category's name is the
    Markdown of its page's heading) and a 40-word section all reach the site as short plain text."""
    site = hostile_site / "site"
    sections = {}
    for article in hostile_articles(hostile_site):
        post = frontmatter.load(article)
        assert not MARKUP & set(post["title"]), post["title"]
        for name in post.get("categories", []):
            assert not MARKUP & set(name) and len(name.split()) <= 5, name
            sections[post["source"]["path"]] = name
    # hostile-section.html's section is nothing but (entity-escaped) tags: it is dropped whole,
    # or reaches the site as plain text; the others keep words beside their markup
    assert {"hostile/hostile-kicker.txt", "hostile/hostile-long-section.html",
            "hostile/hostile-markdown-section.html", "hostile/hostile-attr-list-section.html",
            "hostile/hostile-markdown-kicker.txt"} <= set(sections)
    folders = [p for p in (site / "category").iterdir() if p.is_dir()]
    assert len(folders) >= 5
    for folder in folders:
        assert len(folder.name.encode()) < FILE_NAME_MAX_BYTES // 2, folder.name
        html = (folder / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert not set("<>") & set(title) and "&lt;" not in title, title
        assert "<svg onload" not in html.lower() and "<svg/onload" not in html.lower()
        heading = re.search(r'digest-view__header">(.*?)</header>', html, re.S).group(1)
        tags = re.findall(r"<(\w+)([^>]*)>", heading)
        assert [name for name, _ in tags] == ["h1", "a"], heading  # the heading and its permalink only
        assert not any(re.search(r"\son\w+=", attributes, re.I) for _, attributes in tags), heading


SECTION_PAYLOADS = [
    "[Go](javascript:window.__pwned=1)",
    "![x](x){:onerror=window.__pwned=2}",
    "Local {: onclick=window.__pwned=3 }",
    "News[^1]",
    "&#91;a&#93;(javascript:alert(1))",  # brackets written as entities
    "<https://evil.example/>",
    "Wor\u202eld \x00News\u2066",  # bidi overrides and a NUL
]


@pytest.mark.parametrize("payload", SECTION_PAYLOADS)
def test_a_section_is_plain_text_as_the_heading_of_its_page(payload):
    """Material writes a category's page as the Markdown `# NAME`: the name must render as text."""
    markdown = pytest.importorskip("markdown")
    label = section_label(payload)
    html = markdown.markdown(f"# {label}", extensions=["toc", "attr_list", "md_in_html", "tables", "footnotes"])
    assert re.fullmatch(r'<h1 id="[^"]*">[^<>]*</h1>', html), html
    assert not set("\x00\u202e\u2066") & set(label), label
