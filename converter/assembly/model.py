"""The learned line model: what each line of a page is, as probabilities.

A multinomial logistic regression over the features of `features.py`,
trained by `training/train.py` (`make train`) on the development corpora and
shipped as `line_model.json`: per role (other, body, headline, byline) a
bias and a weight per feature. Scoring is a sum of weights and a softmax,
a page's lines at once as one matrix (numpy): microseconds a page.
"""
from __future__ import annotations

import json
import math
from functools import cached_property
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

from .. import settings
from .features import FeatureRows, Line, byline_features, context_features, headline_features, line_features

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
    def _bias(self) -> np.ndarray:
        return np.array(self.bias)

    @cached_property
    def _layouts(self) -> dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]]:
        return {}

    def _layout(self, columns: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Where the model's features sit among `columns`, in the model's (sorted) name order,
        and their weights (one row per feature, one column per role): worked out once a layout.
        A feature the rows lack is 0 on every row, and adds nothing to any score."""
        if columns not in self._layouts:
            at = {name: k for k, name in enumerate(columns)}
            names = [name for name in sorted(self.weights) if name in at]
            self._layouts[columns] = (np.array([at[name] for name in names], dtype=np.intp),
                                      np.array([self.weights[name] for name in names], dtype=float).reshape(
                                          len(names), len(self.roles)))
        return self._layouts[columns]

    def probabilities_of(self, rows: FeatureRows) -> np.ndarray:
        """Each row's probabilities (one row per row, one column per role): a page in one go.

        The textbook formula, `exp(s_k - max s) / sum exp` over the `scores`,
        with `math.exp`, as training scored.
        """
        return self._softmax(self.scores(rows))

    def scores(self, rows: FeatureRows) -> np.ndarray:
        """Each row's score per role, `bias_k + sum(value * weight)`: the very floats of
        `scores_plain` (tests/test_fast_assembly.py).

        The products are laid out role x feature x row, so that numpy's inner
        loops run along a page's rows (not along the four roles), and one
        `np.add.reduce` over the feature axis adds them. That axis is never
        the inner loop, so numpy adds whole rows of products one feature after
        another, left to right from `initial` 0.0, as the plain loop does (it
        sums pairwise only along an inner loop).
        """
        at, weights = self._layout(rows.columns)
        if not len(rows):
            return np.zeros((0, len(self.roles)))
        products = rows.values.T[at][None, :, :] * weights.T[:, :, None]  # roles x features x n
        return self._bias + np.add.reduce(products, axis=1, initial=0.0).T

    def scores_plain(self, rows: FeatureRows) -> np.ndarray:
        """`scores` the plain way: summed left to right in the model's name order, the products
        added one feature at a time (a matrix product sums in another order, and so gives other
        last bits)."""
        at, weights = self._layout(rows.columns)
        n, roles = len(rows), len(self.roles)
        if not n:
            return np.zeros((0, roles))
        products = rows.values.T[at][:, :, None] * weights[:, None, :]  # features x n x roles
        sums = np.zeros((n, roles))
        for product in products:  # one feature at a time, in name order, for every row at once
            sums += product
        return np.array(self.bias) + sums

    @staticmethod
    def _softmax(scores: np.ndarray) -> np.ndarray:
        """`exp(s_k - max s) / sum exp` per row, with `math.exp` and the sum left to right."""
        n, roles = scores.shape
        shifted = scores - np.maximum.reduce(scores, axis=1, keepdims=True)
        exps = np.fromiter(map(math.exp, shifted.ravel().tolist()), float, n * roles).reshape(n, roles)
        total = exps[:, 0].copy()
        for k in range(1, roles):  # left to right, as `sum` adds
            total += exps[:, k]
        return exps / total[:, None]


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


def classify(lines: list[Line], features: FeatureRows | None = None) -> FeatureRows:
    """Set `body_p`, `headline_p` and `byline_p` on every line; return the features
    (computed here unless the caller, training, already has them)."""
    models = current_model()
    features = line_features(lines) if features is None else features
    probabilities = first_pass(models.lines, features)
    roles = models.lines.roles
    if models.context is not None:
        second = context_features(features, probabilities[:, roles.index("body")].tolist())
        probabilities = first_pass(models.context, second)
        roles = models.context.roles
    wanted = [roles.index(role) for role in ("body", "headline", "byline")]
    for line, (body_p, headline_p, byline_p) in zip(lines, probabilities[:, wanted].tolist()):
        line.body_p, line.headline_p, line.byline_p = body_p, headline_p, byline_p
    return features


def first_pass(model: LineModel, features: FeatureRows) -> np.ndarray:
    return model.probabilities_of(features)


def choose_headline(lines: list[Line], features: FeatureRows, candidates: list[int],
                    body_start: int) -> int | None:
    """The candidate the headline ranker likes best, or None without candidates."""
    if not candidates:
        return None
    ranker = current_model().headline
    yes = ranker.roles.index("headline")
    scored = headline_features(lines, features, candidates, body_start)
    sure = ranker.probabilities_of(scored)[:, yes].tolist()
    return max(zip(candidates, sure), key=lambda c: c[1])[0]


def choose_byline(lines: list[Line], features: FeatureRows, candidates: list[tuple[int, list[str]]],
                  headline: int, body_start: int) -> tuple[int, list[str]] | None:
    """The byline candidate the ranker is sure enough of, or None."""
    ranker = current_model().byline
    if not candidates or ranker is None:
        return None
    yes = ranker.roles.index("byline")
    scored = byline_features(lines, features, candidates, headline, body_start)
    p, best = max(zip(ranker.probabilities_of(scored)[:, yes].tolist(), candidates))
    return best if p >= settings.BYLINE_THRESHOLD else None
