"""Resources inlined as `data:` URIs (pages saved by the SingleFile extension).

Such a page is one `.html` of several MB, most of it base64 images. The
HTML reader never needs those bytes, except the lead image's: each long
`data:` URI is set aside in one linear pass before the page is parsed
(the parser then sees a short stand-in), and only the one the lead image
points to is decoded afterwards, with its size bounded.
"""
from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote_to_bytes

from ..settings import DATA_URI_MIN_CHARS, MAX_SAVED_IMAGE_BYTES

# A data: URI runs until a quote, space, bracket or parenthesis ends the
# attribute or CSS value; one pass, no backtracking past the run. Lower case
# only, as saving tools write it: a literal prefix lets the search skip
# ahead (0.04 s on a 20 MB page; a case-blind one took 1 s).
_DATA_URI = re.compile(r"""data:[^\s"'<>()]{%d,}""" % DATA_URI_MIN_CHARS)
_STAND_IN = "data:,digest-inlined-{}"
_STAND_IN_PATTERN = re.compile(r"data:,digest-inlined-(\d{1,9})")


class InlinedResources:
    """A page with its long data: URIs replaced by stand-ins, and a way back to them."""

    def __init__(self, text: str):
        self._text = text
        self._spans: list[tuple[int, int]] = []
        self.page = _DATA_URI.sub(self._stand_in, text)

    def _stand_in(self, match: re.Match) -> str:
        self._spans.append(match.span())
        return _STAND_IN.format(len(self._spans) - 1)

    def __len__(self) -> int:
        return len(self._spans)

    def resource(self, src: str | None) -> bytes | None:
        """The bytes of the data: URI `src` stands for (or is), or None when it is none.

        Raises ValueError with a reason when it is one but cannot be decoded."""
        if not src:
            return None
        m = _STAND_IN_PATTERN.fullmatch(src)
        if m is not None:
            index = int(m.group(1))
            if index >= len(self._spans):
                return None
            start, end = self._spans[index]
            return decode_data_uri(self._text[start:end])
        if src[:5].lower() == "data:":
            return decode_data_uri(src)
        return None


def decode_data_uri(uri: str) -> bytes:
    """The payload of a `data:[type][;base64],payload` URI; ValueError when unreadable or too big."""
    header, comma, payload = uri.partition(",")
    if not comma:
        raise ValueError("a data: URI without data")
    if len(payload) * 3 // 4 > MAX_SAVED_IMAGE_BYTES:
        raise ValueError(f"a data: URI of over {MAX_SAVED_IMAGE_BYTES // 1048576} MB")
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(unquote_to_bytes(payload) if "%" in payload else payload)
        except (binascii.Error, ValueError):
            raise ValueError("a data: URI whose base64 is broken") from None
    return unquote_to_bytes(payload)
