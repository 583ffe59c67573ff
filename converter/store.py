"""The output folder as the record of what was converted, read fast.

Every article names its dump (`source.path`, `source.sha256`) and the
converter that wrote it in its front matter, and ends its front matter with
a checksum of itself. Reading those few lines with a pattern (instead of a
full YAML parse of thousands of files) keeps a no-change build cheap; a file
whose lines do not match (a curator reworked it) falls back to YAML.

A small cache of dump hashes, keyed by size and modification time, lives
outside the docs folder (`.cache/digest/` beside it) so that MkDocs never
sees it change; losing it only costs re-hashing.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from .writer import is_hand_edited

_FIELD = {
    name: re.compile(pattern, re.M)
    for name, pattern in {
        "path": r"^source:\n  path: (.+)$",
        "sha256": r"^  sha256: ([0-9a-f]{64})$",
        "converter": r"^converter: (\S+)$",
        "url": r"^url: (\S+)$",
        "date_source": r"^date_source: (\S+)$",
    }.items()
}


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


def _read_article(path: Path) -> StoredArticle | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = {name: (m.group(1) if (m := rx.search(text)) else None) for name, rx in _FIELD.items()}
    if found["path"] is None:
        try:
            meta = frontmatter.loads(text).metadata
        except Exception:  # not ours to judge: a curator's own page
            return None
        source = meta.get("source")
        if not (isinstance(source, dict) and isinstance(source.get("path"), str)):
            return None
        found = {"path": source["path"], "sha256": source.get("sha256"),
                 "converter": str(meta.get("converter") or ""), "url": meta.get("url"),
                 "date_source": meta.get("date_source")}
    return StoredArticle(path, _scalar(found["path"]), found["sha256"], found["converter"],
                         is_hand_edited(text), _scalar(found["url"]) if found["url"] else None, text,
                         found["date_source"])


def _scalar(value: str) -> str:
    """A YAML scalar as written on one line; quoted ones are unquoted by YAML itself."""
    value = value.strip()
    if value[:1] in "'\"":
        try:
            loaded = yaml.safe_load(value)
        except yaml.YAMLError:
            return value
        return str(loaded)
    return value


def read_store(out_dir: Path) -> tuple[dict[str, StoredArticle], list[StoredArticle]]:
    """Articles in the output folder by the dump they came from, and any extra ones.

    An extra is a second article from the same dump (a run killed between
    writing an article's new name and removing its old one); an edited
    article always wins over an unedited one.
    """
    index: dict[str, StoredArticle] = {}
    extras: list[StoredArticle] = []
    if not out_dir.is_dir():
        return index, extras
    for path in sorted(out_dir.glob("*.md")):
        stored = _read_article(path)
        if stored is None:
            continue
        held = index.get(stored.source)
        if held is None:
            index[stored.source] = stored
        elif stored.edited and not held.edited:
            extras.append(held)
            index[stored.source] = stored
        else:
            extras.append(stored)
    return index, extras


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class HashCache:
    """SHA-256 of dumps, recomputed only when a dump's size or mtime changes."""

    def __init__(self, location: Path | None):
        self.location = location
        self.entries: dict[str, list] = {}
        self.dirty = False
        if location is not None:
            try:
                self.entries = json.loads(location.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}

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
