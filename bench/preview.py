"""Drop-to-visible: seconds from a dump landing in content/ to the article being
on the preview's article page, front page, month archive and section page.

Runs the preview command (`mkdocs serve --livereload --dirty`, what `make
serve` runs; or without --dirty, full rebuilds, for comparison) on
127.0.0.1, waits for its first build, then drops new stories dated after
every other one (on the last day of the last month, so the navigation's
months stay the same: the first story of a new month or section changes
every page's navigation and costs a full build), one at a time, and polls
the four pages.
"""
from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.dumps import _story, text_dump

SUBPATH = "/news-digest/"


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """(status, body) of a GET; status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, ValueError):
        return 0, ""


def _wait(condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def drop_to_visible(project: Path, env: dict, dirty: bool = True, drops: int = 3) -> float | None:
    """Median seconds over `drops` dropped dumps; None if the preview never showed one."""
    port = free_port()
    args = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    if dirty:
        args.append("--dirty")
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    log = (project / f"serve-{'dirty' if dirty else 'full'}.log").open("w")
    proc = subprocess.Popen(args, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    times = []
    dropped = []
    try:
        if not _wait(lambda: fetch(base)[0] == 200 or proc.poll() is not None, 600) or proc.poll() is not None:
            return None
        time.sleep(2)  # let the first build's own file events settle
        for n in range(drops):
            number = 900_000 + n + (0 if dirty else 100)
            story = _story(number)
            # Dec 31, 2024: newer than every generated story (Jan 1 .. Dec 30), same month
            text = text_dump(number).replace(f"Published {story['date']:%b. %d, %Y}", "Published Dec. 31, 2024")
            headline = story["headline"]
            dump = project / "content" / f"preview-drop-{number}.txt"
            started = time.monotonic()
            dump.write_text(text, encoding="utf-8")
            dropped.append(dump)
            pages = [base, f"{base}archive/2024/12/", f"{base}category/{_slug(story['section'])}/"]
            ok = _wait(lambda: all(headline in fetch(url)[1] for url in pages), 120)
            ok = ok and _wait(lambda: _find_article(base, headline), 30)
            if ok:
                times.append(time.monotonic() - started)
            time.sleep(3)  # the rebuild our own article write triggers
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        for dump in dropped:
            dump.unlink(missing_ok=True)
    return statistics.median(times) if times else None


def _find_article(base: str, headline: str) -> bool:
    """The front page links the article; its page answers with the headline."""
    status, front = fetch(base)
    match = re.search(r'<a href="([^"]+)">' + re.escape(headline.replace("&", "&amp;")), front)
    if not match:
        return False
    url = urllib.request.urljoin(base, match.group(1))
    status, page = fetch(url)
    return status == 200 and "digest-article__headline" in page
