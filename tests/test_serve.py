"""Drop to publish: a dump copied into content/ while `mkdocs serve` runs is on the site in seconds."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.preview import fetch, free_port
from conftest import SEED_HEADLINE, SUBPATH, copy_project, mkdocs_env, stays, wait_for

PREVIEW = ("serve", "--livereload", "--dirty")  # what `make serve` runs
DROPPED_HEADLINE = "Drop test: Blinken meets Herzog again in Tel Aviv"
# Each build starts with this line. (Not "Documentation built in N seconds":
# MkDocs drops a log message it has printed before, so two builds of equal
# length print it once.)
BUILT = re.compile(r"Building documentation\.\.\.")
# A second build of one change starts a tenth of a second after the first
# (MkDocs waits that long for changes to settle): a second is a wide margin.
SECOND_BUILD_WITHIN = 1.0


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


def drop(path: Path, data: bytes) -> None:
    """Put a file in place in one step, as a file manager or `mv` does."""
    scratch = path.parent.parent / f".drop-{path.name}"
    scratch.write_bytes(data)
    scratch.replace(path)


def test_drop_a_dump_into_a_running_serve(served, record_property):
    project, base, log_path = served
    content = project / "content"
    seed = content / "dumps" / "2024-08-19-blinken-israel.txt"
    expected = 1  # the first build, done before the server answers

    def one_build_for_the_change() -> None:
        """The change built once: the article the plugin writes into content/ is no second change."""
        try:
            wait_for(lambda: builds(log_path) >= expected, timeout=20)
            stays(lambda: builds(log_path) == expected, SECOND_BUILD_WITHIN)
        except pytest.fail.Exception:
            print(f"expected {expected} builds; the serve log:\n{log_path.read_text()}")
            raise

    # the first build is indexed for search before the server answers
    assert fetch(f"{base}pagefind/pagefind-entry.json")[0] == 200
    assert builds(log_path) == expected

    # a new dump appears: front page and its own page
    dump = content / "2024-08-20-drop-test.txt"
    drop(dump, dropped_dump(seed).encode("utf-8"))
    expected += 1
    latency = wait_for(lambda: DROPPED_HEADLINE in fetch(base)[1])
    record_property("drop_to_publish_seconds", round(latency, 2))  # a figure, not a check (bench/ times it)
    one_build_for_the_change()
    article = f"{base}2024/08/20/drop-test-blinken-meets-herzog-again-in-tel-aviv/"
    assert fetch(article)[0] == 200
    # the incremental build also rebuilt the lists that show it: its month and its section
    assert DROPPED_HEADLINE in fetch(f"{base}archive/2024/08/")[1]
    assert DROPPED_HEADLINE in fetch(f"{base}category/top-news/")[1]

    # a bad dump: its one-line error in the log, the rest keeps working
    drop(content / "broken.txt", b"")
    expected += 1
    wait_for(lambda: "broken.txt: empty file" in log_path.read_text(), timeout=20)
    one_build_for_the_change()
    status, front = fetch(base)
    assert status == 200 and DROPPED_HEADLINE in front and SEED_HEADLINE in front

    # deleting the dump takes the article off the site
    dump.unlink()
    expected += 1
    wait_for(lambda: DROPPED_HEADLINE not in fetch(base)[1] and fetch(article)[0] == 404, timeout=20)
    one_build_for_the_change()
    assert DROPPED_HEADLINE not in fetch(f"{base}archive/2024/08/")[1]
    assert DROPPED_HEADLINE not in fetch(f"{base}feed_rss_created.xml")[1]

    # rebuilds re-index in the background: the search index is still served
    wait_for(lambda: fetch(f"{base}pagefind/pagefind-entry.json")[0] == 200, timeout=20)

    log = log_path.read_text()
    assert "Traceback" not in log
    # (the server's own access-log line for the 404 this test asked for is not a warning of ours)
    assert [line for line in log.splitlines() if "WARNING" in line and '" code 404' not in line] == [], log
    errors = [line for line in log.splitlines() if "ERROR" in line]
    assert errors and all("broken.txt: empty file" in line for line in errors), log
