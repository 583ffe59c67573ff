"""`digest convert --watch` (beside `zensical serve`): a dropped dump becomes an article by itself."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, mkdocs_env, wait_for

SAMPLES = ROOT / "content" / "dumps"


def test_watch_converts_each_change_quietly_and_stops_cleanly_on_ctrl_c(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLES / "2024-08-19-blinken-israel.txt", content)
    posts = content / "posts"
    proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", "--quiet", "--watch", str(content)],
                            cwd=tmp_path, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: len(list(posts.glob("*.md"))) == 1)
        # a new dump: its article appears; the dump goes: so does the article
        dropped = content / "2019-11-20-impeachment-white-house.txt"
        shutil.copy(SAMPLES / dropped.name, dropped)
        wait_for(lambda: (posts / "impeachment-sham-completely-debunked-white-house.md").exists())
        dropped.unlink()
        wait_for(lambda: not (posts / "impeachment-sham-completely-debunked-white-house.md").exists())
        # a bad dump: one error line, the watch goes on
        (content / "broken.txt").write_bytes(b"")
        shutil.copy(SAMPLES / "2019-11-18-prince-andrew-interview.txt", content)
        wait_for(lambda: (posts / "royal-self-indicting-arrogance.md").exists())
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert out == ""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line]  # (repeated by each conversion while it is there)
    assert lines and set(lines) == {"error: broken.txt: empty file"}, err
