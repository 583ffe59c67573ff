"""A thin MkDocs layer over `converter.convert`: the same conversion as `digest convert`.

Before each build it converts the dumps in `docs_dir` into `posts/`
(writing only what changed, so `mkdocs serve` settles), reports each bad
dump in one line, and keeps raw dumps out of the built site. It also
makes the few front-matter values Material prints without escaping
(title, description) safe to print. The theme needs nothing else from
it (the converter writes what the pages print), so Zensical, which runs
no MkDocs plugin, builds the same pages from `digest convert`'s output.
"""
from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ..convert import POSTS_DIRNAME, convert
from ..safe_files import path_text
from .incremental import Planner, QuietDirtyWarning
from .patches import FEED_RESET, PatchReport
from .published_files import unpublished
from .search import BackgroundIndexer, index_site
from .serve import OwnWrites, watch_docs_ignoring_own_writes
from .speedups import check_listing_excerpt, index_posts, patch_blog_modules

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(Config):
    posts_dir = opt.Type(str, default=POSTS_DIRNAME)
    strict = opt.Type(bool, default=False)
    # Our list templates print no excerpts: don't render posts a second time for lists.
    listing_excerpts = opt.Type(bool, default=True)
    # Index the built site with Pagefind (the header's search box); see search.py.
    search = opt.Type(bool, default=True)


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self):
        super().__init__()
        self.command, self.dirty, self.builds = "build", False, 0
        self.indexer = BackgroundIndexer()
        self.planner = Planner()
        self.patches = PatchReport()  # internals we patch that did not apply: one warning per build
        self.own_writes = OwnWrites()  # what the conversion changed, for the serve watcher
        self.pages_read: list = []

    def on_startup(self, *, command, dirty):
        # Having on_startup also makes MkDocs keep this instance across the
        # rebuilds of `mkdocs serve`, so it can remember the previous build.
        self.command, self.dirty = command, dirty
        if dirty:  # the planner (incremental.py) keeps lists, feed and deletions right
            logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())

    def on_config(self, config):
        self.pages_read = []
        patch_blog_modules(self.config.listing_excerpts, self.patches)
        if self.config.search and "material/search" in config.plugins:
            log.warning("digest: Material's search plugin is on as well; its search box wins "
                        "(remove `search` from plugins to use the digest's)")
        # mkdocs-rss-plugin 1.17 prints <url>None</url> without a feed image:
        # give it the site's icon, under site_url (which the deploy sets).
        rss = config.plugins.get("rss")
        if rss is not None and not rss.config.get("image") and config.site_url:
            rss.config["image"] = urljoin(config.site_url, "assets/images/favicon.png")
        if rss is not None and self.patches.applies(FEED_RESET) and isinstance(getattr(rss, "pages_to_filter", None), list):
            # mkdocs-rss-plugin 1.17 keeps its instance across serve rebuilds and
            # collects pages from each: start every build's feed afresh.
            rss.pages_to_filter = []
        return config

    def on_serve(self, server, config, builder):
        """A dropped dump builds once: the articles we write are not a second change."""
        watch_docs_ignoring_own_writes(server, config.docs_dir, self.own_writes, self.patches)
        return server

    def on_pre_build(self, config) -> None:
        docs = Path(config["docs_dir"])
        try:
            with self.own_writes.converting(docs / self.config.posts_dir):
                report = convert(docs, docs / self.config.posts_dir)
        except OSError as exc:  # e.g. posts/ cannot be read: one line, not a traceback
            raise PluginError(f"digest: {path_text(exc.filename or docs)}: {exc.strerror or exc}") from None
        for error in report.errors:
            log.error(str(error))
        for line in report.warnings():
            # A duplicate or a kept edit is news, not a fault: it must not stop
            # a --strict build (the publishing workflow) the way a bad dump does.
            log.info(line)
        if report.errors and self.config.strict:
            raise PluginError(f"{len(report.errors)} dump(s) could not be converted")

    @event_priority(100)  # before the blog plugin (-50) reads its posts
    def _drop_files(self, files, config):
        """Raw dumps are sources, never pages or assets of the site; see published_files.py.

        Done before the blog plugin reads `posts/`: a link there to a file outside the
        content folder was read by it (a link to /etc/passwd stopped the build, one to a
        draft elsewhere put its title on the front page)."""
        _drop_unpublished(files, Path(config["docs_dir"]))
        return files

    @event_priority(-60)  # after the blog plugin (-50) has resolved its posts and views
    def _index_files(self, files, config):
        """Index the posts the blog plugin has read; in a preview, plan what to rebuild.

        The unpublished files are already gone (`_drop_files`), so the planner
        never plans a page for one.
        """
        index_posts(config, self.config.listing_excerpts, self.patches)
        if self.dirty:
            rss = config.plugins.get("rss")
            length = int(rss.config.get("length") or 20) if rss is not None else 0
            self.planner.plan(files, config, feed_length=length, report=self.patches)
        return files

    on_files = CombinedEvent(_drop_files, _index_files)

    def on_env(self, env, config, files):
        self.planner.building()
        return env

    @event_priority(-60)  # after the blog plugin (-50) has given the post its excerpt
    def on_page_markdown(self, markdown, page, config, files):
        """The lede is the page's description (HTML meta tag, feed item)."""
        if self.config.listing_excerpts:
            check_listing_excerpt(config, page, self.patches)
        summary = page.meta.get("summary")
        if isinstance(summary, str) and summary and not page.meta.get("description"):
            page.meta["description"] = summary
        self.pages_read.append(page)
        return markdown

    def on_page_context(self, context, page, config, nav):
        """Material prints meta title/description as raw HTML (and search
        indexes the title as HTML): hand it escaped text. Our own templates
        use `headline`, `summary`, … inside `{% autoescape true %}`."""
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = escape(value)
        return context

    def on_post_page(self, output, page, config):
        """mkdocs-rss-plugin reads `image` as one URL string (and would fetch
        it); ours is a {description, caption, url} mapping the article
        template has already used. Once the page is rendered, hide it from
        the feed."""
        _hide_image(page)
        return output

    def on_post_build(self, config):
        self.patches.tell()
        for page in self.pages_read:  # read for the feed but not rendered (incremental builds)
            _hide_image(page)
        self.pages_read = []
        if self.dirty:
            self.planner.finish(config.site_dir)
        if not self.config.search:
            return
        self.builds += 1
        if self.command == "serve" and self.builds > 1:
            self.indexer.request(config.site_dir)  # the preview shows the article now, search follows
        elif not index_site(config.site_dir) and self.config.strict:
            raise PluginError("search: the site could not be indexed")

    def on_build_error(self, error):
        self.planner.forget()

    def on_shutdown(self):
        self.indexer.wait(timeout=30)


def _drop_unpublished(files, docs_dir: Path) -> None:
    """Take out of the site what must not be published, saying why in one INFO line each
    (news for the curator, not a fault that should stop a --strict build)."""
    for file, note in list(unpublished(files, docs_dir)):
        files.remove(file)
        if note:
            log.info(note)


def _hide_image(page) -> None:
    if isinstance(page.meta.get("image"), dict):
        page.meta["digest_image"] = page.meta.pop("image")
