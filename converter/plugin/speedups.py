"""Work Material's blog plugin does that the digest never shows, taken out.

Profiling `mkdocs build` on 1,000 articles (cProfile) put most of the
blog plugin's time in three places, none of which changes what our pages
show:

- **Excerpts.** For every post the blog plugin builds a second Markdown
  converter and renders the *whole* post again for every list it appears
  in (front page, month, section: three renders per post), because the
  stock list template prints each post's excerpt. Our list template
  (`partials/post.html`) prints the headline, date, sections, byline and
  the lede from front matter, never the excerpt, so a post's excerpt only
  has to carry what a list needs: `ListingExcerpt`. This was ~40% of a
  build.
- **Front matter.** Each post's YAML is parsed with PyYAML's pure-Python
  `SafeLoader`; the C `CSafeLoader` (same safe constructors, same types)
  parses it several times faster.
- **"Is this page a post?"** The plugin asks `page in posts` for every page,
  a linear scan with `Page.__eq__` over all posts: quadratic in the number
  of articles. `PostList` answers by identity from a set.

Each patch is applied only when the blog plugin still has the shape it
was written against (checked in patches.py); otherwise the build runs at
Material's speed and logs a warning naming the patch.
"""
from __future__ import annotations

import logging

import yaml

from .patches import FAST_YAML, LISTING_EXCERPTS, POST_LOOKUP, PatchReport

log = logging.getLogger("mkdocs.plugins.digest")


class _NoToc:
    items: list = []


class ListingExcerpt:
    """A post as a list of stories shows it: URL, title, meta and sections, no body."""

    def __init__(self, post, config=None, files=None):
        self.post = post
        self.authors: list = list(getattr(post, "authors", None) or [])
        self.categories: list = list(getattr(post, "categories", None) or [])
        self.more = None
        self.content = ""
        self.markdown = ""
        self.toc = _NoToc()

    def render(self, page, separator):  # the body is never printed in a list
        return None

    def __getattr__(self, name):  # url, title, meta, config, file, canonical_url, …
        if name == "post":
            raise AttributeError(name)
        return getattr(self.post, name)


class PostList(list):
    """The blog's posts, with `post in posts` answered by identity in O(1)."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def patch_blog_modules(listing_excerpts: bool, report: PatchReport) -> None:
    """Point the blog plugin at the fast YAML loader and (optionally) at listing excerpts."""
    if report.applies(FAST_YAML):
        from material.plugins.blog import structure as blog_structure

        blog_structure.SafeLoader = yaml.CSafeLoader
    if listing_excerpts and report.applies(LISTING_EXCERPTS):
        from material.plugins.blog import plugin as blog_plugin

        if not hasattr(blog_plugin, "_digest_original_excerpt"):
            blog_plugin._digest_original_excerpt = blog_plugin.Excerpt
        blog_plugin.Excerpt = ListingExcerpt
    elif not listing_excerpts:
        _restore_excerpts()


def _restore_excerpts() -> None:
    try:
        from material.plugins.blog import plugin as blog_plugin
    except ImportError:
        return
    if hasattr(blog_plugin, "_digest_original_excerpt"):
        blog_plugin.Excerpt = blog_plugin._digest_original_excerpt


def blog_of(config):
    """The blog plugin instance and its entry view (after its on_files), or (None, None)."""
    for name in ("material/blog", "blog"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin, "blog", None) is not None:
            return plugin, plugin.blog
    return None, None


def index_posts(config, listing_excerpts: bool, report: PatchReport) -> None:
    """After the blog plugin resolved its posts: O(1) membership, and excerpts for lists.

    Every post gets its listing excerpt up front, so a list shows a post
    even when this build did not render that post (an incremental build).
    """
    plugin, blog = blog_of(config)
    if plugin is None:
        if "material/blog" in config.plugins or "blog" in config.plugins:
            report.stood_down(POST_LOOKUP, "the blog plugin keeps no `blog` with posts after its on_files")
        return
    if not isinstance(getattr(blog, "posts", None), list):
        report.stood_down(POST_LOOKUP, "the blog's posts are not a list")
    elif report.applies(POST_LOOKUP):
        blog.posts = PostList(blog.posts)
    if listing_excerpts:
        for post in getattr(blog, "posts", None) or []:
            if getattr(post, "excerpt", None) is None:
                post.excerpt = ListingExcerpt(post)


def check_listing_excerpt(config, page, report: PatchReport) -> None:
    """After the blog's on_page_markdown: a post's excerpt must be ours, or lists render it whole."""
    _, blog = blog_of(config)
    posts = getattr(blog, "posts", None) or ()
    if page in posts and not isinstance(getattr(page, "excerpt", None), ListingExcerpt):
        report.stood_down(LISTING_EXCERPTS, "the blog plugin gave a post an excerpt of its own")
