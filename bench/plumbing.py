"""How much of the text reader's time is the line model's plumbing: CPU µs and ms, printed.

    python -m bench.plumbing [--repeat 5]

The plumbing is what turns lines into numbers and numbers into verdicts:
`split_lines`, the features (`line_features`), the scoring (`classify`) and
the headline and byline rankers. The shared rule detectors (dates, names,
credits, furniture, word counts) are another matter, timed by their own
helpers: here their answers are worked out once, before the timing, and
looked up while it runs, so the figures are the plumbing's alone.

Two tables, CPU time (`time.process_time`), best of `--repeat` runs, each
run with the converter's line caches emptied first (as `bench.reading`):
- µs per unique line of the per-line functions, over every distinct
  non-blank line of both corpora's text dumps;
- ms per page (median over the 120 text dumps) of each plumbing stage.
A figure to read, never asserted (tests/ holds no timed assertion).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reading import CORPORA, _forget_lines, best_of  # noqa: E402
from converter import dates, furniture, people, text_shape  # noqa: E402
from converter.assembly import features, headline, model  # noqa: E402
from converter.assembly.body import body_span  # noqa: E402
from converter.assembly.byline import byline_candidates  # noqa: E402
from converter.readers import text as text_reader  # noqa: E402

#: the shared detectors, other modules' work: looked up, not timed
DETECTORS = (dates.find_dates, dates.is_relative_date, furniture.furniture_and_end, furniture.photo_credit,
             furniture.without_credit, people.names_from_byline, people.looks_like_name,
             people.names_from_contribution, people.names_in_line, people.names_opening, text_shape.count_words,
             text_shape.cjk_chars)


def _looked_up(function):
    answers: dict = {}

    def lookup(*args):
        try:
            return answers[args]
        except KeyError:
            answers[args] = answer = function(*args)
            return answer

    return lookup


def detectors_looked_up() -> None:
    """Replace every converter module's reference to a detector by a lookup of its answers."""
    replacements = {id(f): _looked_up(f) for f in DETECTORS}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "converter":
            for attr, value in list(vars(module).items()):
                if id(value) in replacements:
                    setattr(module, attr, replacements[id(value)])


def dumps() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace")
            for corpus in CORPORA for p in sorted((corpus / "text").glob("*.txt"))]


def per_line(texts: list[str], repeat: int) -> None:
    """µs per unique line of the per-line functions (each run on an emptied cache); a page's new
    short lines' text features are worked out together, so those are timed in page-sized batches."""
    lines = sorted({line.strip() for text in texts for line in text.split("\n") if line.strip()})
    short = [line for line in lines if len(line) <= 200]
    made = [features.Line(0, line) for line in short]
    batches = [(short[k : k + PAGE_NEW_LINES], made[k : k + PAGE_NEW_LINES]) for k in range(0, len(short), PAGE_NEW_LINES)]
    functions = {
        "_sample_shape": lambda: [features._sample_shape(line[:300]) for line in short],
        f"_short_rows ({PAGE_NEW_LINES} a batch)": lambda: [features._short_rows(*batch) for batch in batches],
        "Line(...)": lambda: [features.Line(0, line) for line in short],
    }
    for name, function in functions.items():
        best = best_of(repeat, function, time.process_time)
        print(f"  {name:16s} {1e6 * best / len(short):6.2f} µs per unique short line ({len(short)} lines)")


#: a median page's short lines not met on an earlier page
PAGE_NEW_LINES = 110


def stages(text: str) -> dict[str, float]:
    """CPU seconds of each plumbing stage on one page, as the text reader runs them."""
    clock = time.process_time
    t0 = clock()
    lines = text_reader.split_lines(text)
    t1 = clock()
    page = features.line_features(lines)
    t2 = clock()
    model.classify(lines, page)
    t3 = clock()
    span = body_span(lines)
    t4 = clock()
    head = None
    if span is not None:
        head = headline.find_headline(lines, page, span[0], [], 0)
    t5 = clock()
    if head is not None:
        model.choose_byline(lines, page, byline_candidates(lines, head, span[0], span[1]), head, span[0])
    t6 = clock()
    return {"split_lines": t1 - t0, "line_features": t2 - t1, "scoring": t3 - t2,
            "find_headline": t5 - t4, "choose_byline": t6 - t5, "plumbing total": t3 - t0 + t6 - t4}


def per_page(texts: list[str], repeat: int) -> None:
    """Median ms per page of each stage (each page's best of `repeat` runs)."""
    best: list[dict[str, float]] = [{} for _ in texts]
    for _ in range(repeat):
        _forget_lines()
        for k, text in enumerate(texts):
            for stage, seconds in stages(text).items():
                best[k][stage] = min(best[k].get(stage, float("inf")), seconds)
    for stage in best[0]:
        print(f"  {stage:16s} {1000 * statistics.median(b[stage] for b in best):6.3f} ms a page (median)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = dumps()
    for text in texts:  # every detector's answer worked out once, before any timing
        stages(text)
    detectors_looked_up()
    for text in texts:
        stages(text)
    print(f"plumbing of the text reader, detectors looked up, best of {args.repeat}, CPU time:")
    per_line(texts, args.repeat)
    per_page(texts, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
