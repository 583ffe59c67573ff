"""Only what lies inside content/ is read or published, and only regular files.

Symlinks out of the content folder (to system files, to prose elsewhere),
devices and FIFOs (which hang a read forever), files far over the size
limit, the folders a "Webpage, Complete" save brings along, files that a
browser would run, and file names that are not UTF-8 or hold a line break:
each gives at most one line naming the file, the rest of the site builds,
and `--strict` fails only for the bad dumps.
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from conftest import ROOT, SEED, copy_project, mkdocs
from converter.image_store import is_image_name

HANG_TIMEOUT = 300  # seconds: a read of a FIFO or /dev/zero would never end
PROSE = ("A story that lives outside the project\n\nBy Nora Outside\nPublished May 2, 2024\n\n"
         + "This prose sits in a folder beside the project and must never be read as a dump. " * 4)
SECRET = "do-not-publish-this-line"
LATIN1_NAME = os.fsdecode(b"2024-05-03-caf\xe9-latin1.txt")
NEWLINE_NAME = "2024-05-04-two\nlines.txt"


def digest(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "converter", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=HANG_TIMEOUT)


def hostile_files(content: Path, outside: Path) -> Path:
    """A folder of files that must be refused or left out, beside one good saved page."""
    folder = content / "unsafe"
    folder.mkdir(parents=True)
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(f"{SECRET}\n\n{PROSE}", encoding="utf-8")
    (outside / "secret.css").write_text(f"/* {SECRET} */", encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "2024-05-02-outside.txt")
    os.symlink(outside / "secret.css", folder / "theme.css")
    os.symlink(outside, folder / "linked-folder")  # MkDocs follows folder links; we do not
    os.symlink("/dev/null", folder / "null.html")
    os.symlink("/dev/urandom", folder / "random.jpg")
    os.mkfifo(folder / "pipe.txt")
    with open(folder / "huge.txt", "wb") as handle:  # sparse: no disk space used
        handle.truncate(200 << 20)
    page = ("<html><head><title>The tram line opens</title><link rel=stylesheet href='The tram line opens-Dateien/s.css'>"
            "</head><body><article><h1>The tram line opens</h1><iframe src=\"./The tram line opens-Dateien/frame.html\"></iframe>"
            "<p>The new tram line between the station and the university opened on Saturday after four years of works.</p>"
            "<p>Trams run every six minutes at peak times, and the first week of travel is free for everyone.</p>"
            "</article></body></html>")
    (folder / "The tram line opens.html").write_text(page, encoding="utf-8")
    assets = folder / "The tram line opens-Dateien"
    assets.mkdir()
    (assets / "frame.html").write_text("<html><body><h1>Advert</h1><p>Buy now.</p></body></html>", encoding="utf-8")
    (assets / "s.css").write_text("body{}", encoding="utf-8")
    (assets / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    (assets / "app.mjs").write_text("alert(1)", encoding="utf-8")
    (folder / "widget.js").write_text("alert(1)", encoding="utf-8")
    (folder / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                                        encoding="utf-8")
    (folder / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    # a folder whose name starts like a page's but that no page refers to is the curator's
    (folder / "The tram line opens-photos").mkdir()
    (folder / "The tram line opens-photos" / "depot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


BAD_DUMPS = {"unsafe/2024-05-02-outside.txt", "unsafe/null.html", "unsafe/pipe.txt", "unsafe/huge.txt",
             "unsafe/linked-folder/"}


def error_lines(stderr: str) -> dict[str, str]:
    """The error lines of `digest convert` or `mkdocs build`, by the file they name."""
    found = (re.match(r"(?:error:|ERROR +-) +(.+?): (.+)$", line) for line in stderr.splitlines())
    return {m.group(1): m.group(2) for m in found if m}


def test_convert_reads_only_regular_files_inside_content(tmp_path: Path):
    content = tmp_path / "content"
    hostile_files(content, tmp_path / "elsewhere")
    (content / "posts").mkdir()
    os.mkfifo(content / "posts" / "the-tram-line-opens.md")  # nor is a FIFO among the articles read
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = digest("convert", str(content), cwd=tmp_path)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    errors = error_lines(proc.stderr)
    assert set(errors) == BAD_DUMPS, proc.stderr
    assert "outside" in errors["unsafe/2024-05-02-outside.txt"]
    assert "outside" in errors["unsafe/null.html"] and "regular file" in errors["unsafe/pipe.txt"]
    assert "over the 32 MB limit" in errors["unsafe/huge.txt"]
    assert peak_kb < 150_000 or before >= peak_kb, "the 200 MB file was read whole"
    articles = [frontmatter.load(p) for p in (content / "posts").glob("*.md") if p.is_file()]
    assert [a["source"]["path"] for a in articles] == ["unsafe/The tram line opens.html"]
    assert (content / "posts" / "the-tram-line-opens.md").is_fifo()
    assert SECRET not in "".join(p.read_text(encoding="utf-8") for p in (content / "posts").glob("*.md") if p.is_file())


def test_odd_file_names_convert_the_same_on_every_run(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / LATIN1_NAME).write_bytes(SEED.read_bytes())
    (content / NEWLINE_NAME).write_text(PROSE.replace("outside the project", "in a file named over two lines"),
                                        encoding="utf-8")
    (content / os.fsdecode(b"bad-\xff\nname.txt")).write_bytes(b"")  # a bad dump: its error is one line
    runs = []
    for _ in range(2):
        proc = digest("convert", str(content), cwd=tmp_path)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        bad = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
        assert bad == ["error: bad-\\xff\\nname.txt: empty file"], proc.stderr
        runs.append({p.name: p.read_bytes() for p in (content / "posts").glob("*.md")})
    assert runs[0] == runs[1] and len(runs[0]) == 2
    sources = sorted(frontmatter.loads(data.decode("utf-8"))["source"]["path"] for data in runs[0].values())
    assert sources == ["2024-05-03-caf\\xe9-latin1.txt", NEWLINE_NAME]


@pytest.fixture(scope="module")
def unsafe_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("unsafe-project"))
    folder = hostile_files(project / "content", project.parent / "elsewhere")
    (folder / LATIN1_NAME).write_bytes(SEED.read_bytes().replace(b"Blinken", b"Blinkn"))
    # the converter's image folder: only the images it wrote (hash-named) are published from it
    images = project / "content" / "lead-images"
    images.mkdir()
    (images / "notes.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (images / "holiday.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    # links among the articles, out of the project: the blog plugin must never read them
    posts = project / "content" / "posts"
    posts.mkdir()
    draft = project.parent / "elsewhere" / "draft.md"
    draft.write_text(f"---\ndate: 2024-05-05\ntitle: {SECRET}\nsummary: {SECRET}\n---\n\n{SECRET}\n", encoding="utf-8")
    os.symlink(draft, posts / "draft.md")
    os.symlink("/etc/passwd", posts / "passwd.md")
    return project


def test_strict_build_fails_only_for_the_bad_dumps(unsafe_project: Path):
    proc = mkdocs("build", "--strict", "--site-dir", str(unsafe_project / "strict-site"), cwd=unsafe_project,
                  timeout=HANG_TIMEOUT)
    assert proc.returncode == 1
    assert set(error_lines(proc.stderr)) == BAD_DUMPS, proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_site_publishes_no_file_from_outside_and_nothing_that_runs(unsafe_project: Path):
    proc = mkdocs("build", "--site-dir", str(unsafe_project / "site"), cwd=unsafe_project, timeout=HANG_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    site = unsafe_project / "site"
    published = sorted(p.relative_to(site).as_posix() for p in (site / "unsafe").rglob("*") if p.is_file())
    assert published == ["unsafe/The tram line opens-photos/depot.png", "unsafe/photo.png"]
    for built in site.rglob("*"):
        if built.is_file() and built.suffix in {".html", ".xml", ".json", ".css", ".txt"}:
            assert SECRET not in built.read_text(encoding="utf-8", errors="replace"), built
    posts = [frontmatter.load(p)["source"]["path"] for p in (unsafe_project / "content" / "posts").glob("*.md")
             if not p.is_symlink()]
    assert "unsafe/The tram line opens.html" in posts and "unsafe/2024-05-03-caf\\xe9-latin1.txt" in posts
    assert not any("Dateien" in p for p in posts)
    notes = "\n".join(line for line in proc.stderr.splitlines() if "not published" in line)
    assert "widget.js" in notes and "drawing.svg" in notes and "theme.css" in notes
    assert "linked-folder/secret.css" in notes
    assert "content/posts/draft.md" in notes and "content/posts/passwd.md" in notes
    assert (unsafe_project / "content" / "posts" / "passwd.md").is_symlink()  # the curator's: left alone
    assert notes.count("opens-Dateien/: saved with The tram line opens.html") == 1
    assert all(is_image_name(p.name) for p in (site / "lead-images").iterdir())  # the samples' images only
    assert "content/lead-images/holiday.png: not published: content/lead-images/ holds only the lead images" in notes


def _plain_read(path: Path):
    """What `read_regular_file` always did: the path resolved, then opened (no link followed)."""
    from converter.safe_files import _OPEN_FLAGS
    try:
        fd = os.open(path.resolve(), _OPEN_FLAGS)
    except OSError as exc:
        return ("refused", f"cannot read file ({exc.strerror or exc})")
    except RuntimeError as exc:  # a link loop, as `Path.resolve` reports it
        return ("loop", type(exc).__name__)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ("refused", "not a regular file (a device, FIFO, socket or folder); not read")
        return ("read", os.read(fd, 1 << 16))
    finally:
        os.close(fd)


def _outcome(path: Path):
    from converter.safe_files import RefusedFile, read_regular_file
    try:
        return ("read", read_regular_file(path))
    except RefusedFile as exc:
        return ("refused", str(exc))
    except RuntimeError as exc:
        return ("loop", type(exc).__name__)


def test_a_file_is_opened_as_its_resolved_path_opens_it(tmp_path: Path):
    """Opening a path as written first (no link resolved) reads, or refuses, exactly what opening
    its resolved path did: plain files, links to them (through linked folders too), links to
    nothing, to themselves, to folders, to devices, FIFOs, and paths that do not exist."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.txt").write_text("A story\n", encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "linked")
    os.symlink(tmp_path / "real" / "story.txt", tmp_path / "link.txt")
    os.symlink(tmp_path / "link.txt", tmp_path / "link-to-link.txt")
    os.symlink("real/../real/story.txt", tmp_path / "relative-link.txt")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink("/dev/null", tmp_path / "null.txt")
    os.symlink(tmp_path / "real", tmp_path / "folder-link.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    paths = [tmp_path / name for name in ("real/story.txt", "linked/story.txt", "link.txt", "link-to-link.txt",
                                          "relative-link.txt", "dangling.txt", "loop.txt", "null.txt",
                                          "folder-link.txt", "pipe.txt", "real", "missing.txt",
                                          "linked/../real/story.txt")]
    outcomes = [_outcome(path) for path in paths]
    assert outcomes == [_plain_read(path) for path in paths]
    assert [kind for kind, _ in outcomes] == ["read"] * 5 + ["refused", "loop"] + ["refused"] * 5 + ["read"]
