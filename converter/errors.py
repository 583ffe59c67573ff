"""The one error type a reader raises for input it cannot turn into an article."""
from __future__ import annotations

from .sanitize import one_line


class DumpError(Exception):
    """A dump that cannot become an article; the message is one line for the curator."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{one_line(source)}: {one_line(reason)}")  # a file name may hold a line break
        self.source = source
        self.reason = reason

    def __reduce__(self):  # survive the trip back from a worker process
        return (DumpError, (self.source, self.reason))
