"""Incremental preview builds: `mkdocs serve --dirty` that stays right.

A full rebuild of a 1,000-article digest takes ~10 s; MkDocs' `--dirty`
rebuilds only pages whose Markdown is newer than their HTML, which is
fast but wrong for a digest: the front page, month and section lists that
should now show a new article are not "modified", a deleted article's page
stays online, and the feed only holds the articles rebuilt this time.

This planner, run after the blog plugin has laid out its posts and views,
decides per page what a dirty build does:

- a list page (front page and its further pages, each month, each section)
  is rebuilt when the stories it shows, or their files, or the number of
  its pages changed since the previous build (kept in memory: MkDocs keeps
  our plugin instance across serve rebuilds);
- an article is rebuilt when its Markdown changed (MkDocs' own rule), and
  the newest articles the feed shows are read again so the feed is whole;
- when the navigation (the months and sections), the theme or mkdocs.yml
  changed, or there is no previous build to compare with, every page is
  rebuilt;
- pages that no longer exist (a deleted dump, a renamed article, a list
  that got shorter) are removed from the served site.

It calls the blog plugin's private view and pagination methods and
replaces each file's `is_modified`: the checked patch `dirty-planner`
(patches.py). Where it does not fit, every dirty build is a full one.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .patches import DIRTY_PLANNER, PatchReport
from .speedups import blog_of

log = logging.getLogger("mkdocs.plugins.digest")


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may get navigation wrong; ours does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


@dataclass
class BuildState:
    site_dir: str
    shape: tuple = ()
    listings: dict = field(default_factory=dict)
    dests: set = field(default_factory=set)


def _mtime(path: str | None) -> int:
    try:
        return os.stat(path).st_mtime_ns if path else 0
    except OSError:
        return 0


def _theme_stamp(config) -> tuple:
    """mkdocs.yml and our theme overrides: a change to either changes every page."""
    stamps = [_mtime(config.config_file_path)]
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):
        for dirpath, _, names in os.walk(custom):
            stamps += [_mtime(os.path.join(dirpath, n)) for n in sorted(names)]
    return tuple(stamps)


def _listings(plugin, blog) -> tuple[tuple, dict]:
    """The navigation's shape, and what each list page shows (post files and their stamps)."""
    views = list(plugin._resolve_views(blog))
    shape = tuple((type(v).__name__, v.name, v.file.src_uri) for v in views)
    listings = {}
    for view in views:
        pages = view.pages or [view]
        step = plugin._config_pagination_per_page(view) if plugin._config_pagination(view) else len(view.posts) or 1
        for at, page in enumerate(pages):
            shown = view.posts[at * step:(at + 1) * step]
            listings[page.file.src_uri] = (len(pages), tuple(
                (post.file.src_uri, _mtime(post.file.abs_src_path)) for post in shown))
    return shape, listings


class Planner:
    def __init__(self) -> None:
        self.previous: BuildState | None = None
        self.current: BuildState | None = None
        self.phase = "populate"

    def plan(self, files, config, feed_length: int, report: PatchReport) -> None:
        """Decide, per page, whether this dirty build reads and writes it."""
        self.phase = "populate"
        state = BuildState(site_dir=config.site_dir)
        plugin, blog = blog_of(config)
        shape, state.listings, newest = None, {}, set()  # None: a blog plugin of another shape, rebuild all
        if blog is None:
            shape = ()
        elif report.applies(DIRTY_PLANNER):
            try:
                shape, state.listings = _listings(plugin, blog)
                by_date = sorted(blog.posts, key=lambda p: p.config.date.created, reverse=True)
                newest = {id(p.file) for p in by_date[:feed_length]}
            except (AttributeError, TypeError) as exc:
                report.stood_down(DIRTY_PLANNER, f"planning failed ({exc})")
                shape = None
        state.shape = (shape, _theme_stamp(config))
        docs = files.documentation_pages(inclusion=lambda _: True)  # posts are "excluded" until on_nav
        state.dests = {f.abs_dest_path for f in docs}
        self.current = state
        previous = self.previous
        full = (previous is None or shape is None or previous.site_dir != state.site_dir
                or previous.shape != state.shape)
        views = set(state.listings)
        rebuilt = 0
        for file in docs:
            if full:
                populate = write = True
            elif file.src_uri in views:
                write = (previous.listings.get(file.src_uri) != state.listings[file.src_uri]
                         or not os.path.isfile(file.abs_dest_path))
                populate = write
            else:
                write = File_is_modified(file)
                populate = write or id(file) in newest
            rebuilt += write
            file.is_modified = self._decider(populate, write)
        log.debug("digest: %s build, %d of %d pages", "full" if full else "incremental", rebuilt, len(docs))

    def _decider(self, populate: bool, write: bool):
        return lambda: populate if self.phase == "populate" else write

    def building(self) -> None:
        """MkDocs has read every page it needs; from here on it writes."""
        self.phase = "build"

    def finish(self, site_dir: str) -> None:
        """Remove pages of the previous build that this one no longer has; remember this build."""
        current, previous = self.current, self.previous
        if current is None:
            return
        if previous is not None and previous.site_dir == current.site_dir:
            root = Path(site_dir).resolve()
            for dest in sorted(previous.dests - current.dests):
                _remove_page(Path(dest), root)
        self.previous, self.current = current, None

    def forget(self) -> None:
        """After a failed build the site is in an unknown state: the next one is full."""
        self.previous = self.current = None


def File_is_modified(file) -> bool:  # noqa: N802 - MkDocs' own rule, before we replace the method
    from mkdocs.structure.files import File

    return File.is_modified(file)


def _remove_page(page: Path, root: Path) -> None:
    try:
        page.resolve().relative_to(root)
    except ValueError:
        return
    page.unlink(missing_ok=True)
    folder = page.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
