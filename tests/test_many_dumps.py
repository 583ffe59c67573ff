"""Many dumps: parallel conversion gives the same bytes; names stay inside posts/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPUS

from converter.convert import convert


def corpus_dumps(limit: int) -> list[Path]:
    folder = CORPUS / "text"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    return sorted(folder.glob("*.txt"))[:limit]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_parallel_conversion_writes_the_same_articles_as_serial(tmp_path: Path):
    dumps = corpus_dumps(40)
    results = []
    for workers in (1, 2):
        content = tmp_path / f"w{workers}" / "content"
        content.mkdir(parents=True)
        for dump in dumps:
            shutil.copyfile(dump, content / f"2019-11-20-{dump.name}")
        report = convert(content, workers=workers)
        assert len(report.written) + len(report.errors) + len(report.duplicates) == len(dumps)
        results.append(tree(content / "posts"))
        again = convert(content, workers=workers)
        assert not again.written, "a second run with nothing changed rewrote articles"
    assert results[0] == results[1]
    assert len(results[0]) >= 35


@pytest.mark.parametrize("headline", [
    "../../../etc/passwd is where this headline wants to go",
    "/absolute/path/headline that starts at the root",
    "..\\..\\windows\\system32 and a Windows path in the headline",
    "Ünïcödé ñame — 東京の ニュース that is not Latin at all",
    "東京の ニュース 東京の ニュース 東京の ニュース",
    "Extraordinarily " * 10 + "long",
])
def test_no_headline_makes_the_tool_write_outside_posts(tmp_path: Path, headline: str):
    content = tmp_path / "content"
    content.mkdir()
    body = ("This is the first paragraph of a story that is long enough to be read as the body of an article.\n\n"
            "And this is the second paragraph, which is also long enough to count as running text here.\n")
    (content / "dump.txt").write_text(f"{headline}\n\n{body}", encoding="utf-8")
    report = convert(content)
    assert not report.errors, report.errors
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".md"]
    pages = [p for p in written if p.relative_to(content).parts[0] == "editions"]  # the edition pages
    written = [p for p in written if p not in pages]
    assert len(written) == 1 and pages and all(p.is_relative_to(content / "editions") for p in pages)
    article = written[0]
    assert article.parent == content / "posts"
    assert len(article.name) <= 100 and article.stem.isascii()
    assert article.stem.lower() not in {"con", "nul"}


@pytest.mark.parametrize("text", ["CON", "nul", "com1", "LPT9", "", "!!!", "..", "東京"])
def test_slugs_are_never_reserved_empty_or_dots(text: str):
    from converter.slugs import make_slug

    slug = make_slug(text, fallback_seed="dump.txt")
    assert slug and slug.isascii() and slug not in {".", ".."}
    assert slug.split("-")[0].lower() not in {"con", "nul", "com1", "lpt9"} or "-" in slug
    assert all(ch.isalnum() or ch == "-" for ch in slug)


@pytest.mark.parametrize("name", [
    "CON.txt",
    "nul.txt",
    "東京のニュース記事.txt",
    "a name with spaces, 'quotes' and \"double quotes\".txt",
    "new\nline.txt",
    "colon: and # hash.txt",
    ("x" * 240) + ".txt",
])
def test_any_dump_file_name_stays_inside_posts_and_round_trips(tmp_path: Path, name: str):
    import frontmatter

    content = tmp_path / "content"
    content.mkdir()
    body = ("A council votes on the budget after a long night\n\n"
            "This is the first paragraph of a story that is long enough to be read as the body of an article.\n\n"
            "And this is the second paragraph, which is also long enough to count as running text here.\n")
    (content / name).write_text(body, encoding="utf-8")
    report = convert(content)
    assert not report.errors, report.errors
    written = [p for p in tmp_path.rglob("*.md") if not p.is_relative_to(content / "editions")]
    assert [p.parent for p in written] == [content / "posts"]
    assert frontmatter.load(written[0])["source"]["path"] == name
