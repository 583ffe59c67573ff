"""Pages saved the way browsers save them become one article each, with the lead image they hold.

Each kind is made from a corpus page (see saved_pages.py): "Webpage,
Complete" with its folder, Chromium's own MHTML snapshot, a Safari web
archive, a SingleFile page. The lead image is decoded, stripped, resized
and stored once by its hash; whatever is not an image is refused in one
line, and the article still converts.
"""
from __future__ import annotations

import io
import json
import plistlib
import random
import shutil
import struct
from pathlib import Path

import frontmatter
import pytest
from PIL import Image

from conftest import CORPUS
from converter.convert import convert
from converter.readers.html import HtmlReader
from converter.readers.inlined import InlinedResources
from converter.settings import LEAD_IMAGE_MAX_WIDTH
from saved_pages import (CHROMIUM, drawn_photo, save_complete, save_mhtml, save_singlefile, save_webarchive)

WIRED = "2f42ef1d3ea0c96e56355d3db93d0e06b47e760b74f6f4261278b8cd1c246dd6"  # lead image: "A crumpled dollar bill"
NEWSWEEK = "7f93c1944a41d01960f8a16fdfda6c562e86f04ead8375ab796c4278402df9a8"


def corpus_page(page_id: str) -> tuple[str, dict]:
    path = CORPUS / "html" / f"{page_id}.html"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside the project")
    truth = next(row for row in map(json.loads, (CORPUS / "truth.jsonl").read_text().splitlines())
                 if row["id"] == page_id)
    return path.read_text(encoding="utf-8"), truth


def converted(content: Path) -> tuple[list[dict], object]:
    report = convert(content, workers=1)
    posts = [frontmatter.load(p) for p in sorted((content / "posts").glob("*.md"))]
    return posts, report


def assert_true_article(post, truth: dict) -> None:
    assert post["headline"] == truth["headline"]
    assert post["byline"] == truth["authors"]
    first_sentence = truth["body"].split(". ")[0]
    assert first_sentence[:60] in post.content.replace("\\", "")


def published_image(content: Path, post) -> Image.Image:
    image = post["image"]
    path = content / image["file"]
    assert path.parent == content / "lead-images" and path.is_file()
    picture = Image.open(path)
    assert (picture.width, picture.height) == (image["width"], image["height"])
    return picture


# --- "Webpage, Complete" ---------------------------------------------------

@pytest.mark.parametrize("name, files_suffix", [("story", "_files"), ("story", "-Dateien"), ("story", "_fichiers"),
                                                ("Q&A: banking, 100% broke", "_files")])
def test_webpage_complete_is_one_article_and_its_folder_nothing(tmp_path: Path, name: str, files_suffix: str):
    page, truth = corpus_page(WIRED)
    content = tmp_path / "content"
    save_complete(page, truth["url"], content / "saved", name, drawn_photo(), files_suffix)
    posts, report = converted(content)
    assert not report.errors and not report.notes
    [post] = posts  # no "Share" article from the frame, no error from ads.html
    assert_true_article(post, truth)
    assert post["image"]["description"] == "A crumpled dollar bill"
    assert published_image(content, post).width == LEAD_IMAGE_MAX_WIDTH
    # the picture's address on the news site is the page's own (og:image), never one made of the folder
    assert post["image"]["url"].startswith("https://media.wired.com/photos/") and files_suffix not in post["image"]["url"]


def test_a_folder_the_page_never_refers_to_is_not_its_companion(tmp_path: Path):
    """The pairing is read from the page's references, not from the folder's name alone."""
    page, truth = corpus_page(WIRED)
    content = tmp_path / "content"
    save_complete(page, truth["url"], content, "story", drawn_photo())
    (content / "other.html").write_text(page, encoding="utf-8")  # the same story, no folder
    lookalike = content / "other_files"  # named like a companion folder, but other.html never links to it
    lookalike.mkdir()
    (lookalike / "note.txt").write_text("A council meeting\n\nThe council met on Tuesday to decide the budget "
                                        "for the new tram line and the bridge repairs.\n", encoding="utf-8")
    posts, report = converted(content)
    sources = sorted(post["source"]["path"] for post in posts)
    assert "other_files/note.txt" in sources and not any("story_files" in s for s in sources)


# --- single-file saves -----------------------------------------------------

def the_only_article(tmp_path: Path, name: str, saved: bytes, truth: dict) -> tuple[Path, object]:
    """(content folder, article) of one saved file converted alone: the true article, no error, no note."""
    content = tmp_path / "content"
    content.mkdir()
    (content / name).write_bytes(saved)
    [post], report = converted(content)
    assert not report.errors and not report.notes
    assert_true_article(post, truth)
    return content, post


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser)")
def test_chromium_mhtml_snapshot_becomes_the_article_with_its_image(tmp_path: Path, browser):
    """(Chromium leaves every script out of its snapshot, JSON-LD included: the byline
    then comes from the page's visible markup, which Newsweek's names.)"""
    pytest.importorskip("playwright.sync_api")
    page, truth = corpus_page(NEWSWEEK)
    content, post = the_only_article(tmp_path, "story.mhtml", save_mhtml(page, truth["url"], drawn_photo(), browser), truth)
    assert published_image(content, post).format == "JPEG"


def test_safari_web_archive_becomes_the_article_with_its_image(tmp_path: Path):
    page, truth = corpus_page(NEWSWEEK)
    saved = save_webarchive(page, truth["url"], drawn_photo())
    content, post = the_only_article(tmp_path, "story.webarchive", saved, truth)
    assert post["image"]["caption"].startswith("A stock image of a woman holding a joint")
    published_image(content, post)


def test_singlefile_page_becomes_the_article_with_its_inlined_image(tmp_path: Path):
    page, truth = corpus_page(WIRED)
    saved = save_singlefile(page, drawn_photo(), padding_mb=4)
    assert len(saved) > 5_000_000
    # the parser never sees the inlined bytes
    assert len(InlinedResources(saved).page) < len(page) + 10_000
    content, post = the_only_article(tmp_path, "story.html", saved.encode("utf-8"), truth)
    published_image(content, post)


def test_damaged_single_file_saves_are_one_line_each(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.mhtml").write_bytes(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n"
                                      b"Content-Type: image/png\n\nnot a page\n--x--\n")
    (content / "b.webarchive").write_bytes(b"bplist00 broken")
    (content / "c.webarchive").write_bytes(b"<?xml version='1.0'?><!DOCTYPE plist [<!ENTITY a 'aaaa'>]>"
                                           b"<plist><dict><key>x</key><string>&a;</string></dict></plist>")
    with (content / "d.mhtml").open("wb") as huge:  # sparse: 33 MB on paper, nothing on disk
        huge.truncate(33 * 1024 * 1024)
    # a million parts or objects in a few MB: refused before the parser builds them
    (content / "e.mhtml").write_bytes(b"Content-Type: multipart/related; boundary=x\n\n" + b"--x\n\n" * 1_000_000)
    small = plistlib.dumps({"WebMainResource": {}}, fmt=plistlib.FMT_BINARY)
    (content / "f.webarchive").write_bytes(small[:-24] + struct.pack(">Q", 10**9) + small[-16:])
    _, report = converted(content)
    lines = sorted(str(e) for e in report.errors)
    assert lines == ["a.mhtml: no HTML page in the MHTML file",
                     "b.webarchive: not a readable web archive (property list)",
                     "c.webarchive: not a readable web archive (property list)",
                     "d.mhtml: file is 33.0 MB, over the 32 MB limit",
                     "e.mhtml: more than 20,000 MIME part lines; not an MHTML page",
                     "f.webarchive: a property list of more than 100,000 objects; not a web archive"]


# --- the lead image: only real images, stripped, small, stored once --------

def complete_save_with(tmp_path: Path, photo: bytes, name: str = "story") -> Path:
    page, truth = corpus_page(WIRED)
    content = tmp_path / "content"
    save_complete(page, truth["url"], content, name, photo)
    return content


@pytest.mark.parametrize("impostor", [
    b"<html><body><script>alert(document.domain)</script></body></html>",
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>',
])
def test_an_image_file_that_is_markup_is_refused_in_one_line_and_the_article_stays(tmp_path: Path, impostor):
    content = complete_save_with(tmp_path, impostor)
    [post], report = converted(content)
    assert report.notes == [("story.html", "lead image story_files/Ideas-crumpleddollar-130901213-2.jpg "
                                           "not published: does not decode as an image (JPEG, PNG, GIF or WebP)")]
    assert "file" not in post["image"] and post["image"]["description"] == "A crumpled dollar bill"
    assert not (content / "lead-images").exists() or not any((content / "lead-images").iterdir())


def test_a_decompression_bomb_is_refused_from_its_header(tmp_path: Path):
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, format="PNG")  # 140 MB of pixels in a few KB
    content = complete_save_with(tmp_path, bomb.getvalue())
    [post], report = converted(content)
    [(source, note)] = report.notes
    assert source == "story.html" and "pixels" in note and "not published" in note
    assert "file" not in post["image"]


def test_an_image_too_heavy_even_once_resized_is_refused(tmp_path: Path):
    noise = random.Random(7).randbytes(1400 * 2400 * 3)  # incompressible: megabytes at any quality
    photo = io.BytesIO()
    Image.frombytes("RGB", (1400, 2400), noise).save(photo, format="JPEG", quality=85)
    content = complete_save_with(tmp_path, photo.getvalue())
    [post], report = converted(content)
    [(_, note)] = report.notes
    assert "once resized, over the" in note and "file" not in post["image"]


def test_published_image_has_no_metadata_and_the_same_bytes_every_time(tmp_path: Path):
    photo = drawn_photo()
    assert Image.open(io.BytesIO(photo)).getexif()  # the saved copy carries EXIF
    first = complete_save_with(tmp_path / "one", photo)
    second = complete_save_with(tmp_path / "two", photo)
    [post_one], _ = converted(first)
    [post_two], _ = converted(second)
    picture = published_image(first, post_one)
    assert not picture.getexif() and "icc_profile" not in picture.info and "exif" not in picture.info
    assert (first / post_one["image"]["file"]).read_bytes() == (second / post_two["image"]["file"]).read_bytes()
    assert [p.read_bytes() for p in (first / "posts").glob("*.md")] == \
        [p.read_bytes() for p in (second / "posts").glob("*.md")]


def test_identical_images_are_stored_once_and_go_when_no_article_names_them(tmp_path: Path):
    page, truth = corpus_page(WIRED)
    other, other_truth = corpus_page(NEWSWEEK)
    content = tmp_path / "content"
    photo = drawn_photo()
    save_complete(page, truth["url"], content, "story", photo)
    save_complete(other, other_truth["url"], content, "another", photo)
    posts, _ = converted(content)
    assert len(posts) == 2 and posts[0]["image"]["file"] == posts[1]["image"]["file"]
    assert len(list((content / "lead-images").iterdir())) == 1
    (content / "story.html").unlink()
    converted(content)
    assert len(list((content / "lead-images").iterdir())) == 1  # still named by "another"
    (content / "another.html").unlink()
    (content / "lead-images" / "curators-own.png").write_bytes(b"x")
    converted(content)
    assert [p.name for p in (content / "lead-images").iterdir()] == ["curators-own.png"]


def hand_written_mhtml(page: str, parts: dict[str, bytes]) -> bytes:
    """An MHTML file as any MIME library writes it: the page, then each part at its Content-Location."""
    from email.mime.base import MIMEBase
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    from email import encoders

    message = MIMEMultipart("related")
    html_part = MIMEText(page, "html", "utf-8")
    html_part["Content-Location"] = "https://www.newsweek.com/story"
    message.attach(html_part)
    for location, data in parts.items():
        part = MIMEBase("image", "jpeg")
        part.set_payload(data)
        encoders.encode_base64(part)
        part["Content-Location"] = location
        message.attach(part)
    return message.as_bytes()


def test_an_archive_part_name_never_chooses_where_anything_is_written(tmp_path: Path):
    page, truth = corpus_page(NEWSWEEK)
    content = tmp_path / "project" / "content"
    content.mkdir(parents=True)
    src = HtmlReader().read(page, "p.html").image.src
    hostile = "../../../escaped.jpg"
    page = page.replace(src.replace("&", "&amp;"), hostile)
    (content / "story.mht").write_bytes(hand_written_mhtml(page, {hostile: drawn_photo(), "/etc/passwd": b"x"}))
    [post], report = converted(content)
    assert not report.errors and not report.notes
    assert_true_article(post, truth)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file() and ".cache" not in p.parts and "editions" not in p.parts)  # (its edition's pages)
    assert written == ["project/content/" + post["image"]["file"],
                       f"project/content/posts/{post['slug']}.md", "project/content/story.mht"]


def test_a_lead_image_deleted_by_hand_is_made_again(tmp_path: Path):
    content = complete_save_with(tmp_path, drawn_photo())
    [post], _ = converted(content)
    shutil.rmtree(content / "lead-images")
    [again], report = converted(content)
    assert again["image"]["file"] == post["image"]["file"] and (content / post["image"]["file"]).is_file()


def test_a_saved_page_never_claims_the_curators_or_the_converters_folders(tmp_path: Path):
    """A page saved under a short title (`n.html`, `lead.html`) that mentions `news/` or `lead-images/`
    does not make them its "Webpage, Complete" folder: their dumps are converted, their images published."""
    from types import SimpleNamespace

    from converter.plugin.published_files import unpublished

    page, truth = corpus_page(WIRED)
    content = tmp_path / "content"
    save_complete(page, truth["url"], content / "news", "story", drawn_photo())  # its lead image is published
    other, _ = corpus_page(NEWSWEEK)
    hostile = other.replace("</body>", '<a href="news/">news</a> <img src="lead-images/x.jpg"></body>')
    (content / "n.html").write_text(hostile, encoding="utf-8")
    (content / "lead.html").write_text(hostile.replace("<body", "<body data-copy"), encoding="utf-8")
    posts, report = converted(content)
    assert "news/story.html" in {post["source"]["path"] for post in posts}
    [image] = (content / "lead-images").iterdir()
    files = [SimpleNamespace(abs_src_path=str(path)) for path in sorted(content.rglob("*")) if path.is_file()]
    refused = {Path(file.abs_src_path) for file, _ in unpublished(files, content)}
    assert image not in refused and not any(path.is_relative_to(content / "posts") for path in refused)
    assert content / "news" / "story_files" / "photo.jpg" in refused or any(
        path.is_relative_to(content / "news" / "story_files") for path in refused)


def test_a_web_archive_with_addresses_python_cannot_parse_still_converts(tmp_path: Path):
    """urllib refuses `http://[x/` with ValueError: a saved page's address, or a resource's, must
    cost at most the lead image's lookup, never the conversion."""
    page, truth = corpus_page(WIRED)
    archive = plistlib.dumps({
        "WebMainResource": {"WebResourceData": page.encode("utf-8"), "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": "https://[news.example/story"},
        "WebSubresources": [{"WebResourceData": b"track()", "WebResourceURL": "http://cdn]example/t.js#x"},
                            {"WebResourceData": drawn_photo(), "WebResourceURL": "https://[news.example/photo.jpg"}],
    }, fmt=plistlib.FMT_BINARY)
    content = tmp_path / "content"
    (content / "saved").mkdir(parents=True)
    (content / "saved" / "story.webarchive").write_bytes(archive)
    (content / "saved" / "other.html").write_text(corpus_page(NEWSWEEK)[0], encoding="utf-8")
    posts, report = converted(content)
    assert not report.errors
    assert sorted(post["source"]["path"] for post in posts) == ["saved/other.html", "saved/story.webarchive"]
