"""What the shared rule detectors (`dates`, `people`, `furniture`) say of a line, remembered.

Six yes-or-no answers a short line (a date, a date label, a byline, a name,
a photo credit, a contributor line): features of the line model, read again
by the header, byline and body checks. Each short line is asked once and
its answers kept (a site's menus and captions repeat); a page's new lines
are asked at once (`detect_lines`), each detector's first check scanning
the whole page in C (`page_scan`), so most lines cost no Python call.
"""
from __future__ import annotations

from itertools import islice

from ..dates import DATE_LABEL, date_label_lines, digit_lines, find_dates, is_relative_date, relative_date_lines
from ..furniture import credit_lines, photo_credit
from ..page_scan import PageLines
from ..people import (byline_lines, contribution_lines, looks_like_name, name_lines, names_from_byline,
                      names_from_contribution)
from .. import settings

_NOTHING_DETECTED = (False, False, False, False, False, False)


class _Remembered(dict):
    """The detectors' answers per short line (short lines only: headers repeat, and the cache then
    holds no paragraph), filled line by line (`_short_line_detectors`) and a page at once
    (`detect_lines`); the oldest let go first past `LINE_CACHE_SIZE`."""

    def remember(self, text: str, answers: tuple[bool, bool, bool, bool, bool, bool]) -> None:
        if len(self) >= settings.LINE_CACHE_SIZE:
            del self[next(iter(self))]
        self[text] = answers

    def remember_all(self, answers: dict[str, tuple[bool, bool, bool, bool, bool, bool]]) -> None:
        self.update(answers)
        for text in list(islice(self, max(0, len(self) - settings.LINE_CACHE_SIZE))):
            del self[text]


_DETECTED = _Remembered()


def _detectors(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the shared rule detectors say of a line: a long line is none of these."""
    if len(text) > settings.SHORT_LINE_CHARS:
        return _NOTHING_DETECTED
    found = _DETECTED.get(text)
    return _short_line_detectors(text) if found is None else found


def _short_line_detectors(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the shared rule detectors say of a short line, worked out once."""
    found = _detect_line(text)
    _DETECTED.remember(text, found)
    return found


# emptied as an `lru_cache` is (benchmarks and tests forget every line so)
_short_line_detectors.cache_clear = _DETECTED.clear  # type: ignore[attr-defined]


def _detect_line(text: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    """What the shared rule detectors say of a short line, each detector asked in turn."""
    return (
        bool(find_dates(text)) or bool(is_relative_date(text)),
        bool(DATE_LABEL.match(text)),
        bool(names_from_byline(text)),
        bool(looks_like_name(text)),
        bool(photo_credit(text)),
        bool(names_from_contribution(text)),
    )


def detect_lines(texts: list[str]) -> list[tuple[bool, bool, bool, bool, bool, bool]]:
    """`_detectors` of each of a page's lines, asked of them all at once (the same answers),
    and remembered for `_detectors` as it remembers them.

    Each detector's first check scans the page's short lines not met before once
    (`page_scan`): most lines pass none and cost no Python call at all; a line runs a
    detector only when that detector's check let it through. Lines holding a line break
    themselves are asked one by one."""
    new = [text for text in dict.fromkeys(texts) if len(text) <= settings.SHORT_LINE_CHARS and text not in _DETECTED]
    found = dict(zip(new, _detect_new_lines(new))) if new else {}
    _DETECTED.remember_all(found)
    return [found[text] if text in found else _detectors(text) for text in texts]


def _detect_new_lines(texts: list[str]) -> list[tuple[bool, bool, bool, bool, bool, bool]]:
    """The detectors' answers for short lines, a page of them at once (not remembered)."""
    page = PageLines(texts)
    if not page.whole_lines:
        return list(map(_detect_line, texts))
    digits = digit_lines(page)
    relative, labelled = relative_date_lines(page, digits), date_label_lines(page)
    bylines, names, credits, contributions = (byline_lines(page), name_lines(page), credit_lines(page),
                                              contribution_lines(page))
    found = [_NOTHING_DETECTED] * len(texts)
    for k in digits | relative | labelled | bylines | names | credits | contributions:
        text = texts[k]
        found[k] = (
            (k in digits and bool(find_dates(text))) or (k in relative and is_relative_date(text)),
            k in labelled,
            k in bylines and bool(names_from_byline(text)),
            k in names and bool(looks_like_name(text)),
            k in credits and bool(photo_credit(text)),
            k in contributions and bool(names_from_contribution(text)),
        )
    return found
