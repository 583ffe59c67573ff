"""`mkdocs serve` builds once per change, not twice.

The plugin converts dumps into posts/ inside docs_dir while a build runs;
MkDocs' live server watches docs_dir and would take those writes for a
second change, and build again. So in `on_serve` the plugin replaces
MkDocs' watch of docs_dir with its own, which passes on every change but
the ones the plugin made itself: an article it has just written or
removed (the file is still exactly as it left it) and its temp files in
posts/. A curator's edit to an article is a change like any other.

Asking the server for a rebuild has no public API; that part is the
checked patch `serve-own-writes` (patches.py). Where it cannot apply,
MkDocs' own watch stays, and a dropped dump builds twice.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path
from typing import Iterator

from .patches import SERVE_OWN_WRITES, PatchReport

log = logging.getLogger("mkdocs.plugins.digest")

# Events that never change a file (watchdog reports them on some platforms).
_READ_ONLY_EVENTS = frozenset({"opened", "closed_no_write"})

Stamp = tuple[int, int] | None  # (mtime_ns, size), None when absent


def _stamp(path: str) -> Stamp:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _stamps(folder: Path) -> dict[str, Stamp]:
    if not folder.is_dir():
        return {}
    return {str(p): _stamp(str(p)) for p in folder.iterdir() if p.is_file()}


class OwnWrites:
    """The files in posts/ that the plugin changed, as it left them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._left: dict[str, Stamp] = {}
        self._folder: str | None = None

    @contextlib.contextmanager
    def converting(self, posts: Path) -> Iterator[None]:
        """Around a conversion into `posts`: the watcher waits until we know what we wrote."""
        with self._lock:
            self._folder = os.path.abspath(posts)
            before = _stamps(posts)
            try:
                yield
            finally:
                after = _stamps(posts)
                for path in set(before) | set(after):
                    if before.get(path) != after.get(path):
                        self._left[path] = after.get(path)

    def is_ours(self, path: str) -> bool:
        path = os.path.abspath(path)
        with self._lock:
            folder = self._folder
            if folder and os.path.dirname(path) == folder and os.path.basename(path).startswith("."):
                return True  # the converter's temp files (dot files: never pages)
            return path in self._left and _stamp(path) == self._left[path]


def watch_docs_ignoring_own_writes(server, docs_dir: str, own: OwnWrites, report: PatchReport) -> None:
    """Swap MkDocs' watch of docs_dir for one that skips the plugin's own writes."""
    if not report.applies(SERVE_OWN_WRITES):
        return
    docs = os.path.abspath(docs_dir)
    try:
        server.unwatch(docs)
    except KeyError:
        return  # --no-livereload: MkDocs watches nothing

    def request_rebuild(event) -> None:
        if event.is_directory or event.event_type in _READ_ONLY_EVENTS:
            return
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if all(own.is_ours(os.fsdecode(p)) for p in paths):
            return
        log.debug("digest: %s", event)
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    import watchdog.events

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = request_rebuild
    server.observer.schedule(handler, docs, recursive=True)
