"""`kill -9` at any moment leaves every article complete or absent; a re-run finishes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import frontmatter

from conftest import ROOT, wait_for

from bench.dumps import write_dumps
from converter.writer import is_hand_edited

COUNT = 300  # three killed runs of KILL_AFTER new articles each leave well over half of it undone
KILL_AFTER = 40  # new articles a run writes before it is killed


def start_convert(content: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "converter", "convert", "-q", "-j", "2", str(content)],
                            cwd=content.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def assert_every_article_complete(posts: Path) -> int:
    articles = sorted(posts.glob("*.md")) if posts.is_dir() else []
    for article in articles:
        text = article.read_text(encoding="utf-8")
        assert not is_hand_edited(text), f"{article.name} is incomplete or corrupt"
        assert frontmatter.loads(text)["headline"]
    return len(articles)


def articles_on_disk(posts: Path) -> int:
    return len(list(posts.glob("*.md"))) if posts.is_dir() else 0


def test_kill_nine_during_convert_never_leaves_a_half_article(tmp_path: Path):
    content = tmp_path / "content"
    dumps = write_dumps(content, COUNT)
    before = {p: p.read_bytes() for p in dumps[:: 97]}
    posts = content / "posts"
    seen = [0]
    for _ in range(3):
        proc = start_convert(content)
        # kill it while it writes: once it has added a few articles, however fast the machine
        wait_for(lambda: articles_on_disk(posts) >= seen[-1] + KILL_AFTER or proc.poll() is not None,
                 timeout=120, step=0.02)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        seen.append(assert_every_article_complete(posts))
    assert seen == sorted(seen) and 0 < seen[-1] < COUNT, seen  # each run got further, none finished
    proc = start_convert(content)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert assert_every_article_complete(posts) == COUNT
    assert all(p.read_bytes() == data for p, data in before.items()), "a raw dump was modified"
    strays = [p.name for p in posts.iterdir() if not p.name.endswith(".md") and not p.name.startswith(".tmp-")]
    assert not strays
