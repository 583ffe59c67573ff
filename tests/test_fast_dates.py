"""The date detectors' fast paths give the very answers of the full readings, on any line.

Issue 9's 5 ms a page needs `find_dates` and `is_relative_date` at about 2 µs
a line, so each first turns a line away with a cheap check (no date can be
in it), skips the positions where no date can start, and reads the common
English spellings without dateutil. A cheap check that turned away one
line the full reading accepts would quietly lose a page's date, so each is
held to the full reading here: on every line of both corpora's text dumps,
on every line of tests/test_languages.py, and on text drawn from the
detectors' own words (month and relative-date words of their languages,
weekdays, labels, digits of other scripts, the letters `re.I` folds: "ſ",
"K", "İ"). A word list edited so that a check no longer covers it fails here.
"""
from __future__ import annotations

import ast
import itertools
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, examples
from converter import dates, page_scan

TESTS = Path(__file__).parent


def _corpus_lines() -> list[str]:
    lines = {line.strip() for corpus in (CORPUS, CORPUS.parent / "corpus2")
             for dump in sorted((corpus / "text").glob("*.txt"))
             for line in dump.read_text(encoding="utf-8", errors="replace").splitlines()}
    return sorted(line for line in lines if line)


def _language_test_lines() -> list[str]:
    """Every string written in tests/test_languages.py: its dumps' lines and its one-line cases."""
    tree = ast.parse((TESTS / "test_languages.py").read_text(encoding="utf-8"))
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return sorted({line.strip() for s in strings for line in s.splitlines() if line.strip()})


CORPUS_LINES = _corpus_lines()
LANGUAGE_LINES = _language_test_lines()
REAL_LINES = CORPUS_LINES + LANGUAGE_LINES

# --- the detectors' own vocabulary, to build lines from -----------------------------------------
_ENGLISH_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "sept", "october", "november", "december")
_WEEKDAY_WORDS = tuple(name for day in dates._WEEKDAYS for name in (day, day[:3], day[:3] + ".", day[:4]))
_PHRASE_WORDS = tuple(sorted({word for phrase in dates.RELATIVE_PHRASES for word in phrase.replace("#", " ").split()}))
_PHRASES = tuple(sorted(dates.RELATIVE_PHRASES))
_LOCAL_MONTHS = tuple(sorted(dates._MONTH_NUMBER))
_LABELS = ("Published", "Updated", "Posted", "Aktualisiert", "Publié le", "date:", "By", "©", "Photo", "de", "às",
           "um", "at", "on", "am", "pm", "a.m.", "GMT", "UTC", "EDT", "+02:00", "tháng", "năm", "http://x.y/2019/1/2",
           "www.", "ago", "an", "a", "one")
_DIGITS = ("0", "1", "2", "5", "9", "12", "19", "20", "31", "45", "99", "1990", "2019", "2099", "٢٠١٩", "۱۹",
           "２０１９", "१२", "๑๒", "༢", "1.5", "3,5", "09:30", "9.05", "18h30", "6:30PM", "2019-11-20", "20.11.2019",
           "11/13/19", "2019年", "11月", "20日", "년", "월", "일", "時間前", "天前", "分前", "20th", "1st", "2ND", "3rd",
           "1ſt", "4TH", "19.", "7/", "31-")
_ODD = ("ſ", "K", "İ", "ı", "ß", "Σ", "ς", "\u00a0", "\u3000", "\u2009", "\x1c", "\t", "  ", ".", ",", ":", ";", "|",
        "•", "·", "—", "–", "-", "/", "#", "(", ")", "’", "Ж", "日本", "한국")
_SEPARATORS = st.sampled_from((" ", " ", " ", "", ", ", ". ", " - ", " | ", "\u00a0", ": ", "/", "-"))


def _cased(word: str) -> st.SearchStrategy[str]:
    return st.sampled_from((word, word.upper(), word.capitalize(), word.casefold()))


_WORD = st.one_of(
    st.sampled_from(_ENGLISH_MONTH_NAMES + _LOCAL_MONTHS + _WEEKDAY_WORDS + _LABELS).flatmap(_cased),
    st.sampled_from(_PHRASE_WORDS).flatmap(_cased),
    st.sampled_from(_PHRASES).map(lambda phrase: phrase.replace("#", "3")).flatmap(_cased),
    st.sampled_from(_DIGITS), st.sampled_from(_ODD),
    st.integers(0, 2100).map(str),
    st.text(max_size=4),
)
vocabulary_lines = st.lists(st.tuples(_WORD, _SEPARATORS), max_size=10).map(
    lambda parts: "".join(word + separator for word, separator in parts).strip(" "))


# --- find_dates ---------------------------------------------------------------------------------
PLAIN_DATE_RE = re.compile(dates._DATE_SHAPES, re.I)  # the ten shapes, tried at every position


def _every_match(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], tuple]]:
    """Each position's match (its span and groups), from every position a match starts at."""
    found, position = [], 0
    while (m := pattern.search(text, position)) is not None:
        found.append((m.span(), m.groups()))
        position = m.start() + 1
    return found


def test_the_start_check_keeps_every_match_of_the_ten_shapes():
    matched = 0
    for line in REAL_LINES:
        text = dates.ascii_digits(line)
        expected = _every_match(PLAIN_DATE_RE, text)
        matched += len(expected)
        assert _every_match(dates.DATE_RE, text) == expected, line
    assert matched > 500  # real dates were checked, not only lines without one


# the month and weekday words as their plain alternations, and as DATE_RE tries them (grouped)
WORD_ALTERNATIONS = [(re.compile("|".join(words), re.I), re.compile(page_scan.by_first_letter(words), re.I))
                     for words in (dates._MONTH_SPELLINGS, dates._WEEKDAY_SPELLINGS)]


def test_month_and_weekday_words_grouped_by_first_letter_match_as_the_plain_alternation():
    matched = 0
    for line in REAL_LINES:
        for plain, grouped in WORD_ALTERNATIONS:
            expected = _every_match(plain, line)
            matched += len(expected)
            assert _every_match(grouped, line) == expected, line
    assert matched > 1000


def test_no_character_is_two_first_letters_to_re_i():
    """What lets `by_first_letter` reorder alternatives with different first letters."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    firsts = {word[0] for words in (dates._MONTH_SPELLINGS, dates._WEEKDAY_SPELLINGS) for word in words}
    matched = {letter: set(re.findall(letter, every, re.I)) for letter in firsts}
    assert all(matched[a].isdisjoint(matched[b]) for a in firsts for b in firsts if a < b)


@pytest.mark.parametrize("alternative", ["", "(?:jan)", r"\d", "."])
def test_only_alternatives_starting_with_a_letter_are_grouped(alternative):
    with pytest.raises(ValueError):
        page_scan.by_first_letter(["may", alternative])


@settings(max_examples=examples(300), deadline=None)
@given(vocabulary_lines)
def test_month_and_weekday_words_grouped_match_as_the_plain_alternation_on_lines_of_date_words(line):
    for plain, grouped in WORD_ALTERNATIONS:
        assert _every_match(grouped, line) == _every_match(plain, line)


# each fast detector, its full reading, and how many real lines it must find something in
FAST_AND_FULL = [(dates.find_dates, dates.find_dates_full, 300), (dates.is_relative_date, dates.is_relative_date_full, 20)]


@pytest.mark.parametrize("fast, full, found", FAST_AND_FULL)
def test_each_fast_detector_is_its_full_reading_on_every_real_line(fast, full, found):
    answered = 0
    for line in REAL_LINES:
        answer = fast(line)
        answered += bool(answer)
        assert answer == full(line), line
    assert answered > found  # real positives were checked, not only lines with nothing


@settings(max_examples=examples(600), deadline=None)
@given(vocabulary_lines)
def test_each_fast_detector_is_its_full_reading_on_lines_of_date_words(line):
    for fast, full, _ in FAST_AND_FULL:
        assert fast(line) == full(line)
    text = dates.ascii_digits(line)
    assert _every_match(dates.DATE_RE, text) == _every_match(PLAIN_DATE_RE, text)


def _dateutil_or_none(text: str) -> date | None:
    try:
        return dates.dateutil_day(text)
    except (ValueError, OverflowError):
        return None


def _english_or_none(text: str) -> date | None:
    try:
        return dates._english_day(text)
    except (ValueError, OverflowError):
        return None


def test_english_dates_read_straight_off_are_dateutils_for_every_day_month_and_year():
    """Every day number the shapes let through (0-99, "05"), every month spelling, every year."""
    months = ("jan", "January", "FEB", "february", "Mar.", "march", "apr", "april", "may", "MAY.", "jun", "june",
              "jul", "July", "aug", "august", "sep", "Sept.", "september", "oct", "october", "nov", "Nov.",
              "november", "dec", "december")
    days = [str(d) for d in range(100)] + [f"0{d}" for d in range(10)] + ["1st", "2nd", "3rd", "4th", "22nd", "31st"]
    checked = 0
    for month, day, year in itertools.product(months, days, (1990, 2099)):
        for text in (f"{month} {day}, {year}", f"{month} {day} {year}", f"{day} {month} {year}",
                     f"{day}. {month}, {year}"):
            if dates.DATE_RE.fullmatch(text):
                checked += 1
                assert _english_or_none(text) == _dateutil_or_none(text), text
    assert checked > 10_000


_SHAPE_PARTS = st.tuples(
    st.sampled_from(("",) + tuple(w + p for w in _WEEKDAY_WORDS for p in ("", ",", ".", ".,")) + ("monnesday", "satday")),
    st.sampled_from(_ENGLISH_MONTH_NAMES + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    st.sampled_from(("", ".")), st.integers(0, 99), st.sampled_from(("", "st", "nd", "rd", "th", "TH")),
    st.sampled_from(("", ",", ".")), st.integers(1990, 2099), st.sampled_from((" ", "  ", "\u00a0", "\t", " \u3000")),
    st.booleans(), st.sampled_from((str.lower, str.upper, str.title)),
)


@settings(max_examples=examples(600), deadline=None)
@given(_SHAPE_PARTS)
def test_english_dates_read_straight_off_are_dateutils_in_any_spelling(parts):
    weekday, month, dot, day, suffix, comma, year, space, day_first, case = parts
    lead = weekday + space if weekday else ""
    text = case(lead + (f"{day}{suffix}{dot}{space}{month}{comma}{space}{year}" if day_first
                        else f"{month}{dot}{space}{day}{suffix}{comma}{space}{year}"))
    m = dates.DATE_RE.search(text)
    shape = m and (m.group("mdy") or m.group("dmy"))
    if shape:
        assert _english_or_none(shape) == _dateutil_or_none(shape), shape


def test_every_english_date_of_the_real_lines_is_read_as_dateutil_reads_it():
    shapes = {m.group("mdy") or m.group("dmy") for line in REAL_LINES
              for m in dates.DATE_RE.finditer(dates.ascii_digits(line)) if m.group("mdy") or m.group("dmy")}
    assert len(shapes) > 100
    for shape in shapes:
        assert _english_or_none(shape) == _dateutil_or_none(shape), shape


@pytest.mark.parametrize("line", ["ſeptember 5, 2019", "SEPT 5, 2019", "Wed\u00a0Nov 20 2019", "BUSINESSNOV 7, 2023",
                                  "BUSINESSSEPTEMBER. 7, 2023", "NEWSDecember 7, 2023", "Ｎov 5, 2019",
                                  "ＷEDNESDAY 5 Nov 2019", "Nov 5,\u30002019", "Kuesday 5 nov 2019"])
def test_odd_spellings_of_english_dates_are_read_as_before(line):
    assert dates.find_dates(line) == dates.find_dates_full(line)
    assert _every_match(dates.DATE_RE, line) == _every_match(PLAIN_DATE_RE, line)
    shape = next((m.group("mdy") or m.group("dmy") for m in dates.DATE_RE.finditer(line)
                  if m.group("mdy") or m.group("dmy")), None)
    if shape:
        assert _english_or_none(shape) == _dateutil_or_none(shape)


# --- is_relative_date ---------------------------------------------------------------------------
BASE_DAY = "2024-08-19"
KNOWN_RELATIVE = ["vor 2 Tagen", "Gestern, 14:30", "Jane Doe • an hour ago,", "ONE HOUR AGO", "3時間前", "Friday 6:30PM",
                  "Posted Nov 19", "19. November, 14:30", "11月20日", "Updated Nov 19, 6:55 AM;Posted Nov 18, 6:51 AM",
                  "hier à 9h15", "hier, 9h15", "Gestern 9.15", "ayer", "χθες", "ΧΘΈΣ", "İdag", "#1 3 days ago",
                  "Topic #2: 2 hours ago", "19 ſt", "3 marzo", "5 de outubro", "19. listopadu", "Posted Nov 19th",
                  "Wednesday, November 2nd", "11月20日 9H15"]


def _forget() -> None:
    for value in vars(dates).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


@settings(max_examples=examples(600), deadline=None)
@given(st.sampled_from(dates._DAY_WORDS).flatmap(_cased), st.text(max_size=12),
       st.sampled_from(("", ".", ":", " ,", " .", ",\u00a0", "\u3000", "  ")))
def test_a_line_ending_in_any_day_word_passes_the_first_check(day_word, before, after):
    """Each day word of the phrase table, after anything, as `_relative_phrase` may still read it."""
    line = before + " " + day_word + after
    assert dates._may_be_relative(line)
    assert dates.is_relative_date(line) == dates.is_relative_date_full(line)


def test_the_end_marks_are_every_space_and_no_letter_folds_into_one():
    """`_END_MARKS` lists every character `str.split` splits on, and casefolding never makes one:
    the first check reads a line's end letters as the full reading's normalised line has them."""
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert spaces <= set(dates._END_MARKS)
    marks = set(dates._END_MARKS)
    assert not [c for c in map(chr, range(0x110000)) if c not in marks and marks & set(c.casefold())]


_PLAIN_NUMBER = re.compile(r"\d{1,4}(?:[.,]\d+)?")


def _turn_shortcuts_off(patch: pytest.MonkeyPatch) -> None:
    """The full reading as it was before its shortcuts: every check passes, every start is tried."""
    patch.setattr(dates, "_CLOCK", re.compile(""))
    patch.setattr(dates, "_may_end_in_phrase", lambda shape: True)
    patch.setattr(dates, "_may_be_yearless", lambda part: True)
    patch.setattr(dates, "_LONGEST_PHRASE", 10 ** 9)
    patch.setattr(dates, "_NUMBER", _PLAIN_NUMBER)


def _readings(lines: list[str]) -> list[tuple]:
    _forget()
    found = [(dates.is_relative_date_full(line), dates.resolve_relative(line, BASE_DAY)) for line in lines]
    _forget()
    return found


def test_the_full_readings_shortcuts_change_no_answer(monkeypatch):
    """The shortcuts inside the full reading (a time looked for before the time patterns run, a
    shape's end before its phrases are looked up, only the phrase-long tail searched for starts,
    a yearless part's end before its pattern runs) turned off give the same answers."""
    lines = REAL_LINES + KNOWN_RELATIVE
    with_shortcuts = _readings(lines)
    _turn_shortcuts_off(monkeypatch)
    assert _readings(lines) == with_shortcuts
    assert sum(relative for relative, _ in with_shortcuts) > 20


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(vocabulary_lines, min_size=5, max_size=5))
def test_the_full_readings_shortcuts_change_no_answer_on_lines_of_date_words(lines):
    with_shortcuts = _readings(lines)
    with pytest.MonkeyPatch.context() as patch:
        _turn_shortcuts_off(patch)
        assert _readings(lines) == with_shortcuts


@pytest.mark.parametrize("line", KNOWN_RELATIVE)
def test_known_relative_dates_read_the_same_both_ways(line):
    assert dates.is_relative_date(line) == dates.is_relative_date_full(line)


def test_every_time_the_time_patterns_read_holds_a_clock():
    for line in REAL_LINES + KNOWN_RELATIVE:
        text = dates._worth_reading(line) or line
        if dates._TIME_AT_END.search(text) or dates._WEEKDAY_TIME.search(text):
            assert dates._CLOCK.search(text), line


def _yearless_without_check(part: str) -> tuple[int, int] | None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "_may_be_yearless", lambda part: True)
        return dates._yearless(part)


@pytest.mark.parametrize("month", sorted(dates._MONTH_NUMBER))
def test_a_day_and_any_local_month_without_a_year_passes_the_yearless_check(month):
    """Every month name of the locale data, in the shapes `_YEARLESS` reads, with and without a time."""
    read = 0
    for form in (f"19. {month}", f"5 de {month}", f"veröffentlicht am 3 {month}", f"1 {month}.", f"19 {month}, 14:30",
                 f"19 {month} 9h15", f"{month} 19"):
        for part in (form, form.upper(), form.casefold()):
            part = part.rstrip(" .:")
            if _yearless_without_check(part) is not None:
                read += 1
                assert dates._may_be_yearless(part), part
                assert dates._may_be_relative(part), part
    assert read


def test_every_phrase_of_the_table_passes_the_first_check():
    """Each phrase, its number a digit or two, alone and after a name, and in capitals: a line the
    full reading takes for a relative date is never turned away first."""
    read = 0
    for phrase in dates.RELATIVE_PHRASES:
        for number, lead, case in itertools.product(("3", "12"), ("", "Jane Doe • ", "Updated "), (str, str.upper)):
            line = case(lead + phrase.replace("#", number))
            if dates.is_relative_date_full(line):
                read += 1
                assert dates._may_be_relative(line), line
    assert read > len(dates.RELATIVE_PHRASES)


def test_no_character_folds_into_a_clock_the_line_does_not_show():
    """The first check looks for a time in the line as printed, the full reading in the case-folded
    line: a character that folds into ":", "." or "h" must not make one (U+1E96 folds to h and a
    mark, and a clock wants a digit right after the h)."""
    clock_mark = re.compile(r"[:.h]", re.I)
    for c in map(chr, range(0x110000)):
        folded = c.casefold()
        if folded != c and not clock_mark.fullmatch(c):
            for i, mark in enumerate(folded):
                if mark in ":.h":
                    assert i < len(folded) - 1 and not folded[i + 1].isdecimal(), hex(ord(c))
