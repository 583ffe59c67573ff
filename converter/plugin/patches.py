"""Every place the digest relies on code that is not MkDocs' or Material's public API, checked.

The speed-ups (speedups.py), the dirty-build planner (incremental.py),
the feed reset (plugin.py) and the serve watcher (serve.py) depend on the
shape of other packages' internals: a module attribute, a private method,
an instance attribute. Each is a named `Patch` here, with a check of the
shape it was written against.

On the versions pinned in constraints.txt every check passes (the test
suite asserts it). When a newer release changes shape, the patch stands
down: the site stays right, but builds get slower, the preview rebuilds
in full, or a dropped dump builds twice. Instead of falling back silently,
the build then logs one warning naming each patch that did not apply.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

import yaml

log = logging.getLogger("mkdocs.plugins.digest")


@dataclass(frozen=True)
class Patch:
    name: str
    loss: str  # what a build loses when this patch stands down
    shape: Callable[[], str | None]  # why it cannot apply to the installed versions, or None


def _uses(function, name: str) -> bool:
    """Does `function`'s code name `name` (a global or an attribute)?"""
    code = getattr(function, "__code__", None)
    return code is not None and name in code.co_names


def _blog():
    from material.plugins.blog import plugin, structure

    return plugin, structure


def _fast_yaml() -> str | None:
    try:
        _, structure = _blog()
    except ImportError as exc:
        return f"no Material blog plugin ({exc})"
    if getattr(yaml, "CSafeLoader", None) is None:
        return "PyYAML has no CSafeLoader (built without libyaml)"
    if getattr(structure, "SafeLoader", None) not in (yaml.SafeLoader, yaml.CSafeLoader):
        return "material.plugins.blog.structure has no SafeLoader to replace"
    if not _uses(getattr(structure.Post, "__init__", None), "SafeLoader"):
        return "the blog's Post() no longer parses front matter through structure.SafeLoader"
    return None


def _listing_excerpts() -> str | None:
    try:
        plugin, _ = _blog()
    except ImportError as exc:
        return f"no Material blog plugin ({exc})"
    if not hasattr(plugin, "Excerpt"):
        return "material.plugins.blog.plugin has no Excerpt class to replace"
    if not _uses(plugin.BlogPlugin.on_page_markdown, "Excerpt"):
        return "the blog's on_page_markdown no longer creates posts' excerpts"
    return None


def _post_lookup() -> str | None:
    try:
        plugin, _ = _blog()
    except ImportError as exc:
        return f"no Material blog plugin ({exc})"
    if not _uses(plugin.BlogPlugin.on_files, "blog") or not _uses(plugin.BlogPlugin.on_page_markdown, "posts"):
        return "the blog plugin no longer looks posts up in self.blog.posts"
    return None


PLANNER_METHODS = ("_resolve_views", "_config_pagination", "_config_pagination_per_page")


def _dirty_planner() -> str | None:
    try:
        plugin, _ = _blog()
        from mkdocs.commands import build
    except ImportError as exc:
        return f"missing module ({exc})"
    missing = [name for name in PLANNER_METHODS if not callable(getattr(plugin.BlogPlugin, name, None))]
    if missing:
        return f"the blog plugin has no {', '.join(missing)}"
    if not all(_uses(getattr(build, step, None), "is_modified") for step in ("_populate_page", "_build_page")):
        return "MkDocs' dirty build no longer asks file.is_modified()"
    return None


def _feed_reset() -> str | None:
    try:
        from mkdocs_rss_plugin.plugin import GitRssPlugin
    except ImportError:
        return None  # no feed plugin installed: nothing to reset
    if not (_uses(GitRssPlugin.on_startup, "pages_to_filter") and _uses(GitRssPlugin.on_post_build, "pages_to_filter")):
        return "mkdocs-rss-plugin no longer collects the feed's pages in pages_to_filter"
    return None


SERVER_INTERNALS = ("_rebuild_cond", "_want_rebuild", "observer")


def _serve_own_writes() -> str | None:
    try:
        from mkdocs.livereload import LiveReloadServer
    except ImportError as exc:
        return f"missing module ({exc})"
    if not callable(getattr(LiveReloadServer, "unwatch", None)):
        return "MkDocs' live server has no unwatch()"
    missing = [name for name in SERVER_INTERNALS if not _uses(LiveReloadServer.__init__, name)]
    if missing or not _uses(LiveReloadServer._build_loop, "_want_rebuild"):
        return f"MkDocs' live server no longer has {', '.join(missing) or '_want_rebuild'}"
    return None


FAST_YAML = Patch("fast-yaml", "posts' front matter is parsed by the slower pure-Python YAML loader", _fast_yaml)
LISTING_EXCERPTS = Patch("listing-excerpts", "every post is rendered again for each list it is in", _listing_excerpts)
POST_LOOKUP = Patch("post-lookup", "finding a page among the posts is a linear scan per page", _post_lookup)
DIRTY_PLANNER = Patch("dirty-planner", "the preview (serve --dirty) rebuilds every page on each change", _dirty_planner)
FEED_RESET = Patch("feed-reset", "the preview's feed may list an article from an earlier build", _feed_reset)
SERVE_OWN_WRITES = Patch("serve-own-writes", "mkdocs serve builds twice per dropped dump", _serve_own_writes)

PATCHES = (FAST_YAML, LISTING_EXCERPTS, POST_LOOKUP, DIRTY_PLANNER, FEED_RESET, SERVE_OWN_WRITES)


class PatchReport:
    """The patches that stood down in one build, told in one warning at its end.

    Kept across the rebuilds of `mkdocs serve` (with the plugin instance),
    it warns again only when the set of patches standing down changes.
    """

    def __init__(self) -> None:
        self.missed: dict[str, str] = {}
        self._told: frozenset[str] = frozenset()

    def applies(self, patch: Patch) -> bool:
        """Check `patch` against the installed versions; remember it when it cannot apply."""
        why = patch.shape()
        if why is not None:
            self.stood_down(patch, why)
        return why is None

    def stood_down(self, patch: Patch, why: str) -> None:
        self.missed.setdefault(patch.name, why)

    def tell(self) -> None:
        """One warning naming every patch that did not apply in this build (once per change of that set)."""
        names = frozenset(self.missed)
        if names and names != self._told:
            losses = {p.name: p.loss for p in PATCHES}
            details = "; ".join(f"{name}: {why} (so {losses.get(name, 'it is off')})"
                                for name, why in sorted(self.missed.items()))
            log.warning("digest: %d patch(es) of MkDocs/Material internals did not apply; the site is "
                        "still right. %s. Update converter/plugin/patches.py for the installed versions.",
                        len(names), details)
        self._told = names
        self.missed = {}
