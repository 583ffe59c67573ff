"""How fast the readers read real pages: ms per page over ../shared/corpus.

    python -m bench.reading            # text and HTML dumps of the corpus

A speed figure, printed, never asserted: a test that times itself fails
whenever the machine is busy (tests/ holds no timed assertion). The
target for the text reader is about 5 ms a page.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import DumpError  # noqa: E402
from converter.readers import read_dump  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = {"text": "*.txt", "html": "*.html"}


def ms_per_page(paths: list[Path], repeat: int) -> float:
    """The best of `repeat` passes over `paths` (the least disturbed by other work)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for path in paths:
            try:
                read_dump(path)
            except DumpError:
                pass
        best = min(best, time.perf_counter() - started)
    return 1000 * best / max(len(paths), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="passes per format (best is printed)")
    args = parser.parse_args()
    for name, pattern in FORMATS.items():
        paths = sorted((args.corpus / name).glob(pattern))
        if not paths:
            print(f"{name}: no pages under {args.corpus / name}")
            continue
        print(f"{name}: {ms_per_page(paths, args.repeat):.1f} ms per page over {len(paths)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
