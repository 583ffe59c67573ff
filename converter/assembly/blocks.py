"""A block of a page as the HTML reader hands it to the assembler: a line with the format's hints.

A text dump's blocks are bare `features.Line`s: their text and its shape.
Markup tells more, and the HTML reader passes it on here rather than
deciding anything with it: what kind of element holds the text (a heading
and its level, a list item, a quote), its vetted inline links, whether it
stands inside a figure or caption, and whether the DOM reads it as prose
(long, sentence-shaped, few link words, not furniture). The assembler
weighs these hints in the same rules it applies to text lines.
"""
from __future__ import annotations

from dataclasses import dataclass

from .features import Line


@dataclass
class PageBlock(Line):
    """One block of a page: its text and shape (`Line`), and what its markup said of it."""

    kind: str = "paragraph"  # "paragraph", "heading", "item" or "quote": the element that holds it
    spans: tuple = ()  # its text and vetted links (`article.Link`), in order
    level: int = 0  # heading level, 1-6
    ordered: bool = False  # an item of a numbered list
    in_figure: bool = False  # inside a figure, a caption or an image wrapper: not the story's prose
    prose: bool = False  # the DOM's verdict: a paragraph of the story's prose
    link_chars: int = 0  # characters inside links
    teaser: bool = False  # a list entry opening with a long link: another story's teaser
