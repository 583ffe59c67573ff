"""The interface every input format's reader implements."""
from __future__ import annotations

from typing import ClassVar

from ..article import Article


class Reader:
    """Turns one dump's decoded text into an `Article`.

    A reader raises `DumpError` (with a one-line reason) for input it cannot
    read; it never writes anything. Dates it cannot find stay None: the
    caller falls back to the file name, git and file times.
    """

    #: file name endings this reader takes, lower case, with the dot
    extensions: ClassVar[tuple[str, ...]] = ()
    #: a short name for logs and `date_source` values
    name: ClassVar[str] = ""

    def read(self, text: str, source: str) -> Article:
        raise NotImplementedError
