"""Which files under the content folder may be read or published, and reading them safely.

A dump is only what lies inside the content folder once links are
resolved, and only a regular file: a link to `/etc/passwd` or to prose
elsewhere is neither read nor published, and a device, FIFO or socket
(which would hang a read forever) is never opened for reading. A file's
size is checked before it is read, and the read stops at the limit even if
the file grows meanwhile.

"Webpage, Complete" saves put a page's scripts, frames and images in a
companion folder (`NAME_files/`, `NAME-Dateien/`, `NAME_fichiers/`, …).
Such a folder is recognised by the saved page that refers to it (not by
its name alone); nothing in it is a dump or a file of the site.

File names are whatever bytes the file system holds: `path_text` is the
valid Unicode an article records, `display_path` the one line a message shows.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from urllib.parse import quote

from .decoding import MAX_DUMP_BYTES, too_large
from .sanitize import one_line

READ_CHUNK = 1 << 20
SAVED_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class RefusedFile(Exception):
    """A file the converter will not read; the message says why, in a few words."""


def path_text(path: Path | str) -> str:
    """A path as valid Unicode text (what an article records): undecodable bytes as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def display_path(path: Path | str) -> str:
    """A path for a one-line message: valid Unicode, control characters escaped too."""
    return one_line(path_text(path))


def is_within(path: Path, folder: Path) -> bool:
    """True when `path`, links resolved, lies inside `folder` (links resolved)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def refusal(path: Path, root: Path | None = None, max_bytes: int | None = MAX_DUMP_BYTES) -> str | None:
    """Why `path` must not be read (outside `root`, not a regular file, over `max_bytes`), or None."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a link to nothing (broken or looping symlink)"
    if root is not None and not resolved.is_relative_to(root.resolve()):
        return f"links to a file outside {display_path(root.name or root)}/; not read"
    try:
        info = resolved.stat()
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a device, FIFO, socket or folder); not read"
    if max_bytes is not None and info.st_size > max_bytes:
        return too_large(info.st_size)
    return None


def open_regular(path: Path) -> int:
    """A read-only descriptor of `path` (links resolved), refusing anything but a regular file.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a
    writer; the file type is then checked on the open descriptor itself.
    The path is opened as it is written first: with no link as its last part
    (O_NOFOLLOW refuses one) it names the very file its resolved form does,
    and resolving costs a system call for each folder on the way. A link, or
    any path that fails so, is opened resolved, as it always was.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        try:
            fd = os.open(path.resolve(), _OPEN_FLAGS)
        except OSError as exc:
            raise RefusedFile(f"cannot read file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise RefusedFile("not a regular file (a device, FIFO, socket or folder); not read")
    return fd


def read_regular_file(path: Path, limit: int = MAX_DUMP_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; RefusedFile otherwise."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise RefusedFile(too_large(size))
        chunks, total = [], 0
        while chunk := os.read(fd, min(READ_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise RefusedFile(too_large(total))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _refers_to(page: bytes, folder_name: str) -> bool:
    """True when a saved page links into a folder of that name beside it (`./NAME_files/x.js`),
    the name written as is, percent-encoded, or with `&` as `&amp;` (as browsers write attributes)."""
    for form in {folder_name, quote(folder_name), folder_name.replace("&", "&amp;")}:
        if re.search(rb"""(?:["'=(\s]|\./)""" + re.escape(form.encode("utf-8", "surrogateescape")) + rb"/", page):
            return True
    return False


# What separates the page's name from the word for "files" in a companion folder's
# name: NAME_files, NAME-Dateien, NAME_fichiers (and a space or dot, for lenience).
COMPANION_SEPARATORS = "_- ."


def _named_after(folder_name: str, stem: str) -> bool:
    """True when a folder's name is the page's, a separator, then more (`story_files` for `story`):
    a page saved as `p.html` that mentions `posts/` does not make posts/ its folder."""
    return (len(folder_name) > len(stem) + 1 and folder_name.startswith(stem)
            and folder_name[len(stem)] in COMPANION_SEPARATORS)


def subfolder_names(folder: Path) -> list[str]:
    """The names of the folders (or folder links) directly inside `folder`."""
    try:
        return sorted(entry.name for entry in os.scandir(folder) if entry.is_dir())
    except OSError:
        return []


def companion_folders(page: Path, subfolders: list[str] | None = None) -> list[Path]:
    """The folders beside a saved page that it was saved with ("Webpage, Complete").

    `subfolders` are the names of the folders beside it, when the caller has
    them at hand (listing the folder once per page would cost time in a big one).
    """
    if page.suffix.lower() not in SAVED_PAGE_EXTENSIONS:
        return []
    names = subfolder_names(page.parent) if subfolders is None else subfolders
    candidates = [name for name in names if name != page.name and _named_after(name, page.stem)]
    if not candidates:
        return []
    try:
        text = read_regular_file(page)
    except RefusedFile:
        return []
    return [page.parent / name for name in candidates if _refers_to(text, name)]
