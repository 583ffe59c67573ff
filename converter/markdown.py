"""Body blocks to Markdown in which a dump's text can only ever be text.

Every character that Python-Markdown (with the extensions in mkdocs.yml)
could read as syntax is escaped: `<` and `&` become entities, so no raw
HTML block or tag can open; emphasis, link, code, attribute-list and
footnote brackets are backslash-escaped; line starts that would make a
heading, list, quote or rule are neutralised. Links are written only for
http(s) and mailto URLs.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from .article import Block, Link
from .sanitize import INVISIBLE, valid_unicode

_INLINE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^([#+\-!])")
_ORDERED_LIKE = re.compile(r"^(\d+)\.")

SAFE_SCHEMES = ("http", "https", "mailto")


def clean_text(text: str) -> str:
    """Valid Unicode text on one line, with control and bidi-override characters removed."""
    return " ".join(valid_unicode(text or "").translate(INVISIBLE).split())


def escape_inline(text: str) -> str:
    """Escape text so that Markdown shows it exactly as written."""
    text = clean_text(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", text)


def escape_line_start(markdown: str) -> str:
    """Neutralise a block start that Markdown would read as structure."""
    m = _ORDERED_LIKE.match(markdown)
    if m:
        return f"{m.group(1)}\\.{markdown[m.end():]}"
    return _LINE_START.sub(r"\\\1", markdown, count=1)


def safe_url(url: str) -> str | None:
    """The URL percent-encoded for a Markdown link, or None if its scheme is not safe."""
    url = clean_text(url)
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES:
        return None
    return quote(url, safe="/:?&=#%@+,;~!$'*-._")


def render_spans(spans) -> str:
    parts = []
    for span in spans:
        if isinstance(span, Link):
            url = safe_url(span.url)
            text = escape_inline(span.text)
            parts.append(f"[{text}](<{url}>)" if url and text else text)
        else:
            # keep the space that separates this text from a neighbouring link
            lead = " " if span[:1].isspace() else ""
            trail = " " if span[-1:].isspace() else ""
            parts.append(lead + escape_inline(span) + trail)
    return clean_text("".join(parts))


def render_block(block: Block, spans: str | None = None) -> str:
    text = escape_line_start(render_spans(block.spans) if spans is None else spans)
    if block.kind == "heading":
        return f"{'#' * max(2, min(block.level or 2, 4))} {text}"
    if block.kind == "quote":
        return f"> {text}"
    return text


def render_body(blocks: list[Block]) -> str:
    """The body as Markdown: blocks apart by blank lines, list items together."""
    out: list[str] = []
    number = 0
    for i, block in enumerate(blocks):
        spans = render_spans(block.spans)
        if not spans:
            continue
        if block.kind == "item":
            previous_item = i > 0 and blocks[i - 1].kind == "item"
            number = number + 1 if previous_item else 1
            marker = f"{number}." if block.ordered else "-"
            line = f"{marker} {escape_line_start(spans)}"
            if previous_item and out:
                out[-1] += "\n" + line
            else:
                out.append(line)
            continue
        out.append(render_block(block, spans))
    return "\n\n".join(out) + "\n" if out else ""
