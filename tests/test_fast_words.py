"""The word detectors' fast paths give the plain detectors' very answers, on any line.

`furniture`, `people` and `text_shape` turn most lines away with a cheap test
before their regular expressions run (issue 9's 5 ms a page). Such a test is
exact only if no line the full detector accepts fails it; were it to drift
(a word added to a list, a pattern loosened), pages would quietly lose a
credit, a byline or a furniture line. So each fast function is checked
against its plain self on every line of both corpora's text dumps, on the
lines of the many-language dumps of `test_languages.py`, and on text built
from the detectors' own words in the spellings `re.I` lets through.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, examples
from converter import text_shape

HERE = Path(__file__).resolve().parent


def _strings_of(path: Path) -> list[str]:
    """Every line of every string written in a test module (its dumps, menus, headers)."""
    return [line for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) for line in node.value.split("\n")]


CORPUS_LINES = sorted({line.strip() for corpus in (CORPUS, CORPUS.parent / "corpus2")
                       for dump in sorted((corpus / "text").glob("*.txt"))
                       for line in dump.read_text(encoding="utf-8", errors="replace").splitlines()})
LANGUAGE_LINES = sorted(set(_strings_of(HERE / "test_languages.py")))
# characters where Unicode and ASCII intuitions differ: separators that are spaces, no-break and
# ideographic spaces, Roman numerals, fractions and superscripts, dotted and dotless i, long s,
# Kelvin sign, final sigma, CJK, Arabic-Indic digits, curly quotes, dashes, the underscore
TRICKY = ("\x1c\x1d\x1e\x1f\xa0\u3000\u2003Ⅳⅷ½²³İıſKßẞΣσςµμᲂ’“”—–…©日本語한국어ひらカタ٣۴ЖжΦф"
          "\t\n\x0b\x0c\r_-/|()[].,:;!?@#&'\"")
tricky_text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TRICKY)), max_size=120)


def test_count_words_is_the_plain_count_on_every_line():
    for line in CORPUS_LINES + LANGUAGE_LINES + [TRICKY, "".join(map(chr, range(128)))]:
        assert text_shape.count_words(line) == text_shape._count_words_plain(line), line


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(tricky_text, st.text(alphabet=st.sampled_from(TRICKY + "ab é"), max_size=60)))
def test_count_words_is_the_plain_count_on_any_text(text):
    assert text_shape.count_words(text) == text_shape._count_words_plain(text)


# a line past `NON_ASCII_SCAN_CHARS`: its CJK and non-ASCII word characters looked for among its
# non-ASCII characters alone, each anywhere in a long ASCII line
long_text = st.builds(lambda pad, text, at: pad[:at] + text + pad[at:],
                      st.text(alphabet=st.sampled_from("ab ,.-'\"\t"), min_size=40, max_size=200), tricky_text,
                      st.integers(min_value=0, max_value=200))


@settings(max_examples=examples(500), deadline=None)
@given(long_text)
def test_count_words_of_a_long_line_is_the_plain_count(text):
    assert text_shape.count_words(text) == text_shape._count_words_plain(text)


RAW_CORPUS_LINES = sorted({line for corpus in (CORPUS, CORPUS.parent / "corpus2")
                           for dump in sorted((corpus / "text").glob("*.txt"))
                           for line in dump.read_text(encoding="utf-8", errors="replace").split("\n")})


def test_ends_sentence_is_the_search_on_every_line():
    # stripped and as copied (white space, a carriage return after the last mark)
    for line in CORPUS_LINES + RAW_CORPUS_LINES + LANGUAGE_LINES + [TRICKY, ""]:
        assert text_shape.ends_sentence(line) == text_shape._ends_sentence_plain(line), line


@settings(max_examples=examples(500), deadline=None)
@given(tricky_text, st.text(alphabet=st.sampled_from(".!?…。！？\"'”’»)]x \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000"),
                            max_size=6))
def test_ends_sentence_is_the_search_on_any_text(text, ending):
    assert text_shape.ends_sentence(text + ending) == text_shape._ends_sentence_plain(text + ending)


# --- furniture ------------------------------------------------------------------------------

from converter import furniture  # noqa: E402


def test_no_other_character_folds_to_what_opens_a_copyright():
    for code in range(0x110000):
        folded = chr(code).casefold()
        assert folded, hex(code)  # every character folds to one at least: a fold's place is a line's
        assert folded[:1] != "c" or chr(code) in furniture._FOLDS_TO_C, hex(code)
        assert "(" not in folded or chr(code) in furniture._FOLDS_TO_BRACKET, hex(code)


def test_without_credit_is_the_plain_cut_on_every_line():
    for line in CORPUS_LINES + RAW_CORPUS_LINES + LANGUAGE_LINES + [TRICKY, ""]:
        assert furniture.without_credit(line) == furniture._without_credit_plain(line), line


CREDIT_OPENINGS = ("(c) ", "(C)", " (c)", "x(c)", "xx(c)", "ß(c)", "ﬃ(c)", "İ(c)", "Copyright ", "COPYRIGHT",
                   "copyright©", "ß", "©", "© Provided by X Inc ", "(c) 2024 Provided by Y Media ",
                   "Copyright 2024 Provided by Acme Media ", "(C) Acme Media ", "COPYRIGHT Acme Inc ")
PROSE = " The council met on Tuesday and agreed the budget for the coming year after a long debate."


def test_without_credit_cuts_what_the_plain_cut_cuts():
    for opening in CREDIT_OPENINGS:
        line = opening + PROSE.strip()
        assert furniture.without_credit(line) == furniture._without_credit_plain(line), line
    assert furniture.without_credit("Copyright 2024 Provided by Acme Media" + PROSE) == PROSE.strip()


@settings(max_examples=examples(500), deadline=None)
@given(st.sampled_from(CREDIT_OPENINGS), tricky_text,
       st.sampled_from(("", PROSE, " © Reuters")))
def test_without_credit_is_the_plain_cut_on_any_text(opening, text, ending):
    for line in (opening + text + ending, text + opening + ending, text):
        assert furniture.without_credit(line) == furniture._without_credit_plain(line)


def _opens_with_copyright_plain(line: str) -> bool:
    """The test `without_credit` made of every line before it folded only the first characters."""
    return "(c)" in line.casefold()[:4] or line[:9].casefold().startswith("copyright")


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(tricky_text, st.builds(lambda a, b: a + b, st.sampled_from(
    ["(c)", "(C)", " (c)", "ß(c)", "ﬃ(c)", "copyright", "COPYRIGHT", "ßcopyright", "İcopyright", "ﬀ(c) "]), tricky_text)))
def test_without_credit_folds_only_what_it_reads(line):
    assert furniture._opens_with_copyright(line[:9].casefold()) == _opens_with_copyright_plain(line)


def test_without_credit_folds_only_what_it_reads_on_every_line():
    for line in CORPUS_LINES + LANGUAGE_LINES:
        assert furniture._opens_with_copyright(line[:9].casefold()) == _opens_with_copyright_plain(line), line


# --- text built from the detectors' own words -------------------------------------------------

# letters `re.I` matches with another that `str.lower` keeps apart, by the letter they stand for
ODD_SPELLINGS = {"s": "ſ", "i": "ıİ", "k": "\u212a", "o": "ᲂ", "с": "ᲃ", "т": "ᲄᲅ", "σ": "ς", "μ": "µ"}


@st.composite
def spelled(draw, word: str) -> str:
    """`word` as a page might write it: lower, upper, title case, or with letters `re.I` takes for others."""
    how = draw(st.sampled_from(["same", "upper", "title", "odd"]))
    if how == "odd":
        return "".join(draw(st.sampled_from(ODD_SPELLINGS.get(c.lower(), c) + c)) for c in word)
    return {"same": word, "upper": word.upper(), "title": word.title()}[how]


MARKS = [" ", " ", " ", ": ", "…", "...", "/", " / ", " | ", "—", " – ", "(", ")", "©", " via ", "By ", ", ", ". ",
         "!", "?", "\u00a0", "  ", "\t", "-", "2019", "11", "Jane", "Doe", "McDermid", "REUTERS", "the", "and", "日本"]


def vocabulary_text(words) -> st.SearchStrategy[str]:
    """Lines made of a detector's own words, marks, names and odd characters, in any order."""
    piece = st.one_of(st.sampled_from(sorted(words)).flatmap(spelled), st.sampled_from(MARKS),
                      st.text(alphabet=st.sampled_from(TRICKY), max_size=3))
    return st.lists(piece, max_size=12).map("".join)


def _credit_plain(line: str) -> str | None:
    """`photo_credit` with no quick test at all: every credit shape searched, in order."""
    text = line.strip()
    if len(text) > furniture.settings.CREDIT_MAX_CHARS:
        return None
    for pattern, _ in furniture._CREDIT_PATTERNS:
        m = pattern.search(text[-furniture.settings.CREDIT_TAIL_CHARS:] if pattern is furniture._PHOTOGRAPHER_AGENCY
                           else text)
        if m and m.group("credit").strip(" ()©|/").strip():
            return m.group("credit").strip(" ()©|/").strip()
    return None


CREDIT_WORDS = set(furniture._AGENCIES + furniture._CREDIT_LABELS) | {"copyright", "photo", "Photo by"}


def test_photo_credit_is_the_plain_search_on_every_line():
    found = 0
    for line in CORPUS_LINES + LANGUAGE_LINES:
        assert furniture.photo_credit(line) == _credit_plain(line), line
        found += _credit_plain(line) is not None
    assert found > 50  # the check saw real credits, not only lines without one


@settings(max_examples=examples(1500), deadline=None)
@given(vocabulary_text(CREDIT_WORDS))
def test_photo_credit_is_the_plain_search_on_text_of_credit_words(line):
    assert furniture.photo_credit(line) == _credit_plain(line)


CREDIT_EXAMPLES = ["Photo: AP", "Credit…Pool photo by Kevin Mohatt", "IMAGE COPYRIGHT Getty Images",
                   "Image copyright Jane Doe", "A caption (AP Photo/Evan Vucci)", "Children play. REUTERS/Brendan McDermid",
                   "Alex Wong | Getty Images", "Foto… dpa", "(Jane Doe/Staff)", "Phoτo: AP", "Pıcture: AFP",
                   "David McNew—Getty Images", "Jane Doe / AFP", "Getty Images via Bloomberg", "Shutterstock",
                   "(© Jane Doe)", "Фото: ТАСС", "Crédito: EFE", "Bild: Keystone", "(Photo by Kevin Mazur/Getty Images)",
                   "Jane Doe/AFP via Getty Images"]


@settings(max_examples=examples(1000), deadline=None)
@given(st.sampled_from(CREDIT_EXAMPLES), vocabulary_text(CREDIT_WORDS), vocabulary_text(CREDIT_WORDS), st.booleans())
def test_photo_credit_is_the_plain_search_around_credits(example, before, after, upper):
    for line in (before + example, example + after, before + " " + example + " " + after, example.upper() if upper
                 else example.casefold()):
        assert furniture.photo_credit(line) == _credit_plain(line)


# --- the fold: what `re.I` sees ---------------------------------------------------------------

from converter.ignorecase import fold  # noqa: E402

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def prefilter_words() -> set[str]:
    """Every word a quick test looks for in a folded line."""
    return (set(furniture._AGENCY_WORDS + furniture._CREDIT_LABEL_WORDS + furniture._BRACKETED_CREDIT_WORDS
                + furniture._FOLDED_AGENCIES) | {"copyright", " via "})


def test_fold_keeps_every_character_in_its_place():
    folded = fold(EVERY_CHARACTER)
    assert len(folded) == len(EVERY_CHARACTER)
    assert fold(EVERY_CHARACTER[:128]) == EVERY_CHARACTER[:128].lower()


def test_every_character_re_i_matches_to_a_prefilter_letter_folds_to_that_letter():
    """Exhaustive: for each letter of the words the quick tests look for, every character of
    Unicode that `re.I` matches to it folds to the same character (the proof `in` is exact)."""
    letters = {c for word in prefilter_words() for c in word}
    assert {"s", "i", "k", "о", "т", "é"} <= letters  # the letters with odd spellings are among them
    for letter in sorted(letters):
        matched = set(re.findall(re.escape(letter), EVERY_CHARACTER, re.I))
        assert matched and {fold(c) for c in matched} == {fold(letter)}, (letter, matched)


@settings(max_examples=examples(300), deadline=None)
@given(tricky_text)
def test_fold_folds_a_character_at_a_time(text):
    assert fold(text) == "".join(map(fold, text))


# --- furniture lines: each pattern behind the quick test read off it --------------------------

from converter.pattern_words import QuickTest  # noqa: E402

FURNITURE_PATTERNS = (furniture.FURNITURE_LINE, furniture.ARTICLE_END, furniture.RELATED_BOX)


def _furniture_and_end_plain(line: str) -> tuple[bool, int]:
    """`furniture_and_end` with no quick test: the trimmed line through every pattern."""
    text = furniture._trimmed(line.strip())
    return furniture._is_furniture_text(text), furniture._end_strength_text(text)


def _phrases(test: QuickTest) -> set[str]:
    return set(test.lines) | {s for starts in test.starts_by_letter.values() for s in starts} | set(test.held) | set(
        test.held_after_digit)


FURNITURE_WORDS = _phrases(QuickTest(*FURNITURE_PATTERNS)) | {"newsletter", "comments", "all rights reserved"}


def test_furniture_and_end_is_the_plain_match_on_every_line():
    seen = 0
    for line in CORPUS_LINES + LANGUAGE_LINES:
        assert furniture.furniture_and_end(line) == _furniture_and_end_plain(line), line
        seen += _furniture_and_end_plain(line) != (False, 0)
    assert seen > 300  # the check saw real furniture, not only prose


@settings(max_examples=examples(1500), deadline=None)
@given(vocabulary_text(FURNITURE_WORDS), st.sampled_from(["", "• ", "» ", "* ", " | ", "- "]), st.sampled_from(["", " »", ":", " |", " *"]))
def test_furniture_and_end_is_the_plain_match_on_text_of_furniture_words(line, lead, trail):
    for candidate in (line, lead + line + trail):
        assert furniture.furniture_and_end(candidate) == _furniture_and_end_plain(candidate)


QUICK_TESTS = [(pattern, QuickTest(pattern)) for pattern in FURNITURE_PATTERNS] + [
    (pattern, QuickTest(*FURNITURE_PATTERNS)) for pattern in FURNITURE_PATTERNS]


@settings(max_examples=examples(150), deadline=None)
@given(st.data())
def test_quick_tests_pass_every_line_their_pattern_matches(data):
    """Lines hypothesis draws from the patterns themselves (`from_regex`, any case `re.I` allows)."""
    for pattern, quick_test in QUICK_TESTS:
        line = data.draw(st.from_regex(pattern, fullmatch=True))
        assert pattern.match(line) is None or quick_test(fold(line)), (pattern.pattern[:30], line)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(tricky_text, vocabulary_text(FURNITURE_WORDS)))
def test_normalise_is_the_plain_trim(line):
    assert furniture.normalise(line) == furniture._trimmed(line.strip())


@pytest.mark.parametrize("pattern, line", [
    (re.compile(r"^(?:foo|bar)", re.I), "Foobar baz"),  # no `$`: a whole alternative is only a start
    (re.compile(r"^(?:advertisement|\d+ comments?|.{0,20}newsletter.*)$", re.I), "12 comments\n"),  # `$` before "\n"
    (re.compile(r"^(?:[Пп]о\s+\w+|by\s+\w+)", re.I), "ПО Ивану"),
    (re.compile(r"^(?:x|(?:ab|cd)?ef)$", re.I), "EF"),  # skipping an optional part goes on to what follows
])
def test_quick_tests_read_anchors_optional_parts_and_classes_as_the_engine_does(pattern, line):
    assert pattern.match(line) and QuickTest(pattern)(fold(line))


@pytest.mark.parametrize("pattern", [re.compile("foo"), re.compile("^foo$", re.M)])
def test_a_quick_test_refuses_a_pattern_it_cannot_read_a_start_of(pattern):
    with pytest.raises(ValueError):
        QuickTest(pattern)


# --- people: each detector behind its quick test ----------------------------------------------

from converter import people  # noqa: E402


def _names_from_byline_plain(line: str):
    text = people.short_line(line)
    return None if text is None else people._names_of_byline(people._LEAD_MARKS.sub("", text))


def _names_from_contribution_plain(line: str):
    text = people.short_line(line)
    return None if text is None else people._names_of_contribution(text)


PEOPLE = [(people.names_from_byline, _names_from_byline_plain), (people.looks_like_name, people._name_of_line),
          (people.names_from_contribution, _names_from_contribution_plain)]
PEOPLE_WORDS = (_phrases(QuickTest(people.BYLINE, people.LABELLED, people.BY_CYRILLIC)) | set(people._CJK_BYLINE_WORDS) | set(people._CONTRIBUTION_WORDS)
                | people._PARTICLES | people._SECTION_WORDS | {"by", "contributed reporting", "additional reporting by",
                                                               "Editing by", "Staff Writer", "AP", "Reuters", "von",
                                                               "Jean-Paul", "de la", "Doe,", "МИР", "Иван Петров",
                                                               "Sign Up", "Nov. 18, 2019", "3 hours ago", "기자", "王小明"})


def test_people_detectors_are_their_plain_selves_on_every_line():
    found = {fast.__name__: 0 for fast, _ in PEOPLE}
    for line in CORPUS_LINES + LANGUAGE_LINES:
        for fast, plain in PEOPLE:
            assert fast(line) == plain(line), (fast.__name__, line)
            found[fast.__name__] += plain(line) is not None
    assert min(found.values()) >= 3 and sum(found.values()) > 100, found  # real names were seen


@settings(max_examples=examples(1500), deadline=None)
@given(vocabulary_text(PEOPLE_WORDS), st.sampled_from(["", " ", "// ", "— ", "| "]))
def test_people_detectors_are_their_plain_selves_on_text_of_byline_words(line, lead):
    for candidate in (line, lead + line):
        for fast, plain in PEOPLE:
            assert fast(candidate) == plain(candidate), (fast.__name__, candidate)


# --- the clean-up of a name: each pattern only where the mark it needs is there -----------------

NAME_GATES = [(people._OUTLET_POSSESSIVE, lambda t: "'" in t or "’" in t), (people._AFFILIATION_AFTER_STOP, lambda t: "." in t),
              (people._GLUED_TITLE, people._CASE_STEP.search), (people._GLUED, people._CASE_STEP.search),
              (people._HANDLE, lambda t: "@" in t)]


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(vocabulary_text(PEOPLE_WORDS | {"Fox News’", "Jane DoeStaff Writer", "Jonathan GarberFOXBusiness",
                                                   "@handle", "Finian Cunningham. Sputnik", "O'Brien"}), tricky_text))
def test_a_name_pattern_never_matches_without_the_mark_it_needs(text):
    for pattern, has_mark in NAME_GATES:
        assert has_mark(text) or pattern.search(text) is None, (pattern.pattern[:30], text)


def test_the_space_is_the_only_printable_white_space_character():
    """What `short_line`'s quick way out stands on, over all of Unicode."""
    assert [c for c in EVERY_CHARACTER if c.isspace() and c.isprintable()] == [" "]


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(tricky_text, vocabulary_text(PEOPLE_WORDS)))
def test_short_line_collapses_white_space_as_split_and_join_do(text):
    collapsed = " ".join(text.split())
    assert people.short_line(text) == (collapsed if len(collapsed) <= people.settings.NAME_LINE_MAX_CHARS else None)


@settings(max_examples=examples(1000), deadline=None)
@given(vocabulary_text(PEOPLE_WORDS | set(people._TEAM_WORDS) | {"IGN Staff", "Metro Desk", "Redação\n", "EDITORS"}))
def test_a_team_is_told_as_the_team_pattern_tells_it(name):
    assert people._names_a_team(name) == (people._TEAM.search(name) is not None)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(tricky_text, vocabulary_text(PEOPLE_WORDS)))
def test_a_printable_name_without_two_spaces_has_no_white_space_to_collapse(name):
    assert not (name.isprintable() and "  " not in name) or people._WHITE_SPACE.sub(" ", name) == name
