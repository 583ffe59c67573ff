"""The editions of a digest, read from the articles in posts/ and the curator's introductions.

Every article (converted, hand-edited, or a curator's own post with a date)
belongs to the edition of the day it was printed (or its ISO week). Within
an edition the curator's `order` comes first (lower first; stories without
one after those with one), then the newest story. The page, the edition
feed and the email all show an edition as this module reads it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timezone
from pathlib import Path

from ..display import day_key, join_names, short_lede
from ..notes import note_problem
from ..safe_files import RefusedFile, is_within, read_regular_file, refusal
from ..sidecar import MAX_SIDECAR_BYTES, split_front_matter
from ..store import front_matter_of
from .keys import DAILY, edition_key, edition_title

# The blog plugin's post address (post_url_format "{date}/{slug}", dates as yyyy/MM/dd):
# the email and feeds link articles without a build, tests check each link resolves.
POST_URL_FORMAT = "{year}/{month}/{day}/{slug}/"


@dataclass
class Story:
    """One article as an edition shows it (all text as the converter wrote it)."""

    file: str  # its file name in posts/
    headline: str
    day: str
    datetime: str
    dateline: str = ""
    byline: str = ""
    contributors: str = ""
    lede: str = ""
    note: str = ""  # the curator's Markdown
    order: int | None = None
    url_path: str = ""  # the article's address below site_url

    @property
    def sort_key(self) -> tuple:
        return (self.order is None, self.order or 0, -_instant(self.datetime), self.headline)


@dataclass
class Edition:
    key: str  # 2019-11-20 or 2019-W47
    title: str
    stories: list[Story] = field(default_factory=list)
    intro: str = ""  # the curator's Markdown, from editions/KEY.md
    intro_problem: str = ""  # why editions/KEY.md is not shown (one line for the curator)
    previous: str | None = None  # the older edition's key
    next: str | None = None  # the newer edition's key

    @property
    def url_path(self) -> str:
        return f"editions/{self.key}/"

    @property
    def published(self) -> datetime:
        """The time of its newest story: the feeds' date for the edition (the same on every build)."""
        return max((moment(s.datetime) for s in self.stories), default=moment(self.key))


def moment(text: str) -> datetime:
    """A story's time as an aware datetime (a day alone, or a time without zone, read as UTC)."""
    try:
        when = datetime.fromisoformat(text) if len(text) > 10 else datetime.combine(date.fromisoformat(text), time())
    except ValueError:
        when = datetime(1970, 1, 1)
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _instant(text: str) -> float:
    return moment(text).timestamp()


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _order(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# Stories already read, by file and its (mtime, size): a preview rebuild reads only what changed.
_READ: dict[str, tuple[tuple[int, int], Story | None]] = {}


def story_of(path: Path) -> Story | None:
    """The story an article file tells, or None when it has no headline or day."""
    try:
        info = path.stat()
    except OSError:
        return None
    stamp = (info.st_mtime_ns, info.st_size)
    known = _READ.get(str(path))
    if known is not None and known[0] == stamp:
        return replace(known[1]) if known[1] else None
    story = _read_story(path)
    _READ[str(path)] = (stamp, story)
    return replace(story) if story else None


def _read_story(path: Path) -> Story | None:
    if not is_within(path, path.parent):  # a link out of posts/ (to /etc/passwd) is never read
        return None
    try:
        text = read_regular_file(path).decode("utf-8", errors="replace")
    except (OSError, RefusedFile):
        return None
    meta = front_matter_of(text)
    if not meta:
        return None
    show = meta.get("display") if isinstance(meta.get("display"), dict) else {}
    day = _text(show.get("day")) or day_key(_text(meta.get("date")))
    headline = _text(meta.get("headline")) or _text(meta.get("title"))
    slug = _text(meta.get("slug")) or path.stem
    try:  # a hand-edited `day: 20191118` or `day: Nov 18` is in no edition; it stops no build
        printed = date.fromisoformat(day) if len(day) == 10 else None
    except ValueError:
        printed = None
    if not (printed and headline):
        return None
    names = lambda key: _text(show.get(key)) or join_names([n for n in meta.get(key) or [] if isinstance(n, str)])  # noqa: E731
    year, month, dd = f"{printed.year:04d}", f"{printed.month:02d}", f"{printed.day:02d}"
    return Story(
        file=path.name, headline=headline, day=day,
        datetime=_text(show.get("datetime")) or day, dateline=_text(show.get("dateline")),
        byline=names("byline"), contributors=names("contributors"),
        lede=short_lede(_text(meta.get("summary"))),
        note=_text(meta.get("note")), order=_order(meta.get("order")),
        url_path=POST_URL_FORMAT.format(year=year, month=month, day=dd, slug=slug),
    )


def read_intro(path: Path, root: Path) -> tuple[str, str]:
    """(the curator's introduction: Markdown after any front matter, why it is not shown).

    The introduction is "" for a link that leads out of the content folder `root`,
    a device, a file too big to be one, or Markdown too deep to render (and says so)."""
    if not path.exists() or refusal(path, root, max_bytes=MAX_SIDECAR_BYTES) is not None:
        return "", ""
    try:
        text = read_regular_file(path, limit=MAX_SIDECAR_BYTES).decode("utf-8", errors="replace")
    except (OSError, RefusedFile):
        return "", ""
    _, body = split_front_matter(text.replace("\r\n", "\n"))
    why = note_problem(body.strip())
    return ("", why) if why else (body.strip(), "")


def collect_editions(posts_dir: Path, editions_dir: Path, mode: str = DAILY) -> list[Edition]:
    """Every edition, oldest first, with its stories in order, its introduction and neighbours."""
    by_key: dict[str, Edition] = {}
    for path in sorted(posts_dir.glob("*.md")) if posts_dir.is_dir() else []:
        story = story_of(path)
        key = edition_key(story.day, mode) if story else ""
        if not key:
            continue
        if key not in by_key:
            by_key[key] = Edition(key, edition_title(key))
        by_key[key].stories.append(story)
    editions = [by_key[key] for key in sorted(by_key)]
    for at, edition in enumerate(editions):
        edition.stories.sort(key=lambda s: s.sort_key)
        edition.intro, edition.intro_problem = read_intro(editions_dir / f"{edition.key}.md", editions_dir.parent)
        edition.previous = editions[at - 1].key if at > 0 else None
        edition.next = editions[at + 1].key if at + 1 < len(editions) else None
    return editions
