"""The furniture and line-shape fast paths of issue 9's last round give the plain answers, on any line.

`text_shape.cjk_chars` counts a long line's CJK characters among its non-ASCII
characters alone. Such a shortcut is exact only while what it skips can hold
nothing counted; were it to drift, the line model would see other numbers and
quietly read pages otherwise. Each is checked against its plain self on every
line of both corpora, the many-language lines, and hypothesis text.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import examples
from converter import text_shape
from test_fast_words import CORPUS_LINES, LANGUAGE_LINES, long_text, tricky_text


def test_cjk_chars_is_the_plain_count_on_every_line():
    seen = 0
    for line in CORPUS_LINES + LANGUAGE_LINES:
        assert text_shape.cjk_chars(line) == text_shape._cjk_chars_plain(line), line
        seen += len(line) > text_shape.settings.NON_ASCII_SCAN_CHARS and text_shape._cjk_chars_plain(line) > 0
    assert seen > 10  # long lines holding CJK were counted, not only lines without any


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(tricky_text, long_text, st.builds(str.__mul__, tricky_text, st.integers(1, 5))))
def test_cjk_chars_is_the_plain_count_on_any_text(text):
    assert text_shape.cjk_chars(text) == text_shape._cjk_chars_plain(text)
