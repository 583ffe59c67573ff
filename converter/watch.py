"""`digest convert --watch`: convert again whenever a dump (or its sidecar, or an edition's
introduction) appears, changes or goes.

`mkdocs serve` converts through our plugin on every rebuild; `zensical
serve` runs no MkDocs plugin, so beside it this keeps `posts/` in step
with the dumps, and Zensical's own watcher picks up the articles.

It polls the dumps' sizes and modification times (no extra dependency,
the same on every platform; a poll of a few thousand dumps is a few
milliseconds) and, once they have stopped changing (a dump still being
copied in is not read half-written), runs the usual cached conversion,
so only the changed dumps are read again.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from .convert import EDITIONS_DIRNAME, POSTS_DIRNAME, find_dumps
from .sidecar import sidecar_path

POLL_SECONDS = 0.5

Stamps = dict[str, tuple[int, int]]


def stamps(roots: list[Path], out_dir: Path | None = None) -> Stamps:
    """Size and modification time of every dump under `roots` (folders or single files), of
    the curator's sidecars beside them and of the editions' introductions."""
    found: Stamps = {}
    for root in roots:
        dumps = [root] if root.is_file() else find_dumps(root, out_dir or root / POSTS_DIRNAME) if root.is_dir() else []
        sidecars = [sidecar_path(d) for d in dumps if sidecar_path(d).exists()]
        intros = sorted((root / EDITIONS_DIRNAME).glob("*.md")) if root.is_dir() else []
        for dump in dumps + sidecars + intros:
            try:
                stat = dump.stat()
            except OSError:  # gone between the listing and the look
                continue
            found[str(dump)] = (stat.st_mtime_ns, stat.st_size)
    return found


def watch(roots: list[Path], out_dir: Path | None, convert_again: Callable[[], object],
          interval: float = POLL_SECONDS, seen: Stamps | None = None) -> None:
    """Call `convert_again` after each change to the dumps; returns only on Ctrl-C (KeyboardInterrupt).

    `seen` is what the last conversion saw (taken before it started, so that a
    dump dropped while it ran is converted too); by default, what is there now.
    """
    seen = stamps(roots, out_dir) if seen is None else seen
    while True:
        time.sleep(interval)
        now = stamps(roots, out_dir)
        if now == seen:
            continue
        # A dump still being copied in changes between polls: convert once it has settled.
        while True:
            time.sleep(interval)
            settled = stamps(roots, out_dir)
            if settled == now:
                break
            now = settled
        seen = now
        convert_again()
