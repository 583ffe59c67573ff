"""The site's search index: Pagefind run over the built site.

Material's own search puts every word of every page into one JSON file
that a reader downloads whole before the first result (4.6 MB at 1,000
articles, growing with each one). Pagefind splits its index into chunks by
word and each page's excerpt into its own small fragment, so a first
search fetches a few hundred kilobytes whatever the size of the digest.

Only article bodies are indexed (`data-pagefind-body` in blog-post.html);
lists of stories would only repeat them. The binary ships in the
`pagefind-bin` wheel; nothing is downloaded at build time.

`mkdocs build` waits for the index. `mkdocs serve` waits for it on its
first build, then re-indexes in the background after each rebuild, into a
scratch folder swapped in when done, so that a new article is on the
preview without waiting for the index.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.digest")

OUTPUT = "pagefind"


def executable() -> str | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return shutil.which("pagefind")
    try:
        return str(get_executable())
    except (FileNotFoundError, OSError):
        return shutil.which("pagefind")


def _command(binary: str, site: Path, output: Path) -> list[str]:
    return [binary, "--site", str(site), "--output-path", str(output), "--silent"]


def index_site(site_dir: str) -> bool:
    """Index the built site into site_dir/pagefind; True when done."""
    binary = executable()
    if binary is None:
        log.error("search: the pagefind binary is missing (pip install 'pagefind[bin]')")
        return False
    site = Path(site_dir)
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site.parent))
    try:
        proc = subprocess.run(_command(binary, site, scratch / OUTPUT), capture_output=True, text=True)
        if proc.returncode != 0:
            log.error("search: pagefind failed: %s", (proc.stderr or proc.stdout).strip()[-500:])
            return False
        _swap_in(scratch / OUTPUT, site / OUTPUT)
        return True
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _swap_in(fresh: Path, target: Path) -> None:
    """Replace target with fresh in (almost) one step: readers never see half an index."""
    old = target.with_name(f".{OUTPUT}-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


class BackgroundIndexer:
    """Re-indexes a served site after each rebuild, one run at a time, latest wins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: str | None = None
        self._thread: threading.Thread | None = None

    def request(self, site_dir: str) -> None:
        with self._lock:
            self._wanted = site_dir
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="digest-pagefind", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._thread = None
                    return
            try:
                index_site(site_dir)
            except OSError as exc:  # the served folder went away (server stopping)
                log.debug("search: background index failed: %s", exc)

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
