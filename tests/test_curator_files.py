"""The output folder: the curator's files are never lost, and writing fails in one line.

Whatever the converter cannot prove it wrote, unchanged (a valid checksum),
is the curator's: an article re-saved in another encoding, an article
whose front matter was cut down, a page of their own that happens to have
the name a new headline gives. It is never written over or removed; the
converter picks another name and says so in one line. Front matter is read
as YAML from the front-matter block only, so body text never counts as a
field.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import frontmatter

from conftest import ROOT

from converter.convert import convert

PARAGRAPHS = ("The council met until after midnight to settle the spending plan for the coming year, and "
              "the vote was closer than anyone had predicted when the session opened.\n\n"
              "Members argued over the cost of repairing two bridges and the library roof before a "
              "compromise that delays one of the bridges by a year won the day.\n")


def dump(content: Path, name: str, headline: str, extra: str = "") -> Path:
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    story = PARAGRAPHS.replace("council", headline.split()[0].lower()).replace("Members", f"{headline} members")
    path.write_text(f"{headline}\n\nBy Lee Writer\n\n{story}{extra}", encoding="utf-8")
    return path


def digest(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, **kwargs)


def test_an_article_resaved_as_latin1_or_cut_down_is_never_overwritten(tmp_path: Path):
    content = tmp_path / "content"
    first = dump(content, "2024-05-06-budget.txt", "Budget passes after a long night")
    second = dump(content, "2024-05-07-ferry.txt", "Ferry timetable changes for summer")
    convert(content)
    posts = content / "posts"
    budget, ferry = posts / "budget-passes-after-a-long-night.md", posts / "ferry-timetable-changes-for-summer.md"
    resaved = budget.read_text(encoding="utf-8").replace("Lee Writer", "Lee Writer, Zürich").encode("latin-1")
    budget.write_bytes(resaved)
    cut = frontmatter.loads(ferry.read_text(encoding="utf-8"))
    for field in ("source", "generated", "converter"):
        del cut.metadata[field]
    ferry.write_text(frontmatter.dumps(cut), encoding="utf-8")
    cut_text = ferry.read_bytes()
    for path in (first, second):  # both dumps change: both would be rewritten if they were the converter's
        path.write_text(path.read_text(encoding="utf-8") + "\nA late paragraph the page added after the vote was taken, long enough to count.\n",
                        encoding="utf-8")
    proc = digest("convert", str(content), cwd=tmp_path)
    assert budget.read_bytes() == resaved and ferry.read_bytes() == cut_text
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert any("ferry-timetable-changes-for-summer.md: kept your file" in line for line in warnings), proc.stderr
    assert any("budget-passes-after-a-long-night.md: kept your edits" in line for line in warnings), proc.stderr
    assert sorted(p.name for p in posts.glob("*.md")) == sorted(
        [budget.name, ferry.name, next(p.name for p in posts.glob("ferry-timetable-changes-for-summer-*.md"))])


def test_a_curators_own_page_keeps_its_name_and_the_new_dump_takes_another(tmp_path: Path):
    content = tmp_path / "content"
    posts = content / "posts"
    posts.mkdir(parents=True)
    own = posts / "council-opens-new-library-wing.md"
    own.write_text("# My notes on the library\n\nWritten by hand, no front matter at all.\n", encoding="utf-8")
    dump(content, "2024-05-08-library.txt", "Council opens new library wing")
    proc = digest("convert", str(content), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert own.read_text(encoding="utf-8").startswith("# My notes on the library")
    notes = [line for line in proc.stderr.splitlines() if "kept your file" in line]
    assert len(notes) == 1 and "council-opens-new-library-wing-" in notes[0], proc.stderr
    again = digest("convert", str(content), cwd=tmp_path)
    assert "0 written" in again.stderr and "0 removed" in again.stderr, again.stderr
    assert len(list(posts.glob("*.md"))) == 2


def test_a_body_line_shaped_like_a_field_is_only_text(tmp_path: Path):
    content = tmp_path / "content"
    url = "https://news.example.org/2024/05/09/tram-strike"
    dump(content, "2024-05-09-notes.txt", "Reader letters on the week's news", extra=f"\nurl: {url}\n\nconverter: 0\n")
    (content / "2024-05-09-tram.html").write_text(
        f"<html><head><title>Tram strike called off</title><link rel=canonical href='{url}'></head><body>"
        "<article><h1>Tram strike called off</h1><p>The drivers' union called off Friday's strike after a late offer "
        "on pay and rest breaks, the city's transport authority said on Thursday evening.</p><p>Trams will run to "
        "the normal timetable, with extra services in the evening to clear the backlog of passengers.</p></article>"
        "</body></html>", encoding="utf-8")
    for _ in range(2):  # the second run reads the first run's articles back
        report = convert(content)
        assert not report.duplicates and not report.errors
        assert len(list((content / "posts").glob("*.md"))) == 2


def test_convert_of_a_dump_or_folder_writes_the_content_folders_posts(tmp_path: Path):
    content = tmp_path / "content"
    one = dump(content / "dumps", "2024-05-10-one.txt", "Harbour bridge reopens to traffic")
    dump(content / "dumps" / "more", "2024-05-10-two.txt", "Night market returns to the square")
    assert digest("convert", "content/dumps/2024-05-10-one.txt", cwd=tmp_path).returncode == 0
    assert digest("convert", str(content / "dumps" / "more"), cwd=Path("/")).returncode == 0
    assert digest("convert", str(one), cwd=content / "dumps").returncode == 0
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md")) == [
        "posts/harbour-bridge-reopens-to-traffic.md", "posts/night-market-returns-to-the-square.md"]


def test_a_failed_write_is_one_line_and_the_mode_follows_the_umask(tmp_path: Path):
    content = tmp_path / "content"
    for n, place in enumerate(["Valley", "Harbour", "Market"]):
        dump(content, f"2024-05-1{n}-story.txt", f"{place} story about the rail line")

    def small_files():  # the disk "fills up" after a few hundred bytes
        resource.setrlimit(resource.RLIMIT_FSIZE, (600, 600))

    proc = digest("convert", str(content), cwd=tmp_path, preexec_fn=small_files)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and all("cannot write" in line and "story-about-the-rail-line.md (File too large)" in line for line in errors), proc.stderr
    assert not list((content / "posts").glob("*.md"))
    (content / "posts").rmdir()
    (content / "posts").write_text("a file where the folder should be", encoding="utf-8")
    proc = digest("convert", str(content), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.startswith("error:")]) == 3, proc.stderr
    (content / "posts").unlink()
    old = os.umask(0o027)
    try:
        proc = digest("convert", str(content), cwd=tmp_path)
    finally:
        os.umask(old)
    assert {p.stat().st_mode & 0o777 for p in (content / "posts").glob("*.md")} == {0o640}


def test_a_curators_page_with_odd_field_types_does_not_stop_the_build(tmp_path: Path):
    """A hand-written post whose `url` or image `url` is a list (not the string the converter
    writes) once stopped the whole site with a template traceback (`'list object' has no
    attribute 'startswith'`); it is shown without the link instead."""
    from conftest import copy_project, mkdocs

    project = copy_project(tmp_path / "project")
    posts = project / "content" / "posts"
    posts.mkdir()
    (posts / "my-own-post.md").write_text(
        "---\ntitle: My own post\ndate: 2024-04-04\nurl: [https://example.com/a, https://example.com/b]\n"
        "image: {url: [https://example.com/a.jpg], caption: A caption}\n---\n\nMy own words.\n", encoding="utf-8")
    proc = mkdocs("build", "--site-dir", str(project / "site"), cwd=project)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    page = next((project / "site" / "2024" / "04" / "04").glob("*/index.html")).read_text(encoding="utf-8")
    assert "My own words." in page and "Read the original article" not in page
