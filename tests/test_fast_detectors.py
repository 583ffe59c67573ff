"""A page's lines asked of the rule detectors at once give the answers line by line gives.

`detected.detect_lines` runs each detector's first check over a page's lines
joined by "\\n" (`page_scan`), and a detector only on the lines that check lets
through. It is exact only if each page-level check lets through every line its
detector could accept, and no match is ever told to the wrong line (a pattern
seeing across a line break, a place mapped to the line beside it). So the
batch is held to the detectors asked line by line: on every dump of both
corpora, on the hostile dumps and the many-language lines, and on pages drawn
from the detectors' own words and the characters where Unicode surprises.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, examples
from converter import dates, furniture, ignorecase, people
from converter.assembly import detected
from converter.page_scan import PageLines, to_line_end
from test_fast_dates import KNOWN_RELATIVE, LANGUAGE_LINES, REAL_LINES, vocabulary_lines
from test_fast_words import CREDIT_WORDS, PEOPLE_WORDS, TRICKY, vocabulary_text

HERE = Path(__file__).resolve().parent
DUMPS = sorted(p for corpus in (CORPUS, CORPUS.parent / "corpus2") for p in (corpus / "text").glob("*.txt"))
HOSTILE = sorted(p for p in (HERE / "hostile").iterdir() if p.is_file())


def _lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").split("\n")


def _one_by_one(texts: list[str]) -> list[tuple[bool, ...]]:
    """Each line asked of each detector in turn, nothing remembered."""
    return [detected._detect_line(text) if len(text) <= detected.settings.SHORT_LINE_CHARS
            else detected._NOTHING_DETECTED for text in texts]


def _at_once(texts: list[str]) -> list[tuple[bool, ...]]:
    """`detect_lines` with nothing remembered from before: every short line goes through the page checks."""
    detected._short_line_detectors.cache_clear()
    return detected.detect_lines(texts)


# each page-level check, and the per-line truth it must let through every line of
PAGE_CHECKS = [
    ("digits", lambda page: dates.digit_lines(page), lambda t: bool(dates.find_dates(t))),
    ("relative", lambda page: dates.relative_date_lines(page, dates.digit_lines(page)), dates.is_relative_date),
    ("label", dates.date_label_lines, lambda t: dates.DATE_LABEL.match(t) is not None),
    ("byline", people.byline_lines, lambda t: people.names_from_byline(t) is not None),
    ("name", people.name_lines, lambda t: people.looks_like_name(t) is not None),
    ("credit", furniture.credit_lines, lambda t: furniture.photo_credit(t) is not None),
    ("contribution", people.contribution_lines, lambda t: people.names_from_contribution(t) is not None),
]


def _missed(texts: list[str]) -> list[tuple[str, str]]:
    """(check, line) for each line a detector accepts that its page-level check left out."""
    page = PageLines(texts)
    return [(name, texts[k]) for name, lines_of, truth in PAGE_CHECKS
            for k in sorted(set(range(len(texts))) - lines_of(page)) if truth(texts[k])]


@pytest.mark.parametrize("stripped", [True, False], ids=["stripped", "raw"])
def test_a_dumps_lines_at_once_are_its_lines_one_by_one(stripped):
    """Every dump of both corpora, as the text reader hands its lines (stripped, no blanks) and raw."""
    detected = 0
    for dump in DUMPS:
        texts = [line.strip() for line in _lines_of(dump) if line.strip()] if stripped else _lines_of(dump)
        at_once = _at_once(texts)
        assert at_once == _one_by_one(texts), dump.name
        detected += sum(map(any, at_once))
    assert detected > 1000  # real dates, bylines, names and credits were found, not only nothing


def test_each_page_check_lets_through_every_line_its_detector_accepts():
    """The same, check by check: a check that dropped a line would name it here."""
    for dump in DUMPS:
        texts = [line.strip() for line in _lines_of(dump) if line.strip()]
        assert _missed(texts) == [], dump.name


def test_the_date_label_check_finds_exactly_the_labelled_lines():
    texts = [line.strip() for dump in DUMPS for line in _lines_of(dump) if line.strip()]
    page = PageLines(texts)
    assert {k for k, text in enumerate(texts) if dates.DATE_LABEL.match(text)} == dates.date_label_lines(page)


def test_hostile_and_many_language_lines_at_once_are_the_same():
    for texts in [_lines_of(path) for path in HOSTILE] + [LANGUAGE_LINES, KNOWN_RELATIVE]:
        assert _at_once(texts) == _one_by_one(texts)


def test_a_page_of_nothing_and_lines_with_their_own_line_breaks():
    assert _at_once([]) == []
    assert _at_once([""]) == [detected._NOTHING_DETECTED]
    texts = ["By Jane Doe\nNov. 19, 2019", "3 hours ago", "\n", "Photo: AP", "x" * 300 + " 2019-11-20"]
    assert _at_once(texts) == _one_by_one(texts)


def test_what_a_page_at_once_found_is_what_each_line_is_later_told():
    """`detect_lines` remembers its answers for `_detectors` (the header and date checks ask
    again), and a page whose lines were partly met before gets the same answers."""
    texts = [line.strip() for line in _lines_of(DUMPS[0]) if line.strip()]
    expected = _one_by_one(texts)
    assert _at_once(texts) == expected
    assert [detected._detectors(text) for text in texts] == expected
    detected._short_line_detectors.cache_clear()
    assert [detected._detectors(text) for text in texts[::2]] == expected[::2]
    assert detected.detect_lines(texts) == expected


def test_a_page_longer_than_the_cache_keeps_its_answers_and_the_cache_its_size(monkeypatch):
    monkeypatch.setattr(detected.settings, "LINE_CACHE_SIZE", 5)
    texts = [line.strip() for line in _lines_of(DUMPS[1]) if line.strip()]
    assert _at_once(texts) == _one_by_one(texts)
    assert len(detected._DETECTED) == 5


# --- pages drawn from the detectors' own words ---------------------------------------------------

_LINE = st.one_of(vocabulary_lines, vocabulary_text(PEOPLE_WORDS), vocabulary_text(CREDIT_WORDS),
                  st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=60),
                  st.sampled_from(KNOWN_RELATIVE))
_LEAD = st.sampled_from(["", " ", "\u00a0", "// ", "— ", "| ", "\t", " • "])
_TAIL = st.sampled_from(["", " ", ".", " .", ":", "\u3000", ",\u00a0", "  "])
page_line = st.builds(lambda lead, line, tail: (lead + line + tail).replace("\n", " "), _LEAD, _LINE, _TAIL)


@settings(max_examples=examples(1500), deadline=None)
@given(st.lists(page_line, max_size=12))
def test_a_page_of_detector_words_at_once_is_its_lines_one_by_one(texts):
    assert _at_once(texts) == _one_by_one(texts)
    assert _missed(texts) == []


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(page_line, _LINE), max_size=6))
def test_lines_holding_line_breaks_are_asked_one_by_one(texts):
    assert _at_once(texts) == _one_by_one(texts)


# --- what the page-level checks stand on ------------------------------------------------------------

@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(st.text(alphabet=st.one_of(st.characters(blacklist_characters="\n"), st.sampled_from(
    TRICKY.replace("\n", "") + "ΣΑΣ ΣΑΣ.İK")), max_size=30), max_size=8))
def test_the_fold_of_a_page_is_its_lines_folds_joined(texts):
    """Each line's fold stands at its place in the page's fold (a final sigma, a dotted capital I)."""
    assert PageLines(texts).folded == "\n".join(map(ignorecase.fold, texts))


def _fold_plain(text: str) -> str:
    """`fold` as written before it looked among a long text's non-ASCII characters alone."""
    if text.isascii():
        return text.lower()
    lowered = text.replace(ignorecase._DOTTED_CAPITAL_I, "i").lower()
    return lowered.translate(ignorecase._TO_PLAIN_LETTER) if ignorecase._ODD_LETTER.search(lowered) else lowered


@settings(max_examples=examples(600), deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY + "ΣİKſᲂ")), max_size=60),
       st.integers(0, 3))
def test_fold_of_a_long_text_is_the_plain_fold(text, times):
    long_text = "ascii " * (ignorecase.settings.FOLD_SCAN_CHARS // 6 * times) + text
    assert ignorecase.fold(long_text) == _fold_plain(long_text)


def test_only_a_letter_or_a_key_end_casefolds_into_a_day_word_keys_last_character():
    """What the page-level relative-date check stands on: a line whose last character is neither
    a letter nor a day word key's last character casefolds into no key's last character."""
    last = {key[-1] for key in dates._DAY_WORD_KEYS}
    letter = re.compile(r"[^\W\d_]")
    assert not [c for c in map(chr, range(0x110000))
                if c not in last and not letter.match(c) and c.casefold()[-1:] in last]


def test_a_cjk_byline_word_is_made_of_cjk_characters():
    """What lets a page without a CJK character skip the search for them."""
    assert all(people._CJK_CHAR.fullmatch(c) for word in people._CJK_BYLINE_WORDS for c in word)


def test_casefold_never_makes_a_text_shorter():
    """What the relative-date check's length cut stands on: a line longer than a relative date once
    on one line is longer still casefolded."""
    assert all(len(c.casefold()) >= 1 for c in map(chr, range(0x110000)))


@settings(max_examples=examples(600), deadline=None)
@given(st.sampled_from(KNOWN_RELATIVE), st.sampled_from([" ", "  ", "\u00a0 ", " \t"]), st.integers(1, 60),
       st.sampled_from(["", "Jane Doe • ", "x" * 70 + " "]))
def test_a_relative_date_spread_out_past_the_length_cut_reads_as_the_full_reading(phrase, space, times, before):
    line = before + phrase.replace(" ", space * times)
    assert dates.is_relative_date(line) == dates.is_relative_date_full(line)


_ENDINGS = st.one_of(st.characters(), st.sampled_from(list(")»\"'?!…#0123456789٣۴２ ½²ΣİKſ") + ["לפני יום 3", "לפני יום 123", " 19", "\u00a05"]))


@settings(max_examples=examples(1500), deadline=None)
@given(st.one_of(st.sampled_from(KNOWN_RELATIVE), vocabulary_lines), st.lists(_ENDINGS, min_size=1, max_size=3).map("".join))
def test_a_line_ending_in_any_character_is_told_as_the_full_reading_tells_it(line, ending):
    """The first check turns away a line by its last character (a bracket, a number no day is):
    lines ending in each character, digits of other scripts and Hebrew's "day #" among them."""
    for text in (line + ending, ending, "Jane Doe • " + ending):
        assert dates.is_relative_date(text) == dates.is_relative_date_full(text), text


@pytest.mark.parametrize("line", ["לפני יום 123", "Posted Nov 19", "Nov\u00a05", "3 marzo", "(updated 2 hours ago)"])
def test_lines_ending_in_a_number_or_a_bracket_read_as_the_full_reading(line):
    assert dates.is_relative_date(line) == dates.is_relative_date_full(line)


HOSTILE_LINES = [" " * 200, "• " * 100, "by " * 66, "By  :  " * 28, "1 " * 100, "1.1/" * 50, "Photo: " * 28,
                 "(" * 200, "Jane " * 40, "Jane, " * 33, "\u3000" * 200, "作者" * 100, ". " * 100, "ago " * 50,
                 "a" * 200, "Getty Images " * 15, "— By " * 40, "2019 " * 40]


def test_a_megabyte_page_of_hostile_short_lines_at_once_is_the_same():
    """Runs of spaces, marks, "by"s, digits and names, every line as long as a short line gets:
    the page checks scan each once (a quadratic one would show here as the suite's timeout)."""
    size = detected.settings.SHORT_LINE_CHARS
    texts = [(line + str(k) if k % 2 else str(k) + line)[:size] for k in range((1 << 20) // size)
             for line in HOSTILE_LINES[k % len(HOSTILE_LINES):][:1]]
    assert max(map(len, texts)) == size and len(set(texts)) > len(texts) // 2
    assert _at_once(texts) == _one_by_one(texts)


# a name's words in every case, particles, marks, digits and capitals of other scripts (or none
# that is upper at all), between any white space: what the name check's lookahead reads
_NAME_PIECES = st.sampled_from(["Jane", "DOE", "de", "De", "DE", "van", "la", "al", "bin", "jane", "2019", "(AP)", "&",
                                "©", "Ödön", "ödön", "Łukasz", "Σ", "İ", "K", "ǅ", "Ⅳ", "日本", "-", ",", "|", "—"])
_NAME_SPACE = st.sampled_from([" ", "  ", "\u00a0", "\t", "\x1c", "\u3000", ", ", " - "])
name_line = st.builds(lambda lead, words, spaces: lead + "".join(w + s for w, s in zip(words, spaces)).rstrip(),
                      st.sampled_from(["", " ", "\u00a0"]), st.lists(_NAME_PIECES, min_size=1, max_size=6),
                      st.lists(_NAME_SPACE, min_size=6, max_size=6))


# the name check as first written: a mark after none to four name words, or two to four of them
# to the line's end, each branch reading the words anew
_PLAIN_PAGE_NAME_WORDS = re.compile(to_line_end(
    r"\n[^\S\n]*+(?=" + people._MAY_OPEN_NAME_WORD + r"\S*+[^\S\n]++" + people._MAY_OPEN_NAME_WORD + r")"
    r"(?:(?:" + people._NAME_WORD + r"(?:[^\S\n]++" + people._NAME_WORD + r"){0,3}+[^\S\n]*+)?[" + people._MARKS
    + "]|" + people._NAME_WORD + r"(?:[^\S\n]++" + people._NAME_WORD + r"){1,3}+[^\S\n]*+(?![^\n]))"))


def assert_name_lines_are_the_plain_ones(texts):
    page = PageLines(texts)
    assert people.name_lines(page) == page.lines_opening(_PLAIN_PAGE_NAME_WORDS), texts


def test_the_name_check_finds_the_lines_the_two_readings_find_on_every_real_line():
    assert_name_lines_are_the_plain_ones(REAL_LINES)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(st.one_of(name_line, st.lists(st.one_of(st.characters(blacklist_characters="\n"), _NAME_PIECES, _NAME_SPACE),
                                               max_size=12).map("".join)), max_size=10))
def test_the_name_check_finds_the_lines_the_two_readings_find_on_any_lines(texts):
    assert_name_lines_are_the_plain_ones(texts)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(name_line, max_size=10))
def test_the_name_check_lets_through_every_line_a_name_is_found_in(texts):
    page = PageLines(texts)
    assert [text for k, text in enumerate(texts) if k not in people.name_lines(page)
            and people.looks_like_name(text)] == []
