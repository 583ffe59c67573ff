"""Train the line model (`make train`) and print leave-site-out scores.

    python -m training.train [--shared ../shared] [--folds 10] [--no-cv]

1. Every line of every text dump in both corpora is labelled from the
   page's truth (`corpus.py`) and described by `converter.assembly.features`.
2. Cross-validation by site: the sites are split into folds by a hash of
   their name; each fold's pages are converted by the real text reader
   with a model trained on the other folds only, and scored with the
   corpus scorer's own metrics. These are the figures to quote.
3. The shipped model is then fitted on all pages and written to
   `converter/assembly/line_model.json`, rounded, with sorted keys, so that
   retraining gives the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # reproducible sums, no thread fights
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from converter.assembly import model as line_model  # noqa: E402
from converter.assembly.features import (FeatureRows, byline_features, context_features,  # noqa: E402
                                         headline_features, line_features)
from converter.assembly.model import choose_headline, classify  # noqa: E402
from converter.errors import DumpError  # noqa: E402
from converter.assembly.body import body_span  # noqa: E402
from converter.assembly.byline import byline_candidates  # noqa: E402
from converter.assembly.headline import headline_candidates  # noqa: E402
from converter.readers.text import TextReader  # noqa: E402
from converter.writer import article_to_dict  # noqa: E402
from training.corpus import BYLINE, HEADLINE, LABELS, OTHER, SHARED, load_pages  # noqa: E402

#: sklearn's C: smaller is simpler. Leave-site-out chose 0.3 over 1.0 and 0.1 (headline 0.821 /
#: 0.829 / 0.829, people recall 0.791 / 0.806 / 0.791): with some 100 sites, weights that lean
#: less on any one feature carry better to a site the model never saw
REGULARISATION = 0.3
DIGITS = 4  # weights are rounded to this many decimals: stable bytes, no loss


def fit(pages, features: list[FeatureRows]) -> line_model.Models:
    """The line model on every line, then the headline ranker on the candidates it leaves."""
    labels = [l for p in pages for l in p.labels]
    weights = [RENDERED_WEIGHT if p.rendered else 1.0 for p in pages for _ in p.labels]
    first = _fit_lr([f for fs in features for f in fs.as_dicts()], labels, weights)
    context = None
    if SECOND_PASS:  # it learns from first-pass guesses on pages the first pass never saw
        guesses = out_of_fold_body(pages, features)
        context = _fit_lr([g for fs, body in zip(features, guesses) for g in context_features(fs, body).as_dicts()],
                          labels)
    ranker_rows, ranker_labels = [], []
    for page, fs, (body_start, _) in _pages_read(pages, features, HEADLINE, line_model.Models(first, first, None, context)):
        candidates = headline_candidates(page.lines, body_start)
        if any(page.labels[i] == HEADLINE for i in candidates):
            ranker_rows += headline_features(page.lines, fs, candidates, body_start).as_dicts()
            ranker_labels += [HEADLINE if page.labels[i] == HEADLINE else OTHER for i in candidates]
    headline = _fit_lr(ranker_rows, ranker_labels)
    rows, labels = [], []
    for page, fs, (body_start, body_end) in _pages_read(pages, features, BYLINE,
                                                        line_model.Models(first, headline, None, context)):
        head = choose_headline(page.lines, fs, headline_candidates(page.lines, body_start), body_start)
        if head is not None:
            candidates = byline_candidates(page.lines, head, body_start, body_end)
            rows += byline_features(page.lines, fs, candidates, head, body_start).as_dicts()
            labels += [BYLINE if page.labels[i] == BYLINE else OTHER for i, _ in candidates]
    return line_model.Models(first, headline, _fit_lr(rows, labels), context)


def _pages_read(pages, features, role: int, models: line_model.Models):
    """(page, features, body span) of each page with a line of `role` that `models` finds a body in.

    The rankers learn from the dumps only: a rendering's header (every menu, no style sheet
    to hide any) is unlike what a curator copies."""
    with line_model.using(models):
        for page, fs in zip(pages, features):
            if role in page.labels and (RANKERS_SEE_RENDERED or not page.rendered):
                classify(page.lines, fs)
                span = body_span(page.lines)
                if span is not None:
                    yield page, fs, span


#: how much a line of a Chromium rendering (`render.py`) counts beside a line of a real dump
RENDERED_WEIGHT = 1.0
RANKERS_SEE_RENDERED = False

INNER_FOLDS = 5
#: a second pass over the lines that sees the first pass's verdicts around each line. Off:
#: leave-site-out it gave body F1 +0.006 but headline -0.03, and it triples training time
#: and doubles the reader's scoring time
SECOND_PASS = False


def out_of_fold_body(pages, features) -> list[list[float]]:
    """First-pass body probabilities of each page from a model trained on the other sites."""
    guesses: list[list[float] | None] = [None] * len(pages)
    for k in range(INNER_FOLDS):
        held = [i for i, p in enumerate(pages) if fold_of(p.site, INNER_FOLDS, "inner") == k]
        train = [i for i, p in enumerate(pages) if fold_of(p.site, INNER_FOLDS, "inner") != k]
        model = _fit_lr([f for i in train for f in features[i].as_dicts()], [l for i in train for l in pages[i].labels])
        body = model.roles.index("body")
        for i in held:
            guesses[i] = line_model.first_pass(model, features[i])[:, body].tolist()
    return guesses


def _fit_lr(rows: list[dict], labels: list[int], weights: list[float] | None = None) -> line_model.LineModel:
    vec = DictVectorizer(sparse=False, sort=True)
    X = vec.fit_transform(rows)
    y = np.asarray(labels)
    lr = LogisticRegression(C=REGULARISATION, max_iter=3000, tol=1e-6)
    lr.fit(X, y, sample_weight=None if weights is None else np.asarray(weights))
    classes = [LABELS[k] for k in lr.classes_]
    if len(classes) == 2:  # sklearn keeps one weight row for two classes: make it two
        coef = np.vstack([-lr.coef_[0] / 2, lr.coef_[0] / 2])
        intercept = np.array([-lr.intercept_[0] / 2, lr.intercept_[0] / 2])
    else:
        coef, intercept = lr.coef_, lr.intercept_
    roles = tuple(classes)
    weights = {name: tuple(round(float(w), DIGITS) for w in coef[:, j])
               for j, name in enumerate(vec.get_feature_names_out())}
    bias = tuple(round(float(b), DIGITS) for b in intercept)
    return line_model.LineModel(roles, bias, weights)


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", shared / "corpus" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_of(site: str, folds: int, salt: str = "") -> int:
    return int(hashlib.sha256((salt + site).encode()).hexdigest(), 16) % folds


def score(pages, predictions: dict[str, dict], scorer) -> dict:
    """The corpus scorer's metrics over these pages."""
    head_ok = head_n = date_ok = date_n = hit = truth_n = pred_n = errors = leaks = 0
    f1s = []
    for page in pages:
        t, p = page.truth, predictions.get(page.id, {"error": "missing"})
        errors += bool(p.get("error"))
        if t.get("headline"):
            head_n += 1
            heads = {scorer.norm(t["headline"])} | {scorer.norm(h) for h in t.get("headline_alternates") or []}
            head_ok += scorer.norm(p.get("headline")) in heads
        if scorer.day(t.get("date")):
            date_n += 1
            date_ok += scorer.day(p.get("date")) == scorer.day(t.get("date"))
        tp = {scorer.person_key(a) for a in t.get("authors") or [] if scorer.person_key(a)}
        pp = {scorer.person_key(a) for a in (p.get("authors") or []) + (p.get("contributors") or [])
              if scorer.person_key(a)}
        if tp:
            truth_n += len(tp)
            hit += len(tp & pp)
            pred_n += len(pp)
        if t.get("body"):
            body = p.get("body") or ""
            f1s.append(scorer.body_prf(body, t["body"])[2])
            leaks += sum(1 for ln in body.splitlines() if scorer.BOILERPLATE.match(ln.strip().strip("*_# ")))
    return {
        "pages": len(pages), "errors": errors,
        "headline": round(head_ok / head_n, 4) if head_n else None,
        "date": round(date_ok / date_n, 4) if date_n else None,
        "people_recall": round(hit / truth_n, 4) if truth_n else None,
        "people_precision": round(hit / pred_n, 4) if pred_n else None,
        "body_f1": round(float(np.mean(f1s)), 4) if f1s else None,
        "furniture_lines": leaks,
    }


def convert(page) -> dict:
    try:
        article = TextReader().read(page.text, f"{page.id}.txt")
    except DumpError as exc:
        return {"error": str(exc)}
    return article_to_dict(article)


def cross_validate(pages, features, folds: int, scorer) -> dict[str, dict]:
    predictions: dict[str, dict] = {}
    for k in range(folds):
        held = [i for i, p in enumerate(pages) if fold_of(p.site, folds) == k and p.scored]
        train = [i for i, p in enumerate(pages) if fold_of(p.site, folds) != k]
        model = fit([pages[i] for i in train], [features[i] for i in train])
        with line_model.using(model):
            for i in held:
                predictions[pages[i].id] = convert(pages[i])
    return predictions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--no-cv", action="store_true", help="only fit and write the model")
    parser.add_argument("--out", type=Path, default=line_model.MODEL_FILE)
    parser.add_argument("--predictions", type=Path, help="also write each held-out page's conversion here (JSON)")
    parser.add_argument("--no-rendered", action="store_true", help="train without the Chromium renderings")
    args = parser.parse_args(argv)

    pages = load_pages(args.shared, rendered=not args.no_rendered)
    features = [line_features(p.lines) for p in pages]
    print(f"{sum(p.scored for p in pages)} pages from {len({p.site for p in pages})} sites, "
          f"{sum(len(p.lines) for p in pages if p.scored)} lines; made from them: "
          f"{sum(p.selection for p in pages)} selections of only the article, "
          f"{sum(p.rendered for p in pages)} renderings of the saved HTML", flush=True)
    if not args.no_cv:
        scorer = load_scorer(args.shared)
        predictions = cross_validate(pages, features, args.folds, scorer)
        if args.predictions:
            args.predictions.write_text(json.dumps(predictions, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        print(f"leave-site-out ({args.folds} folds by site), text dumps:")
        for corpus in ("corpus", "corpus2", None):
            subset = [p for p in pages if (corpus is None or p.corpus == corpus) and p.scored]
            print(f"  {corpus or 'both':8s}", json.dumps(score(subset, predictions, scorer)), flush=True)
    model = fit(pages, features)
    text = json.dumps(model.to_json(), sort_keys=True, indent=0, separators=(",", ":")) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text)} bytes, sha256 {hashlib.sha256(text.encode()).hexdigest()[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
