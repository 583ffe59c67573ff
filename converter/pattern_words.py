"""The words a whole-line pattern cannot match without, read off the pattern itself.

The furniture patterns are long case-insensitive alternations of phrases,
anchored to the whole line ("advertisement", "sign up … newsletter", "© …").
The regex engine tries every alternative on every line, though a line starting
"The council" can match none. `QuickTest` reads each alternative from the
pattern's parse tree once, at import: the literal text every match of it starts
with ("advertisement", "(c) "), or else words every match of it holds
("newsletter", " comment"). A line that starts with none of the first and
holds none of the second cannot match, told with `str.startswith` and `in` on
the line's `ignorecase.fold`; any other line gets the full pattern. The test
is derived from the pattern, so an edited word list can never leave it behind.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import settings
from .ignorecase import fold

try:  # the regex engine's own parser: the tree the pattern is compiled from
    from re import _constants as _sre, _parser as _sre_parse  # Python 3.11+
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
_DIGIT_CLASS = [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]
#: stands, at the end of a start, for "then a digit" (`\d`): what "12 comments" starts with
DIGIT = "\x00"


def _is_digits(op, arg) -> bool:
    r"""True for `\d` and `\d+` (`\d{1,3}`…): one digit at least."""
    if op in _REPEATS:
        return arg[0] >= 1 and len(arg[2]) == 1 and _is_digits(*arg[2][0])
    return op is _sre.IN and list(arg) == _DIGIT_CLASS


def _starts(sequence) -> tuple[set[str], bool]:
    """(texts, whole): every match of `sequence` starts with one of `texts`; `whole` when every
    match is exactly one of them. Spelled out while the pattern is plain letters, optional parts
    and alternatives; where it is anything else (a class, a repeat) a text stops there, and
    the ways around a part that stops (skipping an optional one, another alternative) go on."""
    texts = {""}
    stopped: set[str] = set()  # starts of the ways that stopped being spelled out
    for op, arg in sequence:
        if op is _sre.LITERAL:
            texts = {t + chr(arg) for t in texts}
            continue
        if op in _ZERO_WIDTH:
            continue  # an anchor or a look-around consumes nothing
        if op is _sre.SUBPATTERN:
            ways = [_starts(arg[-1])]
        elif op is _sre.BRANCH:
            ways = [_starts(branch) for branch in arg[1]]
        elif op is _sre.IN and all(item_op is _sre.LITERAL for item_op, _ in arg):  # `[Пп]`
            ways = [({chr(code) for _, code in arg}, True)]
        elif op in _REPEATS and arg[0] == 0 and arg[1] == 1:  # `(…)?`
            ways = [_starts(arg[2]), ({""}, True)]
        else:
            return ({t + DIGIT for t in texts} if _is_digits(op, arg) else texts) | stopped, False
        stopped |= {t + p for part, whole in ways if not whole for t in texts for p in part}
        going_on = set().union(*(part for part, whole in ways if whole))
        texts = {t + p for t in texts for p in going_on}
        if len(texts) + len(stopped) > settings.QUICK_TEST_MAX_STARTS:
            return texts | stopped, False
    return texts | stopped, not stopped


def _held(sequence) -> set[str] | None:
    """Texts one of which every match of `sequence` holds somewhere (the longest-promising of its
    parts that every match goes through), or None when no such text is known."""
    best: set[str] | None = None
    run = ""

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, arg in sequence:
        if op is _sre.LITERAL:
            run += chr(arg)
            continue
        if op in _ZERO_WIDTH:
            continue  # an anchor or a look-around: the letters around it stand side by side
        consider({run} if run else None)
        run = ""
        if op is _sre.SUBPATTERN:
            consider(_held(arg[-1]))
        elif op is _sre.BRANCH:
            parts = [_held(branch) for branch in arg[1]]
            consider(None if any(p is None for p in parts) else set().union(*parts))
        elif op in _REPEATS and arg[0] >= 1:
            consider(_held(arg[2]))
    consider({run} if run else None)
    return best


def held_words(*patterns: re.Pattern[str]) -> tuple[str, ...]:
    """Folded words one of which every match of each pattern holds, anywhere (for `search`)."""
    words = [_held(list(_sre_parse.parse(p.pattern, p.flags))) for p in patterns]
    if any(w is None for w in words):
        raise ValueError("a pattern holds no known word")
    return _fewest({fold(w) for found in words for w in found})


_AT_START = (_sre.AT, _sre.AT_BEGINNING)
_AT_END = (_sre.AT, _sre.AT_END)


def _alternatives(pattern: re.Pattern[str]) -> tuple[list, bool]:
    """The parsed alternatives of a `^(?:A|B|…)$` pattern (the whole pattern when it is not one),
    and whether the pattern ends with `$`. A pattern not anchored at the start has no start
    to tell a line by: it is refused."""
    sequence = list(_sre_parse.parse(pattern.pattern, pattern.flags))
    if not sequence or sequence[0] != _AT_START or pattern.flags & re.MULTILINE:
        raise ValueError(f"a quick test needs a pattern anchored with ^ (not re.M): {pattern.pattern[:40]}")
    to_the_end = sequence[-1] == _AT_END
    body = sequence[1:-1] if to_the_end else sequence[1:]
    while len(body) == 1 and body[0][0] is _sre.SUBPATTERN:
        body = list(body[0][1][-1])
    if not (len(body) == 1 and body[0][0] is _sre.BRANCH):
        return [body], to_the_end
    return [item for branch in body[0][1][1] for item in _flattened(list(branch))], to_the_end


def _flattened(alternative: list) -> list:
    """`(B|C)` as the alternatives B and C: a line matches the group when it matches one of them."""
    if len(alternative) == 1 and alternative[0][0] is _sre.SUBPATTERN:
        inner = list(alternative[0][1][-1])
        if len(inner) == 1 and inner[0][0] is _sre.BRANCH:
            return [item for branch in inner[0][1][1] for item in _flattened(list(branch))]
    return [alternative]


class QuickTest:
    """A test no line the patterns match fails: it is one of the phrases an alternative spells
    out in full, starts as an alternative must start, starts with a digit and holds what an
    alternative starting so must hold, or holds what any other alternative must hold. Called
    with the line's `fold`."""

    def __init__(self, *patterns: re.Pattern[str]):
        lines: set[str] = set()
        starts: set[str] = set()
        held: set[str] = set()
        held_after_digit: set[str] = set()  # what "12 comments", "3 min read" hold
        self.always = False  # an alternative that neither starts nor holds anything known
        self.any_digit_first = False  # an alternative that starts with a digit and holds nothing known
        for alternative, to_the_end in (pair for p in patterns for pair in _pair(_alternatives(p))):
            texts, whole = _starts(alternative)
            if whole and to_the_end:  # the line is one of these texts, as `$` ends it
                lines |= {fold(t) for t in texts}
                continue
            digit_first = any(t.startswith(DIGIT) for t in texts)
            prefixes = {t.partition(DIGIT)[0] for t in texts if not t.startswith(DIGIT)}
            words = _held(alternative)
            if "" in prefixes:  # a match may start with anything: only what it holds tells
                if words is None:
                    self.always = True
                held |= set(map(fold, words or ()))
                continue
            starts |= set(map(fold, prefixes))
            if digit_first:
                if words is None:
                    self.any_digit_first = True
                held_after_digit |= set(map(fold, words or ()))
        self.lines = frozenset(lines)
        self.line_initials = frozenset(line[:1] for line in lines) | ({"\n"} if "" in lines else set())
        self.starts_by_letter = _by_first_letter(starts)
        self.held = _fewest(held)
        self.held_after_digit = _fewest(held_after_digit)
        self.longest_line = max(map(len, self.lines), default=0) + 1  # (and a newline `$` lets end it)

    def may_match(self, folded: str) -> bool:
        """The test, of a line's `fold` (bound, `QuickTest(…).may_match`, it is a plain method
        call, which the interpreter makes more cheaply than a call of the object)."""
        first = folded[:1]
        starts = self.starts_by_letter.get(first)
        if starts is not None and folded.startswith(starts):
            return True
        # a whole line (`$` also matches before a newline that ends it), hashed only when it is no
        # longer than the longest one (and a newline) and its first letter is a whole line's
        if len(folded) <= self.longest_line and first in self.line_initials and (
                folded in self.lines or (folded[-1:] == "\n" and folded[:-1] in self.lines)):
            return True
        if self.always or (first.isdecimal() and (self.any_digit_first or _holds_one(folded, self.held_after_digit))):
            return True
        for word in self.held:  # (in place of a call of `_holds_one`: most lines end here)
            if word in folded:
                return True
        return False

    __call__ = may_match


def _holds_one(folded: str, words: tuple[str, ...]) -> bool:
    for word in words:
        if word in folded:
            return True
    return False


def _pair(alternatives_and_end: tuple[list, bool]) -> list[tuple[list, bool]]:
    alternatives, to_the_end = alternatives_and_end
    return [(a, to_the_end) for a in alternatives]


def _fewest(words: set[str]) -> tuple[str, ...]:
    """The words that hold no other of them: a line holds one of `words` only if it holds one of these."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _by_first_letter(starts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The starts by their first letter, each one that another starts ("share this" of "share") left out."""
    index: dict[str, list[str]] = {}
    for start in sorted(starts):  # sorted: a start comes before every longer one it begins
        kept = index.setdefault(start[0], [])
        if not any(start.startswith(shorter) for shorter in kept):
            kept.append(start)
    return {letter: tuple(texts) for letter, texts in index.items()}
