"""The assembly's header checks give their plain selves' very answers, on any line.

`header._is_header_text` (is a line a byline or a dateline?) and
`header.holds_credit` (does it hold a photo credit?) take the answers the
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

from hypothesis import given, settings, strategies as st

from converter.assembly import header
from converter.furniture import photo_credit
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


@settings(max_examples=1500, deadline=None)
@given(st.one_of(vocabulary_lines, vocabulary_text(CREDIT_WORDS | PEOPLE_WORDS), tricky_text))
def test_the_header_check_is_the_plain_check_on_header_words(line):
    assert _is_header_text(line) == header._is_header_text_plain(line)


def test_holding_a_credit_is_what_photo_credit_says_on_every_real_line():
    found = 0
    for line in REAL_LINES:
        assert header.holds_credit(line) == bool(photo_credit(line)), line
        found += header.holds_credit(line)
    assert found > 50  # the check saw real credits, not only lines without one


def test_holding_a_credit_is_what_photo_credit_says_on_long_lines():
    """A caption longer than the line model's detectors read is asked of `photo_credit` itself."""
    pad = "x " * (header.settings.SHORT_LINE_CHARS // 2)
    for line in ("A caption. (AP Photo/Evan Vucci)", "Children play. REUTERS/Brendan McDermid", "Photo: AP"):
        assert header.holds_credit(pad + line) == bool(photo_credit(pad + line)), line


@settings(max_examples=1500, deadline=None)
@given(st.one_of(vocabulary_text(CREDIT_WORDS), tricky_text))
def test_holding_a_credit_is_what_photo_credit_says_on_credit_words(line):
    assert header.holds_credit(line) == bool(photo_credit(line))
