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


# --- prefilters: a cheap test a line must pass before a costly detector is tried --------------
# Each is exact only if no line the detector accepts fails it. Checked on every line of the
# corpora's text dumps, on the tricky characters, and on text built around the detector's own
# matches (re.I makes "ſ" an "s" and "ı" an "i": a test written with str.lower() would miss them).

from converter import furniture, people  # noqa: E402
from converter.ignorecase import fold, holds_any  # noqa: E402
from conftest import CORPUS  # noqa: E402

CORPUS_LINES = sorted({line.strip() for corpus in (CORPUS, CORPUS.parent / "corpus2")
                       for dump in sorted((corpus / "text").glob("*.txt"))
                       for line in dump.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()})
# lines each detector accepts, in the scripts and spellings re.I lets through
EXAMPLES = ["5 hours ago", "An hour ago", "TODAY at 9:30", "yesterday", "vor 2 Stunden", "3 часа назад",
            "2 days agO", "3시간 전", "5時間前", "Mon 10:30 am", "hace 3 días",
            "Photo: AP", "Credit…Pool photo by Kevin Mohatt", "IMAGE COPYRIGHT Getty Images",
            "A caption (AP Photo/Evan Vucci)", "Children play. REUTERS/Brendan McDermid", "Alex Wong | Getty Images",
            "Foto… dpa", "(Jane Doe/Staff)", "Phoτo: AP", "Pıcture: AFP",
            "Isabel Kershner contributed reporting.", "Reporting by Jane Doe; Editing by John Roe",
            "Additional WRITING by Jane Doe", "Jane Doe contrıbuted reporting", "ſarah Doe contributed reſearch"]
surrounding = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=40)


def detectors() -> list[tuple[str, callable, callable]]:
    """(name, the full test, its prefilter): the full test passing must mean the prefilter passes."""
    pairs = [("contribution", lambda t: people.CONTRIBUTED.match(t) or people.REPORTING_BY.search(t),
              lambda t: holds_any(fold(t), people._CONTRIBUTION_WORDS))]
    for k, (pattern, may_match) in enumerate(furniture._CREDIT_PATTERNS):
        if may_match is not None:  # `photo_credit` hands its patterns the stripped line
            pairs.append((f"credit shape {k}", lambda t, p=pattern: p.search(t.strip()),
                          lambda t, m=may_match: m(t.strip())))
    return pairs


def test_prefilters_pass_every_line_their_detector_accepts():
    accepted = 0
    for name, detector, may_match in detectors():
        for line in CORPUS_LINES + EXAMPLES + [e.upper() for e in EXAMPLES]:
            if detector(line):
                accepted += 1
                assert may_match(line), (name, line)
    assert accepted > 50  # the check saw real positives, not only lines nothing accepts


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(EXAMPLES), surrounding, surrounding, st.booleans())
def test_prefilters_pass_detected_lines_with_anything_around_them(example, before, after, upper):
    line = (before + " " + example + " " + after) if before or after else example
    for candidate in (line, example + after, before + example, line.upper() if upper else line.casefold()):
        for name, detector, may_match in detectors():
            if detector(candidate):
                assert may_match(candidate), (name, candidate)
