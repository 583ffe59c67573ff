"""The curator's voice on the built sample site: the note where readers meet the story, and editions.

The sample content ships a sidecar with a note (the Sondland testimony,
`order: 1`) and an introduction for the edition of November 20, 2019; the
shared build (conftest.built_site) is what these tests read.
"""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
from bs4 import BeautifulSoup

from conftest import MARKUP_HEADLINE, BuiltSite, copy_project, mkdocs
from converter.convert import convert
from converter.editions.email import EMAIL_MAX_BYTES, email_html
from converter.editions.model import Edition, Story
from test_curator_files import digest, dump

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


# --- editions ----------------------------------------------------------------

EDITION_KEYS = ["2019-11-13", "2019-11-14", "2019-11-18", "2019-11-19", "2019-11-20", "2024-08-19"]  # the samples' days
INTRO_WORDS = "A day of testimony in Washington"


def edition_page(site: Path, key: str) -> BeautifulSoup:
    return soup_of(site / "editions" / key / "index.html")


def resolves(site: Path, page: Path, href: str) -> bool:
    target = (page.parent / href).resolve()
    return (target / "index.html").is_file() or target.is_file()


def test_each_day_with_stories_has_an_edition_in_the_curators_order(built_site: BuiltSite):
    site = built_site.site
    assert sorted(p.name for p in (site / "editions").iterdir() if p.is_dir()) == EDITION_KEYS
    page = edition_page(site, "2019-11-20")
    assert page.select_one("h1").get_text(strip=True).rstrip("¶") == "Wednesday, November 20, 2019"
    stories = page.select(".digest-edition__story")
    headlines = [s.select_one("h2 a").get_text(strip=True) for s in stories]
    # order: 1 from the sample sidecar first; then the newest (by the instant, zones counted)
    assert headlines == [NOTED_HEADLINE,
                         "Star Wars Jedi: Fallen Order review – shoots for the moon, lands among the stars",
                         "World Community Lashes Out at US for No Longer Considering Israeli Settlements Illegal",
                         "Impeachment sham completely debunked: White House"]
    first = stories[0]
    assert "By Lisa Mascaro, Mary Clare Jalonick and Eric Tucker" in first.select_one(".digest-edition__meta").text
    assert NOTE_WORDS in first.select_one(".digest-note").get_text(" ", strip=True)
    assert first.select_one(".digest-edition__lede").get_text().startswith("WASHINGTON (AP)")
    for story in stories:  # each headline opens its article
        href = story.select_one("h2 a")["href"]
        assert href.startswith("../../2019/11/20/") and resolves(site, site / "editions/2019-11-20/index.html", href)


def test_the_days_introduction_leads_its_edition_and_is_no_page_of_its_own(built_site: BuiltSite):
    site = built_site.site
    intro = edition_page(site, "2019-11-20").select_one(".digest-edition__intro")
    assert intro.get_text(" ", strip=True).startswith(INTRO_WORDS) and intro.select_one("em").text == "quid pro quo"
    assert not edition_page(site, "2019-11-19").select(".digest-edition__intro")
    with_intro = [p for p in site.rglob("index.html") if INTRO_WORDS in p.read_text(encoding="utf-8")]
    assert with_intro == [site / "editions/2019-11-20/index.html"]


def test_editions_link_to_their_neighbours_and_the_index(built_site: BuiltSite):
    site = built_site.site
    for at, key in enumerate(EDITION_KEYS):
        nav = edition_page(site, key).select_one(".digest-edition__nav")
        prev, nxt = nav.select_one('a[rel="prev"]'), nav.select_one('a[rel="next"]')
        assert (prev["href"] if prev else None) == (f"../{EDITION_KEYS[at - 1]}/" if at else None)
        assert (nxt["href"] if nxt else None) == (f"../{EDITION_KEYS[at + 1]}/" if at + 1 < len(EDITION_KEYS) else None)
        assert nav.find("a", string="All editions")["href"] == "../"
    index = soup_of(site / "editions" / "index.html")
    listed = [a["href"] for a in index.select(".digest-editions a")]
    assert listed == [f"{key}/" for key in reversed(EDITION_KEYS)]  # newest first
    assert "4 stories: Unpredictable Sondland" in index.select(".digest-editions li")[1].get_text()


def test_front_page_links_the_latest_edition_and_an_article_its_own(built_site: BuiltSite):
    site = built_site.site
    link = soup_of(site / "index.html").select_one(".digest-edition-link")
    assert link.select_one("a")["href"] == "editions/2024-08-19/"
    assert "Latest edition: Monday, August 19, 2024" in " ".join(link.get_text().split())
    article = noted_article(site)
    href = soup_of(article).select_one(".digest-in-edition a")["href"]
    assert resolves(site, article, href) and href.endswith("editions/2019-11-20/")


def test_edition_pages_stay_out_of_every_pages_menu(built_site: BuiltSite):
    menu = soup_of(built_site.site / "index.html").select_one(".md-nav--primary")
    linked = [a.get("href", "") for a in menu.select("a")]
    assert any(h.rstrip("/").endswith("editions") for h in linked)
    assert not [h for h in linked if "editions/20" in h]


def test_an_edition_prints_markup_in_a_headline_as_text(markup_site: BuiltSite):
    page = edition_page(markup_site.site, "2024-08-19")
    assert page.select_one(".digest-edition__story h2 a").get_text() == MARKUP_HEADLINE
    assert not page.select(".digest-edition__story script, .digest-edition__story img")


def edition_files(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in sorted((content / "editions").rglob("*.md"))}


def test_weekly_editions_group_the_week_and_pages_are_byte_identical_on_every_run(tmp_path: Path):
    content = tmp_path / "content"
    for name, headline in (("2024-05-06-budget.txt", "Budget passes after a long night"),
                           ("2024-05-09-ferry.txt", "Ferry timetable changes for summer"),
                           ("2024-05-13-bridge.txt", "Bridge repairs start on Monday")):
        dump(content, f"dumps/{name}", headline)
    convert(content, editions="weekly")
    pages = edition_files(content)
    assert sorted(pages) == ["editions/2024-W19/index.md", "editions/2024-W20/index.md", "editions/index.md"]
    week = frontmatter.loads(pages["editions/2024-W19/index.md"].decode())
    assert week["edition"] == {"key": "2024-W19", "title": "Week 19, 2024 (May 6\u201312)", "stories": 2,
                               "next": "2024-W20"}
    assert "[Ferry timetable changes for summer](<../../posts/ferry" in week.content
    convert(content, editions="weekly")
    assert edition_files(content) == pages
    copy = tmp_path / "copy" / "content"
    shutil.copytree(content / "dumps", copy / "dumps")
    convert(copy, editions="weekly")
    assert edition_files(copy) == pages  # same dumps, same bytes


def test_edition_pages_follow_the_stories_and_never_overwrite_the_curators_file(tmp_path: Path):
    content = tmp_path / "content"
    budget = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    dump(content, "dumps/2024-05-07-ferry.txt", "Ferry timetable changes for summer")
    convert(content)
    edited = content / "editions" / "2024-05-07" / "index.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMy own words.\n", encoding="utf-8")
    dump(content, "dumps/2024-05-07-bridge.txt", "Bridge repairs start on Monday")
    report = convert(content)
    assert "My own words." in edited.read_text(encoding="utf-8")  # kept, and said so
    assert (edited, "kept your file; the edition page is not rewritten") in report.kept_edits
    budget.unlink()  # the day's only story is gone: so is its edition
    convert(content)
    assert not (content / "editions" / "2024-05-06").exists()
    assert "2024-05-06" not in (content / "editions" / "index.md").read_text(encoding="utf-8")


# --- the edition feeds and emails ---------------------------------------------

SITE_URL = "https://example.github.io/news-digest/"  # mkdocs.yml's default site_url
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def local(site: Path, url: str) -> Path | None:
    """The built file an absolute URL of the site leads to, or None."""
    if not url.startswith(SITE_URL):
        return None
    target = site / url[len(SITE_URL):]
    return target / "index.html" if target.is_dir() else target


def test_edition_feeds_hold_one_item_per_edition_with_its_whole_html(built_site: BuiltSite):
    site = built_site.site
    channel = ET.parse(site / "feed_rss_editions.xml").getroot().find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [f"{SITE_URL}editions/{k}/" for k in reversed(EDITION_KEYS)]
    assert items[1].findtext("title") == "Edition of Wednesday, November 20, 2019"
    assert items[1].findtext("pubDate") == "Wed, 20 Nov 2019 05:52:00 -0500"  # its newest story, not the clock
    html = BeautifulSoup(items[1].findtext(CONTENT), "lxml")
    assert [a.get_text() for a in html.select(".story-headline a")] == [
        s.select_one("h2 a").get_text() for s in edition_page(site, "2019-11-20").select(".digest-edition__story")]
    assert INTRO_WORDS in html.select_one(".intro").get_text() and NOTE_WORDS in html.select_one(".note").get_text()
    for a in html.select("a"):
        assert local(site, a["href"]).is_file(), a["href"]
    feed = json.loads((site / "feed_json_editions.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["url"] for i in feed["items"]] == [i.findtext("link") for i in items]
    assert [i["content_html"] for i in feed["items"]] == [i.findtext(CONTENT) for i in items]
    assert feed["items"][1]["date_published"] == "2019-11-20T05:52:00-05:00"


def test_every_edition_has_an_email_fit_for_mail_clients(built_site: BuiltSite):
    site = built_site.site
    for key in EDITION_KEYS:
        data = (site / "editions" / key / "email.html").read_bytes()
        assert len(data) < 102 * 1024  # Gmail clips larger messages
        soup = BeautifulSoup(data, "lxml")
        assert not soup.select("script") and not soup.select('link[rel="stylesheet"], link')
        assert "@font-face" not in data.decode() and "@import" not in data.decode()
        assert soup.select_one("table.frame")["width"] == "600" and "width: 600px" in soup.select_one("table.frame")["style"]
        for node in soup.select("[href], [src]"):
            url = node.get("href") or node.get("src")
            assert url.startswith(SITE_URL) and local(site, url).is_file(), url
        for img in soup.select("img"):
            assert img.get("alt"), img
        for story in soup.select(".story-headline a"):  # the CSS is inlined: clients drop <style>
            assert "color: #1f1f1f" in story["style"]
    text = (site / "editions" / "2019-11-20" / "email.txt").read_text(encoding="utf-8")
    assert text.startswith("NEWS DIGEST\nEdition of Wednesday, November 20, 2019\n" + SITE_URL + "editions/2019-11-20/\n")
    assert "1. Unpredictable Sondland faces questions about Trump, Ukraine" in text
    assert "   Curator's note: Why it matters: the first witness" in text
    assert f"   {SITE_URL}2019/11/20/unpredictable-sondland-faces-questions-about-trump-ukraine/" in text
    assert "<" not in text and max(len(line) for line in text.splitlines() if "://" not in line) <= 72


def test_digest_edition_prints_the_email_and_text_the_site_publishes(built_site: BuiltSite):
    for fmt, name in (("email", "email.html"), ("text", "email.txt")):
        proc = digest("edition", "2019-11-20", "--format", fmt, cwd=built_site.project)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == (built_site.site / "editions" / "2019-11-20" / name).read_text(encoding="utf-8")
    missing = digest("edition", "2019-11-21", cwd=built_site.project)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no edition 2019-11-21 (the latest: ")


def test_feeds_and_emails_are_the_same_bytes_from_zensicals_build(built_site: BuiltSite, zensical_site: BuiltSite):
    names = ["feed_rss_editions.xml", "feed_json_editions.json"]
    names += [f"editions/{k}/{n}" for k in EDITION_KEYS for n in ("email.html", "email.txt")]
    for name in names:
        assert (zensical_site.site / name).read_bytes() == (built_site.site / name).read_bytes(), name


def test_an_edition_too_long_for_one_email_shows_its_first_stories_and_links_the_rest():
    stories = [Story(file=f"s{i}.md", headline=f"Story number {i} " + "word " * 12, day="2024-05-06",
                     datetime="2024-05-06", lede="A lede long enough to weigh something. " * 12,
                     url_path=f"2024/05/06/s{i}/") for i in range(400)]
    html = email_html(Edition("2024-05-06", "Monday, May 6, 2024", stories), SITE_URL, "News Digest")
    assert len(html.encode()) <= EMAIL_MAX_BYTES
    soup = BeautifulSoup(html, "lxml")
    shown = len(soup.select(".story"))
    assert 10 < shown < 400 and f"{400 - shown} more stories in this edition on the web" in soup.get_text()


def test_an_email_prints_markup_from_a_dump_as_text(markup_site: BuiltSite):
    soup = BeautifulSoup((markup_site.site / "editions/2024-08-19/email.html").read_bytes(), "lxml")
    assert soup.select_one(".story-headline a").get_text() == MARKUP_HEADLINE
    assert not soup.select("script") and not soup.select("img")


def test_an_email_keeps_only_the_sites_own_images_with_alt_text():
    note = ("Seen here ![The route map](maps/route.png), ![](maps/no-alt.png) and "
            "![A pixel](https://tracker.example/p.gif). [About us](../about/).")
    story = Story(file="s.md", headline="A story", day="2024-05-06", datetime="2024-05-06", note=note,
                  url_path="2024/05/06/s/")
    soup = BeautifulSoup(email_html(Edition("2024-05-06", "Monday, May 6, 2024", [story]), SITE_URL, "News Digest"),
                         "lxml")
    assert [(img["src"], img["alt"]) for img in soup.select("img")] == [(SITE_URL + "maps/route.png", "The route map")]
    assert soup.find("a", string="About us")["href"] == "https://example.github.io/about/"


def test_an_edition_folder_linking_out_of_content_is_never_written_through(tmp_path: Path):
    content = tmp_path / "content"
    dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (content / "editions").mkdir()
    (content / "editions" / "2024-05-06").symlink_to(elsewhere, target_is_directory=True)
    report = convert(content)
    assert list(elsewhere.iterdir()) == []
    assert [str(e) for e in report.errors] == ["editions/2024-05-06/: links to a folder outside content/; not read"]
    assert any("links to a folder outside editions/" in note for _, note in report.kept_edits)
    (content / "editions" / "2024-05-06").unlink()
    secret = tmp_path / "secret.md"
    secret.write_text("private words\n", encoding="utf-8")
    (content / "editions" / "2024-05-06.md").symlink_to(secret)  # an introduction linking out is not read
    convert(content)
    assert "private words" not in (content / "editions" / "2024-05-06" / "index.md").read_text(encoding="utf-8")


def test_weekly_editions_from_mkdocs_yml_in_a_build_and_in_digest_convert(tmp_path: Path):
    """`editions: weekly` in the plugin's options: the MkDocs build and `digest convert` (which
    reads mkdocs.yml, for Zensical) both write one edition per ISO week."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - digest\n", "  - digest:\n      editions: weekly\n"),
                      encoding="utf-8")
    shutil.rmtree(project / "content" / "dumps")
    for name, headline in (("2024-05-06-budget.txt", "Budget passes after a long night"),
                           ("2024-05-09-ferry.txt", "Ferry timetable changes for summer")):
        dump(project / "content", f"dumps/{name}", headline)
    (project / "content" / "editions" / "2024-W19.md").write_text("The week in the council.\n", encoding="utf-8")
    proc = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    assert sorted(p.name for p in (site / "editions").iterdir() if p.is_dir()) == ["2024-W19"]
    page = edition_page(site, "2024-W19")
    assert page.select_one("h1").get_text(strip=True).rstrip("¶") == "Week 19, 2024 (May 6\u201312)"
    assert len(page.select(".digest-edition__story")) == 2 and "The week in the council." in page.get_text()
    assert (site / "editions" / "2024-W19" / "email.txt").read_text(encoding="utf-8").startswith("NEWS DIGEST\nEdition of Week 19")
    shutil.rmtree(project / "content" / "editions" / "2024-W19")
    assert digest("convert", "--quiet", cwd=project).returncode == 0
    assert (project / "content" / "editions" / "2024-W19" / "index.md").is_file()


def test_a_hand_edited_day_that_is_no_date_leaves_the_story_out_of_editions_and_stops_nothing(tmp_path: Path):
    content = tmp_path / "content"
    dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    dump(content, "dumps/2024-05-06-ferry.txt", "Ferry timetable changes for summer")
    convert(content)
    edited = content / "posts" / "ferry-timetable-changes-for-summer.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("  day: '2024-05-06'", "  day: 2024/05/06"), encoding="utf-8")
    proc = digest("convert", cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    page = (content / "editions" / "2024-05-06" / "index.md").read_text(encoding="utf-8")
    assert "Budget passes after a long night" in page and "Ferry timetable" not in page
    assert "2024/05/06" in edited.read_text(encoding="utf-8")  # the curator's edit is kept


def test_a_digest_without_editions_has_the_same_edition_feed_on_every_build(tmp_path: Path):
    """feedgen dates a feed by the clock unless told otherwise: a digest with no dated story yet
    must still build byte-identical feeds."""
    import time

    from converter.editions.publish import publish_editions

    first, second = tmp_path / "first", tmp_path / "second"
    publish_editions(first, [], "https://digest.example/", "Digest")
    time.sleep(1.01 - time.time() % 1)  # into the next second of the clock (feeds date to the second)
    publish_editions(second, [], "https://digest.example/", "Digest")
    for name in ("feed_rss_editions.xml", "feed_json_editions.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_story_in_the_last_week_of_the_calendar_stops_no_weekly_build(tmp_path: Path):
    """Week 52 of 9999 ends in the year 10000, which Python's dates cannot hold."""
    content = tmp_path / "content"
    far = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    dump(content, "dumps/2024-05-07-ferry.txt", "Ferry timetable changes for summer")
    far.with_suffix(".md").write_text("---\ndate: 9999-12-29\n---\n", encoding="utf-8")
    report = convert(content, editions="weekly")
    assert not report.errors and len(list((content / "posts").glob("*.md"))) == 2
    page = (content / "editions" / "2024-W19" / "index.md").read_text(encoding="utf-8")
    assert "Ferry timetable changes for summer" in page
    assert [p.name for p in (content / "editions").iterdir() if p.is_dir()] == ["2024-W19"]
