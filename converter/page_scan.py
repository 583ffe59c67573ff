"""Which lines of a page a pattern or a word occurs in, from one scan of the whole page.

The rule detectors (`dates`, `people`, `furniture`) turn most lines away with a
cheap test before their regular expressions run. Asked line by line, each
test is a Python call, a search and a few string methods per line, and those
calls are most of the cost. Asked of a page's new lines at once, the lines
joined by "\\n", one `str.find` or one search scans them all in C, and Python
runs only for the lines that hold what is looked for. That gives the same
lines as the per-line test when what is looked for cannot hold a line break
(no `\\s`, no `[^…]` that lets "\\n" through, no `.` with DOTALL): a match
then lies inside one line, and is found there whatever the lines beside it.
A pattern anchored at a line's start is written after a "\\n" and searched in
the page with a "\\n" in front (a literal first: the regex engine jumps from
line start to line start in C); one anchored at a line's end, in the page
reversed, read backwards from each line's end.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import accumulate, repeat
from operator import add, sub

from .ignorecase import fold


class PageLines:
    """A page's lines joined by "\\n", and where each ends, to tell which line a match stands in.

    A pattern is searched followed by `[^\\n]*` (`to_line_end`): a match runs on to its line's
    end, so the next search starts on the next line. The line a match stands in is found by a
    bisection of the lines' ends, called from C (no Python call per match)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.joined = "\n".join(texts)
        #: where each line's "\n" stands (after the last line: the page's length)
        self.ends = list(map(sub, accumulate(map(add, map(len, texts), repeat(1))), repeat(1)))
        self._line_at = partial(bisect_left, self.ends)
        self._folded: str | None = None
        self._backwards: tuple[str, list[int]] | None = None

    @property
    def whole_lines(self) -> bool:
        """False when a text holds a line break itself: a match could not then be told to one line."""
        return self.joined.count("\n") == len(self.texts) - 1 if self.texts else True

    @property
    def folded(self) -> str:
        """`ignorecase.fold` of the page: the lines' folds, joined (fold keeps each character's place)."""
        if self._folded is None:
            self._folded = fold(self.joined)
        return self._folded

    def lines_searched(self, pattern: re.Pattern[str], text: str | None = None) -> set[int]:
        """The lines `pattern` (`to_line_end`) is found in, searched in `joined` or in `folded`."""
        return set(map(self._line_at, map(_START, pattern.finditer(self.joined if text is None else text))))

    def lines_opening(self, pattern: re.Pattern[str]) -> set[int]:
        """The lines `pattern` (`to_line_end("\\n…")`) matches at the start of, searched in the page with
        a "\\n" in front: each line's start is right after one, which stands where the line starts
        in `joined` (so that the line ending next is the one)."""
        return set(map(self._line_at, map(_START, pattern.finditer("\n" + self.joined))))

    def lines_ending(self, pattern: re.Pattern[str]) -> set[int]:
        """The lines `pattern` (`to_line_end("\\n…")`) matches at the end of, read backwards: searched
        in the page reversed with a "\\n" in front, where each line's end is right after one."""
        backwards, ends_backwards = self._read_backwards()
        found = map(partial(bisect_left, ends_backwards), map(_START, pattern.finditer(backwards)))
        return set(map(sub, repeat(len(self.texts) - 1), found))

    def _read_backwards(self) -> tuple[str, list[int]]:
        """The page reversed with a "\\n" in front, and where each line's "\\n" stands in the reversed
        page, from the last line to the first: made once, for each pattern read backwards."""
        if self._backwards is None:
            size = len(self.joined)
            self._backwards = "\n" + self.joined[::-1], list(map(sub, repeat(size), reversed(self.ends)))
        return self._backwards

    def lines_holding(self, words, text: str | None = None) -> set[int]:
        """The lines holding one of `words` (rare ones: a look-up per line found), in `joined` or
        in `folded`."""
        text = self.joined if text is None else text
        found: set[int] = set()
        for word in words:
            position = text.find(word)
            while position >= 0:
                line = self._line_at(position)
                found.add(line)
                position = text.find(word, self.ends[line] + 1)
        return found


_START = re.Match.start


def within_a_line(pattern: str) -> str:
    r"""`pattern` with each `\s` (written outside a character class) kept off line breaks: `[^\S\n]`."""
    return pattern.replace(r"\s", r"[^\S\n]")


def first_letters(words: str) -> str:
    """A class of the first letters of an alternation of plain words ("published|posted|…"): in front
    of a case-insensitive alternation, one check turns most places away (the engine tries each
    case-insensitive alternative in turn, with no quick look at its first letter)."""
    return "[" + re.escape("".join(sorted({word[:1] for word in words.split("|")}))) + "]"


def either_case(words) -> str:
    """An alternation matching a text that starts with one of `words` (lower-case ASCII letters), each
    letter spelled in both cases (`[aA]`) rather than left to `re.I`, grouped by first letter: the
    engine skips an alternative starting with a class at a glance, and tries few."""
    following: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        following.setdefault(word[0], []).append(word[1:])
    return "|".join(f"[{letter}{letter.upper()}]" + ("" if "" in rests else "(?:" + either_case(rests) + ")")
                    for letter, rests in following.items())


def by_first_letter(alternatives) -> str:
    """An alternation of patterns that each start with a plain letter ("jan(?:uary)?", "june?"),
    each first letter written once ("j(?:an(?:uary)?|une?)"), the alternatives' order kept within
    it. It matches as the plain alternation does, at each place the same way (two alternatives
    with different first letters never both match there), but `re.I` tries the rest of only the
    alternatives whose first letter is there, where it tries every alternative in turn."""
    rests: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not alternative[:1].isalpha():
            raise ValueError(f"an alternative to group by its first letter starts with one: {alternative!r}")
        rests.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{letter}(?:{'|'.join(ends)})" for letter, ends in rests.items())


def to_line_end(pattern: str) -> str:
    """`pattern`, then the rest of its line: what `PageLines`' lookups search."""
    return "(?:" + pattern + r")[^\n]*"
