"""The assembly's fast paths give their plain selves' very answers, on any page.

Scoring, headline and byline ranking, the body's bounds and the cleaning of
an article were made cheaper (issue 9's 5 ms a page) by doing each piece of
work once a page rather than once a line or a candidate, and by laying out
numpy's work along a page's rows. Were a fast path to drift by one rounding
or one line, pages would quietly get other headlines, bylines and bodies; so
each is held here against the plain code it replaced, on every page of both
corpora's text dumps and on made-up input.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from converter.assembly.features import FeatureRows, line_features
from converter.assembly.model import current_model
from converter.readers.text import split_lines
from conftest import CORPUS, examples

TEXT_DUMPS = sorted(path for corpus in (CORPUS, CORPUS.parent / "corpus2")
                    for path in (corpus / "text").glob("*.txt"))


@lru_cache(maxsize=None)
def page(path):
    """A corpus dump's lines and their features, as the assembly gets them."""
    lines = split_lines(path.read_text(encoding="utf-8", errors="replace"))
    return lines, line_features(lines)


def models():
    return [model for model in (current_model().lines, current_model().headline, current_model().byline,
                                current_model().context) if model is not None]


# --- scoring: the products summed feature by feature, left to right ----------------------------

def test_scores_are_the_plain_scores_bit_for_bit_on_every_corpus_page():
    model = current_model().lines
    for path in TEXT_DUMPS:
        _, features = page(path)
        assert model.scores(features).tobytes() == model.scores_plain(features).tobytes(), path


# values whose sum depends on the order they are added in: a pairwise or a blocked sum differs
ORDER_SENSITIVE = np.array([0.0, -0.0, 1.0, 1e16, -1e16, 3.0, 1e-16, 0.1, 0.7, -2.5])


def order_sensitive_rows(seed: int, n: int, columns: tuple[str, ...]) -> FeatureRows:
    """`n` rows of the tricky values above and of floats from 1e-20 to 1e20, either sign."""
    rng = np.random.default_rng(seed)
    tricky = rng.choice(ORDER_SENSITIVE, size=(n, len(columns)))
    spread = rng.standard_normal((n, len(columns))) * 10.0 ** rng.integers(-20, 20, size=(n, len(columns)))
    return FeatureRows(np.where(rng.random((n, len(columns))) < 0.6, tricky, spread), columns)


@settings(max_examples=examples(300), deadline=None)
@given(st.data())
def test_scores_are_the_plain_scores_bit_for_bit_on_any_rows(data):
    """Any number of rows (numpy changes how it loops past a few), values whose sum depends on
    the order they are added in, columns in any order and some the model never saw."""
    for model in models():
        names = sorted(model.weights) + ["a_feature_the_model_never_saw"]
        columns = tuple(data.draw(st.permutations(names)))
        rows = order_sensitive_rows(data.draw(st.integers(0, 2**32 - 1)), data.draw(st.integers(0, 200)), columns)
        assert model.scores(rows).tobytes() == model.scores_plain(rows).tobytes()


# --- the body's lines: what each holds, asked once ---------------------------------------------

from converter.assembly import header  # noqa: E402
from converter.assembly.byline import byline_names, contributor_names  # noqa: E402
from converter.assembly.features import Line  # noqa: E402
from test_fast_dates import REAL_LINES  # noqa: E402
from test_fast_words import CREDIT_WORDS, PEOPLE_WORDS, tricky_text, vocabulary_text  # noqa: E402


def plain_held_by(line: Line) -> tuple[bool, bool, bool]:
    """What `read_body` asked of each line, one check at a time."""
    return header.holds_credit(line.text), bool(byline_names(line)), bool(contributor_names(line))


def test_what_a_line_holds_is_the_plain_checks_on_every_real_line():
    found = [0, 0, 0]
    pad = " and more words" * 14  # past the length the line model's detectors read
    for text in REAL_LINES:
        for line in (Line(0, text), Line(0, text + pad), Line(0, pad.strip() + " " + text)):
            held = header.held_by(line)
            assert held == plain_held_by(line), line.text
            found = [f + h for f, h in zip(found, held)]
    assert all(found), found  # the checks saw credits, bylines and contributor lines


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(vocabulary_text(CREDIT_WORDS | PEOPLE_WORDS), tricky_text), st.integers(0, 40))
def test_what_a_line_holds_is_the_plain_checks_on_credit_and_people_words(text, padding):
    for line in (Line(0, text), Line(0, text + " word" * padding), Line(0, "x" * 5 * padding + text)):
        assert header.held_by(line) == plain_held_by(line), line.text


# --- the body's end: where a thread of stamped entries starts ----------------------------------

from converter.assembly import body  # noqa: E402


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.booleans(), max_size=60), st.integers(1, 5), st.integers(1, 10))
def test_a_thread_starts_where_the_plain_reading_says_for_any_stamps(stamps, least, gap):
    """`_thread_start` sees lines only through `_opens_entry`: for any pattern of stamps, any
    thresholds and any [start, end), it stops early at the plain reading's very answer."""
    page = [Line(i, "line") for i in range(len(stamps))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(body, "_opens_entry", lambda lines, i: stamps[i])
        patch.setattr(body.settings, "THREAD_MIN_STAMPS", least)
        patch.setattr(body.settings, "THREAD_GAP_LINES", gap)
        for start in range(len(stamps) + 1):
            for end in range(start, len(stamps) + 1):
                assert body._thread_start(page, start, end) == body._thread_start_plain(page, start, end)


def test_a_thread_starts_where_the_plain_reading_says_on_every_corpus_page():
    threads = 0
    for path in TEXT_DUMPS:
        lines, _ = page(path)
        for start in range(0, len(lines), max(1, len(lines) // 8)):
            for end in (start, (start + len(lines)) // 2, len(lines)):
                found = body._thread_start(lines, start, end)
                assert found == body._thread_start_plain(lines, start, end), (path, start, end)
                threads += found is not None
    assert threads  # some pages hold comment threads


# --- the headline ranker: the words a candidate shares with the lede ---------------------------

from converter.assembly.features import content_words, content_words_plain  # noqa: E402
from test_fast_line_model import TRICKY  # noqa: E402


def test_content_words_are_the_plain_words_on_every_real_line_and_lede():
    for text in REAL_LINES:
        assert content_words(text) == content_words_plain(text), text
    for path in TEXT_DUMPS:
        lines, _ = page(path)
        for start in range(0, len(lines), 6):
            lede = " ".join(line.text for line in lines[start : start + 6])
            assert content_words(lede) == content_words_plain(lede), path


PIECES = st.one_of(st.characters(), st.sampled_from(TRICKY + "日本語中文한국어ab1_ ǅﬃß・ー〜䷀“”"),
                   st.sampled_from(("ab", "abc", "ABC", "12", "123", "_x", "a1b", "٣٤٥")))


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_content_words_are_the_plain_words_on_any_text(text):
    assert content_words(text) == content_words_plain(text)


# The headline ranker builds the lede's and the candidates' content words from the tokens
# `line_features` already found (`FeatureRows.tokens`): each line's must be all of its words, and
# the words made of them those `content_words` reads in the (joined) text.

from itertools import chain  # noqa: E402

from converter.assembly.features import content_words_of  # noqa: E402
from converter.text_shape import WORD  # noqa: E402


def assert_token_words_are_the_plain_words(lines, features):
    assert [list(tokens) for tokens in features.tokens] == [WORD.findall(line.text.casefold()) for line in lines]
    for start in range(len(lines)):
        assert content_words_of(features.tokens[start], lines[start].text) == content_words_plain(lines[start].text)
        lede = " ".join(line.text for line in lines[start : start + 6])
        assert content_words_of(chain.from_iterable(features.tokens[start : start + 6]), lede) == \
            content_words_plain(lede), start


def test_token_made_content_words_are_the_plain_words_on_every_corpus_page():
    for path in TEXT_DUMPS:
        assert_token_words_are_the_plain_words(*page(path))


# a made-up dump: lines short and long (a long line is tokenised apart from a short one, its
# start apart from its rest), CJK across line ends, blank lines between some
DUMP_LINES = st.lists(st.one_of(st.lists(PIECES, max_size=30).map("".join),
                                st.lists(PIECES, min_size=60, max_size=200).map("".join),
                                st.just("")), min_size=1, max_size=14)


@settings(max_examples=examples(300), deadline=None)
@given(DUMP_LINES)
def test_token_made_content_words_and_headline_rows_are_the_plain_ones_on_any_page(texts):
    lines = split_lines("\n".join(texts))
    if not lines:
        return
    features = line_features(lines)
    assert_token_words_are_the_plain_words(lines, features)
    for body_start in range(len(lines)):
        assert_same_headline_rows(lines, features, list(range(len(lines))), body_start)


# --- cleaning: a block that stays as it was is kept, not copied --------------------------------

from converter import sanitize  # noqa: E402
from converter.article import Block, Link  # noqa: E402
from converter.errors import DumpError  # noqa: E402
from converter.readers import read_dump  # noqa: E402

# text with lone and paired surrogates among everything else
SPAN_TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=()), st.sampled_from("\ud83d\ude00\udc00 ")),
                    max_size=30)
SPAN = st.one_of(SPAN_TEXT, st.builds(Link, SPAN_TEXT, SPAN_TEXT))
BLOCKS = st.lists(st.builds(Block, st.sampled_from(("paragraph", "heading", "quote", "item")),
                            st.one_of(st.lists(SPAN, max_size=4).map(tuple), st.lists(SPAN, max_size=4))),
                  max_size=12)


@settings(max_examples=examples(600), deadline=None)
@given(BLOCKS, st.integers(0, 200))
def test_a_capped_body_is_the_copied_body_for_any_blocks(blocks, room):
    """Any spans (surrogates, links, a list where a tuple belongs), cut anywhere."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sanitize, "BODY_MAX_CHARS", room)
        assert sanitize._capped_body(blocks) == sanitize._capped_body(blocks, copy_all=True)


def test_a_capped_body_is_the_copied_body_for_every_corpus_article():
    """(The text reader's blocks, and the HTML reader's, links among them: one corpus is enough.)"""
    dumps = TEXT_DUMPS + sorted((CORPUS / "html").iterdir())
    read = 0
    for path in dumps:
        try:
            blocks = read_dump(path).body
        except DumpError:
            continue
        read += 1
        for room in (sanitize.BODY_MAX_CHARS, 500):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(sanitize, "BODY_MAX_CHARS", room)
                assert sanitize._capped_body(blocks) == sanitize._capped_body(blocks, copy_all=True), path
    assert read > 150


# --- decoding: control characters and surrogates told in C -------------------------------------

from converter import decoding  # noqa: E402

ANY_TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=()),
                                      st.sampled_from("\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f\x7f\x80\x9f\ud800\udfff\ufeff")))


@settings(max_examples=examples(1000), deadline=None)
@given(ANY_TEXT)
def test_control_characters_and_surrogates_are_those_the_patterns_find_in_any_text(text):
    assert decoding.control_chars(text) == len(decoding._CONTROL.findall(text))
    assert sanitize._holds_surrogate(text) == bool(sanitize._SURROGATE.search(text))
    assert sanitize.valid_unicode(text) == (text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
                                            if sanitize._SURROGATE.search(text) else text)


def test_control_characters_are_those_the_pattern_finds_in_every_character_and_dump():
    every = "".join(map(chr, range(0x110000)))
    assert decoding.control_chars(every) == len(decoding._CONTROL.findall(every)) == 30
    for path in TEXT_DUMPS:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        assert decoding.control_chars(text) == len(decoding._CONTROL.findall(text)), path
        assert sanitize._holds_surrogate(text) == bool(sanitize._SURROGATE.search(text)), path


# --- the headline ranker's rows: each line near the candidates asked once ----------------------

import math  # noqa: E402
from bisect import bisect_left, bisect_right  # noqa: E402
from itertools import accumulate  # noqa: E402

from converter import settings as s  # noqa: E402
from converter.assembly import features as f  # noqa: E402
from converter.assembly.headline import headline_candidates  # noqa: E402


def plain_headline_features(lines, features, candidates, body_start):
    """The headline ranker's rows read candidate by candidate, each asking of its own
    neighbours whether they are headers (as `headline_features` always did)."""
    lede = content_words_plain(" ".join(ln.text for ln in lines[body_start : body_start + 6]))
    titles = [i for i in candidates if lines[i].words >= s.TITLE_SIBLING_WORDS]
    kept_above = list(accumulate((not ln.furniture for ln in lines[:body_start]), initial=0))
    extras = []
    for position, i in enumerate(candidates):
        rank = len(candidates) - 1 - position
        between = kept_above[body_start] - kept_above[i + 1] if i + 1 < body_start else 0
        words = content_words_plain(lines[i].text)
        shared = len(words & lede)
        below = [ln for ln in lines[i + 1 : i + 4] if not ln.furniture]
        above = [ln for ln in lines[max(0, i - 3) : i] if not ln.furniture]
        near = s.TITLE_SIBLING_LINES
        extras.append([
            *(float(k == min(between, s.HEADLINE_GAP_BUCKETS)) for k in range(s.HEADLINE_GAP_BUCKETS + 1)),
            math.log1p(between),
            *(float(k == min(rank, s.HEADLINE_RANK_BUCKETS)) for k in range(s.HEADLINE_RANK_BUCKETS + 1)),
            shared / len(words) if words else 0.0,
            math.log1p(shared),
            float(any(f._is_header(ln) for ln in below)),
            float(bool(below) and f._is_header(below[0])),
            float(not above or above[-1].words <= s.SHORT_LINE_WORDS),
            float(bool(above) and above[-1].end > 0),
            float(bool(above) and above[-1].words >= 5 and not above[-1].sentence_end),
            float(i == body_start),
            math.log1p(bisect_right(titles, i + near) - bisect_left(titles, i - near)
                       - (lines[i].words >= s.TITLE_SIBLING_WORDS)),
            float(i > body_start),
        ])
    return f._candidate_rows(features, candidates, extras, f.HEADLINE_COLUMNS)


def assert_same_headline_rows(lines, features, candidates, body_start):
    fast = f.headline_features(lines, features, candidates, body_start)
    plain = plain_headline_features(lines, features, candidates, body_start)
    assert fast.columns == plain.columns
    assert fast.values.tobytes() == plain.values.tobytes(), (candidates, body_start)


def test_headline_rows_are_the_per_candidate_rows_on_every_corpus_page():
    for path in TEXT_DUMPS:
        lines, features = page(path)
        for body_start in range(0, len(lines), max(1, len(lines) // 10)):
            assert_same_headline_rows(lines, features, headline_candidates(lines, body_start), body_start)


@settings(max_examples=examples(300), deadline=None)
@given(st.data())
def test_headline_rows_are_the_per_candidate_rows_for_any_candidates(data):
    """Any lines as candidates, at any distance from one another and from the page's ends."""
    lines, features = page(data.draw(st.sampled_from(TEXT_DUMPS)))
    candidates = sorted(data.draw(st.sets(st.integers(0, len(lines) - 1), max_size=40)))
    assert_same_headline_rows(lines, features, candidates, data.draw(st.integers(0, len(lines) - 1)))


# --- the byline ranker: how often a name comes back on the page --------------------------------

CASE_TRICKY = "ΣσςßẞﬁﬃİıKſǅ\u0130\u0307 Jane DOE jane doe\n"
PAGE_TEXT = st.text(alphabet=st.one_of(st.sampled_from(CASE_TRICKY), st.characters()), max_size=40)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(PAGE_TEXT, max_size=8), st.one_of(PAGE_TEXT, st.sampled_from(("", "\n", "jane doe", "ss", "σ", "fi"))))
def test_a_name_is_counted_on_the_page_as_in_the_casefolded_page(texts, needle):
    assert f._page_counter(texts)(needle) == "\n".join(texts).casefold().count(needle)


def test_names_are_counted_as_in_the_casefolded_page_on_every_corpus_page():
    from converter.people import names_in_line

    counted = 0
    for path in TEXT_DUMPS:
        lines, _ = page(path)
        texts = [line.text for line in lines]
        count, casefolded = f._page_counter(texts), "\n".join(texts).casefold()
        for line in lines[:60]:
            for name in names_in_line(line.text) or []:
                assert count(name.casefold()) == casefolded.count(name.casefold()), (path, name)
                counted += 1
    assert counted > 100


# --- the page's own address: a URL line told by its start first --------------------------------

from converter.assembly.features import URL_LINE  # noqa: E402


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(("http", "https", "://", "s", "/", " ", "\n", "HTTP", "ｈ", "x.org")),
                          st.characters()), max_size=12).map("".join))
def test_a_url_line_is_what_the_pattern_matches(text):
    assert header.is_url_line(text) == bool(URL_LINE.match(text))


def test_a_url_line_is_what_the_pattern_matches_on_every_real_line():
    for text in REAL_LINES:
        assert header.is_url_line(text) == bool(URL_LINE.match(text)), text
    assert any(map(header.is_url_line, REAL_LINES))


# --- the header: a byline or a bare name, asked only where the cached answers say so ----------

from converter.assembly.header import bare_byline  # noqa: E402
from converter.people import names_from_byline  # noqa: E402
from test_fast_dates import vocabulary_lines  # noqa: E402


def plain_byline_or_bare_name(lines, position):
    return names_from_byline(lines[position].text) or bare_byline(lines, position)


def test_a_byline_or_bare_name_is_the_plain_one_on_every_corpus_line():
    found = 0
    for path in TEXT_DUMPS:
        lines, _ = page(path)
        for position in range(len(lines)):
            names = header.byline_or_bare_name(lines, position)
            assert names == plain_byline_or_bare_name(lines, position), (path, lines[position].text)
            found += bool(names)
    assert found > 100


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.one_of(vocabulary_lines, vocabulary_text(PEOPLE_WORDS), tricky_text,
                          st.sampled_from(("Jane Doe", "JANE DOE", "By Jane Doe", "March 3, 2019", "2 hours ago",
                                           "Updated 10:30", "Jane Doe, AP Writer")),
                          st.builds(lambda t: t + " " + "word " * 60, st.sampled_from(("By Jane Doe", "Jane Doe")))),
                min_size=1, max_size=5))
def test_a_byline_or_bare_name_is_the_plain_one_around_dates_and_names(texts):
    lines = [Line(k, text) for k, text in enumerate(texts)]
    for position in range(len(lines)):
        assert header.byline_or_bare_name(lines, position) == plain_byline_or_bare_name(lines, position)


# --- the byline candidates: a "By …" line read only where the cached answers say so -----------

from converter import people  # noqa: E402
from converter.assembly import byline  # noqa: E402
from converter.dates import DATE_RE  # noqa: E402


def plain_names_in_line(text):
    """`people.names_in_line` as it always read: the byline shapes first, then a date looked
    for before the name at the line's start."""
    names = names_from_byline(text)
    if names:
        return names
    text = text.strip()
    if len(text) > 120:
        return None
    head = people._NAME_ENDS.sub("", text)
    date = DATE_RE.search(text)
    if date and date.start() < len(head):
        return None
    name = people.looks_like_name(head)
    if not name:
        return None
    with_names = people._WITH.search(text)
    return [name] + [n for n in (people.split_names(with_names.group("names")) if with_names else []) if n != name]


def test_names_in_a_line_are_the_plain_names_on_every_real_line():
    found = 0
    for text in REAL_LINES:
        names = plain_names_in_line(text)
        assert people.names_in_line(text) == names, text
        assert byline._names_in(text) == names, text
        found += bool(names)
    assert found > 100


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(vocabulary_lines, vocabulary_text(PEOPLE_WORDS), tricky_text,
                 st.builds(" ".join, st.lists(st.sampled_from(("Jane Doe", "JANE DOE", "By", "with", "and", "Nov. 18,",
                                                               "2019", "-", "•", "@jd", "(AP)", ",", "3 hours ago",
                                                               "de la", "Sign Up")), max_size=6))))
def test_names_in_a_line_are_the_plain_names_around_dates_and_names(text):
    names = plain_names_in_line(text)
    assert people.names_in_line(text) == names
    assert byline._names_in(text) == names


def test_a_line_before_its_date_is_the_plain_split_on_every_real_line():
    dated = 0
    for text in REAL_LINES:
        assert people._before_date(text) == people._before_date_plain(text), text
        dated += people._before_date(text) != text
    assert dated > 100


@settings(max_examples=examples(600), deadline=None)
@given(st.one_of(vocabulary_lines, tricky_text,
                 st.builds(" ".join, st.lists(st.sampled_from(("Jane Doe", "Nov. 18,", "2019", "18.11.2019", "-",
                                                               "3 hours ago", "|", "March 3", "Mon")), max_size=6))))
def test_a_line_before_its_date_is_the_plain_split_around_dates(text):
    assert people._before_date(text) == people._before_date_plain(text)


# --- the headline's candidates: a line's own facts asked before the detectors -------------------

from converter.assembly import headline  # noqa: E402


def plain_title_shaped(lines, i):
    """`headline._title_shaped` in the order its tests were always asked."""
    line, text = lines[i], lines[i].text
    return not (line.furniture or line.words < 1 or line.words > s.TITLE_MAX_WORDS or len(text) > s.TITLE_MAX_CHARS
                or header.is_url_line(text) or text.endswith((",", ";", ":")) or header.is_header_line(line)
                or (header.is_caption(lines, i) and (line.sentence_end or header.holds_credit(text))) or line.end)


def test_title_shaped_lines_are_the_plain_ones_on_every_corpus_line():
    shaped = 0
    for path in TEXT_DUMPS:
        lines, _ = page(path)
        for i in range(len(lines)):
            assert headline._title_shaped(lines, i) == plain_title_shaped(lines, i), (path, lines[i].text)
            shaped += plain_title_shaped(lines, i)
    assert shaped > 1000
