"""Real MkDocs builds of a fresh copy of the project: the digest as published."""
from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import frontmatter
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_HEADLINE, SUBPATH, BuiltSite, copy_project, mkdocs

DUMPS = sorted(p for p in (ROOT / "content" / "dumps").iterdir() if p.suffix in (".txt", ".html"))


def headlines_in_order(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    return [a.get_text(strip=True) for a in soup.select(".digest-item__headline a")]


def test_build_is_strict_clean_and_converts_inside_mkdocs(built_site: BuiltSite):
    log = built_site.proc.stderr + built_site.proc.stdout
    assert "WARNING" not in log and "ERROR" not in log, log
    posts = sorted((built_site.project / "content" / "posts").glob("*.md"))
    assert len(posts) == len(DUMPS) >= 6
    # raw dumps are sources only: nothing of them is copied into the site
    assert not list(built_site.site.rglob("*.txt"))
    assert not [p for p in built_site.site.rglob("*.html") if p.name != "index.html" and p.name != "404.html"]
    assert not (built_site.site / "dumps").exists()


def test_saved_html_pages_are_never_published_raw(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "dumps" / "saved-page.html").write_text(
        "<html><body><h1>A saved page</h1><p>Advertisement</p><script>track()</script></body></html>",
        encoding="utf-8")
    proc = mkdocs("build", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert not list((project / "site").rglob("saved-page*"))


def test_front_page_lists_every_story_newest_first_grouped_by_day(built_site: BuiltSite):
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    listed = headlines_in_order(html)
    posts = [frontmatter.load(p) for p in (built_site.project / "content" / "posts").glob("*.md")]
    assert sorted(listed) == sorted(p["headline"] for p in posts)
    assert listed[0] == SEED_HEADLINE  # 2024 is the newest day of the samples
    days = [t["datetime"] for t in soup.select(".digest-day__title time")]
    assert days == sorted(days, reverse=True) and len(days) == len(set(days)) >= 3
    item = soup.select_one(".digest-item")
    assert "Isabel Kershner contributed reporting" in item.get_text(" ", strip=True)
    assert "Secretary of State Antony J. Blinken said on Monday" in item.select_one(".digest-item__lede").text
    assert item.select_one("a.md-meta__link").get_text(strip=True) == "Top News"


def test_archive_by_month_and_sections_exist(built_site: BuiltSite):
    assert (built_site.site / "archive" / "2019" / "11" / "index.html").exists()
    assert (built_site.site / "archive" / "2024" / "08" / "index.html").exists()
    top = (built_site.site / "category" / "top-news" / "index.html").read_text(encoding="utf-8")
    assert headlines_in_order(top) == [SEED_HEADLINE]
    november = (built_site.site / "archive" / "2019" / "11" / "index.html").read_text(encoding="utf-8")
    assert SEED_HEADLINE not in headlines_in_order(november) and len(headlines_in_order(november)) == len(DUMPS) - 1


def seed_article(site: Path) -> str:
    [page] = list(site.glob("2024/08/19/*/index.html"))
    return page.read_text(encoding="utf-8")


def test_article_page_shows_headline_dateline_figure_and_contributors(built_site: BuiltSite):
    soup = BeautifulSoup(seed_article(built_site.site), "lxml")
    article = soup.select_one("article.digest-article")
    assert article.select_one("h1").get_text(strip=True) == SEED_HEADLINE
    assert article.select_one(".digest-dateline").get_text(strip=True) == "Monday, August 19, 2024"
    figure = article.select_one("figure.digest-figure")
    assert "Two men in suits" in figure.get_text()
    assert figure.select_one(".digest-figure__caption").get_text(strip=True).startswith("Secretary of State Antony J. Blinken with")
    assert figure.select_one(".digest-credit").get_text(strip=True) == "Pool photo by Kevin Mohatt"
    assert article.select_one(".digest-contributors").get_text(strip=True) == "Isabel Kershner contributed reporting."
    body = article.select_one(".digest-article__body").get_text(" ")
    assert "unstinting support" in body and "Kevin Mohatt" not in body
    assert soup.select_one('meta[name="description"]')["content"].startswith("Secretary of State")


def test_dateline_shows_time_and_zone_when_the_page_gave_them(built_site: BuiltSite):
    datelines = {
        a.select_one("h1").get_text(strip=True): a.select_one(".digest-dateline").get_text(strip=True)
        for a in (BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").select_one("article.digest-article")
                  for p in built_site.site.glob("20*/*/*/*/index.html"))
    }
    assert datelines["Impeachment sham completely debunked: White House"] == \
        "Wednesday, November 20, 2019, 10:18 a.m. UTC+5:30"


def test_no_page_shows_page_furniture(built_site: BuiltSite):
    for path in [*built_site.pages(), *built_site.site.rglob("*.xml"), *built_site.site.rglob("*.json")]:
        text = path.read_text(encoding="utf-8")
        assert "Advertisement" not in text and "SKIP ADVERTISEMENT" not in text, path


def test_feed_sitemap_and_404(built_site: BuiltSite):
    feed = ET.parse(built_site.site / "feed_rss_created.xml").getroot()
    items = feed.findall("./channel/item")
    assert len(items) == len(DUMPS)
    titles = [i.findtext("title") for i in items]
    assert titles[0] == SEED_HEADLINE
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].date().isoformat() == "2024-08-19"
    assert all(i.findtext("link").startswith("https://example.github.io/news-digest/") for i in items)
    assert "<url>None</url>" not in (built_site.site / "feed_rss_created.xml").read_text(encoding="utf-8")
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.github.io/news-digest/2024/08/19/" in sitemap
    assert (built_site.site / "404.html").exists()


def _links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    found = []
    for tag in soup.find_all(True):
        for attr in ("href", "src"):
            value = tag.get(attr)
            if value:
                found.append(value)
    return found


def test_every_internal_link_and_asset_resolves_under_the_repository_subpath(built_site: BuiltSite, site_url: str):
    origin = urlsplit(site_url)
    checked: dict[str, int] = {}

    def status(url: str) -> int:
        if url not in checked:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    checked[url] = response.status
            except urllib.error.HTTPError as exc:
                checked[url] = exc.code
        return checked[url]

    pages = built_site.pages()
    bad = []
    for path in pages:
        rel = path.relative_to(built_site.site).as_posix()
        # GitHub Pages serves 404.html for any missing address: resolve it from deep inside
        page_url = urljoin(site_url, "some/missing/page/" if rel == "404.html" else rel)
        for link in _links(path.read_text(encoding="utf-8")):
            target = urljoin(page_url, link)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin.netloc:
                continue  # the original article, other sites, mailto:, data:
            if not parts.path.startswith(SUBPATH):
                bad.append((rel, link, "outside the subpath"))
            elif status(target.split("#")[0]) != 200:
                bad.append((rel, link, checked[target.split("#")[0]]))
    assert not bad, bad[:20]
    assert len(checked) > 20


def test_front_matter_is_escaped_everywhere(markup_site: BuiltSite):
    """A headline or caption holding markup stays text on every page and the feed
    (the search box prints results as text: test_browser.py)."""
    site = markup_site.site
    for path in [*site.rglob("*.html"), *site.rglob("*.xml")]:
        html = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "<img src=y" not in html, path
        assert "\\u003cscript\\u003ealert" not in html, path
    article = next(site.glob("2024/08/19/*/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;img src=y onerror=alert(2)&gt;" in article


def test_a_bad_dump_is_one_error_line_and_the_rest_builds(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "broken.txt").write_bytes(b"")
    proc = mkdocs("build", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "broken.txt: empty file" in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert SEED_HEADLINE in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_pages_workflow_builds_strict_and_deploys_with_the_pages_actions():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    uses = " ".join(s.get("uses", "") for s in steps)
    runs = " ".join(s.get("run", "") for s in steps)
    assert "actions/upload-pages-artifact@" in uses and "actions/deploy-pages@" in uses
    assert "mkdocs build --strict" in runs
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_a_story_dropped_twice_is_one_page_and_a_note_not_a_failed_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    seed = project / "content" / "dumps" / "2024-08-19-blinken-israel.txt"
    (project / "content" / "2024-08-19-blinken-again.txt").write_bytes(seed.read_bytes())
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stderr.splitlines() if "2024-08-19-blinken-again.txt" in line]
    assert len(notes) == 1 and "dumps/2024-08-19-blinken-israel.txt" in notes[0]
    assert len(list((project / "site" / "2024" / "08" / "19").iterdir())) == 1
