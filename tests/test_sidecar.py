"""The curator's sidecar beside a dump: its values win, its note leads, and it never freezes the article.

A sidecar `NAME.md` beside `NAME.txt` corrects what the converter got
wrong without editing the converted article, so a later, better
conversion of the same dump still reaches the site. A mistake in one (a
value of the wrong kind, a sidecar whose dump is gone) is one line
naming the file, never a crash.
"""
from __future__ import annotations

from pathlib import Path

import frontmatter

from converter.convert import convert
from test_curator_files import digest, dump

SIDECAR = """---
headline: The council's budget, explained
date: 2024-05-07T08:30:00+02:00
section: Local politics
byline: [Ada Curator]
contributors: Ben Helper
credit: Photo by the curator
tags: [budget, council]
order: 2
---
Why it matters: **the bridge** waits another year. [The plan](https://example.org/plan).
"""


def article_of(content: Path) -> frontmatter.Post:
    [path] = sorted((content / "posts").glob("*.md"))
    return frontmatter.load(path)


def test_sidecar_values_win_and_the_rest_comes_from_the_dump(tmp_path: Path):
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    convert(content)
    plain = article_of(content)
    source.with_suffix(".md").write_text(SIDECAR, encoding="utf-8")
    report = convert(content)
    assert not report.errors and not report.curator
    post = article_of(content)
    assert post["headline"] == "The council's budget, explained" and post["title"] == "The council’s budget, explained"
    assert post["date_source"] == "curator" and post["display"]["dateline"].startswith("Tuesday, May 7, 2024, 8:30 a.m.")
    assert post["section"] == "Local politics" and post["categories"] == ["Local politics"]
    assert post["byline"] == ["Ada Curator"] and post["contributors"] == ["Ben Helper"]
    assert post["credit"] == "Photo by the curator" and post["tags"] == ["budget", "council"] and post["order"] == 2
    assert post["summary"] == plain["summary"]  # what the sidecar does not say still comes from the dump
    assert post["display"]["edition"] == "2024-05-07"
    # the note leads the body, set apart and labelled as the curator's; then the publisher's text, unchanged
    assert post.content.startswith('<aside class="digest-note" aria-label="Curator\'s note" markdown>')
    assert "Why it matters: **the bridge**" in post.content
    assert post.content.endswith(plain.content)
    assert '<strong>the bridge</strong>' in post["display"]["note_html"]

    source.with_suffix(".md").unlink()  # without the sidecar the converter's values are back
    convert(content)
    assert article_of(content).content == plain.content and article_of(content)["headline"] == plain["headline"]


def test_a_better_conversion_still_reaches_an_article_with_a_sidecar(tmp_path: Path):
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    source.with_suffix(".md").write_text("---\nheadline: Budget, corrected\n---\n", encoding="utf-8")
    convert(content)
    source.write_text(source.read_text(encoding="utf-8") + "\nA paragraph the page added after the vote, "
                      "long enough to count as the article's own text.\n", encoding="utf-8")
    report = convert(content)
    assert report.written and not report.kept_edits
    post = article_of(content)
    assert post["headline"] == "Budget, corrected" and "A paragraph the page added" in post.content


def test_hide_takes_the_story_off_the_site_and_back(tmp_path: Path):
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    dump(content, "dumps/2024-05-06-ferry.txt", "Ferry timetable changes for summer")
    convert(content)
    source.with_suffix(".md").write_text("---\nhide: true\n---\n", encoding="utf-8")
    report = convert(content)
    assert report.hidden == ["dumps/2024-05-06-budget.txt"]
    assert [p.stem for p in (content / "posts").glob("*.md")] == ["ferry-timetable-changes-for-summer"]
    source.with_suffix(".md").write_text("---\nhide: false\n---\n", encoding="utf-8")
    convert(content)
    assert len(list((content / "posts").glob("*.md"))) == 2


def test_sidecar_mistakes_are_one_line_each_and_the_rest_applies(tmp_path: Path):
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    source.with_suffix(".md").write_text("---\nheadline: Fixed headline\norder: first\ndate: yesterday\n"
                                         "colour: red\n---\nA note.\n", encoding="utf-8")
    (content / "dumps" / "2024-05-01-gone.md").write_text("---\nheadline: Its dump was renamed\n---\nA note.\n",
                                                          encoding="utf-8")
    (content / "dumps" / "broken.txt.md").write_text("---\nheadline: [unclosed\n---\n", encoding="utf-8")
    proc = digest("convert", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # every dump converted; the curator is told, the build goes on
    lines = proc.stderr.splitlines()
    assert "warning: dumps/2024-05-06-budget.md: `order` must be a whole number; ignored" in lines
    assert any(line.startswith("warning: dumps/2024-05-06-budget.md: `date` must be a date") for line in lines)
    assert "warning: dumps/2024-05-06-budget.md: `colour` is not a field a sidecar sets; ignored" in lines
    assert ("warning: dumps/2024-05-01-gone.md: a sidecar with no dump beside it "
            "(no 2024-05-01-gone.txt, .html or .htm); not used") in lines
    assert "Traceback" not in proc.stderr
    post = article_of(content)
    assert post["headline"] == "Fixed headline" and "order" not in post.metadata and "A note." in post.content


def test_a_sidecar_linking_out_of_content_is_not_read(tmp_path: Path):
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    secret = tmp_path / "secret.md"
    secret.write_text("---\nheadline: Leaked\n---\nprivate words\n", encoding="utf-8")
    source.with_suffix(".md").symlink_to(secret)
    report = convert(content)
    assert report.curator == ["dumps/2024-05-06-budget.md: links to a file outside content/; not read"]
    post = article_of(content)
    assert post["headline"] == "Budget passes after a long night" and "private words" not in post.content


def test_a_sidecar_beside_the_copy_not_published_says_where_it_belongs(tmp_path: Path):
    """The same page saved twice (two dumps) is one article: a sidecar beside the other copy says so."""
    content = tmp_path / "content"
    kept = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    copy = content / "dumps" / "2024-05-06-zz-copy.txt"  # sorts after it: the other one is published
    copy.write_bytes(kept.read_bytes())
    copy.with_suffix(".md").write_text("---\nheadline: Corrected\n---\n", encoding="utf-8")
    report = convert(content)
    assert report.curator == ["dumps/2024-05-06-zz-copy.md: not used: dumps/2024-05-06-zz-copy.txt is "
                              "same text as dumps/2024-05-06-budget.txt, which is published; put the sidecar "
                              "beside dumps/2024-05-06-budget.txt"]


def test_a_sidecar_that_yaml_cannot_build_is_one_line_and_never_stops_the_others(tmp_path: Path):
    """An impossible date, an alias bomb, deep nesting or a bad tag: never a traceback, never a hang."""
    content = tmp_path / "content"
    typo = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    typo.with_suffix(".md").write_text("---\nheadline: Fixed headline\ndate: 2024-13-01 09:00:00\n---\nA note.\n",
                                       encoding="utf-8")
    names = ", ".join(["*who"] * 60_000)
    hostile = {
        "2024-05-07-ferry": f"---\nwho: &who \"{'Ferry Person ' * 4000}\"\ncontributors: [{names}]\n---\n",
        "2024-05-08-bridge": "---\ntags: " + "{a: " * 20_000 + "b" + "}" * 20_000 + "\n---\n",
        "2024-05-09-market": "---\norder: !!float many\n---\n",
    }
    for stem, text in hostile.items():
        dump(content, f"dumps/{stem}.txt", f"{stem.split('-')[-1].title()} story of the day")
        (content / "dumps" / f"{stem}.md").write_text(text, encoding="utf-8")
    proc = digest("convert", cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.splitlines()
    assert any(line.startswith("warning: dumps/2024-05-06-budget.md: `date` must be a date") for line in lines)
    for stem in hostile:
        assert any(line.startswith(f"warning: dumps/{stem}.md: its front matter is not YAML") for line in lines), stem
    posts = sorted((content / "posts").glob("*.md"))
    assert len(posts) == 4  # every dump is an article
    [budget] = [post for post in map(frontmatter.load, posts) if post["headline"] == "Fixed headline"]
    assert budget["date_source"] != "curator" and "A note." in budget.content  # the rest of that sidecar applies
    assert all(path.stat().st_size < 100_000 for path in posts)  # no name list expanded from an alias


def test_markdown_nested_too_deep_to_render_is_one_line_and_the_rest_applies(tmp_path: Path):
    """Python-Markdown recurses per nested list or block: a note or introduction a few KB long
    could stop digest convert (and the site build) with RecursionError."""
    content = tmp_path / "content"
    source = dump(content, "dumps/2024-05-06-budget.txt", "Budget passes after a long night")
    dump(content, "dumps/2024-05-06-ferry.txt", "Ferry timetable changes for summer")
    source.with_suffix(".md").write_text("---\nheadline: Fixed headline\n---\n" + "1. " * 800 + "deep\n",
                                         encoding="utf-8")
    intro = content / "editions" / "2024-05-06.md"
    intro.parent.mkdir(parents=True)
    intro.write_text("<section markdown>\n" * 600 + "Welcome\n" + "</section>\n" * 600, encoding="utf-8")
    proc = digest("convert", cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = proc.stderr.splitlines()
    assert ("warning: dumps/2024-05-06-budget.md: the note: its Markdown nests lists, quotes or blocks "
            "too deeply to render; not used") in lines
    assert any(line.startswith("warning: editions/2024-05-06.md: its Markdown nests") for line in lines)
    posts = [frontmatter.load(path) for path in sorted((content / "posts").glob("*.md"))]
    assert sorted(post["headline"] for post in posts) == ["Ferry timetable changes for summer", "Fixed headline"]
    assert all("deep" not in post.content and "note" not in post.metadata for post in posts)
    edition = (content / "editions" / "2024-05-06" / "index.md").read_text(encoding="utf-8")
    assert "Fixed headline" in edition and "Welcome" not in edition


def test_a_page_saved_as_index_never_takes_the_folders_own_page_as_its_sidecar(tmp_path: Path):
    """A browser names a saved page after its title: a page titled "index" becomes index.html, beside
    the curator's index.md. That page is the folder's (MkDocs'), neither a note on the dump nor hidden."""
    from types import SimpleNamespace

    from converter.plugin.published_files import unpublished

    content = tmp_path / "content"
    source = dump(content, "guides/index.txt", "Budget passes after a long night")
    page = content / "guides" / "index.md"
    page.write_text("# Our guides\n\nHow we pick the stories.\n", encoding="utf-8")
    report = convert(content)
    assert not report.errors and not report.curator
    post = article_of(content)
    assert "note" not in post.metadata and "Our guides" not in post.content
    files = [SimpleNamespace(abs_src_path=str(path)) for path in sorted(content.rglob("*")) if path.is_file()]
    assert page not in {Path(file.abs_src_path) for file, _ in unpublished(files, content)}
