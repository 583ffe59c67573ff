"""The reader for plain-text dumps: the text a browser copy of a news page gives.

A text dump has no markup, so its blocks are its non-blank lines (a drop
cap joined back to its paragraph), with whether a blank line stands before
each; the only page hint it holds is a slug line at the top. Everything
else (body, headline, byline, dateline, caption, contributors) is decided
by the assembler shared with the HTML reader (`converter.assembly.assemble`).
"""
from __future__ import annotations

import re

from ..article import Article
from ..assembly.assemble import assemble
from ..assembly.features import Line
from ..assembly.hints import PageHints
from ..errors import DumpError
from ..furniture import without_credit
from .base import Reader

#: a first line like "council-approves-budget": the page's slug, as some copies start
SLUG_LINE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}\.?$")


class TextReader(Reader):
    """Reads `.txt` dumps: the text a browser copy of a rendered page gives."""

    extensions = (".txt", ".text")
    name = "text"

    def read(self, text: str, source: str) -> Article:
        lines = split_lines(text)
        if not lines:
            raise DumpError(source, "no text in the dump")
        slug = lines[0].text.rstrip(".") if SLUG_LINE.match(lines[0].text) else None
        return assemble(lines, PageHints(slug=slug), source)


def _is_drop_cap(previous: str, text: str) -> bool:
    return len(previous) == 1 and previous.isupper() and text[:1].islower()


def split_lines(text: str) -> list[Line]:
    """The dump as blocks for the assembler: non-blank lines, drop caps joined back."""
    lines: list[Line] = []
    blank_before = True
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:  # (a blank line has no credit to cut: a third of a dump's lines, not asked)
            stripped = without_credit(stripped)  # "© Provided by X Inc The story…": the story
        if not stripped:
            blank_before = True
            continue
        if lines and _is_drop_cap(lines[-1].text, stripped):
            stripped = lines.pop().text + stripped
        lines.append(Line(index, stripped, not blank_before))
        blank_before = False
    return lines
