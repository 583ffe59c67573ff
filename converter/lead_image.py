"""The lead image a saved page holds, found and made ready to publish with its article.

Readers find the copy inside single-file saves (an MHTML part, a web
archive resource, a data: URI). A "Webpage, Complete" save keeps it as a
file in the page's companion folder (`story_files/photo.jpg`): that copy
is looked for here, where the dump's place on disk is known, and read
only from inside that folder (a `../` or a link out of it is never
followed). The bytes then go through `images.publishable`; when they are
refused, the article still converts, without the picture, and the reason
becomes one line for the curator.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from .article import Article
from .images import ImageRefused, publishable
from .safe_files import SAVED_PAGE_EXTENSIONS, RefusedFile, companion_folders, display_path, is_within, read_regular_file
from .settings import MAX_SAVED_IMAGE_BYTES


def _in_companion_folder(page: Path, src: str) -> Path | None:
    """The file a relative `src` of `page` names inside one of its companion folders, or None."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = page.parent / unquote(parts.path)
    folders = companion_folders(page)
    return target if any(is_within(target, folder) for folder in folders) else None


def saved_copy_beside(page: Path, src: str | None) -> tuple[bytes, str] | None:
    """(bytes, name for messages) of the lead image in the page's companion folder, if it is there."""
    target = _in_companion_folder(page, src) if src else None
    if target is None:
        return None
    name = display_path(Path(unquote(urlsplit(src).path)))
    try:
        return read_regular_file(target, limit=MAX_SAVED_IMAGE_BYTES), name
    except RefusedFile as exc:
        raise ImageRefused(f"{name}: {exc}") from None
    except OSError as exc:
        raise ImageRefused(f"{name}: cannot read file ({exc.strerror or exc})") from None


def attach_lead_image(article: Article, dump: Path) -> None:
    """Decode and re-encode the saved copy of the lead image, if the page holds one.

    Sets `image.data`, `image.file` (the name; the store places it), width and
    height; drops the raw copy so that only the published bytes travel on."""
    image = article.image
    try:
        if image.saved is None and dump.suffix.lower() in SAVED_PAGE_EXTENSIONS:
            found = saved_copy_beside(dump, image.src)
            if found is not None:
                image.saved, image.saved_name = found
        if image.saved is None:
            return
        published = publishable(image.saved)
    except ImageRefused as exc:
        article.notes.append(f"lead image {image.saved_name + ' ' if image.saved_name else ''}not published: {exc}")
    else:
        image.data, image.file = published.data, published.name
        image.width, image.height = published.width, published.height
    finally:
        image.saved = None
