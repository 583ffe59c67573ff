"""How fast the readers read real pages: ms per page over ../shared/corpus.

    python -m bench.reading            # text and HTML dumps of the corpus, then saved pages

A speed figure, printed, never asserted: a test that times itself fails
whenever the machine is busy (tests/ holds no timed assertion). The
target for the text reader is at most 5 ms a page (issue 9): its line
is printed first, per page over the text dumps of both corpora (median
and 90th percentile, each page's best run and its median run, wall and
CPU time), as other work on the machine moves a single figure.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.errors import DumpError  # noqa: E402
from converter.readers import read_dump  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CORPORA = (CORPUS, ROOT.parent / "shared" / "corpus2")
FORMATS = {"text": "*.txt", "html": "*.html"}


def ms_per_page(paths: list[Path], repeat: int) -> float:
    """The best of `repeat` passes over `paths` (the least disturbed by other work), each
    with the readers' line caches emptied first, as `page_times` does."""
    return 1000 * best_of(repeat, lambda: [_read(path) for path in paths]) / max(len(paths), 1)


def best_of(repeat: int, run, clock=time.perf_counter) -> float:
    """The least seconds `run()` took in `repeat` runs by `clock`, the line caches emptied before each."""
    best = float("inf")
    for _ in range(repeat):
        _forget_lines()
        started = clock()
        run()
        best = min(best, clock() - started)
    return best


def _read(path: Path) -> None:
    try:
        read_dump(path)
    except DumpError:
        pass


def _forget_lines() -> None:
    """Empty the converter's caches of answers per line, so no run reads a page the previous run left behind."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "converter":
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def page_times(paths: list[Path], repeat: int) -> dict[str, list[float]]:
    """Each page's ms, by wall clock (its best and its median of `repeat` runs) and by CPU time.

    Each run reads every page once, in turn, as a conversion does, with the
    readers' caches emptied first: a line counts as already seen only when
    an earlier page of the same run had it too (a site's menus and footers).
    """
    _read(paths[0])  # the model file and imports load once per process, not per page
    walls: list[list[float]] = [[] for _ in paths]
    cpus: list[list[float]] = [[] for _ in paths]
    for _ in range(repeat):
        _forget_lines()
        for k, path in enumerate(paths):
            started, started_cpu = time.perf_counter(), time.process_time()
            _read(path)
            walls[k].append(1000 * (time.perf_counter() - started))
            cpus[k].append(1000 * (time.process_time() - started_cpu))
    return {"best run": [min(w) for w in walls], "median run": [statistics.median(w) for w in walls],
            "CPU time, median run": [statistics.median(c) for c in cpus]}


def text_per_page(corpora: tuple[Path, ...], repeat: int) -> None:
    """The text reader's ms per page over every text dump of `corpora`: median and 90th percentile."""
    paths = [p for corpus in corpora for p in sorted((corpus / "text").glob("*.txt"))]
    if not paths:
        print("text per page: no text dumps found")
        return
    for kind, times in page_times(paths, repeat).items():
        deciles = statistics.quantiles(times, n=10)
        print(f"text per page ({kind}, {len(paths)} dumps of {len(corpora)} corpora): "
              f"median {statistics.median(times):.1f} ms, 90th percentile {deciles[-1]:.1f} ms, "
              f"max {max(times):.1f} ms")


def start_up() -> None:
    """What a process pays once, before its first page: importing the readers (their
    regular expressions, dateparser's month names) and loading the line model, in a fresh
    interpreter; and how many times the model file was read while the text pages were timed."""
    import subprocess

    probe = ("import time; t = time.perf_counter(); import converter.readers; t1 = time.perf_counter(); "
             "from converter.assembly.model import current_model; current_model(); t2 = time.perf_counter(); "
             "print(f'{1000 * (t1 - t):.0f} {1000 * (t2 - t1):.1f}')")
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
            .stdout.split() for _ in range(3)]
    imports, model = min(float(r[0]) for r in runs), min(float(r[1]) for r in runs)
    print(f"start-up, once a process (best of 3): import converter.readers {imports:.0f} ms, "
          f"line model load {model:.1f} ms; model file read {_MODEL_READS} time(s) over the text pages")


_MODEL_READS = 0


def _count_model_reads() -> None:
    """Count the model file's reads: a batch of pages should read it once, not once a page."""
    from converter.assembly import model

    load = model.Models.from_json

    def counted(data: dict) -> "model.Models":
        global _MODEL_READS
        _MODEL_READS += 1
        return load(data)

    model.Models.from_json = counted  # type: ignore[method-assign]


SAVED_SAMPLE = 8  # corpus pages with a lead image, turned into each single-file save


def saved_pages(corpus: Path, repeat: int) -> None:
    """ms per page for the corpus's HTML saved as SingleFile (4 MB inlined) and as a Safari web
    archive, each with a drawn 2400 px photo, and ms for publishing that photo (decode, resize, encode)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from saved_pages import drawn_photo, save_singlefile, save_webarchive  # noqa: E402
    from converter.images import publishable  # noqa: E402

    photo = drawn_photo()
    pages = sorted((corpus / "html").glob("*.html"))
    with tempfile.TemporaryDirectory() as scratch:
        kinds: dict[str, list[Path]] = {"html": [], "singlefile": [], "webarchive": []}
        for i, page in enumerate(pages):
            if len(kinds["html"]) == SAVED_SAMPLE:
                break
            text = page.read_text(encoding="utf-8", errors="replace")
            try:
                single = save_singlefile(text, photo)
                archive = save_webarchive(text, "https://news.example/story", photo)
            except AssertionError:  # the page has no lead image to inline
                continue
            for kind, data in (("html", text.encode()), ("singlefile", single.encode()), ("webarchive", archive)):
                path = Path(scratch) / f"{i}-{kind}.{'webarchive' if kind == 'webarchive' else 'html'}"
                path.write_bytes(data)
                kinds[kind].append(path)
        for kind, paths in kinds.items():
            size = sum(p.stat().st_size for p in paths) / max(len(paths), 1) / 1e6
            print(f"saved as {kind}: {ms_per_page(paths, repeat):.1f} ms per page over {len(paths)} pages "
                  f"({size:.1f} MB each)")
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        publishable(photo)
        best = min(best, time.perf_counter() - started)
    print(f"lead image 2400x1350 JPEG published (decode, resize to 1520, encode): {1000 * best:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="passes per format (best is printed)")
    args = parser.parse_args()
    _count_model_reads()
    text_per_page(tuple(c for c in CORPORA if c.is_dir()) if args.corpus == CORPUS else (args.corpus,),
                  max(args.repeat, 5))
    start_up()
    for name, pattern in FORMATS.items():
        paths = sorted((args.corpus / name).glob(pattern))
        if not paths:
            print(f"{name}: no pages under {args.corpus / name}")
            continue
        print(f"{name}: {ms_per_page(paths, args.repeat):.1f} ms per page over {len(paths)} pages")
    if (args.corpus / "html").is_dir():
        saved_pages(args.corpus, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
