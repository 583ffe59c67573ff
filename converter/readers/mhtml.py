"""The reader for "Webpage, Single File" saves of Chrome and Edge (`.mhtml`, `.mht`).

An MHTML file is a MIME message (RFC 2557): the page is its first
text/html part (or the one at the address Chrome's `Snapshot-Content-Location`
header names), the images are further parts, each with its
`Content-Location`. Python's email package parses it and undoes the
quoted-printable and base64 transfer encodings; the page then goes to the
HTML reader, and the lead image's part is decoded only if the page uses it.
"""
from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import BytesParser

from ..article import Article
from ..decoding import DecodeError, decode_bytes
from ..errors import DumpError
from ..settings import MAX_ARCHIVE_PARTS, MAX_MIME_PART_LINES
from .archive import read_archived_page, resource_key
from .base import Reader
from .html import HtmlReader


def _payload(part: Message) -> bytes | None:
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        return None
    return data if isinstance(data, bytes) else None


def _location(part: Message) -> str | None:
    value = part.get("Content-Location")
    return str(value).strip() if value else None


class MhtmlReader(Reader):
    """Reads MHTML archives: the main HTML part through the HTML reader."""

    extensions = (".mhtml", ".mht")
    name = "mhtml"

    def read_bytes(self, data: bytes, source: str) -> Article:
        if data.count(b"\n--") > MAX_MIME_PART_LINES:
            raise DumpError(source, f"more than {MAX_MIME_PART_LINES:,} MIME part lines; not an MHTML page")
        try:
            message = BytesParser(policy=policy.compat32).parsebytes(data)
        except Exception:  # the email parser is lenient; anything it still refuses is one line
            raise DumpError(source, "not a readable MHTML file") from None
        parts: list[Message] = []
        for part in message.walk():
            if not part.is_multipart():
                parts.append(part)
                if len(parts) >= MAX_ARCHIVE_PARTS:
                    break
        snapshot = message.get("Snapshot-Content-Location")
        pages = [p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")]
        main = next((p for p in pages if snapshot and _location(p) == str(snapshot).strip()), None)
        main = main or (pages[0] if pages else None)
        if main is None:
            raise DumpError(source, "no HTML page in the MHTML file")
        payload = _payload(main)
        if not payload:
            raise DumpError(source, "the MHTML file's page is empty")
        try:
            text = decode_bytes(payload, main.get_content_charset() or HtmlReader().declared_encoding(payload))
        except DecodeError as exc:
            raise DumpError(source, str(exc)) from None
        resources = {}
        for part in parts:
            location = _location(part)
            if part is not main and location:
                resources.setdefault(resource_key(location), lambda part=part: _payload(part))
        return read_archived_page(text, source, _location(main) or (str(snapshot) if snapshot else None), resources)
