"""trafilatura's choice of the article's text: the second opinion on the body.

Our own body extractor (`html_body`) was developed on one corpus; on sites
nobody tuned it for, trafilatura finds the article's text more often
(issue 9: body F1 0.92 against our 0.87 on 880 unseen pages; 0.954 against
0.901 on corpus2 once combined). So trafilatura chooses which text is the
article: its blocks are a hint the assembler (`converter.assembly`) takes
over the content root's, once `html_body.chosen_blocks` has dropped those
inside an element the page marks as furniture and given a paragraph our
walk read the same way its vetted links back; the assembler still decides
what of it is a byline, a contributor line, a dateline or the headline again. Our own extraction
stands when trafilatura finds no body it trusts (shorter than its own
MIN_EXTRACTED_SIZE, below which its full mode would try its fallbacks) or
the page is too big to ask. There is no threshold of ours between the two.

trafilatura runs in its fast mode (no readability / jusText fallback, half
its time) on the tree we already parsed, with comments off (a comment
thread is not the article) and links off (asking for links changes what
it chooses, for the worse: corpus page 232a43 goes from F1 0.80 to nothing).
It reshapes the tree it is given, so it is asked last, when nothing else
reads the page any more.
"""
from __future__ import annotations

import logging
from itertools import islice

from .. import settings
from .html_body import RawBlock, layout_parts, tidy_spans

_LIST_TAGS = ("list",)
# trafilatura's output elements that stand apart from the text before them (line break, table cell)
_GAP_TAGS = frozenset({"lb", "cell", "item", "row"})
_HEADING_LEVEL = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it finds no text in


def second_opinion(page) -> list[RawBlock]:
    """trafilatura's article as raw blocks (in its order), or [] when it has none."""
    if _too_big(page):
        return []
    from trafilatura import bare_extraction  # imported on first use: it takes a while to load

    try:
        doc = bare_extraction(
            page, fast=True, include_comments=False, include_tables=True, include_links=False,
            include_images=False, with_metadata=False,
        )
    except Exception:  # whatever a library does with a hostile page costs this page its second opinion only
        return []
    body = getattr(doc, "body", None)
    if body is None or len(doc.text or "") < _trusted_size():
        return []
    return _blocks(body)


def _too_big(page) -> bool:
    limit = settings.MAX_SECOND_OPINION_ELEMENTS  # past it, our own body stands
    return sum(1 for _ in islice(page.iter(), limit + 1)) > limit


def _trusted_size() -> int:
    """trafilatura's own size below which it would not trust an extraction (and try its fallbacks)."""
    from trafilatura.settings import DEFAULT_CONFIG

    return DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE", fallback=settings.SECOND_OPINION_MIN_CHARS_FALLBACK)


def byline_opinion(page) -> str | None:
    """The byline trafilatura reads in the page's markup (its author XPaths), as "A; B", or None.

    Asked only when the page's metadata and our byline elements name nobody;
    it copies the tree, so it may run before `second_opinion` reshapes it.
    """
    if _too_big(page):
        return None
    from trafilatura.metadata import extract_author

    try:
        return extract_author(page)
    except Exception:  # as above: no byline from it, nothing worse
        return None


def _blocks(body) -> list[RawBlock]:
    """trafilatura's output elements (p, head, list/item, quote, table/row/cell) as RawBlocks.

    Links are not asked for (see above): a block gets ours back in `html_body.chosen_blocks`.
    """
    out: list[RawBlock] = []
    if body.text:
        _add_text(out, [body.text])
    for element in body:
        tag = element.tag
        tail = [element.tail] if element.tail else []  # text straight in the body: a paragraph of its own
        if not isinstance(tag, str):
            _add_text(out, tail)
            continue
        if tag in _LIST_TAGS:
            ordered = (element.get("rend") or "").lower() == "ol"
            for item in element.iter("item"):
                _add(out, "item", item, ordered=ordered)
        elif tag == "head":
            _add(out, "heading", element, level=_HEADING_LEVEL.get((element.get("rend") or "h2").lower(), 2))
        elif tag == "quote":
            _add(out, "quote", element)
        elif tag == "table":
            for row in element.iter("row"):
                _add(out, "paragraph", row)
        elif tag != "graphic":
            _add(out, "paragraph", element)
        _add_text(out, tail)
    return out


def _add(out: list[RawBlock], kind: str, element, level: int = 0, ordered: bool = False) -> None:
    _add_text(out, layout_parts(element, _GAP_TAGS), kind, element.tag, level, ordered)


def _add_text(out: list[RawBlock], spans: list, kind: str = "paragraph", tag: str = "p", level: int = 0,
              ordered: bool = False) -> None:
    spans = tidy_spans(spans)  # plain strings: links come back from our walk, if at all
    if spans:
        out.append(RawBlock(kind, list(spans), (), tag, level, ordered, text="".join(spans)))
