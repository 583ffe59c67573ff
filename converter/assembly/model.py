"""The learned line model: what each line of a page is, as probabilities.

A multinomial logistic regression over the features of `features.py`,
trained by `training/train.py` (`make train`) on the development corpora and
shipped as `line_model.json`: per role (other, body, headline, byline) a
bias and a weight per feature. Scoring is a sum of weights and a softmax,
so it needs no numerical library at run time and costs microseconds a line.
"""
from __future__ import annotations

import json
import math
from functools import cached_property
from itertools import compress, repeat
from operator import mul
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import settings
from .features import Line, byline_features, context_features, headline_features, line_features

MODEL_FILE = Path(__file__).with_name("line_model.json")
ROLES = ("other", "body", "headline", "byline")


@dataclass(frozen=True)
class LineModel:
    roles: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per role

    @classmethod
    def from_json(cls, data: dict) -> "LineModel":
        return cls(tuple(data["roles"]), tuple(data["bias"]),
                   {name: tuple(w) for name, w in data["weights"].items()})

    def to_json(self) -> dict:
        return {"roles": list(self.roles), "bias": list(self.bias),
                "weights": {name: list(w) for name, w in sorted(self.weights.items())}}

    @cached_property
    def _columns(self) -> tuple[tuple[str, ...], tuple[tuple[float, ...], ...]]:
        """Feature names, and per role its weights in that order: dot products run in C."""
        names = tuple(sorted(self.weights))
        return names, tuple(tuple(self.weights[name][k] for name in names) for k in range(len(self.roles)))

    def probabilities(self, features: dict[str, float]) -> list[float]:
        return self.probabilities_of([features])[0]

    def probabilities_of(self, rows: list[dict[str, float]]) -> list[list[float]]:
        """Each row's probabilities, one list per row: a page's lines in one call, the
        model's columns looked up once rather than once a line."""
        names, per_role = self._columns
        roles = tuple(zip(self.bias, per_role))
        exp = math.exp
        out = []
        for features in rows:
            values = list(map(features.get, names, repeat(0.0)))  # absent features are 0
            # most values are 0 (one-hot buckets, flags): summing only the others, in the same
            # order, gives the very same floats as the whole dot product, with a quarter of the work
            present = list(compress(values, values))
            scores = [b + sum(map(mul, present, compress(w, values))) for b, w in roles]
            top = max(scores)
            exps = [exp(s - top) for s in scores]
            total = sum(exps)
            out.append([e / total for e in exps])
        return out


@dataclass(frozen=True)
class Models:
    """The line model, and the ranker that picks the headline among candidates."""

    lines: LineModel
    headline: LineModel
    byline: LineModel | None = None
    context: LineModel | None = None  # the second pass over the lines, with their neighbourhood

    @classmethod
    def from_json(cls, data: dict) -> "Models":
        return cls(*(LineModel.from_json(data[k]) if data.get(k) else None
                     for k in ("lines", "headline", "byline", "context")))

    def to_json(self) -> dict:
        return {k: getattr(self, k).to_json() for k in ("lines", "headline", "byline", "context")
                if getattr(self, k) is not None}


_model: Models | None = None


def current_model() -> Models:
    global _model
    if _model is None:
        _model = Models.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    return _model


@contextmanager
def using(model: Models) -> Iterator[None]:
    """Score with `model` for a while (training scores held-out sites this way)."""
    global _model
    previous, _model = _model, model
    try:
        yield
    finally:
        _model = previous


def classify(lines: list[Line], features: list[dict[str, float]] | None = None) -> list[dict[str, float]]:
    """Set `body_p`, `headline_p` and `byline_p` on every line; return the features
    (computed here unless the caller, training, already has them)."""
    models = current_model()
    features = line_features(lines) if features is None else features
    probabilities = first_pass(models.lines, features)
    if models.context is not None:
        body = models.lines.roles.index("body")
        second = context_features(features, [p[body] for p in probabilities])
        probabilities = first_pass(models.context, second)
    index = {role: k for k, role in enumerate(models.lines.roles)}
    for line, p in zip(lines, probabilities):
        line.body_p = p[index["body"]]
        line.headline_p = p[index["headline"]]
        line.byline_p = p[index["byline"]]
    return features


def first_pass(model: LineModel, features: list[dict[str, float]]) -> list[list[float]]:
    return model.probabilities_of(features)


def choose_headline(lines: list[Line], features: list[dict[str, float]], candidates: list[int],
                    body_start: int) -> int | None:
    """The candidate the headline ranker likes best, or None without candidates."""
    if not candidates:
        return None
    ranker = current_model().headline
    yes = ranker.roles.index("headline")
    scored = headline_features(lines, features, candidates, body_start)
    sure = [p[yes] for p in ranker.probabilities_of(scored)]
    return max(zip(candidates, sure), key=lambda c: c[1])[0]


def choose_byline(lines: list[Line], features: list[dict[str, float]], candidates: list[tuple[int, list[str]]],
                  headline: int, body_start: int) -> tuple[int, list[str]] | None:
    """The byline candidate the ranker is sure enough of, or None."""
    ranker = current_model().byline
    if not candidates or ranker is None:
        return None
    yes = ranker.roles.index("byline")
    scored = byline_features(lines, features, candidates, headline, body_start)
    p, best = max((p[yes], c) for p, c in zip(ranker.probabilities_of(scored), candidates))
    return best if p >= settings.BYLINE_THRESHOLD else None
