"""Load test: thousands of dumps (varied real pages plus a few bad ones), converted and built.

    python -m bench.load [--count 5000]

Prints: conversion and build seconds and peak RSS, the number of error
lines (one per bad dump is expected), the summary line, and the exit
status of `mkdocs build --strict`, which must be non-zero because of the
bad dumps (a plain `mkdocs build` still publishes all the good articles).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dumps import write_corpus_variants  # noqa: E402
from bench.run import ENV, PROJECT_FILES, timed_command  # noqa: E402

BAD_DUMPS = {
    "bad-empty.txt": b"",
    "bad-blank.txt": b" \n\t\n",
    "bad-binary.txt": bytes(range(256)) * 64,
    "bad-no-headline.txt": b"short\nlines\nonly\n",
    "bad-no-article.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "bad-binary.html": b"\x00\x01\x02" * 5000,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    where = Path(tempfile.mkdtemp(prefix="digest-load-"))
    try:
        project = where / "project"
        project.mkdir()
        for name in PROJECT_FILES:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        content = project / "content"
        write_corpus_variants(content / "dumps", args.corpus, args.count)
        shutil.copy2(ROOT / "content" / "index.md", content / "index.md")
        for name, data in BAD_DUMPS.items():
            (content / name).write_bytes(data)

        convert = subprocess.run([sys.executable, "-m", "converter", "convert", str(content)],
                                 cwd=project, env=ENV, capture_output=True, text=True)
        errors = [line for line in convert.stderr.splitlines() if line.startswith("error:")]
        summary = convert.stderr.strip().splitlines()[-1] if convert.stderr.strip() else ""
        seconds, rss = timed_command([sys.executable, "-m", "converter", "convert", "-q", str(content)], project, (0, 1))
        shutil.rmtree(content / "posts")
        convert_s, convert_rss = timed_command([sys.executable, "-m", "converter", "convert", "-q", str(content)], project, (0, 1))
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=ENV,
                               capture_output=True, text=True)
        build_s, build_rss = timed_command([sys.executable, "-m", "mkdocs", "build", "-q"], project, (0, 1))
        strict = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=project, env=ENV,
                                capture_output=True, text=True)
        articles = len(list((content / "posts").glob("*.md")))
        print(f"dumps: {args.count} good + {len(BAD_DUMPS)} bad")
        print(f"convert: exit {convert.returncode}, {len(errors)} error lines, summary: {summary}")
        print(f"convert from scratch: {convert_s:.1f} s, peak RSS {convert_rss:.0f} MB; re-run with nothing changed: {seconds:.1f} s")
        print(f"articles on disk: {articles}")
        print(f"mkdocs build: exit {build.returncode}, {build_s:.1f} s, peak RSS {build_rss:.0f} MB, "
              f"{sum(1 for l in build.stderr.splitlines() if 'ERROR' in l)} error lines")
        print(f"mkdocs build --strict: exit {strict.returncode}")
        for line in errors:
            print("  " + line)
        ok = (len(errors) == len(BAD_DUMPS) and convert.returncode == 1 and build.returncode == 0
              and strict.returncode != 0 and articles == args.count)
        print("load test:", "passed" if ok else "FAILED")
        return 0 if ok else 1
    finally:
        shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
