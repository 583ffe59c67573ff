"""The reader for Safari's "Web Archive" saves (`.webarchive`).

A web archive is a property list (plistlib reads both the binary and the
XML form): `WebMainResource` holds the page's bytes, its address and
encoding; `WebSubresources` the images and other files, each with its
`WebResourceURL`. The page goes to the HTML reader; the lead image's
resource is used only if the page points to it. Frames
(`WebSubframeArchives`) are never read.
"""
from __future__ import annotations

import plistlib
import struct

from ..article import Article
from ..decoding import DecodeError, decode_bytes
from ..errors import DumpError
from ..settings import MAX_ARCHIVE_PARTS, MAX_PLIST_OBJECTS
from .archive import read_archived_page, resource_key
from .base import Reader
from .html import HtmlReader


def _declared_objects(data: bytes) -> int:
    """How many objects a binary property list says it holds (its trailer's count); 0 for XML."""
    if not data.startswith(b"bplist00") or len(data) < 40:
        return 0
    return struct.unpack(">Q", data[-24:-16])[0]


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class WebArchiveReader(Reader):
    """Reads Safari web archives: the main resource through the HTML reader."""

    extensions = (".webarchive",)
    name = "webarchive"

    def read_bytes(self, data: bytes, source: str) -> Article:
        if _declared_objects(data) > MAX_PLIST_OBJECTS:
            raise DumpError(source, f"a property list of more than {MAX_PLIST_OBJECTS:,} objects; not a web archive")
        try:
            archive = plistlib.loads(data)
        except Exception:  # plistlib raises many types for a damaged file: all are one line
            raise DumpError(source, "not a readable web archive (property list)") from None
        main = archive.get("WebMainResource") if isinstance(archive, dict) else None
        if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
            raise DumpError(source, "no page in the web archive (WebMainResource)")
        page = main["WebResourceData"]
        encoding = _text(main.get("WebResourceTextEncodingName"))
        try:
            text = decode_bytes(page, encoding or HtmlReader().declared_encoding(page))
        except DecodeError as exc:
            raise DumpError(source, str(exc)) from None
        resources = {}
        subresources = archive.get("WebSubresources")
        for resource in (subresources if isinstance(subresources, list) else [])[:MAX_ARCHIVE_PARTS]:
            if isinstance(resource, dict) and _text(resource.get("WebResourceURL")) \
                    and isinstance(resource.get("WebResourceData"), bytes):
                resources.setdefault(resource_key(resource["WebResourceURL"]),
                                     lambda data=resource["WebResourceData"]: data)
        return read_archived_page(text, source, _text(main.get("WebResourceURL")), resources)
