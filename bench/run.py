"""The digest's benchmark: conversion, builds, rebuilds, site size and search weight.

    python -m bench.run                 # N = 100, 1,000 and 5,000
    python -m bench.run --sizes 100,1000

For each N it generates N deterministic dumps (`bench/dumps.py`; one in
five saved as HTML) in a scratch copy of the project, then measures, each
as the median of --repeat runs:

- conversion ms per article, text and HTML, cold (first read) and cached
  (nothing changed: the converter only checks hashes);
- a full `mkdocs build` from raw dumps (our plugin converting), its peak RSS;
- the reference: Material's blog plugin building the same pre-converted
  Markdown without our plugin, in the same run, and the ratio of the two;
- a second build with nothing changed, and its ratio to the reference;
- the built site's size, and the bytes a reader's browser downloads for a
  first search of one word (Chromium, site served on 127.0.0.1).

It prints a Markdown table and, with --out, writes it to a file.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dumps import write_dumps  # noqa: E402

PROJECT_FILES = ("mkdocs.yml", "theme_overrides")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def make_project(where: Path, count: int) -> Path:
    """A scratch copy of the project whose content/ holds `count` generated dumps."""
    project = where / f"digest-{count}"
    project.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy2(source, project / name)
    content = project / "content"
    content.mkdir()
    index = ROOT / "content" / "index.md"
    if index.exists():
        shutil.copy2(index, content / "index.md")
    write_dumps(content / "dumps", count, html_every=5)
    return project


def timed_command(args: list[str], cwd: Path, ok_codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the largest process) for one command run."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "s = time.perf_counter() - t\n"
        "print(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, env=ENV,
                         capture_output=True, text=True, check=True).stdout.split()
    seconds, rss, rc = float(out[0]), float(out[1]), int(out[2])
    if rc not in ok_codes:
        raise SystemExit(f"command failed ({rc}): {' '.join(args)} in {cwd}")
    return seconds, rss


def mkdocs(project: Path, config: str = "mkdocs.yml", site: str = "site") -> tuple[float, float]:
    return timed_command([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", site], project)


def post_stamps(project: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (project / "content" / "posts").glob("*.md")}


def page_kb(site: Path) -> dict[str, float]:
    """Sizes a reader downloads per page: an article page (median) and the front page."""
    articles = sorted(p.stat().st_size for p in site.glob("20*/*/*/*/index.html"))
    return {"article_kb": (median(articles) / 1024) if articles else None,
            "front_kb": (site / "index.html").stat().st_size / 1024}


def conversion_ms(project: Path) -> dict[str, float]:
    """ms per article for text and HTML dumps, read cold and then with nothing changed,
    and a whole cold conversion run on one core and on all cores (what the plugin runs)."""
    from converter.convert import convert, convert_dump, find_dumps
    from converter.errors import DumpError

    content = project / "content"
    dumps = find_dumps(content, content / "posts")
    result = {}
    for kind, suffixes in (("text", (".txt",)), ("html", (".html", ".htm"))):
        chosen = [d for d in dumps if d.suffix in suffixes]
        read = 0
        start = time.perf_counter()
        for dump in chosen:
            try:
                convert_dump(dump, dump.name)
                read += 1
            except DumpError:  # e.g. HTML before its reader lands: n/a
                pass
        if read:
            result[f"{kind}_cold_ms"] = (time.perf_counter() - start) * 1000 / read
    # whole runs into a scratch folder: cold on one core, cold on all cores, then cached
    for label, workers in (("convert_1core_s", 1), ("convert_all_s", None)):
        scratch = project / f"probe-{label}"
        start = time.perf_counter()
        convert(content, scratch, workers=workers, cache_dir=project / ".cache" / f"probe-{label}")
        result[label] = time.perf_counter() - start
    scratch = project / "probe-convert_all_s"
    start = time.perf_counter()
    report = convert(content, scratch, workers=1, cache_dir=project / ".cache" / "probe-convert_all_s")
    result["cached_ms"] = (time.perf_counter() - start) * 1000 / max(1, len(report.unchanged))
    result["cached_written"] = len(report.written)
    for label in ("convert_1core_s", "convert_all_s"):
        shutil.rmtree(project / f"probe-{label}", ignore_errors=True)
    return result


def reference_config(project: Path) -> str:
    """Stock Material blog over the converted Markdown: our mkdocs.yml without our
    plugin, our templates (they need its filters), our CSS and the feed, and with
    Material's own search plugin, as a site made with Material alone would have."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^\s*-\s*digest\s*$", "", text, flags=re.M)
    text = re.sub(r"^\s*custom_dir:.*$", "", text, flags=re.M)
    text = re.sub(r"^extra_css:\n(?:\s+-.*\n)+", "", text, flags=re.M)
    text = re.sub(r"^  - rss:\n(?:      .*\n)+", "", text, flags=re.M)
    if not re.search(r"^\s*-\s*search\s*$", text, flags=re.M):
        text = text.replace("plugins:\n", "plugins:\n  - search\n", 1)
    (project / "mkdocs-reference.yml").write_text(text, encoding="utf-8")
    return "mkdocs-reference.yml"


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def first_search_bytes(site: Path, word: str) -> int | None:
    """Bytes the browser fetches from opening search to the first results shown."""
    try:
        from bench.browser import measure_first_search
    except ImportError:
        return None
    return measure_first_search(site, word)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_size(count: int, repeat: int, where: Path, preview: bool = True) -> dict:
    project = make_project(where, count)
    row: dict = {"articles": count}
    row.update(conversion_ms(project))
    full, rss, nochange = [], [], []
    for _ in range(repeat):
        shutil.rmtree(project / "content" / "posts", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        seconds, peak = mkdocs(project)
        full.append(seconds)
        rss.append(peak)
        before = post_stamps(project)
        nochange.append(mkdocs(project)[0])
        # a no-change build converts nothing: every article file stays as it was
        row["nochange_rewritten"] = sum(1 for k, v in post_stamps(project).items() if before.get(k) != v)
    config = reference_config(project)
    ref, ref_rss = [], []
    aside = project / "dumps-aside"
    editions_aside = project / "editions-aside"
    (project / "content" / "dumps").rename(aside)  # the reference has only the articles' Markdown:
    (project / "content" / "editions").rename(editions_aside)  # stock Material has no editions
    try:
        for _ in range(repeat):
            seconds, peak = mkdocs(project, config, "site-reference")
            ref.append(seconds)
            ref_rss.append(peak)
    finally:
        aside.rename(project / "content" / "dumps")
        editions_aside.rename(project / "content" / "editions")
    row["reference_site_mb"] = folder_mb(project / "site-reference")
    row["reference_search_bytes"] = first_search_bytes(project / "site-reference", "council")
    shutil.rmtree(project / "site-reference", ignore_errors=True)
    row.update(
        build_s=median(full), build_rss_mb=median(rss), reference_s=median(ref), reference_rss_mb=median(ref_rss),
        nochange_s=median(nochange),
    )
    row["build_ratio"] = row["build_s"] / row["reference_s"]
    row["nochange_ratio"] = row["nochange_s"] / row["reference_s"]
    mkdocs(project)
    row["site_mb"] = folder_mb(project / "site")
    row.update(page_kb(project / "site"))
    row["search_bytes"] = first_search_bytes(project / "site", "council")
    if preview and count == 1000:
        from bench.preview import drop_to_visible

        row["preview_s"] = drop_to_visible(project, ENV, dirty=True, drops=repeat)
        row["preview_full_s"] = drop_to_visible(project, ENV, dirty=False, drops=1)
    return row


COLUMNS = [
    ("articles", "articles", "{:,}"),
    ("text_cold_ms", "text ms/article", "{:.2f}"),
    ("html_cold_ms", "HTML ms/article", "{:.2f}"),
    ("cached_ms", "cached ms/article", "{:.3f}"),
    ("convert_1core_s", "convert all, 1 core s", "{:.1f}"),
    ("convert_all_s", "convert all, all cores s", "{:.1f}"),
    ("build_s", "full build s", "{:.1f}"),
    ("build_rss_mb", "peak RSS MB", "{:.0f}"),
    ("reference_s", "reference build s", "{:.1f}"),
    ("reference_rss_mb", "reference RSS MB", "{:.0f}"),
    ("build_ratio", "ratio", "{:.2f}"),
    ("nochange_s", "no-change build s", "{:.1f}"),
    ("nochange_ratio", "no-change ratio", "{:.2f}"),
    ("site_mb", "site MB", "{:.1f}"),
    ("reference_site_mb", "reference site MB", "{:.1f}"),
    ("article_kb", "article page KB", "{:.1f}"),
    ("front_kb", "front page KB", "{:.1f}"),
    ("search_bytes", "first search KB", "{:.0f}"),
    ("reference_search_bytes", "reference first search KB", "{:.0f}"),
    ("preview_s", "preview drop-to-visible s", "{:.1f}"),
    ("preview_full_s", "same, full rebuilds s", "{:.1f}"),
]


def table(rows: list[dict]) -> str:
    head = "| " + " | ".join(title for _, title, _ in COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    lines = [head, rule]
    for row in rows:
        cells = []
        for key, _, fmt in COLUMNS:
            value = row.get(key)
            if key.endswith("search_bytes") and value is not None:
                value = value / 1024
            cells.append("n/a" if value is None else fmt.format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


RESULTS_HEADER = """# Benchmark results

`{command}` on the project's 2-core machine, medians of the repeats.
MkDocs 1.6.1, Material 9.8.2, Pagefind 1.5.2.

- **articles**: generated dumps (`bench/dumps.py`), one in five saved as HTML.
- **reference**: Material's blog plugin with Material's own (lunr) search over
  the same converted Markdown, without our plugin, templates or feed, built in
  the same run. **ratio** = our full build from raw dumps / reference.
- **no-change build**: a second `mkdocs build` with nothing changed (the
  converter only checks hashes; no article file is rewritten).
- **first search KB**: every search-related response a fresh Chromium receives
  from opening the front page to the first results for one word (ours: the
  Pagefind engine, index chunks and result fragments; reference: lunr's whole
  `search_index.json` and its worker).
- **preview drop-to-visible**: `make serve` (`mkdocs serve --dirty` with our
  plugin) on the 1,000-article digest: seconds from a dump dropped into
  `content/` until it shows on its article page, the front page, its month
  and its section; "full rebuilds" is the same with plain `mkdocs serve`.
- **peak RSS**: the largest process of the build; at 5,000 articles that is
  the Pagefind indexer.

"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--out", type=Path, help="also write the table (and JSON rows) here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch projects")
    parser.add_argument("--no-preview", action="store_true", help="skip the mkdocs serve drop-to-visible measurement")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    where = Path(tempfile.mkdtemp(prefix="perf-digest-bench-"))
    rows = []
    try:
        for count in sizes:
            print(f"bench: {count} articles…", file=sys.stderr, flush=True)
            rows.append(bench_size(count, args.repeat, where, preview=not args.no_preview))
            print(table(rows[-1:]), file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(where, ignore_errors=True)
    result = table(rows)
    print(result)
    if args.out:
        header = RESULTS_HEADER.format(command=" ".join(["python -m bench.run", *sys.argv[1:]]))
        args.out.write_text(header + result + "\n\n```json\n" + json.dumps(rows, indent=1) + "\n```\n",
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
