"""The text reader's work a page, counted in CPU instructions: a speed figure a busy machine does not move.

    python -m bench.instructions       # needs valgrind (apt-get install valgrind); ~4 minutes

Wall time on a shared 2-core machine moved by up to 60% between identical
runs of `bench.reading`, so a change worth a few per cent could not be told
from noise. Valgrind's callgrind counts the instructions the interpreter
runs instead: the same code and the same hash seed give the same count
within ~0.2%. One pass over the 120 text dumps of both corpora, the line
caches emptied first (as `bench.reading` does), is the count of two passes
less the count of one, so start-up and imports cancel out. Printed, never
asserted.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from bench.reading import CORPORA, _forget_lines, _read

#: the hash seed both counted runs use: set iteration order, hence the work, depends on it
HASH_SEED = "0"


def _text_dumps():
    return [path for corpus in CORPORA for path in sorted((corpus / "text").glob("*.txt"))]


def _passes(count: int) -> None:
    """Read every text dump `count` times, the caches emptied before each pass (what is counted)."""
    paths = _text_dumps()
    for _ in range(count):
        _forget_lines()
        for path in paths:
            _read(path)


def _instructions(passes: int) -> int:
    """The instructions a child process running `passes` passes executes, as callgrind counts them."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-m", "bench.instructions", "--passes", str(passes)],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": HASH_SEED}, check=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if not found:
        raise SystemExit(f"bench.instructions: callgrind printed no count:\n{run.stderr[-500:]}")
    return int(found.group(1))


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--passes":
        _passes(int(sys.argv[2]))
        return 0
    if shutil.which("valgrind") is None:
        print("bench.instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    pages = len(_text_dumps())
    one, two = _instructions(1), _instructions(2)
    print(f"text reader, one pass over {pages} text dumps (caches emptied): "
          f"{(two - one) / pages / 1e6:.2f} M instructions a page (callgrind, PYTHONHASHSEED={HASH_SEED})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
