"""What a reader knows of a page besides its blocks: the hints the assembler weighs.

A reader turns its input into blocks (`features.Line`) and, where the format
says more than the text of its blocks, into these page-wide hints. The
assembler (`assemble.py`) decides every field of the article from the two;
a reader decides none.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageHints:
    """Page-wide facts a reader read, for the assembler to weigh."""

    #: the page's slug as the dump's first line spells it ("council-approves-budget"):
    #: that line is no headline, and a line it spells is the headline
    slug: str | None = None
