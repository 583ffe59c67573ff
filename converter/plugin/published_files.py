"""What the site publishes from the content folder: pages and inert media, nothing else.

MkDocs copies every file of `docs_dir` into the site. Ours holds raw dumps
(third-party pages), the folders "Webpage, Complete" saves come with
(scripts, frames, SVG), and whatever a curator drops in; a browser runs
HTML, SVG, XML or JavaScript from there on the site's own origin. So from
the content folder only Markdown pages and files of an inert media type
(images, audio, video, fonts, CSS, PDF) are published, and only regular
files that lie inside the folder once links are resolved: a link to
`/etc/passwd` or to a device is never copied. Theme files and the pages
the blog plugin generates are not the content folder's and are untouched.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..convert import EDITIONS_DIRNAME, POSTS_DIRNAME
from ..image_store import IMAGES_DIRNAME, is_image_name
from ..readers import DUMP_EXTENSIONS
from ..sidecar import SIDECAR_SUFFIX, is_folder_page, looks_like_sidecar
from ..safe_files import SAVED_PAGE_EXTENSIONS, companion_folders, display_path, is_within, refusal, subfolder_names

GENERATED_DIRS = (POSTS_DIRNAME, EDITIONS_DIRNAME)  # the converter's pages: never sidecars
PAGE_EXTENSIONS = frozenset({".md", ".markdown"})
INERT_ASSET_EXTENSIONS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico",  # images (not SVG: it runs script)
    ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".mp4", ".m4v", ".webm", ".ogv",  # audio and video
    ".woff", ".woff2", ".ttf", ".otf",  # fonts
    ".css", ".pdf",
})
# Saved pages are dumps even before a reader for them is installed: a raw
# third-party page (its ads, its scripts) must never be published as is.
RAW_EXTENSIONS = frozenset({*DUMP_EXTENSIONS, ".txt", ".text", *SAVED_PAGE_EXTENSIONS})


def _in_folder(path: Path, folder: Path) -> bool:
    """True when `path` is below `folder` as written (links not resolved)."""
    try:
        path.absolute().relative_to(folder.absolute())
    except ValueError:
        return False
    return True


def unpublished(files, docs_dir: Path) -> Iterator[tuple[object, str | None]]:
    """(file, note) for each file of the content folder that must not reach the site.

    The converter's image folder (`lead-images/`) publishes exactly the
    images it wrote there: files named by their hash, nothing else.

    The note is one line naming the file (or folder) and why, for the log;
    None for raw dumps (the converter reports on those) and for the rest of
    a companion folder once the folder has been named.
    """
    mine = [f for f in files if f.abs_src_path and _in_folder(Path(f.abs_src_path), docs_dir)]
    pages = [Path(f.abs_src_path) for f in mine if Path(f.abs_src_path).suffix.lower() in SAVED_PAGE_EXTENSIONS]
    subfolders = {folder: subfolder_names(folder) for folder in {page.parent for page in pages}}
    owned = {(docs_dir / name).resolve() for name in (*GENERATED_DIRS, IMAGES_DIRNAME)}  # never a saved page's
    companions = {folder.resolve(): (page, folder) for page in pages
                  for folder in companion_folders(page, subfolders[page.parent]) if folder.resolve() not in owned}
    named: set[Path] = set()
    images = docs_dir / IMAGES_DIRNAME
    for file in mine:
        source = Path(file.abs_src_path)
        suffix = source.suffix.lower()
        home = next((c for c in companions if is_within(source, c)), None)
        if home is not None:
            page, folder = companions[home]
            yield file, None if home in named else (
                f"{_shown(folder, docs_dir)}/: saved with {page.name}; its files are not published")
            named.add(home)
        elif _in_folder(source, images) and (source.parent.absolute() != images.absolute()
                                             or not is_image_name(source.name)):
            yield file, (f"{_shown(source, docs_dir)}: not published: {_shown(images, docs_dir)}/ holds only "
                         "the lead images the converter wrote (named by their hash)")
        elif suffix in RAW_EXTENSIONS or _is_sidecar(source, docs_dir):
            yield file, None  # the converter reports on dumps and sidecars
        elif not source.exists() and suffix in PAGE_EXTENSIONS:
            continue  # a page a plugin generates
        elif (why := refusal(source, docs_dir, max_bytes=None)) is not None:
            yield file, f"{_shown(source, docs_dir)}: not published: {why}"
        elif suffix not in PAGE_EXTENSIONS | INERT_ASSET_EXTENSIONS:
            yield file, (f"{_shown(source, docs_dir)}: not published: only pages, images, audio, video, "
                         "fonts, CSS and PDF files in the content folder are (this type could run script)")


def _is_sidecar(path: Path, docs_dir: Path) -> bool:
    """A curator's NAME.md beside the dump NAME.txt (or .html), or one that lost its dump
    (articles and edition pages are never sidecars)."""
    if (path.suffix != SIDECAR_SUFFIX or is_folder_page(path)
            or path.absolute().relative_to(docs_dir.absolute()).parts[0] in GENERATED_DIRS):
        return False
    if any(path.with_suffix(ext).exists() for ext in DUMP_EXTENSIONS):
        return True
    return looks_like_sidecar(path)


def _shown(path: Path, docs_dir: Path) -> str:
    """The path as the curator knows it: from the content folder's parent, as one line."""
    return display_path(path.absolute().relative_to(docs_dir.absolute().parent))
