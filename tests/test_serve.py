"""Drop to publish: a dump copied into content/ while `mkdocs serve` runs is on the site in seconds."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.preview import fetch, free_port
from conftest import SEED_HEADLINE, SUBPATH, copy_project, mkdocs_env, wait_for

PREVIEW = ("serve", "--livereload", "--dirty")  # what `make serve` runs
DROPPED_HEADLINE = "Drop test: Blinken meets Herzog again in Tel Aviv"
BUILT = re.compile(r"Documentation built in")


def dropped_dump(seed: Path) -> str:
    """A new story shaped like the seed (the same text would be a duplicate of it)."""
    text = seed.read_text(encoding="utf-8")
    text = "\n".join(line + " A sentence only the drop test has." if len(line) > 100 else line
                     for line in text.split("\n"))
    text = text.replace(SEED_HEADLINE, DROPPED_HEADLINE)
    return text.replace("blinken-is-in-israel-to-push-for-a-gaza-cease-fire-deal.",
                        "drop-test-blinken-meets-herzog-again-in-tel-aviv")


@pytest.fixture
def served(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", *PREVIEW, "-a", f"127.0.0.1:{port}"],
            cwd=project, env=mkdocs_env(), stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}{SUBPATH}"
        wait_for(lambda: fetch(base)[0] == 200 or proc.poll() is not None, timeout=60)
        assert proc.poll() is None, log_path.read_text()
        yield project, base, log_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def builds(log_path: Path) -> int:
    return len(BUILT.findall(log_path.read_text()))


def test_drop_a_dump_into_a_running_serve(served, record_property):
    project, base, log_path = served
    content = project / "content"
    seed = content / "dumps" / "2024-08-19-blinken-israel.txt"

    # the first build is indexed for search before the server answers
    assert fetch(f"{base}pagefind/pagefind-entry.json")[0] == 200

    # a new dump appears: front page and its own page
    dump = content / "2024-08-20-drop-test.txt"
    dump.write_text(dropped_dump(seed), encoding="utf-8")
    latency = wait_for(lambda: DROPPED_HEADLINE in fetch(base)[1])
    article = f"{base}2024/08/20/drop-test-blinken-meets-herzog-again-in-tel-aviv/"
    wait_for(lambda: fetch(article)[0] == 200, timeout=10)
    # the incremental build also rebuilt the lists that show it: its month and its section
    assert DROPPED_HEADLINE in fetch(f"{base}archive/2024/08/")[1]
    assert DROPPED_HEADLINE in fetch(f"{base}category/top-news/")[1]
    record_property("drop_to_publish_seconds", round(latency, 2))
    print(f"drop-to-publish latency: {latency:.2f}s")
    assert latency < 10

    # a bad dump: its one-line error in the log, the rest keeps working
    (content / "broken.txt").write_bytes(b"")
    wait_for(lambda: "broken.txt: empty file" in log_path.read_text(), timeout=20)
    status, front = fetch(base)
    assert status == 200 and DROPPED_HEADLINE in front and SEED_HEADLINE in front

    # deleting the dump takes the article off the site
    dump.unlink()
    wait_for(lambda: DROPPED_HEADLINE not in fetch(base)[1] and fetch(article)[0] == 404, timeout=20)
    assert DROPPED_HEADLINE not in fetch(f"{base}archive/2024/08/")[1]
    assert DROPPED_HEADLINE not in fetch(f"{base}feed_rss_created.xml")[1]

    # rebuilds re-index in the background: the search index is still served
    wait_for(lambda: fetch(f"{base}pagefind/pagefind-entry.json")[0] == 200, timeout=20)

    # the site settles: no further builds once nothing changes
    time.sleep(2)
    settled = builds(log_path)
    time.sleep(3)
    assert builds(log_path) == settled, log_path.read_text()

    log = log_path.read_text()
    assert "Traceback" not in log
    # (the server's own access-log line for the 404 this test asked for is not a warning of ours)
    assert [line for line in log.splitlines() if "WARNING" in line and '" code 404' not in line] == [], log
    errors = [line for line in log.splitlines() if "ERROR" in line]
    assert errors and all("broken.txt: empty file" in line for line in errors), log
    # three changes; each costs at most two builds (the change, then the article we wrote)
    assert settled <= 1 + 3 * 2, log
