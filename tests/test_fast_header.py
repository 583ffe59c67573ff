"""The assembly's header checks give their plain selves' very answers, on any line.

`header._is_header_text` (is a line a byline or a dateline?) and the
`header.holds_…` checks (does it hold a photo credit, a byline, a
contributor line?) take the answers the
line model's detectors gave when `classify` read the page, instead of
asking `find_dates`, `is_relative_date`, `names_from_byline` and
`photo_credit` again (issue 9's 5 ms a page). That is exact only while the
line model's detectors are the header check's own; were one to drift (a
detector added to or dropped from either), headlines and datelines would
quietly change. So the fast check is held against the plain one on every
line of both corpora's text dumps, the many-language test lines, and text
made of date, byline and credit words.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from converter.assembly import header
from converter.furniture import photo_credit
from converter.people import names_from_byline, names_from_contribution
from conftest import examples
from converter.readers.text import split_lines
from test_fast_assembly import TEXT_DUMPS
from test_fast_dates import REAL_LINES, vocabulary_lines
from test_fast_words import CREDIT_WORDS, PEOPLE_WORDS, tricky_text, vocabulary_text

#: the check with no cache in front of it: each call is worked out
_is_header_text = header._is_header_text.__wrapped__


def test_the_header_check_is_the_plain_check_on_every_real_line():
    found = 0
    for line in REAL_LINES:
        assert _is_header_text(line) == header._is_header_text_plain(line), line
        found += header._is_header_text_plain(line)
    assert found > 500  # the check saw many bylines and datelines, not only lines that are neither


def test_the_header_check_is_the_plain_check_on_lines_longer_than_the_detectors_read(monkeypatch):
    """Were header lines allowed past the length the line model's detectors read (which answer
    nothing there), the check would still ask each detector itself."""
    monkeypatch.setattr(header.settings, "HEADER_LINE_MAX_CHARS", 2 * header.settings.SHORT_LINE_CHARS)
    pad = "x" * header.settings.SHORT_LINE_CHARS
    for line in ("By Jane Doe", "Published March 3, 2019", "3 hours ago", "Photo: AP", "Jane Doe"):
        longer = line + " " + pad
        assert _is_header_text(longer) == header._is_header_text_plain(longer), longer


def test_a_header_line_is_the_plain_check_of_its_text_on_every_corpus_line():
    """`is_header_line` hands the check the word count its `Line` already holds, rather than
    counting again: the same answer as the plain check of the text, on every dump line."""
    found = 0
    for dump in TEXT_DUMPS:
        for line in split_lines(dump.read_text(encoding="utf-8", errors="replace")):
            plain = header._is_header_text_plain(line.text)
            assert _is_header_text(line.text, line.words) == plain, line.text
            assert header.is_header_line(line) == plain, line.text
            found += plain
    assert found > 300


@settings(max_examples=examples(1500), deadline=None)
@given(st.one_of(vocabulary_lines, vocabulary_text(CREDIT_WORDS | PEOPLE_WORDS), tricky_text))
def test_the_header_check_is_the_plain_check_on_header_words(line):
    assert _is_header_text(line) == header._is_header_text_plain(line)


#: each `holds_…` check beside the detector whose truth it must be
HOLDS = [(header.holds_credit, photo_credit), (header.holds_byline, names_from_byline),
         (header.holds_contribution, names_from_contribution)]


@pytest.mark.parametrize("holds, detector", HOLDS, ids=lambda f: f.__name__)
def test_each_holds_check_is_its_detectors_truth_on_every_real_line(holds, detector):
    found = 0
    for line in REAL_LINES:
        assert holds(line) == bool(detector(line)), line
        found += holds(line)
    assert found  # the check saw lines the detector finds something in, not only others


@pytest.mark.parametrize("holds, detector", HOLDS, ids=lambda f: f.__name__)
def test_each_holds_check_asks_its_detector_of_a_long_line(holds, detector):
    """A line longer than the line model's detectors read is asked of the detector itself."""
    pad = "x " * (header.settings.SHORT_LINE_CHARS // 2)
    lines = ["A caption. (AP Photo/Evan Vucci)", "Children play. REUTERS/Brendan McDermid", "Photo: AP",
             "Jane Doe contributed reporting. " + pad, "By Jane Doe and John Smith " + pad[:190]]
    assert any(len(line) > header.settings.SHORT_LINE_CHARS and detector(line) for line in lines + [pad + l for l in lines])
    for line in lines + [pad + line for line in lines]:
        assert holds(line) == bool(detector(line)), line


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(vocabulary_text(CREDIT_WORDS | PEOPLE_WORDS), tricky_text))
def test_each_holds_check_is_its_detectors_truth_on_credit_and_byline_words(line):
    for holds, detector in HOLDS:
        assert holds(line) == bool(detector(line)), detector.__name__
