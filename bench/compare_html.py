#!/usr/bin/env python3
"""Our HTML reader and trafilatura, side by side, on the same pages in one run.

    .venv/bin/python bench/compare_html.py [CORPUS] [--show N]

CORPUS defaults to ../shared/corpus. The metric definitions (headline
normalisation, same-day dates, person keys, body F1 over token 4-grams) are
imported from CORPUS/score.py, so this table always agrees with the
corpus's own scorer. trafilatura comes from the `bench` extra
(`pip install -e '.[bench]'`); it is never a runtime dependency.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_score(corpus: Path):
    """The scorer beside the corpus, or corpus/score.py next to it (corpus2 has none of its own)."""
    script = corpus / "score.py"
    if not script.exists():
        script = corpus.parent / "corpus" / "score.py"
    spec = importlib.util.spec_from_file_location("corpus_score", script)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {corpus}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_ours(files: list[Path]) -> tuple[dict[str, dict], float]:
    """Our converter in-process, as `digest extract --json` would print each page."""
    from converter.convert import convert_dump
    from converter.errors import DumpError
    from converter.writer import article_to_dict

    out: dict[str, dict] = {}
    t0 = time.perf_counter()
    for f in files:
        try:
            out[f.stem] = article_to_dict(convert_dump(f, str(f)))
        except DumpError as exc:
            out[f.stem] = {"error": exc.reason}
    return out, time.perf_counter() - t0


def evaluate(score, pairs, preds: dict[str, dict]) -> tuple[dict, dict[str, float]]:
    """The same figures score.py prints, from its own metric functions."""
    head_ok = head_n = date_ok = date_n = errors = 0
    hit = truth_n = pred_n = 0
    f1s: dict[str, float] = {}
    for t, f in pairs:
        p = preds.get(f.stem, {"error": "missing"})
        errors += bool(p.get("error"))
        if t.get("headline"):
            head_n += 1
            heads = {score.norm(t["headline"])} | {score.norm(h) for h in t.get("headline_alternates") or []}
            head_ok += score.norm(p.get("headline")) in heads
        if score.day(t.get("date")):
            date_n += 1
            date_ok += score.day(p.get("date")) == score.day(t.get("date"))
        tp = {score.person_key(a) for a in t.get("authors") or [] if score.person_key(a)}
        pp = {score.person_key(a) for a in (p.get("authors") or []) + (p.get("contributors") or []) if score.person_key(a)}
        if tp:
            truth_n += len(tp)
            hit += len(tp & pp)
            pred_n += len(pp)
        if t.get("body"):
            f1s[f.stem] = score.body_prf(p.get("body") or "", t["body"])[2]
    summary = {
        "headline": head_ok / head_n if head_n else 0.0,
        "date": date_ok / date_n if date_n else 0.0,
        "people_recall": hit / truth_n if truth_n else 0.0,
        "people_precision": hit / pred_n if pred_n else 0.0,
        "body_f1": sum(f1s.values()) / len(f1s) if f1s else 0.0,
        "errors": errors,
    }
    return summary, f1s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="?", default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--show", type=int, default=0, help="list the N pages where our body F1 is lowest")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--repeat", type=int, default=3, help="timing rounds per system (fastest kept)")
    args = ap.parse_args()

    score = load_score(args.corpus)
    truth = [json.loads(ln) for ln in (args.corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    pairs = [(t, args.corpus / "html" / f"{t['id']}.html") for t in truth]
    pairs = [(t, f) for t, f in pairs if f.exists()]
    files = [f for _, f in pairs]

    systems = {"ours": run_ours, "trafilatura": score.run_trafilatura}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("trafilatura is not installed: pip install -e '.[bench]'", file=sys.stderr)
        del systems["trafilatura"]
    # Timing on a shared machine is noisy: run the systems in turn, several
    # rounds, and keep each one's fastest round (the first also warms caches).
    results: dict[str, dict] = {}
    best: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):
        for name, run in systems.items():
            results[name], secs = run(files)
            best[name] = min(secs, best.get(name, float("inf")))
    rows, per_page = {}, {}
    for name in systems:
        rows[name], per_page[name] = evaluate(score, pairs, results[name])
        rows[name]["sec_per_page"] = best[name] / max(1, len(files))

    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        cols = ["headline", "date", "people_recall", "people_precision", "body_f1", "sec_per_page", "errors"]
        print(f"{len(files)} pages in {args.corpus}")
        print(f"| system | {' | '.join(cols)} |")
        print("|---|" + "---:|" * len(cols))
        for name, row in rows.items():
            cells = [f"{row[c]:.3f}" if c != "errors" else str(row[c]) for c in cols]
            print(f"| {name} | {' | '.join(cells)} |")
    if args.show:
        other = per_page.get("trafilatura", {})
        for stem, f1 in sorted(per_page["ours"].items(), key=lambda kv: kv[1])[: args.show]:
            print(f"ours {f1:.3f}  trafilatura {other.get(stem, float('nan')):.3f}  {stem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
