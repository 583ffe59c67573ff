"""The folder of published lead images, which the converter owns (`content/lead-images/`).

It lies beside the articles' folder, not in it: Material's blog plugin
moves the media of `posts/` to other addresses, and Zensical need not.

Each image is named by the hash of its published bytes (`<hash>.jpg`), so
the same picture saved with two pages is stored once, and writing it is
the same whichever run or worker gets there first. An image no article
in the output folder names any more is removed; anything else in the
folder (a curator's own file) is left alone, and the site does not publish
it (see plugin/published_files.py).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .article import Article
from .safe_files import RefusedFile, read_regular_file
from .settings import IMAGE_NAME_DIGITS

IMAGES_DIRNAME = "lead-images"
IMAGE_NAME = re.compile(rf"[0-9a-f]{{{IMAGE_NAME_DIGITS}}}\.(?:jpg|png)")


def is_image_name(name: str) -> bool:
    """True for a file name the converter gives a published image."""
    return IMAGE_NAME.fullmatch(name) is not None


def images_folder(out_dir: Path) -> Path:
    """The lead images' folder of an output folder: its sibling (content/posts -> content/lead-images)."""
    return out_dir.parent / IMAGES_DIRNAME


class ImageStore:
    """Where an article's lead image is written, and the path its front matter names."""

    def __init__(self, out_dir: Path, root: Path):
        self.folder = images_folder(out_dir)
        try:
            self.prefix = self.folder.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:  # an output folder outside the content folder: its sibling, by name
            self.prefix = IMAGES_DIRNAME

    def holds(self, file: str | None) -> bool:
        """True when `file` (a front matter's image.file) is none, or is in this folder."""
        if not file:
            return True
        name = file.rsplit("/", 1)[-1]
        return is_image_name(name) and (self.folder / name).is_file()

    def place(self, article: Article, write) -> None:
        """Write the article's image (if new) with `write(path, bytes)`; set its path from the content folder."""
        image = article.image
        if image.data is None or image.file is None or not is_image_name(image.file.rsplit("/", 1)[-1]):
            return
        name = image.file.rsplit("/", 1)[-1]
        target = self.folder / name
        if not (target.is_file() and target.stat().st_size == len(image.data)):
            write(target, image.data)
        image.file = f"{self.prefix}/{name}"

    def sweep(self, out_dir: Path) -> list[Path]:
        """Remove the images no Markdown file in `out_dir` names; the removed paths."""
        if not self.folder.is_dir():
            return []
        named: set[str] = set()
        for page in out_dir.glob("*.md"):
            try:
                text = read_regular_file(page).decode("utf-8", errors="replace")
            except RefusedFile:
                continue  # a link out, a FIFO, a folder named .md: not an article
            except OSError:
                return []  # an article we cannot read may name any of them: remove nothing
            named.update(m.group(0) for m in IMAGE_NAME.finditer(text))
        removed = []
        for entry in sorted(os.scandir(self.folder), key=lambda e: e.name):
            if is_image_name(entry.name) and entry.is_file(follow_symlinks=False) and entry.name not in named:
                try:
                    os.unlink(entry.path)
                except OSError:
                    continue
                removed.append(Path(entry.path))
        return removed
