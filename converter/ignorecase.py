"""A line as `re.I` sees it, so a word a pattern needs can be looked for before the pattern runs.

The furniture, credit and byline patterns are case-insensitive alternations
tried at every character of a line: most lines hold none of their words, and
`word in line` (a C scan) tells so far sooner. That test is exact only if it
folds case as the regex engine does: `re.I` matches two characters when their
simple lower cases are equal ("İ" is "i" there, though `"İ".lower()` is two
characters) or when both are in one of the engine's extra classes ("ſ" and
"s", "ı" and "i", "ς" and "σ", Cyrillic "ᲂ" and "о"), which `str.lower`
and `str.casefold` keep apart. `fold` puts each such pair on one character,
a character for a character, so a word `re.I` finds in a line is in the fold.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import settings

try:
    from re._casefix import _EXTRA_CASES as _ENGINE_EXTRA_CASES  # the engine's own table (Python 3.11+)
except ImportError:  # Python 3.10 keeps it in sre_compile
    from sre_compile import _ignorecase_fixes as _ENGINE_EXTRA_CASES  # type: ignore[attr-defined,no-redef]



def _plain_letter(members: set[int]) -> int:
    """The class's letter that `str.upper` and `str.lower` lead back to ("s" of "s" and "ſ",
    "σ" of "σ" and "ς", "о" of Cyrillic "о" and "ᲂ"): a line then rarely needs mapping."""
    plain = [m for m in members if chr(m).upper().lower() == chr(m)]
    return min(plain or members)


# each character of an extra class that is not its class's plain letter -> that letter
_TO_PLAIN_LETTER = {code: plain for code, others in _ENGINE_EXTRA_CASES.items()
                    if (plain := _plain_letter({code, *others})) != code}
_ODD_LETTER = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TO_PLAIN_LETTER)) + "]")
_DOTTED_CAPITAL_I = "\u0130"  # lower case "i" to the engine, "i" and a combining dot to `str.lower`


def fold(text: str) -> str:
    """`text` with every two characters `re.I` matches made one, as long as `text` (a word a
    case-insensitive pattern matches in `text` is then in `fold(text)`, at the same place)."""
    if text.isascii():
        return text.lower()
    lowered = text.replace(_DOTTED_CAPITAL_I, "i").lower()
    odd = _ODD_LETTER.search(lowered if len(lowered) <= settings.FOLD_SCAN_CHARS else non_ascii(lowered))
    return lowered.translate(_TO_PLAIN_LETTER) if odd else lowered


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> str:
    """The characters of `text` that are not ASCII, in order: what is left of its UTF-8 once the
    ASCII bytes are dropped (no byte of a longer character is one). On a page, a few C passes
    over the bytes, where a search for a class of 20 letters costs a look-up per character."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def fewest_words(words: Iterable[str]) -> tuple[str, ...]:
    """The folded `words` that hold no other of them: a line holds one of `words` only if it
    holds one of these ("getty" stands for "getty images")."""
    folded = set(map(fold, words))
    return tuple(sorted(w for w in folded if not any(other != w and other in w for other in folded)))


def holds_any(folded: str, words: tuple[str, ...]) -> bool:
    """True when the folded line holds one of the (folded) words."""
    for word in words:
        if word in folded:
            return True
    return False
