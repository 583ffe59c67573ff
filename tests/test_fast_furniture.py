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


# --- credit_lines: the page-level check of `photo_credit`, its conditions asked line by line ------

from converter import furniture  # noqa: E402
from converter.ignorecase import fold, holds_any  # noqa: E402
from converter.page_scan import PageLines  # noqa: E402
from test_fast_detectors import DUMPS, HOSTILE, _lines_of  # noqa: E402
from test_fast_words import CREDIT_WORDS, TRICKY, vocabulary_text  # noqa: E402


def _credit_line_plain(text: str) -> bool:
    """What `credit_lines` looks for, in one line: a ")" or "/", " via ", an agency ending it, or a
    label mark (":", "…", "..." or "copyright") and a label word."""
    folded = fold(text)
    labelled = holds_any(text, furniture._LABEL_MARKS) or furniture._FOLDED_LABEL_MARK in folded
    return (")" in text or "/" in text or " via " in folded or fold(text.rstrip()).endswith(furniture._FOLDED_AGENCIES)
            or (labelled and holds_any(folded, furniture._CREDIT_LABEL_WORDS)))


def _credit_lines_plain(texts: list[str]) -> set[int]:
    return {k for k, text in enumerate(texts) if _credit_line_plain(text)}


def test_credit_lines_are_the_lines_the_plain_test_passes_on_every_dump():
    found = 0
    for path in DUMPS + HOSTILE:
        texts = _lines_of(path)
        assert furniture.credit_lines(PageLines(texts)) == _credit_lines_plain(texts), path.name
        found += len(_credit_lines_plain(texts))
    assert found > 500  # the check saw lines with credit marks, not only lines without


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.one_of(vocabulary_text(CREDIT_WORDS), st.text(alphabet=st.sampled_from(TRICKY + "ab "), max_size=20))
                .map(lambda text: text.replace("\n", " ")), max_size=12))
def test_credit_lines_are_the_lines_the_plain_test_passes_on_any_page(texts):
    assert furniture.credit_lines(PageLines(texts)) == _credit_lines_plain(texts)
