"""Edition pages as plain Markdown the converter writes: `editions/KEY/index.md` and `editions/index.md`.

Plain Markdown with front matter, so MkDocs and Zensical (which runs no
plugin of ours) build the same pages from `digest convert`'s output. Every
value that comes from a dump (headline, names, lede) is escaped as the
article body is (markdown.escape_inline); the curator's note and the
day's introduction (`editions/KEY.md`, which mkdocs.yml keeps out of the
site as a page of its own) are the curator's Markdown.

Like articles, a page carries a checksum of what the converter wrote: an
edition page the curator edited, or a file of theirs at the same place, is
never written over or removed (one line says so).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..markdown import escape_inline
from ..notes import note_block
from ..safe_files import RefusedFile, is_within, read_regular_file
from ..store import front_matter_of
from ..writer import is_hand_edited, with_checksum
from .memo import WrittenFrom
from .model import Edition, Story, collect_editions
from .keys import DAILY

INDEX_TITLE = "Editions"
PAGE_NAME = "index.md"
_KEY_FOLDER = re.compile(r"^\d{4}-(\d\d-\d\d|W\d\d)$")
OWN_FIELDS = ("edition", "editions_index")  # front matter that says: a page the converter wrote
_WRITTEN = WrittenFrom()


def _link(target: Path, page_dir: Path) -> str:
    return os.path.relpath(target, page_dir).replace(os.sep, "/")


def _plural(n: int) -> str:
    return f"{n} {'story' if n == 1 else 'stories'}"


def story_markdown(story: Story, posts_dir: Path, page_dir: Path) -> str:
    """One story: headline linking the article, dateline and names, the curator's note, the lede."""
    names = f"By {story.byline}" if story.byline else (
        f"{story.contributors} contributed reporting" if story.contributors else "")
    meta = " · ".join(escape_inline(part) for part in (story.dateline, names) if part)
    parts = [
        '<article class="digest-edition__story" markdown>',
        f"## [{escape_inline(story.headline)}](<{_link(posts_dir / story.file, page_dir)}>)",
    ]
    if meta:
        parts.append(f'<p class="digest-edition__meta" markdown>{meta}</p>')
    if story.note:
        parts.append(note_block(story.note).strip())
    if story.lede:
        parts.append(f'<p class="digest-edition__lede" markdown>{escape_inline(story.lede)}</p>')
    parts.append("</article>")
    return "\n\n".join(parts) + "\n"


def edition_markdown(edition: Edition, posts_dir: Path, page_dir: Path) -> str:
    """The whole edition page: front matter, title, introduction, stories, links to its neighbours."""
    meta = {
        "title": f"Edition of {edition.title}",
        "description": f"The news digest's edition of {edition.title}: {_plural(len(edition.stories))}.",
        "hide": ["navigation", "toc"],
        "edition": {"key": edition.key, "title": edition.title, "stories": len(edition.stories),
                    "previous": edition.previous, "next": edition.next},
    }
    meta["edition"] = {k: v for k, v in meta["edition"].items() if v is not None}
    body = [f"# {edition.title}", f'<p class="digest-edition__kicker">Edition · {_plural(len(edition.stories))}</p>']
    if edition.intro:
        body.append(f'<div class="digest-edition__intro" markdown>\n\n{edition.intro}\n\n</div>')
    body += [story_markdown(story, posts_dir, page_dir).strip() for story in edition.stories]
    links = []
    if edition.previous:
        links.append(f"[← Previous edition](../{edition.previous}/{PAGE_NAME}){{: rel=prev }}")
    links.append(f"[All editions](../{PAGE_NAME})")
    if edition.next:
        links.append(f"[Next edition →](../{edition.next}/{PAGE_NAME}){{: rel=next }}")
    body.append('<nav class="digest-edition__nav" aria-label="More editions" markdown>\n\n'
                + " · ".join(links) + "\n\n</nav>")
    return with_checksum(meta, "\n\n".join(body) + "\n")


def index_markdown(editions: list[Edition]) -> str:
    """Every edition, newest first, with its number of stories and its top headline."""
    lines = []
    for edition in reversed(editions):
        top = escape_inline(edition.stories[0].headline)
        lines.append(f"- [{edition.title}]({edition.key}/{PAGE_NAME}) · {_plural(len(edition.stories))}: {top}")
    meta = {"title": INDEX_TITLE, "hide": ["navigation", "toc"], "editions_index": len(editions)}
    body = f"# {INDEX_TITLE}\n\n<div class=\"digest-editions\" markdown>\n\n" + "\n".join(lines) + "\n\n</div>\n"
    return with_checksum(meta, body)


def _ours(path: Path) -> bool:
    """True when `path` is missing or is a page the converter wrote and nobody edited since."""
    if not path.exists() and not path.is_symlink():
        return True
    if path.is_symlink() or not is_within(path, path.parent):
        return False
    try:
        text = read_regular_file(path).decode("utf-8")
    except (OSError, RefusedFile, UnicodeDecodeError):
        return False
    meta = front_matter_of(text) or {}
    return any(field in meta for field in OWN_FIELDS) and not is_hand_edited(text)


def write_editions(root: Path, posts_dir: Path, mode: str = DAILY) -> tuple[list[Edition], list[tuple[Path, str]]]:
    """Write every edition page and the index; remove pages of editions that have no story left.

    Returns the editions and (page, note) for each page kept because it is the curator's.
    """
    from ..convert import EDITIONS_DIRNAME, write_atomically  # convert.py calls this module after converting

    editions_dir = root / EDITIONS_DIRNAME
    editions = collect_editions(posts_dir, editions_dir, mode)
    kept: list[tuple[Path, str]] = []
    if not is_within(posts_dir, root) or not is_within(editions_dir, root):
        return editions, kept  # pages outside content/ (or links from them) would lead nowhere
    wanted = {editions_dir / e.key / PAGE_NAME: e for e in editions}
    for folder in sorted(editions_dir.iterdir()) if editions_dir.is_dir() else []:
        page = folder / PAGE_NAME
        if (_KEY_FOLDER.match(folder.name) and page not in wanted and is_within(folder, editions_dir)
                and page.exists() and _ours(page)):
            page.unlink()
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    pages = {page: (repr((e, str(posts_dir))), lambda e=e, page=page: edition_markdown(e, posts_dir, page.parent))
             for page, e in wanted.items()}
    pages[editions_dir / PAGE_NAME] = (repr(editions), lambda: index_markdown(editions) if editions else None)
    for page, (key, render) in pages.items():
        if _WRITTEN.unchanged(page, key):
            continue  # written from the same edition and untouched since: a preview rebuild skips it
        if page.parent.exists() and not is_within(page.parent, editions_dir):
            kept.append((page, f"not written: {page.parent.name} links to a folder outside {editions_dir.name}/"))
        elif not _ours(page):
            kept.append((page, "kept your file; the edition page is not rewritten"))
        elif (text := render()) is None:
            page.unlink(missing_ok=True)
        else:
            write_atomically(page, text)
            _WRITTEN.remember(page, key)
    return editions, kept
