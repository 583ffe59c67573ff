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

from ..readers import DUMP_EXTENSIONS
from ..safe_files import SAVED_PAGE_EXTENSIONS, companion_folders, display_path, is_within, refusal, subfolder_names

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

    The note is one line naming the file (or folder) and why, for the log;
    None for raw dumps (the converter reports on those) and for the rest of
    a companion folder once the folder has been named.
    """
    mine = [f for f in files if f.abs_src_path and _in_folder(Path(f.abs_src_path), docs_dir)]
    pages = [Path(f.abs_src_path) for f in mine if Path(f.abs_src_path).suffix.lower() in SAVED_PAGE_EXTENSIONS]
    subfolders = {folder: subfolder_names(folder) for folder in {page.parent for page in pages}}
    companions = {folder.resolve(): (page, folder) for page in pages
                  for folder in companion_folders(page, subfolders[page.parent])}
    named: set[Path] = set()
    for file in mine:
        source = Path(file.abs_src_path)
        suffix = source.suffix.lower()
        home = next((c for c in companions if is_within(source, c)), None)
        if home is not None:
            page, folder = companions[home]
            yield file, None if home in named else (
                f"{_shown(folder, docs_dir)}/: saved with {page.name}; its files are not published")
            named.add(home)
        elif suffix in RAW_EXTENSIONS:
            yield file, None
        elif not source.exists() and suffix in PAGE_EXTENSIONS:
            continue  # a page a plugin generates
        elif (why := refusal(source, docs_dir, max_bytes=None)) is not None:
            yield file, f"{_shown(source, docs_dir)}: not published: {why}"
        elif suffix not in PAGE_EXTENSIONS | INERT_ASSET_EXTENSIONS:
            yield file, (f"{_shown(source, docs_dir)}: not published: only pages, images, audio, video, "
                         "fonts, CSS and PDF files in the content folder are (this type could run script)")


def _shown(path: Path, docs_dir: Path) -> str:
    """The path as the curator knows it: from the content folder's parent, as one line."""
    return display_path(path.absolute().relative_to(docs_dir.absolute().parent))
