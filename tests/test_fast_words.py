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
from pathlib import Path

from hypothesis import given, settings, strategies as st

from conftest import CORPUS
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


@settings(max_examples=500, deadline=None)
@given(st.one_of(tricky_text, st.text(alphabet=st.sampled_from(TRICKY + "ab é"), max_size=60)))
def test_count_words_is_the_plain_count_on_any_text(text):
    assert text_shape.count_words(text) == text_shape._count_words_plain(text)


# --- furniture ------------------------------------------------------------------------------

from converter import furniture  # noqa: E402


def _opens_with_copyright_plain(line: str) -> bool:
    """The test `without_credit` made of every line before it folded only the first characters."""
    return "(c)" in line.casefold()[:4] or line[:9].casefold().startswith("copyright")


@settings(max_examples=500, deadline=None)
@given(st.one_of(tricky_text, st.builds(lambda a, b: a + b, st.sampled_from(
    ["(c)", "(C)", " (c)", "ß(c)", "ﬃ(c)", "copyright", "COPYRIGHT", "ßcopyright", "İcopyright", "ﬀ(c) "]), tricky_text)))
def test_without_credit_folds_only_what_it_reads(line):
    assert furniture._opens_with_copyright(line[:9].casefold()) == _opens_with_copyright_plain(line)


def test_without_credit_folds_only_what_it_reads_on_every_line():
    for line in CORPUS_LINES + LANGUAGE_LINES:
        assert furniture._opens_with_copyright(line[:9].casefold()) == _opens_with_copyright_plain(line), line
