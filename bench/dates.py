"""How long the date detectors take per line the text reader asks them about.

    python -m bench.dates            # µs per unique line, per function, best of --repeat

The lines are those the text reader really hands `converter.dates` while it
reads every text dump of both corpora (recorded, in order, then de-duplicated:
the reader's caches answer a repeated line, so a unique line is what costs).
Each pass empties the module's caches first and times each function over
every unique line once, in CPU time (`time.process_time`): other work on the
machine moves wall time. A figure printed, never asserted (tests/ holds no
timed assertion). Run it on two commits to compare before and after.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
import timeit
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter import dates  # noqa: E402
from converter.errors import DumpError  # noqa: E402
from converter.readers import read_dump  # noqa: E402
from bench.reading import _forget_lines  # noqa: E402

CORPORA = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus2")
TIMED = ("find_dates", "is_relative_date", "opens_with_time")


def asked_lines() -> dict[str, list[str]]:
    """Every line the text reader asks each timed function about, over both corpora's text dumps."""
    asked: dict[str, list[str]] = {name: [] for name in TIMED}
    originals = {name: getattr(dates, name) for name in TIMED}

    def recording(name: str):
        def record(text: str, *args):
            asked[name].append(text)
            return originals[name](text, *args)
        return record

    modules = [m for n, m in list(sys.modules.items()) if n.split(".")[0] == "converter"]
    patched = [(m, n) for m in modules for n in TIMED if getattr(m, n, None) is originals[n]]
    for module, name in patched:
        setattr(module, name, recording(name))
    try:
        for corpus in CORPORA:
            for path in sorted((corpus / "text").glob("*.txt")):
                try:
                    read_dump(path)
                except DumpError:
                    pass
    finally:
        for module, name in patched:
            setattr(module, name, originals[name])
    return {name: list(dict.fromkeys(lines)) for name, lines in asked.items()}


def _as_in_a_run() -> None:
    """Empty caches, and the garbage collector on (timeit turns it off; a conversion has it)."""
    _forget_lines()
    gc.enable()


def us_per_line(function, lines: list[str], repeat: int) -> float:
    """The best of `repeat` passes, each over every line once with the caches emptied."""
    passes = timeit.repeat(lambda: deque(map(function, lines), maxlen=0), setup=_as_in_a_run,
                           timer=time.process_time, repeat=repeat, number=1)
    return 1e6 * min(passes) / max(len(lines), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="passes per function (best is printed)")
    args = parser.parse_args()
    asked = asked_lines()
    pages = sum(len(list((corpus / "text").glob("*.txt"))) for corpus in CORPORA)
    for name in TIMED:
        lines = asked[name]
        us = us_per_line(getattr(dates, name), lines, args.repeat)
        print(f"{name}: {us:.2f} µs per unique line ({len(lines)} unique lines, best of {args.repeat}, CPU time), "
              f"{us * len(lines) / 1000 / max(pages, 1):.2f} ms a page over {pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
