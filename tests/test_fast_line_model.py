"""The text reader's fast paths see a line exactly as the plain formulas do.

The line model was trained on features computed with `sum(map(str.isalpha, ...))`
and a dense dot product; the reader now counts characters by class codes in bytes and
scores a page as one matrix (issue 9's 5 ms target). If either drifted by one
character or one rounding, pages would quietly get other headlines and bodies,
so both are checked here against the plain formulas on any text and any values.
"""
from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings, strategies as st

from converter.assembly.features import (LINE_COLUMNS, PLACE_COLUMNS, TEXT_COLUMNS, FeatureRows, _sample_shape,
                                         line_features)
from converter.assembly.model import current_model
from converter.readers.text import split_lines
from conftest import CORPUS, examples
from converter.text_shape import CJK, WORD, cjk_chars

# characters where Unicode and ASCII intuitions differ: control separators that are spaces,
# no-break and ideographic spaces, Roman numerals (upper, not letters), fractions and
# superscripts (digits or numeric, not letters), dotted capital I, CJK, Arabic-Indic digits
TRICKY = "\x1c\x1d\x1e\x1f\xa0\u3000\u2003Ⅳⅷ½²³İıß’“”—…日本語한국어٣۴ΣσςЖж\t\n\x0b\x0c\r_-"


def plain_shape(sample: str) -> tuple:
    """A line start's shape by the plain formulas: the `str` methods over every character, and
    the first characters of `str.split`'s words."""
    initials = "".join(filter(str.isalpha, "".join([word[0] for word in sample.split()])))
    return (sum(map(str.isalpha, sample)), sum(map(str.isupper, sample)), sum(map(str.isdigit, sample)),
            sum(map(str.isalnum, sample)), sum(map(str.isspace, sample)), len(initials),
            sum(map(str.isupper, initials)), tuple(WORD.findall(sample.casefold())))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=300))
def test_line_shape_is_that_of_the_str_methods(sample):
    assert _sample_shape(sample) == plain_shape(sample)
    assert cjk_chars(sample) == len(CJK.findall(sample))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=300))
def test_line_shape_of_ascii_text_is_that_of_the_str_methods(sample):
    assert _sample_shape(sample) == plain_shape(sample)


def test_line_shape_on_every_ascii_character_the_tricky_ones_and_the_corpus_lines():
    every_ascii = "".join(map(chr, range(128)))
    for sample in (every_ascii, TRICKY, every_ascii + TRICKY, "Plain English line, 2019.", "", " A b",
                   *(line[:300] for line in CORPUS_LINES + LANGUAGE_LINES)):
        assert _sample_shape(sample) == plain_shape(sample), sample


def test_line_shape_of_every_plane_lone_surrogates_and_the_last_code_point():
    """The class codes are looked up in a table of every code point (`_class_codes`): its ends,
    the characters beyond the Basic Multilingual Plane and the lone surrogates a dump read with
    `surrogateescape` holds are told as the `str` methods tell them, met first and met again."""
    sample = "A\udc80b\ud800 \U0001d400\U0001f600 \U000e0001\U0010ffff\x00 Ö1 ٣"
    for _ in range(2):
        assert _sample_shape(sample) == plain_shape(sample)
    everything = "".join(map(chr, range(0, 0x110000, 97)))  # a character of every stretch of Unicode
    for start in range(0, len(everything), 300):
        assert _sample_shape(everything[start : start + 300]) == plain_shape(everything[start : start + 300])


def dense_probabilities(model, features: dict[str, float]) -> list[float]:
    """The model's probabilities by the textbook formula: every weight times its value, in name
    order, added one by one from the left."""
    scores = []
    for k, bias in enumerate(model.bias):
        total = 0.0
        for name in sorted(model.weights):
            total += features.get(name, 0.0) * model.weights[name][k]
        scores.append(bias + total)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


values = st.one_of(st.just(0.0), st.just(-0.0), st.just(1.0), st.floats(-50, 50, allow_nan=False))


@settings(max_examples=examples(200), deadline=None)
@given(st.data())
def test_matrix_scores_are_the_textbook_formula_bit_for_bit(data):
    """A page is scored as one matrix, its columns in any order, features the model never saw
    among them: each row's probabilities are still the textbook formula's very floats."""
    for model in (current_model().lines, current_model().headline, current_model().byline):
        if model is None:
            continue
        names = sorted(model.weights) + ["a_feature_the_model_never_saw"]
        columns = tuple(data.draw(st.permutations(names)))
        rows = data.draw(st.lists(st.dictionaries(st.sampled_from(names), values), min_size=1, max_size=6))
        matrix = np.array([[row.get(name, 0.0) for name in columns] for row in rows])
        assert model.probabilities_of(FeatureRows(matrix, columns)).tolist() == [
            dense_probabilities(model, row) for row in rows]


def test_rows_a_model_lacks_a_column_of_score_as_zeros():
    model = current_model().lines
    some = tuple(sorted(model.weights)[::2])
    row = {name: 1.0 for name in some}
    got = model.probabilities_of(FeatureRows(np.ones((1, len(some))), some)).tolist()
    assert got == [dense_probabilities(model, row)]


def test_training_reads_the_named_features_it_always_read():
    """Training fits on the rows as dicts: one-hot buckets named only where set, a neighbour's
    features only where there is one, every other feature always (so scikit-learn sees the
    same columns, and `make train` writes the same model)."""
    dump = sorted((CORPUS / "text").glob("*.txt"))[0].read_text(encoding="utf-8")
    rows = line_features(split_lines(dump)).as_dicts()
    always = set(TEXT_COLUMNS + PLACE_COLUMNS) - {name for name in TEXT_COLUMNS if name.startswith("words_")}
    for k, row in enumerate(rows):
        assert always <= row.keys()
        assert sum(name.startswith("words_") for name in row) == 1
        assert ("prev_none" in row) == (k == 0) != ("prev_log_words" in row)
        assert ("next_none" in row) == (k == len(rows) - 1) != ("next_date" in row)
        assert not any(name.startswith(("heading_", "link_share")) for name in row)  # a text line has no markup


# --- prefilters: a cheap test a line must pass before a costly detector is tried --------------
# Each is exact only if no line the detector accepts fails it. Checked on every line of the
# corpora's text dumps, on the tricky characters, and on text built around the detector's own
# matches (re.I makes "ſ" an "s" and "ı" an "i": a test written with str.lower() would miss them).

from converter import furniture, people  # noqa: E402
from converter.ignorecase import fold, holds_any  # noqa: E402

CORPUS_LINES = sorted({line.strip() for corpus in (CORPUS, CORPUS.parent / "corpus2")
                       for dump in sorted((corpus / "text").glob("*.txt"))
                       for line in dump.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()})


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, dict)):
        return [s for v in (value.values() if isinstance(value, dict) else value) for s in _strings(v)]
    return []


def _language_lines() -> list[str]:
    """Every line test_languages.py writes its dumps from: its paragraphs, menus and the
    headlines, bylines and datelines its cases give, in a dozen languages and scripts."""
    import test_languages

    found = _strings(test_languages.PARAGRAPHS) + _strings(test_languages.MENU)
    for function in vars(test_languages).values():
        for mark in getattr(function, "pytestmark", []):
            if mark.name == "parametrize":
                found += _strings(list(mark.args[1]))
    return sorted({line.strip() for text in found for line in text.split("\n") if line.strip()})


LANGUAGE_LINES = _language_lines()
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


@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(EXAMPLES), surrounding, surrounding, st.booleans())
def test_prefilters_pass_detected_lines_with_anything_around_them(example, before, after, upper):
    line = (before + " " + example + " " + after) if before or after else example
    for candidate in (line, example + after, before + example, line.upper() if upper else line.casefold()):
        for name, detector, may_match in detectors():
            if detector(candidate):
                assert may_match(candidate), (name, candidate)


# --- the page matrix: window and neighbour columns by running sums and shifts ------------------

def plain_page_columns(lines) -> list[dict[str, float]]:
    """The place, neighbour and common-word features by the per-line formulas the model was
    trained on: a loop over the lines, windows summed line by line."""
    from collections import Counter

    from converter import settings as s
    from converter.assembly.features import _text_features

    text = [_text_features(line.text, (line.words, line.furniture, line.end, line.sentence_end)) for line in lines]
    counts = Counter()
    for line in lines:
        if line.words >= s.PROSE_LINE_WORDS:
            counts.update(WORD.findall(line.text.casefold()))
    common = {w for w, _ in counts.most_common(s.COMMON_TOKENS)}
    repeats = Counter(line.text for line in lines)
    prose = [not ln.furniture and ln.words >= s.PROSE_LINE_WORDS and ln.sentence_end for ln in lines]
    short = [ln.words <= s.SHORT_LINE_WORDS for ln in lines]
    date = [features[TEXT_COLUMNS.index("date")] for features, _ in text]
    long_lines = [ln for ln in lines if ln.words >= s.PROSE_LINE_WORDS]
    unpunctuated = bool(long_lines) and sum(ln.sentence_end for ln in long_lines) < s.PUNCTUATED_PAGE_SHARE * len(long_lines)
    n, out = len(lines), []
    for i, line in enumerate(lines):
        tokens = text[i][1]
        lo, hi = max(0, i - s.CONTEXT_WIDE), min(n, i + s.CONTEXT_WIDE + 1)
        others = max(1, hi - lo - 1)
        run = 0
        if short[i]:
            a = b = i
            while a > 0 and short[a - 1]:
                a -= 1
            while b + 1 < n and short[b + 1]:
                b += 1
            run = b - a + 1
        prose_words = [ln.words if p else 0 for ln, p in zip(lines, prose)]
        f = {
            "common": sum(t in common for t in tokens) / len(tokens) if tokens else 0.0,
            "glued": float(line.glued_to_previous),
            "position": i / max(1, n - 1), "first_lines": float(i < 5), "last_lines": float(n - i <= 5),
            "repeated": float(repeats[line.text] > 1), "short_run": math.log1p(run) if short[i] else 0.0,
            "prose_near": (sum(prose[lo:hi]) - prose[i]) / others,
            "prose_above": float(any(prose[:i])), "prose_below": float(any(prose[i + 1:])),
            "repeats_near": sum(short[j] and repeats[lines[j].text] > 1 for j in range(lo, hi) if j != i) / others,
            "dates_near": sum(bool(date[j]) for j in range(lo, hi) if j != i) / others,
            "short_near": sum(short[j] for j in range(lo, hi) if j != i) / others,
            "prose_share_above": sum(prose_words[:i]) / sum(prose_words) if sum(prose_words) else 0.0,
            "end_above": float(any(lines[j].end == 2 and any(prose[:j]) for j in range(i))),
            "long_unpunctuated": float(unpunctuated and line.words >= s.PROSE_LINE_WORDS and not line.sentence_end),
        }
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                f.update({f"{side}_log_words": text[j][0][TEXT_COLUMNS.index("log_words")],
                          f"{side}_prose": float(prose[j]), f"{side}_date": date[j],
                          f"{side}_byline": text[j][0][TEXT_COLUMNS.index("byline")],
                          f"{side}_furniture": text[j][0][TEXT_COLUMNS.index("furniture")], f"{side}_none": 0.0})
            else:
                f.update({f"{side}_{k}": 0.0 for k in ("log_words", "prose", "date", "byline", "furniture")})
                f[f"{side}_none"] = 1.0
        out.append(f)
    return out


def assert_page_columns_are_the_plain_ones(lines):
    rows = line_features(lines)
    for i, plain in enumerate(plain_page_columns(lines)):
        got = {name: float(rows.values[i, LINE_COLUMNS.index(name)]) for name in plain}
        assert got == plain, (i, lines[i].text, {k: (got[k], plain[k]) for k in plain if got[k] != plain[k]})


def test_page_columns_are_the_per_line_formulas_on_every_corpus_dump():
    for corpus in (CORPUS, CORPUS.parent / "corpus2"):
        for dump in sorted((corpus / "text").glob("*.txt")):
            assert_page_columns_are_the_plain_ones(split_lines(dump.read_text(encoding="utf-8", errors="replace")))


page_lines = st.lists(st.one_of(st.sampled_from(EXAMPLES + ["Home", "News", "Advertisement", "23 Comments", "Reply",
                                                              "By Jane Doe", "Nov. 18, 2019"]),
                                st.sampled_from([line for line in LANGUAGE_LINES if len(line) < 400]),
                                surrounding, st.just("")), max_size=40)


@settings(max_examples=examples(150), deadline=None)
@given(page_lines)
def test_page_columns_are_the_per_line_formulas_on_any_page(texts):
    assert_page_columns_are_the_plain_ones(split_lines("\n".join(texts)))


# --- a page's new short lines as one batch: the rows `_text_features` gives, bit for bit --------

from converter.assembly.features import Line, _short_rows, _text_features  # noqa: E402
from converter import settings as shape_settings  # noqa: E402


def assert_batch_rows_are_the_plain_ones(texts: list[str]) -> None:
    lines = [Line(0, text) for text in texts]
    rows = _short_rows(texts, lines)
    for line, (row, tokens) in zip(lines, rows):
        features, plain_tokens = _text_features(line.text, (line.words, line.furniture, line.end, line.sentence_end))
        assert (np.frombuffer(row).tolist(), tokens) == (list(features), plain_tokens), line.text
        assert row == np.array(features).tobytes(), line.text  # the very floats, signs of zero too


SHORT_CORPUS_LINES = [line for line in CORPUS_LINES + LANGUAGE_LINES if len(line) <= shape_settings.SHORT_LINE_CHARS]


def test_batch_rows_are_the_plain_ones_on_every_short_corpus_line():
    assert len(SHORT_CORPUS_LINES) > 10_000
    for size in (1, 110, len(SHORT_CORPUS_LINES)):  # one line, a page's new lines, all at once
        for start in range(0, len(SHORT_CORPUS_LINES), size):
            assert_batch_rows_are_the_plain_ones(SHORT_CORPUS_LINES[start : start + size])


short_texts = st.text(alphabet=st.one_of(st.characters(blacklist_characters="\n"),
                                         st.sampled_from(TRICKY.replace("\n", "") + " |·:;,.。")),
                      min_size=1, max_size=shape_settings.SHORT_LINE_CHARS)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(short_texts, st.sampled_from(EXAMPLES + SHORT_CORPUS_LINES[::97])), min_size=1, max_size=12))
def test_batch_rows_are_the_plain_ones_on_any_short_lines(texts):
    assert_batch_rows_are_the_plain_ones(texts)


from converter.assembly.features import _long_row  # noqa: E402


def assert_long_row_is_the_plain_one(text: str) -> None:
    line = Line(0, text)
    row, start_tokens, all_tokens = _long_row(line)
    features, plain_tokens = _text_features(text, (line.words, line.furniture, line.end, line.sentence_end))
    assert row == np.array(features).tobytes(), text
    assert start_tokens == plain_tokens == tuple(WORD.findall(text[: shape_settings.SHAPE_CHARS].casefold())), text
    assert list(all_tokens) == WORD.findall(text.casefold()), text


def test_long_rows_are_the_plain_ones_on_every_long_corpus_line():
    long_lines = [line for line in CORPUS_LINES + LANGUAGE_LINES if len(line) > shape_settings.SHORT_LINE_CHARS]
    assert len(long_lines) > 1000
    for text in long_lines:
        assert_long_row_is_the_plain_one(text)


long_texts = st.text(alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from(" aZ9_")),
                     min_size=shape_settings.SHORT_LINE_CHARS + 1, max_size=700)


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(long_texts, st.tuples(long_texts, short_texts).map(" ".join)))
def test_long_rows_are_the_plain_ones_on_any_long_line(text):
    assert_long_row_is_the_plain_one(text)  # ASCII or not, a word maybe cut at the shape's last character


# --- split_lines asks for a glued credit only on lines with text ------------------------------

from converter.furniture import without_credit  # noqa: E402
from converter.readers.text import _is_drop_cap  # noqa: E402


def plain_split(text: str) -> list[tuple[int, str, bool]]:
    """The dump's lines by the plain loop: every line's credit cut, blank or not."""
    lines: list[tuple[int, str, bool]] = []
    blank_before = True
    for index, raw in enumerate(text.split("\n")):
        stripped = without_credit(raw.strip())
        if not stripped:
            blank_before = True
            continue
        if lines and _is_drop_cap(lines[-1][1], stripped):
            stripped = lines.pop()[1] + stripped
        lines.append((index, stripped, not blank_before))
        blank_before = False
    return lines


def assert_split_is_the_plain_one(text: str) -> None:
    assert [(ln.index, ln.text, ln.glued_to_previous) for ln in split_lines(text)] == plain_split(text)


def test_split_lines_is_the_plain_loop_on_every_corpus_dump():
    for corpus in (CORPUS, CORPUS.parent / "corpus2"):
        for dump in sorted((corpus / "text").glob("*.txt")):
            assert_split_is_the_plain_one(dump.read_text(encoding="utf-8", errors="replace"))


credits = st.sampled_from(["© Provided by Business Insider Inc The council approved the budget on Tuesday after "
                           "a long debate over the new tram line.", "©", "(c)", "Copyright", " ", "\t", "A", "b"])


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.one_of(credits, surrounding), max_size=30))
def test_split_lines_is_the_plain_loop_on_any_dump(pieces):
    assert_split_is_the_plain_one("\n".join(pieces))


# --- a page's common words: one stable sort of the counts names the words `most_common` names ----

from converter.assembly.features import _common_tokens, _common_tokens_plain, _text_rows  # noqa: E402


def test_common_words_are_most_commons_on_every_corpus_dump():
    for corpus in (CORPUS, CORPUS.parent / "corpus2"):
        for dump in sorted((corpus / "text").glob("*.txt")):
            lines = split_lines(dump.read_text(encoding="utf-8", errors="replace"))
            every = _text_rows(lines, tuple(line.text for line in lines), np.array([line.words for line in lines]))[2]
            counted = [tokens for tokens, line in zip(every, lines) if line.words >= shape_settings.PROSE_LINE_WORDS]
            assert _common_tokens(counted) == _common_tokens_plain(counted), dump.name


# few distinct words, so that many share a count across the cut (which of equal counts is kept)
tied_words = st.lists(st.lists(st.sampled_from([f"w{k}" for k in range(3 * shape_settings.COMMON_TOKENS)]),
                               max_size=12), max_size=40)


@settings(max_examples=examples(300), deadline=None)
@given(tied_words)
def test_common_words_are_most_commons_with_ties_at_the_cut(counted):
    assert _common_tokens(counted) == _common_tokens_plain(counted)
