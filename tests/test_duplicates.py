"""The same story twice is one article and a warning; namesakes both survive."""
from __future__ import annotations

from pathlib import Path

import frontmatter

from conftest import SEED

from converter.convert import convert

OTHER_STORY = """A city council approves its budget after a long night

Published Aug. 19, 2024

The city council voted early on Monday to approve a budget that had divided members for months, ending a session that ran past three in the morning.

Council members said the compromise would protect library hours while delaying two road projects until the next fiscal year begins.
"""


def articles(content: Path) -> list[Path]:
    return sorted((content / "posts").glob("*.md"))


def test_same_body_under_two_names_is_one_article_and_a_warning(seed_copy: Path):
    content = seed_copy.parent
    (content / "copy-of-seed.txt").write_bytes(SEED.read_bytes().replace(b"TOP NEWS", b"WORLD"))
    report = convert(content)
    assert len(articles(content)) == 1
    assert len(report.duplicates) == 1
    kept, skipped, why = report.duplicates[0]
    assert {kept, skipped} == {"copy-of-seed.txt", SEED.name} and why == "same text"
    assert any("copy-of-seed.txt" in line and SEED.name in line for line in report.warnings())


def test_same_url_is_one_story(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    url = "https://news.example.com/2024/08/19/council-budget.html"
    (content / "a.txt").write_text(OTHER_STORY + f"\n{url}\n", encoding="utf-8")
    rewritten = OTHER_STORY.replace("early on Monday", "in the small hours of Monday").replace("protect", "keep")
    (content / "b.txt").write_text(rewritten + f"\n{url}?utm_source=share\n", encoding="utf-8")
    report = convert(content)
    assert len(articles(content)) == 1
    assert report.duplicates == [("a.txt", "b.txt", "same URL")]


def test_two_stories_with_one_headline_on_one_day_both_survive(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text(OTHER_STORY, encoding="utf-8")
    other = OTHER_STORY.split("\n\n")[:2] + [
        "In a neighbouring town, a different council passed its own budget with little debate and no late night at all.",
        "Its mayor said the vote took eleven minutes, a record for the town, and thanked the staff for their careful work.",
    ]
    (content / "b.txt").write_text("\n\n".join(other), encoding="utf-8")
    report = convert(content)
    files = articles(content)
    assert len(files) == 2 and not report.duplicates
    slugs = [frontmatter.load(f)["slug"] for f in files]
    assert len(set(slugs)) == 2
    headlines = {frontmatter.load(f)["headline"] for f in files}
    assert headlines == {"A city council approves its budget after a long night"}


def test_file_names_do_not_depend_on_the_order_dumps_arrived(tmp_path: Path):
    def build(order: list[str]) -> list[str]:
        content = tmp_path / "-".join(order) / "content"
        content.mkdir(parents=True)
        for name in order:
            body = OTHER_STORY if name == "a.txt" else OTHER_STORY.replace("council", "board").replace(
                "library hours", "bus routes").replace("road projects", "park repairs")
            # the headline line is the same in both dumps
            body = body.replace("A city board approves", "A city council approves")
            (content / name).write_text(body, encoding="utf-8")
            convert(content)
        return sorted(p.name for p in (content / "posts").glob("*.md"))

    assert build(["a.txt", "b.txt"]) == build(["b.txt", "a.txt"])


def test_text_copy_and_saved_html_of_one_page_are_one_story(tmp_path: Path):
    from conftest import CORPUS, corpus_truth

    truth = {t["domain"]: t for t in corpus_truth()}
    if "theverge.com" not in truth:
        import pytest

        pytest.skip("../shared/corpus is not beside the project")
    page = truth["theverge.com"]["id"]
    content = tmp_path / "content"
    content.mkdir()
    (content / "star-trek.txt").write_bytes((CORPUS / "text" / f"{page}.txt").read_bytes())
    (content / "star-trek-saved.html").write_bytes((CORPUS / "html" / f"{page}.html").read_bytes())
    report = convert(content)
    assert len(articles(content)) == 1
    assert report.duplicates and report.duplicates[0][:2] == ("star-trek-saved.html", "star-trek.txt")
    assert frontmatter.load(articles(content)[0])["source"]["path"] == "star-trek-saved.html"


def test_the_copy_whose_date_is_known_is_the_one_published(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "0-undated-copy.txt").write_bytes(SEED.read_bytes())
    (content / "2024-08-19-blinken.txt").write_bytes(SEED.read_bytes())
    report = convert(content)
    [article] = articles(content)
    post = frontmatter.load(article)
    assert post["source"]["path"] == "2024-08-19-blinken.txt" and str(post["date"]) == "2024-08-19"
    assert report.duplicates[0][:2] == ("2024-08-19-blinken.txt", "0-undated-copy.txt")


def test_an_unchanged_duplicate_is_not_converted_written_and_removed_on_every_run(seed_copy: Path):
    content = seed_copy.parent
    copy = content / "2024-08-19-another-copy.txt"
    copy.write_bytes(SEED.read_bytes() + b"\n")
    (kept, skipped, _), = convert(content).duplicates
    published = {p.name: p.read_bytes() for p in articles(content)}
    for _ in range(2):
        report = convert(content)
        assert not report.written and not report.removed
        assert report.duplicates == [(kept, skipped, "same text")]
        assert {a.name: a.read_bytes() for a in articles(content)} == published
    (content / kept).unlink()  # the published one goes: the duplicate is published in its place
    report = convert(content)
    assert [frontmatter.load(a)["source"]["path"] for a in articles(content)] == [skipped]
    assert not report.duplicates and len(report.written) == 1
