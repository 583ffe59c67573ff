"""What the text reader's word detectors cost a line: µs per unique line, per function.

    python -m bench.line_detectors            # best of 7 passes, CPU time
    python -m bench.line_detectors --repeat 15

The text reader asks `furniture`, `people` and `text_shape` about every short
line of a dump (issue 9's 5 ms a page). Each function here is timed over the
unique stripped lines of both corpora's text dumps that the reader hands it
(short lines: longer ones never reach the detectors), with the converter's
line caches emptied before each pass, so every call does the work a line met
for the first time costs. `without_credit` runs on every line of every dump,
repeats and blanks included, as the reader calls it. A figure is printed,
never asserted: CPU time (`time.process_time`), best of the passes, as other
work on the machine moves any single pass. Last, the six detectors the line
model reads (`detected._detect_line`) over each dump's short lines not met on
an earlier dump, asked line by line and a page at once (`detect_lines`).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reading import CORPORA, _forget_lines  # noqa: E402
from converter import settings  # noqa: E402
from converter.assembly.detected import _detect_line, detect_lines  # noqa: E402
from converter.furniture import furniture_and_end, photo_credit, without_credit  # noqa: E402
from converter.people import looks_like_name, names_from_byline, names_from_contribution  # noqa: E402
from converter.text_shape import count_words  # noqa: E402


def dump_lines() -> list[str]:
    """Every line of every text dump of both corpora, stripped, in order, blanks included."""
    return [raw.strip() for corpus in CORPORA for dump in sorted((corpus / "text").glob("*.txt"))
            for raw in dump.read_text(encoding="utf-8", errors="replace").split("\n")]


def us_per_line(function: Callable[[str], object], lines: Iterable[str], repeat: int) -> float:
    """CPU µs a line, best of `repeat` passes (the least disturbed by other work on the machine)."""
    lines = list(lines)
    return 1e6 * min(_pass_seconds(function, lines) for _ in range(repeat)) / max(len(lines), 1)


def _pass_seconds(function: Callable[[str], object], lines: list[str]) -> float:
    """CPU seconds of one pass of `function` over `lines`, the converter's line caches emptied first."""
    _forget_lines()
    started = time.process_time()
    for line in lines:
        function(line)
    return time.process_time() - started


def new_short_lines_by_page() -> list[list[str]]:
    """Each dump's stripped short lines not met on an earlier dump: what a run asks the detectors."""
    seen: set[str] = set()
    pages = []
    for corpus in CORPORA:
        for dump in sorted((corpus / "text").glob("*.txt")):
            lines = [raw.strip() for raw in dump.read_text(encoding="utf-8", errors="replace").split("\n")]
            new = [line for line in dict.fromkeys(lines) if line and len(line) <= settings.SHORT_LINE_CHARS
                   and line not in seen]
            seen.update(new)
            pages.append(new)
    return pages


def us_per_line_by_page(ask: Callable[[list[str]], object], pages: list[list[str]], repeat: int) -> float:
    """CPU µs a line of `ask` given each page's lines, best of `repeat` passes, caches emptied first."""
    def one_pass() -> float:
        _forget_lines()
        started = time.process_time()
        for lines in pages:
            ask(lines)
        return time.process_time() - started
    return 1e6 * min(one_pass() for _ in range(repeat)) / max(sum(map(len, pages)), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="passes per function (the best is printed)")
    args = parser.parse_args()
    every = dump_lines()
    unique_short = sorted({line for line in every if line and len(line) <= settings.SHORT_LINE_CHARS})
    print(f"{len(every)} lines, {len(unique_short)} unique non-blank lines of at most "
          f"{settings.SHORT_LINE_CHARS} characters, in {sum(1 for c in CORPORA if c.is_dir())} corpora")
    for function in (furniture_and_end, photo_credit, names_from_byline, looks_like_name,
                     names_from_contribution, count_words):
        print(f"{function.__name__:24} {us_per_line(function, unique_short, args.repeat):6.2f} µs a unique short line")
    print(f"{without_credit.__name__:24} {us_per_line(without_credit, every, args.repeat):6.2f} µs a line (every line)")
    pages = new_short_lines_by_page()
    one_by_one = _detect_line
    print(f"the six detectors, line by line {us_per_line_by_page(lambda lines: list(map(one_by_one, lines)), pages, args.repeat):6.2f}"
          f" µs a new short line; {detect_lines.__name__}, a page at once {us_per_line_by_page(detect_lines, pages, args.repeat):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
