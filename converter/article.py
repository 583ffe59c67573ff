"""The article model: what every reader produces and every writer consumes.

Readers (one per input format) fill an `Article`; nothing downstream knows
which format it came from. The body is kept as structured blocks of plain
text, never as Markdown, so that the writer alone decides how text is
escaped: a dump's text can then never turn into live markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Link:
    """An inline link inside a block; `url` is absolute and already vetted."""

    text: str
    url: str


Span = Union[str, Link]

BlockKind = Literal["paragraph", "heading", "quote", "item"]


@dataclass(frozen=True)
class Block:
    """One block of the body.

    `item` blocks that follow each other form one list; `ordered` says
    whether it is numbered. `level` is the heading level (2–4).
    """

    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0
    ordered: bool = False

    @classmethod
    def paragraph(cls, text: str) -> "Block":
        return cls("paragraph", (text,))

    @property
    def text(self) -> str:
        """The block's visible text, links reduced to their words."""
        return "".join(s if isinstance(s, str) else s.text for s in self.spans)


@dataclass
class Image:
    """The lead image as the page shows it: alt text, caption and credit apart."""

    description: str | None = None
    caption: str | None = None
    credit: str | None = None
    url: str | None = None
    # Where the page itself points for the picture, as written (`./story_files/a.jpg`,
    # a data: URI's stand-in): how a reader finds the copy a saved page holds.
    src: str | None = None
    # The copy the saved page holds (raw bytes) and what to call it in a message;
    # then, once decoded and resized, the published file's bytes and its place.
    saved: bytes | None = field(default=None, repr=False)
    saved_name: str | None = None
    data: bytes | None = field(default=None, repr=False)
    file: str | None = None  # path from the content folder, e.g. lead-images/<hash>.jpg
    width: int | None = None
    height: int | None = None

    def is_empty(self) -> bool:
        return not (self.description or self.caption or self.credit or self.url or self.file)


@dataclass
class Article:
    """One news article, independent of the format it was read from."""

    source: str
    headline: str
    body: list[Block] = field(default_factory=list)
    date: str | None = None  # ISO 8601: a date, or a datetime with its zone when known
    date_source: str | None = None  # where `date` came from, e.g. "dateline", "filename", "git"
    # "1 day ago", "vor 2 Tagen": the page's only date, counted back from the dump's own date once known
    relative_date: str | None = None
    authors: list[str] = field(default_factory=list)  # from bylines
    contributors: list[str] = field(default_factory=list)  # "X contributed reporting"
    section: str | None = None
    image: Image = field(default_factory=Image)
    summary: str | None = None  # the lede
    url: str | None = None
    slug: str | None = None
    notes: list[str] = field(default_factory=list)  # one line each: what the curator should know

    @property
    def credit(self) -> str | None:
        """The photo credit: the field the front matter calls `credit`."""
        return self.image.credit

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.body)
