"""One reader per input format, all behind the `Reader` interface.

`read_dump(path)` is the single entry point: it picks the reader by file
ending, decodes the bytes, lets the reader build the `Article`, then fills
what the page did not say (date from the file name, git or file time; the
slug) the same way for every format.
"""
from __future__ import annotations

from pathlib import Path

from ..article import Article
from ..decoding import DecodeError, decode_bytes
from ..errors import DumpError
from ..safe_files import RefusedFile, path_text, read_regular_file
from ..sanitize import sanitize_article
from .base import Reader
from .text import TextReader

READERS: list[Reader] = [TextReader()]


def _html_reader() -> Reader | None:
    try:
        from .html import HtmlReader
    except ImportError:
        return None
    return HtmlReader()


_html = _html_reader()
if _html is not None:
    READERS.append(_html)

DUMP_EXTENSIONS: tuple[str, ...] = tuple(ext for r in READERS for ext in r.extensions)


def reader_for(path: Path) -> Reader | None:
    """The reader for this file's ending, or None when no reader takes it."""
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.extensions), None)


def read_text_of(path: Path, reader: Reader, source: str | None = None) -> str:
    """The decoded text of a dump, or DumpError naming why it cannot be read."""
    source = source or path_text(path)
    try:
        data = read_regular_file(path)  # a regular file only, its size checked before reading
    except RefusedFile as exc:
        raise DumpError(source, str(exc)) from None
    declared = getattr(reader, "declared_encoding", lambda _data: None)(data)
    try:
        return decode_bytes(data, declared)
    except DecodeError as exc:
        raise DumpError(source, str(exc)) from None


def read_dump(path: Path, source: str | None = None) -> Article:
    """Read one dump into an `Article`; raises DumpError with a one-line reason."""
    source = source or path_text(path)
    reader = reader_for(path)
    if reader is None:
        raise DumpError(source, f"unsupported file type '{path.suffix}' (expected one of {', '.join(DUMP_EXTENSIONS)})")
    text = read_text_of(path, reader, source)
    try:
        article = reader.read(text, source)
    except DumpError:
        raise
    except RecursionError:
        raise DumpError(source, "structure too deeply nested to read") from None
    article = sanitize_article(article)
    if not article.headline.strip():
        raise DumpError(source, "no recognisable headline")
    return article
