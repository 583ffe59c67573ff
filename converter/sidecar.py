"""The curator's layer beside a dump: `NAME.md` next to `NAME.txt` (or `.html`).

Its front matter corrects or adds what the converter cannot know
(`headline`, `date`, `section`, `byline`, `contributors`, `credit`, `tags`,
`order`, `hide`), and its Markdown body is the curator's note ("why it
matters"). Its values win over the converter's; every other field keeps
coming from the dump, so a better converter still improves the article,
which editing the converted article by hand would freeze.

The sidecar is the curator's own writing, trusted like any page of the
site; only a value of the wrong kind is refused (one line naming the file
and the field), and the rest of the sidecar still applies.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import DumpError
from .markdown import clean_text
from .notes import note_problem
from .safe_files import RefusedFile, path_text, read_regular_file, refusal
from .settings import MAX_SIDECAR_NESTING
from .store import FRONT_MATTER_END, FRONT_MATTER_START

SIDECAR_SUFFIX = ".md"
FOLDER_PAGE_NAMES = frozenset({"index.md", "README.md"})
MAX_SIDECAR_BYTES = 1 << 20  # a note is a paragraph or two; a megabyte is not a sidecar
TEXT_FIELDS = ("headline", "section", "credit")
NAME_LIST_FIELDS = ("byline", "contributors", "tags")
# Keys only a sidecar has (a page of the curator's own has a title, maybe a date, and
# Material's `hide`): a Markdown file holding one but no dump beside it is a sidecar gone astray.
SIDECAR_ONLY_FIELDS = frozenset({"headline", "byline", "contributors", "credit", "order"})


@dataclass
class Sidecar:
    """What the curator said about one dump."""

    source: str  # its path inside the content folder, as messages show it
    sha256: str
    values: dict = field(default_factory=dict)  # only fields that passed their check
    note: str = ""  # the curator's Markdown
    problems: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return self.values.get("hide") is True


def sidecar_path(dump: Path) -> Path:
    return dump.with_suffix(SIDECAR_SUFFIX)


def is_folder_page(path: Path) -> bool:
    """True for `index.md` and `README.md`, the page MkDocs makes of a folder: never a sidecar,
    even beside a page saved as `index.html` (a browser names the file after the page's title)."""
    return path.name in FOLDER_PAGE_NAMES


class CuratorYamlLoader(yaml.SafeLoader):
    """YAML as a curator writes front matter, read so that no mistake crashes or stalls a build.

    Dates stay text, so `date: 2019-02-30` is a field that is ignored (`_iso_date`),
    not a ValueError out of the YAML library. Aliases (`*name`) are refused: a
    megabyte of them to one long anchor ("billion laughs") expands to gigabytes
    of names. Nesting deeper than MAX_SIDECAR_NESTING is refused before Python's
    recursion limit is reached.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not read in front matter",
                                              self.peek_event().start_mark)
        if self._depth >= MAX_SIDECAR_NESTING:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_SIDECAR_NESTING} levels deep",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(front matter, body) of a Markdown file; (None, text) when it has none or it is not YAML."""
    if not text.startswith(FRONT_MATTER_START):
        return {}, text
    end = text.find(FRONT_MATTER_END, len(FRONT_MATTER_START) - 1)
    if end < 0:
        return None, text
    try:
        meta = yaml.load(text[len(FRONT_MATTER_START):end], Loader=CuratorYamlLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):  # a tag such as !!float x: a ValueError
        return None, text
    if meta is None:
        meta = {}
    return (meta if isinstance(meta, dict) else None), text[end + len(FRONT_MATTER_END):]


def _names(value) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [clean_text(v) for v in value if clean_text(v)]
    return None


def _iso_date(value) -> str | None:
    """The date or time a sidecar gives (text: CuratorYamlLoader leaves dates unread), in ISO form."""
    if isinstance(value, str):
        try:
            return (datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)).isoformat()
        except ValueError:
            return None
    return None


def _checked(meta: dict) -> tuple[dict, list[str]]:
    """The fields that hold what they should; one problem per field that does not."""
    values, problems = {}, []
    for key, value in meta.items():
        key = str(key)
        if key in TEXT_FIELDS:
            ok = isinstance(value, str) and clean_text(value)
            checked, why = (clean_text(value) if ok else None), "must be text"
        elif key in NAME_LIST_FIELDS:
            checked, why = _names(value), "must be a name or a list of names"
        elif key == "date":
            checked, why = _iso_date(value), "must be a date (2024-08-19) or a time (2024-08-19T09:30:00+02:00)"
        elif key == "order":
            ok = isinstance(value, int) and not isinstance(value, bool)
            checked, why = (value if ok else None), "must be a whole number"
        elif key == "hide":
            checked, why = (value if isinstance(value, bool) else None), "must be true or false"
        else:
            problems.append(f"`{key}` is not a field a sidecar sets; ignored")
            continue
        if checked is None:
            problems.append(f"`{key}` {why}; ignored")
        else:
            values[key] = checked
    return values, problems


def read_sidecar(dump: Path, root: Path) -> Sidecar | None:
    """The sidecar beside `dump`, or None when there is none.

    Raises DumpError (one line, naming the sidecar) when it exists but
    cannot be read or its front matter is not YAML.
    """
    path = sidecar_path(dump)
    if is_folder_page(path) or (not path.exists() and not path.is_symlink()):
        return None
    source = path_text(path.absolute().relative_to(root.absolute()).as_posix())
    why = refusal(path, root, max_bytes=MAX_SIDECAR_BYTES)
    if why is not None:
        raise DumpError(source, why)
    try:
        data = read_regular_file(path, limit=MAX_SIDECAR_BYTES)
    except (OSError, RefusedFile) as exc:
        raise DumpError(source, f"cannot read sidecar ({exc})") from None
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    meta, note = split_front_matter(text)
    if meta is None:
        raise DumpError(source, "its front matter is not YAML key: value lines between --- lines; sidecar not used")
    values, problems = _checked(meta)
    note = note.strip()
    if note and (why := note_problem(note)):
        problems.append(f"the note: {why}")
        note = ""
    return Sidecar(source, hashlib.sha256(data).hexdigest(), values, note, problems)


def looks_like_sidecar(path: Path) -> bool:
    """A Markdown file whose front matter holds a field only sidecars have."""
    try:
        text = read_regular_file(path, limit=MAX_SIDECAR_BYTES).decode("utf-8", errors="replace")
    except (OSError, RefusedFile):
        return False
    meta, _ = split_front_matter(text)
    return bool(meta) and not SIDECAR_ONLY_FIELDS.isdisjoint(map(str, meta))
