"""A page's lines and their words, made the fast way, are what the plain formulas make.

The text reader tokenises every line for the page's common words (issue 9's
5 ms target): a line whose non-ASCII characters are no word characters
(English with curly quotes and dashes, not only ASCII) is split on spaces
once its other characters are spaces, with no regex. If that drifted by one
word, a page's common words, and so its verdicts, would quietly change:
here it is checked against `WORD.findall` on every corpus line and on any text.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import CORPUS, examples
from converter.assembly.features import _batch_tokens, _holds_no_foreign_word, _spaced_words, _words_and_start
from converter.text_shape import WORD

CORPUS_LINES = sorted({line.strip() for corpus in (CORPUS, CORPUS.parent / "corpus2")
                       for dump in sorted((corpus / "text").glob("*.txt"))
                       for line in dump.read_text(encoding="utf-8", errors="replace").split("\n") if line.strip()})
# non-ASCII characters that are no word characters (quotes, dashes, spaces, a combining mark that
# casefolds to a Greek letter, symbols that casefold), word characters that casefold to more than
# one ("ß", "İ", "ŉ"), lone surrogates, "_" and digits
TRICKY = "’“”—–…\xa0\u3000\u2028\u0345Ⓐ⅓ßİŉſ\udc80\ud800_9a Z.,!?\t\x1c"


def assert_words_are_the_regex_ones(text: str) -> None:
    folded = text.casefold()
    if _holds_no_foreign_word(folded):
        assert _spaced_words(folded).split() == WORD.findall(folded), text
    start, every = _words_and_start(text)
    assert (start, every) == (tuple(WORD.findall(text[:300].casefold())), WORD.findall(folded)), text


def test_words_are_the_regex_ones_on_every_corpus_line():
    lines = [line for line in CORPUS_LINES if "\n" not in line]
    assert sum(not line.isascii() and _holds_no_foreign_word(line.casefold()) for line in lines) > 1000
    for line in lines:
        assert_words_are_the_regex_ones(line)
    for start in range(0, len(lines), 110):  # a page's new short lines, as a batch
        batch = lines[start : start + 110]
        assert _batch_tokens(batch) == [tuple(WORD.findall(line.casefold())) for line in batch]


any_text = st.text(alphabet=st.one_of(st.characters(blacklist_characters="\n"), st.sampled_from(TRICKY)), max_size=700)


@settings(max_examples=examples(300), deadline=None)
@given(any_text)
def test_words_are_the_regex_ones_on_any_text(text):
    assert_words_are_the_regex_ones(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=60), min_size=1, max_size=8))
def test_a_batch_s_words_are_the_regex_ones(texts):
    assert _batch_tokens(texts) == [tuple(WORD.findall(text.casefold())) for text in texts]


def test_a_run_of_short_lines_longer_than_the_table_has_its_own_log():
    """`short_run` is looked up in a table of `math.log1p`s; a run longer than the table is worked out."""
    import math

    import numpy as np

    from converter.assembly.features import LINE_COLUMNS, line_features
    from converter.readers.text import split_lines

    prose = "The council approved the budget on Tuesday after a long debate over the new tram line."
    for run in (3, 250, 2000):
        lines = split_lines("\n".join([f"Menu {k}" for k in range(run)] + [prose, "Home", "News"]))
        short_run = line_features(lines).column("short_run")
        expected = [math.log1p(run)] * run + [0.0, math.log1p(2), math.log1p(2)]
        assert short_run.tobytes() == np.array(expected).tobytes(), run


def test_the_row_cache_stays_bounded_and_answers_as_a_cold_read(monkeypatch):
    """Short lines' rows are remembered by generations: however many pages go by, the cache holds
    at most `LINE_CACHE_SIZE` lines and a page's features are those of a read with it empty."""
    from converter import settings as shape_settings
    from converter.assembly import features
    from converter.readers.text import split_lines

    monkeypatch.setattr(shape_settings, "LINE_CACHE_SIZE", 64)
    pages = [split_lines(dump.read_text(encoding="utf-8", errors="replace"))
             for dump in sorted((CORPUS / "text").glob("*.txt"))[:12]]
    cold = []
    for lines in pages:
        features._SHORT_ROWS.cache_clear()
        cold.append(features.line_features(lines).values.tobytes())
    features._SHORT_ROWS.cache_clear()
    for _ in range(2):
        for lines, expected in zip(pages, cold):
            assert features.line_features(lines).values.tobytes() == expected
            assert len(features._SHORT_ROWS) < 32 and len(features._SHORT_ROWS.older) <= 32 + len(lines)
    features._SHORT_ROWS.cache_clear()
