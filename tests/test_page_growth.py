"""No page of the digest grows with the number of articles.

Two digests over the same months, one ten times the other (30 and 300
generated stories): an article page, the front page and a month page weigh
the same in both, lists show one page of stories and link to the rest, and
no page carries a list of every article in its navigation.
"""
from __future__ import annotations

import shutil
import statistics
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs

sys.path.insert(0, str(ROOT))
from bench.dumps import text_dump  # noqa: E402

PER_PAGE = 20  # pagination_per_page in mkdocs.yml


def build_digest(where: Path, stories: list[int]) -> Path:
    where.mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "theme_overrides", where / "theme_overrides")
    content = where / "content"
    (content / "dumps").mkdir(parents=True)
    shutil.copyfile(ROOT / "content" / "index.md", content / "index.md")
    for i in stories:
        (content / "dumps" / f"story-{i:05d}.txt").write_text(text_dump(i), encoding="utf-8")
    proc = mkdocs("build", "--strict", "--site-dir", str(where / "site"), cwd=where)
    assert proc.returncode == 0, proc.stderr
    return where / "site"


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory):
    root = tmp_path_factory.mktemp("growth")
    # the same days (one story in ten), so both span the same months
    return build_digest(root / "small", list(range(0, 300, 10))), build_digest(root / "large", list(range(300)))


def kb(path: Path) -> float:
    return path.stat().st_size / 1024


def article_pages(site: Path) -> list[Path]:
    return sorted(site.glob("20*/*/*/*/index.html"))


def test_an_article_page_weighs_the_same_with_ten_times_the_articles(small_and_large):
    small, large = small_and_large
    assert len(article_pages(small)) == 30 and len(article_pages(large)) == 300
    median_small = statistics.median(kb(p) for p in article_pages(small))
    median_large = statistics.median(kb(p) for p in article_pages(large))
    assert median_large <= median_small * 1.05, (median_small, median_large)


def test_list_pages_show_one_page_of_stories_and_weigh_the_same(small_and_large):
    small, large = small_and_large
    for rel in ("index.html", "archive/2024/03/index.html"):
        soup = BeautifulSoup((large / rel).read_text(encoding="utf-8"), "lxml")
        assert len(soup.select(".digest-item")) == PER_PAGE, rel
        assert soup.select(".md-pagination a"), rel  # the rest is on further pages
    assert kb(large / "index.html") <= kb(small / "index.html") * 1.5
    pages = list((large / "page").glob("*/index.html"))
    assert len(pages) == 300 // PER_PAGE - 1


def test_no_page_links_every_article(small_and_large):
    _, large = small_and_large
    article_urls = {p.parent.relative_to(large).as_posix() for p in article_pages(large)}
    for page in [large / "index.html", article_pages(large)[0], large / "404.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        linked = {a["href"].strip("./").split("#")[0] for a in soup.select("a[href]")}
        hits = {u for u in article_urls if any(h.endswith(u) for h in linked)}
        assert len(hits) <= PER_PAGE, (page, len(hits))
