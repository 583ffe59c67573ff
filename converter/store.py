"""The output folder as the record of what was converted, read fast.

Every article names its dump (`source.path`, `source.sha256`) and the
converter that wrote it in its front matter, and ends its front matter with
a checksum of itself. Only the front matter block is parsed, with libyaml
(CSafeLoader), which keeps a no-change build cheap; the body is never read
for fields.

A small cache of dump hashes, keyed by size and modification time, lives
outside the docs folder (`.cache/digest/` beside it) so that MkDocs never
sees it change; losing it only costs re-hashing.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .safe_files import RefusedFile, is_within, open_regular, read_regular_file
from .writer import is_hand_edited

# libyaml, and no type resolution: the fields read here are all strings (a
# dump named 2024.txt stays "2024.txt"), and skipping resolution halves the cost.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
FRONT_MATTER_START, FRONT_MATTER_END = "---\n", "\n---\n"


def front_matter_of(text: str) -> dict | None:
    """The YAML front matter of a Markdown file, read by a YAML parser and only that block.

    (A body line such as `url: https://…` is text, never a field.)
    """
    if not text.startswith(FRONT_MATTER_START):
        return None
    end = text.find(FRONT_MATTER_END, len(FRONT_MATTER_START) - 1)
    if end < 0:
        return None
    try:
        meta = yaml.load(text[len(FRONT_MATTER_START):end], Loader=_LOADER)
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None


@dataclass
class StoredArticle:
    """What the converter needs to know about one article file."""

    path: Path
    source: str
    source_sha256: str | None
    converter: str | None
    edited: bool
    url: str | None
    text: str
    date_source: str | None = None

    @property
    def body(self) -> str:
        """The Markdown after the front matter."""
        parts = self.text.split("\n---\n", 1)
        return parts[1] if len(parts) == 2 else ""


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


def read_article(path: Path) -> StoredArticle | None:
    """The article's record, or None for a file that names no dump (a curator's own page).

    A file that is not valid UTF-8 (an edit saved as Windows-1252) is still
    recognised by its front matter; it fails its checksum, so it counts as edited.
    """
    if not is_within(path, path.parent):  # a link out of the folder (to /etc/passwd) is not read, and not ours
        return None
    try:
        text = read_regular_file(path).decode("utf-8", errors="replace")  # a FIFO named .md must not hang us
    except (OSError, RefusedFile):
        return None
    meta = front_matter_of(text)
    source = meta.get("source") if meta else None
    if not (isinstance(source, dict) and _text_or_none(source.get("path"))):
        return None
    return StoredArticle(path, source["path"], _text_or_none(source.get("sha256")),
                         str(meta.get("converter") or "") or None, is_hand_edited(text),
                         _text_or_none(meta.get("url")), text, _text_or_none(meta.get("date_source")))


def read_store(out_dir: Path) -> tuple[dict[str, StoredArticle], list[StoredArticle], list[Path]]:
    """Articles in the output folder by the dump they came from, any extra ones, and foreign files.

    An extra is a second article from the same dump (a run killed between
    writing an article's new name and removing its old one); an edited
    article always wins over an unedited one. A foreign file names no dump
    (a curator's own page, or an article whose `source` was edited away):
    it is never written over or removed, and its name is taken.
    """
    index: dict[str, StoredArticle] = {}
    extras: list[StoredArticle] = []
    foreign: list[Path] = []
    if not out_dir.is_dir():
        return index, extras, foreign
    for path in sorted(out_dir.glob("*.md")):
        stored = read_article(path)
        if stored is None:
            foreign.append(path)
            continue
        held = index.get(stored.source)
        if held is None:
            index[stored.source] = stored
        elif stored.edited and not held.edited:
            extras.append(held)
            index[stored.source] = stored
        else:
            extras.append(stored)
    return index, extras, foreign


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as handle:  # never blocks on a FIFO or device
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class JsonCache:
    """A small JSON map outside the docs folder; losing it only costs time."""

    def __init__(self, location: Path | None):
        self.location = location
        self.entries: dict[str, list] = {}
        self.dirty = False
        if location is not None:
            try:
                self.entries = json.loads(location.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}
            if not isinstance(self.entries, dict):
                self.entries = {}

    def save(self) -> None:
        if self.location is None or not self.dirty:
            return
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.location.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.entries, handle)
            os.replace(tmp, self.location)
        except OSError:
            pass  # a cache that cannot be written only costs time


class HashCache(JsonCache):
    """SHA-256 of dumps, recomputed only when a dump's size or mtime changes."""

    def sha256(self, path: Path) -> str:
        stat = path.stat()
        key = str(path.resolve())
        entry = self.entries.get(key)
        if entry and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[2]
        digest = _sha256_file(path)
        self.entries[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self.dirty = True
        return digest


class DuplicateMemo(JsonCache):
    """Dumps last found to tell another dump's story, by their bytes and the other's.

    An unchanged duplicate of an unchanged, published dump is not converted,
    written and deleted again on every build: it is noted as a duplicate again.
    Entries: skipped source -> [its sha256, converter, kept source, kept sha256, why].
    """

    def recall(self, source: str, digests: dict[str, str], converter: str) -> tuple[str, str] | None:
        """(kept source, why) if `source` is still a duplicate of the same bytes, else None."""
        entry = self.entries.get(source)
        if not (isinstance(entry, list) and len(entry) == 5):
            return None
        sha, made_by, kept, kept_sha, why = entry
        if sha != digests.get(source) or made_by != converter or kept == source or digests.get(kept) != kept_sha:
            return None
        return kept, why

    def remember(self, duplicates: list[tuple[str, str, str]], digests: dict[str, str], converter: str,
                 seen: set[str]) -> None:
        """Record this run's duplicates; entries of dumps not in this run (`seen`) are kept."""
        entries = {source: entry for source, entry in self.entries.items() if source not in seen}
        for kept, skipped, why in duplicates:
            if skipped in digests and kept in digests:
                entries[skipped] = [digests[skipped], converter, kept, digests[kept], why]
        if entries != self.entries:
            self.entries, self.dirty = entries, True
