"""The interface every input format's reader implements."""
from __future__ import annotations

from typing import ClassVar

from ..article import Article
from ..decoding import DecodeError, decode_bytes
from ..errors import DumpError


class Reader:
    """Turns one dump into an `Article`.

    A reader raises `DumpError` (with a one-line reason) for input it cannot
    read; it never writes anything. Dates it cannot find stay None: the
    caller falls back to the file name, git and file times.

    Text formats implement `read` (the decoded text); container formats
    (MHTML, web archives) override `read_bytes`, take the page out of the
    container and hand it to the HTML reader.
    """

    #: file name endings this reader takes, lower case, with the dot
    extensions: ClassVar[tuple[str, ...]] = ()
    #: a short name for logs and `date_source` values
    name: ClassVar[str] = ""

    def declared_encoding(self, data: bytes) -> str | None:
        """The encoding the file itself names, if the format has a way to say it."""
        return None

    def read_bytes(self, data: bytes, source: str) -> Article:
        """The article of a whole file's bytes (already read, its size checked)."""
        try:
            text = decode_bytes(data, self.declared_encoding(data))
        except DecodeError as exc:
            raise DumpError(source, str(exc)) from None
        return self.read(text, source)

    def read(self, text: str, source: str) -> Article:
        raise NotImplementedError
