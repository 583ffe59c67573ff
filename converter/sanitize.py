"""What a dump says, made safe to carry anywhere: valid Unicode, plain labels, sane sizes.

Every string read from a dump passes through here on its way into an
`Article` (`sanitize_article`, called by `read_dump`), and the writer
cleans again with `valid_unicode` (via `markdown.clean_text`), so nothing a
reader forgets can break YAML, JSON or a build:

- valid Unicode: a lone surrogate (half an emoji cut off in a JSON-LD
  caption, a `\\ud83d` escape, a UTF-7 page) cannot be encoded as UTF-8
  and crashed the YAML writer; it becomes U+FFFD, a split pair is joined;
- plain labels: a value that becomes a page title, a category or a slug is
  printed by Material without escaping (and `striptags` un-escapes
  entities), and a category's name is also the Markdown source of its
  page's heading (`# NAME`), so it keeps no character that HTML or
  Markdown markup is made of: `<>&"'` and the backtick, and the brackets
  and braces of Markdown links, images and attribute lists
  (`[x](javascript:…)`, `![x](x){: onerror=… }`), become look-alike
  typography; control and bidi-override characters go; and it is short,
  so that a section's slug stays a valid file name;
- sizes: a 30 MB one-line dump must not become a 60 MB page and 30 MB
  feeds, so the summary and the body are cut at named limits.
"""
from __future__ import annotations

import html
import re
from dataclasses import fields, replace

from .article import Article, Block, Image, Link

SECTION_MAX_WORDS = 5  # "World · Middle East" is a section; a sentence is not
SECTION_MAX_CHARS = 40  # keeps the category's slug (a folder name) far below 255 bytes
TITLE_MAX_CHARS = 200  # a page title (<title>, lists, feed item title)
HEADLINE_MAX_CHARS = 400  # the headline as the article shows it
SUMMARY_MAX_CHARS = 600  # the lede: front page, meta description, feed item
BODY_MAX_CHARS = 200_000  # 8x the longest article of the corpus; the rest of a runaway dump is dropped
ELLIPSIS = "…"

_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters HTML and Markdown markup is made of, and a harmless look-alike for each.
_MARKUP_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʼ",
                                    "[": "［", "]": "］", "{": "｛", "}": "｝"})
# Control characters and bidi overrides have no business in text a reader sees:
# they could hide or reorder it. (Tabs and line ends become spaces.)
INVISIBLE = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F, *range(0x202A, 0x202F),
     *range(0x2066, 0x206A), 0xFEFF]
)
_HAS_WORD = re.compile(r"\w")
# Characters that would break a log line if a name carried them.
_LINE_BREAKERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def valid_unicode(text: str) -> str:
    """`text` as valid Unicode: surrogate pairs joined, lone surrogates replaced by U+FFFD.

    A text holds a surrogate exactly when strict UTF-8 cannot encode it (every
    other code point it can): told in C, several times faster on a page than
    `_SURROGATE.search`; an ASCII text (told in O(1)) holds none."""
    if text.isascii() or not _holds_surrogate(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _holds_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def one_line(text: str) -> str:
    """`text` for a one-line message: control, line-break and bidi characters as escapes."""
    return _LINE_BREAKERS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), valid_unicode(text))


def valid_unicode_tree(value):
    """A parsed JSON value with every string (keys too) made valid Unicode."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list):
        return [valid_unicode_tree(v) for v in value]
    if isinstance(value, dict):
        return {valid_unicode_tree(k): valid_unicode_tree(v) for k, v in value.items()}
    return value


def shorten(text: str, max_chars: int, max_words: int | None = None) -> str:
    """`text` cut at a word boundary to at most `max_chars` (and `max_words`), with an ellipsis."""
    words = text.split()
    if max_words is not None and len(words) > max_words:
        text = " ".join(words[:max_words]) + ELLIPSIS
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - len(ELLIPSIS)]
    if " " in cut[max_chars // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + ELLIPSIS


def plain_label(text: str | None, max_chars: int, max_words: int | None = None) -> str | None:
    """One line of plain text with no markup characters, capped; None if no word is left."""
    if not text:
        return None
    text = valid_unicode(text)
    for _ in range(3):  # "&amp;lt;" is "<" written twice over
        if "&" not in text:
            break
        text = html.unescape(text)
    text = " ".join(text.translate(INVISIBLE).translate(_MARKUP_LOOKALIKES).split())
    if not _HAS_WORD.search(text):
        return None
    return shorten(text, max_chars, max_words)


def section_label(section: str | None) -> str | None:
    """A section (category) name: short plain text, or None."""
    return plain_label(section, SECTION_MAX_CHARS, SECTION_MAX_WORDS)


def title_label(headline: str | None) -> str | None:
    """A page title made from the headline: plain text, no markup characters."""
    return plain_label(headline, TITLE_MAX_CHARS)


def _valid_strings(obj):
    """A copy of a dataclass with every str (and list of str) field made valid Unicode."""
    changes = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            changes[f.name] = valid_unicode(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            changes[f.name] = [valid_unicode(v) for v in value]
    return replace(obj, **changes)


def _capped_body(blocks: list[Block], copy_all: bool = False) -> list[Block]:
    """The body's blocks, valid Unicode, ending where BODY_MAX_CHARS is reached.

    A block (or a link) that stays as it was is kept itself, not copied: they
    are frozen, and copying them was most of the time this took. `copy_all`
    copies every one, as this always did (tests/test_fast_assembly.py holds
    the two equal)."""
    kept: list[Block] = []
    room = BODY_MAX_CHARS
    for block in blocks:
        spans = []
        for span in block.spans:
            if room <= 0:
                break
            if isinstance(span, Link):
                text, url = valid_unicode(span.text)[:room], valid_unicode(span.url)
                span = span if text is span.text and url is span.url and not copy_all else Link(text, url)
                room -= len(span.text)
            else:
                span = shorten(valid_unicode(span), room) if len(span) > room else valid_unicode(span)
                room -= len(span)
            spans.append(span)
        if spans:
            same = not copy_all and type(block.spans) is tuple and len(spans) == len(block.spans) and all(
                new is old for new, old in zip(spans, block.spans))
            kept.append(block if same else replace(block, spans=tuple(spans)))
        if room <= 0:
            break
    return kept


def sanitize_article(article: Article) -> Article:
    """The article as a reader filled it, made safe to write: see the module docstring."""
    clean = _valid_strings(article)
    clean.image = _valid_strings(article.image) if isinstance(article.image, Image) else Image()
    clean.body = _capped_body(article.body)
    clean.section = section_label(clean.section)
    clean.headline = shorten(clean.headline, HEADLINE_MAX_CHARS) if clean.headline else clean.headline
    if clean.summary and len(clean.summary) > SUMMARY_MAX_CHARS:
        clean.summary = shorten(clean.summary, SUMMARY_MAX_CHARS)
    return clean
