"""The text reader's fast paths see a line exactly as the plain formulas do.

The line model was trained on features computed with `sum(map(str.isalpha, ...))`
and a dense dot product; the reader now counts characters through bytes and
sums only non-zero features (issue 9's 5 ms target). If either drifted by one
character or one rounding, pages would quietly get other headlines and bodies,
so both are checked here against the plain formulas on any text and any values.
"""
from __future__ import annotations

import math
from operator import mul

from hypothesis import given, settings, strategies as st

from converter.assembly.features import _char_counts
from converter.assembly.model import current_model
from converter.text_shape import CJK, cjk_chars

# characters where Unicode and ASCII intuitions differ: control separators that are spaces,
# no-break and ideographic spaces, Roman numerals (upper, not letters), fractions and
# superscripts (digits or numeric, not letters), dotted capital I, CJK, Arabic-Indic digits
TRICKY = "\x1c\x1d\x1e\x1f\xa0\u3000\u2003Ⅳⅷ½²³İıß’“”—…日本語한국어٣۴ΣσςЖж\t\n\x0b\x0c\r_-"


def plain_counts(sample: str) -> tuple[int, int, int, int, int]:
    return (sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample)),
            sum(map(str.isalnum, sample)), sum(map(str.isspace, sample)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=300))
def test_character_counts_are_those_of_the_str_methods(sample):
    assert _char_counts(sample) == plain_counts(sample)
    assert cjk_chars(sample) == len(CJK.findall(sample))


def test_character_counts_on_every_ascii_character_and_the_tricky_ones():
    every_ascii = "".join(map(chr, range(128)))
    for sample in (every_ascii, TRICKY, every_ascii + TRICKY, "Plain English line, 2019.", ""):
        assert _char_counts(sample) == plain_counts(sample)


def dense_probabilities(model, features: dict[str, float]) -> list[float]:
    """The model's probabilities by the textbook formula: every weight times its value, in name order."""
    names = sorted(model.weights)
    scores = [bias + sum(map(mul, [features.get(n, 0.0) for n in names], [model.weights[n][k] for n in names]))
              for k, bias in enumerate(model.bias)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


values = st.one_of(st.just(0.0), st.just(-0.0), st.just(1.0), st.floats(-50, 50, allow_nan=False))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_sparse_scores_are_the_dense_dot_product_bit_for_bit(data):
    for model in (current_model().lines, current_model().headline, current_model().byline):
        if model is None:
            continue
        names = sorted(model.weights) + ["a_feature_the_model_never_saw"]
        features = data.draw(st.dictionaries(st.sampled_from(names), values))
        assert model.probabilities(features) == dense_probabilities(model, features)
