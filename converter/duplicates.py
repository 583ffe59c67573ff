"""The same story dropped twice: one article, and a warning naming both dumps.

Two dumps are one story when they name the same page URL, or when their
bodies share most of their longest paragraphs (a text copy and the saved
HTML of one page never match byte for byte, but their paragraphs do). Two
different stories that merely share a headline and a day share no
paragraphs, so both survive.
"""
from __future__ import annotations

import hashlib
import html
import re
from urllib.parse import urlsplit, urlunsplit

_WORDS = re.compile(r"\w+")
# The writer's links are `[text](<url>)` with the URL percent-encoded, so a
# target never holds `<>()` or spaces: matching only that keeps the scan
# linear (`[^)>]*` rescanned the rest of a body of repeated "](" for each).
_LINK_TARGET = re.compile(r"\]\(<[^<>()\s]*>\)")
_MIN_WORDS = 12
_KEPT = 6


def canonical_url(url: str | None) -> str | None:
    """A URL with scheme, `www.`, query, fragment and trailing slash set aside."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/"), "", ""))


def fingerprint(body: str) -> frozenset[str]:
    """Hashes of the body's longest paragraphs, insensitive to markup and quotes.

    Takes the plain text of a fresh article or the Markdown of a stored one
    (entities and link targets set aside) and gives the same hashes for both.
    """
    paragraphs = []
    body = html.unescape(_LINK_TARGET.sub("]", body))
    for block in re.split(r"\n\s*\n", body):
        words = _WORDS.findall(block.casefold())
        if len(words) >= _MIN_WORDS:
            paragraphs.append((len(words), " ".join(words)))
    longest = sorted(paragraphs, reverse=True)[:_KEPT]
    return frozenset(hashlib.sha1(text.encode()).hexdigest()[:16] for _, text in longest)


def same_story(a_url: str | None, a_print: frozenset[str], b_url: str | None, b_print: frozenset[str]) -> str | None:
    """Why two articles are one story ("same URL", "same text"), or None."""
    if a_url and a_url == b_url:
        return "same URL"
    if a_print and b_print:
        shared = len(a_print & b_print)
        if shared >= max(1, min(len(a_print), len(b_print)) // 2):
            return "same text"
    return None
